//! What a loaded content tree is: courses, their modules and lessons, each
//! lesson in its original language and its translations.

use std::collections::BTreeMap;
use std::path::PathBuf;

use crate::frontmatter::{CourseFront, LessonFront, ModuleFront, TranslatedFront};
use crate::{quiz, topics};

/// Every course of a content tree.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Library {
    pub courses: Vec<Course>,
    /// The topic scheme of the content tree (`topics.toml`).
    pub topics: topics::Topics,
}

impl Library {
    pub fn course(&self, slug: &str) -> Option<&Course> {
        self.courses.iter().find(|c| c.slug == slug)
    }
}

/// Markdown text with where it came from, so later stages can report lines.
#[derive(Debug, Clone, PartialEq)]
pub struct Text {
    /// Relative to the content root.
    pub file: PathBuf,
    /// 1-based line of the body's first line in the file.
    pub line: usize,
    pub markdown: String,
}

/// Translations of a course's or module's `_index.md`, by language tag.
pub type Translations = BTreeMap<String, (TranslatedFront, Text)>;

#[derive(Debug, Clone, PartialEq)]
pub struct Course {
    pub slug: String,
    pub front: CourseFront,
    pub intro: Text,
    /// Translations by language tag: front matter and introduction.
    pub translations: Translations,
    pub modules: Vec<Module>,
}

impl Course {
    /// Every language the course can be read in, the original first.
    pub fn languages(&self) -> Vec<String> {
        let mut langs = vec![self.front.language.clone()];
        langs.extend(self.translations.keys().cloned());
        langs
    }

    pub fn lessons(&self) -> impl Iterator<Item = &Lesson> {
        self.modules.iter().flat_map(|m| m.lessons.iter())
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct Module {
    /// The folder name without its number: `internet` for `01-internet`.
    pub slug: String,
    pub number: u32,
    pub front: ModuleFront,
    pub intro: Text,
    pub translations: Translations,
    pub lessons: Vec<Lesson>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Lesson {
    /// The path of the original file from the content root, as checked links
    /// name it: `courses/chatons/01-internet/01-how-it-works.md`.
    pub id: String,
    pub slug: String,
    pub number: u32,
    /// The folder holding the lesson's files (images, PDFs).
    pub dir: PathBuf,
    /// The lesson in each language it exists in, the original included.
    pub versions: BTreeMap<String, LessonVersion>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct LessonVersion {
    pub front: LessonFront,
    /// The lesson's Markdown, without its quiz block.
    pub text: Text,
    pub quiz: Option<quiz::Quiz>,
}
