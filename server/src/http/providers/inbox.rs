//! A provider's inbox of help requests and its members; every help request
//! for the instance's administrators.

use std::collections::BTreeMap;
use std::collections::btree_map::Entry;

use crate::http::form::Form;
use app::Page;
use app::page::{AdminRequestRow, InboxRow, ProviderInbox, ProviderMemberRow, ProviderMembersView};
use axum::extract::Path;
use axum::http::StatusCode;
use serde::{Deserialize, Serialize};
use store::StoreError;
use store::authz::Action;
use store::directory::requests::{self, RequestStatus};
use store::directory::{self, Provider, members as provider_members};

use super::access::allowed;
use crate::error::AppError;
use crate::http::form::refill;
use crate::http::render::{Ctx, PageResult};

/// Requests shown in an inbox and in the administrators' list.
const REQUESTS_SHOWN: i64 = 500;
/// Characters of a message the administrators' list shows.
const EXCERPT_CHARS: usize = 120;

fn view_action(provider_id: i64) -> Action {
    Action::ViewHelpRequests { provider_id }
}

fn members_action(provider_id: i64) -> Action {
    Action::ManageProviderMembers { provider_id }
}

pub async fn inbox(ctx: Ctx, Path((_lang, slug)): Path<(String, String)>) -> PageResult {
    let (_, p) = allowed(&ctx, &slug, view_action).await?;
    let db = &ctx.state.db;
    let list = requests::for_provider(db, p.id, REQUESTS_SHOWN).await?;
    let unread = requests::unread(db, p.id).await?;
    let mut rows = Vec::with_capacity(list.len());
    for r in list {
        // Opening the inbox reads what is new; the page still marks it new.
        if r.status == RequestStatus::New {
            requests::set_status(db, r.id, RequestStatus::Read).await?;
        }
        rows.push(InboxRow {
            id: r.id,
            lang: app::language_name(&r.lang),
            status: r.status.as_str().to_string(),
            sender_name: r.sender_name,
            sender_email: r.sender_email,
            organisation: r.organisation,
            message: r.message,
            created_at: r.created_at,
        });
    }
    Ok(ctx.show(Page::ProviderInbox(ProviderInbox {
        slug: p.slug,
        name: p.working.name,
        unread,
        requests: rows,
    })))
}

#[derive(Debug, Deserialize)]
pub struct StatusForm {
    #[serde(default)]
    status: String,
}

pub async fn set_request_status(
    ctx: Ctx,
    Path((_lang, slug, id)): Path<(String, String, i64)>,
    Form(form): Form<StatusForm>,
) -> PageResult {
    let (_, p) = allowed(&ctx, &slug, view_action).await?;
    let request = requests::get(&ctx.state.db, id).await?;
    // Another provider's request is not there for this one.
    if request.provider_id != p.id {
        return Err(AppError::NotFound);
    }
    let status = RequestStatus::parse(&form.status)
        .filter(|s| *s != RequestStatus::New)
        .ok_or_else(|| AppError::BadRequest("unknown request status".into()))?;
    requests::set_status(&ctx.state.db, id, status).await?;
    ctx.redirect_with(
        &format!("/directory/{slug}/requests"),
        "flash-providers-request-updated",
    )
    .await
}

async fn members_view(ctx: &Ctx, p: &Provider) -> Result<ProviderMembersView, AppError> {
    let me = ctx.user.as_ref().map(|u| u.id);
    let list = provider_members::list(&ctx.state.db, p.id).await?;
    Ok(ProviderMembersView {
        slug: p.slug.clone(),
        name: p.working.name.clone(),
        members: list
            .into_iter()
            .map(|u| ProviderMemberRow {
                is_self: Some(u.id) == me,
                user_id: u.id,
                display_name: u.display_name,
                email: u.email,
            })
            .collect(),
    })
}

pub async fn members(ctx: Ctx, Path((_lang, slug)): Path<(String, String)>) -> PageResult {
    let (_, p) = allowed(&ctx, &slug, members_action).await?;
    let view = members_view(&ctx, &p).await?;
    Ok(ctx.show(Page::ProviderMembers(view)))
}

#[derive(Debug, Deserialize, Serialize)]
pub struct MemberForm {
    #[serde(default)]
    email: String,
}

pub async fn add_member(
    ctx: Ctx,
    Path((_lang, slug)): Path<(String, String)>,
    Form(form): Form<MemberForm>,
) -> PageResult {
    let (actor, p) = allowed(&ctx, &slug, members_action).await?;
    match provider_members::add(&ctx.state.db, actor.user_id, p.id, &form.email).await {
        Ok(_) => {
            ctx.redirect_with(
                &format!("/directory/{slug}/members"),
                "flash-providers-member-added",
            )
            .await
        }
        Err(StoreError::Invalid(errors)) => {
            let view = members_view(&ctx, &p).await?;
            Ok(ctx.invalid(Page::ProviderMembers(view), "member", &form, &errors))
        }
        Err(e) => Err(e.into()),
    }
}

pub async fn remove_member(
    ctx: Ctx,
    Path((_lang, slug, user_id)): Path<(String, String, i64)>,
) -> PageResult {
    let (actor, p) = allowed(&ctx, &slug, members_action).await?;
    match provider_members::remove(&ctx.state.db, actor.user_id, p.id, user_id).await {
        Ok(()) if user_id == actor.user_id => {
            ctx.redirect_with("/directory/mine", "flash-providers-member-left")
                .await
        }
        Ok(()) => {
            ctx.redirect_with(
                &format!("/directory/{slug}/members"),
                "flash-providers-member-removed",
            )
            .await
        }
        Err(StoreError::Invalid(errors)) => {
            let view = members_view(&ctx, &p).await?;
            let state = refill("remove", &(), &errors);
            Ok(ctx.show_with(
                Page::ProviderMembers(view),
                StatusCode::UNPROCESSABLE_ENTITY,
                Some(state),
            ))
        }
        Err(e) => Err(e.into()),
    }
}

/// The first words of a message, cut at a character boundary.
fn excerpt(message: &str) -> String {
    let mut out: String = message.chars().take(EXCERPT_CHARS).collect();
    if message.chars().count() > EXCERPT_CHARS {
        out.push('…');
    }
    out
}

pub async fn admin_requests(ctx: Ctx) -> PageResult {
    ctx.authorize(Action::ViewAllHelpRequests).await?;
    let db = &ctx.state.db;
    let all = requests::all(db, REQUESTS_SHOWN).await?;
    let mut providers: BTreeMap<i64, (String, String)> = BTreeMap::new();
    let mut rows = Vec::with_capacity(all.len());
    for r in all {
        if let Entry::Vacant(slot) = providers.entry(r.provider_id) {
            let p = directory::get(db, r.provider_id).await?;
            slot.insert((p.slug, p.working.name));
        }
        let (slug, name) = providers[&r.provider_id].clone();
        let delivery = match (&r.delivered_at, r.delivery_attempts) {
            (Some(_), _) => "delivered",
            (None, 0) => "waiting",
            (None, _) => "failed",
        };
        rows.push(AdminRequestRow {
            id: r.id,
            provider_slug: slug,
            provider_name: name,
            excerpt: excerpt(&r.message),
            sender_name: r.sender_name,
            sender_email: r.sender_email,
            organisation: r.organisation,
            created_at: r.created_at,
            status: r.status.as_str().to_string(),
            delivery: delivery.to_string(),
            attempts: r.delivery_attempts,
        });
    }
    Ok(ctx.show(Page::AdminHelpRequests(rows)))
}
