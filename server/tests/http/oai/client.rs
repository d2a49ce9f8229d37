//! The OAI-PMH tests' world (partners, topics, resources) and requests to
//! the provider, each answer checked and validated.

use std::collections::BTreeMap;

use axum::body::Body;
use axum::http::{Request, StatusCode, header};
use store::concepts::{self, Concept};
use store::library::review;
use store::library::{self, ResourceForm};
use store::organisations::OrgRole;
use store::users::Role;

use super::xsd::validate;
use crate::support::TestApp;

pub const HOST: &str = "archipel.example.org";

pub async fn app(page_size: usize) -> TestApp {
    TestApp::with_settings("i18n", |s| {
        s.public_url = format!("https://{HOST}");
        s.oai.page_size = page_size;
    })
    .await
}

/// Partners `tisserands` and `rete-civica`, topics `digital` > `free-software`
/// and `cooking`, a contributor in each partner and a moderator.
pub struct World {
    pub orgs: [i64; 2],
    pub users: [i64; 2],
    pub moderator: i64,
}

pub async fn world(app: &TestApp) -> World {
    let concept = |id: &str, broader: Option<&str>, en: &str, fr: &str| Concept {
        id: id.into(),
        broader: broader.map(str::to_string),
        labels: BTreeMap::from([
            ("en".to_string(), en.to_string()),
            ("fr".to_string(), fr.to_string()),
        ]),
        alt: BTreeMap::new(),
        shipped: true,
    };
    concepts::sync_scheme(
        &app.db,
        &[
            concept("digital", None, "Digital", "Numérique"),
            concept(
                "free-software",
                Some("digital"),
                "Free software",
                "Logiciel libre",
            ),
            concept("cooking", None, "Cooking", "Cuisine"),
        ],
    )
    .await
    .unwrap();
    let a = app
        .organisation("Les Tisserands", "fr", "fr", "https://t.example.org")
        .await;
    let b = app
        .organisation("Rete Civica", "it", "it", "https://r.example.org")
        .await;
    let mut users = [0; 2];
    for (i, (email, org)) in [("a@example.org", a.id), ("b@example.org", b.id)]
        .into_iter()
        .enumerate()
    {
        users[i] = app.user(email, Role::Learner).await.id;
        store::organisations::add_member(&app.db, org, email, OrgRole::Member)
            .await
            .unwrap();
    }
    let moderator = app.user("m@example.org", Role::Moderator).await.id;
    World {
        orgs: [a.id, b.id],
        users,
        moderator,
    }
}

/// A resource of partner `p` (0 or 1), published unless `draft`.
pub async fn resource(
    app: &TestApp,
    w: &World,
    p: usize,
    title: &str,
    topic: &str,
    draft: bool,
) -> library::Resource {
    let form = ResourceForm {
        kind: "guide".into(),
        original_language: ["fr", "it"][p].into(),
        title: title.into(),
        description: format!("About {title} & <more>."),
        licence: "https://creativecommons.org/licenses/by-sa/4.0/".into(),
        country: ["FR", "IT"][p].into(),
        authors: "Ada Lovelace".into(),
        date_created: "2024-03".into(),
        url: "https://example.org/guide".into(),
        topics: vec![topic.into()],
        ..Default::default()
    };
    let r = library::create(&app.db, w.users[p], w.orgs[p], &form)
        .await
        .unwrap();
    if !draft {
        review::submit(&app.db, w.users[p], r.id).await.unwrap();
        review::publish(&app.db, w.moderator, r.id).await.unwrap();
    }
    r
}

pub async fn oai(app: &mut TestApp, query: &str) -> String {
    let r = app.get(&format!("/oai?{query}")).await;
    check_reply(r.status, &r.headers, &r.body)
}

pub async fn oai_post(app: &mut TestApp, form: &str) -> String {
    let req = Request::post("/oai")
        .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded")
        .body(Body::from(form.to_string()))
        .unwrap();
    let r = app.send(req).await;
    check_reply(r.status, &r.headers, &r.body)
}

pub fn check_reply(status: StatusCode, headers: &axum::http::HeaderMap, body: &str) -> String {
    assert_eq!(status, StatusCode::OK, "{body}");
    assert_eq!(
        headers.get(header::CONTENT_TYPE).unwrap(),
        "text/xml; charset=utf-8"
    );
    assert!(body.contains("<responseDate>"), "{body}");
    validate(body);
    body.to_string()
}

