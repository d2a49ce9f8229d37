//! `/{lang}/library/topics`: the topic scheme as a tree, each topic with the
//! number of published resources filed under it or a narrower topic; the
//! administrators' form to add a topic or change one's labels and place.

use std::collections::{BTreeMap, BTreeSet};

use crate::http::form::{Form, Submission};
use app::Page;
use app::page::FormState;
use app::pages::learning::TopicTag;
use app::pages::library::{TopicImport, TopicNode, TopicsView};
use axum::extract::Query;
use axum::http::StatusCode;
use serde::Deserialize;
use store::authz::{self, Action};
use store::concepts::import::ImportError;
use store::concepts::{self, Concept, ConceptForm};
use store::{StoreError, library};

use super::render::{Ctx, PageResult};
use crate::error::AppError;

/// The published resources under each topic, narrower topics included.
fn counts(all: &[Concept], filed: &[(String, i64)]) -> BTreeMap<String, usize> {
    let mut direct: BTreeMap<&str, BTreeSet<i64>> = BTreeMap::new();
    for (concept, resource) in filed {
        direct.entry(concept).or_default().insert(*resource);
    }
    fn under<'a>(
        id: &'a str,
        all: &'a [Concept],
        direct: &BTreeMap<&str, BTreeSet<i64>>,
        out: &mut BTreeSet<i64>,
        depth: u8,
    ) {
        if let Some(set) = direct.get(id) {
            out.extend(set);
        }
        if depth < 16 {
            for c in all.iter().filter(|c| c.broader.as_deref() == Some(id)) {
                under(&c.id, all, direct, out, depth + 1);
            }
        }
    }
    all.iter()
        .map(|c| {
            let mut set = BTreeSet::new();
            under(&c.id, all, &direct, &mut set, 0);
            (c.id.clone(), set.len())
        })
        .collect()
}

fn tree(
    all: &[Concept],
    parent: Option<&str>,
    lang: &str,
    counts: &BTreeMap<String, usize>,
    depth: u8,
) -> Vec<TopicNode> {
    let mut level: Vec<&Concept> = all
        .iter()
        .filter(|c| c.broader.as_deref() == parent)
        .collect();
    level.sort_by_cached_key(|c| courses::quiz::fold(c.label_in(lang)));
    level
        .into_iter()
        .map(|c| TopicNode {
            id: c.id.clone(),
            label: c.label_in(lang).to_string(),
            count: counts.get(&c.id).copied().unwrap_or(0),
            added: !c.shipped,
            children: if depth < 16 {
                tree(all, Some(&c.id), lang, counts, depth + 1)
            } else {
                Vec::new()
            },
        })
        .collect()
}

/// The topic scheme in tree order, labelled in the page's language.
pub async fn topic_tree(ctx: &Ctx) -> Result<Vec<(TopicTag, u8)>, AppError> {
    let lang = ctx.lang().code();
    let tree = super::cache::shared_fragment(
        &ctx.state,
        format!("topic-tree {lang}"),
        crate::page_cache::Deps::TOPICS,
        labelled_tree(&ctx.state.db, lang),
    )
    .await?;
    Ok((*tree).clone())
}

async fn labelled_tree(db: &store::Db, lang: &str) -> Result<Vec<(TopicTag, u8)>, AppError> {
    let all = concepts::list(db).await?;
    fn walk(
        all: &[concepts::Concept],
        parent: Option<&str>,
        depth: u8,
        lang: &str,
        out: &mut Vec<(TopicTag, u8)>,
    ) {
        let mut level: Vec<&concepts::Concept> = all
            .iter()
            .filter(|c| c.broader.as_deref() == parent)
            .collect();
        level.sort_by_cached_key(|c| courses::quiz::fold(c.label_in(lang)));
        for c in level {
            out.push((
                TopicTag {
                    id: c.id.clone(),
                    label: c.label_in(lang).to_string(),
                },
                depth,
            ));
            if depth < 8 {
                walk(all, Some(&c.id), depth + 1, lang, out);
            }
        }
    }
    let mut out = Vec::new();
    walk(&all, None, 0, lang, &mut out);
    Ok(out)
}

async fn view(ctx: &Ctx) -> Result<TopicsView, AppError> {
    let db = &ctx.state.db;
    let all = concepts::list(db).await?;
    let filed = library::browse::published_topics(db).await?;
    let lang = ctx.lang().code();
    let manage = authz::can(ctx.actor().await?.as_ref(), Action::ManageTopics);
    let broader = if manage {
        topic_tree(ctx)
            .await?
            .into_iter()
            .map(|(t, depth)| (t.id, format!("{}{}", "— ".repeat(depth.into()), t.label)))
            .collect()
    } else {
        Vec::new()
    };
    Ok(TopicsView {
        tree: tree(&all, None, lang, &counts(&all, &filed), 0),
        manage,
        broader,
        import: None,
    })
}

#[derive(Deserialize, Default)]
pub struct TopicsQuery {
    /// A topic whose form an administrator opens.
    #[serde(default)]
    edit: String,
}

