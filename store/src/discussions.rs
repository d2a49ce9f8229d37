//! Lesson discussions: questions and comments under a lesson, one list for
//! all its language versions (each post keeps the language it was written
//! in), replies one level deep. Authors edit their posts for a while and
//! delete them (the place stays, "deleted by its author", so replies keep
//! their context); a course's authors and moderators accept an answer, pin
//! a thread, and moderate (`moderation`). Every write records an outbox
//! change for the lesson (entity `discussion`), so pages that show counts
//! are refreshed, and the notifications it gives rise to in the same
//! transaction (`crate::notifications`).
//!
//! Posts are personal data: they are never published as RDF or in dumps,
//! and not indexed for search.

pub mod moderation;
mod read;

pub use read::{
    Counts, Filter, Reader, Thread, by_author, counts, lesson_counts, threads, unanswered,
};

use serde::{Deserialize, Serialize};
use sqlx::Row;
use sqlx::any::AnyRow;

use crate::error::Result;
use crate::notifications::{self, Kind, NewNotification};
use crate::outbox::{self, Entity};
use crate::users::User;
use crate::{Db, StoreError, format_time, now};

/// The longest post, in characters.
pub const BODY_MAX_CHARS: usize = 10_000;
/// How long an author may edit a post after writing it.
pub const EDIT_WINDOW: time::Duration = time::Duration::minutes(30);
/// Posts one account may write within [`RATE_WINDOW`].
pub const POSTS_PER_WINDOW: i64 = 5;
pub const RATE_WINDOW: time::Duration = time::Duration::minutes(10);
/// Threads on a page of a lesson's discussion.
pub const THREADS_PER_PAGE: i64 = 20;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum PostKind {
    Question,
    Comment,
    Reply,
}

impl PostKind {
    pub fn as_str(self) -> &'static str {
        match self {
            PostKind::Question => "question",
            PostKind::Comment => "comment",
            PostKind::Reply => "reply",
        }
    }

    pub fn parse(s: &str) -> Option<Self> {
        [PostKind::Question, PostKind::Comment, PostKind::Reply]
            .into_iter()
            .find(|k| k.as_str() == s)
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum PostStatus {
    Visible,
    /// Waits for a moderator's approval (a new account's first post in a
    /// pre-moderated course).
    Pending,
    /// Hidden by a moderator, with a note; its author still sees it.
    Hidden,
    /// Deleted by its author or removed by a moderator; the text is gone.
    Deleted,
}

impl PostStatus {
    pub fn as_str(self) -> &'static str {
        match self {
            PostStatus::Visible => "visible",
            PostStatus::Pending => "pending",
            PostStatus::Hidden => "hidden",
            PostStatus::Deleted => "deleted",
        }
    }

    pub fn parse(s: &str) -> Option<Self> {
        [
            PostStatus::Visible,
            PostStatus::Pending,
            PostStatus::Hidden,
            PostStatus::Deleted,
        ]
        .into_iter()
        .find(|k| k.as_str() == s)
    }
}

/// One post, with its author's name as it is now (`None`: a former
/// learner, whose account is gone).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Post {
    pub id: i64,
    pub course: String,
    pub lesson: String,
    pub parent_id: Option<i64>,
    pub author_id: Option<i64>,
    pub author_name: Option<String>,
    pub lang: String,
    pub kind: PostKind,
    pub body: String,
    pub status: PostStatus,
    pub status_note: String,
    /// `author` or `moderator`, for a deleted post.
    pub deleted_by: Option<String>,
    pub pinned: bool,
    pub accepted_id: Option<i64>,
    pub created_at: String,
    pub edited_at: Option<String>,
    pub active_at: String,
}

impl Post {
    /// Whether its author may still edit it at `now` (stored time text).
    pub fn editable_at(&self, now: &str) -> bool {
        matches!(self.status, PostStatus::Visible | PostStatus::Pending)
            && crate::parse_time(&self.created_at)
                .is_some_and(|t| format_time(t + EDIT_WINDOW).as_str() > now)
    }
}

pub(crate) const COLUMNS: &str = "p.id, p.course, p.lesson, p.parent_id, p.author_id, \
    u.display_name AS author_name, p.lang, p.kind, p.body, p.status, p.status_note, \
    p.deleted_by, p.pinned, p.accepted_id, p.created_at, p.edited_at, p.active_at";

pub(crate) const FROM: &str = "posts p LEFT JOIN users u ON u.id = p.author_id";

fn bad(what: &str) -> StoreError {
    StoreError::Database(sqlx::Error::Decode(what.to_string().into()))
}