/// The error code of an answer, if it is an error.
pub fn error_code(body: &str) -> Option<String> {
    let at = body.find("<error code=\"")? + "<error code=\"".len();
    Some(body[at..].split('"').next().unwrap().to_string())
}

pub fn expect_error(body: &str, code: &str) {
    assert_eq!(error_code(body).as_deref(), Some(code), "{body}");
}

/// Every text of `<tag>…</tag>` in order.
pub fn texts(body: &str, tag: &str) -> Vec<String> {
    let open = format!("<{tag}>");
    let close = format!("</{tag}>");
    body.split(&open)
        .skip(1)
        .map(|s| s.split(&close).next().unwrap().to_string())
        .collect()
}

/// The resumption token's text and attributes, if any.
pub fn resumption(body: &str) -> Option<(String, String)> {
    let at = body.find("<resumptionToken")?;
    let rest = &body[at..];
    let end = rest.find('>').unwrap();
    let tag = rest[..end].to_string();
    let text = if tag.ends_with('/') {
        String::new()
    } else {
        rest[end + 1..]
            .split("</resumptionToken>")
            .next()
            .unwrap()
            .to_string()
    };
    Some((text, tag))
}

pub fn attr(tag: &str, name: &str) -> Option<String> {
    let key = format!(" {name}=\"");
    let at = tag.find(&key)? + key.len();
    Some(tag[at..].split('"').next().unwrap().to_string())
}

pub fn enc(s: &str) -> String {
    serde_urlencoded::to_string([("x", s)]).unwrap()[2..].to_string()
}

/// Follows a list to its end, returning every identifier and the
/// completeListSize of each page.
pub async fn harvest(app: &mut TestApp, first: &str) -> (Vec<String>, Vec<String>) {
    let mut ids = Vec::new();
    let mut sizes = Vec::new();
    let mut body = oai(app, first).await;
    let verb = if first.contains("ListRecords") {
        "ListRecords"
    } else {
        "ListIdentifiers"
    };
    loop {
        assert_eq!(error_code(&body), None, "{body}");
        let page = texts(&body, "identifier");
        let Some((text, tag)) = resumption(&body) else {
            ids.extend(page);
            break;
        };
        assert_eq!(
            attr(&tag, "cursor").unwrap(),
            ids.len().to_string(),
            "{tag}"
        );
        sizes.push(attr(&tag, "completeListSize").unwrap());
        ids.extend(page);
        if text.is_empty() {
            break;
        }
        assert!(attr(&tag, "expirationDate").is_some());
        body = oai(app, &format!("verb={verb}&resumptionToken={}", enc(&text))).await;
    }
    (ids, sizes)
}

/// The same data folder served by a new application.
pub async fn restart(app: TestApp) -> TestApp {
    let TestApp {
        router,
        indexer,
        rdf,
        db,
        dir,
        ..
    } = app;
    drop(router);
    drop(indexer);
    drop(rdf);
    db.close().await;
    let manifest = std::path::PathBuf::from(std::env::var_os("CARGO_MANIFEST_DIR").unwrap());
    let content_dir = manifest.join("../courses/tests/fixtures/i18n");
    let settings = settings::Settings {
        data_dir: dir.path().join("data"),
        site_root: dir.path().join("site"),
        content_dir: content_dir.clone(),
        public_url: format!("https://{HOST}"),
        oai: oai_provider::Settings {
            page_size: 2,
            ..Default::default()
        },
        ..Default::default()
    };
    let db = store::Db::connect(&settings.database_url(), 4)
        .await
        .unwrap();
    db.migrate().await.unwrap();
    let state = server::state::AppState::new(db.clone(), settings).unwrap();
    let library = courses::load(&content_dir).unwrap_or_else(|r| panic!("{r}"));
    state.courses.replace(&library);
    TestApp {
        indexer: state.indexer.clone(),
        rdf: state.rdf.clone(),
        delivery: state.delivery.clone(),
        pages: state.pages.clone(),
        courses: state.courses.clone(),
        router: server::http::app(state),
        db,
        cookies: Default::default(),
        dir,
    }
}

/// Sets the datestamp of resource `uid` (its outbox rows) to `at`.
pub async fn stamp(app: &TestApp, uid: &str, at: &str) {
    sqlx::query("UPDATE outbox SET created_at = $1 WHERE entity = 'resource' AND entity_id = $2")
        .bind(at.to_string())
        .bind(uid.to_string())
        .execute(app.db.pool())
        .await
        .unwrap();
}
