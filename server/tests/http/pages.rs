//! Pages, languages, headers, static files and the JSON API.

use axum::body::Body;
use axum::http::{Request, StatusCode, header};

use crate::support::TestApp;

#[tokio::test]
async fn health_says_alive_and_readiness_checks_the_database() {
    let mut app = TestApp::new().await;
    let r = app.get("/healthz").await;
    assert_eq!(r.status, StatusCode::OK);
    let v: serde_json::Value = serde_json::from_str(&r.body).unwrap();
    assert_eq!(v["status"], "ok");
    let r = app.get("/readyz").await;
    assert_eq!(r.status, StatusCode::OK);
    let v: serde_json::Value = serde_json::from_str(&r.body).unwrap();
    assert_eq!(v["database"], "ok");
    app.db.close().await;
    let r = app.get("/readyz").await;
    assert_eq!(r.status, StatusCode::SERVICE_UNAVAILABLE, "{}", r.body);
    let r = app.get("/healthz").await;
    assert_eq!(r.status, StatusCode::OK);
}

#[tokio::test]
async fn root_redirects_by_choice_then_browser_then_default() {
    let mut app = TestApp::new().await;
    let r = app
        .send(
            Request::get("/")
                .header(header::ACCEPT_LANGUAGE, "it-IT,it;q=0.9,en;q=0.5")
                .body(Body::empty())
                .unwrap(),
        )
        .await;
    assert_eq!(r.location(), "/it/");
    let r = app
        .send(
            Request::get("/")
                .header(header::ACCEPT_LANGUAGE, "ja")
                .body(Body::empty())
                .unwrap(),
        )
        .await;
    assert_eq!(r.location(), "/fr/");
    let r = app.get("/lang/de?next=/de/courses").await;
    assert_eq!(r.location(), "/de/courses");
    let r = app
        .send(
            Request::get("/")
                .header(header::ACCEPT_LANGUAGE, "it")
                .body(Body::empty())
                .unwrap(),
        )
        .await;
    assert_eq!(
        r.location(),
        "/de/",
        "an explicit choice wins over the browser"
    );
    let r = app.get("/lang/de?next=https://evil.example/").await;
    assert_eq!(r.location(), "/de/", "no open redirect");
}

#[tokio::test]
async fn pages_are_localised_with_alternates_and_security_headers() {
    let mut app = TestApp::new().await;
    let r = app.get("/de/courses").await;
    assert_eq!(r.status, StatusCode::OK);
    assert!(r.body.contains("<html lang=\"de\""), "{}", &r.body[..200]);
    assert!(
        r.body
            .contains("hreflang=\"it\" href=\"http://127.0.0.1:3000/it/courses\"")
    );
    assert!(r.body.contains("hreflang=\"x-default\""));
    // No island on the page: no script, and no nonce in the policy.
    let csp = r.headers[header::CONTENT_SECURITY_POLICY].to_str().unwrap();
    assert!(
        !r.body.contains("<script"),
        "no script on a page without islands"
    );
    assert!(!csp.contains("'nonce-"), "{csp}");
    // A page with an island loads it with the policy's nonce.
    let r = app.get("/de/register").await;
    let csp = r.headers[header::CONTENT_SECURITY_POLICY].to_str().unwrap();
    let nonce = csp
        .split("'nonce-")
        .nth(1)
        .unwrap()
        .split('\'')
        .next()
        .unwrap();
    assert!(
        r.body.contains(&format!("nonce=\"{nonce}\"")),
        "the island loader carries the CSP nonce"
    );
    assert!(csp.contains("frame-ancestors 'none'") && csp.contains("'wasm-unsafe-eval'"));
    assert_eq!(r.headers[header::X_CONTENT_TYPE_OPTIONS], "nosniff");
    assert!(r.headers.contains_key(header::REFERRER_POLICY));
    for lang in ["fr", "en", "de", "it", "hr"] {
        let r = app.get(&format!("/{lang}/")).await;
        assert_eq!(r.status, StatusCode::OK);
        assert!(r.body.contains(&format!("<html lang=\"{lang}\"")));
    }
}

