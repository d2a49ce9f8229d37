//! Resources that arrive whole from elsewhere — a partner's catalogue in
//! schema.org/LRMI, or the seed library shipped in the content folder — are
//! written by one function: checked by the same rules as the contribution
//! form, keyed by the identifier of the record they came from, so importing
//! the same records again updates them instead of adding copies.

use sha2::{Digest, Sha256};
use sqlx::Row;

use super::form::check;
use super::{OUTBOX_ENTITY, Origin, Resource, ResourceForm, Status, event, get, set_topics, text};
use crate::error::Result;
use crate::{Db, FieldError, StoreError, now, validate};

/// A translation that comes with an imported resource.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Translation {
    pub lang: String,
    pub origin: Origin,
    pub title: String,
    pub description: String,
}

/// One resource to import.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Incoming {
    /// The record's identifier (an IRI, or `seed:{id}`); also gives the uid.
    pub source_uri: String,
    pub organisation_id: i64,
    /// The fields and the original text.
    pub form: ResourceForm,
    pub translations: Vec<Translation>,
    /// `Published`, or `Submitted` to send it through review.
    pub status: Status,
    /// When it entered the library (RFC 3339); now if not given.
    pub published_at: Option<String>,
    pub views: i64,
}

/// What an import did with one record.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Outcome {
    Created(Resource),
    Updated(Resource),
}

impl Outcome {
    pub fn resource(&self) -> &Resource {
        match self {
            Outcome::Created(r) | Outcome::Updated(r) => r,
        }
    }
}

/// The public id of an imported resource: stable for a given source, so its
/// page keeps its address when the import runs again.
pub fn uid_for(source_uri: &str) -> String {
    hex::encode(&Sha256::digest(source_uri.as_bytes())[..6])
}

fn check_translations(original: &str, list: &[Translation]) -> Result<()> {
    let mut errors = Vec::new();
    let mut seen = vec![original];
    for t in list {
        if !validate::is_language_tag(&t.lang) || seen.contains(&t.lang.as_str()) {
            errors.push(FieldError::new("translations", "language-invalid"));
        }
        seen.push(&t.lang);
        if t.origin == Origin::Original {
            errors.push(FieldError::new("translations", "origin-invalid"));
        }
        validate::line("title", &t.title, super::TITLE_MAX_CHARS, &mut errors);
        text(
            "description",
            &t.description,
            super::DESCRIPTION_MAX_CHARS,
            &mut errors,
        );
    }
    if errors.is_empty() {
        Ok(())
    } else {
        errors.dedup();
        Err(StoreError::Invalid(errors))
    }
}

/// Creates or updates the resource imported from `incoming.source_uri`, in
/// one transaction with its texts, topics, history and outbox record.
/// `user_id` is who ran the import, if anyone.
pub async fn upsert(db: &Db, user_id: Option<i64>, incoming: &Incoming) -> Result<Outcome> {
    if !matches!(incoming.status, Status::Published | Status::Submitted) {
        return Err(StoreError::invalid("status", "state-invalid"));
    }
    let c = check(db, &incoming.form).await?;
    check_translations(&c.lang, &incoming.translations)?;
    let at = now();
    let published_at = (incoming.status == Status::Published)
        .then(|| incoming.published_at.clone().unwrap_or_else(|| at.clone()));
    let text_status = if incoming.status == Status::Published {
        "published"
    } else {
        "submitted"
    };
    let mut tx = db.pool().begin().await?;
    let existing: Option<i64> = sqlx::query("SELECT id FROM resources WHERE source_uri = $1")
        .bind(incoming.source_uri.clone())
        .fetch_optional(&mut *tx)
        .await?
        .map(|r| r.try_get("id"))
        .transpose()?;
    let uid = uid_for(&incoming.source_uri);
    // A new resource gets its row (and its uid) once; every field is then
    // written by the same update, whether created or updated now. A
    // published resource sent back to review keeps its first publication
    // and is remembered as having left (`left_at`, for OAI-PMH), as a review
    // step does.
    let id = match existing {
        Some(id) => {
            sqlx::query("DELETE FROM resource_texts WHERE resource_id = $1")
                .bind(id)
                .execute(&mut *tx)
                .await?;
            id
        }
        None => sqlx::query(
            "INSERT INTO resources (uid, kind, original_language, licence, country, \
             organisation_id, source_uri, created_by, created_at, updated_at) \
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $9) RETURNING id",
        )
        .bind(uid.clone())
        .bind(c.kind.as_str())
        .bind(c.lang.clone())
        .bind(c.licence.clone())
        .bind(c.country.clone())
        .bind(incoming.organisation_id)
        .bind(incoming.source_uri.clone())
        .bind(user_id)
        .bind(at.clone())
        .fetch_one(&mut *tx)
        .await?
        .try_get("id")?,
    };
    sqlx::query(
        "UPDATE resources SET kind = $1, original_language = $2, audience = $3, \
         educational_level = $4, licence = $5, country = $6, organisation_id = $7, \
         authors = $8, date_created = $9, url = $10, status = $11, status_reason = '', \
         views = $12, updated_at = $13, published_at = COALESCE($14, published_at), \
         left_at = CASE WHEN $14 IS NOT NULL THEN NULL WHEN status = 'published' THEN $13 \
         ELSE left_at END WHERE id = $15",
    )
    .bind(c.kind.as_str())
    .bind(c.lang.clone())
    .bind(c.audience.clone())
    .bind(c.educational_level.clone())
    .bind(c.licence.clone())
    .bind(c.country.clone())
    .bind(incoming.organisation_id)
    .bind(c.authors.join("\n"))
    .bind(c.date_created.clone())
    .bind(c.url.clone())
    .bind(incoming.status.as_str())
    .bind(incoming.views)
    .bind(at.clone())
    .bind(published_at)
    .bind(id)
    .execute(&mut *tx)
    .await?;
    let original = Translation {
        lang: c.lang.clone(),
        origin: Origin::Original,
        title: c.title.clone(),
        description: c.description.clone(),
    };
    for t in std::iter::once(&original).chain(&incoming.translations) {
        sqlx::query(
            "INSERT INTO resource_texts (resource_id, lang, title, description, origin, status, \
             created_at, updated_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $7)",
        )
        .bind(id)
        .bind(t.lang.clone())
        .bind(t.title.trim().to_string())
        .bind(t.description.trim().to_string())
        .bind(t.origin.as_str())
        .bind(text_status)
        .bind(at.clone())
        .execute(&mut *tx)
        .await?;
    }
    set_topics(&mut tx, id, &c.topics).await?;
    event(
        &mut tx,
        id,
        user_id,
        "imported",
        &c.lang,
        &incoming.source_uri,
    )
    .await?;
    let uid: String = sqlx::query("SELECT uid FROM resources WHERE id = $1")
        .bind(id)
        .fetch_one(&mut *tx)
        .await?
        .try_get("uid")?;
    crate::outbox::record(&mut *tx, OUTBOX_ENTITY, &uid).await?;
    tx.commit().await?;
    let r = get(db, id).await?;
    Ok(match existing {
        Some(_) => Outcome::Updated(r),
        None => Outcome::Created(r),
    })
}
