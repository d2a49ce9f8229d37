//! An account's life by e-mail: the address verified by a link before
//! posting or contributing, a forgotten password reset once through a link
//! that ends every session, the same answer for an unknown address, limits,
//! and an address change confirmed by the new address and told to the old.

use std::sync::Arc;
use std::time::Duration;

use axum::http::StatusCode;
use mail::{CaptureMailer, Outgoing};
use store::users::Role;

use crate::support::TestApp;

/// The app with a capturing mailer.
async fn app_with_mail() -> (TestApp, Arc<CaptureMailer>) {
    let app = TestApp::new().await;
    let capture = Arc::new(CaptureMailer::default());
    app.delivery.set_mailer(Some(capture.clone()));
    (app, capture)
}

/// The messages sent to `to` so far, after the queue is delivered; waits a
/// little for messages prepared after the answer (password resets).
async fn mail_to(
    app: &TestApp,
    capture: &CaptureMailer,
    to: &str,
    expected: usize,
) -> Vec<Outgoing> {
    for _ in 0..50 {
        app.delivery.deliver().await.unwrap();
        let sent: Vec<_> = capture.sent().into_iter().filter(|m| m.to == to).collect();
        if sent.len() >= expected {
            return sent;
        }
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
    capture.sent().into_iter().filter(|m| m.to == to).collect()
}

/// The path of the link in a message (the instance's own address taken off).
fn link_in(message: &Outgoing, marker: &str) -> String {
    let line = message
        .body
        .lines()
        .find(|l| l.contains(marker))
        .unwrap_or_else(|| panic!("no {marker} link in {}", message.body));
    let at = line.find("/en/").or_else(|| line.find("/fr/")).unwrap();
    line[at..].trim().to_string()
}

#[tokio::test]
async fn signing_up_sends_a_link_that_verifies_the_address_once() {
    let (mut app, capture) = app_with_mail().await;
    app.get("/en/register").await;
    let r = app
        .post(
            "/en/register",
            &[
                ("email", "noor@example.org"),
                ("display_name", "Noor"),
                ("password", "long enough pass"),
            ],
        )
        .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER);
    let page = app.get("/en/account").await;
    assert!(
        page.body
            .contains("We sent you a link to verify your e-mail address")
    );
    assert!(page.body.contains("Your address is not verified yet."));
    // Learning needs no verified address; contributing does.
    let r = app.get("/en/directory/new").await;
    assert_eq!(r.status, StatusCode::FORBIDDEN, "{}", r.body);

    let sent = mail_to(&app, &capture, "noor@example.org", 1).await;
    assert_eq!(sent.len(), 1);
    assert_eq!(sent[0].subject, "Verify your e-mail address");
    assert!(sent[0].body.starts_with("Hello Noor,"), "{}", sent[0].body);
    assert_eq!(
        sent[0].unsubscribe, None,
        "one does not unsubscribe from one's own request"
    );
    let link = link_in(&sent[0], "/account/verify/");
    let r = app.get(&link).await;
    assert_eq!(r.status, StatusCode::SEE_OTHER);
    assert_eq!(r.location(), "/en/account");
    let page = app.get("/en/account").await;
    assert!(
        page.body.contains("Your e-mail address is verified."),
        "{}",
        page.body
    );
    assert!(page.body.contains("Your address is verified."));
    assert_eq!(app.get("/en/directory/new").await.status, StatusCode::OK);

    // The link works once; the message's body was wiped once sent.
    let r = app.get(&link).await;
    assert_eq!(r.location(), "/en/account");
    assert!(
        app.get("/en/account")
            .await
            .body
            .contains("This link does not work any more")
    );
    let queued = store::mail_queue::for_recipient(&app.db, "noor@example.org")
        .await
        .unwrap();
    assert_eq!(queued.len(), 1);
    assert!(queued[0].sent_at.is_some());
    assert_eq!(queued[0].body, "", "the one-time link is not kept");
}

#[tokio::test]
async fn the_verification_link_can_be_sent_again_a_few_times_an_hour() {
    let (mut app, capture) = app_with_mail().await;
    app.get("/en/register").await;
    app.post(
        "/en/register",
        &[
            ("email", "ines@example.org"),
            ("display_name", "Inès"),
            ("password", "long enough pass"),
        ],
    )
    .await;
    app.get("/en/account").await;
    for expected in [
        "A new verification link is on its way.",
        "A new verification link is on its way.",
    ] {
        let r = app.post("/en/account/verify", &[]).await;
        assert_eq!(r.status, StatusCode::SEE_OTHER);
        assert!(app.get("/en/account").await.body.contains(expected));
    }
    app.post("/en/account/verify", &[]).await;
    assert!(
        app.get("/en/account")
            .await
            .body
            .contains("Several links were sent within the hour")
    );
    assert_eq!(
        mail_to(&app, &capture, "ines@example.org", 3).await.len(),
        3
    );
}

