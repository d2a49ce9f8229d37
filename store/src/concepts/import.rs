//! Importing a partner's SKOS concept scheme into the topic scheme.
//!
//! The file is read elsewhere (`linked_data::skos`) into [`Incoming`]
//! concepts; here they meet the instance's scheme. A concept imported before
//! (same IRI) is updated; one that says it is an exact match of a topic here
//! enriches that topic (labels in languages it lacks, other names, its place
//! in the tree, definitions) without renaming it, or only records the match
//! for a topic of the content folder's scheme, which the folder keeps; any
//! other is added under an id made from its IRI. Topics form a tree, so a concept has at most one broader concept,
//! which must be in the file or on the instance, and no concept may end up
//! broader than itself. Labels must be in the instance's languages. Every
//! problem is reported at once and nothing is written unless there is none;
//! importing the same file again changes nothing.

use std::collections::{BTreeMap, BTreeSet};

use sqlx::Row;

use super::{Concept, list, put, set_broader};
use crate::{Db, StoreError, now};

/// A concept as the partner's file describes it.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Incoming {
    pub iri: String,
    /// Preferred label by language.
    pub labels: BTreeMap<String, String>,
    /// Other names by language.
    pub alt: BTreeMap<String, Vec<String>>,
    pub definitions: BTreeMap<String, String>,
    /// IRIs of its broader concepts (`skos:broader`, or `skos:narrower`
    /// read backwards).
    pub broader: Vec<String>,
    /// `skos:exactMatch` and `skos:closeMatch` IRIs.
    pub exact: Vec<String>,
    pub close: Vec<String>,
}

/// Why a scheme is refused. [`Problem::key`] and [`Problem::args`] word it
/// for readers (the `skos-*` messages); `Display` for the command line.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum Problem {
    #[error("line {}, column {}: the file is not valid RDF ({message})", or_unknown(.line), or_unknown(.column))]
    Syntax {
        line: Option<u64>,
        column: Option<u64>,
        message: String,
    },
    #[error("the file describes no skos:Concept")]
    NoConcept,
    #[error("the file has no concept scheme {scheme}")]
    UnknownScheme { scheme: String },
    #[error("the concept {iri} has no preferred label (skos:prefLabel)")]
    NoPrefLabel { iri: String },
    #[error("the concept {iri} has two preferred labels in language {lang:?}: keep one")]
    TwoPrefLabels { iri: String, lang: String },
    #[error("the label or definition {text:?} of {iri} has no language tag")]
    Untagged { iri: String, text: String },
    #[error("the concept {iri} uses {lang:?}, which is not a well-formed language tag")]
    BadLanguage { iri: String, lang: String },
    #[error("the concept {iri} is labelled in {lang:?}, which is not one of this site's languages ({})", .accepted.join(", "))]
    UnknownLanguage {
        iri: String,
        lang: String,
        accepted: Vec<String>,
    },
    #[error("the concept {iri} has several broader concepts ({}); topics form a tree: keep one", .broader.join(", "))]
    SeveralBroader { iri: String, broader: Vec<String> },
    #[error("the broader concept {broader} of {iri} is neither in the file nor on this site")]
    UnknownBroader { iri: String, broader: String },
    #[error("these concepts are broader than themselves through their broader links: {}", .concepts.join(" → "))]
    Cycle { concepts: Vec<String> },
}

fn or_unknown(n: &Option<u64>) -> String {
    n.map_or_else(|| "?".into(), |n| n.to_string())
}

impl Problem {
    /// The message key of the problem for readers.
    pub fn key(&self) -> &'static str {
        match self {
            Problem::Syntax { .. } => "skos-syntax",
            Problem::NoConcept => "skos-no-concept",
            Problem::UnknownScheme { .. } => "skos-unknown-scheme",
            Problem::NoPrefLabel { .. } => "skos-no-pref-label",
            Problem::TwoPrefLabels { .. } => "skos-two-pref-labels",
            Problem::Untagged { .. } => "skos-untagged",
            Problem::BadLanguage { .. } => "skos-bad-language",
            Problem::UnknownLanguage { .. } => "skos-unknown-language",
            Problem::SeveralBroader { .. } => "skos-several-broader",
            Problem::UnknownBroader { .. } => "skos-unknown-broader",
            Problem::Cycle { .. } => "skos-cycle",
        }
    }

    /// The values the message names.
    pub fn args(&self) -> Vec<(&'static str, String)> {
        match self {
            Problem::Syntax {
                line,
                column,
                message,
            } => vec![
                ("line", or_unknown(line)),
                ("column", or_unknown(column)),
                ("message", message.clone()),
            ],
            Problem::NoConcept => Vec::new(),
            Problem::UnknownScheme { scheme } => vec![("scheme", scheme.clone())],
            Problem::NoPrefLabel { iri } => vec![("iri", iri.clone())],
            Problem::TwoPrefLabels { iri, lang } | Problem::BadLanguage { iri, lang } => {
                vec![("iri", iri.clone()), ("lang", lang.clone())]
            }
            Problem::Untagged { iri, text } => vec![("iri", iri.clone()), ("text", text.clone())],
            Problem::UnknownLanguage {
                iri,
                lang,
                accepted,
            } => vec![
                ("iri", iri.clone()),
                ("lang", lang.clone()),
                ("accepted", accepted.join(", ")),
            ],
            Problem::SeveralBroader { iri, broader } => {
                vec![("iri", iri.clone()), ("broader", broader.join(", "))]
            }
            Problem::UnknownBroader { iri, broader } => {
                vec![("iri", iri.clone()), ("broader", broader.clone())]
            }
            Problem::Cycle { concepts } => vec![("concepts", concepts.join(" → "))],
        }
    }
}

