//! The `[harvest]` settings: limits on what a source may send, and how
//! often the schedule is checked.

use serde::{Deserialize, Serialize};

/// The limits and schedule of harvesting (`[harvest]` in the settings).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Settings {
    /// Fetch from loopback, private, link-local and other local addresses
    /// (for tests and closed networks only).
    pub allow_private: bool,
    /// Redirects followed at most, each checked like the first address.
    pub max_redirects: u32,
    /// Bytes at most in a fetched body, and again once decompressed.
    pub max_bytes: u64,
    /// Seconds a whole fetch may take.
    pub timeout_s: u64,
    /// Triples at most from one source.
    pub max_triples: usize,
    /// Bytes at most in one literal or IRI.
    pub max_literal_bytes: usize,
    /// Nesting of arrays and objects at most in a JSON-LD document.
    pub max_json_depth: usize,
    /// Minutes between checks for sources due by their interval (`serve`).
    pub check_every_min: u64,
}

impl Default for Settings {
    fn default() -> Self {
        Self {
            allow_private: false,
            max_redirects: 5,
            max_bytes: 50 * 1024 * 1024,
            timeout_s: 60,
            max_triples: 5_000_000,
            max_literal_bytes: 1024 * 1024,
            max_json_depth: 64,
            check_every_min: 5,
        }
    }
}
