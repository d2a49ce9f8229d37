//! The queue of outgoing e-mail: every message the instance sends (address
//! verification, password reset, notifications) is written here, in its
//! recipient's language, when the event happens, and sent by whichever app
//! node claims it first. An event names itself (`event_key`), so the same
//! event queued twice for one address stays one message; a claim counts the
//! attempt in the same conditional `UPDATE`, so two nodes never send the
//! same attempt; a failure waits longer each time and is given up after
//! [`MAX_ATTEMPTS`].

use sqlx::Row;

use crate::error::Result;
use crate::{Db, format_time, now};

/// Attempts after which a message is given up.
pub const MAX_ATTEMPTS: i64 = 8;

/// A message to queue.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewMessage {
    /// What happened, unique per event: `verify:{token id}`, `reply:{post}`…
    pub event_key: String,
    pub recipient: String,
    pub subject: String,
    /// Plain text.
    pub body: String,
    /// The one-click unsubscribe address, when one may unsubscribe.
    pub unsubscribe_url: Option<String>,
    /// The body holds a one-time link: it is wiped once sent or given up.
    pub secret: bool,
}

/// A queued message, as the sender reads it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Queued {
    pub id: i64,
    pub event_key: String,
    pub recipient: String,
    pub subject: String,
    pub body: String,
    pub unsubscribe_url: Option<String>,
    pub attempts: i64,
    pub created_at: String,
    pub sent_at: Option<String>,
}

fn from_row(row: &sqlx::any::AnyRow) -> Result<Queued> {
    let unsubscribe: String = row.try_get("unsubscribe_url")?;
    Ok(Queued {
        id: row.try_get("id")?,
        event_key: row.try_get("event_key")?,
        recipient: row.try_get("recipient")?,
        subject: row.try_get("subject")?,
        body: row.try_get("body")?,
        unsubscribe_url: Some(unsubscribe).filter(|u| !u.is_empty()),
        attempts: row.try_get("attempts")?,
        created_at: row.try_get("created_at")?,
        sent_at: row.try_get("sent_at")?,
    })
}

const COLUMNS: &str =
    "id, event_key, recipient, subject, body, unsubscribe_url, attempts, created_at, sent_at";

/// Queues a message; `false` when this event already has one for this
/// address (nothing changes then).
pub async fn enqueue<'e, E>(executor: E, m: &NewMessage) -> Result<bool>
where
    E: sqlx::Executor<'e, Database = sqlx::Any>,
{
    let now = now();
    let done = sqlx::query(
        "INSERT INTO mail_queue (event_key, recipient, subject, body, unsubscribe_url, secret, \
         created_at, next_attempt_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $7) \
         ON CONFLICT (event_key, recipient) DO NOTHING",
    )
    .bind(m.event_key.clone())
    .bind(m.recipient.clone())
    .bind(m.subject.clone())
    .bind(m.body.clone())
    .bind(m.unsubscribe_url.clone().unwrap_or_default())
    .bind(i64::from(m.secret))
    .bind(now)
    .execute(executor)
    .await?;
    Ok(done.rows_affected() == 1)
}

/// Messages not sent yet whose next attempt is due, oldest first.
pub async fn due(db: &Db, limit: i64) -> Result<Vec<Queued>> {
    let sql = format!(
        "SELECT {COLUMNS} FROM mail_queue WHERE sent_at IS NULL AND attempts < $1 \
         AND next_attempt_at <= $2 ORDER BY id LIMIT $3"
    );
    let rows = sqlx::query(sqlx::AssertSqlSafe(sql))
        .bind(MAX_ATTEMPTS)
        .bind(now())
        .bind(limit)
        .fetch_all(db.pool())
        .await?;
    rows.iter().map(from_row).collect()
}

/// Counts an attempt at `message` (read with `attempts` done) and sets when
/// the next may start should this one fail; `false` when another sender
/// claimed it first (it then leaves the message alone).
pub async fn claim(db: &Db, message: &Queued, retry_after: time::Duration) -> Result<bool> {
    let next = format_time(time::OffsetDateTime::now_utc() + retry_after);
    let done = sqlx::query(
        "UPDATE mail_queue SET attempts = attempts + 1, next_attempt_at = $1 \
         WHERE id = $2 AND attempts = $3 AND sent_at IS NULL",
    )
    .bind(next)
    .bind(message.id)
    .bind(message.attempts)
    .execute(db.pool())
    .await?;
    Ok(done.rows_affected() == 1)
}

/// Records the message sent; a secret body is wiped.
pub async fn sent(db: &Db, id: i64) -> Result<()> {
    sqlx::query(
        "UPDATE mail_queue SET sent_at = $1, body = CASE WHEN secret = 1 THEN '' ELSE body END \
         WHERE id = $2",
    )
    .bind(now())
    .bind(id)
    .execute(db.pool())
    .await?;
    Ok(())
}

/// Wipes the secret bodies of messages given up.
pub async fn wipe_given_up(db: &Db) -> Result<u64> {
    let done = sqlx::query(
        "UPDATE mail_queue SET body = '' WHERE secret = 1 AND sent_at IS NULL AND attempts >= $1 \
         AND body <> ''",
    )
    .bind(MAX_ATTEMPTS)
    .execute(db.pool())
    .await?;
    Ok(done.rows_affected())
}

/// The messages queued for an address, newest first (the account's own
/// data, and tests).
pub async fn for_recipient(db: &Db, recipient: &str) -> Result<Vec<Queued>> {
    let sql = format!("SELECT {COLUMNS} FROM mail_queue WHERE recipient = $1 ORDER BY id DESC");
    let rows = sqlx::query(sqlx::AssertSqlSafe(sql))
        .bind(recipient.to_string())
        .fetch_all(db.pool())
        .await?;
    rows.iter().map(from_row).collect()
}
