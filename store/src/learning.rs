//! Learners' progress: lessons visited and done, quiz attempts, certificates.
//!
//! A learner is either an account or an anonymous visitor known by a random
//! token kept in a cookie (only its SHA-256 is stored). When an anonymous
//! visitor signs up or logs in, [`merge_anonymous`] moves everything they did
//! to their account. Lessons and courses are named by their ids in the content
//! tree, so progress does not depend on the language a lesson was read in.

use std::collections::{BTreeMap, BTreeSet};

use rand::RngCore;
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};
use sqlx::Row;
use sqlx::any::AnyRow;

use crate::error::Result;
use crate::{Db, StoreError, now};

/// A learner's id (an account's or an anonymous visitor's).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct LearnerId(pub i64);

/// A new anonymous token: 32 random bytes, hex.
pub fn new_token() -> String {
    let mut bytes = [0u8; 32];
    rand::rng().fill_bytes(&mut bytes);
    hex::encode(bytes)
}

/// What is stored of a token handed out (the SHA-256 of its text, hex).
pub(crate) fn hash_token(token: &str) -> String {
    hex::encode(Sha256::digest(token.as_bytes()))
}

/// How stale `last_seen_at` may get before a visit refreshes it: reading
/// pages should not write to the database on every request.
const SEEN_EVERY: time::Duration = time::Duration::hours(1);

fn hash(token: &str) -> String {
    hash_token(token)
}

fn stale_before() -> String {
    crate::format_time(time::OffsetDateTime::now_utc() - SEEN_EVERY)
}

/// The anonymous learner holding `token`, if it is known (and marks them
/// seen, at most once an hour).
pub async fn anonymous(db: &Db, token: &str) -> Result<Option<LearnerId>> {
    let Some(row) = sqlx::query("SELECT id, last_seen_at FROM learners WHERE token_hash = $1")
        .bind(hash(token))
        .fetch_optional(db.pool())
        .await?
    else {
        return Ok(None);
    };
    let id: i64 = row.try_get("id")?;
    let seen: String = row.try_get("last_seen_at")?;
    if seen < stale_before() {
        sqlx::query("UPDATE learners SET last_seen_at = $1 WHERE id = $2")
            .bind(now())
            .bind(id)
            .execute(db.pool())
            .await?;
    }
    Ok(Some(LearnerId(id)))
}

/// Records a new anonymous learner for `token` (from [`new_token`]).
pub async fn create_anonymous(db: &Db, token: &str) -> Result<LearnerId> {
    let at = now();
    let row = sqlx::query(
        "INSERT INTO learners (token_hash, created_at, last_seen_at) VALUES ($1, $2, $2) \
         RETURNING id",
    )
    .bind(hash(token))
    .bind(at)
    .fetch_one(db.pool())
    .await?;
    Ok(LearnerId(row.try_get("id")?))
}

/// The learner of an account, created on first use.
pub async fn for_user(db: &Db, user_id: i64) -> Result<LearnerId> {
    if let Some(id) = existing_for_user(db, user_id).await? {
        return Ok(id);
    }
    let at = now();
    let row = sqlx::query(
        "INSERT INTO learners (user_id, created_at, last_seen_at) VALUES ($1, $2, $2) \
         ON CONFLICT (user_id) DO UPDATE SET last_seen_at = excluded.last_seen_at RETURNING id",
    )
    .bind(user_id)
    .bind(at)
    .fetch_one(db.pool())
    .await?;
    Ok(LearnerId(row.try_get("id")?))
}

/// The learner of an account, if they ever did anything.
pub async fn existing_for_user(db: &Db, user_id: i64) -> Result<Option<LearnerId>> {
    let row = sqlx::query("SELECT id FROM learners WHERE user_id = $1")
        .bind(user_id)
        .fetch_optional(db.pool())
        .await?;
    row.map(|r| Ok(LearnerId(r.try_get("id")?))).transpose()
}

/// Notes that the learner opened a lesson (where "resume" leads).
pub async fn visit(db: &Db, learner: LearnerId, course: &str, lesson: &str) -> Result<()> {
    sqlx::query(
        "INSERT INTO lesson_progress (learner_id, course, lesson, visited_at) \
         VALUES ($1, $2, $3, $4) \
         ON CONFLICT (learner_id, lesson) DO UPDATE SET visited_at = excluded.visited_at",
    )
    .bind(learner.0)
    .bind(course.to_string())
    .bind(lesson.to_string())
    .bind(now())
    .execute(db.pool())
    .await?;
    Ok(())
}

