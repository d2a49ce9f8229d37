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

/// `GET /{lang}/account/data.json`: everything the instance keeps about the
/// signed-in account, as a file to download.
pub async fn data(ctx: Ctx) -> PageResult {
    use axum::http::header;
    use axum::response::IntoResponse;
    let user = ctx.require_user()?;
    let data = store::export::account(&ctx.state.db, user.id).await?;
    let body = serde_json::to_vec_pretty(&data).map_err(AppError::internal)?;
    let name = format!("attachment; filename=\"archipel-account-{}.json\"", user.id);
    Ok((
        [
            (header::CONTENT_TYPE, "application/json".to_string()),
            (header::CONTENT_DISPOSITION, name),
            (header::CACHE_CONTROL, "no-store".to_string()),
        ],
        body,
    )
        .into_response())
}
