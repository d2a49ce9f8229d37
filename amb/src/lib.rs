//! Reading and checking records in the AMB profile of schema.org/LRMI.
//!
//! The AMB ("Allgemeines Metadatenprofil für Bildungsressourcen") describes
//! learning resources as JSON-LD using schema.org, LRMI and SKOS terms. This
//! crate applies the profile's rules — those of its JSON Schemas, written
//! out as Rust — to one record and gives either a [`Record`] holding what
//! an importer needs, or every [`Problem`] found, each naming the JSON path
//! of the offending field:
//!
//! ```
//! let value = serde_json::json!({
//!     "@context": ["https://w3id.org/kim/amb/context.jsonld", {"@language": "de"}],
//!     "id": "https://example.org/oer",
//!     "name": "Beispielkurs",
//!     "type": ["LearningResource", "Course"],
//!     "learningResourceType": {"id": "https://w3id.org/kim/hcrt/course"}
//! });
//! let problems = amb::check(&value).unwrap_err();
//! assert_eq!(
//!     problems[0].to_string(),
//!     "learningResourceType: must be an array of concept objects, each with an \"id\", found an object"
//! );
//! ```
//!
//! Members the profile does not define are allowed and ignored.

use std::collections::BTreeMap;
use std::fmt;

use serde_json::Value;

mod agents;
mod check;
mod concepts;
mod dates;
mod media;
mod record;
mod syntax;
mod vocab;

/// A record that passed the profile's checks, reduced to what an importer
/// needs.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Record {
    /// The IRI of the resource (`id`).
    pub id: String,
    /// The title of the resource (`name`).
    pub name: String,
    /// The description of the resource, if any.
    pub description: Option<String>,
    /// The default `@language` given in the context, if any.
    pub language: Option<String>,
    /// The languages of the resource as ISO 639-1 codes (`inLanguage`).
    pub in_language: Vec<String>,
    /// The schema.org types, e.g. `["LearningResource", "Course"]`.
    pub types: Vec<String>,
    /// The kinds of learning resource (`learningResourceType`).
    pub learning_resource_types: Vec<Concept>,
    /// The subjects of the resource (`about`).
    pub about: Vec<Concept>,
    /// Free keywords.
    pub keywords: Vec<String>,
    /// The intended audience.
    pub audience: Vec<Concept>,
    /// The educational levels the resource is meant for.
    pub educational_level: Vec<Concept>,
    /// The IRI of the licence (`license.id`), if any.
    pub licence: Option<String>,
    /// The names of the creators, in order.
    pub creators: Vec<String>,
    /// The names of the publishers, in order.
    pub publishers: Vec<String>,
    /// The creation date or date-time, as given.
    pub date_created: Option<String>,
    /// The publication date or date-time, as given.
    pub date_published: Option<String>,
    /// The IRI of a preview image, if any.
    pub image: Option<String>,
}

/// A SKOS concept from a controlled vocabulary.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Concept {
    /// The IRI of the concept.
    pub id: String,
    /// Its preferred labels by ISO 639-1 language code; empty if none given.
    pub pref_label: BTreeMap<String, String>,
}

/// One reason a record is refused.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    /// The JSON path of the field at fault, such as `about[0].id`; `$` for
    /// the record as a whole.
    pub path: String,
    /// What is wrong, as an English sentence fragment following the path.
    pub message: String,
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.path, self.message)
    }
}

impl std::error::Error for Problem {}

/// Why a file of records could not be read at all.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ReadError {
    /// The text is not JSON.
    #[error("not valid JSON at line {line}, column {column}: {message}")]
    Json {
        /// The line of the error, counting from 1.
        line: usize,
        /// The column of the error, counting from 1.
        column: usize,
        /// What the JSON reader expected.
        message: String,
    },
    /// The JSON is neither a record nor an array of records.
    #[error("expected a record (a JSON object) or an array of records, found {found}")]
    NotRecords {
        /// The kind of value found, such as "a string".
        found: &'static str,
    },
}

/// Checks one record against the rules of the AMB profile.
///
/// Gives the [`Record`] if the record conforms, or every [`Problem`] found
/// otherwise, in the order of the checks.
pub fn check(value: &Value) -> Result<Record, Vec<Problem>> {
    record::check_record(value, Licences::Profile)
}

/// Which licence IRIs a record may give.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum Licences {
    /// Only those the profile lists: Creative Commons and Public Domain,
    /// GNU, Apache, MIT and BSD.
    #[default]
    Profile,
    /// Any IRI, for an importer that checks licences against its own
    /// registry (the profile's list leaves out MPL, EUPL, Licence Art
    /// Libre, Etalab, Open Data Commons…).
    AnyIri,
}

/// Like [`check`], with the licences given by `licences`.
pub fn check_with(value: &Value, licences: Licences) -> Result<Record, Vec<Problem>> {
    record::check_record(value, licences)
}

/// Reads a file holding either one record (an object) or an array of
/// records, and gives, for each record in order, the result of [`check`].
///
/// Text that is not JSON, or JSON that is neither an object nor an array,
/// is a [`ReadError`].
pub fn read_records(text: &str) -> Result<Vec<Result<Record, Vec<Problem>>>, ReadError> {
    read_records_with(text, Licences::Profile)
}

/// Like [`read_records`], with the licences given by `licences`.
pub fn read_records_with(
    text: &str,
    licences: Licences,
) -> Result<Vec<Result<Record, Vec<Problem>>>, ReadError> {
    let value: Value = serde_json::from_str(text).map_err(|e| json_error(&e))?;
    let check = |v: &Value| check_with(v, licences);
    match &value {
        Value::Array(items) => Ok(items.iter().map(check).collect()),
        Value::Object(_) => Ok(vec![check(&value)]),
        other => Err(ReadError::NotRecords {
            found: check::kind(other),
        }),
    }
}

/// Turns a JSON syntax error into a [`ReadError`], keeping its position
/// apart from its message.
fn json_error(error: &serde_json::Error) -> ReadError {
    let text = error.to_string();
    let suffix = format!(" at line {} column {}", error.line(), error.column());
    let message = text.strip_suffix(&suffix).unwrap_or(&text).to_owned();
    ReadError::Json {
        line: error.line(),
        column: error.column(),
        message,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn problem_display() {
        let problem = Problem {
            path: "learningResourceType".into(),
            message: "must be an array".into(),
        };
        assert_eq!(
            problem.to_string(),
            "learningResourceType: must be an array"
        );
    }

    #[test]
    fn json_error_keeps_position_apart() {
        let err = read_records("{\n  \"name\": }").unwrap_err();
        let ReadError::Json {
            line,
            column,
            message,
        } = &err
        else {
            panic!("{err:?}");
        };
        assert_eq!((*line, *column), (2, 11));
        assert!(!message.contains("line"), "{message}");
        assert!(
            err.to_string()
                .starts_with("not valid JSON at line 2, column 11: ")
        );
    }

    #[test]
    fn scalar_is_not_records() {
        assert_eq!(
            read_records("\"hello\""),
            Err(ReadError::NotRecords { found: "a string" })
        );
    }
}
