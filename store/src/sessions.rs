//! Server-side session records. The HTTP layer owns their format (opaque JSON
//! text); this module only stores them with their owner and expiry.

use sqlx::Row;

use crate::Db;
use crate::error::Result;

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

/// The record's data, unless it is missing or expired at `now` (unix seconds).
pub async fn load(db: &Db, id: &str, now: i64) -> Result<Option<(String, i64)>> {
    let row =
        sqlx::query("SELECT data, expires_at FROM sessions WHERE id = $1 AND expires_at > $2")
            .bind(id.to_string())
            .bind(now)
            .fetch_optional(db.pool())
            .await?;
    row.map(|r| Ok((r.try_get("data")?, r.try_get("expires_at")?)))
        .transpose()
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
