//! Managing partner organisations, their logos and their members.

use crate::http::form::Form;
use app::Page;
use app::page::{PartnerDetail, PartnerView};
use axum::extract::{Multipart, Path};
use serde::{Deserialize, Serialize};
use store::StoreError;
use store::authz::{self, Action};
use store::organisations::{self, OrgRole, Organisation, OrganisationForm};

use super::logos::{self, forget_logo};
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

pub fn partner_view(o: &Organisation) -> PartnerView {
    PartnerView {
        slug: o.slug.clone(),
        name: o.name.clone(),
        country: o.country.clone(),
        languages: o.languages.clone(),
        website: o.website.clone(),
        logo_url: o.logo.as_ref().map(|f| format!("/media/logos/{f}")),
    }
}

pub async fn list(ctx: Ctx) -> PageResult {
    let list = organisations::list(&ctx.state.db).await?;
    let actor = ctx.actor().await?;
    let can_create = authz::can(actor.as_ref(), Action::ManageOrganisations);
    let partners = list.iter().map(partner_view).collect();
    Ok(ctx.show(Page::Partners {
        partners,
        can_create,
    }))
}

/// The partner page as the current person may see it.
pub async fn partner_page(ctx: &Ctx, org: &Organisation) -> Result<Page, AppError> {
    let actor = ctx.actor().await?;
    let members = if authz::can(actor.as_ref(), Action::ViewMembers { org_id: org.id }) {
        let members = organisations::members(&ctx.state.db, org.id).await?;
        Some(
            members
                .into_iter()
                .map(|m| app::page::MemberView {
                    user_id: m.user.id,
                    display_name: m.user.display_name,
                    email: m.user.email,
                    org_role: m.org_role.as_str().into(),
                })
                .collect(),
        )
    } else {
        None
    };
    let names = [(org.id, org.name.clone())].into();
    let lang = ctx.lang().code();
    let resources = store::library::browse::of_organisation(&ctx.state.db, org.id, 50)
        .await?
        .iter()
        .filter_map(|r| views::library::card(r, lang, &names))
        .collect();
    Ok(Page::Partner(PartnerDetail {
        resources,
        partner: partner_view(org),
        members,
        can_manage_members: authz::can(actor.as_ref(), Action::ManageMembers { org_id: org.id }),
        can_edit: authz::can(actor.as_ref(), Action::ManageOrganisations),
    }))
}

pub async fn page(ctx: Ctx, Path((_lang, slug)): Path<(String, String)>) -> PageResult {
    let org = organisations::get_by_slug(&ctx.state.db, &slug).await?;
    let page = partner_page(&ctx, &org).await?;
    Ok(ctx.show(page))
}
