//! The SQL source of truth for everything people write in Archipel.
//!
//! One code path serves SQLite (the embedded default) and PostgreSQL: queries use
//! sqlx's `Any` driver with `$N` placeholders, and each backend has its own
//! migration folder where the DDL differs. Times are stored as RFC 3339 text.

pub mod authz;
pub mod concepts;
mod db;
pub mod directory;
pub mod discussions;
mod error;
pub mod export;
pub mod harvest;
pub mod learning;
pub mod library;
pub mod licences;
pub mod mail_queue;
pub mod notifications;
pub mod organisations;
pub mod outbox;
pub mod password;
pub mod search_log;
pub mod sessions;
pub mod tokens;
pub mod users;
pub mod validate;

pub use db::{Backend, Db, redact};
pub use error::{FieldError, StoreError};

/// How times are stored: RFC 3339 in UTC with exactly six fractional digits,
/// so that text order is time order (a variable number of digits would sort
/// `…:05.1Z` after `…:05.12Z`).
const STORED_TIME: &[time::format_description::FormatItem<'static>] = time::macros::format_description!(
    "[year]-[month]-[day]T[hour]:[minute]:[second].[subsecond digits:6]Z"
);

/// The current time as stored in the database.
pub(crate) fn now() -> String {
    format_time(time::OffsetDateTime::now_utc())
}

/// A time as stored in the database (RFC 3339), or a bare date (midnight
/// UTC, as imported records may carry), read back.
pub fn parse_time(s: &str) -> Option<time::OffsetDateTime> {
    use time::format_description::well_known::Rfc3339;
    time::OffsetDateTime::parse(s, &Rfc3339).ok().or_else(|| {
        let date = time::Date::parse(s, time::macros::format_description!("[year]-[month]-[day]"));
        date.ok().map(|d| d.midnight().assume_utc())
    })
}

/// A time as stored in the database (converted to UTC).
pub fn format_time(t: time::OffsetDateTime) -> String {
    t.to_offset(time::UtcOffset::UTC)
        .format(STORED_TIME)
        .expect("formatting a time cannot fail")
}

#[cfg(test)]
mod tests {
    use time::macros::datetime;

    #[test]
    fn stored_times_sort_as_text_in_time_order() {
        let a = super::format_time(datetime!(2026-01-02 03:04:05.1 UTC));
        let b = super::format_time(datetime!(2026-01-02 03:04:05.12 UTC));
        let c = super::format_time(datetime!(2026-01-02 05:04:06 +02:00));
        assert_eq!(
            super::parse_time(&c),
            Some(datetime!(2026-01-02 03:04:06 UTC))
        );
        assert_eq!(
            super::parse_time("2024-05-01"),
            Some(datetime!(2024-05-01 0:00 UTC))
        );
        assert_eq!(super::parse_time("soon"), None);
        assert_eq!(a, "2026-01-02T03:04:05.100000Z");
        assert!(a < b && b < c, "{a} {b} {c}");
        assert_eq!(c, "2026-01-02T03:04:06.000000Z", "converted to UTC");
        assert!(
            time::OffsetDateTime::parse(&a, &time::format_description::well_known::Rfc3339).is_ok()
        );
    }
}
