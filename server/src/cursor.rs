//! How far a projection (the search index, the RDF store) has applied the
//! outbox: an id in a file beside the projection's data, written only after
//! the changes up to it are durable there, and replaced atomically.

use std::path::PathBuf;

pub struct Cursor {
    path: PathBuf,
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
}
