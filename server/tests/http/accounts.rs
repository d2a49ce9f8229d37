//! Accounts: CSRF, registration, login and throttling, account management, limits.

use axum::body::Body;
use axum::http::{Request, StatusCode, header};
use store::users::{self, Role};

use crate::support::TestApp;

#[tokio::test]
async fn state_changes_need_the_csrf_token() {
    let mut app = TestApp::new().await;
    app.get("/en/register").await;
    let body = "email=a%40example.org&display_name=A&password=long+enough+pass";
    let forged = Request::post("/en/register")
        .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded")
        .body(Body::from(body))
        .unwrap();
    let r = app.send(forged).await;
    assert_eq!(r.status, StatusCode::BAD_REQUEST);
    assert_eq!(users::count(&app.db).await.unwrap(), 0, "nothing written");
    let wrong = format!("{body}&_csrf=not-the-token-at-all-123");
    let r = app
        .send(
            Request::post("/en/register")
                .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded")
                .body(Body::from(wrong))
                .unwrap(),
        )
        .await;
    assert_eq!(r.status, StatusCode::BAD_REQUEST);
}

#[tokio::test]
async fn register_login_logout_and_account_management() {
    let mut app = TestApp::new().await;
    app.get("/en/register").await;
    let r = app
        .post(
            "/en/register",
            &[
                ("email", "ada@example.org"),
                ("display_name", "Ada"),
                ("password", "long enough pass"),
            ],
        )
        .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER);
    assert_eq!(r.location(), "/en/account");
    let session_before = app.cookies.get("archipel_session").cloned().unwrap();
    let r = app.get("/en/account").await;
    assert_eq!(r.status, StatusCode::OK);
    assert!(r.body.contains("Welcome! Your account is ready."));
    assert!(r.body.contains("ada@example.org"));

    let r = app
        .post(
            "/en/register",
            &[
                ("email", "ADA@example.org"),
                ("display_name", "Ada"),
                ("password", "long enough pass"),
            ],
        )
        .await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(
        r.body
            .contains("An account already uses this e-mail address.")
    );
    assert!(
        r.body.contains("value=\"ADA@example.org\""),
        "typed values come back"
    );
    assert!(
        !r.body.contains("long enough pass"),
        "passwords never come back"
    );
    let r = app
        .post(
            "/en/register",
            &[
                ("email", "bob@example.org"),
                ("display_name", "Bob"),
                ("password", "short"),
            ],
        )
        .await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(
        r.body
            .contains("The password needs at least 10 characters.")
    );

    let r = app.post("/en/logout", &[]).await;
    assert_eq!(r.location(), "/en/");
    let r = app.get("/en/account").await;
    assert_eq!(r.status, StatusCode::SEE_OTHER);
    assert!(r.location().starts_with("/en/login"));

    let r = app
        .post(
            "/en/login",
            &[("email", "ada@example.org"), ("password", "wrong password")],
        )
        .await;
    assert_eq!(r.status, StatusCode::UNAUTHORIZED);
    assert!(
        r.body
            .contains("The e-mail address or the password is wrong.")
    );
    app.login("ada@example.org").await;
    assert_ne!(
        app.cookies.get("archipel_session"),
        Some(&session_before),
        "a new session id at login"
    );

    let r = app
        .post(
            "/en/account/profile",
            &[
                ("display_name", "Ada L."),
                ("preferred_languages", "it, en"),
            ],
        )
        .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER);
    let r = app
        .post(
            "/en/account/profile",
            &[("display_name", ""), ("preferred_languages", "italien")],
        )
        .await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    let r = app
        .post(
            "/en/account/password",
            &[
                ("current_password", "nope"),
                ("new_password", "another long pass"),
            ],
        )
        .await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    let r = app
        .post(
            "/en/account/password",
            &[
                ("current_password", "long enough pass"),
                ("new_password", "another long pass"),
            ],
        )
        .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER);
    let r = app
        .post("/en/account/delete", &[("password", "another long pass")])
        .await;
    assert_eq!(r.location(), "/en/");
    assert_eq!(users::count(&app.db).await.unwrap(), 0);
    let r = app.get("/en/").await;
    assert!(r.body.contains("Your account and your data are deleted."));
}

#[tokio::test]
async fn failed_logins_are_throttled() {
    let mut app = TestApp::new().await;
    app.user("ada@example.org", Role::Learner).await;
    app.get("/en/login").await;
    for _ in 0..5 {
        let r = app
            .post(
                "/en/login",
                &[("email", "ada@example.org"), ("password", "wrong password")],
            )
            .await;
        assert_eq!(r.status, StatusCode::UNAUTHORIZED);
    }
    let r = app
        .post(
            "/en/login",
            &[
                ("email", "ada@example.org"),
                ("password", "long enough pass"),
            ],
        )
        .await;
    assert_eq!(
        r.status,
        StatusCode::TOO_MANY_REQUESTS,
        "even the right password waits"
    );
}

#[tokio::test]
async fn oversized_bodies_are_refused() {
    let mut app = TestApp::new().await;
    app.get("/en/login").await;
    let big = "x".repeat(3 * 1024 * 1024);
    let r = app.post("/en/login", &[("email", &big)]).await;
    assert_eq!(r.status, StatusCode::PAYLOAD_TOO_LARGE);
}
