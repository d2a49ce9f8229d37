//! View models built from the domain. A page handler loads and authorises;
//! what the page then shows (cards, filter chips, facet trees, a profile in
//! words, a quiz as questions, file addresses) is computed here from store
//! and course data in the reader's language, without HTTP, and handed to the
//! `app` components as the view structs they render.

pub mod data;
pub mod directory;
pub mod discussion;
pub mod files;
pub mod harvest;
pub mod library;
pub mod providers;
pub mod quiz;
pub mod search;
