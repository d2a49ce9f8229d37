//! The test application and its cookie jar.

use std::collections::HashMap;
use std::net::SocketAddr;

use axum::Router;
use axum::body::Body;
use axum::extract::ConnectInfo;
use axum::http::{Request, StatusCode, header};
use server::state::AppState;
use settings::Settings;
use store::users::{self, Registration, Role};
use tower::ServiceExt;

pub struct TestApp {
    pub router: Router,
    pub indexer: std::sync::Arc<projections::search::Indexer>,
    pub rdf: std::sync::Arc<projections::rdf::RdfProjection>,
    /// The e-mail delivery of help requests (no mailer unless a test sets one).
    pub delivery: std::sync::Arc<mail::delivery::Delivery>,
    /// The anonymous pages kept rendered.
    pub pages: std::sync::Arc<server::page_cache::PageCache>,
    /// The courses served (a test reloads them as the content watcher does).
    pub courses: std::sync::Arc<courses::catalogue::Courses>,
    pub db: store::Db,
    pub cookies: HashMap<String, String>,
    pub dir: tempfile::TempDir,
}

pub struct Reply {
    pub status: StatusCode,
    pub headers: axum::http::HeaderMap,
    pub body: String,
    /// The body as sent, for files.
    pub bytes: Vec<u8>,
}

impl Reply {
    pub fn location(&self) -> &str {
        self.headers
            .get(header::LOCATION)
            .and_then(|v| v.to_str().ok())
            .unwrap_or("")
    }
}

impl TestApp {
    /// The application with the translated sample course of the content fixtures.
    pub async fn new() -> Self {
        Self::with_content("i18n").await
    }

    /// The application serving one of the content fixtures (`valid`, `i18n`).
    pub async fn with_content(fixture: &str) -> Self {
        Self::with_settings(fixture, |_| {}).await
    }

    /// The application with settings changed by `change` (limits, …).
    pub async fn with_settings(fixture: &str, change: impl FnOnce(&mut Settings)) -> Self {
        let dir = tempfile::tempdir().unwrap();
        let manifest = std::path::PathBuf::from(std::env::var_os("CARGO_MANIFEST_DIR").unwrap());
        let content_dir = manifest.join("../courses/tests/fixtures").join(fixture);
        let settings = Settings {
            data_dir: dir.path().join("data"),
            site_root: dir.path().join("site"),
            content_dir: content_dir.clone(),
            ..Settings::default()
        };
        let mut settings = settings;
        change(&mut settings);
        std::fs::create_dir_all(&settings.data_dir).unwrap();
        let db = store::Db::connect(&settings.database_url(), 4)
            .await
            .unwrap();
        db.migrate().await.unwrap();
        let state = AppState::new(db.clone(), settings).unwrap();
        let library = courses::load(&content_dir).unwrap_or_else(|r| panic!("{r}"));
        state.courses.replace(&library);
        let indexer = state.indexer.clone();
        let rdf = state.rdf.clone();
        let delivery = state.delivery.clone();
        let pages = state.pages.clone();
        let courses = state.courses.clone();
        let router = server::http::app(state);
        Self {
            router,
            indexer,
            rdf,
            delivery,
            pages,
            courses,
            db,
            cookies: HashMap::new(),
            dir,
        }
    }

    pub async fn send(&mut self, mut req: Request<Body>) -> Reply {
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
            bytes: bytes.to_vec(),
        }
    }

    /// Another browser (its own cookies) on the same server and database.
    pub fn browser(&self) -> TestApp {
        TestApp {
            router: self.router.clone(),
            indexer: self.indexer.clone(),
            rdf: self.rdf.clone(),
            delivery: self.delivery.clone(),
            pages: self.pages.clone(),
            courses: self.courses.clone(),
            db: self.db.clone(),
            cookies: HashMap::new(),
            dir: tempfile::tempdir().unwrap(),
        }
    }

    /// What the server does within seconds of a change written outside its
    /// HTTP requests (a job, a command, another node): the indexer catches up
    /// with the outbox, and the page cache drops what that changed.
    pub async fn settle(&self) {
        self.indexer.catch_up().await.unwrap();
    }

    pub async fn get(&mut self, uri: &str) -> Reply {
        self.send(Request::get(uri).body(Body::empty()).unwrap())
            .await
    }

    /// The token of the CSRF cookie; empty when no page made one (pages kept
    /// for every anonymous reader carry none).
    pub fn csrf(&self) -> String {
        self.cookies
            .get("archipel_csrf")
            .cloned()
            .unwrap_or_default()
    }

    /// Posts a form as a browser does from one of the site's pages: with the
    /// page's CSRF token, and saying the request is same-origin.
    pub async fn post(&mut self, uri: &str, fields: &[(&str, &str)]) -> Reply {
        let mut all: Vec<(&str, String)> =
            fields.iter().map(|(k, v)| (*k, v.to_string())).collect();
        all.push(("_csrf", self.csrf()));
        let body = serde_urlencoded::to_string(&all).unwrap();
        let req = Request::post(uri)
            .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded")
            .header("sec-fetch-site", "same-origin")
            .body(Body::from(body))
            .unwrap();
        self.send(req).await
    }

    /// Posts a multipart form with the CSRF token and one file input
    /// (`file`), as a form with `enctype="multipart/form-data"` would.
    pub async fn multipart(
        &mut self,
        uri: &str,
        fields: &[(String, String)],
        file: Option<(&str, &[u8])>,
    ) -> Reply {
        let mut body = Vec::new();
        let csrf = ("_csrf".to_string(), self.csrf());
        for (k, v) in fields.iter().chain(std::iter::once(&csrf)) {
            body.extend_from_slice(
                format!("--XyZ\r\nContent-Disposition: form-data; name=\"{k}\"\r\n\r\n{v}\r\n")
                    .as_bytes(),
            );
        }
        let (name, bytes) = file.unwrap_or(("", b""));
        body.extend_from_slice(
            format!(
                "--XyZ\r\nContent-Disposition: form-data; name=\"file\"; filename=\"{name}\"\r\n\
                 Content-Type: application/octet-stream\r\n\r\n"
            )
            .as_bytes(),
        );
        body.extend_from_slice(bytes);
        body.extend_from_slice(b"\r\n--XyZ--\r\n");
        let req = Request::post(uri)
            .header(header::CONTENT_TYPE, "multipart/form-data; boundary=XyZ")
            .header("sec-fetch-site", "same-origin")
            .body(Body::from(body))
            .unwrap();
        self.send(req).await
    }

    pub async fn user(&self, email: &str, role: Role) -> users::User {
        let reg = Registration {
            email: email.into(),
            display_name: email.split('@').next().unwrap().into(),
            password: "long enough pass".into(),
        };
        users::create(&self.db, &reg, role).await.unwrap()
    }

    /// Creates a partner organisation directly in the database.
    pub async fn organisation(
        &self,
        name: &str,
        country: &str,
        languages: &str,
        website: &str,
    ) -> store::organisations::Organisation {
        let form = store::organisations::OrganisationForm {
            name: name.into(),
            country: country.into(),
            languages: languages.into(),
            website: website.into(),
        };
        store::organisations::create(&self.db, &form).await.unwrap()
    }

    pub async fn login(&mut self, email: &str) {
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
