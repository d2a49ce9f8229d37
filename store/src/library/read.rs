//! Reading resources back: one row mapping, the texts, topics and files
//! filled in, and a resource's history.

use serde::{Deserialize, Serialize};
use sqlx::Row;
use sqlx::any::AnyRow;

use std::collections::HashMap;

use super::{Kind, Origin, Resource, ResourceText, Status, files};
use crate::db::{Bind, bound};
use crate::error::Result;
use crate::{Db, StoreError};

pub(crate) const COLUMNS: &str = "id, uid, kind, original_language, audience, educational_level, licence, \
    country, organisation_id, authors, date_created, url, thumbnail, status, status_reason, \
    views, created_at, updated_at, published_at";

pub(crate) fn from_row(r: &AnyRow) -> Result<Resource> {
    let bad = |what: &str| StoreError::Database(sqlx::Error::Decode(what.to_string().into()));
    let authors: String = r.try_get("authors")?;
    Ok(Resource {
        id: r.try_get("id")?,
        uid: r.try_get("uid")?,
        kind: Kind::parse(&r.try_get::<String, _>("kind")?).ok_or_else(|| bad("kind"))?,
        original_language: r.try_get("original_language")?,
        audience: r.try_get("audience")?,
        educational_level: r.try_get("educational_level")?,
        licence: r.try_get("licence")?,
        country: r.try_get("country")?,
        organisation_id: r.try_get("organisation_id")?,
        authors: authors.lines().map(str::to_string).collect(),
        date_created: r.try_get("date_created")?,
        url: r.try_get("url")?,
        thumbnail: r.try_get("thumbnail")?,
        status: Status::parse(&r.try_get::<String, _>("status")?).ok_or_else(|| bad("status"))?,
        status_reason: r.try_get("status_reason")?,
        views: r.try_get("views")?,
        created_at: r.try_get("created_at")?,
        updated_at: r.try_get("updated_at")?,
        published_at: r.try_get("published_at")?,
        texts: Vec::new(),
        topics: Vec::new(),
        files: Vec::new(),
    })
}

pub(crate) async fn fill(db: &Db, r: Resource) -> Result<Resource> {
    let mut one = [r];
    fill_all(db, &mut one, false).await?;
    let [r] = one;
    Ok(r)
}

/// The resources of `rows` (read with [`COLUMNS`]), filled in with
/// [`fill_all`].
pub(crate) async fn filled(db: &Db, rows: &[AnyRow], with_files: bool) -> Result<Vec<Resource>> {
    let mut out = rows.iter().map(from_row).collect::<Result<Vec<_>>>()?;
    fill_all(db, &mut out, with_files).await?;
    Ok(out)
}

/// Fills the texts and topics (and, with `with_files`, the files) of many
/// resources with one query each, however many they are.
pub(crate) async fn fill_all(db: &Db, rs: &mut [Resource], with_files: bool) -> Result<()> {
    if rs.is_empty() {
        return Ok(());
    }
    let at: HashMap<i64, usize> = rs.iter().enumerate().map(|(i, r)| (r.id, i)).collect();
    let ids: Vec<Bind> = rs.iter().map(|r| Bind::Int(r.id)).collect();
    let list = (1..=ids.len())
        .map(|i| format!("${i}"))
        .collect::<Vec<_>>()
        .join(", ");
    let texts = bound(
        format!(
            "SELECT resource_id, lang, title, description, origin, status FROM resource_texts \
             WHERE resource_id IN ({list}) \
             ORDER BY resource_id, CASE WHEN origin = 'original' THEN 0 ELSE 1 END, lang"
        ),
        ids.clone(),
    )
    .fetch_all(db.pool())
    .await?;
    for t in texts {
        let origin: String = t.try_get("origin")?;
        let status: String = t.try_get("status")?;
        let r = &mut rs[at[&t.try_get::<i64, _>("resource_id")?]];
        r.texts.push(ResourceText {
            lang: t.try_get("lang")?,
            title: t.try_get("title")?,
            description: t.try_get("description")?,
            origin: Origin::parse(&origin).unwrap_or(Origin::Human),
            status: Status::parse(&status).unwrap_or(Status::Draft),
        });
    }
    let topics = bound(
        format!(
            "SELECT resource_id, concept_id FROM resource_topics WHERE resource_id IN ({list}) \
             ORDER BY resource_id, concept_id"
        ),
        ids.clone(),
    )
    .fetch_all(db.pool())
    .await?;
    for t in topics {
        let r = &mut rs[at[&t.try_get::<i64, _>("resource_id")?]];
        r.topics.push(t.try_get("concept_id")?);
    }
    if with_files {
        for (id, file) in files::of_all(db, &list, ids).await? {
            rs[at[&id]].files.push(file);
        }
    }
    Ok(())
}

pub async fn get(db: &Db, id: i64) -> Result<Resource> {
    let row = sqlx::query(sqlx::AssertSqlSafe(format!(
        "SELECT {COLUMNS} FROM resources WHERE id = $1"
    )))
    .bind(id)
    .fetch_optional(db.pool())
    .await?
    .ok_or(StoreError::NotFound)?;
    let mut r = fill(db, from_row(&row)?).await?;
    r.files = files::of(db, r.id).await?;
    Ok(r)
}

pub async fn get_by_uid(db: &Db, uid: &str) -> Result<Resource> {
    let row = sqlx::query(sqlx::AssertSqlSafe(format!(
        "SELECT {COLUMNS} FROM resources WHERE uid = $1"
    )))
    .bind(uid.to_string())
    .fetch_optional(db.pool())
    .await?
    .ok_or(StoreError::NotFound)?;
    let mut r = fill(db, from_row(&row)?).await?;
    r.files = files::of(db, r.id).await?;
    Ok(r)
}

/// Resources in one of `statuses`, newest change first.
pub async fn with_status(db: &Db, statuses: &[Status], limit: i64) -> Result<Vec<Resource>> {
    let list = statuses
        .iter()
        .map(|s| format!("'{}'", s.as_str()))
        .collect::<Vec<_>>()
        .join(", ");
    let rows = sqlx::query(sqlx::AssertSqlSafe(format!(
        "SELECT {COLUMNS} FROM resources WHERE status IN ({list}) ORDER BY updated_at DESC, id DESC LIMIT $1"
    )))
    .bind(limit)
    .fetch_all(db.pool())
    .await?;
    filled(db, &rows, false).await
}

/// One entry of a resource's history.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Event {
    pub user_id: Option<i64>,
    pub action: String,
    pub lang: String,
    pub detail: String,
    pub created_at: String,
}

/// A resource's history, oldest first.
pub async fn history(db: &Db, id: i64) -> Result<Vec<Event>> {
    let rows = sqlx::query(
        "SELECT user_id, action, lang, detail, created_at FROM resource_events \
         WHERE resource_id = $1 ORDER BY id",
    )
    .bind(id)
    .fetch_all(db.pool())
    .await?;
    rows.iter()
        .map(|r| {
            Ok(Event {
                user_id: r.try_get("user_id")?,
                action: r.try_get("action")?,
                lang: r.try_get("lang")?,
                detail: r.try_get("detail")?,
                created_at: r.try_get("created_at")?,
            })
        })
        .collect()
}
