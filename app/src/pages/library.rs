//! The library: its home and resource pages, the resource editor and the
//! review queues, the topic scheme; `model` is what these pages show.

mod contribute;
pub mod model;
mod resources;
mod topics;

pub(crate) use contribute::{Editor, Queue, Requests};
pub use model::*;
pub(crate) use resources::{Library, ResourcePage, cards};
pub(crate) use topics::Topics;
