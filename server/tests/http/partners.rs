//! Authorisation, partner organisations and their logos, search.

use axum::body::Body;
use axum::http::{Request, StatusCode, header};
use store::users::{self, Role};

use crate::support::TestApp;

#[tokio::test]
async fn authorisation_is_checked_on_the_server() {
    let mut app = TestApp::new().await;
    app.user("admin@example.org", Role::Admin).await;
    let learner = app.user("sam@example.org", Role::Learner).await;
    let org = app.organisation("Rete", "IT", "it", "").await;

    let r = app.get("/en/admin/users").await;
    assert_eq!(
        r.status,
        StatusCode::SEE_OTHER,
        "anonymous: to the login page"
    );
    app.login("sam@example.org").await;
    let r = app.get("/en/admin/users").await;
    assert_eq!(r.status, StatusCode::FORBIDDEN);
    assert!(r.body.contains("Not allowed"));
    let r = app
        .post(
            "/en/partners",
            &[("name", "Mine"), ("country", "FR"), ("languages", "fr")],
        )
        .await;
    assert_eq!(r.status, StatusCode::FORBIDDEN);
    let r = app
        .post(
            "/en/partners/rete/members",
            &[("email", "sam@example.org"), ("org_role", "admin")],
        )
        .await;
    assert_eq!(r.status, StatusCode::FORBIDDEN);
    let r = app
        .post(
            &format!("/en/admin/users/{}/role", learner.id),
            &[("role", "admin")],
        )
        .await;
    assert_eq!(r.status, StatusCode::FORBIDDEN);
    assert_eq!(
        users::get(&app.db, learner.id).await.unwrap().role,
        Role::Learner
    );

    app.post("/en/logout", &[]).await;
    app.login("admin@example.org").await;
    let r = app.get("/en/admin/users").await;
    assert_eq!(r.status, StatusCode::OK);
    assert!(r.body.contains("sam@example.org"));
    let r = app
        .post(
            "/en/partners/rete/members",
            &[("email", "sam@example.org"), ("org_role", "admin")],
        )
        .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER);
    assert_eq!(
        users::get(&app.db, learner.id).await.unwrap().role,
        Role::Contributor
    );
    let r = app
        .post(
            "/en/partners",
            &[("name", ""), ("country", "France"), ("languages", "fr")],
        )
        .await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(r.body.contains("Use a two-letter country code such as FR."));

    // The organisation administrator manages members of their organisation only.
    app.post("/en/logout", &[]).await;
    app.user("kim@example.org", Role::Learner).await;
    app.login("sam@example.org").await;
    let r = app
        .post(
            "/en/partners/rete/members",
            &[("email", "kim@example.org"), ("org_role", "member")],
        )
        .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER);
    let r = app.get("/en/partners/rete").await;
    assert!(r.body.contains("kim@example.org"));
    let r = app.post("/en/partners/rete/delete", &[]).await;
    assert_eq!(
        r.status,
        StatusCode::FORBIDDEN,
        "only instance admins delete organisations"
    );
    assert!(store::organisations::get(&app.db, org.id).await.is_ok());
}

#[tokio::test]
async fn logos_are_uploaded_checked_and_served() {
    let mut app = TestApp::new().await;
    app.user("admin@example.org", Role::Admin).await;
    app.organisation("Rete", "IT", "it", "").await;
    app.login("admin@example.org").await;
    let png: &[u8] = &[
        0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00, 0x00, 0x0D, 0x49, 0x48, 0x44,
        0x52, 0x00, 0x00, 0x00, 0x01, 0x00, 0x00, 0x00, 0x01, 0x08, 0x06, 0x00, 0x00, 0x00, 0x1F,
        0x15, 0xC4, 0x89, 0x00, 0x00, 0x00, 0x0D, 0x49, 0x44, 0x41, 0x54, 0x78, 0x9C, 0x63, 0x00,
        0x01, 0x00, 0x00, 0x05, 0x00, 0x01, 0x0D, 0x0A, 0x2D, 0xB4, 0x00, 0x00, 0x00, 0x00, 0x49,
        0x45, 0x4E, 0x44, 0xAE, 0x42, 0x60, 0x82,
    ];
    let upload = |app: &TestApp, bytes: &[u8], name: &str| {
        let mut body = Vec::new();
        body.extend_from_slice(
            format!(
                "--B\r\nContent-Disposition: form-data; name=\"_csrf\"\r\n\r\n{}\r\n",
                app.csrf()
            )
            .as_bytes(),
        );
        body.extend_from_slice(format!("--B\r\nContent-Disposition: form-data; name=\"logo\"; filename=\"{name}\"\r\nContent-Type: image/png\r\n\r\n").as_bytes());
        body.extend_from_slice(bytes);
        body.extend_from_slice(b"\r\n--B--\r\n");
        Request::post("/en/partners/rete/logo")
            .header(header::CONTENT_TYPE, "multipart/form-data; boundary=B")
            .body(Body::from(body))
            .unwrap()
    };
    let r = app
        .send(upload(
            &app,
            b"<svg xmlns='http://www.w3.org/2000/svg'><script>alert(1)</script></svg>",
            "x.png",
        ))
        .await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(r.body.contains("is not a PNG, JPEG, GIF or WebP image."));
    let r = app.send(upload(&app, png, "logo.png")).await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
    let org = store::organisations::get_by_slug(&app.db, "rete")
        .await
        .unwrap();
    let logo = org.logo.unwrap();
    assert!(logo.ends_with(".png"));
    let r = app.get(&format!("/media/logos/{logo}")).await;
    assert_eq!(r.status, StatusCode::OK);
    assert_eq!(r.headers[header::CONTENT_TYPE], "image/png");
    assert!(
        r.headers[header::CACHE_CONTROL]
            .to_str()
            .unwrap()
            .contains("immutable")
    );
}

#[tokio::test]
async fn search_finds_partners_kept_current_through_the_outbox() {
    let mut app = TestApp::new().await;
    app.user("admin@example.org", Role::Admin).await;
    app.login("admin@example.org").await;
    let r = app
        .post(
            "/en/partners",
            &[
                ("name", "Udruga Otvoreni Kod"),
                ("country", "HR"),
                ("languages", "hr, en"),
            ],
        )
        .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER);
    assert_eq!(app.indexer.catch_up().await.unwrap(), 1);
    let r = app.get("/en/search?q=udruge").await;
    assert_eq!(r.status, StatusCode::OK);
    assert!(
        r.body.contains("One result."),
        "Croatian stemming finds the name"
    );
    assert!(r.body.contains("href=\"/en/partners/udruga-otvoreni-kod\""));
    assert!(
        r.body.contains("(hr)"),
        "results in another language say so"
    );

    app.post("/en/partners/udruga-otvoreni-kod/delete", &[])
        .await;
    app.indexer.catch_up().await.unwrap();
    let r = app.get("/en/search?q=udruge").await;
    assert!(r.body.contains("No result."));

    // A rebuild from scratch gives the same index.
    app.organisation("Rete Civica", "IT", "it", "").await;
    // The partner, and the fixture's course with its two lessons.
    assert_eq!(app.indexer.rebuild().await.unwrap(), 1 + 3);
    assert_eq!(
        app.indexer.catch_up().await.unwrap(),
        0,
        "the rebuild moved the cursor"
    );
    let r = app.get("/en/search?q=civica").await;
    assert!(r.body.contains("One result."));
    let r = app.get("/en/search?q=%22unbalanced").await;
    assert_eq!(r.status, StatusCode::OK, "any input is a valid query");
}
