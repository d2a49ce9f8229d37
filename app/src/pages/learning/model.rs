//! What the course pages show: the catalogue, a course, a lesson with its
//! quiz, a learner's dashboard and a certificate. The server fills these from
//! the loaded content and the learner's records.

use serde::{Deserialize, Serialize};

/// A link to a page under the current language, with its text.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Link {
    /// Path without the language prefix.
    pub path: String,
    pub title: String,
}

/// A topic of the scheme: its id and label in the page's language.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TopicTag {
    pub id: String,
    pub label: String,
}

/// Progress through a course: lessons done out of all.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct Progress {
    pub done: usize,
    pub total: usize,
}

impl Progress {
    pub fn percent(&self) -> usize {
        (self.done * 100).checked_div(self.total).unwrap_or(0)
    }
}

/// A picture with its responsive variants (a course's cover).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Picture {
    pub src: String,
    /// `url 480w, url 800w, …`
    pub srcset: String,
    pub width: u32,
    pub height: u32,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CourseCard {
    pub slug: String,
    pub title: String,
    /// The language the title and summary are shown in.
    pub lang: String,
    pub summary: String,
    /// `beginner`, `intermediate` or `advanced`.
    pub level: String,
    /// Estimated time to follow the whole course.
    pub minutes: u32,
    pub languages: Vec<String>,
    pub topics: Vec<TopicTag>,
    pub lessons: usize,
    /// The visitor's progress, once they started.
    pub progress: Option<Progress>,
    pub cover: Option<Picture>,
}

/// The catalogue's filters as chosen (empty: any).
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct CourseFilters {
    pub language: String,
    pub level: String,
    pub topic: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CatalogueView {
    pub courses: Vec<CourseCard>,
    pub filters: CourseFilters,
    /// Values offered by each filter, from the courses there are.
    pub languages: Vec<String>,
    pub levels: Vec<String>,
    pub topics: Vec<TopicTag>,
    /// How many courses exist before filtering.
    pub all: usize,
}

/// A lesson in a course's syllabus.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SyllabusLesson {
    pub link: Link,
    pub minutes: u32,
    pub has_quiz: bool,
    pub done: bool,
    /// Best quiz score as `(score, total)`.
    pub best: Option<(i64, i64)>,
    pub passed: bool,
    /// Questions of its discussion nobody answered yet.
    pub unanswered: i64,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SyllabusModule {
    pub id: String,
    pub title: String,
    pub summary: Option<String>,
    pub lessons: Vec<SyllabusLesson>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CourseView {
    pub slug: String,
    pub title: String,
    pub summary: String,
    /// The language shown, and the course's original one.
    pub lang: String,
    pub original: String,
    pub languages: Vec<String>,
    pub intro_html: String,
    pub authors: Vec<String>,
    pub licence: String,
    pub level: String,
    /// Estimated time to follow the whole course.
    pub minutes: u32,
    pub pass_mark: u8,
    pub topics: Vec<TopicTag>,
    pub modules: Vec<SyllabusModule>,
    pub progress: Progress,
    /// Where "start" or "resume" leads.
    pub start: Link,
    pub resume: Option<Link>,
    pub completed: bool,
    /// The certificate's id, once issued.
    pub certificate: Option<String>,
    pub cover: Option<Picture>,
}

/// A heading of the lesson, for its table of contents.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TocItem {
    pub level: u8,
    pub id: String,
    pub text: String,
}

/// One question as the quiz form shows it, with the verdict once answered.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct QuestionView {
    /// `single`, `multiple`, `true-false`, `text`, `numeric`, `ordering`, `matching`.
    pub kind: String,
    pub prompt: String,
    /// Choices as `(value, label)`: answers (single, multiple), items in a
    /// shuffled order (ordering) or right-hand items (matching).
    pub options: Vec<(String, String)>,
    /// Left-hand items of a matching question as `(value, label)`.
    pub lefts: Vec<(String, String)>,
    /// What was answered, as the form's `(field, value)` pairs.
    pub given: Vec<(String, String)>,
    /// Right or wrong, once answered.
    pub correct: Option<bool>,
    pub feedback: Vec<String>,
    /// Shown once answered.
    pub explanation: Option<String>,
}

impl QuestionView {
    pub fn given(&self, field: &str) -> Option<&str> {
        self.given
            .iter()
            .find(|(f, _)| f == field)
            .map(|(_, v)| v.as_str())
    }

    pub fn is_given(&self, field: &str, value: &str) -> bool {
        self.given.iter().any(|(f, v)| f == field && v == value)
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct QuizView {
    pub questions: Vec<QuestionView>,
    /// The score of the attempt shown, `(score, total)`.
    pub score: Option<(i64, i64)>,
    pub passed: bool,
    pub pass_mark: u8,
    /// Attempts made so far and the best score.
    pub attempts: usize,
    pub best: Option<(i64, i64)>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct LessonView {
    pub course: Link,
    pub module_title: String,
    /// This lesson's path (without the language prefix).
    pub path: String,
    pub title: String,
    pub summary: Option<String>,
    /// The language shown; differs from the page's when no translation exists.
    pub lang: String,
    /// The languages the lesson exists in.
    pub languages: Vec<String>,
    pub html: String,
    pub toc: Vec<TocItem>,
    pub minutes: u32,
    /// Position in the course, 1-based, and the number of lessons.
    pub position: (usize, usize),
    pub prev: Option<Link>,
    pub next: Option<Link>,
    pub done: bool,
    pub quiz: Option<QuizView>,
    /// Its discussion: threads, and questions nobody answered yet.
    pub discussion: (i64, i64),
    pub progress: Progress,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DashboardCourse {
    pub course: Link,
    pub progress: Progress,
    pub resume: Option<Link>,
    pub completed: bool,
    pub certificate: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AttemptRow {
    pub lesson: Link,
    pub course_title: String,
    pub score: i64,
    pub total: i64,
    /// The best score at this lesson's quiz.
    pub best: (i64, i64),
    pub passed: bool,
    /// RFC 3339.
    pub at: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DashboardView {
    pub courses: Vec<DashboardCourse>,
    pub attempts: Vec<AttemptRow>,
    /// Whether the visitor is anonymous (progress kept for this browser only).
    pub anonymous: bool,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CertificateView {
    pub id: String,
    pub holder: String,
    pub course: Link,
    /// RFC 3339 date of issue.
    pub issued_at: String,
    /// The certificate's full public address.
    pub url: String,
    /// Whether the signed-in person holds it.
    pub mine: bool,
}
