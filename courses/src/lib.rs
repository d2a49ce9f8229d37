//! Courses as their authors write them: folders of Markdown with TOML front
//! matter under `content/courses/`, loaded once into typed structs and checked
//! as a whole. Every problem is reported at once, with file and line.
//!
//! ```text
//! courses/chatons/_index.md            the course (original language)
//! courses/chatons/_index.en.md         its translation (title, summary, body)
//! courses/chatons/01-internet/_index.md             a module
//! courses/chatons/01-internet/01-how-it-works.md    a lesson
//! courses/chatons/01-internet/01-how-it-works.en.md its translation
//! courses/chatons/01-internet/02-neutrality/index.md  a lesson with files beside it
//! ```
//!
//! A lesson may hold one quiz (see [`quiz`] for its syntax). Lessons link to
//! each other with checked links such as
//! `[neutrality](@/courses/chatons/01-internet/02-neutrality/index.md#why)`.

pub mod catalogue;
mod frontmatter;
pub mod images;
mod links;
mod loader;
mod model;
pub mod quiz;
pub mod render;
mod report;
pub mod topics;

pub use frontmatter::{CourseFront, LessonFront, Level, ModuleFront, TranslatedFront};
pub use loader::load;
pub use model::{Course, Lesson, LessonVersion, Library, Module, Text, Translations};
pub use report::{Problem, Report};