#[tokio::test]
async fn a_forgotten_password_is_reset_once_and_every_session_ends() {
    let (mut app, capture) = app_with_mail().await;
    app.user("rosa@example.org", Role::Learner).await;
    let mut elsewhere = app.browser();
    elsewhere.login("rosa@example.org").await;
    assert_eq!(elsewhere.get("/en/account").await.status, StatusCode::OK);

    let login = app.get("/en/login").await;
    assert!(
        login.body.contains("href=\"/en/password/forgot\""),
        "the login page offers a reset"
    );
    app.get("/en/password/forgot").await;
    let r = app
        .post("/en/password/forgot", &[("email", "Rosa@Example.org")])
        .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER);
    assert_eq!(r.location(), "/en/login");
    let sent = mail_to(&app, &capture, "rosa@example.org", 1).await;
    assert_eq!(sent.len(), 1);
    assert_eq!(sent[0].subject, "Choose a new password");
    let link = link_in(&sent[0], "/password/reset/");

    let form = app.get(&link).await;
    assert_eq!(form.status, StatusCode::OK);
    let weak = app.post(&link, &[("new_password", "short")]).await;
    assert_eq!(weak.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(weak.body.contains("at least 10 characters"));
    let r = app
        .post(&link, &[("new_password", "a brand new sentence")])
        .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
    assert_eq!(r.location(), "/en/login");
    assert!(
        app.get("/en/login")
            .await
            .body
            .contains("Your new password is saved.")
    );

    // The other browser is signed out; the old password no longer works.
    let r = elsewhere.get("/en/account").await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "the old session ended");
    let mut third = app.browser();
    third.get("/en/login").await;
    let old = third
        .post(
            "/en/login",
            &[
                ("email", "rosa@example.org"),
                ("password", "long enough pass"),
            ],
        )
        .await;
    assert_eq!(old.status, StatusCode::UNAUTHORIZED);
    let new = third
        .post(
            "/en/login",
            &[
                ("email", "rosa@example.org"),
                ("password", "a brand new sentence"),
            ],
        )
        .await;
    assert_eq!(new.status, StatusCode::SEE_OTHER);

    // Used once: the same link is dead, to read and to post.
    let again = app.get(&link).await;
    assert_eq!(again.status, StatusCode::GONE);
    assert!(again.body.contains("This link does not work any more"));
    let replay = app
        .post(&link, &[("new_password", "yet another sentence")])
        .await;
    assert_eq!(replay.status, StatusCode::GONE);
    let r = third.get("/en/account").await;
    assert_eq!(r.status, StatusCode::OK, "the replay changed nothing");
}

#[tokio::test]
async fn an_expired_or_unknown_reset_link_is_refused() {
    let (mut app, capture) = app_with_mail().await;
    app.user("omar@example.org", Role::Learner).await;
    app.get("/en/password/forgot").await;
    app.post("/en/password/forgot", &[("email", "omar@example.org")])
        .await;
    let sent = mail_to(&app, &capture, "omar@example.org", 1).await;
    let link = link_in(&sent[0], "/password/reset/");
    // An hour later.
    sqlx::query("UPDATE account_tokens SET expires_at = '2000-01-01T00:00:00.000000Z'")
        .execute(app.db.pool())
        .await
        .unwrap();
    assert_eq!(app.get(&link).await.status, StatusCode::GONE);
    let r = app
        .post(&link, &[("new_password", "a brand new sentence")])
        .await;
    assert_eq!(r.status, StatusCode::GONE);
    let forged = format!("/en/password/reset/{}", "ab".repeat(32));
    assert_eq!(app.get(&forged).await.status, StatusCode::GONE);
    let mut other = app.browser();
    other.login("omar@example.org").await;
}

#[tokio::test]
async fn an_unknown_address_gets_the_same_answer_and_no_mail() {
    let (mut app, capture) = app_with_mail().await;
    app.user("known@example.org", Role::Learner).await;
    let mut answers = Vec::new();
    for email in ["known@example.org", "nobody@example.org"] {
        let mut browser = app.browser();
        browser.get("/en/password/forgot").await;
        let r = browser
            .post("/en/password/forgot", &[("email", email)])
            .await;
        let page = browser.get("/en/login").await;
        answers.push((
            r.status,
            r.location().to_string(),
            page.status,
            page.body.len(),
        ));
        assert!(page.body.contains("If an account uses this address"));
    }
    assert_eq!(answers[0], answers[1], "nothing tells the two apart");
    assert_eq!(
        mail_to(&app, &capture, "known@example.org", 1).await.len(),
        1
    );
    assert!(capture.sent().iter().all(|m| m.to != "nobody@example.org"));
    assert!(
        store::mail_queue::for_recipient(&app.db, "nobody@example.org")
            .await
            .unwrap()
            .is_empty()
    );
    // A malformed address is a field error, which says nothing of accounts.
    let r = app
        .post("/en/password/forgot", &[("email", "not an address")])
        .await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
}