/// Marks a lesson done, or not done any more.
pub async fn set_done(
    db: &Db,
    learner: LearnerId,
    course: &str,
    lesson: &str,
    done: bool,
) -> Result<()> {
    let at = now();
    sqlx::query(
        "INSERT INTO lesson_progress (learner_id, course, lesson, visited_at, done_at) \
         VALUES ($1, $2, $3, $4, $5) \
         ON CONFLICT (learner_id, lesson) DO UPDATE SET done_at = excluded.done_at",
    )
    .bind(learner.0)
    .bind(course.to_string())
    .bind(lesson.to_string())
    .bind(at.clone())
    .bind(done.then_some(at))
    .execute(db.pool())
    .await?;
    Ok(())
}

/// A learner's progress in one course.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct CourseProgress {
    /// Lessons marked done.
    pub done: BTreeSet<String>,
    /// The lesson opened last, if any, and when (stored time).
    pub last_visited: Option<String>,
    pub last_visited_at: Option<String>,
    /// The best quiz score of each lesson attempted, as `(score, total)`.
    pub best: BTreeMap<String, (i64, i64)>,
    /// Every quiz attempt in the course, newest first.
    pub attempts: Vec<Attempt>,
}

pub async fn course_progress(db: &Db, learner: LearnerId, course: &str) -> Result<CourseProgress> {
    // Visits and quiz attempts in one statement (one round trip, every page
    // of a course asks): `kind` 0 rows are visits, newest first, `kind` 1
    // rows attempts, newest first.
    let rows = sqlx::query(
        "SELECT 0 AS kind, lesson, done_at, visited_at, CAST(NULL AS BIGINT) AS id, course, \
         CAST(NULL AS TEXT) AS language, CAST(NULL AS BIGINT) AS score, \
         CAST(NULL AS BIGINT) AS total, CAST(NULL AS TEXT) AS answers, \
         CAST(NULL AS TEXT) AS created_at \
         FROM lesson_progress WHERE learner_id = $1 AND course = $2 \
         UNION ALL \
         SELECT 1, lesson, NULL, NULL, id, course, language, score, total, answers, created_at \
         FROM quiz_attempts WHERE learner_id = $1 AND course = $2 \
         ORDER BY kind, visited_at DESC, id DESC",
    )
    .bind(learner.0)
    .bind(course.to_string())
    .fetch_all(db.pool())
    .await?;
    let mut progress = CourseProgress::default();
    for row in &rows {
        if row.try_get::<i64, _>("kind")? == 0 {
            let lesson: String = row.try_get("lesson")?;
            if progress.last_visited.is_none() {
                progress.last_visited = Some(lesson.clone());
                progress.last_visited_at = row.try_get("visited_at")?;
            }
            if row.try_get::<Option<String>, _>("done_at")?.is_some() {
                progress.done.insert(lesson);
            }
            continue;
        }
        let a = attempt_from_row(row)?;
        let best = progress
            .best
            .entry(a.lesson.clone())
            .or_insert((a.score, a.total));
        // Compare score / total without division: a/b > c/d ⇔ a·d > c·b.
        if a.score * best.1 > best.0 * a.total {
            *best = (a.score, a.total);
        }
        progress.attempts.push(a);
    }
    Ok(progress)
}

/// Courses a learner has opened, most recent first, with when and where.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CourseActivity {
    pub course: String,
    pub last_lesson: String,
    pub last_visited_at: String,
}

pub async fn courses(db: &Db, learner: LearnerId) -> Result<Vec<CourseActivity>> {
    let rows = sqlx::query(
        "SELECT course, lesson, visited_at FROM lesson_progress WHERE learner_id = $1 \
         ORDER BY visited_at DESC",
    )
    .bind(learner.0)
    .fetch_all(db.pool())
    .await?;
    let mut out: Vec<CourseActivity> = Vec::new();
    for row in rows {
        let course: String = row.try_get("course")?;
        if out.iter().any(|c| c.course == course) {
            continue;
        }
        out.push(CourseActivity {
            course,
            last_lesson: row.try_get("lesson")?,
            last_visited_at: row.try_get("visited_at")?,
        });
    }
    Ok(out)
}

