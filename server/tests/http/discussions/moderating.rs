//! Moderating discussions over HTTP: a report leads a moderator to hide a
//! post and its author is told, pre-moderation holds a new account's first
//! post, and administrators choose a course's authors.

use axum::http::StatusCode;
use store::discussions::moderation;
use store::users::Role;

use super::{DISCUSSION, ask, post_id};
use crate::support::TestApp;

#[tokio::test]
async fn a_reported_post_is_hidden_by_a_moderator_and_its_author_is_told() {
    let mut app = TestApp::new().await;
    let writer = app.user("writer@example.org", Role::Learner).await;
    app.user("reader@example.org", Role::Learner).await;
    app.user("mod@example.org", Role::Moderator).await;
    app.login("writer@example.org").await;
    let post = ask(&mut app, "comment", "Buy cheap watches at spam.example").await;

    let mut reader = app.browser();
    reader.login("reader@example.org").await;
    reader.get(DISCUSSION).await;
    let empty = reader
        .post(
            &format!("/en/discussion/posts/{post}/report"),
            &[("reason", " ")],
        )
        .await;
    assert_eq!(empty.status, StatusCode::SEE_OTHER);
    assert!(
        reader
            .get(DISCUSSION)
            .await
            .body
            .contains("Write a note: the author will read it.")
    );
    let r = reader
        .post(
            &format!("/en/discussion/posts/{post}/report"),
            &[("reason", "This is advertising.")],
        )
        .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER);
    // Learners have no queue.
    assert_eq!(
        reader.get("/en/discussion/moderation").await.status,
        StatusCode::FORBIDDEN
    );

    let mut moderator = app.browser();
    moderator.login("mod@example.org").await;
    let queue = moderator.get("/en/discussion/moderation").await;
    assert_eq!(queue.status, StatusCode::OK);
    assert!(queue.body.contains("This is advertising."));
    assert!(queue.body.contains("spam.example"));
    // Hiding needs a note for the author.
    let r = moderator
        .post(
            &format!("/en/discussion/posts/{post}/moderate"),
            &[("action", "hide"), ("note", ""), ("back", "queue")],
        )
        .await;
    assert_eq!(r.location(), "/en/discussion/moderation");
    assert!(
        moderator
            .get("/en/discussion/moderation")
            .await
            .body
            .contains("Write a note")
    );
    let r = moderator
        .post(
            &format!("/en/discussion/posts/{post}/moderate"),
            &[
                ("action", "hide"),
                ("note", "No advertising here."),
                ("back", "queue"),
            ],
        )
        .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER);
    let queue = moderator.get("/en/discussion/moderation").await;
    assert!(queue.body.contains("Nothing is waiting."));
    assert!(
        queue.body.contains("No advertising here."),
        "the history keeps the note"
    );

    // Invisible to others, shown to its author with the note.
    assert!(!reader.get(DISCUSSION).await.body.contains("spam.example"));
    assert!(
        !app.browser()
            .get(DISCUSSION)
            .await
            .body
            .contains("spam.example")
    );
    let own = app.get(DISCUSSION).await.body;
    assert!(own.contains("spam.example"));
    assert!(own.contains("Hidden by a moderator: No advertising here."));
    let notes = store::notifications::list(&app.db, writer.id, 1)
        .await
        .unwrap()
        .0;
    assert_eq!(notes.len(), 1);
    assert_eq!(notes[0].kind, store::notifications::Kind::PostHidden);
    assert_eq!(notes[0].note, "No advertising here.");

    // Restored, it is back for everyone.
    moderator
        .post(
            &format!("/en/discussion/posts/{post}/moderate"),
            &[("action", "restore")],
        )
        .await;
    assert!(reader.get(DISCUSSION).await.body.contains("spam.example"));
}