#[tokio::test]
async fn reset_links_are_limited_per_account_and_requests_per_client() {
    let (mut app, capture) = app_with_mail().await;
    app.user("lena@example.org", Role::Learner).await;
    app.get("/en/password/forgot").await;
    for _ in 0..5 {
        let r = app
            .post("/en/password/forgot", &[("email", "lena@example.org")])
            .await;
        assert_eq!(r.status, StatusCode::SEE_OTHER);
        // Each request is prepared before the next is read.
        mail_to(&app, &capture, "lena@example.org", 3).await;
    }
    let sent = mail_to(&app, &capture, "lena@example.org", 3).await;
    assert_eq!(sent.len(), 3, "three links an hour for one account");
    // One client asking for many addresses is slowed down, with a message.
    let mut refused = None;
    for i in 0..30 {
        let r = app
            .post(
                "/en/password/forgot",
                &[("email", &format!("x{i}@example.org"))],
            )
            .await;
        if r.status == StatusCode::TOO_MANY_REQUESTS {
            refused = Some(r);
            break;
        }
    }
    let refused = refused.expect("a client is throttled");
    assert!(refused.body.contains("Too many requests from here."));
}

#[tokio::test]
async fn a_new_address_is_confirmed_from_its_inbox_and_the_old_one_is_told() {
    let (mut app, capture) = app_with_mail().await;
    app.user("paul@example.org", Role::Learner).await;
    app.login("paul@example.org").await;
    app.get("/en/account").await;
    let wrong = app
        .post(
            "/en/account/email",
            &[
                ("new_email", "paul@new.example.org"),
                ("confirm_password", "not the password"),
            ],
        )
        .await;
    assert_eq!(wrong.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(
        wrong.body.contains("paul@new.example.org"),
        "what was typed is kept"
    );
    app.user("taken@example.org", Role::Learner).await;
    let taken = app
        .post(
            "/en/account/email",
            &[
                ("new_email", "taken@example.org"),
                ("confirm_password", "long enough pass"),
            ],
        )
        .await;
    assert_eq!(taken.status, StatusCode::UNPROCESSABLE_ENTITY);
    let r = app
        .post(
            "/en/account/email",
            &[
                ("new_email", "paul@new.example.org"),
                ("confirm_password", "long enough pass"),
            ],
        )
        .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER);
    let page = app.get("/en/account").await;
    assert!(
        page.body.contains("paul@example.org"),
        "unchanged until confirmed"
    );

    let sent = mail_to(&app, &capture, "paul@new.example.org", 1).await;
    assert_eq!(sent[0].subject, "Confirm your new e-mail address");
    let link = link_in(&sent[0], "/account/email/");
    let r = app.get(&link).await;
    assert_eq!(r.location(), "/en/account");
    let page = app.get("/en/account").await;
    assert!(page.body.contains("Your account now uses its new address."));
    assert!(page.body.contains("paul@new.example.org"));
    let notice = mail_to(&app, &capture, "paul@example.org", 1).await;
    assert_eq!(notice.len(), 1);
    assert_eq!(notice[0].subject, "The address of your account changed");
    assert!(notice[0].body.contains("paul@new.example.org"));
    assert!(notice[0].body.contains("/en/password/forgot"));
    // The old address no longer signs in; the new one does.
    let mut other = app.browser();
    other.login("paul@new.example.org").await;
}

#[tokio::test]
async fn the_owner_downloads_everything_kept_about_their_account() {
    let (mut app, _capture) = app_with_mail().await;
    app.user("owner@example.org", Role::Learner).await;
    let anonymous = app.get("/en/account/data.json").await;
    assert_eq!(anonymous.status, StatusCode::SEE_OTHER, "signed in only");
    app.login("owner@example.org").await;
    app.get("/en/courses/sample/basics/first/discussion").await;
    app.post(
        "/en/courses/sample/basics/first/discussion",
        &[("kind", "question"), ("body", "What is a host, exactly?")],
    )
    .await;
    app.get("/en/courses/sample/basics/first").await;
    app.post("/en/courses/sample/basics/first/done", &[("done", "true")])
        .await;
    let page = app.get("/en/account").await;
    assert!(page.body.contains("href=\"/en/account/data.json\""));
    let r = app.get("/en/account/data.json").await;
    assert_eq!(r.status, StatusCode::OK);
    assert!(
        r.headers["content-disposition"]
            .to_str()
            .unwrap()
            .starts_with("attachment;")
    );
    assert_eq!(r.headers["cache-control"], "no-store");
    let data: serde_json::Value = serde_json::from_slice(&r.bytes).unwrap();
    assert_eq!(data["profile"]["email"], "owner@example.org");
    assert_eq!(data["posts"][0]["text"], "What is a host, exactly?");
    assert_eq!(data["lessons"].as_array().unwrap().len(), 1);
    assert!(data["lessons"][0]["done_at"].is_string());
    assert!(!r.body.contains("password"), "no secret leaves");
    // Only one's own.
    let mut other = app.browser();
    other.user("other@example.org", Role::Learner).await;
    other.login("other@example.org").await;
    let theirs = other.get("/en/account/data.json").await;
    assert!(!theirs.body.contains("What is a host"));
}
