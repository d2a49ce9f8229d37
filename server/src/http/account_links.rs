//! The account pages that work through a link sent by e-mail: verifying the
//! address, resetting a forgotten password, moving to a new address. The
//! messages go through the mail queue (`store::mail_queue`), written in the
//! account's language (`mail::account`); the tokens are `store::tokens`.

use std::net::SocketAddr;

use app::Page;
use axum::extract::{ConnectInfo, Path};
use axum::http::StatusCode;
use axum::response::Response;
use serde::{Deserialize, Serialize};
use store::tokens::{self, Purpose};
use store::users::{self, User};
use store::{FieldError, StoreError, mail_queue};

use super::form::Form;
use super::render::{Ctx, PageResult};
use crate::error::AppError;
use crate::state::AppState;

/// Verification or change links one account may be sent per hour.
const LINKS_PER_HOUR: i64 = 3;

/// Queues a message and wakes the delivery.
async fn queue(state: &AppState, message: &mail_queue::NewMessage) -> Result<(), AppError> {
    mail_queue::enqueue(state.db.pool(), message).await?;
    state.delivery.poke();
    Ok(())
}

/// Sends `user` a link that verifies their address; `false` when enough
/// were sent within the hour (nothing is sent then).
pub async fn send_verification(ctx: &Ctx, user: &User) -> Result<bool, AppError> {
    let db = &ctx.state.db;
    if tokens::issued_last_hour(db, user.id, Purpose::VerifyEmail).await? >= LINKS_PER_HOUR {
        return Ok(false);
    }
    let token = tokens::issue(db, user.id, Purpose::VerifyEmail, &user.email).await?;
    let lang = mail::account::language_of(user, ctx.lang());
    let message = mail::account::verification(ctx.state.settings.public_url(), lang, user, &token);
    queue(&ctx.state, &message).await?;
    Ok(true)
}

/// Where a link's outcome is told: the account page when signed in, else
/// the login page.
fn landing(ctx: &Ctx) -> &'static str {
    if ctx.user.is_some() {
        "/account"
    } else {
        "/login"
    }
}

/// `POST /{lang}/account/verify`: the verification link again.
pub async fn resend(ctx: Ctx) -> PageResult {
    let user = ctx.require_user()?;
    if user.email_verified {
        return ctx.redirect_with("/account", "flash-email-verified").await;
    }
    let flash = if send_verification(&ctx, &user).await? {
        "flash-verification-sent"
    } else {
        "flash-verification-throttled"
    };
    ctx.redirect_with("/account", flash).await
}

/// `GET /{lang}/account/verify/{token}`: the link of a verification e-mail.
pub async fn verify(ctx: Ctx, Path((_, token)): Path<(String, String)>) -> PageResult {
    match tokens::verify_email(&ctx.state.db, &token).await {
        Ok(user) => {
            tracing::info!(user = user.id, "address verified");
            ctx.redirect_with(landing(&ctx), "flash-email-verified")
                .await
        }
        Err(StoreError::Invalid(_)) => ctx.redirect_with(landing(&ctx), "flash-link-invalid").await,
        Err(e) => Err(e.into()),
    }
}

/// `GET /{lang}/password/forgot`.
pub async fn forgot_form(ctx: Ctx) -> Response {
    ctx.show(Page::ForgotPassword)
}

#[derive(Deserialize, Serialize)]
pub struct ForgotForm {
    #[serde(default)]
    email: String,
}

/// `POST /{lang}/password/forgot`: the same answer, in the same time,
/// whether an account uses the address or not. The lookup and the message
/// are done after the answer, off the request; an account is sent at most
/// [`tokens::RESETS_PER_HOUR`] links an hour, a client address may ask a
/// bounded number of times a minute.
pub async fn forgot(
    ctx: Ctx,
    ConnectInfo(addr): ConnectInfo<SocketAddr>,
    Form(form): Form<ForgotForm>,
) -> PageResult {
    let mut errors = Vec::new();
    store::validate::email("email", &form.email, &mut errors);
    if !errors.is_empty() {
        return Ok(ctx.invalid(Page::ForgotPassword, "forgot", &form, &errors));
    }
    let limiter = ctx.state.login_limiter.clone();
    let ip_key = format!("reset-ip:{}", addr.ip());
    if limiter.is_blocked(&ip_key, 4) {
        tracing::warn!(ip = %addr.ip(), "password reset requests throttled");
        let mut state = super::form::refill("forgot", &form, &[]);
        state.message = Some("forgot-throttled".into());
        return Ok(ctx.show_with(
            Page::ForgotPassword,
            StatusCode::TOO_MANY_REQUESTS,
            Some(state),
        ));
    }
    limiter.record_failure(&ip_key);
    let state = ctx.state.clone();
    let lang = ctx.lang();
    tokio::spawn(async move {
        if let Err(e) = send_reset(&state, lang, &form.email).await {
            tracing::error!(error = %e, "a password reset could not be prepared");
        }
    });
    ctx.redirect_with("/login", "flash-reset-sent").await
}

