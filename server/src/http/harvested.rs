//! `/{lang}/library/harvested/{id}`: a library entry harvested from another
//! source, in the reader's language when the source gave a text in it, with
//! its origin and a link to the original.

use app::Page;
use app::learning::Link;
use app::page::HarvestedView;
use axum::extract::{Path, Query};
use serde::Deserialize;
use store::harvest::{self, Entry};
use store::{library, organisations};

use super::render::{Ctx, PageResult};
use crate::error::AppError;

#[derive(Debug, Deserialize)]
pub struct EntryQuery {
    /// Read the entry in this language rather than the page's.
    #[serde(default, rename = "in")]
    text_lang: Option<String>,
}

/// Whether the identifier is an address a browser can open.
fn is_address(uri: &str) -> bool {
    uri.starts_with("https://") || uri.starts_with("http://")
}

/// The first 30 words of a text.
fn excerpt(text: &str) -> String {
    let words: Vec<&str> = text.split_whitespace().collect();
    if words.len() <= 30 {
        words.join(" ")
    } else {
        format!("{} …", words[..30].join(" "))
    }
}

/// The entry's view, its text in `lang` when there is one (else its main one).
pub fn entry_view(
    e: &Entry,
    lang: &str,
    source: &str,
    partner: Option<Link>,
) -> Option<HarvestedView> {
    let text = e.text(lang)?;
    let licence = e.licence.as_ref().map(|uri| {
        let label = library::licence_label(uri);
        (uri.clone(), label)
    });
    let original_href = if is_address(&e.original_uri) {
        Some(e.original_uri.clone())
    } else {
        e.url.clone()
    };
    Some(HarvestedView {
        id: e.id,
        title: text.title.clone(),
        description: text.description.clone(),
        lang: text.lang.clone(),
        also_in: e
            .texts
            .iter()
            .filter(|t| t.lang != text.lang)
            .map(|t| t.lang.clone())
            .collect(),
        kind: e
            .kind
            .as_deref()
            .and_then(library::Kind::parse)
            .map(|k| k.as_str().to_string()),
        languages: e.languages.clone(),
        licence,
        keywords: e.keywords.clone(),
        creators: e.creators.clone(),
        issued: e.issued.clone().unwrap_or_default(),
        modified: e.modified.clone().unwrap_or_default(),
        original_uri: e.original_uri.clone(),
        original_href,
        url: e.url.clone(),
        source: source.to_string(),
        partner,
        harvested_on: e.harvested_at.chars().take(10).collect(),
        summary: excerpt(&text.description),
    })
}

pub async fn entry(
    ctx: Ctx,
    Path((_lang, id)): Path<(String, String)>,
    Query(q): Query<EntryQuery>,
) -> PageResult {
    let Ok(id) = id.parse::<i64>() else {
        return Err(AppError::NotFound);
    };
    let db = &ctx.state.db;
    let e = harvest::get_entry(db, id).await?;
    let source = harvest::get(db, e.source_id).await?;
    let partner = match source.organisation_id {
        Some(org) => organisations::get(db, org).await.ok().map(|o| Link {
            path: format!("/partners/{}", o.slug),
            title: o.name,
        }),
        None => None,
    };
    let lang = q
        .text_lang
        .filter(|l| e.texts.iter().any(|t| t.lang == *l))
        .unwrap_or_else(|| ctx.lang().code().to_string());
    let view = entry_view(&e, &lang, &source.label, partner).ok_or(AppError::NotFound)?;
    Ok(ctx.show(Page::Harvested(view)))
}
