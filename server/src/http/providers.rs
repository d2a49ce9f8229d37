//! What providers' members and the directory's moderators do: editing a
//! profile, its members and logo, reading help requests, reviewing.
//! Every rule is asked of `store::authz` before acting; a refused form comes
//! back with status 422 and its errors, a done action redirects (303) with a
//! flash message.

mod edit;
mod form;
mod inbox;
mod review;

use std::collections::BTreeMap;
use std::collections::btree_map::Entry;

use app::page::HistoryEntry;
use axum::Router;
use axum::routing::{get, post};
use store::authz::{Action, Actor};
use store::directory::{self, Provider};

use super::render::{Ctx, Failure, OrFail};
use crate::error::AppError;
use crate::state::AppState;

pub fn routes() -> Router<AppState> {
    Router::new()
        .route(
            "/{lang}/directory/new",
            get(edit::new_form).post(edit::create),
        )
        .route("/{lang}/directory/mine", get(edit::mine))
        .route("/{lang}/directory/review", get(review::queue))
        .route("/{lang}/directory/review/{slug}", get(review::page))
        .route(
            "/{lang}/directory/review/{slug}/approve",
            post(review::approve),
        )
        .route(
            "/{lang}/directory/review/{slug}/reject",
            post(review::reject),
        )
        .route(
            "/{lang}/directory/review/{slug}/unpublish",
            post(review::unpublish),
        )
        .route(
            "/{lang}/directory/{slug}/edit",
            get(edit::edit_form).post(edit::update),
        )
        .route("/{lang}/directory/{slug}/logo", post(edit::upload_logo))
        .route("/{lang}/directory/{slug}/submit", post(edit::submit))
        .route("/{lang}/directory/{slug}/confirm", post(edit::confirm))
        .route(
            "/{lang}/directory/{slug}/members",
            get(inbox::members).post(inbox::add_member),
        )
        .route(
            "/{lang}/directory/{slug}/members/{user_id}/remove",
            post(inbox::remove_member),
        )
        .route("/{lang}/directory/{slug}/requests", get(inbox::inbox))
        .route(
            "/{lang}/directory/{slug}/requests/{id}",
            post(inbox::set_request_status),
        )
        .route("/{lang}/admin/help-requests", get(inbox::admin_requests))
}

/// The signed-in person's actor, or the sign-in redirect.
async fn actor(ctx: &Ctx) -> Result<Actor, Failure> {
    ctx.actor()
        .await?
        .ok_or_else(|| ctx.fail(AppError::LoginRequired))
}

/// The provider with this slug, once `action` (built from its id) is
/// allowed: anonymous visitors are sent to sign in first, and the others
/// learn that the page exists only when they may see it.
async fn allowed(
    ctx: &Ctx,
    slug: &str,
    action: fn(i64) -> Action,
) -> Result<(Actor, Provider), Failure> {
    let actor = actor(ctx).await?;
    let provider = directory::get_by_slug(&ctx.state.db, slug)
        .await
        .or_fail(ctx)?;
    if store::authz::can(Some(&actor), action(provider.id)) {
        Ok((actor, provider))
    } else {
        Err(ctx.fail(AppError::Forbidden))
    }
}

/// A provider's history with the names of the people who acted.
async fn history(ctx: &Ctx, provider_id: i64) -> Result<Vec<HistoryEntry>, Failure> {
    let events = directory::history(&ctx.state.db, provider_id)
        .await
        .or_fail(ctx)?;
    let mut names: BTreeMap<i64, String> = BTreeMap::new();
    let mut out = Vec::with_capacity(events.len());
    for e in events {
        let who = match e.user_id {
            Some(id) => {
                if let Entry::Vacant(slot) = names.entry(id) {
                    let name = store::users::find(&ctx.state.db, id)
                        .await
                        .or_fail(ctx)?
                        .map(|u| u.display_name)
                        .unwrap_or_default();
                    slot.insert(name);
                }
                names[&id].clone()
            }
            None => String::new(),
        };
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
fn logo_url(file: &str) -> String {
    format!("/media/logos/{file}")
}
