//! Notifications: what happened that someone should know, written in the
//! same transaction as the event (one per event and recipient: the same
//! event recorded twice stays one), shown in the bell of the person's pages
//! and sent by e-mail, at once or in a daily digest, as each person chose
//! per kind (`settings`). The e-mails themselves are written by the `mail`
//! crate into the mail queue, which marks the notifications mailed.

use serde::{Deserialize, Serialize};
use sqlx::Row;

use crate::error::Result;
use crate::{Db, now};

/// The kinds of notification, each switched on or off per account.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Kind {
    /// Someone replied to my question or comment.
    Reply,
    /// My reply was accepted as the answer.
    Accepted,
    /// A moderator hid or removed my post (with a note).
    PostHidden,
    /// A new question on a course I author.
    NewQuestion,
    /// My organisation's resource was published.
    ResourceReviewed,
    /// Changes were requested on my organisation's resource.
    ChangesRequested,
    /// Someone asked for a resource in a language I speak.
    TranslationRequested,
}

/// How a kind reaches someone by e-mail.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Email {
    Off,
    Instant,
    Digest,
}

impl Email {
    pub fn as_str(self) -> &'static str {
        match self {
            Email::Off => "off",
            Email::Instant => "instant",
            Email::Digest => "digest",
        }
    }

    pub fn parse(s: &str) -> Option<Self> {
        [Email::Off, Email::Instant, Email::Digest]
            .into_iter()
            .find(|e| e.as_str() == s)
    }
}

impl Kind {
    pub const ALL: [Kind; 7] = [
        Kind::Reply,
        Kind::Accepted,
        Kind::PostHidden,
        Kind::NewQuestion,
        Kind::ResourceReviewed,
        Kind::ChangesRequested,
        Kind::TranslationRequested,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Kind::Reply => "reply",
            Kind::Accepted => "accepted",
            Kind::PostHidden => "post-hidden",
            Kind::NewQuestion => "new-question",
            Kind::ResourceReviewed => "resource-reviewed",
            Kind::ChangesRequested => "changes-requested",
            Kind::TranslationRequested => "translation-requested",
        }
    }

    pub fn parse(s: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|k| k.as_str() == s)
    }

    /// Whether the kind concerns contributors (the settings page shows it
    /// under its own heading).
    pub fn for_contributors(self) -> bool {
        matches!(
            self,
            Kind::ResourceReviewed | Kind::ChangesRequested | Kind::TranslationRequested
        )
    }
}

/// A notification to record.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewNotification {
    pub user_id: i64,
    pub kind: Kind,
    /// Unique per recipient: `reply:{post}`, `accepted:{post}`…
    pub event_key: String,
    /// Who did it, by the name shown then (empty: the moderators).
    pub actor: String,
    /// What it is about: a lesson's or a resource's title.
    pub subject: String,
    /// A moderator's note, when there is one.
    pub note: String,
    /// The path under the language prefix.
    pub link: String,
}

/// Records a notification inside the caller's transaction; `false` when
/// this recipient already has one for this event.
pub async fn notify<'c, E>(executor: E, n: &NewNotification) -> Result<bool>
where
    E: sqlx::Executor<'c, Database = sqlx::Any>,
{
    let done = sqlx::query(
        "INSERT INTO notifications (user_id, kind, event_key, actor, subject, note, link, created_at) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8) ON CONFLICT (user_id, event_key) DO NOTHING",
    )
    .bind(n.user_id)
    .bind(n.kind.as_str())
    .bind(n.event_key.clone())
    .bind(n.actor.clone())
    .bind(n.subject.clone())
    .bind(n.note.clone())
    .bind(n.link.clone())
    .bind(now())
    .execute(executor)
    .await?;
    Ok(done.rows_affected() == 1)
}

/// A recorded notification.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Notification {
    pub id: i64,
    pub user_id: i64,
    pub kind: Kind,
    pub event_key: String,
    pub actor: String,
    pub subject: String,
    pub note: String,
    pub link: String,
    pub created_at: String,
    pub read_at: Option<String>,
}

const COLUMNS: &str = "n.id, n.user_id, n.kind, n.event_key, n.actor, n.subject, n.note, n.link, n.created_at, n.read_at";

