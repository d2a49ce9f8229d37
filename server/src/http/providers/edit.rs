//! Members' side of a profile: creating it, editing the working version,
//! its logo, sending it to review, confirming it once a year; the list of
//! one's providers.

use crate::http::form::Form;
use app::Page;
use app::page::{FormState, MyProviders, ProviderEditorView, ProviderRow};
use axum::extract::{Multipart, Path};
use axum::http::StatusCode;
use store::StoreError;
use store::authz::{Action, can};
use store::directory::{self, Provider, ProviderForm, requests, review};

use super::access::{actor, allowed, history, logo_url};
use crate::error::AppError;
use crate::http::form::refill;
use crate::http::logos::{self, forget_logo};
use crate::http::render::{Ctx, PageResult};
use views::providers::{self as form, ProviderFields};

fn edit_path(slug: &str) -> String {
    format!("/directory/{slug}/edit")
}

fn edit_action(provider_id: i64) -> Action {
    Action::EditProvider { provider_id }
}

/// The editor page's data for a new profile (`None`, with `defaults`) or
/// an existing one.
async fn editor(
    ctx: &Ctx,
    p: Option<&Provider>,
    defaults: &ProviderForm,
) -> Result<ProviderEditorView, AppError> {
    let lang = ctx.lang();
    let Some(p) = p else {
        return Ok(ProviderEditorView {
            options: form::options(lang, &[]),
            saved: form::values(defaults, None),
            ..Default::default()
        });
    };
    let w = &p.working;
    let mut more: Vec<String> = w.descriptions.keys().cloned().collect();
    more.push(w.original_language.clone());
    Ok(ProviderEditorView {
        slug: Some(p.slug.clone()),
        name: w.name.clone(),
        status: p.status.as_str().to_string(),
        status_note: p.status_note.clone(),
        published: p.published.is_some(),
        due: p.due_for_confirmation(time::OffsetDateTime::now_utc()),
        confirmed_at: p.confirmed_at.clone().filter(|_| p.published.is_some()),
        logo_url: w.logo.as_deref().map(logo_url),
        preview: form::profile_fields(lang, w),
        history: history(ctx, p.id).await?,
        options: form::options(lang, &more),
        saved: form::values(&ProviderForm::of(p), None),
    })
}

/// The editor of `p`, with a refused form's state (422) or none (200).
async fn show(ctx: Ctx, p: Option<&Provider>, refused: Option<FormState>) -> PageResult {
    let defaults = ProviderForm {
        original_language: ctx.lang().code().into(),
        contact_email: ctx
            .user
            .as_ref()
            .map(|u| u.email.clone())
            .unwrap_or_default(),
        remote: true,
        ..Default::default()
    };
    let view = editor(&ctx, p, &defaults).await?;
    let status = if refused.is_some() {
        StatusCode::UNPROCESSABLE_ENTITY
    } else {
        StatusCode::OK
    };
    Ok(ctx.show_with(Page::ProviderEditor(view), status, refused))
}

/// The profile form again after a refusal, with what was typed.
fn refused(fields: &ProviderFields, errors: &[store::FieldError]) -> FormState {
    let mut state = refill("provider", &(), errors);
    state.values = form::values_typed(fields);
    state
}

pub async fn new_form(ctx: Ctx) -> PageResult {
    ctx.require_user()?;
    ctx.authorize(Action::CreateProvider).await?;
    show(ctx, None, None).await
}

pub async fn create(ctx: Ctx, Form(fields): Form<ProviderFields>) -> PageResult {
    let actor = actor(&ctx).await?;
    ctx.authorize(Action::CreateProvider).await?;
    let form = form::parse(&fields);
    match directory::create(&ctx.state.db, actor.user_id, &form).await {
        Ok(p) => {
            tracing::info!(provider = %p.slug, user = actor.user_id, "provider created");
            ctx.redirect_with(&edit_path(&p.slug), "flash-providers-created")
                .await
        }
        Err(StoreError::Invalid(errors)) => {
            let state = refused(&fields, &errors);
            show(ctx, None, Some(state)).await
        }
        Err(e) => Err(e.into()),
    }
}

