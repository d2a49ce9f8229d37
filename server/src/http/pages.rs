//! Read-only pages.

use app::Page;
use app::page::{PartnerDetail, PartnerView, UserRow};
use axum::extract::Path;
use axum::response::{IntoResponse, Redirect, Response};
use store::authz::{self, Action};
use store::organisations::{self, Organisation};
use store::users;

use super::render::{Ctx, PageResult};
use crate::error::AppError;

pub async fn home(ctx: Ctx) -> Response {
    ctx.show(Page::Home)
}

/// `/fr` → `/fr/`.
pub async fn home_slash(ctx: Ctx) -> Response {
    Redirect::permanent(&ctx.href("/")).into_response()
}

pub async fn about(ctx: Ctx) -> Response {
    ctx.show(Page::About)
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

pub async fn partners(ctx: Ctx) -> PageResult {
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

pub async fn partner(ctx: Ctx, Path((_lang, slug)): Path<(String, String)>) -> PageResult {
    let org = organisations::get_by_slug(&ctx.state.db, &slug).await?;
    let page = partner_page(&ctx, &org).await?;
    Ok(ctx.show(page))
}

pub async fn user_rows(ctx: &Ctx) -> Result<Vec<UserRow>, AppError> {
    let me = ctx.user.as_ref().map(|u| u.id);
    let list = users::list(&ctx.state.db, 500, 0).await?;
    Ok(list
        .into_iter()
        .map(|u| UserRow {
            id: u.id,
            is_self: Some(u.id) == me,
            email: u.email,
            display_name: u.display_name,
            role: u.role.as_str().into(),
            created_at: u.created_at,
        })
        .collect())
}

pub async fn admin_users(ctx: Ctx) -> PageResult {
    ctx.authorize(Action::ListUsers).await?;
    let users = user_rows(&ctx).await?;
    Ok(ctx.show(Page::AdminUsers { users }))
}
