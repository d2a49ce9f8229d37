//! Searches, logged anonymously (what was typed, the interface language,
//! the filters and how many results came back), so that authors can see
//! which searches fail and write what is missing.

use sqlx::Row;

use crate::error::Result;
use crate::{Db, now};

/// One logged search.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LoggedSearch {
    pub query: String,
    pub lang: String,
    pub filters: Vec<String>,
    pub results: i64,
    pub created_at: String,
}

/// A search to record.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Search {
    pub query: String,
    pub lang: String,
    pub filters: Vec<String>,
    pub results: i64,
    /// When it was asked (stored time).
    pub at: String,
}

impl Search {
    /// A search asked now.
    pub fn now(query: &str, lang: &str, filters: &[String], results: i64) -> Search {
        Search {
            query: query.to_string(),
            lang: lang.to_string(),
            filters: filters.to_vec(),
            results,
            at: now(),
        }
    }
}

/// Records a search; the query is cut to 200 characters.
pub async fn record(
    db: &Db,
    query: &str,
    lang: &str,
    filters: &[String],
    results: i64,
) -> Result<()> {
    record_all(db, &[Search::now(query, lang, filters, results)]).await
}

/// Records searches in one transaction; queries are cut to 200 characters.
pub async fn record_all(db: &Db, searches: &[Search]) -> Result<()> {
    let mut tx = db.pool().begin().await?;
    for s in searches {
        sqlx::query(
            "INSERT INTO search_log (query, lang, filters, results, created_at) \
             VALUES ($1, $2, $3, $4, $5)",
        )
        .bind(s.query.trim().chars().take(200).collect::<String>())
        .bind(s.lang.clone())
        .bind(s.filters.join("\n"))
        .bind(s.results)
        .bind(s.at.clone())
        .execute(&mut *tx)
        .await?;
    }
    tx.commit().await?;
    Ok(())
}

/// The most recent searches that found nothing, newest first.
pub async fn failed(db: &Db, limit: i64) -> Result<Vec<LoggedSearch>> {
    let rows = sqlx::query(
        "SELECT query, lang, filters, results, created_at FROM search_log \
         WHERE results = 0 ORDER BY id DESC LIMIT $1",
    )
    .bind(limit)
    .fetch_all(db.pool())
    .await?;
    rows.iter()
        .map(|r| {
            let filters: String = r.try_get("filters")?;
            Ok(LoggedSearch {
                query: r.try_get("query")?,
                lang: r.try_get("lang")?,
                filters: filters.lines().map(str::to_string).collect(),
                results: r.try_get("results")?,
                created_at: r.try_get("created_at")?,
            })
        })
        .collect()
}

/// Forgets searches older than `cutoff` (RFC 3339); returns how many.
pub async fn forget_before(db: &Db, cutoff: &str) -> Result<u64> {
    let done = sqlx::query("DELETE FROM search_log WHERE created_at < $1")
        .bind(cutoff.to_string())
        .execute(db.pool())
        .await?;
    Ok(done.rows_affected())
}
