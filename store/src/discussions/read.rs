//! Reading discussions: a lesson's threads as a reader may see them, the
//! counts lessons and syllabuses show, the unanswered questions of a
//! course's authors, and one account's posts.

use std::collections::HashMap;

use serde::{Deserialize, Serialize};
use sqlx::Row;
use sqlx::any::AnyRow;

use super::{COLUMNS, FROM, Post, THREADS_PER_PAGE, from_row};
use crate::Db;
use crate::db::{Bind, bound};
use crate::error::Result;

/// Which threads of a lesson to list.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Filter {
    /// Pinned first, then by last activity.
    #[default]
    Newest,
    /// Questions with no visible reply and no accepted answer.
    Unanswered,
}

/// Who reads: posts held back or hidden are shown to their author and to
/// the course's moderators only.
#[derive(Debug, Clone, Copy, Default)]
pub struct Reader {
    pub user_id: Option<i64>,
    pub moderates: bool,
}

/// A thread: its first post and its replies, oldest first.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Thread {
    pub post: Post,
    pub replies: Vec<Post>,
}

const UNANSWERED: &str = "p.kind = 'question' AND p.status = 'visible' AND p.accepted_id IS NULL \
    AND NOT EXISTS (SELECT 1 FROM posts r WHERE r.parent_id = p.id AND r.status = 'visible')";

fn visible_to(reader: Reader, first: usize) -> (String, Vec<Bind>) {
    if reader.moderates {
        return ("1 = 1".into(), Vec::new());
    }
    match reader.user_id {
        Some(id) => (
            format!("(p.status IN ('visible', 'deleted') OR p.author_id = ${first})"),
            vec![Bind::Int(id)],
        ),
        None => ("p.status IN ('visible', 'deleted')".into(), Vec::new()),
    }
}

/// A page (from 1) of a lesson's threads, and how many threads there are.
pub async fn threads(
    db: &Db,
    lesson: &str,
    filter: Filter,
    reader: Reader,
    page: i64,
) -> Result<(Vec<Thread>, i64)> {
    let (visible, mut binds) = visible_to(reader, 2);
    let mut clause = format!("p.lesson = $1 AND p.parent_id IS NULL AND {visible}");
    if filter == Filter::Unanswered {
        clause.push_str(&format!(" AND {UNANSWERED}"));
    }
    binds.insert(0, Bind::Text(lesson.to_string()));
    let total: i64 = bound(
        format!("SELECT COUNT(*) AS n FROM posts p WHERE {clause}"),
        binds.clone(),
    )
    .fetch_one(db.pool())
    .await?
    .try_get("n")?;
    let at = binds.len();
    binds.push(Bind::Int(THREADS_PER_PAGE));
    binds.push(Bind::Int((page.max(1) - 1) * THREADS_PER_PAGE));
    let sql = format!(
        "SELECT {COLUMNS} FROM {FROM} WHERE {clause} \
         ORDER BY p.pinned DESC, p.active_at DESC, p.id DESC LIMIT ${} OFFSET ${}",
        at + 1,
        at + 2
    );
    let firsts = bound(sql, binds)
        .fetch_all(db.pool())
        .await?
        .iter()
        .map(from_row)
        .collect::<Result<Vec<_>>>()?;
    let mut replies = replies_of(db, &firsts, reader).await?;
    let threads = firsts
        .into_iter()
        .map(|post| Thread {
            replies: replies.remove(&post.id).unwrap_or_default(),
            post,
        })
        .collect();
    Ok((threads, total))
}

