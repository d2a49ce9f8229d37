//! Pages kept for anonymous readers: answered from memory with ETags, never
//! shown to someone signed in, and dropped by exactly the changes they show.

use axum::body::Body;
use axum::http::{Request, StatusCode, header};
use store::users::Role;

use crate::contribute::{propose_italian, published, setup};
use crate::support::{Reply, TestApp};

const LESSON: &str = "/en/courses/sample/basics/first";

async fn get_with(app: &mut TestApp, uri: &str, headers: &[(&str, &str)]) -> Reply {
    let mut req = Request::get(uri);
    for (k, v) in headers {
        req = req.header(*k, *v);
    }
    app.send(req.body(Body::empty()).unwrap()).await
}

fn header(r: &Reply, name: header::HeaderName) -> &str {
    r.headers
        .get(name)
        .map(|v| v.to_str().unwrap())
        .unwrap_or("")
}

/// The page as a reader of that language sees it, decoded.
fn brotli_text(r: &Reply) -> String {
    let mut out = Vec::new();
    brotli::BrotliDecompress(&mut &r.bytes[..], &mut out).unwrap();
    String::from_utf8(out).unwrap()
}

#[tokio::test]
async fn anonymous_pages_come_from_memory_with_etags_and_304() {
    let app = TestApp::new().await;
    let mut reader = app.browser();
    let first = get_with(&mut reader, LESSON, &[("accept-encoding", "gzip, br")]).await;
    assert_eq!(first.status, StatusCode::OK);
    assert_eq!(header(&first, header::CONTENT_ENCODING), "br");
    assert_eq!(
        header(&first, header::CACHE_CONTROL),
        "public, max-age=0, must-revalidate"
    );
    assert!(header(&first, header::VARY).contains("Cookie"));
    assert!(
        !first.headers.contains_key(header::SET_COOKIE),
        "no cookie on a shared page"
    );
    assert!(header(&first, header::CONTENT_SECURITY_POLICY).contains("frame-ancestors"));
    let etag = header(&first, header::ETAG).to_string();
    assert!(etag.starts_with('"') && etag.ends_with("-br\""), "{etag}");
    let text = brotli_text(&first);
    assert!(text.contains("<html lang=\"en\""));
    assert_eq!(app.pages.usage().0, 1, "kept");

    let again = get_with(&mut reader, LESSON, &[("accept-encoding", "br")]).await;
    assert_eq!(header(&again, header::ETAG), etag);
    assert_eq!(again.bytes, first.bytes);

    let revalidated = get_with(&mut reader, LESSON, &[("if-none-match", &etag)]).await;
    assert_eq!(revalidated.status, StatusCode::NOT_MODIFIED);
    assert!(revalidated.bytes.is_empty());

    let gzip = get_with(&mut reader, LESSON, &[("accept-encoding", "gzip")]).await;
    assert_eq!(header(&gzip, header::CONTENT_ENCODING), "gzip");
    let plain = get_with(&mut reader, LESSON, &[]).await;
    assert!(!plain.headers.contains_key(header::CONTENT_ENCODING));
    assert_eq!(plain.body, text, "every coding holds the same page");
    let base = etag.trim_end_matches("-br\"");
    assert_eq!(header(&plain, header::ETAG), format!("{base}\""));
    let head = reader
        .send(Request::head(LESSON).body(Body::empty()).unwrap())
        .await;
    assert_eq!(head.status, StatusCode::OK);
    assert!(head.bytes.is_empty());

    // Pages for one query or one reader are never kept.
    reader.get("/en/search?q=sample").await;
    reader.get("/en/login").await;
    assert_eq!(app.pages.usage().0, 1);
}

#[tokio::test]
async fn shared_pages_carry_no_token_and_their_forms_work_from_this_site_only() {
    let app = TestApp::new().await;
    let mut reader = app.browser();
    let page = reader.get(LESSON).await;
    assert!(
        page.body.contains("name=\"_csrf\" value=\"\""),
        "the kept page carries nobody's token"
    );
    let done = |site: Option<&str>, origin: Option<&str>| {
        let mut req = Request::post(format!("{LESSON}/done"))
            .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded");
        if let Some(s) = site {
            req = req.header("sec-fetch-site", s);
        }
        if let Some(o) = origin {
            req = req.header(header::ORIGIN, o);
        }
        req.body(Body::from("done=true&_csrf=")).unwrap()
    };
    for (site, origin) in [
        (Some("cross-site"), None),
        (Some("same-site"), Some("http://127.0.0.1:3000")),
        (None, Some("https://evil.example")),
        (None, None),
    ] {
        let r = reader.send(done(site, origin)).await;
        assert_eq!(r.status, StatusCode::BAD_REQUEST, "{site:?} {origin:?}");
        assert!(r.body.contains("<html"), "the refusal is a page");
    }
    // A browser without Sec-Fetch-Site, from this site's origin.
    let r = reader.send(done(None, Some("http://127.0.0.1:3000"))).await;
    assert_eq!(r.status, StatusCode::SEE_OTHER);
    // The learner now has progress: their pages are theirs, not the kept one.
    let r = reader.get(LESSON).await;
    assert!(r.body.contains("You have finished this lesson."));
    assert_eq!(header(&r, header::CACHE_CONTROL), "no-cache, private");
    let mut other = app.browser();
    let r = other.get(LESSON).await;
    assert!(!r.body.contains("You have finished this lesson."));
    let r = other
        .send(done(Some("same-origin"), Some("http://127.0.0.1:3000")))
        .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER);
    // A token that does not match is refused whatever the headers say.
    let mut req = done(Some("same-origin"), None);
    *req.body_mut() = Body::from("done=true&_csrf=forged-token-of-twenty-chars");
    assert_eq!(other.send(req).await.status, StatusCode::BAD_REQUEST);
}