#[derive(Debug, thiserror::Error)]
pub enum ImportError {
    /// Nothing was written: every reason.
    #[error("the scheme was refused: {}", .0.iter().map(ToString::to_string).collect::<Vec<_>>().join("; "))]
    Refused(Vec<Problem>),
    #[error(transparent)]
    Store(#[from] StoreError),
}

impl From<sqlx::Error> for ImportError {
    fn from(e: sqlx::Error) -> Self {
        ImportError::Store(e.into())
    }
}

/// What an import did, by topic id.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Report {
    pub added: Vec<String>,
    pub updated: Vec<String>,
    pub unchanged: Vec<String>,
}

/// What a topic has from a partner's scheme beyond its labels.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Details {
    /// The partner's concept it was imported from.
    pub iri: Option<String>,
    pub exact: Vec<String>,
    pub close: Vec<String>,
    pub definitions: BTreeMap<String, String>,
}

/// Every topic's imported details, by topic id.
pub async fn details(db: &Db) -> crate::error::Result<BTreeMap<String, Details>> {
    let mut out: BTreeMap<String, Details> = BTreeMap::new();
    for r in sqlx::query("SELECT concept_id, iri FROM concept_sources")
        .fetch_all(db.pool())
        .await?
    {
        out.entry(r.try_get("concept_id")?).or_default().iri = Some(r.try_get("iri")?);
    }
    for r in sqlx::query("SELECT concept_id, kind, iri FROM concept_matches ORDER BY iri")
        .fetch_all(db.pool())
        .await?
    {
        let d = out.entry(r.try_get("concept_id")?).or_default();
        let iri: String = r.try_get("iri")?;
        match r.try_get::<String, _>("kind")?.as_str() {
            "exact" => d.exact.push(iri),
            _ => d.close.push(iri),
        }
    }
    for r in sqlx::query("SELECT concept_id, lang, text FROM concept_definitions")
        .fetch_all(db.pool())
        .await?
    {
        out.entry(r.try_get("concept_id")?)
            .or_default()
            .definitions
            .insert(r.try_get("lang")?, r.try_get("text")?);
    }
    Ok(out)
}

/// Whether `lang` is one of `languages` or a variant of one (`fr-ca`).
fn served(lang: &str, languages: &[String]) -> bool {
    languages.iter().any(|l| {
        lang == l
            || lang
                .strip_prefix(l.as_str())
                .is_some_and(|r| r.starts_with('-'))
    })
}

/// A topic id from an IRI's last segment: lower-case ASCII letters, digits
/// and hyphens.
fn id_from(iri: &str) -> String {
    use unicode_normalization::UnicodeNormalization;
    let local = iri
        .trim_end_matches(['/', '#', ':'])
        .rsplit(['/', '#', ':'])
        .next()
        .unwrap_or_default();
    let mut id = String::new();
    for c in local.nfd().flat_map(char::to_lowercase) {
        if c.is_ascii_alphanumeric() {
            id.push(c);
        } else if !unicode_normalization::char::is_combining_mark(c) && !id.ends_with('-') {
            id.push('-');
        }
    }
    let id: String = id.trim_matches('-').chars().take(60).collect();
    let id = id.trim_end_matches('-').to_string();
    if id.is_empty() { "topic".into() } else { id }
}

