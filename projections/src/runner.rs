//! One way to keep a projection current, whatever it projects into: read the
//! outbox after the projection's cursor in batches, apply each batch, move
//! the cursor only once the batch is durable there; catch up when poked and
//! every few seconds (other app nodes write to the outbox too); and never let
//! a catch-up run beside another one or beside a rebuild.

use std::future::Future;
use std::ops::Deref;
use std::path::PathBuf;
use std::sync::Arc;
use std::time::Duration;

use anyhow::Context;
use store::{Db, outbox};
use tokio::sync::{Mutex, Notify};

use crate::cursor::{Batch, Cursor};

/// Something kept as a function of SQL (and the content folder): the search
/// index, the RDF store.
pub trait Projection: Send + Sync + 'static {
    /// What it is, for the logs ("search index").
    const NAME: &'static str;

    /// Applies one batch of changes, each entity once, durably: the cursor
    /// moves past the batch as soon as this returns.
    fn apply(&self, batch: Batch) -> impl Future<Output = anyhow::Result<()>> + Send;

    /// Writes the whole projection again from SQL and the courses being
    /// served, telling `progress(done, total)` as it goes; returns how many
    /// things (documents, graphs) it wrote.
    fn rebuild(
        &self,
        progress: &(dyn Fn(usize, usize) + Sync),
    ) -> impl Future<Output = anyhow::Result<usize>> + Send;

    /// Writes the courses being served again (after a content reload);
    /// returns how many things it wrote.
    fn courses_changed(&self) -> impl Future<Output = anyhow::Result<usize>> + Send;

    /// Called after a catch-up that applied changes.
    fn caught_up(&self) {}
}

/// Told of each applied batch (see [`Runner::on_applied`]).
type Listener = Box<dyn Fn(&Batch) + Send + Sync>;

/// Drives one [`Projection`]: catch-ups, the background task, and the lock
/// that rebuilds and content reloads take. Reads as the projection itself
/// (it dereferences to it).
pub struct Runner<P> {
    projection: P,
    db: Db,
    cursor: Cursor,
    wake: Notify,
    /// One catch-up, rebuild or reload at a time.
    running: Mutex<()>,
    /// Told of each batch once it is applied.
    applied: std::sync::OnceLock<Listener>,
}

impl<P: Projection> Runner<P> {
    /// Runs `projection` from `db`'s outbox, its cursor in file `cursor`.
    pub fn start(db: Db, projection: P, cursor: PathBuf) -> Self {
        Self {
            projection,
            db,
            cursor: Cursor::new(cursor),
            wake: Notify::new(),
            running: Mutex::new(()),
            applied: std::sync::OnceLock::new(),
        }
    }

    /// Applies every change recorded since the last one applied; returns how many.
    pub async fn catch_up(&self) -> anyhow::Result<usize> {
        let _one = self.running.lock().await;
        let mut applied = 0;
        while let Some(batch) = self.cursor.next_batch(&self.db).await? {
            let (last, len) = (batch.last, batch.len);
            let told = self.applied.get().map(|tell| (tell, batch.clone()));
            self.projection.apply(batch).await?;
            self.cursor.save(last)?;
            if let Some((tell, batch)) = told {
                tell(&batch);
            }
            applied += len;
        }
        if applied > 0 {
            self.projection.caught_up();
        }
        Ok(applied)
    }

    /// Empties the projection and fills it again ([`Projection::rebuild`]);
    /// returns what it wrote. No catch-up runs meanwhile, and the cursor then
    /// moves to where the outbox stood before the rebuild began, so that
    /// changes made during it are applied again afterwards rather than lost.
    pub async fn rebuild(&self) -> anyhow::Result<usize> {
        self.rebuild_with(&|_, _| {}).await
    }

    /// [`rebuild`](Self::rebuild), telling `progress(done, total)` as it goes.
    pub async fn rebuild_with(
        &self,
        progress: &(dyn Fn(usize, usize) + Sync),
    ) -> anyhow::Result<usize> {
        let _one = self.running.lock().await;
        // Read first: changes made during the rebuild are applied again later.
        let last = outbox::last_id(&self.db).await?;
        let written = self.projection.rebuild(progress).await?;
        self.cursor
            .save(last)
            .with_context(|| format!("cannot save the cursor of the {}", P::NAME))?;
        Ok(written)
    }

    /// Writes the courses being served again, between catch-ups.
    pub async fn index_courses(&self) -> anyhow::Result<usize> {
        let _one = self.running.lock().await;
        let written = self.projection.courses_changed().await?;
        if let Some(tell) = self.applied.get() {
            tell(&Batch {
                courses: true,
                ..Batch::default()
            });
        }
        Ok(written)
    }

    /// Calls `tell` with each batch of changes once it is applied (whatever
    /// shows the same data, a page cache, then drops what it changed: never
    /// older than the projection). One listener; a second is ignored.
    pub fn on_applied(&self, tell: impl Fn(&Batch) + Send + Sync + 'static) {
        let _ = self.applied.set(Box::new(tell));
    }

    /// Asks the background task to catch up now.
    pub fn poke(&self) {
        self.wake.notify_one();
    }

    /// Catches up when poked and every few seconds.
    pub fn spawn(self: Arc<Self>) -> tokio::task::JoinHandle<()> {
        tokio::spawn(async move {
            loop {
                if let Err(e) = self.catch_up().await {
                    tracing::error!(error = format!("{e:#}"), "{} catch-up failed", P::NAME);
                }
                tokio::select! {
                    _ = self.wake.notified() => {},
                    _ = tokio::time::sleep(Duration::from_secs(5)) => {},
                }
            }
        })
    }
}

impl<P> Deref for Runner<P> {
    type Target = P;

    fn deref(&self) -> &P {
        &self.projection
    }
}