#[tokio::test]
async fn unknown_pages_get_a_localised_404() {
    let mut app = TestApp::new().await;
    let r = app.get("/it/nessuna-pagina").await;
    assert_eq!(r.status, StatusCode::NOT_FOUND);
    assert!(r.body.contains("<html lang=\"it\""));
    let r = app.get("/xx/").await;
    assert_eq!(r.status, StatusCode::NOT_FOUND);
    let r = app.get("/en/partners/nobody").await;
    assert_eq!(r.status, StatusCode::NOT_FOUND);
    assert!(r.body.contains("Page not found"));
}

#[tokio::test]
async fn errors_inside_handlers_are_pages_for_the_signed_in_reader() {
    let mut app = TestApp::new().await;
    app.user("ada@example.org", store::users::Role::Learner)
        .await;
    app.login("ada@example.org").await;
    // A handler that finds nothing: the page layer renders it, with the
    // account in the header, in the path's language.
    let r = app.get("/de/library/resources/no-such-resource").await;
    assert_eq!(r.status, StatusCode::NOT_FOUND);
    assert!(r.body.contains("<html lang=\"de\""));
    assert!(
        r.body.contains("action=\"/de/logout\""),
        "the header is the signed-in reader's"
    );
    // Signed in but not allowed: the localised "not allowed" page.
    let r = app.get("/en/admin/users").await;
    assert_eq!(r.status, StatusCode::FORBIDDEN);
    assert!(r.body.contains("Not allowed"));
    assert!(r.body.contains("action=\"/en/logout\""));
    // The JSON API keeps its problem documents.
    let r = app.get("/api/v1/partners/nobody").await;
    assert_eq!(r.headers[header::CONTENT_TYPE], "application/problem+json");
}

#[tokio::test]
async fn the_api_answers_json_and_problem_documents() {
    let mut app = TestApp::new().await;
    app.organisation("Rete", "IT", "it, en", "https://rete.example.org")
        .await;
    let r = app.get("/api/v1/partners").await;
    assert_eq!(r.status, StatusCode::OK);
    let v: serde_json::Value = serde_json::from_str(&r.body).unwrap();
    assert_eq!(v[0]["slug"], "rete");
    assert_eq!(v[0]["languages"], serde_json::json!(["it", "en"]));
    let r = app.get("/api/v1/partners/none").await;
    assert_eq!(r.status, StatusCode::NOT_FOUND);
    assert_eq!(r.headers[header::CONTENT_TYPE], "application/problem+json");
    let v: serde_json::Value = serde_json::from_str(&r.body).unwrap();
    assert_eq!(v["code"], "not_found");
    let r = app.get("/api/v1/openapi.json").await;
    let v: serde_json::Value = serde_json::from_str(&r.body).unwrap();
    assert!(v["openapi"].as_str().unwrap().starts_with("3."));
    assert!(v["paths"]["/api/v1/partners/{slug}"].is_object());
    let r = app.get("/api/v1/nothing-here").await;
    assert_eq!(r.status, StatusCode::NOT_FOUND);
    assert_eq!(r.headers[header::CONTENT_TYPE], "application/problem+json");
}

#[tokio::test]
async fn front_end_files_are_served_precompressed_with_long_caching() {
    let mut app = TestApp::new().await;
    let pkg = app.dir.path().join("site/pkg");
    std::fs::create_dir_all(&pkg).unwrap();
    std::fs::write(pkg.join("archipel.abc.css"), "body { color: black }").unwrap();
    std::fs::write(pkg.join("archipel.abc.css.gz"), b"\x1f\x8b pretend gzip").unwrap();
    let r = app
        .send(
            Request::get("/pkg/archipel.abc.css")
                .header(header::ACCEPT_ENCODING, "gzip")
                .body(Body::empty())
                .unwrap(),
        )
        .await;
    assert_eq!(r.status, StatusCode::OK);
    assert_eq!(r.headers[header::CONTENT_ENCODING], "gzip");
    assert_eq!(r.headers[header::CONTENT_TYPE], "text/css");
    let r = app.get("/pkg/archipel.abc.css").await;
    assert_eq!(r.body, "body { color: black }");
    assert!(
        r.headers[header::CACHE_CONTROL]
            .to_str()
            .unwrap()
            .starts_with("no-cache"),
        "unhashed builds revalidate"
    );
    let r = app.get("/pkg/missing.js").await;
    assert_eq!(r.status, StatusCode::NOT_FOUND);
}