fn from_row(row: &sqlx::any::AnyRow) -> Result<Option<Notification>> {
    let kind: String = row.try_get("kind")?;
    // A kind this version does not know (written by a newer node): skipped.
    let Some(kind) = Kind::parse(&kind) else {
        return Ok(None);
    };
    Ok(Some(Notification {
        id: row.try_get("id")?,
        user_id: row.try_get("user_id")?,
        kind,
        event_key: row.try_get("event_key")?,
        actor: row.try_get("actor")?,
        subject: row.try_get("subject")?,
        note: row.try_get("note")?,
        link: row.try_get("link")?,
        created_at: row.try_get("created_at")?,
        read_at: row.try_get("read_at")?,
    }))
}

/// Kinds `user_id` switched out of the bell, as SQL text values.
const SHOWN: &str = "NOT EXISTS (SELECT 1 FROM notification_settings s \
    WHERE s.user_id = n.user_id AND s.kind = n.kind AND s.in_app = 0)";

/// Unread notifications shown in the bell.
pub async fn unread(db: &Db, user_id: i64) -> Result<i64> {
    let sql = format!(
        "SELECT COUNT(*) AS n FROM notifications n WHERE n.user_id = $1 AND n.read_at IS NULL AND {SHOWN}"
    );
    let row = sqlx::query(sqlx::AssertSqlSafe(sql))
        .bind(user_id)
        .fetch_one(db.pool())
        .await?;
    Ok(row.try_get("n")?)
}

/// Notifications per page of the list.
pub const PER_PAGE: i64 = 30;

/// A page (from 1) of `user_id`'s notifications, newest first, and how
/// many there are.
pub async fn list(db: &Db, user_id: i64, page: i64) -> Result<(Vec<Notification>, i64)> {
    let sql = format!(
        "SELECT {COLUMNS} FROM notifications n WHERE n.user_id = $1 AND {SHOWN} \
         ORDER BY n.id DESC LIMIT $2 OFFSET $3"
    );
    let rows = sqlx::query(sqlx::AssertSqlSafe(sql))
        .bind(user_id)
        .bind(PER_PAGE)
        .bind((page.max(1) - 1) * PER_PAGE)
        .fetch_all(db.pool())
        .await?;
    let count =
        format!("SELECT COUNT(*) AS n FROM notifications n WHERE n.user_id = $1 AND {SHOWN}");
    let total: i64 = sqlx::query(sqlx::AssertSqlSafe(count))
        .bind(user_id)
        .fetch_one(db.pool())
        .await?
        .try_get("n")?;
    let mut out = Vec::new();
    for row in &rows {
        out.extend(from_row(row)?);
    }
    Ok((out, total))
}

/// Marks one of `user_id`'s notifications read (`Some(id)`), or all.
pub async fn mark_read(db: &Db, user_id: i64, id: Option<i64>) -> Result<()> {
    let now = now();
    match id {
        Some(id) => {
            sqlx::query(
                "UPDATE notifications SET read_at = $1 WHERE user_id = $2 AND id = $3 AND read_at IS NULL",
            )
            .bind(now)
            .bind(user_id)
            .bind(id)
            .execute(db.pool())
            .await?
        }
        None => {
            sqlx::query("UPDATE notifications SET read_at = $1 WHERE user_id = $2 AND read_at IS NULL")
                .bind(now)
                .bind(user_id)
                .execute(db.pool())
                .await?
        }
    };
    Ok(())
}

/// One kind's choice.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Setting {
    pub kind: Kind,
    pub in_app: bool,
    pub email: Email,
}

impl Setting {
    /// What a kind does for someone who never chose.
    pub fn default_for(kind: Kind) -> Self {
        Self {
            kind,
            in_app: true,
            email: Email::Instant,
        }
    }
}

/// Every kind's choice for `user_id` (defaults where none was made).
pub async fn settings(db: &Db, user_id: i64) -> Result<Vec<Setting>> {
    let rows =
        sqlx::query("SELECT kind, in_app, email FROM notification_settings WHERE user_id = $1")
            .bind(user_id)
            .fetch_all(db.pool())
            .await?;
    let mut out: Vec<Setting> = Kind::ALL.into_iter().map(Setting::default_for).collect();
    for row in rows {
        let kind: String = row.try_get("kind")?;
        let email: String = row.try_get("email")?;
        if let Some(s) = out.iter_mut().find(|s| s.kind.as_str() == kind) {
            s.in_app = row.try_get::<i64, _>("in_app")? != 0;
            s.email = Email::parse(&email).unwrap_or(Email::Instant);
        }
    }
    Ok(out)
}

