//! The open data page: the ways in and the query the reader ran; `model`
//! is what the page shows.

pub mod model;
mod query;

pub use model::*;
pub(crate) use query::Data;
