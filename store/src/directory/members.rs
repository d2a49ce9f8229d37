//! The accounts that edit a provider's profile and read its help requests.
//! Any member may add a colleague by the e-mail address of their account;
//! a provider always keeps at least one member.

use sqlx::Row;

use super::{event, get};
use crate::error::Result;
use crate::users::{self, User};
use crate::{Db, StoreError, now};

/// The members of a provider, in the order they joined.
pub async fn list(db: &Db, provider_id: i64) -> Result<Vec<User>> {
    let rows = sqlx::query(
        "SELECT user_id FROM provider_members WHERE provider_id = $1 ORDER BY created_at, user_id",
    )
    .bind(provider_id)
    .fetch_all(db.pool())
    .await?;
    let mut out = Vec::with_capacity(rows.len());
    for row in rows {
        out.push(users::get(db, row.try_get("user_id")?).await?);
    }
    Ok(out)
}

/// The ids of the providers an account is a member of (for [`crate::authz`]).
pub async fn provider_ids_of(db: &Db, user_id: i64) -> Result<Vec<i64>> {
    let rows = sqlx::query(
        "SELECT provider_id FROM provider_members WHERE user_id = $1 ORDER BY provider_id",
    )
    .bind(user_id)
    .fetch_all(db.pool())
    .await?;
    rows.iter().map(|r| Ok(r.try_get("provider_id")?)).collect()
}

/// Adds the account with this e-mail address; `by` is the member who adds it.
pub async fn add(db: &Db, by: i64, provider_id: i64, email: &str) -> Result<User> {
    get(db, provider_id).await?;
    let Some(user) = users::find_by_email(db, email).await? else {
        return Err(StoreError::invalid("email", "no-such-account"));
    };
    let mut tx = db.pool().begin().await?;
    let added = sqlx::query(
        "INSERT INTO provider_members (provider_id, user_id, created_at) VALUES ($1, $2, $3) \
         ON CONFLICT (provider_id, user_id) DO NOTHING",
    )
    .bind(provider_id)
    .bind(user.id)
    .bind(now())
    .execute(&mut *tx)
    .await?;
    if added.rows_affected() == 0 {
        return Err(StoreError::invalid("email", "already-member"));
    }
    event(&mut tx, provider_id, Some(by), "member-added", &user.email).await?;
    tx.commit().await?;
    Ok(user)
}

/// Removes a member (a member may leave); the last one cannot.
pub async fn remove(db: &Db, by: i64, provider_id: i64, user_id: i64) -> Result<()> {
    let email = users::get(db, user_id).await?.email;
    let mut tx = db.pool().begin().await?;
    let done = sqlx::query("DELETE FROM provider_members WHERE provider_id = $1 AND user_id = $2")
        .bind(provider_id)
        .bind(user_id)
        .execute(&mut *tx)
        .await?;
    if done.rows_affected() == 0 {
        return Err(StoreError::NotFound);
    }
    let left: i64 =
        sqlx::query("SELECT COUNT(*) AS n FROM provider_members WHERE provider_id = $1")
            .bind(provider_id)
            .fetch_one(&mut *tx)
            .await?
            .try_get("n")?;
    if left == 0 {
        // Dropping the transaction undoes the removal.
        return Err(StoreError::invalid("member", "last-member"));
    }
    event(&mut tx, provider_id, Some(by), "member-removed", &email).await?;
    tx.commit().await?;
    Ok(())
}
