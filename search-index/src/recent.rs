//! Results of recent searches, kept until the index changes: a burst of
//! readers asking the same thing (a course announced, a link shared) costs
//! one search. Entries belong to the searcher generation they were computed
//! on; a commit makes a new generation, so nothing stale is ever answered.

use std::sync::{Arc, Mutex};

use lru::LruCache;

use crate::{Request, Results};

/// How many searches are kept.
const KEPT: usize = 1024;

pub(crate) struct Recent {
    kept: Mutex<LruCache<(u64, Request), Arc<Results>>>,
}

impl Recent {
    pub(crate) fn new() -> Recent {
        Recent {
            kept: Mutex::new(LruCache::new(
                std::num::NonZeroUsize::new(KEPT).expect("not zero"),
            )),
        }
    }

    fn kept(&self) -> std::sync::MutexGuard<'_, LruCache<(u64, Request), Arc<Results>>> {
        self.kept.lock().unwrap_or_else(|e| e.into_inner())
    }

    pub(crate) fn get(&self, generation: u64, req: &Request) -> Option<Arc<Results>> {
        // The key owns its request; cloning one is cheaper than a search.
        self.kept().get(&(generation, req.clone())).cloned()
    }

    pub(crate) fn put(&self, generation: u64, req: &Request, results: Arc<Results>) {
        let mut kept = self.kept();
        kept.put((generation, req.clone()), results);
    }
}
