//! Blocking work called from async code.

use tokio::runtime::{Handle, RuntimeFlavor};

/// Runs `work`, which blocks (an RDF store call: a RocksDB read or write, or
/// a network round trip to a remote SPARQL server), from async code. On the
/// server's multi-threaded runtime the worker thread first hands its other
/// tasks to the others, so pages keep being served; on a single-threaded
/// runtime (tests) or outside any runtime it simply runs.
pub fn blocking<T>(work: impl FnOnce() -> T) -> T {
    match Handle::try_current() {
        Ok(h) if h.runtime_flavor() == RuntimeFlavor::MultiThread => {
            tokio::task::block_in_place(work)
        }
        _ => work(),
    }
}