#[tokio::test]
async fn signed_in_readers_never_get_a_kept_page_or_another_persons() {
    let app = TestApp::new().await;
    app.user("ada@example.org", Role::Learner).await;
    app.user("grace@example.org", Role::Learner).await;
    let mut anonymous = app.browser();
    anonymous.get(LESSON).await;
    let mut ada = app.browser();
    ada.login("ada@example.org").await;
    let r = ada
        .post(&format!("{LESSON}/done"), &[("done", "true")])
        .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER);
    let r = ada.get(LESSON).await;
    assert!(r.body.contains("action=\"/en/logout\""), "her own header");
    assert!(r.body.contains("You have finished this lesson."));
    assert_eq!(header(&r, header::CACHE_CONTROL), "no-cache, private");
    assert!(!r.headers.contains_key(header::ETAG));
    let mut grace = app.browser();
    grace.login("grace@example.org").await;
    let r = grace.get(LESSON).await;
    assert!(r.body.contains("action=\"/en/logout\""));
    assert!(
        !r.body.contains("You have finished this lesson."),
        "not Ada's progress"
    );
    let r = anonymous.get(LESSON).await;
    assert!(!r.body.contains("action=\"/en/logout\""));
    assert!(!r.body.contains("You have finished this lesson."));
    assert!(r.headers.contains_key(header::ETAG), "the kept page");
}

/// Whether the library's page lists the guide the tests publish.
async fn in_library(reader: &mut TestApp) -> bool {
    reader
        .get("/en/library")
        .await
        .body
        .contains("Guide des chatons")
}

#[tokio::test]
async fn publishing_unpublishing_and_translating_reach_the_next_anonymous_reader() {
    let (mut app, a, _) = setup().await;
    let mut reader = app.browser();
    let course = reader.get("/en/courses").await.body;
    assert!(!in_library(&mut reader).await);
    let (page, mut moderator) = published(&mut app, a, "Guide des chatons").await;
    assert!(in_library(&mut reader).await);
    assert_eq!(
        reader.get("/en/courses").await.body,
        course,
        "a library change leaves course pages alone"
    );
    let it_page = page.replacen("/en/", "/it/", 1);
    assert!(
        !reader
            .get(&it_page)
            .await
            .body
            .contains("Guida dei chatons")
    );

    let mut translator = app.browser();
    translator.login("b@example.org").await;
    propose_italian(&mut translator, &page).await;
    translator
        .post(&format!("{page}/translations/it/submit"), &[])
        .await;
    moderator
        .post(&format!("{page}/translations/it/publish"), &[])
        .await;
    assert!(
        reader
            .get(&it_page)
            .await
            .body
            .contains("Guida dei chatons")
    );

    let r = moderator
        .post(&format!("{page}/unpublish"), &[("reason", "outdated")])
        .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
    assert_eq!(reader.get(&page).await.status, StatusCode::NOT_FOUND);
    assert!(!in_library(&mut reader).await);
}

#[tokio::test]
async fn a_topic_relabel_and_a_content_reload_reach_the_next_anonymous_reader() {
    let (mut app, _, _) = setup().await;
    let mut reader = app.browser();
    assert!(
        reader
            .get("/en/library/topics")
            .await
            .body
            .contains("Free software")
    );
    app.user("admin@example.org", Role::Admin).await;
    app.login("admin@example.org").await;
    let r = app
        .post(
            "/en/library/topics",
            &[
                ("id", "free-software"),
                ("broader", ""),
                ("labels", "en: Libre software"),
            ],
        )
        .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
    let topics = reader.get("/en/library/topics").await.body;
    assert!(topics.contains("Libre software") && !topics.contains("Free software"));

    // The content watcher replaces the catalogue: course pages follow.
    let before = reader.get("/en/courses/sample").await.body;
    assert!(before.contains("Sample course"));
    let manifest = std::path::PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    let other = courses::load(&manifest.join("../courses/tests/fixtures/valid")).unwrap();
    app.courses.replace(&other);
    let after = reader.get("/en/courses/sample").await.body;
    assert!(after.contains("Cours d&#x27;exemple") || after.contains("Cours d'exemple"));
}

/// Every kind of page a reader meets: the script that loads islands is
/// there exactly when an island is.
#[tokio::test]
async fn a_page_without_islands_references_no_script() {
    let (mut app, a, _) = setup().await;
    let (page, _) = published(&mut app, a, "Guide des chatons").await;
    let mut reader = app.browser();
    let pages = [
        "/en/".to_string(),
        "/en/about".into(),
        "/en/courses".into(),
        "/en/courses/sample".into(),
        LESSON.into(),
        "/en/library".into(),
        page,
        "/en/library/topics".into(),
        "/en/directory".into(),
        "/en/partners".into(),
        "/en/data".into(),
        "/en/login".into(),
        "/en/register".into(),
        "/en/search?q=guide".into(),
        "/en/nowhere".into(),
    ];
    let mut with_islands = Vec::new();
    for path in pages {
        let body = reader.get(&path).await.body;
        let island = body.contains("<leptos-island");
        let loader = body.contains("<script type=\"module\"") || body.contains(".wasm");
        assert_eq!(
            island, loader,
            "{path}: islands and their loader go together"
        );
        if island {
            with_islands.push(path);
        }
    }
    assert_eq!(with_islands, ["/en/register", "/en/search?q=guide"]);
    // The signed-in contributor's account page has the new-password island.
    let account = app.get("/en/account").await.body;
    assert!(account.contains("<leptos-island") && account.contains("<script type=\"module\""));
}
