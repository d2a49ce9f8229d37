//! Everything Archipel derives from SQL and the content folder, and keeps
//! current from the outbox: the search index ([`search`]), the RDF store
//! ([`rdf`]) and its dumps ([`dumps`]). Each is a [`Projection`] driven by
//! one [`Runner`]: a cursor per node beside the projection's data, batches
//! applied in order, a background task that catches up when poked.
//! A content reload reaches both ([`content`]).

pub mod blocking;
pub mod content;
pub mod cursor;
pub mod dumps;
pub mod rdf;
pub mod runner;
pub mod search;

pub use rdf::RdfProjection;
pub use runner::{Projection, Runner};
pub use search::Indexer;
