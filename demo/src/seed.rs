//! The seed library: `content/library/{partner}.toml`, one file per partner
//! organisation, each listing the resources it contributed with their texts
//! in several languages. Checked like the rest of the content folder (every
//! mistake named with its file and line) and loaded by `archipel demo`.

use std::collections::BTreeMap;
use std::path::Path;

use anyhow::Context;
use serde::Deserialize;
use store::library::import::{self, Incoming, Translation};
use store::library::{self, Kind, Origin, ResourceForm, Status};

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct SeedFile {
    #[serde(default)]
    resource: Vec<SeedResource>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct SeedResource {
    id: toml::Spanned<String>,
    kind: String,
    language: String,
    topics: Vec<String>,
    licence: String,
    #[serde(default)]
    authors: Vec<String>,
    #[serde(default)]
    date: String,
    #[serde(default)]
    url: String,
    #[serde(default)]
    audience: String,
    #[serde(default)]
    level: String,
    /// When it entered the library (`YYYY-MM-DD`).
    published: String,
    #[serde(default)]
    views: i64,
    text: BTreeMap<String, SeedText>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct SeedText {
    #[serde(default)]
    origin: Option<String>,
    title: String,
    description: String,
}

/// One seed resource, ready to import for the partner its file is named after.
#[derive(Debug, Clone)]
pub struct Seed {
    /// `file:line` of its entry, for messages.
    pub at: String,
    pub partner: String,
    pub incoming: Incoming,
}

fn line_of(text: &str, offset: usize) -> usize {
    text[..offset.min(text.len())].matches('\n').count() + 1
}

/// Parses one seed file; `topics` are the scheme's concept ids.
fn parse_file(
    text: &str,
    file: &str,
    partner: &str,
    topics: &[String],
) -> Result<Vec<Seed>, Vec<String>> {
    let parsed: SeedFile = toml::from_str(text).map_err(|e| {
        vec![match e.span() {
            Some(s) => format!("{file}:{}: {}", line_of(text, s.start), e.message()),
            None => format!("{file}: {}", e.message()),
        }]
    })?;
    let mut problems = Vec::new();
    let mut seeds = Vec::new();
    for r in parsed.resource {
        let at = format!("{file}:{}", line_of(text, r.id.span().start));
        let id = r.id.get_ref().clone();
        let mut bad = |msg: String| problems.push(format!("{at}: resource {id:?}: {msg}"));
        if id.is_empty()
            || !id
                .chars()
                .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
        {
            bad("the id must be lowercase letters, digits and hyphens".into());
        }
        if Kind::parse(&r.kind).is_none() {
            let kinds: Vec<_> = Kind::ALL.iter().map(|k| k.as_str()).collect();
            bad(format!(
                "unknown kind {:?} (one of {})",
                r.kind,
                kinds.join(", ")
            ));
        }
        for t in r.topics.iter().filter(|t| !topics.contains(t)) {
            bad(format!("unknown topic {t:?} (see content/topics.toml)"));
        }
        if let Err(e) = library::stored_licence(&r.licence) {
            bad(format!("licence: {e}"));
        }
        let date_ok = r.published.len() == 10
            && time::Date::parse(
                &r.published,
                time::macros::format_description!("[year]-[month]-[day]"),
            )
            .is_ok();
        if !date_ok {
            bad(format!("published {:?} must be YYYY-MM-DD", r.published));
        }
        let Some(original) = r.text.get(&r.language) else {
            bad(format!("no text in its original language {:?}", r.language));
            continue;
        };
        if original.origin.is_some() {
            bad("the original text takes no origin (only translations do)".into());
        }
        let mut translations = Vec::new();
        for (lang, t) in r.text.iter().filter(|(l, _)| **l != r.language) {
            let origin = match t.origin.as_deref() {
                Some("human") => Origin::Human,
                Some("machine-assisted") => Origin::MachineAssisted,
                other => {
                    bad(format!(
                        "text {lang}: origin must be \"human\" or \"machine-assisted\", found {other:?}"
                    ));
                    continue;
                }
            };
            translations.push(Translation {
                lang: lang.clone(),
                origin,
                title: t.title.clone(),
                description: t.description.clone(),
            });
        }
        seeds.push(Seed {
            at: at.clone(),
            partner: partner.to_string(),
            incoming: Incoming {
                source_uri: format!("seed:{id}"),
                organisation_id: 0,
                form: ResourceForm {
                    kind: r.kind,
                    original_language: r.language,
                    title: original.title.clone(),
                    description: original.description.clone(),
                    audience: r.audience,
                    educational_level: r.level,
                    licence: r.licence,
                    country: String::new(),
                    authors: r.authors.join("\n"),
                    date_created: r.date,
                    url: r.url,
                    topics: r.topics,
                },
                translations,
                status: Status::Published,
                published_at: Some(format!("{}T09:00:00.000000Z", r.published)),
                views: r.views,
            },
        });
    }
    let mut seen = BTreeMap::new();
    for s in &seeds {
        if let Some(first) = seen.insert(s.incoming.source_uri.clone(), s.at.clone()) {
            problems.push(format!(
                "{}: {} is already used at {first}",
                s.at, s.incoming.source_uri
            ));
        }
    }
    if problems.is_empty() {
        Ok(seeds)
    } else {
        Err(problems)
    }
}

/// Reads every `*.toml` of `dir` (the seed library), reporting all mistakes
/// at once. No folder means no seeds.
pub fn read(dir: &Path, topics: &[String]) -> anyhow::Result<Vec<Seed>> {
    if !dir.is_dir() {
        return Ok(Vec::new());
    }
    let mut files: Vec<_> = std::fs::read_dir(dir)
        .with_context(|| format!("cannot read {}", dir.display()))?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|e| e == "toml"))
        .collect();
    files.sort();
    let mut all = Vec::new();
    let mut problems = Vec::new();
    for path in files {
        let text = std::fs::read_to_string(&path)
            .with_context(|| format!("cannot read {}", path.display()))?;
        let partner = path
            .file_stem()
            .map(|s| s.to_string_lossy().into_owned())
            .unwrap_or_default();
        match parse_file(&text, &path.display().to_string(), &partner, topics) {
            Ok(seeds) => all.extend(seeds),
            Err(p) => problems.extend(p),
        }
    }
    if problems.is_empty() {
        Ok(all)
    } else {
        anyhow::bail!(
            "the seed library has {} problem{}:\n{}",
            problems.len(),
            if problems.len() == 1 { "" } else { "s" },
            problems.join("\n")
        )
    }
}

