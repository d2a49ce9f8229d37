//! The HTTP application end to end in-process: the real router from
//! `server::http::app`, a real SQLite database in a temp folder, requests sent
//! with `oneshot` and a small cookie jar standing in for the browser.

mod account_life;
mod accounts;
mod admin_harvest;
mod contribute;
mod directory;
mod discussions;
mod learning;
mod library;
mod linked;
mod mail;
mod oai;
mod page_cache;
mod pages;
mod partners;
mod protocol;
mod provider_linked;
mod providers;
mod providers_review;
mod search;
mod support;
mod topics;
mod uploads;

// As the server does: SPARQL queries are held to sparql.max_memory_mb.
#[global_allocator]
static ALLOCATOR: linked_data::memory::MeteredAllocator = linked_data::memory::MeteredAllocator;
