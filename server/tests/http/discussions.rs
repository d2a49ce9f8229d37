//! Lesson discussions over HTTP: a question answered and accepted with its
//! notifications (bell, e-mail with a one-click unsubscribe), and every
//! refusal: anonymous and unverified posting, someone else's post, the edit
//! window, the rate limit, a hidden post, pre-moderation, hostile Markdown.

use std::sync::Arc;

use axum::body::Body;
use axum::http::{Request, StatusCode, header};
use mail::CaptureMailer;
use store::discussions::moderation;
use store::users::{self, Registration, Role};

use crate::support::TestApp;

mod moderating;

const LESSON: &str = "/en/courses/sample/basics/first";
const DISCUSSION: &str = "/en/courses/sample/basics/first/discussion";

/// The id of the newest post, read from the redirect after writing it.
fn post_id(location: &str) -> i64 {
    location
        .rsplit_once("#post-")
        .and_then(|(_, id)| id.parse().ok())
        .unwrap_or_else(|| panic!("no post in {location}"))
}

async fn ask(app: &mut TestApp, kind: &str, body: &str) -> i64 {
    app.get(DISCUSSION).await;
    let r = app
        .post(DISCUSSION, &[("kind", kind), ("body", body)])
        .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
    post_id(r.location())
}

async fn reply(app: &mut TestApp, to: i64, body: &str) -> i64 {
    app.get(DISCUSSION).await;
    let r = app
        .post(
            &format!("/en/discussion/posts/{to}/reply"),
            &[("body", body)],
        )
        .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
    post_id(r.location())
}

