//! Harvest sources registered by administrators and the record of each run.
//!
//! Only addresses registered here are ever fetched by the harvester. What a
//! source gave lives in the RDF store (one named graph per source); SQL keeps
//! the source, when it was harvested, how it went and the validators
//! (ETag, Last-Modified) for the next, incremental run.

use sqlx::Row;
use sqlx::any::AnyRow;

use crate::error::{FieldError, Result, StoreError};
use crate::{Db, now, validate};

mod entries;
pub use entries::{
    ENTRY_DESCRIPTION_MAX_CHARS, ENTRY_LIST_MAX, ENTRY_TITLE_MAX_CHARS, ENTRY_VALUE_MAX_CHARS,
    Entry, EntryText, NewEntry, OUTBOX_ENTITY, ReplaceCounts, count_entries, entries, get_entry,
    replace_entries,
};

/// Characters at most in a source's label.
pub const LABEL_MAX_CHARS: usize = 200;
/// Characters at most in a source's address.
pub const URL_MAX_CHARS: usize = 2000;

/// What a source is, which says how it is harvested.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SourceKind {
    /// An RDF file (Turtle, N-Triples, N-Quads, JSON-LD, RDF/XML).
    RdfDump,
    /// Another Archipel instance, by its base address (its dump is fetched).
    Archipel,
    /// An OAI-PMH provider, harvested in `oai_dc`.
    OaiPmh,
    /// Another Archipel instance, by its base address, harvested through
    /// its SPARQL endpoint.
    ArchipelSparql,
}

impl SourceKind {
    pub const ALL: [SourceKind; 4] = [
        Self::RdfDump,
        Self::Archipel,
        Self::OaiPmh,
        Self::ArchipelSparql,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Self::RdfDump => "rdf-dump",
            Self::Archipel => "archipel",
            Self::OaiPmh => "oai-pmh",
            Self::ArchipelSparql => "archipel-sparql",
        }
    }

    pub fn parse(s: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|k| k.as_str() == s)
    }
}

/// How a run ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RunStatus {
    Ok,
    Failed,
    /// The source said nothing changed since the last run (HTTP 304).
    Unchanged,
}

impl RunStatus {
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Ok => "ok",
            Self::Failed => "failed",
            Self::Unchanged => "unchanged",
        }
    }

    pub fn parse(s: &str) -> Option<Self> {
        [Self::Ok, Self::Failed, Self::Unchanged]
            .into_iter()
            .find(|k| k.as_str() == s)
    }
}

/// What an administrator submits to register a source.
#[derive(Debug, Clone, Default)]
pub struct SourceForm {
    /// `rdf-dump`, `archipel`, `oai-pmh` or `archipel-sparql`.
    pub kind: String,
    pub url: String,
    pub label: String,
    /// The organisation credited with the harvested entries.
    pub organisation_id: Option<i64>,
    /// Hours between scheduled runs; 0 means on demand only.
    pub interval_hours: i64,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Source {
    pub id: i64,
    pub kind: SourceKind,
    pub url: String,
    pub label: String,
    pub organisation_id: Option<i64>,
    pub enabled: bool,
    pub interval_hours: i64,
    pub created_at: String,
}

/// One harvest of a source, as it ended.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Run {
    pub id: i64,
    pub source_id: i64,
    pub started_at: String,
    pub finished_at: String,
    pub status: RunStatus,
    pub kept: i64,
    pub rejected: i64,
    /// JSON: what was rejected and why, or why the run failed.
    pub report: String,
    pub etag: Option<String>,
    pub last_modified: Option<String>,
}

/// A run to record (the id and source come from the call).
#[derive(Debug, Clone)]
pub struct NewRun {
    pub started_at: String,
    pub status: RunStatus,
    pub kept: i64,
    pub rejected: i64,
    pub report: String,
    pub etag: Option<String>,
    pub last_modified: Option<String>,
}

/// Whether `url` is an http(s) address with a host, without spaces.
fn url_ok(url: &str) -> bool {
    let Some(rest) = url
        .strip_prefix("https://")
        .or_else(|| url.strip_prefix("http://"))
    else {
        return false;
    };
    let host = rest.split(['/', '?', '#']).next().unwrap_or_default();
    !host.is_empty()
        && !host.contains('@')
        && !url.chars().any(|c| c.is_whitespace() || c.is_control())
}