/// Imports the seeds whose resource is not there yet (a resource already
/// loaded keeps what moderators and partners did with it). Returns how many
/// were added.
pub async fn load(db: &store::Db, seeds: &[Seed]) -> anyhow::Result<usize> {
    let mut added = 0;
    let mut partners = BTreeMap::new();
    for seed in seeds {
        let uid = import::uid_for(&seed.incoming.source_uri);
        if library::get_by_uid(db, &uid).await.is_ok() {
            continue;
        }
        let org = match partners.get(&seed.partner) {
            Some(org) => org,
            None => {
                let org = store::organisations::get_by_slug(db, &seed.partner)
                    .await
                    .with_context(|| {
                        format!("{}: no partner organisation {:?}", seed.at, seed.partner)
                    })?;
                partners.entry(seed.partner.clone()).or_insert(org)
            }
        };
        let mut incoming = seed.incoming.clone();
        incoming.organisation_id = org.id;
        incoming.form.country = org.country.clone();
        import::upsert(db, None, &incoming)
            .await
            .map_err(|e| anyhow::anyhow!("{}: {}", seed.at, describe(&e)))?;
        added += 1;
    }
    Ok(added)
}

/// A store refusal in words, for operators.
pub fn describe(e: &store::StoreError) -> String {
    match e {
        store::StoreError::Invalid(errors) => errors
            .iter()
            .map(store::FieldError::describe)
            .collect::<Vec<_>>()
            .join("; "),
        other => other.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn topics() -> Vec<String> {
        vec!["free-software".into(), "security".into()]
    }

    const GOOD: &str = r#"
[[resource]]
id = "guide-one"
kind = "guide"
language = "fr"
topics = ["free-software"]
licence = "https://creativecommons.org/licenses/by-sa/4.0/"
published = "2026-01-02"

[resource.text.fr]
title = "Un guide"
description = "Pour commencer."

[resource.text.en]
origin = "human"
title = "A guide"
description = "To begin with."
"#;

    #[test]
    fn a_seed_file_gives_published_resources_with_translations() {
        let seeds = parse_file(GOOD, "p.toml", "p", &topics()).unwrap();
        assert_eq!(seeds.len(), 1);
        let s = &seeds[0];
        assert_eq!(s.at, "p.toml:3");
        assert_eq!(s.incoming.source_uri, "seed:guide-one");
        assert_eq!(s.incoming.form.title, "Un guide");
        assert_eq!(s.incoming.translations[0].lang, "en");
        assert_eq!(s.incoming.translations[0].origin, Origin::Human);
        assert_eq!(
            s.incoming.published_at.as_deref(),
            Some("2026-01-02T09:00:00.000000Z")
        );
    }

    #[test]
    fn every_mistake_is_named_with_its_line() {
        let bad = GOOD
            .replace("kind = \"guide\"", "kind = \"book\"")
            .replace("[\"free-software\"]", "[\"gardening\"]")
            .replace("origin = \"human\"", "origin = \"robot\"")
            .replace("2026-01-02", "2 Jan 2026");
        let problems = parse_file(&bad, "p.toml", "p", &topics()).unwrap_err();
        assert_eq!(problems.len(), 4, "{problems:#?}");
        assert!(
            problems
                .iter()
                .all(|p| p.starts_with("p.toml:3: resource \"guide-one\""))
        );
        assert!(problems[0].contains("unknown kind \"book\""));
        let typo = GOOD.replace("licence =", "license =");
        let problems = parse_file(&typo, "p.toml", "p", &topics()).unwrap_err();
        assert!(
            problems[0].starts_with("p.toml:7:"),
            "the line of the typo: {problems:?}"
        );
        assert!(problems[0].contains("license"), "{problems:?}");
        let twice = format!("{GOOD}\n{GOOD}");
        let problems = parse_file(&twice, "p.toml", "p", &topics()).unwrap_err();
        assert!(
            problems[0].contains("seed:guide-one is already used at p.toml:3"),
            "{problems:?}"
        );
    }

    #[test]
    fn the_shipped_seed_library_is_valid() {
        let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../content");
        let scheme = courses::load(&root)
            .expect("the content folder is valid")
            .topics;
        let ids: Vec<String> = scheme.concepts.iter().map(|c| c.id.clone()).collect();
        let seeds = read(&root.join("library"), &ids).unwrap_or_else(|e| panic!("{e}"));
        assert!(seeds.len() >= 55, "about sixty resources: {}", seeds.len());
        let langs: std::collections::BTreeSet<_> = seeds
            .iter()
            .flat_map(|s| {
                std::iter::once(s.incoming.form.original_language.clone())
                    .chain(s.incoming.translations.iter().map(|t| t.lang.clone()))
            })
            .collect();
        for l in ["fr", "en", "de", "it", "hr"] {
            assert!(langs.contains(l), "some resource reads in {l}");
        }
        for kind in Kind::ALL {
            assert!(
                seeds.iter().any(|s| s.incoming.form.kind == kind.as_str()),
                "{kind:?}"
            );
        }
        for id in &ids {
            assert!(
                seeds.iter().any(|s| s.incoming.form.topics.contains(id)),
                "{id}"
            );
        }
    }
}
