//! Moderators' side: the queue of submitted profiles and of profiles due
//! for confirmation, the review page, and the decisions. A decision taken
//! on a state that changed meanwhile (another moderator was quicker) comes
//! back as the review page with a message, never as an error page.

use crate::http::form::Form;
use app::Page;
use app::page::{DiffRow, DueRow, ProviderQueue, ProviderReviewView, QueueRow};
use axum::extract::Path;
use axum::http::StatusCode;
use serde::{Deserialize, Serialize};
use store::StoreError;
use store::authz::{Action, can};
use store::directory::{self, Provider, review};

use super::access::{allowed, history, logo_url};
use crate::error::AppError;
use crate::http::form::refill;
use crate::http::logos::forget_logo;
use crate::http::render::{Ctx, PageResult};
use views::providers::profile_fields;

fn review_action(provider_id: i64) -> Action {
    Action::ReviewProvider { provider_id }
}

pub async fn queue(ctx: Ctx) -> PageResult {
    ctx.authorize(Action::ReviewProviders).await?;
    let actor = ctx.actor().await?;
    let db = &ctx.state.db;
    let waiting = review::queue(db)
        .await?
        .into_iter()
        .map(|p| QueueRow {
            own: !can(actor.as_ref(), review_action(p.id)),
            submitted_at: p.submitted_at.clone().unwrap_or_default(),
            status: p.status.as_str().to_string(),
            name: p.working.name,
            slug: p.slug,
        })
        .collect();
    let due = review::due_for_confirmation(db, time::OffsetDateTime::now_utc())
        .await?
        .into_iter()
        .map(|p| DueRow {
            confirmed_at: p.confirmed_at.clone().unwrap_or_default(),
            name: p
                .published
                .as_ref()
                .map(|v| v.name.clone())
                .unwrap_or(p.working.name),
            slug: p.slug,
        })
        .collect();
    Ok(ctx.show(Page::ProviderQueue(ProviderQueue { waiting, due })))
}

async fn view(ctx: &Ctx, p: &Provider) -> Result<ProviderReviewView, AppError> {
    let lang = ctx.lang();
    let working = profile_fields(lang, &p.working);
    let published = p.published.as_ref().map(|v| profile_fields(lang, v));
    let rows = working
        .into_iter()
        .enumerate()
        .map(|(i, w)| {
            let before = published.as_ref().map(|f| f[i].value.clone());
            DiffRow {
                changed: before.as_ref() != Some(&w.value),
                label: w.label,
                published: before,
                working: w.value,
            }
        })
        .collect();
    Ok(ProviderReviewView {
        slug: p.slug.clone(),
        name: p.working.name.clone(),
        status: p.status.as_str().to_string(),
        status_note: p.status_note.clone(),
        submitted_at: p.submitted_at.clone(),
        has_published: p.published.is_some(),
        rows,
        working_logo: p.working.logo.as_deref().map(logo_url),
        published_logo: p
            .published
            .as_ref()
            .and_then(|v| v.logo.as_deref())
            .map(logo_url),
        history: history(ctx, p.id).await?,
    })
}

pub async fn page(ctx: Ctx, Path((_lang, slug)): Path<(String, String)>) -> PageResult {
    let (_, p) = allowed(&ctx, &slug, review_action).await?;
    let view = view(&ctx, &p).await?;
    Ok(ctx.show(Page::ProviderReview(view)))
}

/// The review page again after a refused decision: `form` is `reject` or
/// `unpublish` for a missing note, `decision` for a state that changed.
async fn refused(
    ctx: Ctx,
    slug: &str,
    form: &str,
    sent: &NoteForm,
    errors: &[store::FieldError],
) -> PageResult {
    let p = directory::get_by_slug(&ctx.state.db, slug).await?;
    let view = view(&ctx, &p).await?;
    let stale = errors.iter().any(|e| e.field == "status");
    let state = if stale {
        refill("decision", &(), errors)
    } else {
        refill(form, sent, errors)
    };
    Ok(ctx.show_with(
        Page::ProviderReview(view),
        StatusCode::UNPROCESSABLE_ENTITY,
        Some(state),
    ))
}

fn review_path(slug: &str) -> String {
    format!("/directory/review/{slug}")
}

pub async fn approve(ctx: Ctx, Path((_lang, slug)): Path<(String, String)>) -> PageResult {
    let (actor, p) = allowed(&ctx, &slug, review_action).await?;
    let before = p.published.as_ref().and_then(|v| v.logo.clone());
    match review::approve(&ctx.state.db, actor.user_id, p.id).await {
        Ok(approved) => {
            tracing::info!(provider = %slug, moderator = actor.user_id, "profile approved");
            let now = approved.published.as_ref().and_then(|v| v.logo.clone());
            // The published logo replaced: its file goes once nothing shows it.
            if let Some(old) = before.filter(|old| Some(old) != now.as_ref()) {
                forget_logo(&ctx, &old).await;
            }
            ctx.redirect_with("/directory/review", "flash-providers-approved")
                .await
        }
        Err(StoreError::Invalid(errors)) => {
            refused(ctx, &slug, "decision", &NoteForm::default(), &errors).await
        }
        Err(e) => Err(e.into()),
    }
}

#[derive(Default, Deserialize, Serialize)]
pub struct NoteForm {
    #[serde(default)]
    note: String,
}

pub async fn reject(
    ctx: Ctx,
    Path((_lang, slug)): Path<(String, String)>,
    Form(form): Form<NoteForm>,
) -> PageResult {
    let (actor, p) = allowed(&ctx, &slug, review_action).await?;
    match review::reject(&ctx.state.db, actor.user_id, p.id, &form.note).await {
        Ok(_) => {
            ctx.redirect_with("/directory/review", "flash-providers-rejected")
                .await
        }
        Err(StoreError::Invalid(errors)) => refused(ctx, &slug, "reject", &form, &errors).await,
        Err(e) => Err(e.into()),
    }
}

pub async fn unpublish(
    ctx: Ctx,
    Path((_lang, slug)): Path<(String, String)>,
    Form(form): Form<NoteForm>,
) -> PageResult {
    let (actor, p) = allowed(&ctx, &slug, review_action).await?;
    match review::unpublish(&ctx.state.db, actor.user_id, p.id, &form.note).await {
        Ok(_) => {
            tracing::info!(provider = %slug, moderator = actor.user_id, "profile unpublished");
            ctx.redirect_with(&review_path(&slug), "flash-providers-unpublished")
                .await
        }
        Err(StoreError::Invalid(errors)) => refused(ctx, &slug, "unpublish", &form, &errors).await,
        Err(e) => Err(e.into()),
    }
}
