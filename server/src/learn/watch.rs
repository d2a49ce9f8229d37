//! Content reload for authors (`watch_content`): the content folder is polled
//! for changes; a changed tree is loaded and checked, then served, or its
//! problems are logged and the last valid content stays online.

use std::hash::{DefaultHasher, Hash, Hasher};
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::Duration;

use super::Courses;

/// How often the folder is looked at.
const EVERY: Duration = Duration::from_secs(1);

/// A digest of every file's path, size and modification time under `root`.
pub fn fingerprint(root: &Path) -> u64 {
    fn walk(dir: &Path, h: &mut DefaultHasher) {
        let Ok(entries) = std::fs::read_dir(dir) else {
            return;
        };
        let mut paths: Vec<PathBuf> = entries.filter_map(|e| e.ok().map(|e| e.path())).collect();
        paths.sort();
        for p in paths {
            let Ok(meta) = std::fs::metadata(&p) else {
                continue;
            };
            p.hash(h);
            if meta.is_dir() {
                walk(&p, h);
            } else {
                meta.len().hash(h);
                meta.modified().ok().hash(h);
            }
        }
    }
    let mut h = DefaultHasher::new();
    walk(root, &mut h);
    h.finish()
}

/// Reloads `courses` from `root` whenever its files change.
pub fn spawn(courses: Arc<Courses>, root: PathBuf) -> tokio::task::JoinHandle<()> {
    tokio::spawn(async move {
        let mut last = fingerprint(&root);
        let mut every = tokio::time::interval(EVERY);
        loop {
            every.tick().await;
            let r = root.clone();
            let Ok(now) = tokio::task::spawn_blocking(move || fingerprint(&r)).await else {
                continue;
            };
            if now == last {
                continue;
            }
            last = now;
            let r = root.clone();
            match tokio::task::spawn_blocking(move || courses::load(&r)).await {
                Ok(Ok(library)) => {
                    courses.replace(&library);
                    tracing::info!(courses = library.courses.len(), "content reloaded");
                }
                Ok(Err(report)) => {
                    tracing::warn!(
                        "content changed but is invalid; still serving the previous version\n{report}"
                    );
                }
                Err(e) => tracing::warn!(error = %e, "content reload failed"),
            }
        }
    })
}
