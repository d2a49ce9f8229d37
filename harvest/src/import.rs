//! Bringing a partner's catalogue of learning resources into the library:
//! schema.org/LRMI records in the AMB profile (one record or a JSON array),
//! each checked against the profile, mapped to a resource (kind from its
//! `learningResourceType`, topics from its subjects and keywords matched
//! against the topic scheme, or the default topics given), and written in
//! its own transaction; importing the same file again updates what it
//! created. The summary lists every rejected record with its reasons.
//! `archipel import` and the admin socket's import job both run this.

use anyhow::{Context, bail};
use serde::{Deserialize, Serialize};
use store::concepts::{self, Concept};
use store::library::import::{self, Incoming, Outcome};
use store::library::{self, ResourceForm, Status};

/// A record that was not imported, and why.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Rejected {
    /// Its position in the file, from 1.
    pub record: usize,
    /// Its `id`, when it has one.
    pub id: String,
    pub reasons: Vec<String>,
}

/// What an import did.
#[derive(Debug, Default, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Summary {
    pub created: usize,
    pub updated: usize,
    pub rejected: Vec<Rejected>,
}

/// The library kind of an AMB record: from the HCRT resource types it gives,
/// then from its schema.org types.
fn kind_of(record: &amb::Record) -> &'static str {
    for c in &record.learning_resource_types {
        let term = c.id.rsplit('/').next().unwrap_or_default();
        let kind = match term {
            "video" => "video",
            "audio" => "podcast",
            "course" => "course",
            "data" => "dataset",
            "application" | "tool" | "simulation" | "educational_game" => "tool",
            "lesson_plan" | "worksheet" | "drill_and_practice" | "assessment" | "questionnaire"
            | "experiment" | "case_study" => "workshop-kit",
            "text" | "web_page" | "reference_work" | "wiki" | "index" | "portal" => "article",
            "textbook" | "script" | "slide" => "guide",
            _ => continue,
        };
        return kind;
    }
    for t in &record.types {
        match t.as_str() {
            "VideoObject" => return "video",
            "AudioObject" | "PodcastEpisode" => return "podcast",
            "Course" => return "course",
            "Dataset" => return "dataset",
            "SoftwareApplication" | "WebApplication" => return "tool",
            "Article" | "ScholarlyArticle" | "WebPage" => return "article",
            _ => {}
        }
    }
    "guide"
}

/// A concept's label in `lang`, else in English, else any.
fn label_of<'a>(c: &'a amb::Concept, lang: &str) -> Option<&'a String> {
    c.pref_label
        .get(lang)
        .or_else(|| c.pref_label.get("en"))
        .or_else(|| c.pref_label.values().next())
}

/// Topics of the scheme whose label or other name (in any language) is one
/// of the record's subjects or keywords.
fn topics_of(record: &amb::Record, scheme: &[Concept]) -> Vec<String> {
    let fold = courses::quiz::fold;
    let words: Vec<String> = record
        .about
        .iter()
        .flat_map(|c| c.pref_label.values())
        .chain(&record.keywords)
        .map(|w| fold(w))
        .collect();
    scheme
        .iter()
        .filter(|c| {
            c.labels
                .values()
                .chain(c.alt.values().flatten())
                .any(|l| words.contains(&fold(l)))
        })
        .map(|c| c.id.clone())
        .collect()
}

/// The first `max` characters, for free-text fields with a limit.
fn clip(text: &str, max: usize) -> String {
    text.chars().take(max).collect()
}