/// One submitted quiz.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Attempt {
    pub id: i64,
    pub course: String,
    pub lesson: String,
    pub language: String,
    pub score: i64,
    pub total: i64,
    /// The answers as the quiz form sent them, JSON.
    pub answers: String,
    pub created_at: String,
}

/// What a new attempt records.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewAttempt<'a> {
    pub course: &'a str,
    pub lesson: &'a str,
    pub language: &'a str,
    pub score: i64,
    pub total: i64,
    pub answers: &'a str,
}

pub async fn record_attempt(db: &Db, learner: LearnerId, a: &NewAttempt<'_>) -> Result<i64> {
    if a.total <= 0 || a.score < 0 || a.score > a.total {
        return Err(StoreError::invalid("score", "score-out-of-range"));
    }
    let row = sqlx::query(
        "INSERT INTO quiz_attempts (learner_id, course, lesson, language, score, total, answers, \
         created_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id",
    )
    .bind(learner.0)
    .bind(a.course.to_string())
    .bind(a.lesson.to_string())
    .bind(a.language.to_string())
    .bind(a.score)
    .bind(a.total)
    .bind(a.answers.to_string())
    .bind(now())
    .fetch_one(db.pool())
    .await?;
    Ok(row.try_get("id")?)
}

fn attempt_from_row(row: &AnyRow) -> Result<Attempt> {
    Ok(Attempt {
        id: row.try_get("id")?,
        course: row.try_get("course")?,
        lesson: row.try_get("lesson")?,
        language: row.try_get("language")?,
        score: row.try_get("score")?,
        total: row.try_get("total")?,
        answers: row.try_get("answers")?,
        created_at: row.try_get("created_at")?,
    })
}

/// A learner's attempts, newest first, in one course or all.
pub async fn attempts(db: &Db, learner: LearnerId, course: Option<&str>) -> Result<Vec<Attempt>> {
    const SELECT: &str = "SELECT id, course, lesson, language, score, total, answers, \
                          created_at FROM quiz_attempts WHERE learner_id = $1";
    let rows = match course {
        Some(course) => {
            sqlx::query(sqlx::AssertSqlSafe(format!(
                "{SELECT} AND course = $2 ORDER BY id DESC"
            )))
            .bind(learner.0)
            .bind(course.to_string())
            .fetch_all(db.pool())
            .await?
        }
        None => {
            sqlx::query(sqlx::AssertSqlSafe(format!("{SELECT} ORDER BY id DESC")))
                .bind(learner.0)
                .fetch_all(db.pool())
                .await?
        }
    };
    rows.iter().map(attempt_from_row).collect()
}

/// The learner's latest attempt at a lesson's quiz.
pub async fn last_attempt(db: &Db, learner: LearnerId, lesson: &str) -> Result<Option<Attempt>> {
    let row = sqlx::query(
        "SELECT id, course, lesson, language, score, total, answers, created_at \
         FROM quiz_attempts WHERE learner_id = $1 AND lesson = $2 ORDER BY id DESC LIMIT 1",
    )
    .bind(learner.0)
    .bind(lesson.to_string())
    .fetch_optional(db.pool())
    .await?;
    row.as_ref().map(attempt_from_row).transpose()
}

