//! Checking what a contributor submits: every field at once, with stable
//! error codes; nothing is written unless all of it is right.

use super::{AUTHORS_MAX, DESCRIPTION_MAX_CHARS, Kind, ResourceForm, TITLE_MAX_CHARS, TOPICS_MAX};
use crate::error::Result;
use crate::validate;
use crate::{Db, FieldError, StoreError};

/// A checked form, ready to write.
pub(crate) struct Checked {
    pub kind: Kind,
    pub lang: String,
    pub title: String,
    pub description: String,
    pub audience: String,
    pub educational_level: String,
    pub licence: String,
    pub country: String,
    pub authors: Vec<String>,
    pub date_created: String,
    pub url: String,
    pub topics: Vec<String>,
}

/// A free text of at most `max` characters (control characters other than
/// line breaks refused). Markdown is sanitised when shown, never stored as HTML.
pub(crate) fn text(field: &'static str, value: &str, max: usize, errors: &mut Vec<FieldError>) {
    if value.chars().count() > max {
        errors.push(FieldError::new(field, "too-long"));
    } else if value
        .chars()
        .any(|c| c.is_control() && c != '\n' && c != '\r' && c != '\t')
    {
        errors.push(FieldError::new(field, "invalid-characters"));
    }
}

/// `YYYY`, `YYYY-MM` or `YYYY-MM-DD`, or nothing.
fn is_date(value: &str) -> bool {
    let parts: Vec<&str> = value.split('-').collect();
    let digits = |s: &str, n: usize| s.len() == n && s.chars().all(|c| c.is_ascii_digit());
    match parts.as_slice() {
        [y] => digits(y, 4),
        [y, m] => digits(y, 4) && digits(m, 2) && (1..=12).contains(&m.parse().unwrap_or(0)),
        [y, m, d] => {
            digits(y, 4)
                && digits(m, 2)
                && digits(d, 2)
                && (1..=12).contains(&m.parse().unwrap_or(0))
                && (1..=31).contains(&d.parse().unwrap_or(0))
        }
        _ => false,
    }
}

pub(crate) async fn check(db: &Db, f: &ResourceForm) -> Result<Checked> {
    let mut errors = Vec::new();
    let kind = Kind::parse(f.kind.trim());
    if kind.is_none() {
        errors.push(FieldError::new("kind", "kind-invalid"));
    }
    let lang = f.original_language.trim().to_string();
    if !validate::is_language_tag(&lang) {
        errors.push(FieldError::new("original_language", "language-invalid"));
    }
    validate::line("title", &f.title, TITLE_MAX_CHARS, &mut errors);
    text(
        "description",
        &f.description,
        DESCRIPTION_MAX_CHARS,
        &mut errors,
    );
    for (field, value) in [
        ("audience", &f.audience),
        ("educational_level", &f.educational_level),
    ] {
        if !value.trim().is_empty() {
            validate::line(field, value, 120, &mut errors);
        }
    }
    let licence = super::stored_licence(&f.licence).unwrap_or_else(|e| {
        errors.push(FieldError::new("licence", e.code()));
        String::new()
    });
    let country = validate::country("country", &f.country, &mut errors);
    let authors: Vec<String> = f
        .authors
        .lines()
        .map(str::trim)
        .filter(|a| !a.is_empty())
        .map(str::to_string)
        .collect();
    if authors.len() > AUTHORS_MAX {
        errors.push(FieldError::new("authors", "too-long"));
    }
    for a in &authors {
        validate::line("authors", a, 120, &mut errors);
    }
    let date_created = f.date_created.trim().to_string();
    if !date_created.is_empty() && !is_date(&date_created) {
        errors.push(FieldError::new("date_created", "date-invalid"));
    }
    let url = validate::website("url", &f.url, &mut errors);
    let mut topics: Vec<String> = Vec::new();
    for t in f.topics.iter().map(|t| t.trim()).filter(|t| !t.is_empty()) {
        if !topics.iter().any(|x| x == t) {
            topics.push(t.to_string());
        }
    }
    if topics.is_empty() {
        errors.push(FieldError::new("topics", "topics-required"));
    } else if topics.len() > TOPICS_MAX {
        errors.push(FieldError::new("topics", "too-long"));
    } else if !crate::concepts::unknown(db, &topics).await?.is_empty() {
        errors.push(FieldError::new("topics", "topic-unknown"));
    }
    errors.dedup();
    match (kind, errors.is_empty()) {
        (Some(kind), true) => Ok(Checked {
            kind,
            lang,
            title: f.title.trim().to_string(),
            description: f.description.trim().to_string(),
            audience: f.audience.trim().to_string(),
            educational_level: f.educational_level.trim().to_string(),
            licence,
            country,
            authors,
            date_created,
            url,
            topics,
        }),
        _ => Err(StoreError::Invalid(errors)),
    }
}

#[cfg(test)]
mod tests {
    use super::is_date;

    #[test]
    fn dates_of_resources() {
        for ok in ["2024", "2024-02", "2024-02-29"] {
            assert!(is_date(ok), "{ok}");
        }
        for bad in ["24", "2024-13", "2024-02-32", "2024/02", "soon"] {
            assert!(!is_date(bad), "{bad}");
        }
    }
}
