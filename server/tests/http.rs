//! The HTTP application end to end in-process: the real router from
//! `server::http::app`, a real SQLite database in a temp folder, requests sent
//! with `oneshot` and a small cookie jar standing in for the browser.

use std::collections::HashMap;
use std::net::SocketAddr;

use axum::Router;
use axum::body::Body;
use axum::extract::ConnectInfo;
use axum::http::{Request, StatusCode, header};
use server::config::Settings;
use server::state::AppState;
use store::users::{self, Registration, Role};
use tower::ServiceExt;

struct TestApp {
    router: Router,
    indexer: std::sync::Arc<server::indexer::Indexer>,
    db: store::Db,
    cookies: HashMap<String, String>,
    _dir: tempfile::TempDir,
}

struct Reply {
    status: StatusCode,
    headers: axum::http::HeaderMap,
    body: String,
}

impl Reply {
    fn location(&self) -> &str {
        self.headers
            .get(header::LOCATION)
            .and_then(|v| v.to_str().ok())
            .unwrap_or("")
    }
}

impl TestApp {
    async fn new() -> Self {
        let dir = tempfile::tempdir().unwrap();
        let settings = Settings {
            data_dir: dir.path().join("data"),
            site_root: dir.path().join("site"),
            ..Settings::default()
        };
        std::fs::create_dir_all(&settings.data_dir).unwrap();
        let db = store::Db::connect(&settings.database_url(), 4)
            .await
            .unwrap();
        db.migrate().await.unwrap();
        let state = AppState::new(db.clone(), settings).unwrap();
        let indexer = state.indexer.clone();
        let router = server::http::app(state);
        Self {
            router,
            indexer,
            db,
            cookies: HashMap::new(),
            _dir: dir,
        }
    }

    async fn send(&mut self, mut req: Request<Body>) -> Reply {
        let jar: Vec<String> = self
            .cookies
            .iter()
            .map(|(k, v)| format!("{k}={v}"))
            .collect();
        if !jar.is_empty() {
            req.headers_mut()
                .insert(header::COOKIE, jar.join("; ").parse().unwrap());
        }
        req.extensions_mut()
            .insert(ConnectInfo(SocketAddr::from(([127, 0, 0, 1], 4242))));
        let res = self.router.clone().oneshot(req).await.unwrap();
        for v in res.headers().get_all(header::SET_COOKIE) {
            let first = v.to_str().unwrap().split(';').next().unwrap();
            let (k, val) = first.split_once('=').unwrap();
            if val.is_empty() || v.to_str().unwrap().contains("Max-Age=0") {
                self.cookies.remove(k);
            } else {
                self.cookies.insert(k.to_string(), val.to_string());
            }
        }
        let status = res.status();
        let headers = res.headers().clone();
        let bytes = axum::body::to_bytes(res.into_body(), usize::MAX)
            .await
            .unwrap();
        Reply {
            status,
            headers,
            body: String::from_utf8_lossy(&bytes).into_owned(),
        }
    }

    async fn get(&mut self, uri: &str) -> Reply {
        self.send(Request::get(uri).body(Body::empty()).unwrap())
            .await
    }

    fn csrf(&self) -> String {
        self.cookies
            .get("archipel_csrf")
            .cloned()
            .expect("a page was visited first, setting the CSRF cookie")
    }

    /// Posts a form with the CSRF token, as the page's form would.
    async fn post(&mut self, uri: &str, fields: &[(&str, &str)]) -> Reply {
        let mut all: Vec<(&str, String)> =
            fields.iter().map(|(k, v)| (*k, v.to_string())).collect();
        all.push(("_csrf", self.csrf()));
        let body = serde_urlencoded::to_string(&all).unwrap();
        let req = Request::post(uri)
            .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded")
            .body(Body::from(body))
            .unwrap();
        self.send(req).await
    }

    async fn user(&self, email: &str, role: Role) -> users::User {
        let reg = Registration {
            email: email.into(),
            display_name: email.split('@').next().unwrap().into(),
            password: "long enough pass".into(),
        };
        users::create(&self.db, &reg, role).await.unwrap()
    }

    async fn login(&mut self, email: &str) {
        self.get("/en/login").await;
        let r = self
            .post(
                "/en/login",
                &[("email", email), ("password", "long enough pass")],
            )
            .await;
        assert_eq!(
            r.status,
            StatusCode::SEE_OTHER,
            "login of {email}: {}",
            r.body
        );
    }
}

#[tokio::test]
async fn health_answers_json() {
    let mut app = TestApp::new().await;
    let r = app.get("/healthz").await;
    assert_eq!(r.status, StatusCode::OK);
    let v: serde_json::Value = serde_json::from_str(&r.body).unwrap();
    assert_eq!(v["status"], "ok");
    assert_eq!(v["database"], "ok");
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
async fn authorisation_is_checked_on_the_server() {
    let mut app = TestApp::new().await;
    app.user("admin@example.org", Role::Admin).await;
    let learner = app.user("sam@example.org", Role::Learner).await;
    let org = store::organisations::create(
        &app.db,
        &store::organisations::OrganisationForm {
            name: "Rete".into(),
            country: "IT".into(),
            languages: "it".into(),
            website: String::new(),
        },
    )
    .await
    .unwrap();

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
    store::organisations::create(
        &app.db,
        &store::organisations::OrganisationForm {
            name: "Rete".into(),
            country: "IT".into(),
            languages: "it".into(),
            website: String::new(),
        },
    )
    .await
    .unwrap();
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
    assert!(
        r.body
            .contains("The file is not a PNG, JPEG or WebP image.")
    );
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
async fn the_api_answers_json_and_problem_documents() {
    let mut app = TestApp::new().await;
    store::organisations::create(
        &app.db,
        &store::organisations::OrganisationForm {
            name: "Rete".into(),
            country: "IT".into(),
            languages: "it, en".into(),
            website: "https://rete.example.org".into(),
        },
    )
    .await
    .unwrap();
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
async fn oversized_bodies_are_refused() {
    let mut app = TestApp::new().await;
    app.get("/en/login").await;
    let big = "x".repeat(3 * 1024 * 1024);
    let r = app.post("/en/login", &[("email", &big)]).await;
    assert_eq!(r.status, StatusCode::PAYLOAD_TOO_LARGE);
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
    store::organisations::create(
        &app.db,
        &store::organisations::OrganisationForm {
            name: "Rete Civica".into(),
            country: "IT".into(),
            languages: "it".into(),
            website: String::new(),
        },
    )
    .await
    .unwrap();
    assert_eq!(app.indexer.rebuild().await.unwrap(), 1);
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

#[tokio::test]
async fn front_end_files_are_served_precompressed_with_long_caching() {
    let mut app = TestApp::new().await;
    let pkg = app._dir.path().join("site/pkg");
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