/// Maps a checked record to a resource of `org`.
fn incoming(
    record: &amb::Record,
    org: &store::organisations::Organisation,
    scheme: &[Concept],
    default_topics: &[String],
    status: Status,
) -> Result<Incoming, Vec<String>> {
    let mut reasons = Vec::new();
    // The resource's own language; the context's default language is the
    // metadata's, used when the record does not say.
    let lang = record
        .in_language
        .first()
        .cloned()
        .or_else(|| record.language.clone())
        .unwrap_or_default();
    if lang.is_empty() {
        reasons.push("no language: give inLanguage or a default @language".to_string());
    }
    let licence = match &record.licence {
        None => library::ALL_RIGHTS_RESERVED.to_string(),
        Some(uri) => match library::stored_licence(uri) {
            Ok(l) => l,
            Err(e) => {
                reasons.push(format!("license.id: {e}"));
                String::new()
            }
        },
    };
    let mut topics = topics_of(record, scheme);
    if topics.is_empty() {
        topics = default_topics.to_vec();
    }
    if topics.is_empty() {
        reasons.push(
            "no topic of the scheme matches its subjects or keywords; give --topic".to_string(),
        );
    }
    let date = record
        .date_created
        .as_ref()
        .or(record.date_published.as_ref())
        .map(|d| d.chars().take(10).collect::<String>())
        .unwrap_or_default();
    let labels = |list: &[amb::Concept]| {
        let all: Vec<&str> = list
            .iter()
            .filter_map(|c| label_of(c, &lang))
            .map(String::as_str)
            .collect();
        clip(&all.join(", "), 120)
    };
    let url = if record.id.starts_with("http://") || record.id.starts_with("https://") {
        record.id.clone()
    } else {
        String::new()
    };
    if !reasons.is_empty() {
        return Err(reasons);
    }
    Ok(Incoming {
        source_uri: record.id.clone(),
        organisation_id: org.id,
        form: ResourceForm {
            kind: kind_of(record).to_string(),
            original_language: lang.clone(),
            title: record.name.clone(),
            description: record.description.clone().unwrap_or_default(),
            audience: labels(&record.audience),
            educational_level: labels(&record.educational_level),
            licence,
            country: org.country.clone(),
            authors: record
                .creators
                .iter()
                .take(library::AUTHORS_MAX)
                .map(|a| clip(a, 120))
                .collect::<Vec<_>>()
                .join("\n"),
            date_created: date,
            url,
            topics,
        },
        translations: Vec::new(),
        status,
        published_at: None,
        views: 0,
    })
}

/// Imports the records of `text` for partner `org`, telling
/// `progress(done, total, record name)` as it goes.
pub async fn import_text(
    db: &store::Db,
    text: &str,
    org: &store::organisations::Organisation,
    default_topics: &[String],
    status: Status,
    progress: &(dyn Fn(usize, usize, &str) + Sync),
) -> anyhow::Result<Summary> {
    // Any licence IRI: the library's registry decides (see `incoming`).
    let results = amb::read_records_with(text, amb::Licences::AnyIri)
        .context("the file is not a JSON record or list")?;
    let scheme = concepts::list(db).await?;
    let total = results.len();
    progress(0, total, "");
    let mut summary = Summary::default();
    for (i, result) in results.into_iter().enumerate() {
        let reject = |id: &str, reasons: Vec<String>| Rejected {
            record: i + 1,
            id: id.to_string(),
            reasons,
        };
        let record = match result {
            Ok(r) => r,
            Err(problems) => {
                let reasons = problems.iter().map(ToString::to_string).collect();
                summary.rejected.push(reject("", reasons));
                progress(i + 1, total, "");
                continue;
            }
        };
        progress(i, total, &clip(&record.name, 40));
        match incoming(&record, org, &scheme, default_topics, status) {
            Err(reasons) => summary.rejected.push(reject(&record.id, reasons)),
            Ok(inc) => match import::upsert(db, None, &inc).await {
                Ok(Outcome::Created(_)) => summary.created += 1,
                Ok(Outcome::Updated(_)) => summary.updated += 1,
                Err(store::StoreError::Invalid(errors)) => {
                    let reasons = errors.iter().map(store::FieldError::describe).collect();
                    summary.rejected.push(reject(&record.id, reasons));
                }
                Err(e) => return Err(e).with_context(|| format!("writing record {}", i + 1)),
            },
        }
        progress(i + 1, total, &clip(&record.name, 40));
    }
    Ok(summary)
}

/// The partner of an import, once it and the topics given are known.
pub async fn check_args(
    db: &store::Db,
    partner: &str,
    topics: &[String],
) -> anyhow::Result<store::organisations::Organisation> {
    let org = store::organisations::get_by_slug(db, partner)
        .await
        .with_context(|| format!("no partner organisation with the slug {partner:?}"))?;
    let unknown = concepts::unknown(db, topics).await?;
    if !unknown.is_empty() {
        bail!("unknown topic(s): {}", unknown.join(", "));
    }
    Ok(org)
}
