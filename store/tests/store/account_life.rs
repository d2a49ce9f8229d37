//! Account tokens and the mail queue on both engines: a token works once,
//! before it expires, for the address it was sent to; a reset ends every
//! session; the same event queued twice is one message; two senders never
//! claim the same attempt; a one-time link is wiped once sent.

use store::mail_queue::{self, NewMessage};
use store::tokens::{self, Purpose};
use store::users::{self, Role};
use store::{Db, sessions};

use super::{codes, postgres, reg, sqlite};

async fn tokens_work_once_for_their_address(db: Db) {
    let signed_up = users::register(&db, &reg("ada@example.org"), "fr")
        .await
        .unwrap();
    assert!(
        !signed_up.email_verified,
        "a new sign-up waits for its link"
    );
    let vouched = users::create(&db, &reg("op@example.org"), Role::Learner)
        .await
        .unwrap();
    assert!(
        vouched.email_verified,
        "an operator's account is vouched for"
    );

    let token = tokens::issue(&db, signed_up.id, Purpose::VerifyEmail, "ada@example.org")
        .await
        .unwrap();
    assert!(
        tokens::is_live(&db, &token, Purpose::VerifyEmail)
            .await
            .unwrap()
    );
    assert!(
        !tokens::is_live(&db, &token, Purpose::ResetPassword)
            .await
            .unwrap(),
        "a token is for one purpose"
    );
    let verified = tokens::verify_email(&db, &token).await.unwrap();
    assert!(verified.email_verified);
    let again = tokens::verify_email(&db, &token).await.unwrap_err();
    assert_eq!(codes(again), [("token", "token-invalid")]);
    assert_eq!(
        tokens::issued_last_hour(&db, signed_up.id, Purpose::VerifyEmail)
            .await
            .unwrap(),
        1
    );

    // A reset ends every session and works once.
    for id in ["s1", "s2"] {
        sessions::save(&db, id, Some(signed_up.id), "{}", i64::MAX / 2)
            .await
            .unwrap();
    }
    let reset = tokens::issue(&db, signed_up.id, Purpose::ResetPassword, "ada@example.org")
        .await
        .unwrap();
    let weak = tokens::reset_password(&db, &reset, "short")
        .await
        .unwrap_err();
    assert_eq!(codes(weak), [("new_password", "password-too-short")]);
    tokens::reset_password(&db, &reset, "a brand new sentence")
        .await
        .unwrap();
    assert_eq!(
        sessions::count_for_user(&db, signed_up.id).await.unwrap(),
        0
    );
    assert!(
        users::authenticate(&db, "ada@example.org", "a brand new sentence")
            .await
            .unwrap()
            .is_some()
    );
    let replay = tokens::reset_password(&db, &reset, "another long sentence")
        .await
        .unwrap_err();
    assert_eq!(codes(replay), [("token", "token-invalid")]);

    // An address change: the reset link sent to the old address dies.
    let old_reset = tokens::issue(&db, signed_up.id, Purpose::ResetPassword, "ada@example.org")
        .await
        .unwrap();
    let change = tokens::issue(
        &db,
        signed_up.id,
        Purpose::ChangeEmail,
        "ada@new.example.org",
    )
    .await
    .unwrap();
    let changed = tokens::change_email(&db, &change).await.unwrap();
    assert_eq!(changed.old_email, "ada@example.org");
    assert_eq!(changed.user.email, "ada@new.example.org");
    assert!(
        !tokens::is_live(&db, &old_reset, Purpose::ResetPassword)
            .await
            .unwrap()
    );
    let dead = tokens::reset_password(&db, &old_reset, "a third long sentence")
        .await
        .unwrap_err();
    assert_eq!(codes(dead), [("token", "token-invalid")]);

    // Someone took the address meanwhile: refused, nothing half-done.
    let grab = tokens::issue(&db, signed_up.id, Purpose::ChangeEmail, "op@example.org")
        .await
        .unwrap();
    let taken = tokens::change_email(&db, &grab).await.unwrap_err();
    assert_eq!(codes(taken), [("email", "email-taken")]);
    assert_eq!(
        users::get(&db, signed_up.id).await.unwrap().email,
        "ada@new.example.org"
    );

    // Expired.
    let late = tokens::issue(&db, vouched.id, Purpose::ResetPassword, "op@example.org")
        .await
        .unwrap();
    sqlx::query("UPDATE account_tokens SET expires_at = '2000-01-01T00:00:00.000000Z'")
        .execute(db.pool())
        .await
        .unwrap();
    assert!(
        !tokens::is_live(&db, &late, Purpose::ResetPassword)
            .await
            .unwrap()
    );
}

on_both!(tokens_once, tokens_work_once_for_their_address);

fn message(event: &str, secret: bool) -> NewMessage {
    NewMessage {
        event_key: event.into(),
        recipient: "ada@example.org".into(),
        subject: "Sujet".into(),
        body: "https://archipel.example.org/fr/password/reset/abc".into(),
        unsubscribe_url: None,
        secret,
    }
}

async fn the_queue_sends_each_event_once(db: Db) {
    assert!(
        mail_queue::enqueue(db.pool(), &message("reset:1", true))
            .await
            .unwrap()
    );
    assert!(
        !mail_queue::enqueue(db.pool(), &message("reset:1", true))
            .await
            .unwrap(),
        "the same event for the same address is one message"
    );
    assert!(
        mail_queue::enqueue(db.pool(), &message("reply:9", false))
            .await
            .unwrap()
    );
    let due = mail_queue::due(&db, 10).await.unwrap();
    assert_eq!(due.len(), 2);

    // Two nodes read the same row: one claim wins.
    let pause = time::Duration::seconds(30);
    assert!(mail_queue::claim(&db, &due[0], pause).await.unwrap());
    assert!(!mail_queue::claim(&db, &due[0], pause).await.unwrap());
    // A claimed message waits for its pause before it is due again.
    let due_now = mail_queue::due(&db, 10).await.unwrap();
    assert_eq!(due_now.len(), 1);
    assert_eq!(due_now[0].event_key, "reply:9");

    mail_queue::sent(&db, due[0].id).await.unwrap();
    assert!(mail_queue::claim(&db, &due[1], pause).await.unwrap());
    mail_queue::sent(&db, due[1].id).await.unwrap();
    let kept = mail_queue::for_recipient(&db, "ada@example.org")
        .await
        .unwrap();
    assert!(kept.iter().all(|m| m.sent_at.is_some()));
    let body = |event: &str| {
        kept.iter()
            .find(|m| m.event_key == event)
            .unwrap()
            .body
            .clone()
    };
    assert_eq!(body("reset:1"), "", "a one-time link is wiped once sent");
    assert!(
        body("reply:9").contains("https://"),
        "a notification is kept"
    );
    assert!(mail_queue::due(&db, 10).await.unwrap().is_empty());

    // Given up after the last attempt: a secret body is wiped too.
    mail_queue::enqueue(db.pool(), &message("reset:2", true))
        .await
        .unwrap();
    sqlx::query("UPDATE mail_queue SET attempts = $1 WHERE event_key = 'reset:2'")
        .bind(mail_queue::MAX_ATTEMPTS)
        .execute(db.pool())
        .await
        .unwrap();
    assert!(mail_queue::due(&db, 10).await.unwrap().is_empty());
    assert_eq!(mail_queue::wipe_given_up(&db).await.unwrap(), 1);
}

on_both!(queue_once, the_queue_sends_each_event_once);
