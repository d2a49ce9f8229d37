//! The signed-in person's notifications (the bell's page, marking read),
//! their settings per kind, and the page of an e-mail's unsubscribe link,
//! which mail clients may also post to in one click (RFC 8058).

use std::collections::HashMap;

use app::Page;
use app::page::{NotificationSettingRow, NotificationsView, UnsubscribeView};
use axum::extract::{Path, Query};
use axum::http::StatusCode;
use axum::response::IntoResponse;
use serde::Deserialize;
use store::notifications::{self, Email, Kind, Setting};

use super::form::Form;
use super::render::{Ctx, PageResult};

#[derive(Deserialize, Default)]
pub struct PageQuery {
    #[serde(default)]
    page: Option<i64>,
}

/// `GET /{lang}/notifications`.
pub async fn list(ctx: Ctx, Query(q): Query<PageQuery>) -> PageResult {
    let user = ctx.require_user()?;
    let page = q.page.unwrap_or(1).max(1);
    let (items, total) = notifications::list(&ctx.state.db, user.id, page).await?;
    let unread = notifications::unread(&ctx.state.db, user.id).await?;
    let rows = items
        .iter()
        .map(|n| views::discussion::notification(ctx.lang(), n))
        .collect();
    Ok(ctx.show(Page::Notifications(NotificationsView {
        rows,
        page,
        pages: (total + notifications::PER_PAGE - 1) / notifications::PER_PAGE,
        unread,
    })))
}

#[derive(Deserialize, Default)]
pub struct ReadForm {
    #[serde(default)]
    id: Option<i64>,
}

/// `POST /{lang}/notifications/read`: one (`id`) or all.
pub async fn read(ctx: Ctx, Form(form): Form<ReadForm>) -> PageResult {
    let user = ctx.require_user()?;
    notifications::mark_read(&ctx.state.db, user.id, form.id).await?;
    ctx.redirect_with("/notifications", "flash-notifications-read")
        .await
}

fn rows(ctx: &Ctx, settings: &[Setting]) -> Vec<NotificationSettingRow> {
    settings
        .iter()
        .map(|s| NotificationSettingRow {
            kind: s.kind.as_str().to_string(),
            label: i18n::labels::notification_kind(ctx.lang(), s.kind.as_str()),
            in_app: s.in_app,
            email: s.email.as_str().to_string(),
            for_contributors: s.kind.for_contributors(),
        })
        .collect()
}

/// `GET /{lang}/notifications/settings`.
pub async fn settings_form(ctx: Ctx) -> PageResult {
    let user = ctx.require_user()?;
    let settings = notifications::settings(&ctx.state.db, user.id).await?;
    let rows = rows(&ctx, &settings);
    Ok(ctx.show(Page::NotificationSettings(rows)))
}

/// `POST /{lang}/notifications/settings`: `in_app-{kind}=on` for the kinds
/// shown, `email-{kind}` = `off`, `instant` or `digest`.
pub async fn save_settings(ctx: Ctx, Form(form): Form<HashMap<String, String>>) -> PageResult {
    let user = ctx.require_user()?;
    for kind in Kind::ALL {
        let email = form
            .get(&format!("email-{}", kind.as_str()))
            .and_then(|v| Email::parse(v))
            .unwrap_or(Email::Instant);
        let in_app = form
            .get(&format!("in_app-{}", kind.as_str()))
            .is_some_and(|v| v == "on");
        notifications::set(
            &ctx.state.db,
            user.id,
            Setting {
                kind,
                in_app,
                email,
            },
        )
        .await?;
    }
    ctx.redirect_with("/notifications/settings", "flash-notifications-saved")
        .await
}

/// What an unsubscribe link names: a kind, or `digest`.
enum Target {
    Kind(Kind),
    Digest,
}

fn target(kind: &str) -> Option<Target> {
    if kind == "digest" {
        Some(Target::Digest)
    } else {
        Kind::parse(kind).map(Target::Kind)
    }
}

/// `GET /{lang}/unsubscribe/{key}/{kind}`: asks before stopping anything
/// (link checkers open links).
pub async fn unsubscribe_form(
    ctx: Ctx,
    Path((_, key, kind)): Path<(String, String, String)>,
) -> PageResult {
    let valid = notifications::key_owner(&ctx.state.db, &key)
        .await?
        .is_some();
    let target = target(&kind);
    let view = UnsubscribeView {
        kind: match &target {
            Some(Target::Kind(k)) => Some(i18n::labels::notification_kind(ctx.lang(), k.as_str())),
            _ => None,
        },
        valid: valid && target.is_some(),
        done: false,
    };
    let status = if view.valid {
        StatusCode::OK
    } else {
        StatusCode::NOT_FOUND
    };
    Ok(ctx.show_with(Page::Unsubscribe(view), status, None))
}

/// `POST /{lang}/unsubscribe/{key}/{kind}`: from the page, or in one click
/// from the mail client (`List-Unsubscribe=One-Click`).
pub async fn unsubscribe(
    ctx: Ctx,
    Path((_, key, kind)): Path<(String, String, String)>,
) -> PageResult {
    let db = &ctx.state.db;
    let done = match target(&kind) {
        Some(Target::Kind(k)) => notifications::unsubscribe(db, &key, k).await?,
        Some(Target::Digest) => notifications::unsubscribe_digest(db, &key).await?,
        None => None,
    };
    let Some(user_id) = done else {
        let view = UnsubscribeView {
            kind: None,
            valid: false,
            done: false,
        };
        return Ok(ctx.show_with(Page::Unsubscribe(view), StatusCode::NOT_FOUND, None));
    };
    tracing::info!(user = user_id, kind, "unsubscribed by link");
    let view = UnsubscribeView {
        kind: None,
        valid: true,
        done: true,
    };
    Ok(ctx.show(Page::Unsubscribe(view)).into_response())
}
