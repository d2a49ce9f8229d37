//! Learners: the catalogue, lessons in the reader's language or the original,
//! quizzes graded without JavaScript, progress kept for anonymous visitors and
//! merged on sign-up, completion and public certificates.

use axum::http::StatusCode;

use crate::support::TestApp;

const FIRST: &str = "/en/courses/sample/basics/first";
const SECOND: &str = "/en/courses/sample/basics/second";

fn learner_cookie(app: &TestApp) -> Option<&String> {
    app.cookies.get("archipel_learner")
}

#[tokio::test]
async fn the_catalogue_lists_and_filters_courses() {
    let mut app = TestApp::new().await;
    let r = app.get("/en/courses").await;
    assert_eq!(r.status, StatusCode::OK);
    assert!(r.body.contains("Sample course"), "the English title");
    assert!(r.body.contains("1 of 1 courses"), "{}", r.body);
    let r = app.get("/fr/courses").await;
    assert!(r.body.contains("Cours d&#x27;exemple") || r.body.contains("Cours d'exemple"));

    let r = app.get("/en/courses?level=beginner").await;
    assert!(r.body.contains("No course matches these filters."));
    let r = app.get("/en/courses?level=intermediate&language=en").await;
    assert!(r.body.contains("Sample course"));
    let r = app.get("/en/courses?language=it").await;
    assert!(!r.body.contains("Sample course"));
    assert!(r.body.contains("Show all"), "a way back to every course");
}

#[tokio::test]
async fn unknown_courses_and_lessons_are_not_found() {
    let mut app = TestApp::new().await;
    assert_eq!(
        app.get("/en/courses/nope").await.status,
        StatusCode::NOT_FOUND
    );
    assert_eq!(
        app.get("/en/courses/sample/basics/nope").await.status,
        StatusCode::NOT_FOUND
    );
    assert_eq!(
        app.get("/en/certificates/0123456789abcdef").await.status,
        StatusCode::NOT_FOUND
    );
}

#[tokio::test]
async fn lessons_fall_back_to_the_original_with_a_note() {
    let mut app = TestApp::new().await;
    let r = app.get(FIRST).await;
    assert_eq!(r.status, StatusCode::OK);
    assert!(r.body.contains("First lesson"));
    assert!(!r.body.contains("not translated"));
    assert!(r.body.contains("Lesson 1 of 2"));
    assert!(
        r.body.contains(&format!("href=\"{SECOND}\"")),
        "next lesson link"
    );

    let r = app.get(SECOND).await;
    assert!(r.body.contains("Deuxième leçon"), "the French original");
    assert!(r.body.contains("is not translated into your language yet"));
    assert!(
        r.body.contains("lang=\"fr\""),
        "the text is marked as French"
    );
    assert!(
        r.body.contains("href=\"/fr/courses/sample/basics/second\""),
        "a link to the language it exists in"
    );
    assert!(
        r.body.contains(&format!("href=\"{FIRST}\"")),
        "previous link"
    );

    // Checked links point at the page in the lesson's language.
    let r = app.get("/en/courses/sample/basics/first").await;
    assert!(
        r.body
            .contains("href=\"/en/courses/sample/basics/first#bonjour\""),
        "{}",
        r.body
    );
}

#[tokio::test]
async fn reading_sets_no_cookie_and_records_nothing() {
    let mut app = TestApp::new().await;
    app.get(FIRST).await;
    app.get("/en/courses/sample").await;
    assert!(learner_cookie(&app).is_none());
}

#[tokio::test]
async fn an_anonymous_learner_answers_quizzes_and_keeps_progress_on_sign_up() {
    let mut app = TestApp::new().await;
    app.get(FIRST).await;

    // A wrong answer: graded, explained, and the visitor gets a learner cookie.
    let r = app
        .post(&format!("{FIRST}/quiz"), &[("q0", "goodbye")])
        .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER);
    assert_eq!(r.location(), format!("{FIRST}#quiz-result"));
    assert!(learner_cookie(&app).is_some());
    let r = app.get(FIRST).await;
    assert!(r.body.contains("Your score: 0 of 1."), "{}", r.body);
    assert!(r.body.contains("Not quite."));
    assert!(
        r.body.contains("value=\"goodbye\""),
        "the answer is shown again"
    );
    assert!(r.body.contains("You need at least 70%"));

    // Trying again shows a fresh form; a right answer passes.
    let r = app.get(&format!("{FIRST}?retry=1")).await;
    assert!(!r.body.contains("Your score"));
    app.post(&format!("{FIRST}/quiz"), &[("q0", " HELLO ")])
        .await;
    let r = app.get(FIRST).await;
    assert!(r.body.contains("Your score: 1 of 1."));
    assert!(r.body.contains("Quiz passed."));
    assert!(r.body.contains("Attempts: 2 · best score: 1 of 1"));

    // Marking both lessons done completes the course.
    let r = app
        .post(&format!("{FIRST}/done"), &[("done", "true")])
        .await;
    assert_eq!(r.location(), format!("{FIRST}#progress"));
    let r = app.get(FIRST).await;
    assert!(r.body.contains("You have finished this lesson."));
    assert!(r.body.contains("1 of 2 lessons done"));
    let r = app
        .post(&format!("{SECOND}/done"), &[("done", "true")])
        .await;
    assert_eq!(
        r.location(),
        "/en/courses/sample#progress",
        "the last lesson leads back to the course"
    );
    let r = app.get("/en/courses/sample").await;
    assert!(r.body.contains("2 of 2 lessons done"));
    assert!(
        r.body
            .contains("Well done, you have completed this course!")
    );
    assert!(
        r.body.contains("To receive a certificate in your name"),
        "anonymous learners are invited to sign in"
    );

    // Signing up keeps all of it, and the anonymous cookie goes.
    app.get("/en/register").await;
    let r = app
        .post(
            "/en/register",
            &[
                ("email", "ada@example.org"),
                ("display_name", "Ada Lovelace"),
                ("password", "long enough pass"),
            ],
        )
        .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
    assert!(learner_cookie(&app).is_none(), "merged and forgotten");
    let r = app.get("/en/courses/sample").await;
    assert!(r.body.contains("2 of 2 lessons done"), "{}", r.body);

    // The certificate has a public address that anyone can open.
    let r = app.post("/en/courses/sample/certificate", &[]).await;
    assert_eq!(r.status, StatusCode::SEE_OTHER);
    let cert = r.location().to_string();
    assert!(cert.starts_with("/en/certificates/"), "{cert}");
    let r = app.get("/en/learning").await;
    assert!(
        r.body.contains(&format!("href=\"{cert}\"")),
        "the dashboard links it"
    );
    assert!(r.body.contains("Quiz history"));

    let mut stranger = app.browser();
    let r = stranger.get(&cert).await;
    assert_eq!(r.status, StatusCode::OK);
    assert!(r.body.contains("Ada Lovelace"));
    assert!(r.body.contains("Sample course"));
    assert!(r.body.contains("Certificate of completion"));
}

