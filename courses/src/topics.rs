//! The topic scheme (`topics.toml` at the content root): the concepts that
//! courses and library resources are about, with a label per language and an
//! optional broader concept, like a SKOS concept scheme.
//!
//! ```toml
//! [[concept]]
//! id = "free-software"
//! broader = "digital-ethics"
//! label = { fr = "Logiciel libre", en = "Free software", de = "Freie Software" }
//! ```

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

use serde::Deserialize;

use crate::report::Problem;

#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Concept {
    pub id: String,
    #[serde(default)]
    pub broader: Option<String>,
    /// Preferred label by language tag.
    pub label: BTreeMap<String, String>,
    /// Other names people search by, by language tag.
    #[serde(default)]
    pub alt: BTreeMap<String, Vec<String>>,
}

impl Concept {
    /// The label in `lang`, else English, else any.
    pub fn label_in(&self, lang: &str) -> &str {
        self.label
            .get(lang)
            .or_else(|| self.label.get("en"))
            .or_else(|| self.label.values().next())
            .map(String::as_str)
            .unwrap_or(&self.id)
    }
}

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Topics {
    pub concepts: Vec<Concept>,
}

impl Topics {
    pub fn get(&self, id: &str) -> Option<&Concept> {
        self.concepts.iter().find(|c| c.id == id)
    }

    /// Concepts whose broader concept is `id` (`None`: the top concepts).
    pub fn narrower(&self, id: Option<&str>) -> impl Iterator<Item = &Concept> {
        self.concepts
            .iter()
            .filter(move |c| c.broader.as_deref() == id)
    }
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct File {
    #[serde(default)]
    concept: Vec<Concept>,
}

/// The 1-based line where `id = "…"` names the concept, for reports.
fn line_of(text: &str, id: &str) -> usize {
    let needle = format!("\"{id}\"");
    text.lines()
        .position(|l| l.trim_start().starts_with("id") && l.contains(&needle))
        .map_or(1, |i| i + 1)
}

/// Reads the scheme; a missing file is an empty scheme.
pub fn load(root: &Path, problems: &mut Vec<Problem>) -> Topics {
    let file = Path::new("topics.toml");
    let text = match std::fs::read_to_string(root.join(file)) {
        Ok(t) => t,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Topics::default(),
        Err(e) => {
            problems.push(Problem::new(file, 1, format!("cannot read the file: {e}")));
            return Topics::default();
        }
    };
    let parsed: File = match toml::from_str(&text) {
        Ok(f) => f,
        Err(e) => {
            let line = e
                .span()
                .map_or(1, |s| text[..s.start].matches('\n').count() + 1);
            problems.push(
                Problem::new(file, line, e.message().to_string())
                    .hint("each [[concept]] has id, label = { fr = \"…\", en = \"…\" } and optionally broader and alt"),
            );
            return Topics::default();
        }
    };
    let mut seen = BTreeSet::new();
    for c in &parsed.concept {
        let line = line_of(&text, &c.id);
        let slug_ok = !c.id.is_empty()
            && c.id
                .chars()
                .all(|ch| ch.is_ascii_lowercase() || ch.is_ascii_digit() || ch == '-');
        if !slug_ok {
            problems.push(
                Problem::new(file, line, format!("{:?} is not a valid concept id", c.id))
                    .hint("use lower-case letters, digits and hyphens: it becomes part of URLs"),
            );
        }
        if !seen.insert(c.id.as_str()) {
            problems.push(
                Problem::new(file, line, format!("concept {:?} is declared twice", c.id))
                    .hint("give each [[concept]] its own id"),
            );
        }
        if c.label.is_empty() || c.label.values().any(|l| l.trim().is_empty()) {
            problems.push(
                Problem::new(
                    file,
                    line,
                    format!("concept {:?} needs a non-empty label", c.id),
                )
                .hint("label = { fr = \"…\", en = \"…\" }"),
            );
        }
    }
    for c in &parsed.concept {
        let Some(b) = &c.broader else { continue };
        if !seen.contains(b.as_str()) {
            problems.push(
                Problem::new(
                    file,
                    line_of(&text, &c.id),
                    format!("concept {:?} has an unknown broader concept {b:?}", c.id),
                )
                .hint("broader names the id of another [[concept]]"),
            );
            continue;
        }
        // Walk up: a chain longer than the scheme is a cycle.
        let mut at = Some(b.as_str());
        let mut steps = 0;
        while let Some(id) = at {
            steps += 1;
            if id == c.id || steps > parsed.concept.len() {
                problems.push(
                    Problem::new(
                        file,
                        line_of(&text, &c.id),
                        format!("concept {:?} is its own broader concept", c.id),
                    )
                    .hint("broader concepts form a tree: remove one broader link of the cycle"),
                );
                break;
            }
            at = parsed
                .concept
                .iter()
                .find(|x| x.id == id)
                .and_then(|x| x.broader.as_deref());
        }
    }
    Topics {
        concepts: parsed.concept,
    }
}
