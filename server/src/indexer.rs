//! Keeps the search index a faithful projection of SQL: applies the outbox
//! after this node's cursor (kept in the index folder), and rebuilds it from
//! scratch on `archipel reindex`.

use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::Duration;

use anyhow::Context;
use search_index::{SearchDoc, SearchIndex};
use store::organisations::{self, Organisation};
use store::{Db, StoreError, outbox};
use tokio::sync::{Mutex, Notify};

pub struct Indexer {
    db: Db,
    index: Arc<SearchIndex>,
    cursor_path: PathBuf,
    wake: Notify,
    /// One catch-up at a time.
    running: Mutex<()>,
}

/// The search document of a partner organisation.
pub fn partner_doc(o: &Organisation) -> SearchDoc {
    let website = o
        .website
        .trim_start_matches("https://")
        .trim_start_matches("http://");
    SearchDoc {
        id: format!("partner:{}", o.slug),
        kind: "partner".into(),
        lang: o.languages.first().cloned().unwrap_or_else(|| "fr".into()),
        title: o.name.clone(),
        body: format!("{} · {} · {website}", o.country, o.languages.join(", ")),
        path: format!("/partners/{}", o.slug),
    }
}

impl Indexer {
    pub fn new(db: Db, index: Arc<SearchIndex>, index_dir: &Path) -> Self {
        Self {
            db,
            index,
            cursor_path: index_dir.join("outbox-cursor"),
            wake: Notify::new(),
            running: Mutex::new(()),
        }
    }

    pub fn index(&self) -> &Arc<SearchIndex> {
        &self.index
    }

    fn cursor(&self) -> i64 {
        std::fs::read_to_string(&self.cursor_path)
            .ok()
            .and_then(|s| s.trim().parse().ok())
            .unwrap_or(0)
    }

    fn save_cursor(&self, id: i64) -> anyhow::Result<()> {
        let tmp = self.cursor_path.with_extension("part");
        std::fs::write(&tmp, id.to_string())?;
        std::fs::rename(&tmp, &self.cursor_path)?;
        Ok(())
    }

    /// Applies every change recorded since the last one applied; returns how many.
    pub async fn catch_up(&self) -> anyhow::Result<usize> {
        let _one = self.running.lock().await;
        let mut applied = 0;
        loop {
            let cursor = self.cursor();
            let changes = outbox::after(&self.db, cursor, 500).await?;
            let Some(last) = changes.last().map(|c| c.id) else {
                break;
            };
            for change in &changes {
                if change.entity == organisations::OUTBOX_ENTITY {
                    match organisations::get_by_slug(&self.db, &change.entity_id).await {
                        Ok(org) => self.index.upsert(&[partner_doc(&org)])?,
                        Err(StoreError::NotFound) => {
                            self.index.delete(&format!("partner:{}", change.entity_id))
                        }
                        Err(e) => return Err(e.into()),
                    }
                }
            }
            self.index.commit()?;
            self.save_cursor(last)?;
            applied += changes.len();
        }
        Ok(applied)
    }

    /// Empties the index and fills it again from SQL; returns the documents written.
    pub async fn rebuild(&self) -> anyhow::Result<usize> {
        let _one = self.running.lock().await;
        // Read the cursor first: changes made during the rebuild are applied again later.
        let last = outbox::last_id(&self.db).await?;
        self.index.clear()?;
        let orgs = organisations::list(&self.db).await?;
        let docs: Vec<SearchDoc> = orgs.iter().map(partner_doc).collect();
        self.index.upsert(&docs)?;
        self.index.commit()?;
        self.save_cursor(last)
            .context("cannot save the index cursor")?;
        Ok(docs.len())
    }

    /// Asks the background task to catch up now.
    pub fn poke(&self) {
        self.wake.notify_one();
    }

    /// Catches up when poked and every few seconds (other app nodes write too).
    pub fn spawn(self: Arc<Self>) -> tokio::task::JoinHandle<()> {
        tokio::spawn(async move {
            loop {
                if let Err(e) = self.catch_up().await {
                    tracing::error!(error = format!("{e:#}"), "search index catch-up failed");
                }
                tokio::select! {
                    _ = self.wake.notified() => {},
                    _ = tokio::time::sleep(Duration::from_secs(5)) => {},
                }
            }
        })
    }
}