#[tokio::test]
async fn progress_made_before_logging_in_joins_the_account() {
    let mut app = TestApp::new().await;
    app.user("ada@example.org", store::users::Role::Learner)
        .await;
    app.get(FIRST).await;
    app.post(&format!("{FIRST}/done"), &[("done", "true")])
        .await;
    assert!(learner_cookie(&app).is_some());
    app.login("ada@example.org").await;
    assert!(learner_cookie(&app).is_none());
    let r = app.get("/en/learning").await;
    assert!(r.body.contains("Sample course"), "{}", r.body);
    assert!(r.body.contains("1 of 2 lessons done"));
}

#[tokio::test]
async fn a_certificate_needs_a_finished_course_and_an_account() {
    let mut app = TestApp::new().await;
    app.get(FIRST).await;
    let r = app.post("/en/courses/sample/certificate", &[]).await;
    assert_eq!(r.status, StatusCode::SEE_OTHER);
    assert!(
        r.location().starts_with("/en/login"),
        "anonymous: log in first"
    );

    app.user("ada@example.org", store::users::Role::Learner)
        .await;
    app.login("ada@example.org").await;
    app.post(&format!("{FIRST}/done"), &[("done", "true")])
        .await;
    app.post(&format!("{SECOND}/done"), &[("done", "true")])
        .await;
    // Both lessons done, but the first lesson's quiz is not passed.
    let r = app.post("/en/courses/sample/certificate", &[]).await;
    assert_eq!(r.location(), "/en/courses/sample");
    let r = app.get("/en/courses/sample").await;
    assert!(r.body.contains("The course is not complete yet"));
    assert!(!r.body.contains("Get my certificate"));
}

#[tokio::test]
async fn bad_progress_requests_are_refused() {
    let mut app = TestApp::new().await;
    app.get(FIRST).await;
    let r = app
        .post(&format!("{FIRST}/done"), &[("done", "maybe")])
        .await;
    assert_eq!(r.status, StatusCode::BAD_REQUEST);
    let r = app.post(&format!("{SECOND}/quiz"), &[("q0", "x")]).await;
    assert_eq!(
        r.status,
        StatusCode::NOT_FOUND,
        "the second lesson has no quiz"
    );
    assert!(
        learner_cookie(&app).is_none(),
        "refused requests record nothing"
    );
}

#[tokio::test]
async fn files_beside_lessons_are_served_but_not_sources() {
    let mut app = TestApp::with_content("valid").await;
    let r = app
        .get("/course-files/courses/sample/01-basics/02-with-files/guide.pdf")
        .await;
    assert_eq!(r.status, StatusCode::OK);
    for path in [
        "/course-files/courses/sample/01-basics/01-first.md",
        "/course-files/courses/sample/../../../Cargo.toml",
        "/course-files/topics.toml",
        "/course-files/courses/sample/01-basics/02-with-files/missing.pdf",
    ] {
        assert_eq!(app.get(path).await.status, StatusCode::NOT_FOUND, "{path}");
    }
    let r = app.get("/fr/courses/sample/basics/with-files").await;
    assert!(
        r.body
            .contains("/course-files/courses/sample/01-basics/02-with-files/"),
        "lesson files are linked where they are served"
    );

    // Images come in responsive variants with their dimensions.
    let img = r
        .body
        .split("<img ")
        .nth(1)
        .expect("the lesson shows its image");
    assert!(img.contains("srcset=\"/course-media/"), "{img}");
    assert!(img.contains("width=\"64\" height=\"32\""), "{img}");
    assert!(img.contains("alt=\"Un schéma du réseau\""), "{img}");
    let src = img.split('"').nth(1).unwrap().to_string();
    let r = app.get(&src).await;
    assert_eq!(r.status, StatusCode::OK, "{src}");
    assert_eq!(r.headers["content-type"], "image/png");
    assert!(
        r.headers["cache-control"]
            .to_str()
            .unwrap()
            .contains("immutable")
    );

    // The course's cover shows on its card and its page, as a decorative picture.
    for page in ["/fr/courses", "/fr/courses/sample"] {
        let r = app.get(page).await;
        let tag = r
            .body
            .split("<img ")
            .map(|t| t.split('>').next().unwrap())
            .find(|t| t.contains("class=\"cover\""))
            .expect(page);
        assert!(tag.contains("srcset=\"/course-media/"), "{page}: {tag}");
        assert!(tag.contains("alt=\"\""), "{page}: {tag}");
    }
}
