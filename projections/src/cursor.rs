//! How far a projection (the search index, the RDF store) has applied the
//! outbox: an id in a file beside the projection's data, written only after
//! the changes up to it are durable there, and replaced atomically; and the
//! next batch of changes after it, each entity once.

use std::collections::BTreeSet;
use std::path::PathBuf;

use store::Db;
use store::outbox::{self, Entity};

pub struct Cursor {
    path: PathBuf,
}

/// What one batch of the outbox changed. A batch is applied as a whole:
/// each entity once, however often it changed.
#[derive(Debug, Clone, Default)]
pub struct Batch {
    /// The last change of the batch: save it once the batch is applied.
    pub last: i64,
    /// How many changes the batch holds.
    pub len: usize,
    /// Slugs of the partners that changed.
    pub partners: BTreeSet<String>,
    /// Uids of the resources that changed.
    pub resources: BTreeSet<String>,
    /// Whether the topic scheme changed.
    pub topics: bool,
    /// Harvest sources whose library entries changed (or went with them).
    pub harvest_sources: BTreeSet<i64>,
    /// Slugs of the directory's providers whose published profile changed.
    pub providers: BTreeSet<String>,
    /// Content ids of the lessons whose discussion changed.
    pub discussions: BTreeSet<String>,
    /// The courses being served were written again (a content reload; never
    /// read from the outbox).
    pub courses: bool,
}

impl Cursor {
    pub fn new(path: PathBuf) -> Self {
        Self { path }
    }

    /// The last change applied (0: none).
    pub fn get(&self) -> i64 {
        std::fs::read_to_string(&self.path)
            .ok()
            .and_then(|s| s.trim().parse().ok())
            .unwrap_or(0)
    }

    pub fn save(&self, id: i64) -> std::io::Result<()> {
        let tmp = self.path.with_extension("part");
        std::fs::write(&tmp, id.to_string())?;
        std::fs::rename(&tmp, &self.path)
    }

    /// Up to 500 changes after the cursor, grouped; none when caught up.
    pub async fn next_batch(&self, db: &Db) -> Result<Option<Batch>, store::StoreError> {
        let changes = outbox::after(db, self.get(), 500).await?;
        let Some(last) = changes.last().map(|c| c.id) else {
            return Ok(None);
        };
        let mut batch = Batch {
            last,
            len: changes.len(),
            ..Batch::default()
        };
        for change in changes {
            let Some(entity) = change.entity else {
                tracing::warn!(
                    change = change.id,
                    "an outbox change about something this version does not know: skipped"
                );
                continue;
            };
            match entity {
                Entity::Organisation => {
                    batch.partners.insert(change.entity_id);
                }
                Entity::Resource => {
                    batch.resources.insert(change.entity_id);
                }
                Entity::Concept => batch.topics = true,
                Entity::HarvestSource => {
                    if let Ok(id) = change.entity_id.parse() {
                        batch.harvest_sources.insert(id);
                    }
                }
                Entity::Provider => {
                    batch.providers.insert(change.entity_id);
                }
                Entity::Discussion => {
                    batch.discussions.insert(change.entity_id);
                }
            }
        }
        Ok(Some(batch))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[tokio::test]
    async fn a_change_of_an_unknown_entity_is_passed_over_not_lost_in_the_count() {
        let dir = tempfile::tempdir().unwrap();
        let url = format!("sqlite://{}?mode=rwc", dir.path().join("t.db").display());
        let db = Db::connect(&url, 1).await.unwrap();
        db.migrate().await.unwrap();
        // A newer node records a kind of change this version does not know.
        for (entity, id) in [("badge", "b1"), ("resource", "r1")] {
            sqlx::query(
                "INSERT INTO outbox (entity, entity_id, created_at) VALUES ($1, $2, '2026-12-07T00:00:00.000000Z')",
            )
            .bind(entity)
            .bind(id)
            .execute(db.pool())
            .await
            .unwrap();
        }
        let cursor = Cursor::new(dir.path().join("cursor"));
        let batch = cursor.next_batch(&db).await.unwrap().unwrap();
        assert_eq!(batch.len, 2);
        assert_eq!(batch.last, outbox::last_id(&db).await.unwrap());
        assert_eq!(batch.resources.into_iter().collect::<Vec<_>>(), ["r1"]);
        assert!(batch.partners.is_empty() && !batch.topics);
    }
}
