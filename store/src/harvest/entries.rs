//! Library entries mapped from what a harvest source gave: one per described
//! thing, keyed by the source and the thing's IRI at the source (its
//! original URI), with a title and description per language.
//!
//! A successful run replaces a source's entries as a whole
//! ([`replace_entries`]): things the source no longer describes go, the
//! others are updated in place and keep their id (their page address).
//! Every replacement, and the removal of a source, records an outbox change
//! for the source ([`OUTBOX_ENTITY`]) in the same transaction, so that the
//! search index drops and re-adds the source's documents.

use std::collections::{BTreeMap, BTreeSet};

use sqlx::Row;
use sqlx::any::AnyRow;

use crate::error::{Result, StoreError};
use crate::{Db, now};

/// The outbox entity of a source's entries; its id is the source's id.
pub const OUTBOX_ENTITY: crate::outbox::Entity = crate::outbox::Entity::HarvestSource;

/// Characters at most in an entry's title (longer ones are refused by the
/// mapping, not cut).
pub const ENTRY_TITLE_MAX_CHARS: usize = 500;
/// Characters at most in an entry's description (longer ones are cut).
pub const ENTRY_DESCRIPTION_MAX_CHARS: usize = 10_000;
/// Keywords, creators or languages kept per entry.
pub const ENTRY_LIST_MAX: usize = 50;
/// Characters at most in a keyword, creator, URI or date.
pub const ENTRY_VALUE_MAX_CHARS: usize = 500;

/// A title and description in one language.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EntryText {
    /// A lower-case language tag, or `und` when the source said none.
    pub lang: String,
    pub title: String,
    /// Plain text; may be empty.
    pub description: String,
}

/// An entry as the mapping makes it from a source's graph.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct NewEntry {
    /// The thing's IRI at the source.
    pub original_uri: String,
    /// At least one; the first is the entry's main language.
    pub texts: Vec<EntryText>,
    /// Language codes of the resource itself (what it is written in).
    pub languages: Vec<String>,
    /// A licence IRI.
    pub licence: Option<String>,
    /// A landing page, when different from the original URI.
    pub url: Option<String>,
    /// A library kind code ([`crate::library::Kind`]) when the source's type maps.
    pub kind: Option<String>,
    pub keywords: Vec<String>,
    pub creators: Vec<String>,
    /// Dates as the source wrote them (ISO 8601 date or date-time).
    pub issued: Option<String>,
    pub modified: Option<String>,
}

/// A stored entry.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Entry {
    pub id: i64,
    pub source_id: i64,
    pub original_uri: String,
    pub texts: Vec<EntryText>,
    pub languages: Vec<String>,
    pub licence: Option<String>,
    pub url: Option<String>,
    pub kind: Option<String>,
    pub keywords: Vec<String>,
    pub creators: Vec<String>,
    pub issued: Option<String>,
    pub modified: Option<String>,
    /// When the last run that gave it ended (stored time).
    pub harvested_at: String,
}

impl Entry {
    /// The text in `lang`, else the first one (the main language).
    pub fn text(&self, lang: &str) -> Option<&EntryText> {
        self.texts
            .iter()
            .find(|t| t.lang == lang || t.lang.split('-').next() == Some(lang))
            .or_else(|| self.texts.first())
    }
}

/// What [`replace_entries`] did.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct ReplaceCounts {
    pub added: usize,
    pub updated: usize,
    pub removed: usize,
}

const COLUMNS: &str = "id, source_id, original_uri, url, kind, licence, languages, keywords, \
     creators, issued, modified, harvested_at";

fn join(values: &[String]) -> String {
    values
        .iter()
        .map(|v| v.replace(['\n', '\r'], " "))
        .collect::<Vec<_>>()
        .join("\n")
}

fn split(text: &str) -> Vec<String> {
    text.lines()
        .filter(|l| !l.is_empty())
        .map(str::to_string)
        .collect()
}

fn entry(row: &AnyRow, texts: Vec<EntryText>) -> Result<Entry> {
    let list = |name: &str| -> Result<Vec<String>> { Ok(split(&row.try_get::<String, _>(name)?)) };
    Ok(Entry {
        id: row.try_get("id")?,
        source_id: row.try_get("source_id")?,
        original_uri: row.try_get("original_uri")?,
        texts,
        languages: list("languages")?,
        licence: row.try_get("licence")?,
        url: row.try_get("url")?,
        kind: row.try_get("kind")?,
        keywords: list("keywords")?,
        creators: list("creators")?,
        issued: row.try_get("issued")?,
        modified: row.try_get("modified")?,
        harvested_at: row.try_get("harvested_at")?,
    })
}

