//! Moderating discussions: reports, the moderators' queue (reported posts
//! and posts waiting for approval), hiding, restoring and removing with a
//! note, accepting an answer and pinning a thread, the history of every
//! action, and per course the setting "posts wait for approval" and the
//! accounts who author it. Every action checks the post's state in its own
//! `UPDATE … WHERE` (two moderators cannot both act) and writes its history
//! row, the outbox change and the notification in the same transaction.

use serde::{Deserialize, Serialize};
use sqlx::Row;

use super::{Announced, COLUMNS, FROM, Place, Post, PostStatus, from_row, get};
use crate::error::Result;
use crate::notifications::{self, Kind, NewNotification};
use crate::outbox::{self, Entity};
use crate::{Db, FieldError, StoreError, now};

/// The longest report reason or moderator's note, in characters.
pub const NOTE_MAX_CHARS: usize = 1000;

/// What a moderator does to a post.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Action {
    /// A held post becomes visible.
    Approve,
    /// Hidden from everyone but its author, with a note to them.
    Hide,
    /// A hidden post is visible again.
    Restore,
    /// Its text is removed for good; its place stays.
    Remove,
    /// The reports were looked at and nothing needs doing.
    Dismiss,
    Accept,
    Unaccept,
    Pin,
    Unpin,
}

impl Action {
    pub const ALL: [Action; 9] = [
        Action::Approve,
        Action::Hide,
        Action::Restore,
        Action::Remove,
        Action::Dismiss,
        Action::Accept,
        Action::Unaccept,
        Action::Pin,
        Action::Unpin,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Action::Approve => "approve",
            Action::Hide => "hide",
            Action::Restore => "restore",
            Action::Remove => "remove",
            Action::Dismiss => "dismiss",
            Action::Accept => "accept",
            Action::Unaccept => "unaccept",
            Action::Pin => "pin",
            Action::Unpin => "unpin",
        }
    }

    pub fn parse(s: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|a| a.as_str() == s)
    }

    /// Whether the action needs a note (the author is told why).
    pub fn needs_note(self) -> bool {
        matches!(self, Action::Hide | Action::Remove)
    }
}

fn check_note(field: &'static str, text: &str, required: bool) -> Vec<FieldError> {
    let n = text.trim().chars().count();
    if required && n == 0 {
        vec![FieldError::new(field, "note-required")]
    } else if n > NOTE_MAX_CHARS {
        vec![FieldError::new(field, "note-too-long")]
    } else {
        Vec::new()
    }
}

/// Reports a post with a reason; reporting it again changes nothing.
pub async fn report(db: &Db, reporter_id: i64, post: &Post, reason: &str) -> Result<()> {
    let errors = check_note("reason", reason, true);
    if !errors.is_empty() {
        return Err(StoreError::Invalid(errors));
    }
    sqlx::query(
        "INSERT INTO post_reports (post_id, reporter_id, reason, created_at) VALUES ($1, $2, $3, $4) \
         ON CONFLICT (post_id, reporter_id) DO NOTHING",
    )
    .bind(post.id)
    .bind(reporter_id)
    .bind(reason.trim().to_string())
    .bind(now())
    .execute(db.pool())
    .await?;
    Ok(())
}

/// A report as the queue shows it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Report {
    pub reason: String,
    pub created_at: String,
}

/// A post in the moderators' queue, with its open reports.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Waiting {
    pub post: Post,
    pub reports: Vec<Report>,
}

/// Posts waiting for approval and posts with open reports, oldest first;
/// only those of `courses` unless `None` (every course).
pub async fn queue(db: &Db, courses: Option<&[String]>) -> Result<Vec<Waiting>> {
    let sql = format!(
        "SELECT {COLUMNS} FROM {FROM} WHERE p.status = 'pending' OR (p.status <> 'deleted' AND \
         EXISTS (SELECT 1 FROM post_reports r WHERE r.post_id = p.id AND r.resolved_at IS NULL)) \
         ORDER BY p.created_at LIMIT 500"
    );
    let posts = sqlx::query(sqlx::AssertSqlSafe(sql))
        .fetch_all(db.pool())
        .await?
        .iter()
        .map(from_row)
        .collect::<Result<Vec<_>>>()?;
    let reports = sqlx::query(
        "SELECT post_id, reason, created_at FROM post_reports WHERE resolved_at IS NULL \
         ORDER BY created_at",
    )
    .fetch_all(db.pool())
    .await?;
    let mut out: Vec<Waiting> = posts
        .into_iter()
        .filter(|p| courses.is_none_or(|c| c.contains(&p.course)))
        .map(|post| Waiting {
            post,
            reports: Vec::new(),
        })
        .collect();
    for row in reports {
        let id: i64 = row.try_get("post_id")?;
        if let Some(w) = out.iter_mut().find(|w| w.post.id == id) {
            w.reports.push(Report {
                reason: row.try_get("reason")?,
                created_at: row.try_get("created_at")?,
            });
        }
    }
    Ok(out)
}