async fn send_reset(state: &AppState, lang: app::Lang, email: &str) -> anyhow::Result<()> {
    let Some(user) = users::find_by_email(&state.db, email).await? else {
        return Ok(());
    };
    if tokens::issued_last_hour(&state.db, user.id, Purpose::ResetPassword).await?
        >= tokens::RESETS_PER_HOUR
    {
        tracing::warn!(user = user.id, "password reset links limited for the hour");
        return Ok(());
    }
    let token = tokens::issue(&state.db, user.id, Purpose::ResetPassword, &user.email).await?;
    let lang = mail::account::language_of(&user, lang);
    let message = mail::account::password_reset(state.settings.public_url(), lang, &user, &token);
    queue(state, &message)
        .await
        .map_err(|e| anyhow::anyhow!("{e:?}"))?;
    Ok(())
}

/// `GET /{lang}/password/reset/{token}`: the form, or why the link is dead.
pub async fn reset_form(ctx: Ctx, Path((_, token)): Path<(String, String)>) -> PageResult {
    if tokens::is_live(&ctx.state.db, &token, Purpose::ResetPassword).await? {
        Ok(ctx.show(Page::ResetPassword(Some(token))))
    } else {
        Ok(ctx.show_with(Page::ResetPassword(None), StatusCode::GONE, None))
    }
}

/// Nothing of it is shown back.
#[derive(Deserialize, Serialize)]
pub struct ResetForm {
    #[serde(default, skip_serializing)]
    new_password: String,
}

/// `POST /{lang}/password/reset/{token}`: the new password; every session
/// of the account ends, this browser's included.
pub async fn reset(
    ctx: Ctx,
    Path((_, token)): Path<(String, String)>,
    Form(form): Form<ResetForm>,
) -> PageResult {
    match tokens::reset_password(&ctx.state.db, &token, &form.new_password).await {
        Ok(user) => {
            tracing::info!(user = user.id, "password reset");
            ctx.session.flush().await.map_err(AppError::internal)?;
            ctx.redirect_with("/login", "flash-password-reset").await
        }
        Err(StoreError::Invalid(errors)) if errors.iter().any(|e| e.field == "token") => {
            Ok(ctx.show_with(Page::ResetPassword(None), StatusCode::GONE, None))
        }
        Err(StoreError::Invalid(errors)) => {
            Ok(ctx.invalid(Page::ResetPassword(Some(token)), "reset", &form, &errors))
        }
        Err(e) => Err(e.into()),
    }
}

#[derive(Deserialize, Serialize)]
pub struct EmailForm {
    #[serde(default)]
    new_email: String,
    /// The current password (named apart from the deletion form's field on
    /// the same page).
    #[serde(default, skip_serializing)]
    confirm_password: String,
}

/// `POST /{lang}/account/email`: a link to the new address, which the
/// account moves to when it is followed.
pub async fn change_email(ctx: Ctx, Form(form): Form<EmailForm>) -> PageResult {
    let user = ctx.require_user()?;
    let db = &ctx.state.db;
    let mut errors = Vec::new();
    store::validate::email("new_email", &form.new_email, &mut errors);
    let new_email = store::validate::normalise_email(&form.new_email);
    if errors.is_empty() && new_email == user.email {
        errors.push(FieldError::new("new_email", "email-same"));
    }
    if errors.is_empty() && users::find_by_email(db, &new_email).await?.is_some() {
        errors.push(FieldError::new("new_email", "email-taken"));
    }
    if users::authenticate(db, &user.email, &form.confirm_password)
        .await?
        .is_none()
    {
        errors.push(FieldError::new("confirm_password", "password-wrong"));
    }
    if !errors.is_empty() {
        let view = super::account_page::account_view(&ctx, &user).await?;
        return Ok(ctx.invalid(Page::Account(view), "email", &form, &errors));
    }
    if tokens::issued_last_hour(db, user.id, Purpose::ChangeEmail).await? >= LINKS_PER_HOUR {
        return ctx
            .redirect_with("/account", "flash-verification-throttled")
            .await;
    }
    let token = tokens::issue(db, user.id, Purpose::ChangeEmail, &new_email).await?;
    let lang = mail::account::language_of(&user, ctx.lang());
    let message = mail::account::email_change(
        ctx.state.settings.public_url(),
        lang,
        &user,
        &new_email,
        &token,
    );
    queue(&ctx.state, &message).await?;
    ctx.redirect_with("/account", "flash-email-change-sent")
        .await
}

/// `GET /{lang}/account/email/{token}`: the link sent to a new address;
/// the old address is told.
pub async fn confirm_email(ctx: Ctx, Path((_, token)): Path<(String, String)>) -> PageResult {
    match tokens::change_email(&ctx.state.db, &token).await {
        Ok(changed) => {
            tracing::info!(user = changed.user.id, "address changed");
            let lang = mail::account::language_of(&changed.user, ctx.lang());
            let notice = mail::account::email_changed_notice(
                ctx.state.settings.public_url(),
                lang,
                &changed.user,
                &changed.old_email,
            );
            queue(&ctx.state, &notice).await?;
            ctx.redirect_with(landing(&ctx), "flash-email-changed")
                .await
        }
        Err(StoreError::Invalid(_)) => ctx.redirect_with(landing(&ctx), "flash-link-invalid").await,
        Err(e) => Err(e.into()),
    }
}
