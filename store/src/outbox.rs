//! The outbox: every change that the derived stores must reflect is recorded
//! here in the same transaction as the change, so a crash between the SQL write
//! and the projection loses nothing. Readers keep their own cursor (the last id
//! they applied), so several app nodes can each keep their own index current.

use sqlx::Row;

use crate::error::Result;
use crate::{Db, now};

/// What a change is about. Its name is what the table holds, so that every
/// app node of a cluster reads the same changes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Entity {
    /// A partner organisation, by slug.
    Organisation,
    /// A library resource, by uid.
    Resource,
    /// The topic scheme (the id of the concept that changed).
    Concept,
    /// A harvest source's entries, by source id.
    HarvestSource,
    /// A directory provider's published profile, by slug.
    Provider,
    /// A lesson's discussion, by the lesson's content id.
    Discussion,
}

impl Entity {
    pub const ALL: [Entity; 6] = [
        Entity::Organisation,
        Entity::Resource,
        Entity::Concept,
        Entity::HarvestSource,
        Entity::Provider,
        Entity::Discussion,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Entity::Organisation => "organisation",
            Entity::Resource => "resource",
            Entity::Concept => "concept",
            Entity::HarvestSource => "harvest_source",
            Entity::Provider => "provider",
            Entity::Discussion => "discussion",
        }
    }

    pub fn parse(name: &str) -> Option<Entity> {
        Entity::ALL.into_iter().find(|e| e.as_str() == name)
    }
}

/// One recorded change: which entity, by its stable key (e.g. a slug).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Change {
    pub id: i64,
    /// None for an entity this version does not know (written by a newer
    /// node of the cluster): readers skip it, and say so.
    pub entity: Option<Entity>,
    pub entity_id: String,
}

/// Records a change inside the caller's transaction.
pub async fn record<'c, E>(executor: E, entity: Entity, entity_id: &str) -> Result<()>
where
    E: sqlx::Executor<'c, Database = sqlx::Any>,
{
    sqlx::query("INSERT INTO outbox (entity, entity_id, created_at) VALUES ($1, $2, $3)")
        .bind(entity.as_str())
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
                entity: Entity::parse(&r.try_get::<String, _>("entity")?),
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn entity_names_read_back() {
        for e in Entity::ALL {
            assert_eq!(Entity::parse(e.as_str()), Some(e));
        }
        assert_eq!(Entity::parse("badge"), None);
    }
}
