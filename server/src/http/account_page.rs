//! The signed-in person's account page: what it shows, for the page itself
//! and for the forms on it that are shown again after a refusal.

use app::Page;
use app::page::AccountView;
use store::authz::{self, Action};
use store::{organisations, users};

use super::render::{Ctx, PageResult};
use crate::error::AppError;

pub async fn account_view(ctx: &Ctx, user: &users::User) -> Result<AccountView, AppError> {
    let orgs = organisations::memberships_of(&ctx.state.db, user.id).await?;
    let providers = store::directory::of_member(&ctx.state.db, user.id)
        .await?
        .into_iter()
        .map(|p| (p.slug, p.working.name, p.status.as_str().to_string()))
        .collect();
    let actor = ctx.actor().await?;
    let provider_reviews = if authz::can(actor.as_ref(), Action::ReviewProviders) {
        Some(store::directory::review::waiting(&ctx.state.db).await?)
    } else {
        None
    };
    Ok(AccountView {
        providers,
        provider_reviews,
        email: user.email.clone(),
        email_verified: user.email_verified,
        display_name: user.display_name.clone(),
        role: user.role.as_str().into(),
        preferred_languages: user.preferred_languages.clone(),
        organisations: orgs
            .into_iter()
            .map(|(o, r)| (o.slug, o.name, r.as_str().to_string()))
            .collect(),
    })
}

/// The signed-in person's account page.
pub async fn account(ctx: Ctx) -> PageResult {
    let user = ctx.require_user()?;
    let view = account_view(&ctx, &user).await?;
    Ok(ctx.show(Page::Account(view)))
}
