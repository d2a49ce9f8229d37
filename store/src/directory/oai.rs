//! What the OAI-PMH provider reads of the directory: every provider whose
//! profile was ever published, live (published now) or deleted (taken off
//! the directory), with its datestamp, in a stable order for paging.
//!
//! A record's datestamp is the provider's newest change in the outbox (an
//! approval or an unpublishing: the only writes that change what the public
//! sees), else its last review. Drafts never published have no record.
//! Times are compared as the stored RFC 3339 text.

use sqlx::Row;

use super::Provider;
use super::read::{COLUMNS, from_rows};
use crate::Db;
use crate::db::{Bind, bound as query};
use crate::error::Result;

/// One record: the provider, whether it is deleted, and its datestamp (as
/// stored: RFC 3339 with microseconds).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Record {
    pub provider: Provider,
    pub deleted: bool,
    pub datestamp: String,
}

/// The datestamp of a row of `providers p`.
const DATESTAMP: &str = "COALESCE((SELECT MAX(o.created_at) FROM outbox o \
    WHERE o.entity = 'provider' AND o.entity_id = p.slug), p.reviewed_at, p.published_at)";

/// The records between `from` and `until` (stored times, both included)
/// after `after` (datestamp, id), as SQL with its text and number binds.
fn select(
    what: &str,
    from: Option<&str>,
    until: Option<&str>,
    after: Option<&(String, i64)>,
) -> (String, Vec<Bind>) {
    let mut sql = format!(
        "SELECT {what} FROM (SELECT {COLUMNS}, {DATESTAMP} AS oai_datestamp \
         FROM providers p WHERE p.published_at IS NOT NULL) x WHERE 1 = 1 "
    );
    let mut binds = Vec::new();
    let mut param = |b: Bind| {
        binds.push(b);
        format!("${}", binds.len())
    };
    if let Some(from) = from {
        let p = param(Bind::Text(from.to_string()));
        sql.push_str(&format!("AND x.oai_datestamp >= {p} "));
    }
    if let Some(until) = until {
        let p = param(Bind::Text(until.to_string()));
        sql.push_str(&format!("AND x.oai_datestamp <= {p} "));
    }
    if let Some((stamp, id)) = after {
        let a = param(Bind::Text(stamp.clone()));
        let b = param(Bind::Int(*id));
        sql.push_str(&format!(
            "AND (x.oai_datestamp > {a} OR (x.oai_datestamp = {a} AND x.id > {b})) "
        ));
    }
    (sql, binds)
}

/// The records of `rows`, their providers read all at once.
async fn records(db: &Db, rows: &[sqlx::any::AnyRow]) -> Result<Vec<Record>> {
    let providers = from_rows(db, rows).await?;
    rows.iter()
        .zip(providers)
        .map(|(row, provider)| {
            Ok(Record {
                deleted: provider.published.is_none(),
                datestamp: row.try_get("oai_datestamp")?,
                provider,
            })
        })
        .collect()
}

/// Up to `limit` records with datestamps between `from` and `until` after
/// `after` (datestamp, id), in datestamp then id order.
pub async fn list(
    db: &Db,
    from: Option<&str>,
    until: Option<&str>,
    after: Option<&(String, i64)>,
    limit: i64,
) -> Result<Vec<Record>> {
    let (mut sql, mut binds) = select("x.*", from, until, after);
    binds.push(Bind::Int(limit));
    sql.push_str(&format!(
        "ORDER BY x.oai_datestamp, x.id LIMIT ${}",
        binds.len()
    ));
    let rows = query(sql, binds).fetch_all(db.pool()).await?;
    records(db, &rows).await
}

/// How many records have datestamps between `from` and `until`.
pub async fn count(db: &Db, from: Option<&str>, until: Option<&str>) -> Result<i64> {
    let (sql, binds) = select("COUNT(*) AS n", from, until, None);
    let row = query(sql, binds).fetch_one(db.pool()).await?;
    Ok(row.try_get("n")?)
}

/// The record of provider `slug`, if its profile was ever published.
pub async fn get(db: &Db, slug: &str) -> Result<Option<Record>> {
    let (mut sql, mut binds) = select("x.*", None, None, None);
    binds.push(Bind::Text(slug.to_string()));
    sql.push_str(&format!("AND x.slug = ${}", binds.len()));
    let row = query(sql, binds).fetch_optional(db.pool()).await?;
    Ok(records(db, row.as_slice()).await?.pop())
}

/// The oldest datestamp, if there is any record.
pub async fn earliest(db: &Db) -> Result<Option<String>> {
    let (sql, binds) = select("MIN(x.oai_datestamp) AS d", None, None, None);
    let row = query(sql, binds).fetch_one(db.pool()).await?;
    Ok(row.try_get("d")?)
}
