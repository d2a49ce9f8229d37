//! The review cycle: a contributor submits a draft, a moderator publishes it
//! or requests changes with a comment, the contributor edits and submits
//! again; a published resource can be unpublished or withdrawn with a
//! reason. Translations added to a resource go through the same cycle on
//! their own. Each step checks the state it starts from, in the same
//! transaction as the change, its history entry and its outbox record.

use sqlx::Row;

use super::{OUTBOX_ENTITY, Origin, Resource, Status, event, get, text};
use crate::error::Result;
use crate::notifications::{self, Kind, NewNotification};
use crate::validate;
use crate::{Db, FieldError, StoreError, now};

/// Moves the resource from one of `from` to `to`; refused (`state-invalid`)
/// when it is elsewhere, so two moderators cannot both act on one resource.
async fn transition(
    db: &Db,
    user_id: i64,
    id: i64,
    from: &[Status],
    to: Status,
    action: &str,
    detail: &str,
) -> Result<Resource> {
    let r = get(db, id).await?;
    if !from.contains(&r.status) {
        return Err(StoreError::invalid("status", "state-invalid"));
    }
    let at = now();
    let mut tx = db.pool().begin().await?;
    let published_at = (to == Status::Published).then(|| at.clone());
    // Leaving the public library is remembered (`left_at`) for OAI-PMH's
    // deleted records; publishing again clears it.
    let done = sqlx::query(
        "UPDATE resources SET status = $1, status_reason = $2, updated_at = $3, \
         published_at = COALESCE($4, published_at), \
         left_at = CASE WHEN $4 IS NOT NULL THEN NULL WHEN status = 'published' THEN $3 \
         ELSE left_at END WHERE id = $5 AND status = $6",
    )
    .bind(to.as_str())
    .bind(if matches!(to, Status::Unpublished | Status::Withdrawn) {
        detail.to_string()
    } else {
        String::new()
    })
    .bind(at.clone())
    .bind(published_at)
    .bind(id)
    .bind(r.status.as_str())
    .execute(&mut *tx)
    .await?;
    if done.rows_affected() != 1 {
        return Err(StoreError::invalid("status", "state-invalid"));
    }
    // The original text follows the resource through review.
    let text_status = match to {
        Status::Submitted => Some("submitted"),
        Status::ChangesRequested => Some("changes-requested"),
        Status::Published => Some("published"),
        _ => None,
    };
    if let Some(s) = text_status {
        sqlx::query(
            "UPDATE resource_texts SET status = $1, updated_at = $2 \
             WHERE resource_id = $3 AND origin = 'original'",
        )
        .bind(s)
        .bind(at.clone())
        .bind(id)
        .execute(&mut *tx)
        .await?;
    }
    // Translations submitted with the resource are published with it.
    if to == Status::Published {
        sqlx::query(
            "UPDATE resource_texts SET status = 'published', updated_at = $1 \
             WHERE resource_id = $2 AND status = 'submitted'",
        )
        .bind(at.clone())
        .bind(id)
        .execute(&mut *tx)
        .await?;
    }
    event(&mut tx, id, Some(user_id), action, "", detail).await?;
    crate::outbox::record(&mut *tx, OUTBOX_ENTITY, &r.uid).await?;
    let told = match to {
        Status::Published => Some(Kind::ResourceReviewed),
        Status::ChangesRequested => Some(Kind::ChangesRequested),
        _ => None,
    };
    if let Some(kind) = told {
        let n = NewNotification {
            user_id: 0,
            kind,
            event_key: format!("{}:{}:{at}", kind.as_str(), r.uid),
            actor: String::new(),
            subject: r.original().map(|t| t.title.clone()).unwrap_or_default(),
            note: if to == Status::ChangesRequested {
                detail.to_string()
            } else {
                String::new()
            },
            link: format!("/library/resources/{}", r.uid),
        };
        notifications::notify_members(&mut tx, r.organisation_id, user_id, &n).await?;
    }
    tx.commit().await?;
    get(db, id).await
}

fn reason(field: &'static str, value: &str) -> Result<String> {
    let mut errors = Vec::new();
    validate::line(field, value, 1000, &mut errors);
    if errors.is_empty() {
        Ok(value.trim().to_string())
    } else {
        Err(StoreError::Invalid(errors))
    }
}

