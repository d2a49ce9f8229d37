//! The review cycle of a profile: members submit the working version, a
//! moderator approves it (it becomes the published version) or rejects it
//! with a note. A first submission waits as `pending`, later ones as
//! `changes-pending` while the public keeps seeing the published version.
//! Each step checks the state it starts from in the same `UPDATE` as the
//! change, so two moderators cannot both act on one submission.
//!
//! Published profiles are confirmed by their members once a year
//! ([`due_for_confirmation`], [`confirm`]); a moderator can take a profile
//! off the directory with a reason ([`unpublish`]).

use sqlx::Row;

use super::read::{COLUMNS, from_rows};
use super::{CONFIRM_AFTER_DAYS, OUTBOX_ENTITY, Provider, Status, VERSIONED, Version, event, get};
use crate::error::Result;
use crate::{Db, StoreError, format_time, now, validate};

fn state_invalid() -> StoreError {
    StoreError::invalid("status", "profile-state-invalid")
}

fn note(field: &'static str, value: &str) -> Result<String> {
    let mut errors = Vec::new();
    validate::line(field, value, 1000, &mut errors);
    if errors.is_empty() {
        Ok(value.trim().to_string())
    } else {
        Err(StoreError::Invalid(errors))
    }
}

/// Members send the working version to review.
pub async fn submit(db: &Db, user_id: i64, id: i64) -> Result<Provider> {
    let p = get(db, id).await?;
    if !matches!(p.status, Status::Draft | Status::Rejected) {
        return Err(state_invalid());
    }
    let to = if p.published.is_some() {
        Status::ChangesPending
    } else {
        Status::Pending
    };
    let at = now();
    let mut tx = db.pool().begin().await?;
    let done = sqlx::query(
        "UPDATE providers SET status = $1, submitted_at = $2, updated_at = $2 \
         WHERE id = $3 AND status = $4",
    )
    .bind(to.as_str())
    .bind(at)
    .bind(id)
    .bind(p.status.as_str())
    .execute(&mut *tx)
    .await?;
    if done.rows_affected() != 1 {
        return Err(state_invalid());
    }
    event(&mut tx, id, Some(user_id), "submitted", "").await?;
    tx.commit().await?;
    get(db, id).await
}

/// A moderator approves a submission: the working version becomes the
/// published one, and counts as confirmed.
pub async fn approve(db: &Db, user_id: i64, id: i64) -> Result<Provider> {
    let p = get(db, id).await?;
    if !matches!(p.status, Status::Pending | Status::ChangesPending) {
        return Err(state_invalid());
    }
    let at = now();
    let mut tx = db.pool().begin().await?;
    let done = sqlx::query(
        "UPDATE providers SET status = 'published', status_note = '', reviewed_at = $1, \
         confirmed_at = $1, published_at = COALESCE(published_at, $1), updated_at = $1 \
         WHERE id = $2 AND status = $3",
    )
    .bind(at)
    .bind(id)
    .bind(p.status.as_str())
    .execute(&mut *tx)
    .await?;
    if done.rows_affected() != 1 {
        return Err(state_invalid());
    }
    let (working, published) = (Version::Working.as_str(), Version::Published.as_str());
    for (table, columns) in VERSIONED {
        sqlx::query(sqlx::AssertSqlSafe(format!(
            "DELETE FROM {table} WHERE provider_id = $1 AND version = $2"
        )))
        .bind(id)
        .bind(published)
        .execute(&mut *tx)
        .await?;
        sqlx::query(sqlx::AssertSqlSafe(format!(
            "INSERT INTO {table} (provider_id, version, {columns}) \
             SELECT provider_id, $1, {columns} FROM {table} WHERE provider_id = $2 AND version = $3"
        )))
        .bind(published)
        .bind(id)
        .bind(working)
        .execute(&mut *tx)
        .await?;
    }
    event(&mut tx, id, Some(user_id), "approved", "").await?;
    crate::outbox::record(&mut *tx, OUTBOX_ENTITY, &p.slug).await?;
    tx.commit().await?;
    get(db, id).await
}

