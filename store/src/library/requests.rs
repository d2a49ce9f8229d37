//! Translation requests: anyone signed in asks for a resource in a language;
//! partners see the open requests for the languages they declared and take
//! one; publishing the translation fulfils it (see `review`).

use sqlx::Row;

use super::{Resource, Status, get};
use crate::error::Result;
use crate::{Db, FieldError, StoreError, now, validate};

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TranslationRequest {
    pub id: i64,
    pub resource_id: i64,
    pub lang: String,
    /// `open`, `taken`, `done` or `cancelled`.
    pub status: String,
    pub taken_by: Option<i64>,
    pub created_at: String,
}

/// Asks for `resource` in `lang`. Refused when the language is the
/// original or already published, or when the same request is pending.
pub async fn ask(db: &Db, user_id: i64, resource: &Resource, lang: &str) -> Result<i64> {
    let lang = lang.trim();
    let mut errors = Vec::new();
    if !validate::is_language_tag(lang) {
        errors.push(FieldError::new("lang", "language-invalid"));
    } else if resource.texts.iter().any(|t| {
        t.lang == lang && (t.status == Status::Published || t.lang == resource.original_language)
    }) {
        errors.push(FieldError::new("lang", "translation-exists"));
    }
    if resource.status != Status::Published {
        errors.push(FieldError::new("lang", "state-invalid"));
    }
    if !errors.is_empty() {
        return Err(StoreError::Invalid(errors));
    }
    let pending = sqlx::query(
        "SELECT COUNT(*) AS n FROM translation_requests WHERE resource_id = $1 AND lang = $2 \
         AND status IN ('open', 'taken')",
    )
    .bind(resource.id)
    .bind(lang.to_string())
    .fetch_one(db.pool())
    .await?;
    if pending.try_get::<i64, _>("n")? > 0 {
        return Err(StoreError::invalid("lang", "request-exists"));
    }
    let at = now();
    let row = sqlx::query(
        "INSERT INTO translation_requests (resource_id, lang, requested_by, status, created_at, \
         updated_at) VALUES ($1, $2, $3, 'open', $4, $4) RETURNING id",
    )
    .bind(resource.id)
    .bind(lang.to_string())
    .bind(user_id)
    .bind(at)
    .fetch_one(db.pool())
    .await?;
    let request: i64 = row.try_get("id")?;
    let asker = crate::users::find(db, user_id).await?;
    let n = crate::notifications::NewNotification {
        user_id: 0,
        kind: crate::notifications::Kind::TranslationRequested,
        event_key: format!("translation-requested:{request}"),
        actor: asker.map(|u| u.display_name).unwrap_or_default(),
        subject: resource
            .original()
            .map(|t| t.title.clone())
            .unwrap_or_default(),
        note: String::new(),
        link: "/library/requests".to_string(),
    };
    crate::notifications::notify_speakers(db, lang, user_id, &n).await?;
    Ok(request)
}

fn from_row(r: &sqlx::any::AnyRow) -> Result<TranslationRequest> {
    Ok(TranslationRequest {
        id: r.try_get("id")?,
        resource_id: r.try_get("resource_id")?,
        lang: r.try_get("lang")?,
        status: r.try_get("status")?,
        taken_by: r.try_get("taken_by")?,
        created_at: r.try_get("created_at")?,
    })
}

/// Pending requests (open, or taken by `organisation_ids`) in `langs`, oldest
/// first, with their resources.
pub async fn pending_for(
    db: &Db,
    langs: &[String],
    organisation_ids: &[i64],
) -> Result<Vec<(TranslationRequest, Resource)>> {
    let rows = sqlx::query(
        "SELECT id, resource_id, lang, status, taken_by, created_at FROM translation_requests \
         WHERE status IN ('open', 'taken') ORDER BY id",
    )
    .fetch_all(db.pool())
    .await?;
    let mut out = Vec::new();
    for row in rows {
        let req = from_row(&row)?;
        let mine = req.taken_by.is_some_and(|o| organisation_ids.contains(&o));
        let wanted = req.status == "open" && langs.contains(&req.lang);
        if mine || wanted {
            let resource = get(db, req.resource_id).await?;
            out.push((req, resource));
        }
    }
    Ok(out)
}

/// An organisation takes an open request on.
pub async fn take(db: &Db, request_id: i64, organisation_id: i64) -> Result<()> {
    let done = sqlx::query(
        "UPDATE translation_requests SET status = 'taken', taken_by = $1, updated_at = $2 \
         WHERE id = $3 AND status = 'open'",
    )
    .bind(organisation_id)
    .bind(now())
    .bind(request_id)
    .execute(db.pool())
    .await?;
    if done.rows_affected() == 1 {
        Ok(())
    } else {
        Err(StoreError::invalid("status", "state-invalid"))
    }
}

pub async fn find(db: &Db, request_id: i64) -> Result<TranslationRequest> {
    let row = sqlx::query(
        "SELECT id, resource_id, lang, status, taken_by, created_at FROM translation_requests \
         WHERE id = $1",
    )
    .bind(request_id)
    .fetch_optional(db.pool())
    .await?
    .ok_or(StoreError::NotFound)?;
    from_row(&row)
}