#[tokio::test]
async fn a_question_is_answered_accepted_and_everyone_concerned_hears_of_it() {
    let mut asker = TestApp::new().await;
    let capture = Arc::new(CaptureMailer::default());
    asker.delivery.set_mailer(Some(capture.clone()));
    let asker_account = asker.user("asker@example.org", Role::Learner).await;
    // E-mails are written in the recipient's preferred language.
    let english = users::ProfileUpdate {
        display_name: "asker".into(),
        preferred_languages: "en".into(),
    };
    users::update_profile(&asker.db, asker_account.id, &english)
        .await
        .unwrap();
    let helper_account = asker.user("helper@example.org", Role::Learner).await;
    let author = asker.user("author@example.org", Role::Learner).await;
    moderation::add_author(&asker.db, "sample", author.id)
        .await
        .unwrap();
    asker.login("asker@example.org").await;

    // Anonymous readers read and are invited to sign in.
    let mut anonymous = asker.browser();
    let page = anonymous.get(DISCUSSION).await;
    assert_eq!(page.status, StatusCode::OK);
    assert!(page.body.contains("Log in to ask a question or to reply."));
    assert!(page.body.contains("No question yet on this lesson."));

    let question = ask(
        &mut asker,
        "question",
        "How do I *really* choose a host? See [the next lesson](@/courses/sample/01-basics/02-second.md).",
    )
    .await;
    let page = anonymous.get(DISCUSSION).await;
    assert!(page.body.contains("<em>really</em>"), "Markdown rendered");
    assert!(
        page.body
            .contains("href=\"/en/courses/sample/basics/second\""),
        "@/ links resolved in the reader's language: {}",
        page.body
    );
    // The syllabus and the lesson count the unanswered question.
    let course = anonymous.get("/en/courses/sample").await;
    assert!(
        course.body.contains("One unanswered question"),
        "{}",
        course.body
    );
    let lesson = anonymous.get(LESSON).await;
    assert!(
        lesson.body.contains("One thread, one unanswered"),
        "{}",
        lesson.body
    );
    let mut signed_in = asker.browser();
    signed_in.login("helper@example.org").await;
    let lesson = signed_in.get(LESSON).await;
    assert!(
        lesson.body.contains("One thread, one unanswered"),
        "{}",
        lesson.body
    );
    let filtered = anonymous
        .get(&format!("{DISCUSSION}?filter=unanswered"))
        .await;
    assert!(filtered.body.contains(&format!("id=\"post-{question}\"")));

    // Another learner answers; the asker hears of it.
    let mut helper = asker.browser();
    helper.login("helper@example.org").await;
    let answer = reply(&mut helper, question, "Ask them for their **charter**.").await;
    let filtered = anonymous
        .get(&format!("{DISCUSSION}?filter=unanswered"))
        .await;
    assert!(!filtered.body.contains(&format!("id=\"post-{question}\"")));
    // Pages made for one reader see the counts move as well (kept for all
    // readers until a discussion changes).
    let lesson = helper.get(LESSON).await;
    assert!(lesson.body.contains("One thread</p>"), "{}", lesson.body);
    let course = helper.get("/en/courses/sample").await;
    assert!(!course.body.contains("unanswered question"));
    let bell = asker.get("/en/account").await;
    assert!(
        bell.body
            .contains("1<span class=\"visually-hidden\"> (one unread)</span>"),
        "{}",
        bell.body
    );
    let list = asker.get("/en/notifications").await;
    assert!(
        list.body
            .contains("helper replied to your post on “First lesson”"),
        "{}",
        list.body
    );
    assert!(list.body.contains(&format!("/discussion#post-{answer}")));

    // The course's author was told of the question.
    let author_notes = store::notifications::list(&asker.db, author.id, 1)
        .await
        .unwrap()
        .0;
    assert_eq!(author_notes.len(), 1);
    assert_eq!(
        author_notes[0].kind,
        store::notifications::Kind::NewQuestion
    );

    // E-mail: one per notification, in the recipient's language, with a
    // one-click unsubscribe; delivering again sends nothing more.
    asker.delivery.deliver().await.unwrap();
    asker.delivery.deliver().await.unwrap();
    let to_asker: Vec<_> = capture
        .sent()
        .into_iter()
        .filter(|m| m.to == "asker@example.org")
        .collect();
    assert_eq!(to_asker.len(), 1, "{to_asker:?}");
    assert_eq!(
        to_asker[0].subject,
        "helper replied to your post on “First lesson”"
    );
    assert!(
        to_asker[0]
            .body
            .contains(&format!("{DISCUSSION}#post-{answer}"))
    );
    let unsubscribe = to_asker[0]
        .unsubscribe
        .clone()
        .expect("an unsubscribe link");
    assert!(to_asker[0].body.contains(&unsubscribe));

    // The author accepts the answer; the helper hears of it.
    let mut author_browser = asker.browser();
    author_browser.login("author@example.org").await;
    author_browser.get(DISCUSSION).await;
    let r = author_browser
        .post(
            &format!("/en/discussion/posts/{answer}/moderate"),
            &[("action", "accept")],
        )
        .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER);
    let page = anonymous.get(DISCUSSION).await;
    assert!(page.body.contains("Accepted answer"));
    let helper_notes = store::notifications::list(&asker.db, helper_account.id, 1)
        .await
        .unwrap()
        .0;
    assert!(
        helper_notes
            .iter()
            .any(|n| n.kind == store::notifications::Kind::Accepted)
    );
    // A learner may not accept.
    let r = helper
        .post(
            &format!("/en/discussion/posts/{answer}/moderate"),
            &[("action", "unaccept")],
        )
        .await;
    assert_eq!(r.status, StatusCode::FORBIDDEN);

    // Reading the list and marking all read empties the bell.
    asker.get("/en/notifications").await;
    asker.post("/en/notifications/read", &[]).await;
    let page = asker.get("/en/account").await;
    assert!(!page.body.contains("unread)"));

    // One click from the mail client, without a page or a token, stops that
    // kind of e-mail; the link opened in a browser only asks.
    let path = &unsubscribe[unsubscribe.find("/en/").unwrap()..];
    let mut client = asker.browser();
    let shown = client.get(path).await;
    assert_eq!(shown.status, StatusCode::OK);
    assert!(shown.body.contains("Replies to my posts"));
    let settings = store::notifications::settings(
        &asker.db,
        users::find_by_email(&asker.db, "asker@example.org")
            .await
            .unwrap()
            .unwrap()
            .id,
    )
    .await
    .unwrap();
    assert!(
        settings
            .iter()
            .all(|s| s.email == store::notifications::Email::Instant)
    );
    let one_click = client
        .send(
            Request::post(path)
                .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded")
                .body(Body::from("List-Unsubscribe=One-Click"))
                .unwrap(),
        )
        .await;
    assert_eq!(one_click.status, StatusCode::OK, "{}", one_click.body);
    let asker_id = users::find_by_email(&asker.db, "asker@example.org")
        .await
        .unwrap()
        .unwrap()
        .id;
    let settings = store::notifications::settings(&asker.db, asker_id)
        .await
        .unwrap();
    let reply_setting = settings
        .iter()
        .find(|s| s.kind == store::notifications::Kind::Reply)
        .unwrap();
    assert_eq!(reply_setting.email, store::notifications::Email::Off);
    let forged = client
        .send(
            Request::post(format!("/en/unsubscribe/{}/reply", "ab".repeat(32)))
                .body(Body::from("List-Unsubscribe=One-Click"))
                .unwrap(),
        )
        .await;
    assert_eq!(forged.status, StatusCode::NOT_FOUND);
}