/// What a moderator's action changes: the new status (or none), and the
/// states it may start from.
fn transition(action: Action) -> Option<(&'static str, &'static str)> {
    match action {
        Action::Approve => Some(("visible", "'pending'")),
        Action::Hide => Some(("hidden", "'visible', 'pending'")),
        Action::Restore => Some(("visible", "'hidden'")),
        Action::Remove => Some(("deleted", "'visible', 'pending', 'hidden'")),
        _ => None,
    }
}

/// Approves, hides, restores, removes a post or dismisses its reports,
/// with `note` (required to hide or remove: its author reads it). A post
/// no longer in a state the action starts from is `post-state-changed`.
/// Hiding and removing notify the author; approving announces the post as
/// if it had just been written.
pub async fn moderate(
    db: &Db,
    moderator_id: i64,
    post: &Post,
    action: Action,
    note: &str,
    place: &Place,
) -> Result<()> {
    let errors = check_note("note", note, action.needs_note());
    if !errors.is_empty() {
        return Err(StoreError::Invalid(errors));
    }
    let note = note.trim().to_string();
    let mut tx = db.pool().begin().await?;
    match action {
        Action::Dismiss => {}
        Action::Accept | Action::Unaccept | Action::Pin | Action::Unpin => {
            return Err(StoreError::invalid("action", "post-state-changed"));
        }
        _ => {
            let (to, from) = transition(action).expect("a status change");
            let clear = if action == Action::Remove {
                ", body = '', deleted_by = 'moderator', pinned = 0"
            } else {
                ""
            };
            let sql = format!(
                "UPDATE posts SET status = $1, status_note = $2{clear} WHERE id = $3 AND status IN ({from})"
            );
            let done = sqlx::query(sqlx::AssertSqlSafe(sql))
                .bind(to)
                .bind(note.clone())
                .bind(post.id)
                .execute(&mut *tx)
                .await?;
            if done.rows_affected() == 0 {
                return Err(StoreError::invalid("action", "post-state-changed"));
            }
        }
    }
    sqlx::query(
        "UPDATE post_reports SET resolved_at = $1 WHERE post_id = $2 AND resolved_at IS NULL",
    )
    .bind(now())
    .bind(post.id)
    .execute(&mut *tx)
    .await?;
    record(&mut tx, post, moderator_id, action, &note).await?;
    if let Some(author) = post.author_id
        && matches!(action, Action::Hide | Action::Remove)
    {
        let n = NewNotification {
            user_id: author,
            kind: Kind::PostHidden,
            event_key: format!("{}:{}:{}", action.as_str(), post.id, now()),
            actor: String::new(),
            subject: place.title.clone(),
            note: note.clone(),
            link: format!("{}/discussion#post-{}", place.path, post.id),
        };
        notifications::notify(&mut *tx, &n).await?;
    }
    if action == Action::Approve
        && let Some(author) = post.author_id
    {
        let parent = match post.parent_id {
            Some(id) => Some(get(db, id).await?),
            None => None,
        };
        let name = post.author_name.clone().unwrap_or_default();
        let announced = Announced {
            id: post.id,
            kind: post.kind,
            author_id: author,
            author_name: &name,
            parent: parent.as_ref(),
        };
        super::announce(&mut tx, place, &announced).await?;
    }
    outbox::record(&mut *tx, Entity::Discussion, &post.lesson).await?;
    tx.commit().await?;
    Ok(())
}

