//! `archipel import FILE --partner SLUG`: brings a partner's catalogue of
//! learning resources, written as schema.org/LRMI records in the AMB profile
//! (one record or a JSON array), into the library. Each record is checked
//! against the profile, mapped to a resource (kind from its
//! `learningResourceType`, topics from its subjects and keywords matched
//! against the topic scheme, or the `--topic` given), and written in its own
//! transaction; importing the same file again updates what it created. A
//! progress bar shows the way and a report lists every rejected record with
//! its reasons.

use std::path::{Path, PathBuf};

use anyhow::{Context, bail};
use serde::{Deserialize, Serialize};
use store::concepts::{self, Concept};
use store::library::import::{self, Incoming, Outcome};
use store::library::{self, ResourceForm, Status};

use crate::admin_socket::{self, ImportJob, Job};
use crate::config::Settings;

#[derive(Debug, clap::Args)]
pub struct ImportArgs {
    /// JSON file of AMB records (one object or an array).
    pub file: PathBuf,
    /// Slug of the partner organisation that publishes these resources.
    #[arg(long)]
    pub partner: String,
    /// Topic (concept id) for records whose subjects match none; repeatable.
    #[arg(long = "topic", value_name = "ID")]
    pub topics: Vec<String>,
    /// Send the resources to the review queue instead of publishing them.
    #[arg(long)]
    pub review: bool,
    /// Also write the rejected records and their reasons to this JSON file.
    #[arg(long, value_name = "FILE")]
    pub report: Option<PathBuf>,
}

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

/// What a form error code means, for operators' reports.
pub fn reason(field: &str, code: &str) -> String {
    let what = match code {
        "too-long" => "is too long",
        "required" => "is missing",
        "language-invalid" => "is not a language tag",
        "url-invalid" => "is not a web address",
        "date-invalid" => "is not a date",
        "invalid-characters" => "contains control characters",
        "topic-unknown" => "names a topic the scheme does not have",
        other => other,
    };
    format!("{field} {what}")
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
                    let reasons = errors.iter().map(|e| reason(e.field, e.code)).collect();
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

/// Imports the file into the running server when one answers on the data
/// folder's admin socket, else directly.
pub async fn run(settings: Settings, args: ImportArgs) -> anyhow::Result<()> {
    let text = std::fs::read_to_string(&args.file)
        .with_context(|| format!("cannot read {}", args.file.display()))?;
    let bar = super::progress_bar();
    let status = if args.review {
        Status::Submitted
    } else {
        Status::Published
    };
    let summary = if let Some(server) = crate::admin_socket::client::connect(&settings).await? {
        let job = Job::Import(ImportJob {
            name: args.file.display().to_string(),
            text,
            partner: args.partner.clone(),
            topics: args.topics.clone(),
            review: args.review,
        });
        match server
            .run(&job, &crate::admin_socket::client::bar_progress(&bar))
            .await?
        {
            admin_socket::Outcome::Imported { summary } => summary,
            other => bail!("the server answered an import with {other:?}"),
        }
    } else {
        let db = super::open_db(&settings).await?;
        let org = check_args(&db, &args.partner, &args.topics).await?;
        let summary = import_text(&db, &text, &org, &args.topics, status, &|d, t, name| {
            bar.set_length(t as u64);
            bar.set_position(d as u64);
            bar.set_message(name.to_string());
        })
        .await
        .with_context(|| args.file.display().to_string())?;
        db.close().await;
        summary
    };
    bar.finish_and_clear();
    print_report(&args.file, &summary);
    if let Some(path) = &args.report {
        write_report(path, &summary)?;
    }
    if !summary.rejected.is_empty() {
        bail!(
            "{} record(s) rejected; the others were imported",
            summary.rejected.len()
        );
    }
    Ok(())
}

fn print_report(file: &Path, s: &Summary) {
    println!(
        "{}: {} created, {} updated, {} rejected",
        file.display(),
        s.created,
        s.updated,
        s.rejected.len()
    );
    for r in &s.rejected {
        let id = if r.id.is_empty() {
            String::new()
        } else {
            format!(" ({})", r.id)
        };
        println!("record {}{id} rejected:", r.record);
        for reason in &r.reasons {
            println!("  - {reason}");
        }
    }
}

fn write_report(path: &Path, s: &Summary) -> anyhow::Result<()> {
    let json = serde_json::to_string_pretty(s)?;
    std::fs::write(path, json).with_context(|| format!("cannot write {}", path.display()))
}
