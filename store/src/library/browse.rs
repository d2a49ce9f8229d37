//! Reading the published library: latest, most viewed, related resources,
//! counts, and the view counter.

use sqlx::Row;

use super::read::filled;
use super::{COLUMNS, Resource};
use crate::Db;
use crate::error::Result;

async fn published_where(db: &Db, tail: &str, binds: &[i64]) -> Result<Vec<Resource>> {
    let sql = format!("SELECT {COLUMNS} FROM resources WHERE status = 'published' {tail}");
    let mut q = sqlx::query(sqlx::AssertSqlSafe(sql));
    for b in binds {
        q = q.bind(*b);
    }
    let rows = q.fetch_all(db.pool()).await?;
    filled(db, &rows, false).await
}

/// The newest published resources.
pub async fn latest(db: &Db, limit: i64) -> Result<Vec<Resource>> {
    published_where(db, "ORDER BY published_at DESC, id DESC LIMIT $1", &[limit]).await
}

/// What a list of published resources is narrowed to (empty: everything).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Filter {
    /// A concept; its narrower concepts count too.
    pub topic: Option<String>,
    pub organisation_id: Option<i64>,
    pub kind: Option<String>,
    /// Readable in this language (original or published translation).
    pub lang: Option<String>,
    pub country: Option<String>,
}

/// The newest published resources matching `filter`.
pub async fn filtered(db: &Db, filter: &Filter, limit: i64) -> Result<Vec<Resource>> {
    let mut tail = String::new();
    let mut n = 0;
    let mut next = || {
        n += 1;
        n
    };
    if filter.topic.is_some() {
        // The topic and every concept below it, however deep.
        let p = next();
        tail.push_str(&format!(
            "AND id IN (SELECT resource_id FROM resource_topics WHERE concept_id IN ( \
               WITH RECURSIVE below(id) AS (SELECT ${p} UNION SELECT c.id FROM concepts c \
               JOIN below b ON c.broader = b.id) SELECT id FROM below)) "
        ));
    }
    if filter.organisation_id.is_some() {
        tail.push_str(&format!("AND organisation_id = ${} ", next()));
    }
    if filter.kind.is_some() {
        tail.push_str(&format!("AND kind = ${} ", next()));
    }
    if filter.lang.is_some() {
        tail.push_str(&format!(
            "AND id IN (SELECT resource_id FROM resource_texts WHERE lang = ${} \
             AND (origin = 'original' OR status = 'published')) ",
            next()
        ));
    }
    if filter.country.is_some() {
        tail.push_str(&format!("AND country = ${} ", next()));
    }
    tail.push_str(&format!(
        "ORDER BY published_at DESC, id DESC LIMIT ${}",
        next()
    ));
    let sql = format!("SELECT {COLUMNS} FROM resources WHERE status = 'published' {tail}");
    let mut q = sqlx::query(sqlx::AssertSqlSafe(sql));
    if let Some(t) = &filter.topic {
        q = q.bind(t.clone());
    }
    if let Some(o) = filter.organisation_id {
        q = q.bind(o);
    }
    for value in [&filter.kind, &filter.lang, &filter.country]
        .into_iter()
        .flatten()
    {
        q = q.bind(value.clone());
    }
    let rows = q.bind(limit).fetch_all(db.pool()).await?;
    filled(db, &rows, false).await
}

/// The most viewed published resources.
pub async fn most_viewed(db: &Db, limit: i64) -> Result<Vec<Resource>> {
    published_where(
        db,
        "AND views > 0 ORDER BY views DESC, published_at DESC LIMIT $1",
        &[limit],
    )
    .await
}

/// Published resources of an organisation, newest first.
pub async fn of_organisation(db: &Db, organisation_id: i64, limit: i64) -> Result<Vec<Resource>> {
    published_where(
        db,
        "AND organisation_id = $1 ORDER BY published_at DESC, id DESC LIMIT $2",
        &[organisation_id, limit],
    )
    .await
}

/// Other published resources sharing the most topics with `resource`.
pub async fn related(db: &Db, resource: &Resource, limit: i64) -> Result<Vec<Resource>> {
    let rows = sqlx::query(
        "SELECT r.id, COUNT(*) AS shared FROM resources r \
         JOIN resource_topics t ON t.resource_id = r.id \
         WHERE r.status = 'published' AND r.id <> $1 AND t.concept_id IN \
           (SELECT concept_id FROM resource_topics WHERE resource_id = $1) \
         GROUP BY r.id ORDER BY shared DESC, r.id DESC LIMIT $2",
    )
    .bind(resource.id)
    .bind(limit)
    .fetch_all(db.pool())
    .await?;
    let mut out = Vec::with_capacity(rows.len());
    for row in rows {
        out.push(super::get(db, row.try_get("id")?).await?);
    }
    Ok(out)
}

/// `(concept, resource id)` for every topic of every published resource, to
/// count a topic together with its narrower ones.
pub async fn published_topics(db: &Db) -> Result<Vec<(String, i64)>> {
    let rows = sqlx::query(
        "SELECT t.concept_id, t.resource_id FROM resource_topics t \
         JOIN resources r ON r.id = t.resource_id WHERE r.status = 'published'",
    )
    .fetch_all(db.pool())
    .await?;
    rows.iter()
        .map(|r| Ok((r.try_get("concept_id")?, r.try_get("resource_id")?)))
        .collect()
}

/// How many published resources there are of each kind.
pub async fn count_by_kind(db: &Db) -> Result<Vec<(String, i64)>> {
    let rows = sqlx::query(
        "SELECT kind, COUNT(*) AS n FROM resources WHERE status = 'published' \
         GROUP BY kind ORDER BY kind",
    )
    .fetch_all(db.pool())
    .await?;
    rows.iter()
        .map(|r| Ok((r.try_get("kind")?, r.try_get("n")?)))
        .collect()
}

/// Counts one view of a published resource (for "most viewed").
pub async fn record_view(db: &Db, id: i64) -> Result<()> {
    sqlx::query("UPDATE resources SET views = views + 1 WHERE id = $1 AND status = 'published'")
        .bind(id)
        .execute(db.pool())
        .await?;
    Ok(())
}

/// Public ids of published resources, oldest first, a page at a time.
pub async fn published_uids(db: &Db, limit: i64, offset: i64) -> Result<Vec<String>> {
    let rows = sqlx::query(
        "SELECT uid FROM resources WHERE status = 'published' ORDER BY id LIMIT $1 OFFSET $2",
    )
    .bind(limit)
    .bind(offset)
    .fetch_all(db.pool())
    .await?;
    rows.iter().map(|r| Ok(r.try_get("uid")?)).collect()
}

/// Languages readers can read published resources in, and their countries.
pub async fn languages_and_countries(db: &Db) -> Result<(Vec<String>, Vec<String>)> {
    let langs = sqlx::query(
        "SELECT DISTINCT t.lang FROM resource_texts t JOIN resources r ON r.id = t.resource_id \
         WHERE r.status = 'published' AND (t.origin = 'original' OR t.status = 'published') \
         ORDER BY t.lang",
    )
    .fetch_all(db.pool())
    .await?
    .iter()
    .map(|r| r.try_get("lang"))
    .collect::<Result<_, _>>()?;
    let countries = sqlx::query(
        "SELECT DISTINCT country FROM resources WHERE status = 'published' ORDER BY country",
    )
    .fetch_all(db.pool())
    .await?
    .iter()
    .map(|r| r.try_get("country"))
    .collect::<Result<_, _>>()?;
    Ok((langs, countries))
}