fn check(form: &SourceForm) -> Result<SourceKind> {
    let mut errors = Vec::new();
    let kind = SourceKind::parse(form.kind.trim());
    if kind.is_none() {
        errors.push(FieldError::new("kind", "kind-unknown"));
    }
    let url = form.url.trim();
    if url.is_empty() {
        errors.push(FieldError::new("url", "required"));
    } else if url.chars().count() > URL_MAX_CHARS {
        errors.push(FieldError::new("url", "too-long"));
    } else if !url_ok(url) {
        errors.push(FieldError::new("url", "url-invalid"));
    }
    validate::line("label", &form.label, LABEL_MAX_CHARS, &mut errors);
    if form.interval_hours < 0 {
        errors.push(FieldError::new("interval_hours", "out-of-range"));
    }
    match kind {
        Some(kind) if errors.is_empty() => Ok(kind),
        _ => Err(StoreError::Invalid(errors)),
    }
}

/// Registers a source (enabled).
pub async fn add(db: &Db, form: &SourceForm) -> Result<Source> {
    let kind = check(form)?;
    if let Some(org) = form.organisation_id {
        let found = sqlx::query("SELECT id FROM organisations WHERE id = $1")
            .bind(org)
            .fetch_optional(db.pool())
            .await?;
        if found.is_none() {
            return Err(StoreError::invalid("organisation", "no-such-organisation"));
        }
    }
    let row = sqlx::query(
        "INSERT INTO harvest_sources (kind, url, label, organisation_id, enabled, interval_hours, created_at) \
         VALUES ($1, $2, $3, $4, 1, $5, $6) RETURNING id",
    )
    .bind(kind.as_str())
    .bind(form.url.trim().to_string())
    .bind(form.label.trim().to_string())
    .bind(form.organisation_id)
    .bind(form.interval_hours)
    .bind(now())
    .fetch_one(db.pool())
    .await?;
    get(db, row.try_get("id")?).await
}

const SOURCE_COLUMNS: &str =
    "id, kind, url, label, organisation_id, enabled, interval_hours, created_at";
const RUN_COLUMNS: &str = "id, source_id, started_at, finished_at, status, kept, rejected, report, \
     etag, last_modified";

fn source(row: &AnyRow) -> Result<Source> {
    let kind: String = row.try_get("kind")?;
    let enabled: i64 = row.try_get("enabled")?;
    Ok(Source {
        id: row.try_get("id")?,
        kind: SourceKind::parse(&kind)
            .ok_or_else(|| StoreError::invalid("kind", "kind-unknown"))?,
        url: row.try_get("url")?,
        label: row.try_get("label")?,
        organisation_id: row.try_get("organisation_id")?,
        enabled: enabled != 0,
        interval_hours: row.try_get("interval_hours")?,
        created_at: row.try_get("created_at")?,
    })
}

fn run(row: &AnyRow) -> Result<Run> {
    let status: String = row.try_get("status")?;
    Ok(Run {
        id: row.try_get("id")?,
        source_id: row.try_get("source_id")?,
        started_at: row.try_get("started_at")?,
        finished_at: row.try_get("finished_at")?,
        status: RunStatus::parse(&status)
            .ok_or_else(|| StoreError::invalid("status", "status-unknown"))?,
        kept: row.try_get("kept")?,
        rejected: row.try_get("rejected")?,
        report: row.try_get("report")?,
        etag: row.try_get("etag")?,
        last_modified: row.try_get("last_modified")?,
    })
}

/// One source, or [`StoreError::NotFound`].
pub async fn get(db: &Db, id: i64) -> Result<Source> {
    let sql = format!("SELECT {SOURCE_COLUMNS} FROM harvest_sources WHERE id = $1");
    let row = sqlx::query(sqlx::AssertSqlSafe(sql))
        .bind(id)
        .fetch_optional(db.pool())
        .await?
        .ok_or(StoreError::NotFound)?;
    source(&row)
}

/// Every source in the order registered, each with its last run.
pub async fn list(db: &Db) -> Result<Vec<(Source, Option<Run>)>> {
    let sql = format!("SELECT {SOURCE_COLUMNS} FROM harvest_sources ORDER BY id");
    let rows = sqlx::query(sqlx::AssertSqlSafe(sql))
        .fetch_all(db.pool())
        .await?;
    let mut out = Vec::with_capacity(rows.len());
    for row in &rows {
        let s = source(row)?;
        let last = last_run(db, s.id).await?;
        out.push((s, last));
    }
    Ok(out)
}

/// The newest run of a source.
pub async fn last_run(db: &Db, source_id: i64) -> Result<Option<Run>> {
    let sql = format!(
        "SELECT {RUN_COLUMNS} FROM harvest_runs WHERE source_id = $1 ORDER BY id DESC LIMIT 1"
    );
    let row = sqlx::query(sqlx::AssertSqlSafe(sql))
        .bind(source_id)
        .fetch_optional(db.pool())
        .await?;
    row.as_ref().map(run).transpose()
}

