//! Searches are logged off the request path: a search hands its line to a
//! background task, which writes what arrived within a short window in one
//! transaction. Under load that is one write for hundreds of searches instead
//! of one each; a full line (the database stalled) drops entries, counted in
//! the log, rather than slowing searches.

use std::sync::OnceLock;
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::Duration;

use store::Db;
use store::search_log::Search;
use tokio::sync::mpsc;

/// How long a batch gathers after its first search.
const WINDOW: Duration = Duration::from_millis(200);
/// The most searches written in one transaction.
const BATCH: usize = 500;
/// Searches waiting to be written before new ones are dropped.
const WAITING: usize = 10_000;

pub struct SearchLog {
    db: Db,
    line: OnceLock<mpsc::Sender<Search>>,
    dropped: AtomicU64,
}

impl SearchLog {
    pub fn new(db: Db) -> SearchLog {
        SearchLog {
            db,
            line: OnceLock::new(),
            dropped: AtomicU64::new(0),
        }
    }

    /// Queues a search for the log (the writer starts with the first one).
    pub fn record(&self, search: Search) {
        let line = self.line.get_or_init(|| {
            let (tx, rx) = mpsc::channel(WAITING);
            tokio::spawn(write(self.db.clone(), rx));
            tx
        });
        if line.try_send(search).is_err() {
            let n = self.dropped.fetch_add(1, Ordering::Relaxed) + 1;
            if n.is_power_of_two() {
                tracing::warn!(dropped = n, "the search log is behind: searches not logged");
            }
        }
    }
}

async fn write(db: Db, mut rx: mpsc::Receiver<Search>) {
    let mut batch = Vec::with_capacity(BATCH);
    while let Some(first) = rx.recv().await {
        batch.push(first);
        let deadline = tokio::time::Instant::now() + WINDOW;
        while batch.len() < BATCH {
            match tokio::time::timeout_at(deadline, rx.recv()).await {
                Ok(Some(s)) => batch.push(s),
                Ok(None) | Err(_) => break,
            }
        }
        if let Err(e) = store::search_log::record_all(&db, &batch).await {
            tracing::warn!(error = %e, searches = batch.len(), "could not log searches");
        }
        batch.clear();
    }
}