async fn record(
    tx: &mut sqlx::Transaction<'_, sqlx::Any>,
    post: &Post,
    moderator_id: i64,
    action: Action,
    note: &str,
) -> Result<()> {
    sqlx::query(
        "INSERT INTO moderation_events (post_id, moderator_id, action, note, created_at) \
         VALUES ($1, $2, $3, $4, $5)",
    )
    .bind(post.id)
    .bind(moderator_id)
    .bind(action.as_str())
    .bind(note.to_string())
    .bind(now())
    .execute(&mut **tx)
    .await?;
    Ok(())
}

/// Marks `reply` the accepted answer of its question (or none, `None`),
/// and tells the reply's author.
pub async fn accept(
    db: &Db,
    moderator_id: i64,
    question: &Post,
    reply: Option<&Post>,
    place: &Place,
) -> Result<()> {
    if let Some(r) = reply
        && (r.parent_id != Some(question.id) || r.status != PostStatus::Visible)
    {
        return Err(StoreError::invalid("reply", "post-state-changed"));
    }
    let mut tx = db.pool().begin().await?;
    let done = sqlx::query(
        "UPDATE posts SET accepted_id = $1 WHERE id = $2 AND kind = 'question' AND status = 'visible'",
    )
    .bind(reply.map(|r| r.id))
    .bind(question.id)
    .execute(&mut *tx)
    .await?;
    if done.rows_affected() == 0 {
        return Err(StoreError::invalid("reply", "post-state-changed"));
    }
    let action = if reply.is_some() {
        Action::Accept
    } else {
        Action::Unaccept
    };
    record(&mut tx, reply.unwrap_or(question), moderator_id, action, "").await?;
    if let Some(r) = reply
        && let Some(author) = r.author_id
        && author != moderator_id
    {
        let n = NewNotification {
            user_id: author,
            kind: Kind::Accepted,
            event_key: format!("accepted:{}", r.id),
            actor: String::new(),
            subject: place.title.clone(),
            note: String::new(),
            link: format!("{}/discussion#post-{}", place.path, r.id),
        };
        notifications::notify(&mut *tx, &n).await?;
    }
    outbox::record(&mut *tx, Entity::Discussion, &question.lesson).await?;
    tx.commit().await?;
    Ok(())
}

/// Pins a thread to the top of its lesson's list, or unpins it.
pub async fn pin(db: &Db, moderator_id: i64, post: &Post, pinned: bool) -> Result<()> {
    let mut tx = db.pool().begin().await?;
    let done = sqlx::query(
        "UPDATE posts SET pinned = $1 WHERE id = $2 AND parent_id IS NULL AND status = 'visible'",
    )
    .bind(i64::from(pinned))
    .bind(post.id)
    .execute(&mut *tx)
    .await?;
    if done.rows_affected() == 0 {
        return Err(StoreError::invalid("action", "post-state-changed"));
    }
    let action = if pinned { Action::Pin } else { Action::Unpin };
    record(&mut tx, post, moderator_id, action, "").await?;
    outbox::record(&mut *tx, Entity::Discussion, &post.lesson).await?;
    tx.commit().await?;
    Ok(())
}

/// One action of the history.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Event {
    pub post_id: i64,
    pub course: String,
    pub lesson: String,
    pub moderator: Option<String>,
    pub action: Action,
    pub note: String,
    pub created_at: String,
}

/// The latest moderation actions, newest first; only those on `courses`
/// unless `None`.
pub async fn history(db: &Db, courses: Option<&[String]>, limit: i64) -> Result<Vec<Event>> {
    let rows = sqlx::query(
        "SELECT e.post_id, p.course, p.lesson, u.display_name AS moderator, e.action, e.note, \
         e.created_at FROM moderation_events e JOIN posts p ON p.id = e.post_id \
         LEFT JOIN users u ON u.id = e.moderator_id ORDER BY e.id DESC LIMIT $1",
    )
    .bind(limit)
    .fetch_all(db.pool())
    .await?;
    let mut out = Vec::new();
    for row in rows {
        let course: String = row.try_get("course")?;
        if courses.is_some_and(|c| !c.contains(&course)) {
            continue;
        }
        let action: String = row.try_get("action")?;
        out.push(Event {
            post_id: row.try_get("post_id")?,
            course,
            lesson: row.try_get("lesson")?,
            moderator: row.try_get("moderator")?,
            action: Action::parse(&action).unwrap_or(Action::Dismiss),
            note: row.try_get("note")?,
            created_at: row.try_get("created_at")?,
        });
    }
    Ok(out)
}

