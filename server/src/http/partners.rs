//! Managing partner organisations, their logos and their members.

use crate::http::form::Form;
use app::Page;
use axum::extract::{Multipart, Path};
use serde::{Deserialize, Serialize};
use store::StoreError;
use store::authz::Action;
use store::organisations::{self, OrgRole, Organisation, OrganisationForm};

use super::logos::{self, forget_logo};
use super::pages::{partner_page, partner_view};
use super::render::{Ctx, PageResult};
use crate::error::AppError;

/// The organisation named in the path, or the not-found page.
async fn load(ctx: &Ctx, slug: &str) -> Result<Organisation, AppError> {
    organisations::get_by_slug(&ctx.state.db, slug)
        .await
        .map_err(AppError::from)
}

pub async fn create(ctx: Ctx, Form(form): Form<OrganisationForm>) -> PageResult {
    ctx.authorize(Action::ManageOrganisations).await?;
    match organisations::create(&ctx.state.db, &form).await {
        Ok(org) => {
            ctx.redirect_with(&format!("/partners/{}", org.slug), "flash-partner-saved")
                .await
        }
        Err(StoreError::Invalid(errors)) => {
            let list = organisations::list(&ctx.state.db).await?;
            let page = Page::Partners {
                partners: list.iter().map(partner_view).collect(),
                can_create: true,
            };
            Ok(ctx.invalid(page, "partner", &form, &errors))
        }
        Err(e) => Err(e.into()),
    }
}

pub async fn update(
    ctx: Ctx,
    Path((_lang, slug)): Path<(String, String)>,
    Form(form): Form<OrganisationForm>,
) -> PageResult {
    let org = load(&ctx, &slug).await?;
    ctx.authorize(Action::ManageOrganisations).await?;
    match organisations::update(&ctx.state.db, org.id, &form).await {
        Ok(org) => {
            ctx.redirect_with(&format!("/partners/{}", org.slug), "flash-partner-saved")
                .await
        }
        Err(StoreError::Invalid(errors)) => {
            let page = partner_page(&ctx, &org).await?;
            Ok(ctx.invalid(page, "partner", &form, &errors))
        }
        Err(e) => Err(e.into()),
    }
}

pub async fn delete(ctx: Ctx, Path((_lang, slug)): Path<(String, String)>) -> PageResult {
    let org = load(&ctx, &slug).await?;
    ctx.authorize(Action::ManageOrganisations).await?;
    organisations::delete(&ctx.state.db, org.id).await?;
    if let Some(logo) = org.logo {
        forget_logo(&ctx, &logo).await;
    }
    ctx.redirect_with("/partners", "flash-partner-deleted")
        .await
}

#[derive(Deserialize, Serialize)]
pub struct MemberForm {
    #[serde(default)]
    email: String,
    #[serde(default)]
    org_role: String,
}

pub async fn add_member(
    ctx: Ctx,
    Path((_lang, slug)): Path<(String, String)>,
    Form(form): Form<MemberForm>,
) -> PageResult {
    let org = load(&ctx, &slug).await?;
    ctx.authorize(Action::ManageMembers { org_id: org.id })
        .await?;
    let result = match OrgRole::parse(&form.org_role) {
        Some(role) => organisations::add_member(&ctx.state.db, org.id, &form.email, role).await,
        None => Err(StoreError::invalid("org_role", "role-invalid")),
    };
    match result {
        Ok(_) => {
            ctx.redirect_with(&format!("/partners/{slug}"), "flash-member-added")
                .await
        }
        Err(StoreError::Invalid(errors)) => {
            let page = partner_page(&ctx, &org).await?;
            Ok(ctx.invalid(page, "member", &form, &errors))
        }
        Err(e) => Err(e.into()),
    }
}

pub async fn remove_member(
    ctx: Ctx,
    Path((_lang, slug, user_id)): Path<(String, String, i64)>,
) -> PageResult {
    let org = load(&ctx, &slug).await?;
    ctx.authorize(Action::ManageMembers { org_id: org.id })
        .await?;
    organisations::remove_member(&ctx.state.db, org.id, user_id).await?;
    ctx.redirect_with(&format!("/partners/{slug}"), "flash-member-removed")
        .await
}

pub async fn upload_logo(
    ctx: Ctx,
    Path((_lang, slug)): Path<(String, String)>,
    mut multipart: Multipart,
) -> PageResult {
    let org = load(&ctx, &slug).await?;
    ctx.authorize(Action::ManageOrganisations).await?;
    let name = match logos::receive(&ctx, &mut multipart, "saving a partner's logo").await? {
        Ok(name) => name,
        Err(code) => {
            let page = partner_page(&ctx, &org).await?;
            return Ok(ctx.invalid(page, "logo", &(), &[store::FieldError::new("logo", code)]));
        }
    };
    let previous = organisations::set_logo(&ctx.state.db, org.id, Some(&name)).await?;
    if let Some(prev) = previous.filter(|p| *p != name) {
        forget_logo(&ctx, &prev).await;
    }
    ctx.redirect_with(&format!("/partners/{slug}"), "flash-logo-saved")
        .await
}