/// The replies of `firsts`, read at once, oldest first per thread.
async fn replies_of(db: &Db, firsts: &[Post], reader: Reader) -> Result<HashMap<i64, Vec<Post>>> {
    let mut out: HashMap<i64, Vec<Post>> = HashMap::new();
    if firsts.is_empty() {
        return Ok(out);
    }
    let (visible, extra) = visible_to(reader, firsts.len() + 1);
    let list = (1..=firsts.len())
        .map(|i| format!("${i}"))
        .collect::<Vec<_>>()
        .join(", ");
    let mut binds: Vec<Bind> = firsts.iter().map(|p| Bind::Int(p.id)).collect();
    binds.extend(extra);
    let sql = format!(
        "SELECT {COLUMNS} FROM {FROM} WHERE p.parent_id IN ({list}) AND {visible} \
         ORDER BY p.created_at, p.id"
    );
    for row in bound(sql, binds).fetch_all(db.pool()).await? {
        let post = from_row(&row)?;
        out.entry(post.parent_id.unwrap_or_default())
            .or_default()
            .push(post);
    }
    Ok(out)
}

/// Per lesson of a course: visible threads and unanswered questions.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Counts {
    pub threads: i64,
    pub unanswered: i64,
    /// Visible posts, replies included (the lesson's `schema:commentCount`).
    pub posts: i64,
}

/// The three counts as SQL aggregates over `posts p` (zero for no row).
fn aggregates() -> String {
    format!(
        "COALESCE(SUM(CASE WHEN p.parent_id IS NULL AND p.status = 'visible' THEN 1 ELSE 0 END), 0) AS threads, \
         COALESCE(SUM(CASE WHEN p.parent_id IS NULL AND {UNANSWERED} THEN 1 ELSE 0 END), 0) AS unanswered, \
         COALESCE(SUM(CASE WHEN p.status = 'visible' THEN 1 ELSE 0 END), 0) AS posts"
    )
}

fn counts_of(row: &AnyRow) -> Result<Counts> {
    Ok(Counts {
        threads: row.try_get("threads")?,
        unanswered: row.try_get("unanswered")?,
        posts: row.try_get("posts")?,
    })
}

/// The counts of every lesson of `course` that has a discussion.
pub async fn counts(db: &Db, course: &str) -> Result<HashMap<String, Counts>> {
    let sql = format!(
        "SELECT p.lesson, {} FROM posts p WHERE p.course = $1 GROUP BY p.lesson",
        aggregates()
    );
    let rows = sqlx::query(sqlx::AssertSqlSafe(sql))
        .bind(course.to_string())
        .fetch_all(db.pool())
        .await?;
    rows.iter()
        .map(|row| Ok((row.try_get("lesson")?, counts_of(row)?)))
        .collect()
}

/// The counts of one lesson's discussion.
pub async fn lesson_counts(db: &Db, lesson: &str) -> Result<Counts> {
    let sql = format!("SELECT {} FROM posts p WHERE p.lesson = $1", aggregates());
    let row = sqlx::query(sqlx::AssertSqlSafe(sql))
        .bind(lesson.to_string())
        .fetch_one(db.pool())
        .await?;
    counts_of(&row)
}

/// The unanswered questions of `courses`, oldest first (an author's list).
pub async fn unanswered(db: &Db, courses: &[String]) -> Result<Vec<Post>> {
    if courses.is_empty() {
        return Ok(Vec::new());
    }
    let list = (1..=courses.len())
        .map(|i| format!("${i}"))
        .collect::<Vec<_>>()
        .join(", ");
    let sql = format!(
        "SELECT {COLUMNS} FROM {FROM} WHERE p.course IN ({list}) AND p.parent_id IS NULL \
         AND {UNANSWERED} ORDER BY p.created_at LIMIT 500"
    );
    let binds = courses.iter().map(|c| Bind::Text(c.clone())).collect();
    bound(sql, binds)
        .fetch_all(db.pool())
        .await?
        .iter()
        .map(from_row)
        .collect()
}

/// Every post an account wrote, oldest first (its own data).
pub async fn by_author(db: &Db, author_id: i64) -> Result<Vec<Post>> {
    let sql = format!("SELECT {COLUMNS} FROM {FROM} WHERE p.author_id = $1 ORDER BY p.id");
    sqlx::query(sqlx::AssertSqlSafe(sql))
        .bind(author_id)
        .fetch_all(db.pool())
        .await?
        .iter()
        .map(from_row)
        .collect()
}
