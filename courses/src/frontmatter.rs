//! TOML front matter between `+++` lines, parsed into typed structs that
//! refuse unknown keys.

use std::path::Path;

use serde::Deserialize;
use serde::de::DeserializeOwned;

use crate::report::Problem;

/// How hard a course is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Level {
    Beginner,
    Intermediate,
    Advanced,
}

impl Level {
    /// As written in front matter and addresses.
    pub fn as_str(self) -> &'static str {
        match self {
            Level::Beginner => "beginner",
            Level::Intermediate => "intermediate",
            Level::Advanced => "advanced",
        }
    }
}

/// `_index.md` of a course, in its original language.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CourseFront {
    pub title: String,
    pub summary: String,
    pub authors: Vec<String>,
    /// The e-mail addresses of the accounts on an instance who author the
    /// course: they moderate its discussions and hear of its questions.
    /// Never published (not in RDF, pages or exports).
    #[serde(default)]
    pub author_accounts: Vec<String>,
    pub licence: String,
    pub level: Level,
    pub estimated_hours: f32,
    /// The language the course is written in (BCP 47).
    pub language: String,
    #[serde(default)]
    pub cover: Option<String>,
    /// Concepts of the topic scheme (`topics.toml`) the course is about.
    #[serde(default)]
    pub topics: Vec<String>,
    /// The share of a quiz's questions, in percent, to answer right for the
    /// lesson to count towards completion.
    #[serde(default = "default_pass_mark")]
    pub pass_mark: u8,
    #[serde(default)]
    pub weight: i32,
    #[serde(default)]
    pub draft: bool,
}

fn default_pass_mark() -> u8 {
    70
}

/// `_index.{lang}.md` of a course or a module: only what is translated.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TranslatedFront {
    pub title: String,
    #[serde(default)]
    pub summary: Option<String>,
}

/// `_index.md` of a module.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ModuleFront {
    pub title: String,
    #[serde(default)]
    pub summary: Option<String>,
}

/// A lesson, in any language.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct LessonFront {
    pub title: String,
    #[serde(default)]
    pub summary: Option<String>,
    #[serde(default)]
    pub draft: bool,
}

/// A Markdown file split into its front matter and body.
pub struct Split<'a> {
    pub front: &'a str,
    /// 1-based line of the front matter's first line.
    pub front_line: usize,
    pub body: &'a str,
    /// 1-based line where the body starts.
    pub body_line: usize,
}

pub fn split<'a>(file: &Path, text: &'a str) -> Result<Split<'a>, Problem> {
    let missing = || {
        Problem::new(file, 1, "the file does not start with TOML front matter")
            .hint("begin the file with a line `+++`, the front matter, and another `+++` line")
    };
    let rest = text
        .strip_prefix("+++\n")
        .or_else(|| text.strip_prefix("+++\r\n"))
        .ok_or_else(missing)?;
    let mut offset = 0;
    for (i, line) in rest.split_inclusive('\n').enumerate() {
        if line.trim_end() == "+++" {
            return Ok(Split {
                front: &rest[..offset],
                front_line: 2,
                body: &rest[offset + line.len()..],
                body_line: i + 3,
            });
        }
        offset += line.len();
    }
    Err(Problem::new(file, 1, "the front matter is not closed")
        .hint("add a line `+++` after the front matter"))
}

/// Parses front matter, turning TOML errors into problems at the right line.
pub fn parse<T: DeserializeOwned>(file: &Path, split: &Split<'_>) -> Result<T, Problem> {
    toml::from_str(split.front).map_err(|e| {
        let line = e
            .span()
            .map(|s| split.front[..s.start].matches('\n').count())
            .unwrap_or(0)
            + split.front_line;
        let hint = if e.message().contains("unknown field") {
            "remove the key or fix its spelling"
        } else if e.message().contains("missing field") {
            "add the key to the front matter"
        } else if e.message().contains("unknown variant") {
            "use one of the values listed"
        } else {
            "check the TOML syntax of the front matter"
        };
        Problem::new(file, line, format!("invalid front matter: {}", e.message())).hint(hint)
    })
}
