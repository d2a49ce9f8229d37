//! What the OAI-PMH provider reads: every resource that was ever published,
//! live (published now) or deleted (it left: unpublished, withdrawn, or back
//! in review), with its datestamp, in a stable order for paging.
//!
//! A live record's datestamp is its resource's newest change in the outbox
//! (edits, translations, review steps), so that anything that changes what
//! a harvester reads moves it; a deleted record's is when it left
//! (`resources.left_at`, written by the review step itself). Drafts never
//! published have no record. Times are compared as the stored RFC 3339 text
//! (six fractional digits, so text order is time order).

use sqlx::Row;

use super::read::filled;
use super::{COLUMNS, Resource};
use crate::Db;
use crate::db::{Bind, bound as query};
use crate::error::Result;

/// One record: the resource, whether it is deleted, and its datestamp (as
/// stored: RFC 3339 with microseconds).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Record {
    pub resource: Resource,
    pub deleted: bool,
    pub datestamp: String,
}

/// Which records a list holds.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Selection {
    /// Datestamps at or after this stored time.
    pub from: Option<String>,
    /// Datestamps at or before this stored time.
    pub until: Option<String>,
    pub set: Option<SetFilter>,
}

/// The sets records are grouped in.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SetFilter {
    /// Every record (the parent of `partner:…`, `language:…`).
    All,
    /// Records with at least one topic (the parent of `topic:…`).
    AnyTopic,
    /// The partner with this slug.
    Partner(String),
    /// This topic or any topic below it.
    Topic(String),
    /// Readable in this language (original or published translation).
    Language(String),
}

/// The datestamp of a row of `resources r`.
const DATESTAMP: &str = "CASE WHEN r.status = 'published' THEN COALESCE((SELECT MAX(o.created_at) \
    FROM outbox o WHERE o.entity = 'resource' AND o.entity_id = r.uid), r.updated_at) \
    ELSE COALESCE(r.left_at, r.updated_at) END";

/// The SQL of a selection after `after` (datestamp, id), with its binds.
fn select(
    what: &str,
    s: &Selection,
    after: Option<&(String, i64)>,
    tail: &str,
) -> (String, Vec<Bind>) {
    let mut sql = format!(
        "SELECT {what} FROM (SELECT {COLUMNS}, {DATESTAMP} AS oai_datestamp \
         FROM resources r WHERE r.published_at IS NOT NULL) x WHERE 1 = 1 "
    );
    let mut binds = Vec::new();
    let param = |b: Bind, binds: &mut Vec<Bind>| {
        binds.push(b);
        format!("${}", binds.len())
    };
    if let Some(from) = &s.from {
        let p = param(Bind::Text(from.clone()), &mut binds);
        sql.push_str(&format!("AND x.oai_datestamp >= {p} "));
    }
    if let Some(until) = &s.until {
        let p = param(Bind::Text(until.clone()), &mut binds);
        sql.push_str(&format!("AND x.oai_datestamp <= {p} "));
    }
    match &s.set {
        None | Some(SetFilter::All) => {}
        Some(SetFilter::AnyTopic) => {
            sql.push_str("AND x.id IN (SELECT resource_id FROM resource_topics) ");
        }
        Some(SetFilter::Partner(slug)) => {
            let p = param(Bind::Text(slug.clone()), &mut binds);
            sql.push_str(&format!(
                "AND x.organisation_id IN (SELECT id FROM organisations WHERE slug = {p}) "
            ));
        }
        Some(SetFilter::Topic(id)) => {
            let p = param(Bind::Text(id.clone()), &mut binds);
            sql.push_str(&format!(
                "AND x.id IN (SELECT resource_id FROM resource_topics WHERE concept_id IN ( \
                 WITH RECURSIVE below(id) AS (SELECT {p} UNION SELECT c.id FROM concepts c \
                 JOIN below b ON c.broader = b.id) SELECT id FROM below)) "
            ));
        }
        Some(SetFilter::Language(lang)) => {
            let p = param(Bind::Text(lang.clone()), &mut binds);
            sql.push_str(&format!(
                "AND x.id IN (SELECT resource_id FROM resource_texts WHERE lang = {p} \
                 AND (origin = 'original' OR status = 'published')) "
            ));
        }
    }
    if let Some((stamp, id)) = after {
        let a = param(Bind::Text(stamp.clone()), &mut binds);
        let b = param(Bind::Int(*id), &mut binds);
        sql.push_str(&format!(
            "AND (x.oai_datestamp > {a} OR (x.oai_datestamp = {a} AND x.id > {b})) "
        ));
    }
    sql.push_str(tail);
    (sql, binds)
}

/// The records of `rows`: four queries whatever their number (the rows,
/// then the texts, topics and files of them all).
async fn records(db: &Db, rows: &[sqlx::any::AnyRow]) -> Result<Vec<Record>> {
    let resources = filled(db, rows, true).await?;
    rows.iter()
        .zip(resources)
        .map(|(row, mut resource)| {
            let deleted = resource.status != super::Status::Published;
            if deleted {
                resource.files.clear();
            }
            Ok(Record {
                deleted,
                datestamp: row.try_get("oai_datestamp")?,
                resource,
            })
        })
        .collect()
}

/// Up to `limit` records of `s` after `after` (datestamp, id), in
/// datestamp then id order.
pub async fn list(
    db: &Db,
    s: &Selection,
    after: Option<&(String, i64)>,
    limit: i64,
) -> Result<Vec<Record>> {
    let (mut sql, mut binds) = select("x.*", s, after, "");
    binds.push(Bind::Int(limit));
    sql.push_str(&format!(
        "ORDER BY x.oai_datestamp, x.id LIMIT ${}",
        binds.len()
    ));
    let rows = query(sql, binds).fetch_all(db.pool()).await?;
    records(db, &rows).await
}

/// How many records `s` holds.
pub async fn count(db: &Db, s: &Selection) -> Result<i64> {
    let (sql, binds) = select("COUNT(*) AS n", s, None, "");
    let row = query(sql, binds).fetch_one(db.pool()).await?;
    Ok(row.try_get("n")?)
}

/// The record of resource `uid`, if it was ever published.
pub async fn get(db: &Db, uid: &str) -> Result<Option<Record>> {
    let sql = format!(
        "SELECT * FROM (SELECT {COLUMNS}, {DATESTAMP} AS oai_datestamp FROM resources r \
         WHERE r.published_at IS NOT NULL) x WHERE x.uid = $1"
    );
    let row = sqlx::query(sqlx::AssertSqlSafe(sql))
        .bind(uid.to_string())
        .fetch_optional(db.pool())
        .await?;
    match row {
        Some(row) => Ok(records(db, &[row]).await?.pop()),
        None => Ok(None),
    }
}

/// The oldest datestamp, if there is any record.
pub async fn earliest(db: &Db) -> Result<Option<String>> {
    let (sql, binds) = select("MIN(x.oai_datestamp) AS d", &Selection::default(), None, "");
    let row = query(sql, binds).fetch_one(db.pool()).await?;
    Ok(row.try_get("d")?)
}

/// The languages records can be read in, for the `language:…` sets.
pub async fn languages(db: &Db) -> Result<Vec<String>> {
    let rows = sqlx::query(
        "SELECT DISTINCT t.lang FROM resource_texts t JOIN resources r ON r.id = t.resource_id \
         WHERE r.published_at IS NOT NULL AND (t.origin = 'original' OR t.status = 'published') \
         ORDER BY t.lang",
    )
    .fetch_all(db.pool())
    .await?;
    rows.iter()
        .map(|r| Ok(r.try_get("lang")?))
        .collect::<Result<_>>()
}
