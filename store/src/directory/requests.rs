//! Help requests: an association writes to a provider from its page in the
//! directory, without seeing the provider's address. The message is stored
//! here, then delivered by mail ([`undelivered`], [`mark_delivered`]); the
//! provider's members read it in their space, administrators see every one.

use serde::{Deserialize, Serialize};
use sqlx::Row;
use sqlx::any::AnyRow;

use super::Provider;
use crate::error::Result;
use crate::library::text;
use crate::{Db, FieldError, StoreError, format_time, now, validate};

pub const MESSAGE_MIN_CHARS: usize = 20;
pub const MESSAGE_MAX_CHARS: usize = 5000;
/// Requests one address may send one provider in a day.
pub const DAILY_LIMIT: i64 = 3;
/// Attempts after which a request's mail is no longer tried: it stays in
/// the provider's inbox on the site.
pub const MAX_DELIVERY_ATTEMPTS: i64 = 8;

/// What the "request help" form submits.
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
#[serde(default)]
pub struct HelpRequestForm {
    pub sender_name: String,
    pub sender_email: String,
    /// The association the sender writes for (optional).
    pub organisation: String,
    pub message: String,
    /// The language of the message (the page's).
    pub lang: String,
}

/// Where a request is for the provider.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum RequestStatus {
    New,
    Read,
    Answered,
    Archived,
}