pub async fn edit_form(ctx: Ctx, Path((_lang, slug)): Path<(String, String)>) -> PageResult {
    let (_, p) = allowed(&ctx, &slug, edit_action).await?;
    show(ctx, Some(&p), None).await
}

pub async fn update(
    ctx: Ctx,
    Path((_lang, slug)): Path<(String, String)>,
    Form(fields): Form<ProviderFields>,
) -> PageResult {
    let (actor, p) = allowed(&ctx, &slug, edit_action).await?;
    let form = form::parse(&fields);
    match directory::update(&ctx.state.db, actor.user_id, p.id, &form).await {
        Ok(_) => {
            ctx.redirect_with(&edit_path(&slug), "flash-providers-saved")
                .await
        }
        Err(StoreError::Invalid(errors)) => {
            let state = refused(&fields, &errors);
            show(ctx, Some(&p), Some(state)).await
        }
        Err(e) => Err(e.into()),
    }
}

/// The editor again with a refused action's errors (`form` names the action).
async fn refused_action(
    ctx: Ctx,
    p: &Provider,
    form: &str,
    errors: &[store::FieldError],
) -> PageResult {
    show(ctx, Some(p), Some(refill(form, &(), errors))).await
}

pub async fn submit(ctx: Ctx, Path((_lang, slug)): Path<(String, String)>) -> PageResult {
    let (actor, p) = allowed(&ctx, &slug, edit_action).await?;
    match review::submit(&ctx.state.db, actor.user_id, p.id).await {
        Ok(_) => {
            ctx.redirect_with(&edit_path(&slug), "flash-providers-submitted")
                .await
        }
        Err(StoreError::Invalid(errors)) => refused_action(ctx, &p, "status", &errors).await,
        Err(e) => Err(e.into()),
    }
}

pub async fn confirm(ctx: Ctx, Path((_lang, slug)): Path<(String, String)>) -> PageResult {
    let (actor, p) = allowed(&ctx, &slug, edit_action).await?;
    match review::confirm(&ctx.state.db, actor.user_id, p.id).await {
        Ok(_) => {
            ctx.redirect_with(&edit_path(&slug), "flash-providers-confirmed")
                .await
        }
        Err(StoreError::Invalid(errors)) => refused_action(ctx, &p, "status", &errors).await,
        Err(e) => Err(e.into()),
    }
}

pub async fn upload_logo(
    ctx: Ctx,
    Path((_lang, slug)): Path<(String, String)>,
    mut multipart: Multipart,
) -> PageResult {
    let (actor, p) = allowed(&ctx, &slug, edit_action).await?;
    let name = match logos::receive(&ctx, &mut multipart, "saving a provider's logo").await? {
        Ok(name) => name,
        Err(code) => {
            let errors = [store::FieldError::new("logo", code)];
            return refused_action(ctx, &p, "logo", &errors).await;
        }
    };
    let freed = directory::set_logo(&ctx.state.db, actor.user_id, p.id, Some(&name)).await?;
    if let Some(old) = freed.filter(|old| *old != name) {
        forget_logo(&ctx, &old).await;
    }
    ctx.redirect_with(&edit_path(&slug), "flash-providers-logo-saved")
        .await
}

pub async fn mine(ctx: Ctx) -> PageResult {
    let actor = actor(&ctx).await?;
    let db = &ctx.state.db;
    let now = time::OffsetDateTime::now_utc();
    let mut providers = Vec::new();
    for p in directory::of_member(db, actor.user_id).await? {
        providers.push(ProviderRow {
            unread: requests::unread(db, p.id).await?,
            due: p.due_for_confirmation(now),
            status: p.status.as_str().to_string(),
            name: p.working.name,
            slug: p.slug,
        });
    }
    let waiting = if can(Some(&actor), Action::ReviewProviders) {
        Some(review::waiting(db).await?)
    } else {
        None
    };
    Ok(ctx.show(Page::MyProviders(MyProviders { providers, waiting })))
}