pub(crate) fn from_row(row: &AnyRow) -> Result<Post> {
    let kind: String = row.try_get("kind")?;
    let status: String = row.try_get("status")?;
    Ok(Post {
        id: row.try_get("id")?,
        course: row.try_get("course")?,
        lesson: row.try_get("lesson")?,
        parent_id: row.try_get("parent_id")?,
        author_id: row.try_get("author_id")?,
        author_name: row.try_get("author_name")?,
        lang: row.try_get("lang")?,
        kind: PostKind::parse(&kind).ok_or_else(|| bad("kind"))?,
        body: row.try_get("body")?,
        status: PostStatus::parse(&status).ok_or_else(|| bad("status"))?,
        status_note: row.try_get("status_note")?,
        deleted_by: row.try_get("deleted_by")?,
        pinned: row.try_get::<i64, _>("pinned")? != 0,
        accepted_id: row.try_get("accepted_id")?,
        created_at: row.try_get("created_at")?,
        edited_at: row.try_get("edited_at")?,
        active_at: row.try_get("active_at")?,
    })
}

pub async fn get(db: &Db, id: i64) -> Result<Post> {
    let sql = format!("SELECT {COLUMNS} FROM {FROM} WHERE p.id = $1");
    let row = sqlx::query(sqlx::AssertSqlSafe(sql))
        .bind(id)
        .fetch_optional(db.pool())
        .await?
        .ok_or(StoreError::NotFound)?;
    from_row(&row)
}

/// Where a post is written: the lesson (by content id), its course, the
/// language of the version read, and the lesson's title and address (for
/// notifications).
#[derive(Debug, Clone)]
pub struct Place {
    pub course: String,
    pub lesson: String,
    pub lang: String,
    pub title: String,
    /// The lesson's path under the language prefix.
    pub path: String,
}

/// A post to write: a question or comment (`parent` empty), or a reply.
#[derive(Debug, Clone)]
pub struct Writing<'a> {
    pub author: &'a User,
    /// The author moderates this course (an author of it, a moderator or
    /// an administrator): never pre-moderated.
    pub trusted: bool,
    pub kind: PostKind,
    pub parent: Option<i64>,
    pub body: &'a str,
}

/// The body's problems, as field errors on `body`.
pub fn check_body(body: &str) -> Vec<crate::FieldError> {
    let trimmed = body.trim();
    let mut errors = Vec::new();
    if trimmed.is_empty() {
        errors.push(crate::FieldError::new("body", "post-empty"));
    } else if trimmed.chars().count() > BODY_MAX_CHARS {
        errors.push(crate::FieldError::new("body", "post-too-long"));
    }
    errors
}

/// Posts `author_id` wrote within the rate window.
async fn recent_posts(db: &Db, author_id: i64) -> Result<i64> {
    let since = format_time(time::OffsetDateTime::now_utc() - RATE_WINDOW);
    let row =
        sqlx::query("SELECT COUNT(*) AS n FROM posts WHERE author_id = $1 AND created_at > $2")
            .bind(author_id)
            .bind(since)
            .fetch_one(db.pool())
            .await?;
    Ok(row.try_get("n")?)
}

/// Whether `author_id` has a post a moderator saw through (or one never
/// held back): a new account's first posts wait in pre-moderated courses.
async fn has_approved_post(db: &Db, author_id: i64) -> Result<bool> {
    let row =
        sqlx::query("SELECT COUNT(*) AS n FROM posts WHERE author_id = $1 AND status = 'visible'")
            .bind(author_id)
            .fetch_one(db.pool())
            .await?;
    Ok(row.try_get::<i64, _>("n")? > 0)
}

/// Writes a post. Refusals: `body` (`post-empty`, `post-too-long`,
/// `post-rate-limited`), `parent` (`post-parent-invalid`: not a visible
/// thread start of this lesson). A reply notifies the thread's author; a
/// question notifies the course's authors; a held post notifies nobody
/// until it is approved.
pub async fn create(db: &Db, place: &Place, w: &Writing<'_>) -> Result<Post> {
    let mut errors = check_body(w.body);
    if !errors.is_empty() {
        return Err(StoreError::Invalid(errors));
    }
    if recent_posts(db, w.author.id).await? >= POSTS_PER_WINDOW {
        errors.push(crate::FieldError::new("body", "post-rate-limited"));
        return Err(StoreError::Invalid(errors));
    }
    let parent = match w.parent {
        Some(id) => {
            let parent = get(db, id).await.ok().filter(|p| {
                p.lesson == place.lesson && p.parent_id.is_none() && p.status == PostStatus::Visible
            });
            Some(parent.ok_or_else(|| StoreError::invalid("parent", "post-parent-invalid"))?)
        }
        None => None,
    };
    let kind = if parent.is_some() {
        PostKind::Reply
    } else if w.kind == PostKind::Reply {
        PostKind::Comment
    } else {
        w.kind
    };
    let held = !w.trusted
        && moderation::premoderated(db, &place.course).await?
        && !has_approved_post(db, w.author.id).await?;
    let status = if held {
        PostStatus::Pending
    } else {
        PostStatus::Visible
    };
    let now = now();
    let mut tx = db.pool().begin().await?;
    let id: i64 = sqlx::query(
        "INSERT INTO posts (course, lesson, parent_id, author_id, lang, kind, body, status, \
         created_at, active_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $9) RETURNING id",
    )
    .bind(place.course.clone())
    .bind(place.lesson.clone())
    .bind(w.parent)
    .bind(w.author.id)
    .bind(place.lang.clone())
    .bind(kind.as_str())
    .bind(w.body.trim().to_string())
    .bind(status.as_str())
    .bind(now.clone())
    .fetch_one(&mut *tx)
    .await?
    .try_get("id")?;
    if let Some(parent) = &parent {
        sqlx::query("UPDATE posts SET active_at = $1 WHERE id = $2")
            .bind(now)
            .bind(parent.id)
            .execute(&mut *tx)
            .await?;
    }
    outbox::record(&mut *tx, Entity::Discussion, &place.lesson).await?;
    if !held {
        let post = Announced {
            id,
            kind,
            author_id: w.author.id,
            author_name: &w.author.display_name,
            parent: parent.as_ref(),
        };
        announce(&mut tx, place, &post).await?;
    }
    tx.commit().await?;
    get(db, id).await
}

