//! Everything the instance keeps about one account, for its owner to
//! download (`/{lang}/account/data.json`): the profile, memberships, learning
//! (lessons opened and done, quiz attempts with their answers,
//! certificates), discussion posts, contributions to the library (every step
//! the account took), translation requests, notifications and their
//! settings. Secrets (the password hash, tokens, sessions) are not data the
//! person gave and are left out.

use serde::Serialize;
use sqlx::Row;

use crate::error::Result;
use crate::{Db, discussions, learning, notifications, organisations, users};

#[derive(Debug, Serialize)]
pub struct AccountData {
    pub exported_at: String,
    pub profile: Profile,
    /// `(organisation slug, role)`.
    pub organisations: Vec<(String, String)>,
    /// Slugs of the directory's providers the account edits.
    pub providers: Vec<String>,
    pub lessons: Vec<Lesson>,
    pub quiz_attempts: Vec<QuizAttempt>,
    pub certificates: Vec<Certificate>,
    pub posts: Vec<Post>,
    pub contributions: Vec<Contribution>,
    pub translation_requests: Vec<TranslationRequest>,
    pub notifications: Vec<Notification>,
    /// `(kind, shown on the site, e-mail)`.
    pub notification_settings: Vec<(String, bool, String)>,
}

#[derive(Debug, Serialize)]
pub struct Profile {
    pub email: String,
    pub email_verified: bool,
    pub display_name: String,
    pub role: String,
    pub preferred_languages: Vec<String>,
    pub created_at: String,
}

#[derive(Debug, Serialize)]
pub struct Lesson {
    pub course: String,
    pub lesson: String,
    pub visited_at: String,
    pub done_at: Option<String>,
}

#[derive(Debug, Serialize)]
pub struct QuizAttempt {
    pub course: String,
    pub lesson: String,
    pub language: String,
    pub score: i64,
    pub total: i64,
    /// The answers as sent, `(field, value)` pairs as JSON text.
    pub answers: String,
    pub created_at: String,
}

#[derive(Debug, Serialize)]
pub struct Certificate {
    pub id: String,
    pub course: String,
    pub course_title: String,
    pub holder_name: String,
    pub language: String,
    pub issued_at: String,
}

#[derive(Debug, Serialize)]
pub struct Post {
    pub id: i64,
    pub course: String,
    pub lesson: String,
    pub reply_to: Option<i64>,
    pub kind: String,
    pub language: String,
    pub text: String,
    pub status: String,
    pub created_at: String,
    pub edited_at: Option<String>,
}

#[derive(Debug, Serialize)]
pub struct Contribution {
    pub resource: String,
    pub action: String,
    pub language: String,
    pub detail: String,
    pub at: String,
}

#[derive(Debug, Serialize)]
pub struct TranslationRequest {
    pub resource: String,
    pub language: String,
    pub status: String,
    pub created_at: String,
}

#[derive(Debug, Serialize)]
pub struct Notification {
    pub kind: String,
    pub actor: String,
    pub subject: String,
    pub note: String,
    pub link: String,
    pub created_at: String,
    pub read_at: Option<String>,
}