/// A contributor sends a draft (or a resource with changes requested) to review.
pub async fn submit(db: &Db, user_id: i64, id: i64) -> Result<Resource> {
    transition(
        db,
        user_id,
        id,
        &[Status::Draft, Status::ChangesRequested, Status::Unpublished],
        Status::Submitted,
        "submitted",
        "",
    )
    .await
}

/// A moderator publishes a submitted resource.
pub async fn publish(db: &Db, user_id: i64, id: i64) -> Result<Resource> {
    transition(
        db,
        user_id,
        id,
        &[Status::Submitted],
        Status::Published,
        "published",
        "",
    )
    .await
}

/// A moderator sends a submitted resource back with a comment.
pub async fn request_changes(db: &Db, user_id: i64, id: i64, comment: &str) -> Result<Resource> {
    let comment = reason("comment", comment)?;
    transition(
        db,
        user_id,
        id,
        &[Status::Submitted],
        Status::ChangesRequested,
        "changes-requested",
        &comment,
    )
    .await
}

/// Takes a published resource offline for now (it can be submitted again).
pub async fn unpublish(db: &Db, user_id: i64, id: i64, why: &str) -> Result<Resource> {
    let why = reason("reason", why)?;
    transition(
        db,
        user_id,
        id,
        &[Status::Published],
        Status::Unpublished,
        "unpublished",
        &why,
    )
    .await
}

/// Withdraws a resource for good (it stays known, as withdrawn, for links
/// and harvesters).
pub async fn withdraw(db: &Db, user_id: i64, id: i64, why: &str) -> Result<Resource> {
    let why = reason("reason", why)?;
    transition(
        db,
        user_id,
        id,
        &[
            Status::Draft,
            Status::Submitted,
            Status::ChangesRequested,
            Status::Published,
            Status::Unpublished,
        ],
        Status::Withdrawn,
        "withdrawn",
        &why,
    )
    .await
}

/// What a translator submits.
#[derive(Debug, Clone, Default, PartialEq, Eq, serde::Deserialize, serde::Serialize)]
pub struct TranslationForm {
    #[serde(default)]
    pub lang: String,
    #[serde(default)]
    pub title: String,
    #[serde(default)]
    pub description: String,
    /// `human` or `machine-assisted`.
    #[serde(default)]
    pub origin: String,
}

/// Adds or edits the translation of a resource into `form.lang`. It starts
/// as a draft (edited again: back to draft) until submitted; while the
/// resource itself is not published yet, it is reviewed with it.
pub async fn save_translation(
    db: &Db,
    user_id: i64,
    id: i64,
    form: &TranslationForm,
) -> Result<Resource> {
    let r = get(db, id).await?;
    let mut errors = Vec::new();
    let lang = form.lang.trim().to_string();
    if !validate::is_language_tag(&lang) {
        errors.push(FieldError::new("lang", "language-invalid"));
    } else if lang == r.original_language {
        errors.push(FieldError::new("lang", "translation-is-original"));
    }
    validate::line("title", &form.title, super::TITLE_MAX_CHARS, &mut errors);
    text(
        "description",
        &form.description,
        super::DESCRIPTION_MAX_CHARS,
        &mut errors,
    );
    let origin = match Origin::parse(form.origin.trim()) {
        Some(o @ (Origin::Human | Origin::MachineAssisted)) => o,
        _ => {
            errors.push(FieldError::new("origin", "origin-invalid"));
            Origin::Human
        }
    };
    if r.status == Status::Withdrawn {
        errors.push(FieldError::new("status", "state-invalid"));
    }
    if !errors.is_empty() {
        return Err(StoreError::Invalid(errors));
    }
    let at = now();
    let mut tx = db.pool().begin().await?;
    sqlx::query(
        "INSERT INTO resource_texts (resource_id, lang, title, description, origin, status, \
         created_at, updated_at) VALUES ($1, $2, $3, $4, $5, 'draft', $6, $6) \
         ON CONFLICT (resource_id, lang) DO UPDATE SET title = excluded.title, \
         description = excluded.description, origin = excluded.origin, status = 'draft', \
         updated_at = excluded.updated_at",
    )
    .bind(id)
    .bind(lang.clone())
    .bind(form.title.trim().to_string())
    .bind(form.description.trim().to_string())
    .bind(origin.as_str())
    .bind(at)
    .execute(&mut *tx)
    .await?;
    super::event(
        &mut tx,
        id,
        Some(user_id),
        "translation-saved",
        &lang,
        form.title.trim(),
    )
    .await?;
    crate::outbox::record(&mut *tx, OUTBOX_ENTITY, &r.uid).await?;
    tx.commit().await?;
    get(db, id).await
}

