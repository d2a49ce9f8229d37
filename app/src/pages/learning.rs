//! Learning: the catalogue, a course's syllabus, a lesson with its quiz, the
//! learner's dashboard and certificates; `model` is what these pages show.

mod courses;
mod learner;
mod lesson;
pub mod model;

pub use courses::language_name;
pub(crate) use courses::{Catalogue, CoursePage};
pub(crate) use learner::{Certificate, Dashboard};
pub(crate) use lesson::LessonPage;
pub use model::*;
