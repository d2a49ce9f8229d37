//! Atom feeds of newly published resources: the whole library, one topic
//! (with its narrower topics) or one partner, in the reader's language where
//! a published translation exists.

use atom_syndication::{Category, Content, Entry, Feed, FixedDateTime, Link, Person, Text};
use axum::extract::Query;
use axum::http::{HeaderValue, header};
use axum::response::IntoResponse;
use serde::Deserialize;
use store::library;
use store::{StoreError, concepts, organisations};

use super::render::{Ctx, PageResult};
use crate::error::AppError;

/// How many entries a feed holds.
const ENTRIES: i64 = 30;

#[derive(Deserialize, Default)]
pub struct FeedQuery {
    #[serde(default)]
    topic: Option<String>,
    #[serde(default)]
    partner: Option<String>,
}

fn time(rfc3339: &str) -> Option<FixedDateTime> {
    FixedDateTime::parse_from_rfc3339(rfc3339).ok()
}

pub async fn library_feed(ctx: Ctx, Query(q): Query<FeedQuery>) -> PageResult {
    let db = &ctx.state.db;
    let lang = ctx.lang().code();
    let base = ctx.state.settings.public_url().to_string();
    let labels = concepts::list(db).await?;
    let topic = q.topic.as_deref().filter(|t| !t.is_empty());
    let topic_label = match topic {
        Some(t) => Some(
            labels
                .iter()
                .find(|c| c.id == t)
                .ok_or(AppError::NotFound)?
                .label_in(lang)
                .to_string(),
        ),
        None => None,
    };
    let partner = match q.partner.as_deref().filter(|p| !p.is_empty()) {
        Some(slug) => match organisations::get_by_slug(db, slug).await {
            Err(StoreError::NotFound) => return Err(AppError::NotFound),
            other => Some(other?),
        },
        None => None,
    };
    let filter = library::browse::Filter {
        topic: topic.map(str::to_string),
        organisation_id: partner.as_ref().map(|p| p.id),
        ..Default::default()
    };
    let resources = library::browse::filtered(db, &filter, ENTRIES).await?;
    let names = super::library::publishers(&ctx).await?;

    let mut query = Vec::new();
    if let Some(t) = topic {
        query.push(format!("topic={}", app::layout::encode_query(t)));
    }
    if let Some(p) = &partner {
        query.push(format!("partner={}", app::layout::encode_query(&p.slug)));
    }
    let self_url = format!(
        "{base}{}{}",
        ctx.href("/library/feed.atom"),
        if query.is_empty() {
            String::new()
        } else {
            format!("?{}", query.join("&"))
        }
    );
    let mut title = format!(
        "{} · {}",
        i18n::t(ctx.lang(), "library-title"),
        i18n::t(ctx.lang(), "site-name")
    );
    for part in [topic_label, partner.as_ref().map(|p| p.name.clone())]
        .into_iter()
        .flatten()
    {
        title = format!("{part} · {title}");
    }
    let entries: Vec<Entry> = resources
        .iter()
        .filter_map(|r| {
            let text = r.text_for(lang)?;
            let page = format!(
                "{base}{}",
                ctx.href(&format!("/library/resources/{}", r.uid))
            );
            let published = r.published_at.as_deref().and_then(time);
            let updated = time(&r.updated_at).or(published)?;
            let publisher = names.get(&r.organisation_id).cloned().unwrap_or_default();
            let authors = if r.authors.is_empty() {
                vec![Person {
                    name: publisher.clone(),
                    ..Default::default()
                }]
            } else {
                r.authors
                    .iter()
                    .map(|a| Person {
                        name: a.clone(),
                        ..Default::default()
                    })
                    .collect()
            };
            let mut links = vec![Link {
                href: page.clone(),
                rel: "alternate".into(),
                hreflang: Some(text.lang.clone()),
                mime_type: Some("text/html".into()),
                ..Default::default()
            }];
            if !r.url.is_empty() {
                links.push(Link {
                    href: r.url.clone(),
                    rel: "related".into(),
                    ..Default::default()
                });
            }
            let html = super::library::description_html(&text.description);
            Some(Entry {
                title: Text::plain(text.title.clone()),
                id: page,
                updated,
                published,
                authors,
                links,
                summary: Some(Text::plain(
                    text.description.chars().take(300).collect::<String>(),
                )),
                content: Some(Content {
                    value: Some(html),
                    content_type: Some("html".into()),
                    lang: Some(text.lang.clone()),
                    ..Default::default()
                }),
                categories: r
                    .topics
                    .iter()
                    .filter_map(|t| labels.iter().find(|c| c.id == *t))
                    .map(|c| Category {
                        term: c.id.clone(),
                        label: Some(c.label_in(lang).to_string()),
                        ..Default::default()
                    })
                    .collect(),
                rights: Some(library::licence_label(&r.licence))
                    .filter(|l| !l.is_empty())
                    .map(Text::plain),
                ..Default::default()
            })
        })
        .collect();
    let updated = entries
        .iter()
        .map(|e| e.updated)
        .max()
        .or_else(|| time(&store_now()))
        .ok_or_else(|| AppError::Internal(anyhow::anyhow!("no time for the feed")))?;
    let feed = Feed {
        title: Text::plain(title),
        id: self_url.clone(),
        updated,
        lang: Some(lang.to_string()),
        links: vec![
            Link {
                href: self_url,
                rel: "self".into(),
                mime_type: Some("application/atom+xml".into()),
                ..Default::default()
            },
            Link {
                href: format!("{base}{}", ctx.href("/library")),
                rel: "alternate".into(),
                mime_type: Some("text/html".into()),
                ..Default::default()
            },
        ],
        entries,
        ..Default::default()
    };
    let mut res = feed.to_string().into_response();
    res.headers_mut().insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("application/atom+xml; charset=utf-8"),
    );
    res.headers_mut().insert(
        header::CACHE_CONTROL,
        HeaderValue::from_static("public, max-age=300"),
    );
    Ok(res)
}

fn store_now() -> String {
    store::format_time(time::OffsetDateTime::now_utc())
}