impl RequestStatus {
    pub const ALL: &'static [RequestStatus] = &[
        RequestStatus::New,
        RequestStatus::Read,
        RequestStatus::Answered,
        RequestStatus::Archived,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            RequestStatus::New => "new",
            RequestStatus::Read => "read",
            RequestStatus::Answered => "answered",
            RequestStatus::Archived => "archived",
        }
    }

    pub fn parse(s: &str) -> Option<Self> {
        Self::ALL.iter().copied().find(|v| v.as_str() == s)
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct HelpRequest {
    pub id: i64,
    pub provider_id: i64,
    pub sender_user_id: Option<i64>,
    pub sender_name: String,
    pub sender_email: String,
    pub organisation: String,
    pub message: String,
    pub lang: String,
    pub status: RequestStatus,
    pub created_at: String,
    pub read_at: Option<String>,
    pub delivered_at: Option<String>,
    pub delivery_attempts: i64,
}

const COLUMNS: &str = "id, provider_id, sender_user_id, sender_name, sender_email, organisation, \
    message, lang, status, created_at, read_at, delivered_at, delivery_attempts";

fn from_row(r: &AnyRow) -> Result<HelpRequest> {
    let status: String = r.try_get("status")?;
    Ok(HelpRequest {
        id: r.try_get("id")?,
        provider_id: r.try_get("provider_id")?,
        sender_user_id: r.try_get("sender_user_id")?,
        sender_name: r.try_get("sender_name")?,
        sender_email: r.try_get("sender_email")?,
        organisation: r.try_get("organisation")?,
        message: r.try_get("message")?,
        lang: r.try_get("lang")?,
        status: RequestStatus::parse(&status).ok_or_else(|| {
            StoreError::Database(sqlx::Error::Decode("help request status".into()))
        })?,
        created_at: r.try_get("created_at")?,
        read_at: r.try_get("read_at")?,
        delivered_at: r.try_get("delivered_at")?,
        delivery_attempts: r.try_get("delivery_attempts")?,
    })
}

/// Stores a request to a published provider, from a visitor or (with
/// `sender_user_id`) a signed-in account. One address may write to one
/// provider [`DAILY_LIMIT`] times a day.
pub async fn send(
    db: &Db,
    provider: &Provider,
    sender_user_id: Option<i64>,
    form: &HelpRequestForm,
) -> Result<HelpRequest> {
    let mut errors = Vec::new();
    if provider.published.is_none() {
        errors.push(FieldError::new("provider", "profile-state-invalid"));
    }
    validate::line("sender_name", &form.sender_name, 120, &mut errors);
    validate::email("sender_email", &form.sender_email, &mut errors);
    if !form.organisation.trim().is_empty() {
        validate::line("organisation", &form.organisation, 200, &mut errors);
    }
    let message = form.message.trim();
    if message.is_empty() {
        errors.push(FieldError::new("message", "required"));
    } else if message.chars().count() < MESSAGE_MIN_CHARS {
        errors.push(FieldError::new("message", "message-too-short"));
    } else {
        text("message", message, MESSAGE_MAX_CHARS, &mut errors);
    }
    let lang = form.lang.trim().to_lowercase();
    if !validate::is_language_tag(&lang) {
        errors.push(FieldError::new("lang", "language-invalid"));
    }
    if !errors.is_empty() {
        return Err(StoreError::Invalid(errors));
    }
    let email = validate::normalise_email(&form.sender_email);
    let day_ago = format_time(time::OffsetDateTime::now_utc() - time::Duration::days(1));
    let recent: i64 = sqlx::query(
        "SELECT COUNT(*) AS n FROM help_requests WHERE provider_id = $1 AND sender_email = $2 \
         AND created_at > $3",
    )
    .bind(provider.id)
    .bind(email.clone())
    .bind(day_ago)
    .fetch_one(db.pool())
    .await?
    .try_get("n")?;
    if recent >= DAILY_LIMIT {
        return Err(StoreError::invalid("sender_email", "request-limit"));
    }
    let row = sqlx::query(sqlx::AssertSqlSafe(format!(
        "INSERT INTO help_requests (provider_id, sender_user_id, sender_name, sender_email, \
         organisation, message, lang, status, created_at) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, 'new', $8) RETURNING {COLUMNS}"
    )))
    .bind(provider.id)
    .bind(sender_user_id)
    .bind(form.sender_name.trim().to_string())
    .bind(email)
    .bind(form.organisation.trim().to_string())
    .bind(message.to_string())
    .bind(lang)
    .bind(now())
    .fetch_one(db.pool())
    .await?;
    from_row(&row)
}

async fn many(db: &Db, sql: String, id: Option<i64>, limit: i64) -> Result<Vec<HelpRequest>> {
    let mut q = sqlx::query(sqlx::AssertSqlSafe(sql));
    if let Some(id) = id {
        q = q.bind(id);
    }
    let rows = q.bind(limit).fetch_all(db.pool()).await?;
    rows.iter().map(from_row).collect()
}

/// A provider's requests, newest first.
pub async fn for_provider(db: &Db, provider_id: i64, limit: i64) -> Result<Vec<HelpRequest>> {
    let sql = format!(
        "SELECT {COLUMNS} FROM help_requests WHERE provider_id = $1 ORDER BY id DESC LIMIT $2"
    );
    many(db, sql, Some(provider_id), limit).await
}

/// Every request on the instance, newest first (for administrators).
pub async fn all(db: &Db, limit: i64) -> Result<Vec<HelpRequest>> {
    let sql = format!("SELECT {COLUMNS} FROM help_requests ORDER BY id DESC LIMIT $1");
    many(db, sql, None, limit).await
}

/// Requests whose mail has not gone out yet, oldest first.
pub async fn undelivered(db: &Db, limit: i64) -> Result<Vec<HelpRequest>> {
    let sql = format!(
        "SELECT {COLUMNS} FROM help_requests WHERE delivered_at IS NULL ORDER BY id LIMIT $1"
    );
    many(db, sql, None, limit).await
}

/// Requests whose mail is still to be tried: not delivered, fewer than
/// [`MAX_DELIVERY_ATTEMPTS`] attempts, oldest first.
pub async fn due_for_delivery(db: &Db, limit: i64) -> Result<Vec<HelpRequest>> {
    let sql = format!(
        "SELECT {COLUMNS} FROM help_requests WHERE delivered_at IS NULL \
         AND delivery_attempts < {MAX_DELIVERY_ATTEMPTS} ORDER BY id LIMIT $1"
    );
    many(db, sql, None, limit).await
}

pub async fn get(db: &Db, id: i64) -> Result<HelpRequest> {
    let row = sqlx::query(sqlx::AssertSqlSafe(format!(
        "SELECT {COLUMNS} FROM help_requests WHERE id = $1"
    )))
    .bind(id)
    .fetch_optional(db.pool())
    .await?
    .ok_or(StoreError::NotFound)?;
    from_row(&row)
}

/// The mail to the provider went out.
pub async fn mark_delivered(db: &Db, id: i64) -> Result<()> {
    sqlx::query(
        "UPDATE help_requests SET delivered_at = $1, delivery_attempts = delivery_attempts + 1 \
         WHERE id = $2 AND delivered_at IS NULL",
    )
    .bind(now())
    .bind(id)
    .execute(db.pool())
    .await?;
    Ok(())
}

/// Takes attempt number `attempts + 1` at mailing a request, counting it
/// before the message is sent, so that of several app nodes reading the
/// same due request only one sends it. False when another node took this
/// attempt or the request was delivered meanwhile.
pub async fn claim_delivery(db: &Db, id: i64, attempts: i64) -> Result<bool> {
    let done = sqlx::query(
        "UPDATE help_requests SET delivery_attempts = delivery_attempts + 1 \
         WHERE id = $1 AND delivered_at IS NULL AND delivery_attempts = $2",
    )
    .bind(id)
    .bind(attempts)
    .execute(db.pool())
    .await?;
    Ok(done.rows_affected() == 1)
}

/// The mail of a claimed attempt ([`claim_delivery`]) went out.
pub async fn delivered(db: &Db, id: i64) -> Result<()> {
    sqlx::query(
        "UPDATE help_requests SET delivered_at = $1 WHERE id = $2 AND delivered_at IS NULL",
    )
    .bind(now())
    .bind(id)
    .execute(db.pool())
    .await?;
    Ok(())
}

/// Sending the mail failed; it is tried again later.
pub async fn delivery_failed(db: &Db, id: i64) -> Result<()> {
    sqlx::query("UPDATE help_requests SET delivery_attempts = delivery_attempts + 1 WHERE id = $1")
        .bind(id)
        .execute(db.pool())
        .await?;
    Ok(())
}

/// Moves a request along for its provider: read when a member opens it
/// (the first reading is remembered), then answered or archived.
pub async fn set_status(db: &Db, id: i64, status: RequestStatus) -> Result<HelpRequest> {
    let done = sqlx::query(
        "UPDATE help_requests SET status = $1, read_at = COALESCE(read_at, $2) WHERE id = $3",
    )
    .bind(status.as_str())
    .bind((status != RequestStatus::New).then(now))
    .bind(id)
    .execute(db.pool())
    .await?;
    if done.rows_affected() == 0 {
        return Err(StoreError::NotFound);
    }
    get(db, id).await
}

/// How many requests a provider has not read yet.
pub async fn unread(db: &Db, provider_id: i64) -> Result<i64> {
    let row = sqlx::query(
        "SELECT COUNT(*) AS n FROM help_requests WHERE provider_id = $1 AND status = 'new'",
    )
    .bind(provider_id)
    .fetch_one(db.pool())
    .await?;
    Ok(row.try_get("n")?)
}
