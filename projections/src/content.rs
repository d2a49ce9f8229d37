//! Content reload for authors (`watch_content`): the content folder is polled
//! for changes; a changed tree is loaded and checked, then served, or its
//! problems are logged and the last valid content stays online.

use std::hash::{DefaultHasher, Hash, Hasher};
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::Duration;

use courses::catalogue::Courses;

use crate::rdf::RdfProjection;
use crate::search::Indexer;

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

/// Makes the accounts each course's front matter names (`author_accounts`)
/// its authors; an address no account uses is reported and skipped.
pub async fn sync_authors(db: &store::Db, library: &courses::Library) -> anyhow::Result<()> {
    for course in &library.courses {
        let unknown = store::discussions::moderation::sync_content_authors(
            db,
            &course.slug,
            &course.front.author_accounts,
        )
        .await?;
        for address in unknown {
            tracing::warn!(
                course = course.slug,
                address,
                "a course names an author account that does not exist on this instance"
            );
        }
    }
    Ok(())
}

/// Reloads `courses` from `root` whenever its files change.
pub fn spawn(
    courses: Arc<Courses>,
    root: PathBuf,
    indexer: Option<Arc<Indexer>>,
    rdf: Option<Arc<RdfProjection>>,
    db: Option<store::Db>,
) -> tokio::task::JoinHandle<()> {
    // Taken now, not when the task first runs, so an edit made meanwhile counts.
    let mut last = fingerprint(&root);
    tokio::spawn(async move {
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
                    if let Some(db) = &db
                        && let Err(e) = sync_authors(db, &library).await
                    {
                        tracing::warn!(
                            error = format!("{e:#}"),
                            "could not update the courses' authors"
                        );
                    }
                    if let Some(indexer) = &indexer
                        && let Err(e) = indexer.index_courses().await
                    {
                        tracing::warn!(
                            error = format!("{e:#}"),
                            "could not index the reloaded courses"
                        );
                    }
                    if let Some(rdf) = &rdf
                        && let Err(e) = rdf.index_courses().await
                    {
                        tracing::warn!(
                            error = format!("{e:#}"),
                            "could not publish the reloaded courses as RDF"
                        );
                    }
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

#[cfg(test)]
mod tests {
    use super::*;

    fn copy_tree(from: &Path, to: &Path) {
        std::fs::create_dir_all(to).unwrap();
        for entry in std::fs::read_dir(from).unwrap() {
            let entry = entry.unwrap();
            let target = to.join(entry.file_name());
            if entry.file_type().unwrap().is_dir() {
                copy_tree(&entry.path(), &target);
            } else {
                std::fs::copy(entry.path(), &target).unwrap();
            }
        }
    }

    fn title(courses: &Courses) -> String {
        courses.get().courses[0].text("fr").1.0.clone()
    }

    async fn until(what: &str, mut done: impl FnMut() -> bool) {
        for _ in 0..100 {
            if done() {
                return;
            }
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
        panic!("timed out waiting for {what}");
    }

    #[tokio::test]
    async fn edits_are_served_and_invalid_edits_are_not() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path().join("content");
        let manifest = PathBuf::from(std::env::var_os("CARGO_MANIFEST_DIR").unwrap());
        copy_tree(&manifest.join("../courses/tests/fixtures/i18n"), &root);
        let courses = Arc::new(Courses::new(&root, &dir.path().join("media")));
        courses.replace(&courses::load(&root).unwrap());
        assert_eq!(title(&courses), "Cours d'exemple");
        let task = spawn(courses.clone(), root.clone(), None, None, None);

        let index = root.join("courses/sample/_index.md");
        let text = std::fs::read_to_string(&index).unwrap();
        std::fs::write(&index, text.replace("Cours d'exemple", "Cours modifié")).unwrap();
        until("the edit", || title(&courses) == "Cours modifié").await;

        // A broken edit keeps the last valid content online.
        std::fs::write(&index, "+++\ntitle = \"no end").unwrap();
        tokio::time::sleep(Duration::from_millis(2500)).await;
        assert_eq!(title(&courses), "Cours modifié");
        task.abort();
    }
}