/// What the instance keeps about `user_id`.
pub async fn account(db: &Db, user_id: i64) -> Result<AccountData> {
    let user = users::get(db, user_id).await?;
    let organisations = organisations::memberships_of(db, user_id)
        .await?
        .into_iter()
        .map(|(o, r)| (o.slug, r.as_str().to_string()))
        .collect();
    let providers = crate::directory::of_member(db, user_id)
        .await?
        .into_iter()
        .map(|p| p.slug)
        .collect();
    let mut lessons = Vec::new();
    let mut quiz_attempts = Vec::new();
    if let Some(learner) = learning::existing_for_user(db, user_id).await? {
        let rows = sqlx::query(
            "SELECT course, lesson, visited_at, done_at FROM lesson_progress \
             WHERE learner_id = $1 ORDER BY visited_at",
        )
        .bind(learner.0)
        .fetch_all(db.pool())
        .await?;
        for r in rows {
            lessons.push(Lesson {
                course: r.try_get("course")?,
                lesson: r.try_get("lesson")?,
                visited_at: r.try_get("visited_at")?,
                done_at: r.try_get("done_at")?,
            });
        }
        quiz_attempts = learning::attempts(db, learner, None)
            .await?
            .into_iter()
            .map(|a| QuizAttempt {
                course: a.course,
                lesson: a.lesson,
                language: a.language,
                score: a.score,
                total: a.total,
                answers: a.answers,
                created_at: a.created_at,
            })
            .collect();
    }
    let certificates = learning::certificates_of(db, user_id)
        .await?
        .into_iter()
        .map(|c| Certificate {
            id: c.id,
            course: c.course,
            course_title: c.course_title,
            holder_name: c.holder_name,
            language: c.language,
            issued_at: c.issued_at,
        })
        .collect();
    let posts = discussions::by_author(db, user_id)
        .await?
        .into_iter()
        .map(|p| Post {
            id: p.id,
            course: p.course,
            lesson: p.lesson,
            reply_to: p.parent_id,
            kind: p.kind.as_str().to_string(),
            language: p.lang,
            text: p.body,
            status: p.status.as_str().to_string(),
            created_at: p.created_at,
            edited_at: p.edited_at,
        })
        .collect();
    let mut contributions = Vec::new();
    for r in sqlx::query(
        "SELECT r.uid, e.action, e.lang, e.detail, e.created_at FROM resource_events e \
         JOIN resources r ON r.id = e.resource_id WHERE e.user_id = $1 ORDER BY e.id",
    )
    .bind(user_id)
    .fetch_all(db.pool())
    .await?
    {
        contributions.push(Contribution {
            resource: r.try_get("uid")?,
            action: r.try_get("action")?,
            language: r.try_get("lang")?,
            detail: r.try_get("detail")?,
            at: r.try_get("created_at")?,
        });
    }
    let mut translation_requests = Vec::new();
    for r in sqlx::query(
        "SELECT r.uid, t.lang, t.status, t.created_at FROM translation_requests t \
         JOIN resources r ON r.id = t.resource_id WHERE t.requested_by = $1 ORDER BY t.id",
    )
    .bind(user_id)
    .fetch_all(db.pool())
    .await?
    {
        translation_requests.push(TranslationRequest {
            resource: r.try_get("uid")?,
            language: r.try_get("lang")?,
            status: r.try_get("status")?,
            created_at: r.try_get("created_at")?,
        });
    }
    let mut notes = Vec::new();
    for r in sqlx::query(
        "SELECT kind, actor, subject, note, link, created_at, read_at FROM notifications \
         WHERE user_id = $1 ORDER BY id",
    )
    .bind(user_id)
    .fetch_all(db.pool())
    .await?
    {
        notes.push(Notification {
            kind: r.try_get("kind")?,
            actor: r.try_get("actor")?,
            subject: r.try_get("subject")?,
            note: r.try_get("note")?,
            link: r.try_get("link")?,
            created_at: r.try_get("created_at")?,
            read_at: r.try_get("read_at")?,
        });
    }
    let notification_settings = notifications::settings(db, user_id)
        .await?
        .into_iter()
        .map(|s| {
            (
                s.kind.as_str().to_string(),
                s.in_app,
                s.email.as_str().to_string(),
            )
        })
        .collect();
    Ok(AccountData {
        exported_at: crate::now(),
        profile: Profile {
            email: user.email,
            email_verified: user.email_verified,
            display_name: user.display_name,
            role: user.role.as_str().to_string(),
            preferred_languages: user.preferred_languages,
            created_at: user.created_at,
        },
        organisations,
        providers,
        lessons,
        quiz_attempts,
        certificates,
        posts,
        contributions,
        translation_requests,
        notifications: notes,
        notification_settings,
    })
}
