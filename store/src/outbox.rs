//! The outbox: every change that the derived stores must reflect is recorded
//! here in the same transaction as the change, so a crash between the SQL write
//! and the projection loses nothing. Readers keep their own cursor (the last id
//! they applied), so several app nodes can each keep their own index current.

use sqlx::Row;

use crate::error::Result;
use crate::{Db, now};

/// One recorded change: which entity, by its stable key (e.g. a slug).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Change {
    pub id: i64,
    pub entity: String,
    pub entity_id: String,
}

/// Records a change inside the caller's transaction.
pub async fn record<'c, E>(executor: E, entity: &str, entity_id: &str) -> Result<()>
where
    E: sqlx::Executor<'c, Database = sqlx::Any>,
{
    sqlx::query("INSERT INTO outbox (entity, entity_id, created_at) VALUES ($1, $2, $3)")
        .bind(entity.to_string())
        .bind(entity_id.to_string())
        .bind(now())
        .execute(executor)
        .await?;
    Ok(())
}

/// Changes after `cursor`, oldest first.
pub async fn after(db: &Db, cursor: i64, limit: i64) -> Result<Vec<Change>> {
    let rows =
        sqlx::query("SELECT id, entity, entity_id FROM outbox WHERE id > $1 ORDER BY id LIMIT $2")
            .bind(cursor)
            .bind(limit)
            .fetch_all(db.pool())
            .await?;
    rows.iter()
        .map(|r| {
            Ok(Change {
                id: r.try_get("id")?,
                entity: r.try_get("entity")?,
                entity_id: r.try_get("entity_id")?,
            })
        })
        .collect()
}

/// The newest change's id (0 when there is none).
pub async fn last_id(db: &Db) -> Result<i64> {
    let row = sqlx::query("SELECT COALESCE(MAX(id), 0) AS n FROM outbox")
        .fetch_one(db.pool())
        .await?;
    Ok(row.try_get("n")?)
}
