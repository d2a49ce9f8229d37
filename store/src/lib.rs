//! The SQL source of truth for everything people write in Archipel.
//!
//! One code path serves SQLite (the embedded default) and PostgreSQL: queries use
//! sqlx's `Any` driver with `$N` placeholders, and each backend has its own
//! migration folder where the DDL differs. Times are stored as RFC 3339 text.

pub mod authz;
pub mod concepts;
mod db;
mod error;
pub mod learning;
pub mod library;
pub mod organisations;
pub mod outbox;
pub mod password;
pub mod sessions;
pub mod users;
pub mod validate;

pub use db::{Backend, Db, redact};
pub use error::{FieldError, StoreError};

/// The current time as stored in the database (RFC 3339, UTC).
pub(crate) fn now() -> String {
    time::OffsetDateTime::now_utc()
        .format(&time::format_description::well_known::Rfc3339)
        .expect("formatting the current time cannot fail")
}
