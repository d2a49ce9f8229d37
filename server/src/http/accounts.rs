//! Registering, logging in and out, and managing one's own account.

use std::net::SocketAddr;

use crate::http::form::{Form, refill};
use app::Page;
use axum::extract::{ConnectInfo, Query};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use serde::{Deserialize, Serialize};
use store::StoreError;
use store::users::{self, ProfileUpdate, Registration};

use super::render::{Ctx, PageResult};
use super::session_store::USER_ID;
use crate::error::AppError;

/// Signs `user_id` in on a fresh session id (no fixation) with a message.
async fn sign_in(ctx: &Ctx, user_id: i64, flash: &str, next: &str) -> PageResult {
    let err = |e: tower_sessions::session::Error| AppError::Internal(e.into());
    ctx.session.cycle_id().await.map_err(err)?;
    ctx.session.insert(USER_ID, user_id).await.map_err(err)?;
    ctx.session
        .insert(super::session_store::FLASH, flash)
        .await
        .map_err(err)?;
    let mut res = Redirect::to(next).into_response();
    // What this browser did before signing in now belongs to the account.
    if let Some(token) = &ctx.learner_token {
        store::learning::merge_anonymous(&ctx.state.db, token, user_id).await?;
        super::learning::forget_cookie(&ctx.state, &mut res);
    }
    Ok(res)
}

/// A local path under this language to go back to after logging in.
fn safe_next(ctx: &Ctx, next: Option<&str>) -> String {
    let prefix = format!("/{}/", ctx.lang().code());
    match next {
        Some(n)
            if n.starts_with(&prefix)
                && !n.contains("//")
                && !n.contains('\\')
                && !n.contains("/login") =>
        {
            n.to_string()
        }
        _ => ctx.href("/account"),
    }
}

pub async fn register(ctx: Ctx, Form(form): Form<Registration>) -> PageResult {
    match users::register(&ctx.state.db, &form, ctx.lang().code()).await {
        Ok(user) => {
            tracing::info!(user = user.id, "account created");
            super::account_links::send_verification(&ctx, &user).await?;
            sign_in(&ctx, user.id, "flash-registered", &ctx.href("/account")).await
        }
        Err(StoreError::Invalid(errors)) => {
            Ok(ctx.invalid(Page::Register, "register", &form, &errors))
        }
        Err(e) => Err(e.into()),
    }
}

#[derive(Deserialize, Serialize)]
pub struct LoginForm {
    #[serde(default)]
    email: String,
    #[serde(default, skip_serializing)]
    password: String,
}

#[derive(Deserialize)]
pub struct NextQuery {
    pub next: Option<String>,
}

pub async fn login(
    ctx: Ctx,
    ConnectInfo(addr): ConnectInfo<SocketAddr>,
    Query(q): Query<NextQuery>,
    Form(form): Form<LoginForm>,
) -> PageResult {
    let limiter = ctx.state.login_limiter.clone();
    let email_key = format!("email:{}", store::validate::normalise_email(&form.email));
    let ip_key = format!("ip:{}", addr.ip());
    let shown = |message: &str| {
        let mut state = refill("login", &form, &[]);
        state
            .values
            .extend(q.next.clone().map(|n| ("next".to_string(), n)));
        state.message = Some(message.into());
        state
    };
    if limiter.is_blocked(&email_key, 1) || limiter.is_blocked(&ip_key, 4) {
        tracing::warn!(ip = %addr.ip(), "login throttled");
        return Ok(ctx.show_with(
            Page::Login,
            StatusCode::TOO_MANY_REQUESTS,
            Some(shown("login-throttled")),
        ));
    }
    match users::authenticate(&ctx.state.db, &form.email, &form.password).await? {
        Some(user) => {
            let next = safe_next(&ctx, q.next.as_deref());
            sign_in(&ctx, user.id, "flash-logged-in", &next).await
        }
        None => {
            limiter.record_failure(&email_key);
            limiter.record_failure(&ip_key);
            Ok(ctx.show_with(
                Page::Login,
                StatusCode::UNAUTHORIZED,
                Some(shown("login-failed")),
            ))
        }
    }
}

pub async fn logout(ctx: Ctx) -> PageResult {
    ctx.session.flush().await.map_err(AppError::internal)?;
    ctx.redirect_with("/", "flash-logged-out").await
}

pub async fn profile(ctx: Ctx, Form(form): Form<ProfileUpdate>) -> PageResult {
    let user = ctx.require_user()?;
    match users::update_profile(&ctx.state.db, user.id, &form).await {
        Ok(_) => ctx.redirect_with("/account", "flash-profile-saved").await,
        Err(StoreError::Invalid(errors)) => {
            let view = super::account_page::account_view(&ctx, &user).await?;
            Ok(ctx.invalid(Page::Account(view), "profile", &form, &errors))
        }
        Err(e) => Err(e.into()),
    }
}

/// Nothing of it is shown back after a refusal.
#[derive(Deserialize, Serialize)]
pub struct PasswordForm {
    #[serde(default, skip_serializing)]
    current_password: String,
    #[serde(default, skip_serializing)]
    new_password: String,
}

pub async fn password(ctx: Ctx, Form(form): Form<PasswordForm>) -> PageResult {
    let user = ctx.require_user()?;
    let keep = ctx
        .session
        .id()
        .map(|id| id.to_string())
        .unwrap_or_default();
    match users::change_password(
        &ctx.state.db,
        user.id,
        &form.current_password,
        &form.new_password,
        &keep,
    )
    .await
    {
        Ok(()) => {
            ctx.redirect_with("/account", "flash-password-changed")
                .await
        }
        Err(StoreError::Invalid(errors)) => {
            let view = super::account_page::account_view(&ctx, &user).await?;
            Ok(ctx.invalid(Page::Account(view), "password", &form, &errors))
        }
        Err(e) => Err(e.into()),
    }
}

#[derive(Deserialize, Serialize)]
pub struct DeleteForm {
    #[serde(default, skip_serializing)]
    password: String,
}

pub async fn delete(ctx: Ctx, Form(form): Form<DeleteForm>) -> PageResult {
    let user = ctx.require_user()?;
    match users::delete(&ctx.state.db, user.id, &form.password).await {
        Ok(()) => {
            tracing::info!(user = user.id, "account deleted");
            ctx.session.flush().await.map_err(AppError::internal)?;
            ctx.redirect_with("/", "flash-account-deleted").await
        }
        Err(StoreError::Invalid(errors)) => {
            let view = super::account_page::account_view(&ctx, &user).await?;
            Ok(ctx.invalid(Page::Account(view), "delete", &form, &errors))
        }
        Err(e) => Err(e.into()),
    }
}

/// The sign-in page.
pub async fn login_form(ctx: Ctx, Query(q): Query<NextQuery>) -> Response {
    if ctx.user.is_some() {
        return Redirect::to(&ctx.href("/account")).into_response();
    }
    let form = q.next.map(|next| app::page::FormState {
        form: "login".into(),
        values: [("next".to_string(), next)].into(),
        ..Default::default()
    });
    ctx.show_with(Page::Login, axum::http::StatusCode::OK, form)
}

/// The registration page.
pub async fn register_form(ctx: Ctx) -> Response {
    if ctx.user.is_some() {
        return Redirect::to(&ctx.href("/account")).into_response();
    }
    ctx.show(Page::Register)
}
