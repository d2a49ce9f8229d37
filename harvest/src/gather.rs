//! What every kind of harvest shares: the graphs a source's data and its
//! provenance are kept in, what a kind gathers, the run's report and its
//! problems, and the harvester's handle on the database and the store.

use std::sync::Arc;

use linked_data::{Graph, RdfStore};
use serde::Serialize;
use store::Db;
use store::harvest::{Source, SourceKind};

use crate::fetch;
use crate::map::Rejected;
use crate::settings::Settings;

/// The named graph holding what a source gave.
pub fn graph_name(public_url: &str, source_id: i64) -> String {
    format!(
        "{}/harvest/sources/{source_id}",
        public_url.trim_end_matches('/')
    )
}

/// The named graph holding the provenance of [`graph_name`].
pub fn provenance_graph_name(public_url: &str, source_id: i64) -> String {
    format!("{}/provenance", graph_name(public_url, source_id))
}

/// The address fetched for a source: the URL itself, or an Archipel
/// instance's N-Quads dump.
pub fn fetch_url(source: &Source) -> String {
    match source.kind {
        SourceKind::Archipel => format!(
            "{}/data/dumps/archipel.nq.gz",
            source.url.trim_end_matches('/')
        ),
        _ => source.url.clone(),
    }
}

/// What a run's report says (stored as JSON with the run).
#[derive(Debug, Clone, Default, Serialize)]
pub struct Report {
    /// The address that answered, after redirects.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub fetched: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub format: Option<String>,
    pub triples: usize,
    /// Library entries the run left (mapped from the graph, see [`map`]).
    pub entries: usize,
    /// Described things that could not become entries, each with a stable
    /// code and a sentence: the first [`REJECTED_IN_REPORT`] of them (the
    /// run's `rejected` count says how many in all).
    pub rejected: Vec<Rejected>,
    /// Why the run failed: a stable code and a sentence.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub error: Option<Problem>,
}

#[derive(Debug, Clone, Serialize)]
pub struct Problem {
    pub code: &'static str,
    pub message: String,
}

impl Problem {
    pub(crate) fn new(code: &'static str, message: impl std::fmt::Display) -> Self {
        Self {
            code,
            message: message.to_string(),
        }
    }
}

/// Everything a run needs besides SQL.
#[derive(Clone)]
pub struct Harvester {
    pub db: Db,
    pub store: Arc<dyn RdfStore>,
    pub public_url: String,
    pub settings: Settings,
}

/// What one kind's harvest gave.
pub(crate) enum Gathered {
    /// Nothing changed since the previous run; the validators to keep.
    Unchanged(fetch::Validators),
    /// The source's complete new graph.
    New(Box<Harvested>),
}

/// A source's new graph and how it was obtained.
pub(crate) struct Harvested {
    pub(crate) graph: Graph,
    /// The address that answered (the first page's, for paged kinds).
    pub(crate) fetched: String,
    /// The format read: an RDF format's name, or `oai_dc`.
    pub(crate) format: String,
    /// Kept with the run for the next, incremental one.
    pub(crate) validators: fetch::Validators,
}

/// Rejected things listed in a run's report at most.
pub const REJECTED_IN_REPORT: usize = 1000;
