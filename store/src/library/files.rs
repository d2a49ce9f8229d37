//! Files attached to a resource. The bytes live in the data folder under a
//! generated name (the caller writes them before the transaction and removes
//! them if it fails); SQL keeps the name the uploader gave, cleaned, the
//! media type found by sniffing and the thumbnail of images.

use serde::{Deserialize, Serialize};
use sqlx::Row;

use super::{OUTBOX_ENTITY, Resource, event, get};
use crate::db::{Bind, bound};
use crate::error::Result;
use crate::{Db, FieldError, StoreError, now};

/// How many files one resource may carry.
pub const FILES_MAX: usize = 10;

/// A file of a resource, as stored.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ResourceFile {
    pub id: i64,
    pub stored_name: String,
    pub file_name: String,
    pub media_type: String,
    pub bytes: i64,
    pub thumbnail: Option<String>,
    pub created_at: String,
}

/// A file already written to the data folder, to record.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewFile {
    pub stored_name: String,
    pub file_name: String,
    pub media_type: String,
    pub bytes: i64,
    pub thumbnail: Option<String>,
}

/// Records `file` on resource `id` inside the caller's transaction; the
/// first image's thumbnail becomes the resource's.
pub(crate) async fn attach(
    tx: &mut sqlx::Transaction<'_, sqlx::Any>,
    id: i64,
    user_id: Option<i64>,
    file: &NewFile,
) -> Result<()> {
    let count: i64 = sqlx::query("SELECT COUNT(*) AS n FROM resource_files WHERE resource_id = $1")
        .bind(id)
        .fetch_one(&mut **tx)
        .await?
        .try_get("n")?;
    if count as usize >= FILES_MAX {
        return Err(StoreError::Invalid(vec![FieldError::new(
            "file",
            "too-many-files",
        )]));
    }
    sqlx::query(
        "INSERT INTO resource_files (resource_id, stored_name, file_name, media_type, bytes, \
         thumbnail, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7)",
    )
    .bind(id)
    .bind(file.stored_name.clone())
    .bind(file.file_name.clone())
    .bind(file.media_type.clone())
    .bind(file.bytes)
    .bind(file.thumbnail.clone())
    .bind(now())
    .execute(&mut **tx)
    .await?;
    if let Some(thumb) = &file.thumbnail {
        sqlx::query("UPDATE resources SET thumbnail = $1 WHERE id = $2 AND thumbnail IS NULL")
            .bind(thumb.clone())
            .bind(id)
            .execute(&mut **tx)
            .await?;
    }
    event(tx, id, user_id, "file-added", "", &file.file_name).await
}

/// Adds a file to resource `id`, by `user_id`.
pub async fn add(db: &Db, user_id: i64, id: i64, file: &NewFile) -> Result<Resource> {
    let r = get(db, id).await?;
    let mut tx = db.pool().begin().await?;
    attach(&mut tx, id, Some(user_id), file).await?;
    sqlx::query("UPDATE resources SET updated_at = $1 WHERE id = $2")
        .bind(now())
        .bind(id)
        .execute(&mut *tx)
        .await?;
    crate::outbox::record(&mut *tx, OUTBOX_ENTITY, &r.uid).await?;
    tx.commit().await?;
    get(db, id).await
}

/// Removes file `file_id` from resource `id` and returns it, so that the
/// caller deletes its bytes. If it gave the resource its thumbnail, the next
/// image's thumbnail takes over.
pub async fn remove(db: &Db, user_id: i64, id: i64, file_id: i64) -> Result<ResourceFile> {
    let r = get(db, id).await?;
    let file = r
        .files
        .iter()
        .find(|f| f.id == file_id)
        .cloned()
        .ok_or(StoreError::NotFound)?;
    let mut tx = db.pool().begin().await?;
    sqlx::query("DELETE FROM resource_files WHERE id = $1 AND resource_id = $2")
        .bind(file_id)
        .bind(id)
        .execute(&mut *tx)
        .await?;
    if file.thumbnail.is_some() && r.thumbnail == file.thumbnail {
        let next = r
            .files
            .iter()
            .filter(|f| f.id != file_id)
            .find_map(|f| f.thumbnail.clone());
        sqlx::query("UPDATE resources SET thumbnail = $1 WHERE id = $2")
            .bind(next)
            .bind(id)
            .execute(&mut *tx)
            .await?;
    }
    sqlx::query("UPDATE resources SET updated_at = $1 WHERE id = $2")
        .bind(now())
        .bind(id)
        .execute(&mut *tx)
        .await?;
    event(
        &mut tx,
        id,
        Some(user_id),
        "file-removed",
        "",
        &file.file_name,
    )
    .await?;
    crate::outbox::record(&mut *tx, OUTBOX_ENTITY, &r.uid).await?;
    tx.commit().await?;
    Ok(file)
}

/// The files of resource `id`, oldest first.
pub(crate) async fn of(db: &Db, id: i64) -> Result<Vec<ResourceFile>> {
    Ok(of_all(db, "$1", vec![Bind::Int(id)])
        .await?
        .into_iter()
        .map(|(_, f)| f)
        .collect())
}

/// The files of the resources whose ids are bound in `binds` and listed as
/// parameters in `list` (`$1, $2, …`), with their resource's id.
pub(crate) async fn of_all(
    db: &Db,
    list: &str,
    binds: Vec<Bind>,
) -> Result<Vec<(i64, ResourceFile)>> {
    let rows = bound(
        format!(
            "SELECT resource_id, id, stored_name, file_name, media_type, bytes, thumbnail, \
             created_at FROM resource_files WHERE resource_id IN ({list}) ORDER BY resource_id, id"
        ),
        binds,
    )
    .fetch_all(db.pool())
    .await?;
    rows.iter()
        .map(|r| {
            Ok((
                r.try_get("resource_id")?,
                ResourceFile {
                    id: r.try_get("id")?,
                    stored_name: r.try_get("stored_name")?,
                    file_name: r.try_get("file_name")?,
                    media_type: r.try_get("media_type")?,
                    bytes: r.try_get("bytes")?,
                    thumbnail: r.try_get("thumbnail")?,
                    created_at: r.try_get("created_at")?,
                },
            ))
        })
        .collect()
}