/// A step of a translation's review: from which states, to which, and the
/// history entry it leaves.
struct Step<'a> {
    from: &'a [Status],
    to: Status,
    action: &'a str,
}

/// Moves one translation along `step`.
async fn translation_step(
    db: &Db,
    user_id: i64,
    id: i64,
    lang: &str,
    step: Step<'_>,
    detail: &str,
) -> Result<Resource> {
    let Step { from, to, action } = step;
    let r = get(db, id).await?;
    let current = r
        .texts
        .iter()
        .find(|t| t.lang == lang && t.origin != Origin::Original)
        .ok_or(StoreError::NotFound)?;
    if !from.contains(&current.status) {
        return Err(StoreError::invalid("status", "state-invalid"));
    }
    let mut tx = db.pool().begin().await?;
    let done = sqlx::query(
        "UPDATE resource_texts SET status = $1, updated_at = $2 \
         WHERE resource_id = $3 AND lang = $4 AND status = $5",
    )
    .bind(to.as_str())
    .bind(now())
    .bind(id)
    .bind(lang.to_string())
    .bind(current.status.as_str())
    .execute(&mut *tx)
    .await?;
    if done.rows_affected() != 1 {
        return Err(StoreError::invalid("status", "state-invalid"));
    }
    if to == Status::Published {
        // A request for this language is fulfilled.
        sqlx::query(
            "UPDATE translation_requests SET status = 'done', updated_at = $1 \
             WHERE resource_id = $2 AND lang = $3 AND status IN ('open', 'taken')",
        )
        .bind(now())
        .bind(id)
        .bind(lang.to_string())
        .execute(&mut *tx)
        .await?;
    }
    event(&mut tx, id, Some(user_id), action, lang, detail).await?;
    crate::outbox::record(&mut *tx, OUTBOX_ENTITY, &r.uid).await?;
    tx.commit().await?;
    get(db, id).await
}

pub async fn submit_translation(db: &Db, user_id: i64, id: i64, lang: &str) -> Result<Resource> {
    let step = Step {
        from: &[Status::Draft, Status::ChangesRequested],
        to: Status::Submitted,
        action: "translation-submitted",
    };
    translation_step(db, user_id, id, lang, step, "").await
}

/// A moderator publishes a submitted translation of a published resource
/// (translations of unpublished resources are published with them).
pub async fn publish_translation(db: &Db, user_id: i64, id: i64, lang: &str) -> Result<Resource> {
    let r = get(db, id).await?;
    if r.status != Status::Published {
        return Err(StoreError::invalid("status", "state-invalid"));
    }
    let step = Step {
        from: &[Status::Submitted],
        to: Status::Published,
        action: "translation-published",
    };
    translation_step(db, user_id, id, lang, step, "").await
}

pub async fn request_translation_changes(
    db: &Db,
    user_id: i64,
    id: i64,
    lang: &str,
    comment: &str,
) -> Result<Resource> {
    let comment = reason("comment", comment)?;
    let step = Step {
        from: &[Status::Submitted],
        to: Status::ChangesRequested,
        action: "translation-changes-requested",
    };
    translation_step(db, user_id, id, lang, step, &comment).await
}

/// What waits for a moderator: resources submitted, and translations
/// submitted for resources already published (as `(resource, lang)`).
pub async fn queue(db: &Db) -> Result<(Vec<Resource>, Vec<(Resource, String)>)> {
    let resources = super::with_status(db, &[Status::Submitted], 500).await?;
    let rows = sqlx::query(
        "SELECT t.resource_id, t.lang FROM resource_texts t JOIN resources r ON r.id = t.resource_id \
         WHERE t.status = 'submitted' AND t.origin <> 'original' AND r.status = 'published' \
         ORDER BY t.updated_at",
    )
    .fetch_all(db.pool())
    .await?;
    let mut translations = Vec::new();
    for row in rows {
        let id: i64 = row.try_get("resource_id")?;
        translations.push((get(db, id).await?, row.try_get("lang")?));
    }
    Ok((resources, translations))
}