/// Whether new accounts' first posts in `course` wait for approval.
pub async fn premoderated(db: &Db, course: &str) -> Result<bool> {
    let row = sqlx::query("SELECT premoderation FROM course_discussion WHERE course = $1")
        .bind(course.to_string())
        .fetch_optional(db.pool())
        .await?;
    Ok(match row {
        Some(r) => r.try_get::<i64, _>("premoderation")? != 0,
        None => false,
    })
}

pub async fn set_premoderation(db: &Db, course: &str, on: bool) -> Result<()> {
    sqlx::query(
        "INSERT INTO course_discussion (course, premoderation, updated_at) VALUES ($1, $2, $3) \
         ON CONFLICT (course) DO UPDATE SET premoderation = excluded.premoderation, \
         updated_at = excluded.updated_at",
    )
    .bind(course.to_string())
    .bind(i64::from(on))
    .bind(now())
    .execute(db.pool())
    .await?;
    Ok(())
}

/// The courses `user_id` authors.
pub async fn courses_of(db: &Db, user_id: i64) -> Result<Vec<String>> {
    let rows = sqlx::query("SELECT course FROM course_authors WHERE user_id = $1 ORDER BY course")
        .bind(user_id)
        .fetch_all(db.pool())
        .await?;
    rows.iter()
        .map(|r| r.try_get("course").map_err(Into::into))
        .collect()
}

/// An account who authors a course.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Author {
    pub id: i64,
    pub display_name: String,
    pub email: String,
    /// Named by the course's front matter (`author_accounts`): it stays as
    /// long as the content says so.
    pub from_content: bool,
}

/// The accounts who author `course`.
pub async fn authors(db: &Db, course: &str) -> Result<Vec<Author>> {
    let rows = sqlx::query(
        "SELECT u.id, u.display_name, u.email, a.source FROM course_authors a \
         JOIN users u ON u.id = a.user_id WHERE a.course = $1 ORDER BY u.display_name",
    )
    .bind(course.to_string())
    .fetch_all(db.pool())
    .await?;
    rows.iter()
        .map(|r| {
            Ok(Author {
                id: r.try_get("id")?,
                display_name: r.try_get("display_name")?,
                email: r.try_get("email")?,
                from_content: r.try_get::<String, _>("source")? == "content",
            })
        })
        .collect()
}

/// Makes the accounts of `emails` the authors `course`'s content names,
/// replacing those it named before (authors chosen by an administrator
/// stay). Returns the addresses no account uses (nothing is made for them).
pub async fn sync_content_authors(db: &Db, course: &str, emails: &[String]) -> Result<Vec<String>> {
    let mut unknown = Vec::new();
    let mut ids = Vec::new();
    for email in emails {
        match crate::users::find_by_email(db, email).await? {
            Some(u) => ids.push(u.id),
            None => unknown.push(email.clone()),
        }
    }
    let mut tx = db.pool().begin().await?;
    sqlx::query("DELETE FROM course_authors WHERE course = $1 AND source = 'content'")
        .bind(course.to_string())
        .execute(&mut *tx)
        .await?;
    for id in ids {
        sqlx::query(
            "INSERT INTO course_authors (course, user_id, created_at, source) VALUES ($1, $2, $3, 'content') \
             ON CONFLICT (course, user_id) DO NOTHING",
        )
        .bind(course.to_string())
        .bind(id)
        .bind(now())
        .execute(&mut *tx)
        .await?;
    }
    tx.commit().await?;
    Ok(unknown)
}

/// Makes `user_id` an author of `course` (again: nothing changes).
pub async fn add_author(db: &Db, course: &str, user_id: i64) -> Result<()> {
    sqlx::query(
        "INSERT INTO course_authors (course, user_id, created_at) VALUES ($1, $2, $3) \
         ON CONFLICT (course, user_id) DO NOTHING",
    )
    .bind(course.to_string())
    .bind(user_id)
    .bind(now())
    .execute(db.pool())
    .await?;
    Ok(())
}

/// Removes an author an administrator chose (those the content names stay).
pub async fn remove_author(db: &Db, course: &str, user_id: i64) -> Result<()> {
    sqlx::query(
        "DELETE FROM course_authors WHERE course = $1 AND user_id = $2 AND source = 'admin'",
    )
    .bind(course.to_string())
    .bind(user_id)
    .execute(db.pool())
    .await?;
    Ok(())
}