/// Saves one kind's choice.
pub async fn set(db: &Db, user_id: i64, s: Setting) -> Result<()> {
    sqlx::query(
        "INSERT INTO notification_settings (user_id, kind, in_app, email) VALUES ($1, $2, $3, $4) \
         ON CONFLICT (user_id, kind) DO UPDATE SET in_app = excluded.in_app, email = excluded.email",
    )
    .bind(user_id)
    .bind(s.kind.as_str())
    .bind(i64::from(s.in_app))
    .bind(s.email.as_str())
    .execute(db.pool())
    .await?;
    Ok(())
}

/// A notification waiting to be e-mailed, with what its e-mail needs.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ToMail {
    pub notification: Notification,
    pub email: String,
    pub display_name: String,
    pub preferred_languages: Vec<String>,
    pub unsubscribe_key: Option<String>,
}

/// Notifications not mailed yet whose recipient wants `mode` (instant or
/// digest) e-mail for their kind, oldest first; only those older than
/// `before` (digests wait for their day). Recipients whose address is not
/// verified are left out.
pub async fn to_mail(db: &Db, mode: Email, before: &str, limit: i64) -> Result<Vec<ToMail>> {
    let sql = format!(
        "SELECT {COLUMNS}, u.email, u.display_name, u.preferred_languages, u.unsubscribe_key \
         FROM notifications n JOIN users u ON u.id = n.user_id \
         LEFT JOIN notification_settings s ON s.user_id = n.user_id AND s.kind = n.kind \
         WHERE n.mailed_at IS NULL AND n.created_at < $1 AND u.email_verified_at IS NOT NULL \
         AND COALESCE(s.email, 'instant') = $2 ORDER BY n.id LIMIT $3"
    );
    let rows = sqlx::query(sqlx::AssertSqlSafe(sql))
        .bind(before.to_string())
        .bind(mode.as_str())
        .bind(limit)
        .fetch_all(db.pool())
        .await?;
    let mut out = Vec::new();
    for row in &rows {
        let Some(notification) = from_row(row)? else {
            continue;
        };
        let langs: String = row.try_get("preferred_languages")?;
        out.push(ToMail {
            notification,
            email: row.try_get("email")?,
            display_name: row.try_get("display_name")?,
            preferred_languages: langs
                .split(',')
                .filter(|s| !s.is_empty())
                .map(str::to_owned)
                .collect(),
            unsubscribe_key: row.try_get("unsubscribe_key")?,
        });
    }
    Ok(out)
}

/// Marks notifications mailed (their e-mail is in the queue).
pub async fn mark_mailed<'c, E>(executor: E, ids: &[i64]) -> Result<()>
where
    E: sqlx::Executor<'c, Database = sqlx::Any>,
{
    if ids.is_empty() {
        return Ok(());
    }
    let list = (2..ids.len() + 2)
        .map(|i| format!("${i}"))
        .collect::<Vec<_>>()
        .join(", ");
    let mut q = sqlx::query(sqlx::AssertSqlSafe(format!(
        "UPDATE notifications SET mailed_at = $1 WHERE id IN ({list}) AND mailed_at IS NULL"
    )))
    .bind(now());
    for id in ids {
        q = q.bind(*id);
    }
    q.execute(executor).await?;
    Ok(())
}

/// Notifications whose kind is e-mailed to nobody are never mailed: marks
/// them so that they leave the e-mail queries.
pub async fn skip_unmailed(db: &Db) -> Result<u64> {
    let done = sqlx::query(
        "UPDATE notifications SET mailed_at = $1 WHERE mailed_at IS NULL AND EXISTS (SELECT 1 FROM \
         notification_settings s WHERE s.user_id = notifications.user_id AND s.kind = notifications.kind \
         AND s.email = 'off')",
    )
    .bind(now())
    .execute(db.pool())
    .await?;
    Ok(done.rows_affected())
}

