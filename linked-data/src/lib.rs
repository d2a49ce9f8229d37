//! Archipel as linked data: every course, resource, topic and partner as
//! RDF under stable URIs ([`uris`]), described with schema.org, SKOS, DCAT
//! and VoID ([`vocab`], [`map`]), written in Turtle, JSON-LD, RDF/XML and
//! N-Triples ([`format`], [`jsonld`]) and kept in an RDF store that answers
//! SPARQL within limits ([`store`]: embedded, or on a SPARQL server through
//! [`remote`]). No HTTP server here; the remote store is an HTTP client.

pub mod catalogue;
pub mod examples;
pub mod format;
pub mod hints;
pub mod jsonld;
pub mod map;
pub mod memory;
pub mod plan;
pub mod remote;
pub mod skos;
pub mod store;
pub mod uris;
pub mod vocab;

pub use format::{Format, Representation, negotiate};
pub use oxigraph::model::Graph;
pub use remote::{Remote, RemoteConfig};
pub use store::{
    Answer, DumpFormat, Embedded, Limits, QueryError, QueryRequest, RdfStore, StoreError,
};
pub use uris::Uris;

// The store tests' fixtures name the crate as their users do.
#[cfg(test)]
extern crate self as linked_data;
#[cfg(test)]
mod tests;