pub async fn page(ctx: Ctx, Query(q): Query<TopicsQuery>) -> PageResult {
    let view = view(&ctx).await?;
    let mut state = None;
    if view.manage && !q.edit.is_empty() {
        let all = concepts::list(&ctx.state.db).await?;
        let Some(c) = all.iter().find(|c| c.id == q.edit) else {
            return Err(AppError::NotFound);
        };
        let labels: Vec<String> = c.labels.iter().map(|(l, t)| format!("{l}: {t}")).collect();
        state = Some(FormState {
            form: "topic".into(),
            values: BTreeMap::from([
                ("id".to_string(), c.id.clone()),
                ("broader".to_string(), c.broader.clone().unwrap_or_default()),
                ("labels".to_string(), labels.join("\n")),
            ]),
            ..Default::default()
        });
    }
    Ok(ctx.show_with(Page::Topics(view), StatusCode::OK, state))
}

/// The signed-in person, when they may change the scheme.
async fn administrator(ctx: &Ctx) -> Result<authz::Actor, AppError> {
    let actor = ctx.actor().await?.ok_or(AppError::LoginRequired)?;
    if !authz::can(Some(&actor), Action::ManageTopics) {
        return Err(AppError::Forbidden);
    }
    Ok(actor)
}

pub async fn save(ctx: Ctx, Form(form): Form<ConceptForm>) -> PageResult {
    let actor = administrator(&ctx).await?;
    match concepts::save(&ctx.state.db, &form).await {
        Ok(c) => {
            tracing::info!(topic = %c.id, user = actor.user_id, "topic saved");
            ctx.redirect_with("/library/topics", "flash-topic-saved")
                .await
        }
        Err(StoreError::Invalid(errors)) => {
            let view = view(&ctx).await?;
            Ok(ctx.invalid(Page::Topics(view), "topic", &form, &errors))
        }
        Err(e) => Err(e.into()),
    }
}

/// The import form: its file and nothing else.
#[derive(Deserialize)]
pub struct FileOnly {}

/// The largest SKOS file the import form takes.
const MAX_SKOS_BYTES: usize = 4 * 1024 * 1024;

/// An administrator's SKOS file: the topics page again with what it did
/// (200), or with every reason it was refused and nothing written (422).
pub async fn import(ctx: Ctx, submission: Submission<FileOnly>) -> PageResult {
    let actor = administrator(&ctx).await?;
    let lang = ctx.lang();
    let refused = |keys: Vec<(&str, Vec<(&'static str, String)>)>| TopicImport {
        problems: keys
            .into_iter()
            .map(|(k, args)| i18n::t_args(lang, k, &args))
            .collect(),
        ..Default::default()
    };
    let outcome = match &submission.file {
        None => refused(vec![("topics-import-no-file", Vec::new())]),
        Some((_, bytes)) if bytes.len() > MAX_SKOS_BYTES => refused(vec![(
            "topics-import-too-large",
            vec![("max", (MAX_SKOS_BYTES / (1024 * 1024)).to_string())],
        )]),
        Some((name, bytes)) => {
            let path = std::path::Path::new(name);
            let settings = &ctx.state.settings;
            match crate::cli::topics::import_bytes(&ctx.state.db, settings, bytes, path, None).await
            {
                Ok(report) => {
                    tracing::info!(
                        added = report.added.len(),
                        updated = report.updated.len(),
                        user = actor.user_id,
                        "topics imported"
                    );
                    TopicImport {
                        added: report.added.len(),
                        updated: report.updated.len(),
                        unchanged: report.unchanged.len(),
                        problems: Vec::new(),
                    }
                }
                Err(ImportError::Refused(problems)) => {
                    refused(problems.iter().map(|p| (p.key(), p.args())).collect())
                }
                Err(ImportError::Store(e)) => return Err(e.into()),
            }
        }
    };
    let status = if outcome.problems.is_empty() {
        StatusCode::OK
    } else {
        StatusCode::UNPROCESSABLE_ENTITY
    };
    let mut view = view(&ctx).await?;
    view.import = Some(outcome);
    Ok(ctx.show_with(Page::Topics(view), status, None))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn concept(id: &str, broader: Option<&str>) -> Concept {
        Concept {
            id: id.into(),
            broader: broader.map(str::to_string),
            labels: BTreeMap::from([("en".to_string(), id.to_string())]),
            alt: BTreeMap::new(),
            shipped: true,
        }
    }

    #[test]
    fn a_topic_counts_the_resources_of_its_narrower_topics_once() {
        let all = [
            concept("ethics", None),
            concept("free-software", Some("ethics")),
            concept("privacy", Some("ethics")),
            concept("hosting", None),
        ];
        let filed = [
            ("free-software".to_string(), 1),
            ("privacy".to_string(), 1),
            ("privacy".to_string(), 2),
            ("ethics".to_string(), 3),
        ];
        let n = counts(&all, &filed);
        assert_eq!(n["ethics"], 3, "1 counted once, 2 and 3");
        assert_eq!(n["privacy"], 2);
        assert_eq!(n["hosting"], 0);
        let t = tree(&all, None, "en", &n, 0);
        assert_eq!(t[0].id, "ethics");
        assert_eq!(t[0].children.len(), 2);
    }
}
