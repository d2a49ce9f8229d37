//! Two app nodes on one database deliver together: every notification and
//! every queued message is sent exactly once, whichever node claims it.
//! Runs on SQLite and, when `ARCHIPEL_TEST_POSTGRES_URL` names a server (the
//! test command always starts one), on PostgreSQL.

use std::collections::BTreeMap;
use std::sync::Arc;

use i18n::Lang;
use mail::delivery::Delivery;
use mail::{CaptureMailer, Mailer};
use store::Db;
use store::notifications::{self, Kind, NewNotification};
use store::users::{self, Registration, Role};

async fn sqlite() -> (Db, tempfile::TempDir) {
    let dir = tempfile::tempdir().unwrap();
    let url = format!("sqlite://{}?mode=rwc", dir.path().join("t.db").display());
    let db = Db::connect(&url, 8).await.unwrap();
    db.migrate().await.unwrap();
    (db, dir)
}

async fn postgres() -> Option<Db> {
    let Ok(admin_url) = std::env::var("ARCHIPEL_TEST_POSTGRES_URL") else {
        assert!(
            std::env::var_os("CI").is_none(),
            "CI must run the PostgreSQL tests: set ARCHIPEL_TEST_POSTGRES_URL"
        );
        return None;
    };
    let admin = Db::connect(&admin_url, 1).await.unwrap();
    let nanos = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .unwrap()
        .as_nanos();
    let name = format!(
        "archipel_mail_{}_{}",
        std::process::id(),
        nanos % 1_000_000_000_000
    );
    sqlx::query(sqlx::AssertSqlSafe(format!("CREATE DATABASE {name}")))
        .execute(admin.pool())
        .await
        .unwrap();
    admin.close().await;
    let base = admin_url.rsplit_once('/').map(|(b, _)| b).unwrap();
    let db = Db::connect(&format!("{base}/{name}"), 8).await.unwrap();
    db.migrate().await.unwrap();
    Some(db)
}

fn node(db: &Db, mailer: &Arc<CaptureMailer>) -> Arc<Delivery> {
    let mailer: Arc<dyn Mailer> = mailer.clone();
    Arc::new(Delivery::new(
        db.clone(),
        Some(mailer),
        "https://archipel.example.org",
        "Archipel <noreply@archipel.example.org>".into(),
        Lang::En,
    ))
}

async fn each_email_goes_once(db: Db) {
    let mut expected = 0;
    for i in 0..6 {
        let reg = Registration {
            email: format!("learner{i}@example.org"),
            display_name: format!("Learner {i}"),
            password: "long enough pass".into(),
        };
        let user = users::create(&db, &reg, Role::Learner).await.unwrap();
        for post in 0..5 {
            let n = NewNotification {
                user_id: user.id,
                kind: Kind::Reply,
                event_key: format!("reply:{i}-{post}"),
                actor: "Ana".into(),
                subject: "A lesson".into(),
                note: String::new(),
                link: format!("/courses/c/m/l/discussion#post-{post}"),
            };
            assert!(notifications::notify(db.pool(), &n).await.unwrap());
            // The same event recorded again (a retried request) is one.
            assert!(!notifications::notify(db.pool(), &n).await.unwrap());
            expected += 1;
        }
    }
    let (mail_a, mail_b) = (
        Arc::new(CaptureMailer::default()),
        Arc::new(CaptureMailer::default()),
    );
    let (a, b) = (node(&db, &mail_a), node(&db, &mail_b));
    for _ in 0..3 {
        let (ra, rb) = tokio::join!(a.deliver(), b.deliver());
        ra.unwrap();
        rb.unwrap();
    }
    let all: Vec<_> = mail_a.sent().into_iter().chain(mail_b.sent()).collect();
    let mut per_message: BTreeMap<(String, String), usize> = BTreeMap::new();
    for m in &all {
        *per_message
            .entry((m.to.clone(), m.body.clone()))
            .or_default() += 1;
    }
    assert_eq!(all.len(), expected, "every notification mailed once");
    assert!(per_message.values().all(|&n| n == 1), "no message twice");
}

#[tokio::test]
async fn two_nodes_on_sqlite_send_each_email_once() {
    let (db, _dir) = sqlite().await;
    each_email_goes_once(db).await;
}

#[tokio::test]
async fn two_nodes_on_postgresql_send_each_email_once() {
    if let Some(db) = postgres().await {
        each_email_goes_once(db).await;
    }
}

/// A digest gathers a day's notifications into one message per person,
/// once, with an unsubscribe link that stops the digest.
#[tokio::test]
async fn a_daily_digest_gathers_the_days_notifications_once() {
    let (db, _dir) = sqlite().await;
    let reg = Registration {
        email: "digest@example.org".into(),
        display_name: "Dana".into(),
        password: "long enough pass".into(),
    };
    let user = users::create(&db, &reg, Role::Learner).await.unwrap();
    for kind in [Kind::Reply, Kind::Accepted] {
        let mut s = notifications::Setting::default_for(kind);
        s.email = notifications::Email::Digest;
        notifications::set(&db, user.id, s).await.unwrap();
    }
    for (i, kind) in [Kind::Reply, Kind::Reply, Kind::Accepted]
        .into_iter()
        .enumerate()
    {
        let n = NewNotification {
            user_id: user.id,
            kind,
            event_key: format!("event-{i}"),
            actor: "Ana".into(),
            subject: "A lesson".into(),
            note: String::new(),
            link: format!("/courses/c/m/l/discussion#post-{i}"),
        };
        notifications::notify(db.pool(), &n).await.unwrap();
    }
    let capture = Arc::new(CaptureMailer::default());
    let delivery = node(&db, &capture);
    delivery.deliver().await.unwrap();
    assert!(
        capture.sent().is_empty(),
        "today's wait for tomorrow's digest"
    );
    // A day later.
    sqlx::query("UPDATE notifications SET created_at = '2020-01-01T08:00:00.000000Z'")
        .execute(db.pool())
        .await
        .unwrap();
    delivery.deliver().await.unwrap();
    delivery.deliver().await.unwrap();
    let sent = capture.sent();
    assert_eq!(sent.len(), 1, "one digest");
    assert_eq!(sent[0].subject, "3 notifications on Archipel");
    assert_eq!(sent[0].body.matches("/discussion#post-").count(), 3);
    let unsubscribe = sent[0].unsubscribe.clone().unwrap();
    assert!(unsubscribe.ends_with("/digest"), "{unsubscribe}");
    let key = unsubscribe.rsplit('/').nth(1).unwrap();
    notifications::unsubscribe_digest(&db, key).await.unwrap();
    let settings = notifications::settings(&db, user.id).await.unwrap();
    assert!(
        settings
            .iter()
            .filter(|s| matches!(s.kind, Kind::Reply | Kind::Accepted))
            .all(|s| s.email == notifications::Email::Off)
    );
}