/// Adds or updates the topics `incoming` describes, in one transaction, or
/// refuses them all with every problem found. `languages` are the site's;
/// `own_prefix` is the start of this site's topic IRIs (an exact match to
/// one names that topic).
pub async fn import(
    db: &Db,
    incoming: &[Incoming],
    languages: &[String],
    own_prefix: &str,
) -> Result<Report, ImportError> {
    if incoming.is_empty() {
        return Err(ImportError::Refused(vec![Problem::NoConcept]));
    }
    let existing = list(db).await?;
    let known = details(db).await?;
    let by_source: BTreeMap<&str, &str> = known
        .iter()
        .filter_map(|(id, d)| d.iri.as_deref().map(|iri| (iri, id.as_str())))
        .collect();
    // A topic of this site an IRI names, by its id.
    let own = |iri: &str| -> Option<String> {
        iri.strip_prefix(own_prefix)
            .filter(|id| existing.iter().any(|c| c.id == *id))
            .map(str::to_string)
    };
    let mut problems = Vec::new();

    // Each incoming concept's topic id.
    let mut taken: BTreeSet<String> = existing.iter().map(|c| c.id.clone()).collect();
    let mut ids: BTreeMap<&str, String> = BTreeMap::new();
    for c in incoming {
        let id = by_source
            .get(c.iri.as_str())
            .map(|id| id.to_string())
            .or_else(|| own(&c.iri))
            .or_else(|| c.exact.iter().find_map(|m| own(m)));
        let id = id.unwrap_or_else(|| {
            let base = id_from(&c.iri);
            let mut id = base.clone();
            let mut n = 2;
            while taken.contains(&id) {
                id = format!("{base}-{n}");
                n += 1;
            }
            id
        });
        taken.insert(id.clone());
        ids.insert(c.iri.as_str(), id);
        for lang in c
            .labels
            .keys()
            .chain(c.alt.keys())
            .chain(c.definitions.keys())
        {
            if !served(lang, languages) {
                problems.push(Problem::UnknownLanguage {
                    iri: c.iri.clone(),
                    lang: lang.clone(),
                    accepted: languages.to_vec(),
                });
            }
        }
    }

    // Broader links, resolved to topic ids.
    let mut broader: BTreeMap<String, Option<String>> = existing
        .iter()
        .map(|c| (c.id.clone(), c.broader.clone()))
        .collect();
    for c in incoming {
        let resolved = match c.broader.as_slice() {
            [] => None,
            [one] => {
                let found = ids
                    .get(one.as_str())
                    .cloned()
                    .or_else(|| by_source.get(one.as_str()).map(|s| s.to_string()))
                    .or_else(|| own(one));
                if found.is_none() {
                    problems.push(Problem::UnknownBroader {
                        iri: c.iri.clone(),
                        broader: one.clone(),
                    });
                }
                found
            }
            several => {
                problems.push(Problem::SeveralBroader {
                    iri: c.iri.clone(),
                    broader: several.to_vec(),
                });
                None
            }
        };
        broader.insert(ids[c.iri.as_str()].clone(), resolved);
    }
    // No topic may be broader than itself.
    let mut in_cycle: BTreeSet<String> = BTreeSet::new();
    for c in incoming {
        let start = &ids[c.iri.as_str()];
        if in_cycle.contains(start) {
            continue;
        }
        let mut path = vec![start.clone()];
        let mut at = broader.get(start).cloned().flatten();
        while let Some(next) = at {
            if let Some(i) = path.iter().position(|p| *p == next) {
                let cycle: Vec<String> = path[i..].to_vec();
                in_cycle.extend(cycle.iter().cloned());
                let iri_of = |id: &String| {
                    ids.iter()
                        .find(|(_, v)| *v == id)
                        .map_or_else(|| id.clone(), |(k, _)| k.to_string())
                };
                problems.push(Problem::Cycle {
                    concepts: cycle.iter().chain([&cycle[0]]).map(iri_of).collect(),
                });
                break;
            }
            path.push(next.clone());
            at = broader.get(&next).cloned().flatten();
        }
    }
    if !problems.is_empty() {
        return Err(ImportError::Refused(problems));
    }

    // Write what changed, in one transaction.
    let mut report = Report::default();
    let mut tx = db.pool().begin().await?;
    let mut changed_broader = Vec::new();
    for c in incoming {
        let id = ids[c.iri.as_str()].clone();
        let before = existing.iter().find(|e| e.id == id);
        // A topic of this site the concept matches (rather than one an
        // import made).
        let linked = before.is_some()
            && (own(&c.iri).as_ref() == Some(&id)
                || c.exact.iter().any(|m| own(m).as_ref() == Some(&id)));
        let mut alt = c.alt.clone();
        let labels = match before {
            // A topic of the content folder's scheme stays as the folder
            // says (it is synchronised at every start): the import only
            // records where it matches.
            Some(b) if linked && b.shipped => {
                alt = b.alt.clone();
                b.labels.clone()
            }
            // Another topic of this site keeps its own labels and gains the
            // languages it lacked.
            Some(b) if linked => {
                let mut labels = b.labels.clone();
                for (lang, label) in &c.labels {
                    labels.entry(lang.clone()).or_insert_with(|| label.clone());
                }
                for (lang, names) in &b.alt {
                    alt.entry(lang.clone())
                        .or_default()
                        .extend(names.iter().cloned());
                }
                labels
            }
            _ => c.labels.clone(),
        };
        alt.values_mut().for_each(|v| {
            v.sort();
            v.dedup();
        });
        alt.retain(|_, v| !v.is_empty());
        let kept_place = before.filter(|b| linked && b.shipped);
        let concept = Concept {
            id: id.clone(),
            broader: match kept_place {
                Some(b) => b.broader.clone(),
                None => broader[&id].clone(),
            },
            labels,
            alt,
            shipped: before.is_some_and(|b| b.shipped),
        };
        // Its matches elsewhere, each list sorted as Rust sorts (SQL's
        // collation may order IRIs otherwise).
        let sorted = |mut list: Vec<String>| {
            list.sort();
            list.dedup();
            list
        };
        let wanted = Details {
            iri: Some(c.iri.clone()),
            exact: sorted(
                c.exact
                    .iter()
                    .filter(|m| own(m).is_none())
                    .cloned()
                    .collect(),
            ),
            close: sorted(c.close.clone()),
            definitions: c.definitions.clone(),
        };
        let mut had = known.get(&id).cloned().unwrap_or_default();
        had.exact.sort();
        had.close.sort();
        let sorted_alt = |a: &BTreeMap<String, Vec<String>>| {
            let mut a = a.clone();
            a.values_mut().for_each(|v| v.sort());
            a
        };
        let same_concept = before.is_some_and(|b| {
            b.labels == concept.labels
                && sorted_alt(&b.alt) == concept.alt
                && b.broader == concept.broader
        });
        if same_concept && had == wanted {
            report.unchanged.push(id);
            continue;
        }
        let source = if concept.shipped { "scheme" } else { "admin" };
        put(&mut tx, &concept, source).await?;
        if before.is_none_or(|b| b.broader != concept.broader) {
            changed_broader.push((id.clone(), concept.broader.clone()));
        }
        sqlx::query("DELETE FROM concept_sources WHERE concept_id = $1 OR iri = $2")
            .bind(id.clone())
            .bind(c.iri.clone())
            .execute(&mut *tx)
            .await?;
        sqlx::query(
            "INSERT INTO concept_sources (concept_id, iri, imported_at) VALUES ($1, $2, $3)",
        )
        .bind(id.clone())
        .bind(c.iri.clone())
        .bind(now())
        .execute(&mut *tx)
        .await?;
        for table in ["concept_matches", "concept_definitions"] {
            sqlx::query(sqlx::AssertSqlSafe(format!(
                "DELETE FROM {table} WHERE concept_id = $1"
            )))
            .bind(id.clone())
            .execute(&mut *tx)
            .await?;
        }
        let matches = (wanted.exact.iter().map(|m| ("exact", m)))
            .chain(wanted.close.iter().map(|m| ("close", m)));
        for (kind, iri) in matches {
            sqlx::query("INSERT INTO concept_matches (concept_id, kind, iri) VALUES ($1, $2, $3)")
                .bind(id.clone())
                .bind(kind)
                .bind(iri.clone())
                .execute(&mut *tx)
                .await?;
        }
        for (lang, text) in &c.definitions {
            sqlx::query(
                "INSERT INTO concept_definitions (concept_id, lang, text) VALUES ($1, $2, $3)",
            )
            .bind(id.clone())
            .bind(lang.clone())
            .bind(text.clone())
            .execute(&mut *tx)
            .await?;
        }
        if before.is_some() {
            report.updated.push(id);
        } else {
            report.added.push(id);
        }
    }
    // Broader links once every concept exists.
    for (id, b) in changed_broader {
        set_broader(&mut tx, &id, b.as_deref()).await?;
    }
    tx.commit().await?;
    Ok(report)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_come_from_the_last_segment_of_the_iri() {
        assert_eq!(id_from("http://vocab.example.org/communs"), "communs");
        assert_eq!(
            id_from("http://x.org/scheme#Éducation_Populaire"),
            "education-populaire"
        );
        assert_eq!(id_from("http://x.org/c/42/"), "42");
        assert_eq!(id_from("urn:x:"), "x");
        assert_eq!(id_from("http://x.org/---"), "topic");
    }

    #[test]
    fn languages_and_their_variants_are_served() {
        let langs = vec!["fr".to_string(), "en".to_string()];
        assert!(served("fr", &langs));
        assert!(served("fr-ca", &langs));
        assert!(!served("frr", &langs));
        assert!(!served("es", &langs));
    }
}