/// Makes `entries` the source's entries, in one transaction: the source's
/// entries whose original URI is not among them are removed, the others
/// updated (keeping their id) or added. Two entries with the same original
/// URI: the last one counts. Records the change in the outbox.
/// [`StoreError::NotFound`] when the source is unknown.
pub async fn replace_entries(
    db: &Db,
    source_id: i64,
    entries: &[NewEntry],
) -> Result<ReplaceCounts> {
    super::get(db, source_id).await?;
    let mut wanted: BTreeMap<&str, &NewEntry> = BTreeMap::new();
    for e in entries {
        wanted.insert(e.original_uri.as_str(), e);
    }
    let mut tx = db.pool().begin().await?;
    let rows = sqlx::query("SELECT id, original_uri FROM harvested_entries WHERE source_id = $1")
        .bind(source_id)
        .fetch_all(&mut *tx)
        .await?;
    let mut existing = BTreeSet::new();
    let mut counts = ReplaceCounts::default();
    for row in &rows {
        let uri: String = row.try_get("original_uri")?;
        if wanted.contains_key(uri.as_str()) {
            existing.insert(uri);
        } else {
            let id: i64 = row.try_get("id")?;
            sqlx::query("DELETE FROM harvested_entries WHERE id = $1")
                .bind(id)
                .execute(&mut *tx)
                .await?;
            counts.removed += 1;
        }
    }
    let at = now();
    for (uri, e) in &wanted {
        let row = sqlx::query(
            "INSERT INTO harvested_entries (source_id, original_uri, url, kind, licence, \
             languages, keywords, creators, issued, modified, harvested_at) \
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11) \
             ON CONFLICT (source_id, original_uri) DO UPDATE SET url = excluded.url, \
             kind = excluded.kind, licence = excluded.licence, languages = excluded.languages, \
             keywords = excluded.keywords, creators = excluded.creators, \
             issued = excluded.issued, modified = excluded.modified, \
             harvested_at = excluded.harvested_at RETURNING id",
        )
        .bind(source_id)
        .bind(uri.to_string())
        .bind(e.url.clone())
        .bind(e.kind.clone())
        .bind(e.licence.clone())
        .bind(join(&e.languages))
        .bind(join(&e.keywords))
        .bind(join(&e.creators))
        .bind(e.issued.clone())
        .bind(e.modified.clone())
        .bind(at.clone())
        .fetch_one(&mut *tx)
        .await?;
        let id: i64 = row.try_get("id")?;
        sqlx::query("DELETE FROM harvested_entry_texts WHERE entry_id = $1")
            .bind(id)
            .execute(&mut *tx)
            .await?;
        let mut seen = BTreeSet::new();
        for t in &e.texts {
            if !seen.insert(t.lang.clone()) {
                continue;
            }
            sqlx::query(
                "INSERT INTO harvested_entry_texts (entry_id, lang, title, description, position) \
                 VALUES ($1, $2, $3, $4, $5)",
            )
            .bind(id)
            .bind(t.lang.clone())
            .bind(t.title.clone())
            .bind(t.description.clone())
            .bind(seen.len() as i64)
            .execute(&mut *tx)
            .await?;
        }
        if existing.contains(*uri) {
            counts.updated += 1;
        } else {
            counts.added += 1;
        }
    }
    crate::outbox::record(&mut *tx, OUTBOX_ENTITY, &source_id.to_string()).await?;
    tx.commit().await?;
    Ok(counts)
}

/// The texts of the entries `ids`, by entry, in their stored order.
async fn texts_of(db: &Db, ids: &[i64]) -> Result<BTreeMap<i64, Vec<EntryText>>> {
    let mut out: BTreeMap<i64, Vec<EntryText>> = BTreeMap::new();
    for chunk in ids.chunks(500) {
        let marks: Vec<String> = (1..=chunk.len()).map(|i| format!("${i}")).collect();
        let sql = format!(
            "SELECT entry_id, lang, title, description FROM harvested_entry_texts \
             WHERE entry_id IN ({}) ORDER BY entry_id, position",
            marks.join(", ")
        );
        let mut q = sqlx::query(sqlx::AssertSqlSafe(sql));
        for id in chunk {
            q = q.bind(*id);
        }
        for row in q.fetch_all(db.pool()).await? {
            out.entry(row.try_get("entry_id")?)
                .or_default()
                .push(EntryText {
                    lang: row.try_get("lang")?,
                    title: row.try_get("title")?,
                    description: row.try_get("description")?,
                });
        }
    }
    Ok(out)
}

async fn with_texts(db: &Db, rows: Vec<AnyRow>) -> Result<Vec<Entry>> {
    let ids = rows
        .iter()
        .map(|r| r.try_get("id"))
        .collect::<std::result::Result<Vec<i64>, _>>()?;
    let mut texts = texts_of(db, &ids).await?;
    rows.iter()
        .zip(&ids)
        .map(|(row, id)| entry(row, texts.remove(id).unwrap_or_default()))
        .collect()
}

/// A source's entries, in the order of their original URIs.
pub async fn entries(db: &Db, source_id: i64) -> Result<Vec<Entry>> {
    let sql = format!(
        "SELECT {COLUMNS} FROM harvested_entries WHERE source_id = $1 ORDER BY original_uri"
    );
    let rows = sqlx::query(sqlx::AssertSqlSafe(sql))
        .bind(source_id)
        .fetch_all(db.pool())
        .await?;
    with_texts(db, rows).await
}

/// One entry, or [`StoreError::NotFound`].
pub async fn get_entry(db: &Db, id: i64) -> Result<Entry> {
    let sql = format!("SELECT {COLUMNS} FROM harvested_entries WHERE id = $1");
    let row = sqlx::query(sqlx::AssertSqlSafe(sql))
        .bind(id)
        .fetch_optional(db.pool())
        .await?
        .ok_or(StoreError::NotFound)?;
    with_texts(db, vec![row])
        .await?
        .pop()
        .ok_or(StoreError::NotFound)
}

/// How many entries a source has.
pub async fn count_entries(db: &Db, source_id: i64) -> Result<i64> {
    let row = sqlx::query("SELECT COUNT(*) AS n FROM harvested_entries WHERE source_id = $1")
        .bind(source_id)
        .fetch_one(db.pool())
        .await?;
    Ok(row.try_get("n")?)
}
