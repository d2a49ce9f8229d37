//! The topic tree: browsed by everyone with counts that include narrower
//! topics; changed by administrators only.

use axum::http::StatusCode;
use store::users::Role;

use crate::library::fixture;
use crate::support::TestApp;

#[tokio::test]
async fn readers_browse_topics_and_administrators_add_them() {
    let mut app = TestApp::new().await;
    fixture(&app, true).await;
    let r = app.get("/en/library/topics").await;
    assert_eq!(r.status, StatusCode::OK);
    assert!(
        r.body.contains("href=\"/en/library?topic=free-software\""),
        "{}",
        r.body
    );
    assert!(
        r.body
            .contains("Free software</a> <span class=\"meta\">(1 resource(s))")
    );
    assert!(!r.body.contains("topic-form"), "no form for readers");
    assert!(
        app.get("/en/library")
            .await
            .body
            .contains("href=\"/en/library/topics\"")
    );

    // Only administrators may change the scheme.
    app.user("mod@example.org", Role::Moderator).await;
    app.login("mod@example.org").await;
    let fields = [
        ("id", "community-radio"),
        ("broader", "free-software"),
        ("labels", "en: Community radio\nfr: Radios associatives"),
    ];
    assert_eq!(
        app.post("/en/library/topics", &fields).await.status,
        StatusCode::FORBIDDEN
    );
    app.post("/en/logout", &[]).await;
    app.user("admin@example.org", Role::Admin).await;
    app.login("admin@example.org").await;
    assert!(
        app.get("/en/library/topics")
            .await
            .body
            .contains("topic-form")
    );

    let bad = [
        ("id", "Radio!"),
        ("broader", "nowhere"),
        ("labels", "Community radio"),
    ];
    let r = app.post("/en/library/topics", &bad).await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    for field in ["id", "broader", "labels"] {
        assert!(
            r.body.contains(&format!("id=\"{field}-error\"")),
            "{field} is flagged"
        );
    }
    assert!(r.body.contains("Radio!"), "typed values stay");

    let r = app.post("/en/library/topics", &fields).await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
    let page = app.get("/en/library/topics").await.body;
    assert!(page.contains("Community radio"));
    assert!(page.contains("added on this site"));
    let fr = app.get("/fr/library/topics").await.body;
    assert!(fr.contains("Radios associatives"));
    // Its form comes back filled to change it; a broader topic can't sit below itself.
    let edit = app
        .get("/en/library/topics?edit=community-radio")
        .await
        .body;
    assert!(edit.contains("value=\"community-radio\""));
    let cycle = [
        ("id", "free-software"),
        ("broader", "community-radio"),
        ("labels", "en: Free software"),
    ];
    assert_eq!(
        app.post("/en/library/topics", &cycle).await.status,
        StatusCode::UNPROCESSABLE_ENTITY
    );
    // The new topic is offered to contributors and filters the library.
    let r = app.get("/en/library?topic=community-radio").await;
    assert_eq!(r.status, StatusCode::OK);
}