#[tokio::test]
async fn only_verified_accounts_post_and_only_authors_change_their_posts() {
    let mut app = TestApp::new().await;
    // Not signed in.
    app.get(DISCUSSION).await;
    let r = app
        .post(DISCUSSION, &[("kind", "question"), ("body", "Hello?")])
        .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER);
    assert!(r.location().starts_with("/en/login"));

    // Signed up, address not verified.
    let reg = Registration {
        email: "new@example.org".into(),
        display_name: "New".into(),
        password: "long enough pass".into(),
    };
    users::register(&app.db, &reg, "en").await.unwrap();
    let mut unverified = app.browser();
    unverified.login("new@example.org").await;
    let page = unverified.get(DISCUSSION).await;
    assert!(page.body.contains("Verify your e-mail address to post"));
    let r = unverified
        .post(DISCUSSION, &[("kind", "question"), ("body", "Hello?")])
        .await;
    assert_eq!(r.status, StatusCode::FORBIDDEN);

    app.user("ana@example.org", Role::Learner).await;
    app.user("ben@example.org", Role::Moderator).await;
    app.login("ana@example.org").await;
    let mine = ask(&mut app, "comment", "A first comment.").await;
    let edit = app
        .post(
            &format!("/en/discussion/posts/{mine}/edit"),
            &[("body", "A first comment, corrected.")],
        )
        .await;
    assert_eq!(edit.status, StatusCode::SEE_OTHER);
    assert!(app.get(DISCUSSION).await.body.contains("corrected"));

    // Someone else's post, even a moderator's hand: never edited or deleted.
    let mut ben = app.browser();
    ben.login("ben@example.org").await;
    ben.get(DISCUSSION).await;
    for path in ["edit", "delete"] {
        let r = ben
            .post(
                &format!("/en/discussion/posts/{mine}/{path}"),
                &[("body", "Rewritten by someone else")],
            )
            .await;
        assert_eq!(r.status, StatusCode::FORBIDDEN, "{path}");
    }
    assert_eq!(
        ben.get(&format!("/en/discussion/posts/{mine}/edit"))
            .await
            .status,
        StatusCode::FORBIDDEN
    );

    // After the edit window.
    sqlx::query("UPDATE posts SET created_at = '2020-01-01T00:00:00.000000Z' WHERE id = $1")
        .bind(mine)
        .execute(app.db.pool())
        .await
        .unwrap();
    let late = app
        .post(
            &format!("/en/discussion/posts/{mine}/edit"),
            &[("body", "Too late to change")],
        )
        .await;
    assert_eq!(late.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(
        late.body
            .contains("during the 30 minutes after it is written")
    );

    // Deleting one's own post keeps its place.
    let r = app
        .post(&format!("/en/discussion/posts/{mine}/delete"), &[])
        .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER);
    let page = ben.get(DISCUSSION).await;
    assert!(page.body.contains("Deleted by its author."));
    assert!(!page.body.contains("corrected"));

    // Unknown @/ links and empty posts are refused with the reason.
    let r = app
        .post(
            DISCUSSION,
            &[
                ("kind", "question"),
                ("body", "See [this](@/courses/nowhere/lesson.md)"),
            ],
        )
        .await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(
        r.body
            .contains("An @/ link points to no lesson of the courses.")
    );
    let r = app
        .post(DISCUSSION, &[("kind", "question"), ("body", "   ")])
        .await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
}

#[tokio::test]
async fn an_account_posting_too_fast_is_told_to_wait() {
    let mut app = TestApp::new().await;
    app.user("fast@example.org", Role::Learner).await;
    app.login("fast@example.org").await;
    for i in 0..store::discussions::POSTS_PER_WINDOW {
        ask(&mut app, "comment", &format!("Comment number {i}.")).await;
    }
    let r = app
        .post(DISCUSSION, &[("kind", "comment"), ("body", "One more.")])
        .await;
    assert_eq!(r.status, StatusCode::TOO_MANY_REQUESTS);
    assert!(r.body.contains("Wait a little before posting again."));
    assert!(r.body.contains("One more."), "what was typed is kept");
}

