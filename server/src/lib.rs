//! The Archipel server: settings, the HTTP application and operator commands.
//! The `archipel` binary is a thin command-line front over this library, so
//! integration tests drive the same router the server runs.

pub mod admin_socket;
pub mod cli;
pub mod error;
pub mod http;
pub mod page_cache;
pub mod search_log;
pub mod state;
