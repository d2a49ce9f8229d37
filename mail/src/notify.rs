//! Turns notifications into e-mail: each one whose recipient wants it at
//! once becomes a message in the queue (`notification:{id}`), and each
//! recipient of the daily digest gets one message a day with everything of
//! the day before (`digest:{user}:{date}`). The message and the mark
//! "mailed" are written in one transaction, and the queue keeps one
//! message per event and address, so several app nodes running this at
//! once send each e-mail once. Messages are written in the recipient's
//! language and carry a one-click unsubscribe link for their kind (RFC
//! 8058); a digest's link switches the digest off for all of its kinds.

use std::collections::BTreeMap;

use i18n::Lang;
use store::Db;
use store::mail_queue::{self, NewMessage};
use store::notifications::{self, Email, ToMail};

/// Notifications turned into e-mail in one pass at most.
const BATCH: i64 = 200;

/// What one pass wrote into the queue.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct Queued {
    pub instant: usize,
    pub digests: usize,
}

/// The one-click unsubscribe address of `kind` (`all` for a digest).
pub fn unsubscribe_url(public_url: &str, lang: Lang, key: &str, kind: &str) -> String {
    format!(
        "{}/{}/unsubscribe/{key}/{kind}",
        public_url.trim_end_matches('/'),
        lang.code()
    )
}

fn footer(public_url: &str, lang: Lang, unsubscribe: &str) -> String {
    let settings = format!(
        "{}/{}/notifications/settings",
        public_url.trim_end_matches('/'),
        lang.code()
    );
    i18n::t_args(
        lang,
        "mail-notify-footer",
        &[
            ("settings", settings),
            ("unsubscribe", unsubscribe.to_string()),
        ],
    )
}

/// One notification as a paragraph: its sentence, the note, the link.
fn paragraph(public_url: &str, lang: Lang, n: &notifications::Notification) -> String {
    let sentence = i18n::labels::notification(lang, n.kind.as_str(), &n.actor, &n.subject);
    let link = format!(
        "{}/{}/{}",
        public_url.trim_end_matches('/'),
        lang.code(),
        n.link.trim_start_matches('/')
    );
    let mut text = sentence;
    if !n.note.is_empty() {
        text.push_str("\n\n");
        text.push_str(&i18n::t_args(
            lang,
            "mail-notify-note",
            &[("note", n.note.clone())],
        ));
    }
    text.push_str("\n\n");
    text.push_str(&link);
    text
}

async fn key_of(db: &Db, m: &ToMail) -> anyhow::Result<String> {
    Ok(match &m.unsubscribe_key {
        Some(k) => k.clone(),
        None => notifications::unsubscribe_key(db, m.notification.user_id).await?,
    })
}

/// Writes the e-mail of every notification that is due into the queue.
pub async fn queue_due(db: &Db, public_url: &str, fallback: Lang) -> anyhow::Result<Queued> {
    notifications::skip_unmailed(db).await?;
    let mut done = Queued::default();
    let now = store::format_time(time::OffsetDateTime::now_utc());
    for m in notifications::to_mail(db, Email::Instant, &now, BATCH).await? {
        let lang = super::account::preferred(&m.preferred_languages, fallback);
        let n = &m.notification;
        let unsubscribe =
            unsubscribe_url(public_url, lang, &key_of(db, &m).await?, n.kind.as_str());
        let hello = i18n::t_args(lang, "mail-hello", &[("name", m.display_name.clone())]);
        let body = format!(
            "{hello}\n\n{}\n\n-- \n{}\n",
            paragraph(public_url, lang, n),
            footer(public_url, lang, &unsubscribe)
        );
        let message = NewMessage {
            event_key: format!("notification:{}", n.id),
            recipient: m.email.clone(),
            subject: i18n::labels::notification(lang, n.kind.as_str(), &n.actor, &n.subject),
            body,
            unsubscribe_url: Some(unsubscribe),
            secret: false,
        };
        let mut tx = db.pool().begin().await?;
        mail_queue::enqueue(&mut *tx, &message).await?;
        notifications::mark_mailed(&mut *tx, &[n.id]).await?;
        tx.commit().await?;
        done.instant += 1;
    }
    // Digests: what came before today (UTC), once a day per person.
    let today = time::OffsetDateTime::now_utc().date();
    let midnight = store::format_time(today.midnight().assume_utc());
    let mut per_user: BTreeMap<i64, Vec<ToMail>> = BTreeMap::new();
    for m in notifications::to_mail(db, Email::Digest, &midnight, 5 * BATCH).await? {
        per_user.entry(m.notification.user_id).or_default().push(m);
    }
    for (user_id, items) in per_user {
        let first = &items[0];
        let lang = super::account::preferred(&first.preferred_languages, fallback);
        let unsubscribe = unsubscribe_url(public_url, lang, &key_of(db, first).await?, "digest");
        let hello = i18n::t_args(lang, "mail-hello", &[("name", first.display_name.clone())]);
        let intro = i18n::t_args(
            lang,
            "mail-digest-intro",
            &[("count", items.len().to_string())],
        );
        let paragraphs: Vec<String> = items
            .iter()
            .map(|m| paragraph(public_url, lang, &m.notification))
            .collect();
        let body = format!(
            "{hello}\n\n{intro}\n\n{}\n\n-- \n{}\n",
            paragraphs.join("\n\n* * *\n\n"),
            footer(public_url, lang, &unsubscribe)
        );
        let ids: Vec<i64> = items.iter().map(|m| m.notification.id).collect();
        let last = ids.iter().max().copied().unwrap_or_default();
        let message = NewMessage {
            event_key: format!("digest:{user_id}:{last}"),
            recipient: first.email.clone(),
            subject: i18n::t_args(
                lang,
                "mail-digest-subject",
                &[("count", items.len().to_string())],
            ),
            body,
            unsubscribe_url: Some(unsubscribe),
            secret: false,
        };
        let mut tx = db.pool().begin().await?;
        mail_queue::enqueue(&mut *tx, &message).await?;
        notifications::mark_mailed(&mut *tx, &ids).await?;
        tx.commit().await?;
        done.digests += 1;
    }
    Ok(done)
}
