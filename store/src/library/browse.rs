//! Reading the published library: latest, most viewed, related resources,
//! counts, and the view counter.

use sqlx::Row;

use super::{COLUMNS, Resource, fill, from_row};
use crate::Db;
use crate::error::Result;

async fn published_where(db: &Db, tail: &str, binds: &[i64]) -> Result<Vec<Resource>> {
    let sql = format!("SELECT {COLUMNS} FROM resources WHERE status = 'published' {tail}");
    let mut q = sqlx::query(sqlx::AssertSqlSafe(sql));
    for b in binds {
        q = q.bind(*b);
    }
    let rows = q.fetch_all(db.pool()).await?;
    let mut out = Vec::with_capacity(rows.len());
    for row in rows {
        out.push(fill(db, from_row(&row)?).await?);
    }
    Ok(out)
}

/// The newest published resources.
pub async fn latest(db: &Db, limit: i64) -> Result<Vec<Resource>> {
    published_where(db, "ORDER BY published_at DESC, id DESC LIMIT $1", &[limit]).await
}

/// The newest published resources about a topic (or a narrower one) or of
/// an organisation, for feeds.
pub async fn latest_filtered(
    db: &Db,
    topic: Option<&str>,
    organisation_id: Option<i64>,
    limit: i64,
) -> Result<Vec<Resource>> {
    let mut tail = String::new();
    if topic.is_some() {
        // The topic and every concept below it, however deep.
        tail.push_str(
            "AND id IN (SELECT resource_id FROM resource_topics WHERE concept_id IN ( \
               WITH RECURSIVE below(id) AS (SELECT $1 UNION SELECT c.id FROM concepts c \
               JOIN below b ON c.broader = b.id) SELECT id FROM below)) ",
        );
    }
    if organisation_id.is_some() {
        tail.push_str(if topic.is_some() {
            "AND organisation_id = $2 "
        } else {
            "AND organisation_id = $1 "
        });
    }
    tail.push_str(if topic.is_some() && organisation_id.is_some() {
        "ORDER BY published_at DESC, id DESC LIMIT $3"
    } else if topic.is_some() || organisation_id.is_some() {
        "ORDER BY published_at DESC, id DESC LIMIT $2"
    } else {
        "ORDER BY published_at DESC, id DESC LIMIT $1"
    });
    let sql = format!("SELECT {COLUMNS} FROM resources WHERE status = 'published' {tail}");
    let mut q = sqlx::query(sqlx::AssertSqlSafe(sql));
    if let Some(t) = topic {
        q = q.bind(t.to_string());
    }
    if let Some(o) = organisation_id {
        q = q.bind(o);
    }
    let rows = q.bind(limit).fetch_all(db.pool()).await?;
    let mut out = Vec::with_capacity(rows.len());
    for row in rows {
        out.push(fill(db, from_row(&row)?).await?);
    }
    Ok(out)
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