#[tokio::test]
async fn hostile_markdown_in_a_post_is_neutralised() {
    let mut app = TestApp::new().await;
    app.user("eve@example.org", Role::Learner).await;
    app.login("eve@example.org").await;
    let hostile = "Hi <script>alert(1)</script> <img src=x onerror=alert(2)> \
        [click](javascript:alert(3)) <iframe src=\"https://evil.example\"></iframe> \
        ![tracker](https://tracker.example/pixel.gif) <a href=\"https://x.example\" onclick=\"alert(4)\">x</a> \
        [data](data:text/html;base64,PHNjcmlwdD4=) <style>body{display:none}</style>";
    ask(&mut app, "comment", hostile).await;
    let page = app.browser().get(DISCUSSION).await.body;
    let post = page
        .split("class=\"entry-body\"")
        .nth(1)
        .unwrap()
        .split("</div>")
        .next()
        .unwrap()
        .to_string();
    for bad in [
        "<script",
        "onerror",
        "javascript:",
        "<iframe",
        "<img",
        "tracker.example",
        "onclick",
        "data:text",
        "<style",
    ] {
        assert!(!post.contains(bad), "{bad} survived: {post}");
    }
    assert!(
        post.contains("rel=\"nofollow ugc noopener noreferrer\""),
        "{post}"
    );
}

#[tokio::test]
async fn a_lessons_rdf_counts_its_posts_and_publishes_none_of_them() {
    let mut app = TestApp::new().await;
    app.user("talker@example.org", Role::Learner).await;
    app.login("talker@example.org").await;
    let first = ask(&mut app, "question", "A private question about my choir.").await;
    reply(&mut app, first, "And a private detail.").await;
    app.rdf.catch_up().await.unwrap();
    let ttl = app.browser().get("/courses/sample/basics/first.ttl").await;
    assert_eq!(ttl.status, StatusCode::OK);
    assert!(ttl.body.contains("commentCount"), "{}", ttl.body);
    assert!(ttl.body.contains(" 2 "), "two visible posts: {}", ttl.body);
    assert!(!ttl.body.contains("private"), "no post text in RDF");
    // Deleted, the post no longer counts.
    app.post(&format!("/en/discussion/posts/{first}/delete"), &[])
        .await;
    app.rdf.catch_up().await.unwrap();
    let ttl = app.browser().get("/courses/sample/basics/first.ttl").await;
    assert!(ttl.body.contains(" 1 "), "{}", ttl.body);
}

#[tokio::test]
async fn a_deleted_accounts_posts_stay_readable_unsigned() {
    let mut app = TestApp::new().await;
    app.user("leaving@example.org", Role::Learner).await;
    app.user("staying@example.org", Role::Learner).await;
    app.login("leaving@example.org").await;
    let question = ask(&mut app, "question", "Which host keeps our data in Europe?").await;
    let mut staying = app.browser();
    staying.login("staying@example.org").await;
    reply(&mut staying, question, "Several CHATONS members do.").await;

    app.get("/en/account").await;
    let r = app
        .post("/en/account/delete", &[("password", "long enough pass")])
        .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER);
    let page = staying.get(DISCUSSION).await.body;
    assert!(
        page.contains("Which host keeps our data in Europe?"),
        "the thread stays"
    );
    assert!(page.contains("a former learner"), "unsigned");
    assert!(!page.contains("leaving"), "the name is gone");
    assert!(page.contains("Several CHATONS members do."));
}

#[tokio::test]
async fn threads_come_a_page_at_a_time_pinned_first() {
    let mut app = TestApp::new().await;
    app.user("pin@example.org", Role::Moderator).await;
    let mut first = 0;
    for who in 0..5 {
        let mut writer = app.browser();
        let email = format!("w{who}@example.org");
        writer.user(&email, Role::Learner).await;
        writer.login(&email).await;
        for n in 0..5 {
            let id = ask(
                &mut writer,
                "question",
                &format!("Question {who}-{n} here."),
            )
            .await;
            if first == 0 {
                first = id;
            }
        }
    }
    let mut reader = app.browser();
    let page1 = reader.get(DISCUSSION).await.body;
    assert_eq!(page1.matches("class=\"thread\"").count(), 20);
    assert!(page1.contains("Page 1 of 2"));
    assert!(page1.contains("Question 4-4 here."), "newest first");
    assert!(!page1.contains("Question 0-0 here."));
    let page2 = reader.get(&format!("{DISCUSSION}?page=2")).await.body;
    assert_eq!(page2.matches("class=\"thread\"").count(), 5);
    assert!(page2.contains("Question 0-0 here."));
    // Pinned, the oldest comes first.
    app.login("pin@example.org").await;
    app.get(DISCUSSION).await;
    let r = app
        .post(
            &format!("/en/discussion/posts/{first}/moderate"),
            &[("action", "pin")],
        )
        .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER);
    let page1 = reader.get(DISCUSSION).await.body;
    let pinned = page1.find("Question 0-0 here.").expect("pinned on page 1");
    assert!(pinned < page1.find("Question 4-4 here.").unwrap());
    assert!(page1.contains("Pinned"));
}
