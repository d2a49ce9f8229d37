//! The review of library resources and their translations: members send
//! them to review, moderators publish them or send them back with a comment,
//! and unpublish; members or moderators withdraw; translators take requests
//! for their languages. Every rule is asked of `store::authz` before acting.

use crate::http::form::Form;
use app::Page;
use app::pages::library::ReviewQueue;
use axum::extract::Path;
use serde::{Deserialize, Serialize};
use store::StoreError;
use store::authz::{Action, Actor};
use store::library::review;
use store::library::{self, Resource};
use store::organisations;

use super::library::load;
use super::render::{Ctx, PageResult};
use crate::error::AppError;

use super::contribute::{actor, require, resource_path};

/// One review step on a resource: who may, what it does, the message after.
async fn step(ctx: Ctx, uid: &str, text: &str, which: &str) -> PageResult {
    let actor = actor(&ctx).await?;
    let r = load(&ctx, uid).await?;
    let edit = Action::EditResource {
        org_id: r.organisation_id,
    };
    let may = |a| store::authz::can(Some(&actor), a);
    let allowed = match which {
        "submit" => may(edit),
        "withdraw" => may(edit) || may(Action::ReviewResources),
        _ => may(Action::ReviewResources),
    };
    if !allowed {
        return Err(AppError::Forbidden);
    }
    let db = &ctx.state.db;
    let (done, flash) = match which {
        "submit" => (
            review::submit(db, actor.user_id, r.id).await,
            "flash-resource-submitted",
        ),
        "publish" => (
            review::publish(db, actor.user_id, r.id).await,
            "flash-resource-published",
        ),
        "request-changes" => (
            review::request_changes(db, actor.user_id, r.id, text).await,
            "flash-changes-requested",
        ),
        "unpublish" => (
            review::unpublish(db, actor.user_id, r.id, text).await,
            "flash-resource-unpublished",
        ),
        _ => (
            review::withdraw(db, actor.user_id, r.id, text).await,
            "flash-resource-withdrawn",
        ),
    };
    match done {
        Ok(_) => {
            tracing::info!(resource = %uid, user = actor.user_id, step = which, "review step");
            ctx.redirect_with(&resource_path(uid), flash).await
        }
        // A missing comment, or a state that changed meanwhile.
        Err(StoreError::Invalid(_)) => {
            ctx.redirect_with(&resource_path(uid), "flash-action-refused")
                .await
        }
        Err(e) => Err(e.into()),
    }
}

type UidPath = Path<(String, String)>;

/// The text a review step may carry: a moderator's comment, or the reason
/// for unpublishing or withdrawing.
#[derive(Default, Deserialize)]
#[serde(default)]
pub struct StepNote {
    comment: String,
    reason: String,
}

/// A language asked for.
#[derive(Default, Deserialize, Serialize)]
#[serde(default)]
pub struct LangChoice {
    lang: String,
}

pub async fn submit(ctx: Ctx, Path((_l, uid)): UidPath) -> PageResult {
    step(ctx, &uid, "", "submit").await
}

pub async fn publish(ctx: Ctx, Path((_l, uid)): UidPath) -> PageResult {
    step(ctx, &uid, "", "publish").await
}

pub async fn request_changes(
    ctx: Ctx,
    Path((_l, uid)): UidPath,
    Form(f): Form<StepNote>,
) -> PageResult {
    step(ctx, &uid, &f.comment, "request-changes").await
}

pub async fn unpublish(ctx: Ctx, Path((_l, uid)): UidPath, Form(f): Form<StepNote>) -> PageResult {
    step(ctx, &uid, &f.reason, "unpublish").await
}

pub async fn withdraw(ctx: Ctx, Path((_l, uid)): UidPath, Form(f): Form<StepNote>) -> PageResult {
    step(ctx, &uid, &f.reason, "withdraw").await
}

pub async fn queue(ctx: Ctx) -> PageResult {
    let actor = actor(&ctx).await?;
    require(&actor, Action::ReviewResources)?;
    let (resources, translations) = review::queue(&ctx.state.db).await?;
    let names = super::library::publishers(&ctx).await?;
    let lang = ctx.lang().code().to_string();
    let card = |r: &Resource| views::library::card(r, &lang, &names);
    let view = ReviewQueue {
        resources: resources.iter().filter_map(card).collect(),
        translations: translations
            .iter()
            .filter_map(|(r, l)| card(r).map(|c| (c, l.clone())))
            .collect(),
    };
    Ok(ctx.show(Page::ReviewQueue(view)))
}

/// Adds or edits a translation from the form on the resource's page; a
/// refused form is shown again there with its errors.
pub async fn save_translation(
    ctx: Ctx,
    Path((_l, uid)): UidPath,
    Form(form): Form<review::TranslationForm>,
) -> PageResult {
    let actor = actor(&ctx).await?;
    require(&actor, Action::TranslateResource)?;
    let r = load(&ctx, &uid).await?;
    match review::save_translation(&ctx.state.db, actor.user_id, r.id, &form).await {
        Ok(_) => {
            let to = format!("{}#translations", resource_path(&uid));
            ctx.redirect_with(&to, "flash-translation-saved").await
        }
        Err(StoreError::Invalid(errors)) => {
            let view = super::library::resource_view(&ctx, &uid, None).await?;
            Ok(ctx.invalid(Page::Resource(view), "translation", &form, &errors))
        }
        Err(e) => Err(e.into()),
    }
}

