//! `/{lang}/library/harvested/{id}`: a library entry harvested from another
//! source, in the reader's language when the source gave a text in it, with
//! its origin and a link to the original.

use app::Page;
use app::pages::learning::Link;
use axum::extract::{Path, Query};
use serde::Deserialize;
use store::harvest::{self};
use store::organisations;

use super::render::{Ctx, PageResult};
use crate::error::AppError;
use views::harvest::entry_view;

#[derive(Debug, Deserialize)]
pub struct EntryQuery {
    /// Read the entry in this language rather than the page's.
    #[serde(default, rename = "in")]
    text_lang: Option<String>,
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