#[tokio::test]
async fn in_a_premoderated_course_a_new_accounts_first_post_waits_for_approval() {
    let mut app = TestApp::new().await;
    app.user("newbie@example.org", Role::Learner).await;
    let author = app.user("teacher@example.org", Role::Learner).await;
    moderation::add_author(&app.db, "sample", author.id)
        .await
        .unwrap();
    let mut teacher = app.browser();
    teacher.login("teacher@example.org").await;
    teacher.get("/en/discussion/moderation").await;
    let r = teacher
        .post(
            "/en/discussion/moderation/settings",
            &[
                ("course", "sample"),
                ("premoderation", "off"),
                ("premoderation", "on"),
            ],
        )
        .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER);
    assert!(moderation::premoderated(&app.db, "sample").await.unwrap());

    app.login("newbie@example.org").await;
    app.get(DISCUSSION).await;
    let r = app
        .post(
            DISCUSSION,
            &[("kind", "question"), ("body", "My very first question.")],
        )
        .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER);
    let post = post_id(r.location());
    assert!(
        app.get(DISCUSSION)
            .await
            .body
            .contains("Waiting for a moderator's approval")
    );
    assert!(
        !app.browser()
            .get(DISCUSSION)
            .await
            .body
            .contains("My very first question.")
    );
    assert!(
        store::notifications::list(&app.db, author.id, 1)
            .await
            .unwrap()
            .0
            .is_empty(),
        "nobody hears of a held post"
    );
    let queue = teacher.get("/en/discussion/moderation").await;
    assert!(queue.body.contains("My very first question."));
    teacher
        .post(
            &format!("/en/discussion/posts/{post}/moderate"),
            &[("action", "approve"), ("back", "queue")],
        )
        .await;
    assert!(
        app.browser()
            .get(DISCUSSION)
            .await
            .body
            .contains("My very first question.")
    );
    assert_eq!(
        store::notifications::list(&app.db, author.id, 1)
            .await
            .unwrap()
            .0
            .len(),
        1,
        "approved, the question reaches the course's author"
    );
    // The author sees it among the unanswered questions of their courses.
    let list = teacher.get("/en/discussion/unanswered").await;
    assert!(list.body.contains("My very first question."));
    // Now approved once, the next post is published at once.
    let second = ask(&mut app, "comment", "And a comment.").await;
    let post = store::discussions::get(&app.db, second).await.unwrap();
    assert_eq!(post.status, store::discussions::PostStatus::Visible);
}

#[tokio::test]
async fn administrators_choose_a_courses_authors() {
    let mut app = TestApp::new().await;
    app.user("root@example.org", Role::Admin).await;
    let teacher = app.user("teach@example.org", Role::Learner).await;
    let mut learner = app.browser();
    learner.user("someone@example.org", Role::Learner).await;
    learner.login("someone@example.org").await;
    learner.get(DISCUSSION).await;
    let refused = learner
        .post(
            "/en/discussion/moderation/authors",
            &[("course", "sample"), ("email", "someone@example.org")],
        )
        .await;
    assert_eq!(refused.status, StatusCode::FORBIDDEN);

    app.login("root@example.org").await;
    let page = app.get("/en/discussion/moderation").await;
    assert!(
        page.body.contains("Authors of Sample course"),
        "{}",
        page.body
    );
    let unknown = app
        .post(
            "/en/discussion/moderation/authors",
            &[("course", "sample"), ("email", "nobody@example.org")],
        )
        .await;
    assert_eq!(unknown.status, StatusCode::SEE_OTHER);
    assert!(
        app.get("/en/discussion/moderation")
            .await
            .body
            .contains("No account uses this address.")
    );
    app.post(
        "/en/discussion/moderation/authors",
        &[("course", "sample"), ("email", "teach@example.org")],
    )
    .await;
    assert_eq!(
        moderation::courses_of(&app.db, teacher.id).await.unwrap(),
        ["sample"]
    );
    // The author now moderates the course's discussions, and only them.
    let mut teach = app.browser();
    teach.login("teach@example.org").await;
    assert_eq!(
        teach.get("/en/discussion/moderation").await.status,
        StatusCode::OK
    );
    app.post(
        "/en/discussion/moderation/authors",
        &[("course", "sample"), ("remove", &teacher.id.to_string())],
    )
    .await;
    assert_eq!(
        teach.get("/en/discussion/moderation").await.status,
        StatusCode::FORBIDDEN
    );
    // Named by the course's files, an author is shown as such and stays.
    moderation::sync_content_authors(&app.db, "sample", &["teach@example.org".into()])
        .await
        .unwrap();
    let page = app.get("/en/discussion/moderation").await;
    assert!(page.body.contains("(named in the course's files)"));
    app.post(
        "/en/discussion/moderation/authors",
        &[("course", "sample"), ("remove", &teacher.id.to_string())],
    )
    .await;
    assert_eq!(
        teach.get("/en/discussion/moderation").await.status,
        StatusCode::OK
    );
}