/// The validators of the newest run that gave data (`ok` or `unchanged`),
/// for a conditional request: (ETag, Last-Modified).
pub async fn validators(db: &Db, source_id: i64) -> Result<(Option<String>, Option<String>)> {
    let row = sqlx::query(
        "SELECT etag, last_modified FROM harvest_runs \
         WHERE source_id = $1 AND status <> 'failed' ORDER BY id DESC LIMIT 1",
    )
    .bind(source_id)
    .fetch_optional(db.pool())
    .await?;
    match row {
        Some(r) => Ok((r.try_get("etag")?, r.try_get("last_modified")?)),
        None => Ok((None, None)),
    }
}

/// Records how a run ended (finished now).
pub async fn record_run(db: &Db, source_id: i64, new: &NewRun) -> Result<Run> {
    get(db, source_id).await?;
    let row = sqlx::query(
        "INSERT INTO harvest_runs (source_id, started_at, finished_at, status, kept, rejected, \
         report, etag, last_modified) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING id",
    )
    .bind(source_id)
    .bind(new.started_at.clone())
    .bind(now())
    .bind(new.status.as_str())
    .bind(new.kept)
    .bind(new.rejected)
    .bind(new.report.clone())
    .bind(new.etag.clone())
    .bind(new.last_modified.clone())
    .fetch_one(db.pool())
    .await?;
    let id: i64 = row.try_get("id")?;
    let sql = format!("SELECT {RUN_COLUMNS} FROM harvest_runs WHERE id = $1");
    let row = sqlx::query(sqlx::AssertSqlSafe(sql))
        .bind(id)
        .fetch_one(db.pool())
        .await?;
    run(&row)
}

/// Enabled sources with a schedule whose last run is older than their
/// interval (or that never ran), as of `now` (RFC 3339 as stored).
pub async fn due(db: &Db, now: time::OffsetDateTime) -> Result<Vec<Source>> {
    let mut out = Vec::new();
    for (s, last) in list(db).await? {
        if !s.enabled || s.interval_hours == 0 {
            continue;
        }
        let next = last
            .as_ref()
            .and_then(|r| crate::parse_time(&r.finished_at))
            .map(|t| t + time::Duration::hours(s.interval_hours));
        if next.is_none_or(|t| t <= now) {
            out.push(s);
        }
    }
    Ok(out)
}

/// Removes a source, its runs and its library entries, and records the
/// change in the outbox (the search index drops the entries);
/// [`StoreError::NotFound`] when unknown.
pub async fn remove(db: &Db, id: i64) -> Result<()> {
    let mut tx = db.pool().begin().await?;
    sqlx::query("DELETE FROM harvest_runs WHERE source_id = $1")
        .bind(id)
        .execute(&mut *tx)
        .await?;
    sqlx::query("DELETE FROM harvested_entries WHERE source_id = $1")
        .bind(id)
        .execute(&mut *tx)
        .await?;
    let done = sqlx::query("DELETE FROM harvest_sources WHERE id = $1")
        .bind(id)
        .execute(&mut *tx)
        .await?;
    if done.rows_affected() == 0 {
        return Err(StoreError::NotFound);
    }
    crate::outbox::record(&mut *tx, OUTBOX_ENTITY, &id.to_string()).await?;
    tx.commit().await?;
    Ok(())
}

/// The newest runs of a source, newest first, `limit` at most.
pub async fn runs(db: &Db, source_id: i64, limit: i64) -> Result<Vec<Run>> {
    let sql = format!(
        "SELECT {RUN_COLUMNS} FROM harvest_runs WHERE source_id = $1 ORDER BY id DESC LIMIT $2"
    );
    let rows = sqlx::query(sqlx::AssertSqlSafe(sql))
        .bind(source_id)
        .bind(limit.max(0))
        .fetch_all(db.pool())
        .await?;
    rows.iter().map(run).collect()
}

/// How many runs a source has had.
pub async fn count_runs(db: &Db, source_id: i64) -> Result<i64> {
    let row = sqlx::query("SELECT COUNT(*) AS n FROM harvest_runs WHERE source_id = $1")
        .bind(source_id)
        .fetch_one(db.pool())
        .await?;
    Ok(row.try_get("n")?)
}

/// Turns a source's schedule on or off and sets its interval (hours, 0
/// meaning on demand only).
pub async fn set_schedule(db: &Db, id: i64, enabled: bool, interval_hours: i64) -> Result<Source> {
    if interval_hours < 0 {
        return Err(StoreError::invalid("interval_hours", "out-of-range"));
    }
    let done =
        sqlx::query("UPDATE harvest_sources SET enabled = $1, interval_hours = $2 WHERE id = $3")
            .bind(i64::from(enabled))
            .bind(interval_hours)
            .bind(id)
            .execute(db.pool())
            .await?;
    if done.rows_affected() == 0 {
        return Err(StoreError::NotFound);
    }
    get(db, id).await
}