/// What a newly visible post tells whom.
pub(crate) struct Announced<'a> {
    pub id: i64,
    pub kind: PostKind,
    pub author_id: i64,
    pub author_name: &'a str,
    pub parent: Option<&'a Post>,
}

/// Notifies the thread's author of a reply, and the course's authors of a
/// question (never the writer themself).
pub(crate) async fn announce(
    tx: &mut sqlx::Transaction<'_, sqlx::Any>,
    place: &Place,
    post: &Announced<'_>,
) -> Result<()> {
    let link = format!("{}/discussion#post-{}", place.path, post.id);
    let mut recipients: Vec<(i64, Kind)> = Vec::new();
    if let Some(parent) = post.parent
        && let Some(asker) = parent.author_id
    {
        recipients.push((asker, Kind::Reply));
    }
    if post.kind == PostKind::Question {
        let authors = sqlx::query("SELECT user_id FROM course_authors WHERE course = $1")
            .bind(place.course.clone())
            .fetch_all(&mut **tx)
            .await?;
        for row in authors {
            recipients.push((row.try_get("user_id")?, Kind::NewQuestion));
        }
    }
    for (user_id, kind) in recipients {
        if user_id == post.author_id {
            continue;
        }
        let n = NewNotification {
            user_id,
            kind,
            event_key: format!("{}:{}", kind.as_str(), post.id),
            actor: post.author_name.to_string(),
            subject: place.title.clone(),
            note: String::new(),
            link: link.clone(),
        };
        notifications::notify(&mut **tx, &n).await?;
    }
    Ok(())
}

/// Replaces the text of one's own post within [`EDIT_WINDOW`]; after it,
/// `post-edit-closed`. The caller checked it is the author's.
pub async fn edit(db: &Db, post: &Post, body: &str) -> Result<Post> {
    let errors = check_body(body);
    if !errors.is_empty() {
        return Err(StoreError::Invalid(errors));
    }
    let now = now();
    if !post.editable_at(&now) {
        return Err(StoreError::invalid("body", "post-edit-closed"));
    }
    let mut tx = db.pool().begin().await?;
    let done = sqlx::query(
        "UPDATE posts SET body = $1, edited_at = $2 WHERE id = $3 AND status IN ('visible', 'pending')",
    )
    .bind(body.trim().to_string())
    .bind(now)
    .bind(post.id)
    .execute(&mut *tx)
    .await?;
    if done.rows_affected() == 0 {
        return Err(StoreError::invalid("body", "post-edit-closed"));
    }
    outbox::record(&mut *tx, Entity::Discussion, &post.lesson).await?;
    tx.commit().await?;
    get(db, post.id).await
}

/// Deletes one's own post: its text goes, its place stays ("deleted by its
/// author") so that replies keep their thread. The caller checked it is
/// the author's.
pub async fn delete_own(db: &Db, post: &Post) -> Result<()> {
    let mut tx = db.pool().begin().await?;
    sqlx::query(
        "UPDATE posts SET status = 'deleted', deleted_by = 'author', body = '', pinned = 0 \
         WHERE id = $1 AND status <> 'deleted'",
    )
    .bind(post.id)
    .execute(&mut *tx)
    .await?;
    sqlx::query("UPDATE posts SET accepted_id = NULL WHERE accepted_id = $1")
        .bind(post.id)
        .execute(&mut *tx)
        .await?;
    outbox::record(&mut *tx, Entity::Discussion, &post.lesson).await?;
    tx.commit().await?;
    Ok(())
}