/// A moderator refuses a submission, saying why. The published version,
/// if any, stays online.
pub async fn reject(db: &Db, user_id: i64, id: i64, why: &str) -> Result<Provider> {
    let why = note("note", why)?;
    let p = get(db, id).await?;
    if !matches!(p.status, Status::Pending | Status::ChangesPending) {
        return Err(state_invalid());
    }
    let at = now();
    let mut tx = db.pool().begin().await?;
    let done = sqlx::query(
        "UPDATE providers SET status = 'rejected', status_note = $1, reviewed_at = $2, \
         updated_at = $2 WHERE id = $3 AND status = $4",
    )
    .bind(why.clone())
    .bind(at)
    .bind(id)
    .bind(p.status.as_str())
    .execute(&mut *tx)
    .await?;
    if done.rows_affected() != 1 {
        return Err(state_invalid());
    }
    event(&mut tx, id, Some(user_id), "rejected", &why).await?;
    tx.commit().await?;
    get(db, id).await
}

/// A moderator takes a published profile off the directory, saying why.
/// The working version stays; its members may change it and submit it
/// again, as a first publication.
pub async fn unpublish(db: &Db, user_id: i64, id: i64, why: &str) -> Result<Provider> {
    let why = note("note", why)?;
    let p = get(db, id).await?;
    if p.published.is_none() {
        return Err(state_invalid());
    }
    let at = now();
    let mut tx = db.pool().begin().await?;
    for (table, _) in VERSIONED {
        sqlx::query(sqlx::AssertSqlSafe(format!(
            "DELETE FROM {table} WHERE provider_id = $1 AND version = 'published'"
        )))
        .bind(id)
        .execute(&mut *tx)
        .await?;
    }
    sqlx::query(
        "UPDATE providers SET status = 'rejected', status_note = $1, reviewed_at = $2, \
         updated_at = $2 WHERE id = $3",
    )
    .bind(why.clone())
    .bind(at)
    .bind(id)
    .execute(&mut *tx)
    .await?;
    event(&mut tx, id, Some(user_id), "unpublished", &why).await?;
    crate::outbox::record(&mut *tx, OUTBOX_ENTITY, &p.slug).await?;
    tx.commit().await?;
    get(db, id).await
}

/// A member says the published profile is still right: it is confirmed
/// for another year, without review (nothing changed).
pub async fn confirm(db: &Db, user_id: i64, id: i64) -> Result<Provider> {
    let p = get(db, id).await?;
    if p.published.is_none() {
        return Err(state_invalid());
    }
    let mut tx = db.pool().begin().await?;
    sqlx::query("UPDATE providers SET confirmed_at = $1 WHERE id = $2")
        .bind(now())
        .bind(id)
        .execute(&mut *tx)
        .await?;
    event(&mut tx, id, Some(user_id), "confirmed", "").await?;
    tx.commit().await?;
    get(db, id).await
}

/// What waits for a moderator, oldest submission first.
pub async fn queue(db: &Db) -> Result<Vec<Provider>> {
    let rows = sqlx::query(sqlx::AssertSqlSafe(format!(
        "SELECT {COLUMNS} FROM providers WHERE status IN ('pending', 'changes-pending') \
         ORDER BY submitted_at, id"
    )))
    .fetch_all(db.pool())
    .await?;
    from_rows(db, &rows).await
}

/// Published profiles that nobody confirmed (or changed through review) in
/// the year before `at`, longest unconfirmed first.
pub async fn due_for_confirmation(db: &Db, at: time::OffsetDateTime) -> Result<Vec<Provider>> {
    let before = format_time(at - time::Duration::days(CONFIRM_AFTER_DAYS));
    let rows = sqlx::query(sqlx::AssertSqlSafe(format!(
        "SELECT {COLUMNS} FROM providers WHERE confirmed_at < $1 AND EXISTS \
         (SELECT 1 FROM provider_profiles v WHERE v.provider_id = providers.id \
         AND v.version = 'published') ORDER BY confirmed_at, id"
    )))
    .bind(before)
    .fetch_all(db.pool())
    .await?;
    from_rows(db, &rows).await
}

/// How many submissions wait, for a moderator's dashboard.
pub async fn waiting(db: &Db) -> Result<i64> {
    let row = sqlx::query(
        "SELECT COUNT(*) AS n FROM providers WHERE status IN ('pending', 'changes-pending')",
    )
    .fetch_one(db.pool())
    .await?;
    Ok(row.try_get("n")?)
}
