//! Server-side session records. The HTTP layer owns their format (opaque JSON
//! text); this module only stores them with their owner and expiry.

use sqlx::Row;

use crate::Db;
use crate::error::Result;
use crate::learning::LearnerId;
use crate::users::{self, User};

/// Inserts or replaces a session record.
pub async fn save(
    db: &Db,
    id: &str,
    user_id: Option<i64>,
    data: &str,
    expires_at: i64,
) -> Result<()> {
    sqlx::query(
        "INSERT INTO sessions (id, user_id, data, expires_at) VALUES ($1, $2, $3, $4) \
         ON CONFLICT (id) DO UPDATE SET user_id = excluded.user_id, data = excluded.data, \
         expires_at = excluded.expires_at",
    )
    .bind(id.to_string())
    .bind(user_id)
    .bind(data.to_string())
    .bind(expires_at)
    .execute(db.pool())
    .await?;
    Ok(())
}

/// Inserts a new session record; `false` when the id is already taken.
pub async fn insert_new(
    db: &Db,
    id: &str,
    user_id: Option<i64>,
    data: &str,
    expires_at: i64,
) -> Result<bool> {
    let done = sqlx::query(
        "INSERT INTO sessions (id, user_id, data, expires_at) VALUES ($1, $2, $3, $4) \
         ON CONFLICT (id) DO NOTHING",
    )
    .bind(id.to_string())
    .bind(user_id)
    .bind(data.to_string())
    .bind(expires_at)
    .execute(db.pool())
    .await?;
    Ok(done.rows_affected() == 1)
}

/// A session record read together with the account that owns it and what
/// its pages show of it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Loaded {
    pub data: String,
    pub expires_at: i64,
    /// The record's owner, when it has one and the account still exists.
    pub account: Option<User>,
    /// That account's learner, when it has done anything yet.
    pub learner: Option<LearnerId>,
    /// That account's unread notifications (those shown in the bell).
    pub unread: i64,
}

/// The record, unless it is missing or expired at `now` (unix seconds), with
/// its account and the account's learner read by the same statement: a
/// signed-in page needs all three, and one statement is one round trip.
pub async fn load(db: &Db, id: &str, now: i64) -> Result<Option<Loaded>> {
    let row = sqlx::query(
        "SELECT s.data, s.expires_at, u.id, u.email, u.display_name, u.role, \
         u.preferred_languages, u.created_at, u.email_verified_at, l.id AS learner_id, \
         (SELECT COUNT(*) FROM notifications n WHERE n.user_id = u.id AND n.read_at IS NULL \
          AND NOT EXISTS (SELECT 1 FROM notification_settings ns WHERE ns.user_id = n.user_id \
          AND ns.kind = n.kind AND ns.in_app = 0)) AS unread \
         FROM sessions s LEFT JOIN users u ON u.id = s.user_id \
         LEFT JOIN learners l ON l.user_id = u.id \
         WHERE s.id = $1 AND s.expires_at > $2",
    )
    .bind(id.to_string())
    .bind(now)
    .fetch_optional(db.pool())
    .await?;
    let Some(row) = row else {
        return Ok(None);
    };
    let account = match row.try_get::<Option<i64>, _>("id")? {
        Some(_) => Some(users::from_row(&row)?),
        None => None,
    };
    Ok(Some(Loaded {
        data: row.try_get("data")?,
        expires_at: row.try_get("expires_at")?,
        account,
        learner: row.try_get::<Option<i64>, _>("learner_id")?.map(LearnerId),
        unread: row.try_get("unread")?,
    }))
}

pub async fn delete(db: &Db, id: &str) -> Result<()> {
    sqlx::query("DELETE FROM sessions WHERE id = $1")
        .bind(id.to_string())
        .execute(db.pool())
        .await?;
    Ok(())
}

/// Removes every record that expired before `now`; returns how many.
pub async fn delete_expired(db: &Db, now: i64) -> Result<u64> {
    let done = sqlx::query("DELETE FROM sessions WHERE expires_at <= $1")
        .bind(now)
        .execute(db.pool())
        .await?;
    Ok(done.rows_affected())
}

pub async fn count_for_user(db: &Db, user_id: i64) -> Result<i64> {
    let row = sqlx::query("SELECT COUNT(*) AS n FROM sessions WHERE user_id = $1")
        .bind(user_id)
        .fetch_one(db.pool())
        .await?;
    Ok(row.try_get("n")?)
}