/// The key of `user_id`'s unsubscribe links, made on first use.
pub async fn unsubscribe_key(db: &Db, user_id: i64) -> Result<String> {
    let fresh = crate::learning::new_token();
    sqlx::query("UPDATE users SET unsubscribe_key = $1 WHERE id = $2 AND unsubscribe_key IS NULL")
        .bind(fresh)
        .bind(user_id)
        .execute(db.pool())
        .await?;
    let row = sqlx::query("SELECT unsubscribe_key FROM users WHERE id = $1")
        .bind(user_id)
        .fetch_one(db.pool())
        .await?;
    Ok(row.try_get("unsubscribe_key")?)
}

/// Switches e-mail of `kind` off for the account holding `key`; returns
/// the account's id, `None` for an unknown key.
pub async fn unsubscribe(db: &Db, key: &str, kind: Kind) -> Result<Option<i64>> {
    let Some(user_id) = key_owner(db, key).await? else {
        return Ok(None);
    };
    let mut current = settings(db, user_id)
        .await?
        .into_iter()
        .find(|s| s.kind == kind)
        .unwrap_or(Setting::default_for(kind));
    current.email = Email::Off;
    set(db, user_id, current).await?;
    Ok(Some(user_id))
}

/// Switches the daily digest off for the account holding `key`: every kind
/// it gathered is no longer e-mailed. `None` for an unknown key.
pub async fn unsubscribe_digest(db: &Db, key: &str) -> Result<Option<i64>> {
    let Some(user_id) = key_owner(db, key).await? else {
        return Ok(None);
    };
    for mut s in settings(db, user_id).await? {
        if s.email == Email::Digest {
            s.email = Email::Off;
            set(db, user_id, s).await?;
        }
    }
    Ok(Some(user_id))
}

/// The account whose unsubscribe key is `key`, if any.
pub async fn key_owner(db: &Db, key: &str) -> Result<Option<i64>> {
    let row = sqlx::query("SELECT id FROM users WHERE unsubscribe_key = $1")
        .bind(key.to_string())
        .fetch_optional(db.pool())
        .await?;
    Ok(row.map(|r| r.try_get("id")).transpose()?)
}

/// Notifies every member of `organisation_id` but `actor_id` (within the
/// caller's transaction): `event_key` is completed with each recipient, so
/// the same event reaches each member once.
pub async fn notify_members(
    tx: &mut sqlx::Transaction<'_, sqlx::Any>,
    organisation_id: i64,
    actor_id: i64,
    n: &NewNotification,
) -> Result<()> {
    sqlx::query(
        "INSERT INTO notifications (user_id, kind, event_key, actor, subject, note, link, created_at) \
         SELECT m.user_id, $1, $2, $3, $4, $5, $6, $7 FROM memberships m \
         WHERE m.organisation_id = $8 AND m.user_id <> $9 \
         ON CONFLICT (user_id, event_key) DO NOTHING",
    )
    .bind(n.kind.as_str())
    .bind(n.event_key.clone())
    .bind(n.actor.clone())
    .bind(n.subject.clone())
    .bind(n.note.clone())
    .bind(n.link.clone())
    .bind(now())
    .bind(organisation_id)
    .bind(actor_id)
    .execute(&mut **tx)
    .await?;
    Ok(())
}

/// Notifies the contributors (members of any partner organisation) who
/// speak `lang` (among their preferred languages), but `actor_id`.
pub async fn notify_speakers(
    db: &Db,
    lang: &str,
    actor_id: i64,
    n: &NewNotification,
) -> Result<()> {
    sqlx::query(
        "INSERT INTO notifications (user_id, kind, event_key, actor, subject, note, link, created_at) \
         SELECT DISTINCT u.id, $1, $2, $3, $4, $5, $6, $7 FROM users u \
         JOIN memberships m ON m.user_id = u.id \
         WHERE (',' || u.preferred_languages || ',') LIKE $8 AND u.id <> $9 \
         ON CONFLICT (user_id, event_key) DO NOTHING",
    )
    .bind(n.kind.as_str())
    .bind(n.event_key.clone())
    .bind(n.actor.clone())
    .bind(n.subject.clone())
    .bind(n.note.clone())
    .bind(n.link.clone())
    .bind(now())
    .bind(format!("%,{lang},%"))
    .bind(actor_id)
    .execute(db.pool())
    .await?;
    Ok(())
}
