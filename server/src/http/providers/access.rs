//! What the directory's provider pages share: who may act on a provider
//! (the signed-in actor, the rule asked of `store::authz`), a provider's
//! history with names, and where its logo is served.

use std::collections::BTreeMap;

use app::page::HistoryEntry;
use store::authz::{Action, Actor};
use store::directory::{self, Provider};

use crate::error::AppError;
use crate::http::render::Ctx;

/// The signed-in person's actor, or the sign-in redirect.
pub(super) async fn actor(ctx: &Ctx) -> Result<Actor, AppError> {
    ctx.actor().await?.ok_or(AppError::LoginRequired)
}

/// The provider with this slug, once `action` (built from its id) is
/// allowed: anonymous visitors are sent to sign in first, and the others
/// learn that the page exists only when they may see it.
pub(super) async fn allowed(
    ctx: &Ctx,
    slug: &str,
    action: fn(i64) -> Action,
) -> Result<(Actor, Provider), AppError> {
    let actor = actor(ctx).await?;
    let provider = directory::get_by_slug(&ctx.state.db, slug).await?;
    if store::authz::can(Some(&actor), action(provider.id)) {
        Ok((actor, provider))
    } else {
        Err(AppError::Forbidden)
    }
}

/// A provider's history with the names of the people who acted.
pub(super) async fn history(ctx: &Ctx, provider_id: i64) -> Result<Vec<HistoryEntry>, AppError> {
    let events = directory::history(&ctx.state.db, provider_id).await?;
    let mut names: BTreeMap<i64, String> = BTreeMap::new();
    let mut out = Vec::with_capacity(events.len());
    for e in events {
        let who = ctx.name_of(&mut names, e.user_id).await?;
        out.push(HistoryEntry {
            action: e.action,
            who,
            detail: e.detail,
            at: e.created_at,
        });
    }
    Ok(out)
}

/// The address a logo file is served at.
pub(super) fn logo_url(file: &str) -> String {
    format!("/media/logos/{file}")
}