type TranslationPath = Path<(String, String, String)>;

/// One review step on a translation.
async fn translation_step(
    ctx: Ctx,
    uid: &str,
    lang: &str,
    which: &str,
    comment: &str,
) -> PageResult {
    let actor = actor(&ctx).await?;
    let needed = if which == "submit" {
        Action::TranslateResource
    } else {
        Action::ReviewResources
    };
    require(&actor, needed)?;
    let r = load(&ctx, uid).await?;
    let db = &ctx.state.db;
    let (done, flash) = match which {
        "submit" => (
            review::submit_translation(db, actor.user_id, r.id, lang).await,
            "flash-translation-submitted",
        ),
        "publish" => (
            review::publish_translation(db, actor.user_id, r.id, lang).await,
            "flash-translation-published",
        ),
        _ => (
            review::request_translation_changes(db, actor.user_id, r.id, lang, comment).await,
            "flash-changes-requested",
        ),
    };
    let to = format!("{}#translations", resource_path(uid));
    match done {
        Ok(_) => ctx.redirect_with(&to, flash).await,
        Err(StoreError::Invalid(_) | StoreError::NotFound) => {
            ctx.redirect_with(&to, "flash-action-refused").await
        }
        Err(e) => Err(e.into()),
    }
}

pub async fn submit_translation(ctx: Ctx, Path((_l, uid, lang)): TranslationPath) -> PageResult {
    translation_step(ctx, &uid, &lang, "submit", "").await
}

pub async fn publish_translation(ctx: Ctx, Path((_l, uid, lang)): TranslationPath) -> PageResult {
    translation_step(ctx, &uid, &lang, "publish", "").await
}

pub async fn request_translation_changes(
    ctx: Ctx,
    Path((_l, uid, lang)): TranslationPath,
    Form(f): Form<StepNote>,
) -> PageResult {
    translation_step(ctx, &uid, &lang, "request-changes", &f.comment).await
}

/// Anyone signed in asks for a published resource in another language.
pub async fn ask_translation(
    ctx: Ctx,
    Path((_l, uid)): UidPath,
    Form(f): Form<LangChoice>,
) -> PageResult {
    let actor = actor(&ctx).await?;
    require(&actor, Action::RequestTranslation)?;
    let r = load(&ctx, &uid).await?;
    match library::requests::ask(&ctx.state.db, actor.user_id, &r, &f.lang).await {
        Ok(_) => {
            ctx.redirect_with(&resource_path(&uid), "flash-translation-requested")
                .await
        }
        Err(StoreError::Invalid(errors)) => {
            let view = super::library::resource_view(&ctx, &uid, None).await?;
            Ok(ctx.invalid(Page::Resource(view), "request", &f, &errors))
        }
        Err(e) => Err(e.into()),
    }
}

/// The partners' languages of the signed-in member, and their organisations.
async fn partner_languages(ctx: &Ctx, actor: &Actor) -> Result<(Vec<String>, Vec<i64>), AppError> {
    let mut langs = Vec::new();
    for id in &actor.member_of {
        let org = organisations::get(&ctx.state.db, *id).await?;
        langs.extend(org.languages);
    }
    langs.sort();
    langs.dedup();
    Ok((langs, actor.member_of.clone()))
}

pub async fn requests(ctx: Ctx) -> PageResult {
    let actor = actor(&ctx).await?;
    require(&actor, Action::TranslateResource)?;
    let (langs, orgs) = partner_languages(&ctx, &actor).await?;
    let pending = library::requests::pending_for(&ctx.state.db, &langs, &orgs).await?;
    let names = super::library::publishers(&ctx).await?;
    let lang = ctx.lang().code().to_string();
    let rows = pending
        .iter()
        .filter_map(|(req, r)| {
            Some(app::pages::library::RequestRow {
                id: req.id,
                resource: views::library::card(r, &lang, &names)?,
                lang: req.lang.clone(),
                open: req.status == "open",
            })
        })
        .collect();
    Ok(ctx.show(Page::TranslationRequests(rows)))
}

/// A partner takes a request in one of its languages.
pub async fn take_request(ctx: Ctx, Path((_l, id)): Path<(String, i64)>) -> PageResult {
    let actor = actor(&ctx).await?;
    require(&actor, Action::TranslateResource)?;
    let req = match library::requests::find(&ctx.state.db, id).await {
        Err(StoreError::NotFound) => return Err(AppError::NotFound),
        other => other?,
    };
    let mut taker = None;
    for org_id in &actor.member_of {
        let org = organisations::get(&ctx.state.db, *org_id).await?;
        if org.languages.contains(&req.lang) {
            taker = Some(org.id);
            break;
        }
    }
    let Some(org_id) = taker else {
        return Err(AppError::Forbidden);
    };
    let r = library::get(&ctx.state.db, req.resource_id).await?;
    match library::requests::take(&ctx.state.db, id, org_id).await {
        Ok(()) => {
            let to = format!("{}#translations", resource_path(&r.uid));
            ctx.redirect_with(&to, "flash-request-taken").await
        }
        Err(StoreError::Invalid(_)) => {
            ctx.redirect_with("/library/requests", "flash-action-refused")
                .await
        }
        Err(e) => Err(e.into()),
    }
}