/// Moves everything the anonymous learner holding `token` did to the
/// account's learner, in one transaction; the anonymous learner is removed.
/// A lesson done in either stays done; the latest visit wins.
pub async fn merge_anonymous(db: &Db, token: &str, user_id: i64) -> Result<()> {
    let Some(anon) = sqlx::query("SELECT id FROM learners WHERE token_hash = $1")
        .bind(hash(token))
        .fetch_optional(db.pool())
        .await?
    else {
        return Ok(());
    };
    let anon: i64 = anon.try_get("id")?;
    let account = for_user(db, user_id).await?;
    let mut tx = db.pool().begin().await?;
    sqlx::query(
        "INSERT INTO lesson_progress (learner_id, course, lesson, visited_at, done_at) \
         SELECT $1, course, lesson, visited_at, done_at FROM lesson_progress WHERE learner_id = $2 \
         ON CONFLICT (learner_id, lesson) DO UPDATE SET \
           visited_at = CASE WHEN excluded.visited_at > lesson_progress.visited_at \
             THEN excluded.visited_at ELSE lesson_progress.visited_at END, \
           done_at = COALESCE(lesson_progress.done_at, excluded.done_at)",
    )
    .bind(account.0)
    .bind(anon)
    .execute(&mut *tx)
    .await?;
    sqlx::query("UPDATE quiz_attempts SET learner_id = $1 WHERE learner_id = $2")
        .bind(account.0)
        .bind(anon)
        .execute(&mut *tx)
        .await?;
    sqlx::query("DELETE FROM learners WHERE id = $1")
        .bind(anon)
        .execute(&mut *tx)
        .await?;
    tx.commit().await?;
    Ok(())
}

/// Removes anonymous learners not seen since `before` (RFC 3339) and all they
/// did; returns how many.
pub async fn purge_anonymous(db: &Db, before: &str) -> Result<u64> {
    let done = sqlx::query("DELETE FROM learners WHERE user_id IS NULL AND last_seen_at < $1")
        .bind(before.to_string())
        .execute(db.pool())
        .await?;
    Ok(done.rows_affected())
}

/// A certificate of completion, as issued.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Certificate {
    pub id: String,
    pub user_id: i64,
    pub course: String,
    pub holder_name: String,
    pub course_title: String,
    pub language: String,
    pub issued_at: String,
}

const CERT_COLUMNS: &str = "id, user_id, course, holder_name, course_title, language, issued_at";

fn cert_from_row(row: &AnyRow) -> Result<Certificate> {
    Ok(Certificate {
        id: row.try_get("id")?,
        user_id: row.try_get("user_id")?,
        course: row.try_get("course")?,
        holder_name: row.try_get("holder_name")?,
        course_title: row.try_get("course_title")?,
        language: row.try_get("language")?,
        issued_at: row.try_get("issued_at")?,
    })
}

/// What a certificate states.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewCertificate<'a> {
    pub user_id: i64,
    pub course: &'a str,
    pub holder_name: &'a str,
    pub course_title: &'a str,
    pub language: &'a str,
}

/// Issues the account's certificate for a course, or returns the one already
/// issued (a certificate never changes once issued).
pub async fn issue_certificate(db: &Db, c: &NewCertificate<'_>) -> Result<Certificate> {
    let mut id = [0u8; 16];
    rand::rng().fill_bytes(&mut id);
    sqlx::query(
        "INSERT INTO certificates (id, user_id, course, holder_name, course_title, language, \
         issued_at) VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT (user_id, course) DO NOTHING",
    )
    .bind(hex::encode(id))
    .bind(c.user_id)
    .bind(c.course.to_string())
    .bind(c.holder_name.to_string())
    .bind(c.course_title.to_string())
    .bind(c.language.to_string())
    .bind(now())
    .execute(db.pool())
    .await?;
    let row = sqlx::query(sqlx::AssertSqlSafe(format!(
        "SELECT {CERT_COLUMNS} FROM certificates WHERE user_id = $1 AND course = $2"
    )))
    .bind(c.user_id)
    .bind(c.course.to_string())
    .fetch_one(db.pool())
    .await?;
    cert_from_row(&row)
}

pub async fn certificate(db: &Db, id: &str) -> Result<Option<Certificate>> {
    let row = sqlx::query(sqlx::AssertSqlSafe(format!(
        "SELECT {CERT_COLUMNS} FROM certificates WHERE id = $1"
    )))
    .bind(id.to_string())
    .fetch_optional(db.pool())
    .await?;
    row.as_ref().map(cert_from_row).transpose()
}

pub async fn certificates_of(db: &Db, user_id: i64) -> Result<Vec<Certificate>> {
    let rows = sqlx::query(sqlx::AssertSqlSafe(format!(
        "SELECT {CERT_COLUMNS} FROM certificates WHERE user_id = $1 ORDER BY issued_at DESC"
    )))
    .bind(user_id)
    .fetch_all(db.pool())
    .await?;
    rows.iter().map(cert_from_row).collect()
}
