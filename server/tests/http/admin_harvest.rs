//! The administrators' harvest pages: who may see them, registering a
//! source, "Harvest now" against a tiny HTTP server on loopback (a success
//! and a failure with its reason), the schedule, reports with rejected
//! records, and removal after a confirmation.

use std::collections::HashMap;
use std::io::{Read, Write};
use std::net::TcpListener;

use axum::http::StatusCode;
use store::harvest::{self, NewRun, RunStatus};
use store::users::Role;

use crate::support::TestApp;

const TURTLE: &str = "@prefix s: <http://schema.org/> .\n\
    <http://partner.example/r/1> a s:LearningResource ; s:name \"Guide du libre\"@fr .\n";

/// Serves `routes` (path → Turtle body) on a loopback port, one request per
/// connection; any other path answers 404.
fn serve(routes: HashMap<&'static str, &'static str>) -> String {
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    let addr = listener.local_addr().unwrap();
    std::thread::spawn(move || {
        for stream in listener.incoming() {
            let Ok(mut stream) = stream else { continue };
            let mut head = Vec::new();
            let mut byte = [0u8; 1];
            while !head.ends_with(b"\r\n\r\n") && stream.read(&mut byte).unwrap_or(0) == 1 {
                head.push(byte[0]);
            }
            let head = String::from_utf8_lossy(&head).to_string();
            let path = head.split_whitespace().nth(1).unwrap_or("/");
            let (status, body) = match routes.get(path) {
                Some(body) => ("200 OK", *body),
                None => ("404 Not Found", "not found"),
            };
            let out = format!(
                "HTTP/1.1 {status}\r\nContent-Type: text/turtle; charset=utf-8\r\n\
                 Content-Length: {}\r\nConnection: close\r\n\r\n{body}",
                body.len()
            );
            let _ = stream.write_all(out.as_bytes());
        }
    });
    format!("http://{addr}")
}

/// The application allowed to harvest from loopback, with an administrator
/// signed in and one partner organisation.
async fn admin_app() -> TestApp {
    let mut app = TestApp::with_settings("i18n", |s| s.harvest.allow_private = true).await;
    app.user("admin@example.org", Role::Admin).await;
    app.organisation("Rete Civica", "IT", "it", "").await;
    app.login("admin@example.org").await;
    app
}

/// Registers a source through the form and returns its id.
async fn register(app: &mut TestApp, label: &str, url: &str) -> i64 {
    app.get("/en/admin/harvest").await;
    let r = app
        .post(
            "/en/admin/harvest",
            &[
                ("kind", "rdf-dump"),
                ("url", url),
                ("label", label),
                ("organisation", ""),
                ("interval_hours", "0"),
            ],
        )
        .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
    harvest::list(&app.db)
        .await
        .unwrap()
        .into_iter()
        .find(|(s, _)| s.label == label)
        .expect("the source is registered")
        .0
        .id
}

#[tokio::test]
async fn only_administrators_reach_the_harvest_pages() {
    let mut app = TestApp::new().await;
    app.user("admin@example.org", Role::Admin).await;
    app.user("member@example.org", Role::Contributor).await;
    let org = app.organisation("Rete Civica", "IT", "it", "").await;
    // Even an organisation's own administrator manages no harvest sources.
    store::organisations::add_member(
        &app.db,
        org.id,
        "member@example.org",
        store::organisations::OrgRole::Admin,
    )
    .await
    .unwrap();
    let source = harvest::add(
        &app.db,
        &harvest::SourceForm {
            kind: "rdf-dump".into(),
            url: "https://partner.example/data.ttl".into(),
            label: "Partner dump".into(),
            organisation_id: Some(org.id),
            interval_hours: 24,
        },
    )
    .await
    .unwrap();
    let pages = [
        "/en/admin/harvest".to_string(),
        format!("/en/admin/harvest/{}", source.id),
        format!("/en/admin/harvest/{}/remove", source.id),
    ];

    for page in &pages {
        let r = app.get(page).await;
        assert_eq!(r.status, StatusCode::SEE_OTHER, "anonymous: {page}");
        assert!(
            r.location().starts_with("/en/login?next="),
            "{page}: {}",
            r.location()
        );
    }
    app.get("/en/").await;
    let r = app
        .post(&format!("/en/admin/harvest/{}/remove", source.id), &[])
        .await;
    assert!(r.location().starts_with("/en/login"), "anonymous removal");

    app.login("member@example.org").await;
    for page in &pages {
        let r = app.get(page).await;
        assert_eq!(r.status, StatusCode::FORBIDDEN, "member: {page}");
        assert!(r.body.contains("Not allowed"));
    }
    let home = app.get("/en/").await;
    assert!(
        !home.body.contains("/en/admin/harvest"),
        "no link for members"
    );
    let r = app
        .post(
            "/en/admin/harvest",
            &[
                ("kind", "rdf-dump"),
                ("url", "https://evil.example/x.ttl"),
                ("label", "Mine"),
                ("interval_hours", "1"),
            ],
        )
        .await;
    assert_eq!(r.status, StatusCode::FORBIDDEN);
    for action in ["run", "remove"] {
        let r = app
            .post(&format!("/en/admin/harvest/{}/{action}", source.id), &[])
            .await;
        assert_eq!(r.status, StatusCode::FORBIDDEN, "{action}");
    }
    let r = app
        .post(
            &format!("/en/admin/harvest/{}", source.id),
            &[("interval_hours", "1")],
        )
        .await;
    assert_eq!(r.status, StatusCode::FORBIDDEN, "schedule");
    let list = harvest::list(&app.db).await.unwrap();
    assert_eq!(list.len(), 1, "nothing registered or removed");
    assert!(list[0].1.is_none(), "nothing harvested");
    assert_eq!(list[0].0.interval_hours, 24);

    app.post("/en/logout", &[]).await;
    app.login("admin@example.org").await;
    let r = app.get("/en/admin/harvest").await;
    assert_eq!(r.status, StatusCode::OK);
    assert!(r.body.contains("Harvest sources"));
    assert!(r.body.contains("Partner dump"));
    assert!(r.body.contains("https://partner.example/data.ttl"));
    assert!(r.body.contains("Rete Civica"), "the partner credited");
    assert!(r.body.contains("Every 24 h"));
    assert!(r.body.contains("Never harvested yet."));
    assert!(
        r.body
            .contains(r#"href="/en/admin/harvest" aria-current="page""#),
        "the admin navigation links to the page"
    );
    let r = app.get(&format!("/en/admin/harvest/{}", source.id)).await;
    assert_eq!(r.status, StatusCode::OK);
    let r = app.get("/en/admin/harvest/999").await;
    assert_eq!(r.status, StatusCode::NOT_FOUND);
}

#[tokio::test]
async fn registering_a_source_checks_it_and_lists_it() {
    let mut app = admin_app().await;
    app.get("/en/admin/harvest").await;
    let r = app
        .post(
            "/en/admin/harvest",
            &[
                ("kind", "rdf-dump"),
                ("url", "ftp://x"),
                ("label", " "),
                ("organisation", ""),
                ("interval_hours", "soon"),
            ],
        )
        .await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(
        r.body
            .contains("Use a full web address starting with https://")
    );
    assert!(r.body.contains("This field is required."), "the label");
    assert!(r.body.contains("This value is outside the allowed range."));
    assert!(
        r.body.contains(r#"value="ftp://x""#),
        "what was typed stays"
    );
    assert!(harvest::list(&app.db).await.unwrap().is_empty());

    // In the reader's language.
    app.get("/fr/admin/harvest").await;
    let r = app
        .post(
            "/fr/admin/harvest",
            &[
                ("kind", "rdf-dump"),
                ("url", "ftp://x"),
                ("label", "Source"),
                ("interval_hours", "0"),
            ],
        )
        .await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(
        r.body
            .contains("Indiquez une adresse web complète commençant par https://")
    );

    let r = app
        .post(
            "/en/admin/harvest",
            &[
                ("kind", "nonsense"),
                ("url", "https://partner.example/x.ttl"),
                ("label", "Odd"),
                ("organisation", ""),
                ("interval_hours", "0"),
            ],
        )
        .await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(r.body.contains("This kind does not exist."));
    let r = app
        .post(
            "/en/admin/harvest",
            &[
                ("kind", "rdf-dump"),
                ("url", "https://partner.example/x.ttl"),
                ("label", "Odd"),
                ("organisation", "4242"),
                ("interval_hours", "0"),
            ],
        )
        .await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(
        r.body
            .contains("Partner credited: This organisation does not exist.")
    );
    assert!(harvest::list(&app.db).await.unwrap().is_empty());

    let org = store::organisations::list(&app.db).await.unwrap()[0].id;
    let r = app
        .post(
            "/en/admin/harvest",
            &[
                ("kind", "archipel"),
                ("url", "https://other.example"),
                ("label", "Other instance"),
                ("organisation", &org.to_string()),
                ("interval_hours", "12"),
            ],
        )
        .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
    assert_eq!(r.location(), "/en/admin/harvest");
    let r = app.get("/en/admin/harvest").await;
    assert!(r.body.contains("The source is registered."));
    assert!(r.body.contains("Other instance"));
    assert!(r.body.contains("https://other.example"));
    assert!(r.body.contains("Archipel instance"));
    assert!(r.body.contains("Every 12 h"));
    assert!(r.body.contains("Rete Civica"));
    assert!(r.body.contains("Enabled"));
    let list = harvest::list(&app.db).await.unwrap();
    assert_eq!(list.len(), 1);
    assert_eq!(list[0].0.organisation_id, Some(org));
}

#[tokio::test(flavor = "multi_thread")]
async fn harvest_now_shows_the_outcome_and_a_failure_its_reason() {
    let base = serve(HashMap::from([("/ok.ttl", TURTLE)]));
    let mut app = admin_app().await;
    let ok = register(&mut app, "Good dump", &format!("{base}/ok.ttl")).await;
    let gone = register(&mut app, "Gone dump", &format!("{base}/gone.ttl")).await;

    let r = app
        .post(&format!("/en/admin/harvest/{ok}/run"), &[("back", "list")])
        .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER);
    assert_eq!(r.location(), "/en/admin/harvest");
    let run = harvest::last_run(&app.db, ok).await.unwrap().unwrap();
    assert_eq!(run.status, RunStatus::Ok, "{}", run.report);
    assert!(run.kept > 0);
    let r = app.get("/en/admin/harvest").await;
    assert!(r.body.contains("The harvest succeeded."), "the flash");
    assert!(r.body.contains("Succeeded"), "the status badge");
    assert!(
        r.body
            .contains(&format!("Kept: {} · rejected: {}", run.kept, run.rejected)),
        "the counts"
    );
    let r = app.get(&format!("/en/admin/harvest/{ok}")).await;
    assert!(r.body.contains("Harvest history"));
    assert!(r.body.contains("Triples"));
    assert!(
        r.body.contains(&format!("{base}/ok.ttl")),
        "the address read"
    );
    assert!(r.body.contains("Turtle"), "the format");

    let r = app
        .post(
            &format!("/en/admin/harvest/{gone}/run"),
            &[("back", "detail")],
        )
        .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER);
    assert_eq!(r.location(), format!("/en/admin/harvest/{gone}"));
    let r = app.get(r.location()).await;
    assert!(r.body.contains("The harvest failed"), "the flash");
    assert!(r.body.contains("Failed"));
    assert!(r.body.contains("http-status"), "the error code");
    assert!(
        r.body.contains("the source answered HTTP 404"),
        "the message"
    );
    let r = app.get("/en/admin/harvest").await;
    assert!(
        r.body.contains("http-status"),
        "the failure in the list too"
    );
    assert!(r.body.contains("the source answered HTTP 404"));

    // Newest first.
    app.post(&format!("/en/admin/harvest/{ok}/run"), &[]).await;
    let r = app.get(&format!("/en/admin/harvest/{ok}")).await;
    let runs = harvest::runs(&app.db, ok, 10).await.unwrap();
    assert_eq!(runs.len(), 2);
    assert!(runs[0].id > runs[1].id);
    let newest = r.body.find(&runs[0].started_at).unwrap();
    let oldest = r.body.find(&runs[1].started_at).unwrap();
    assert!(newest < oldest, "the newest run comes first");
}

#[tokio::test]
async fn a_report_lists_the_rejected_records() {
    let mut app = admin_app().await;
    let id = register(&mut app, "Partial", "https://partner.example/p.ttl").await;
    let report = serde_json::json!({
        "fetched": "https://partner.example/p.ttl",
        "format": "Turtle",
        "triples": 40,
        "rejected": [
            {"subject": "https://partner.example/r/7", "code": "no-title", "message": "No title in any language."},
            {"subject": "urn:x:8", "code": "bad-identifier", "message": "Unusable identifier"}
        ],
        "pages": 3
    });
    harvest::record_run(
        &app.db,
        id,
        &NewRun {
            started_at: "2026-12-01T09:00:00Z".into(),
            status: RunStatus::Ok,
            kept: 5,
            rejected: 2,
            report: report.to_string(),
            etag: None,
            last_modified: None,
        },
    )
    .await
    .unwrap();
    let r = app.get(&format!("/en/admin/harvest/{id}")).await;
    assert_eq!(r.status, StatusCode::OK);
    assert!(r.body.contains("Kept: 5 · rejected: 2"));
    assert!(r.body.contains("Rejected records: 2"));
    assert!(r.body.contains("https://partner.example/r/7"));
    assert!(r.body.contains("no-title"));
    assert!(r.body.contains("No title in any language."));
    assert!(r.body.contains("bad-identifier"));
    assert!(r.body.contains("<code>pages</code>"), "other report fields");
    assert!(r.body.contains("2026-12-01 09:00 UTC"));
}

#[tokio::test]
async fn the_schedule_can_be_changed_and_the_source_disabled() {
    let mut app = admin_app().await;
    let id = register(&mut app, "Nightly", "https://partner.example/n.ttl").await;
    let page = format!("/en/admin/harvest/{id}");
    app.get(&page).await;
    let r = app.post(&page, &[("interval_hours", "-3")]).await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(r.body.contains("This value is outside the allowed range."));
    let r = app.post(&page, &[("interval_hours", "6")]).await;
    assert_eq!(r.status, StatusCode::SEE_OTHER);
    assert_eq!(r.location(), page);
    let r = app.get(&page).await;
    assert!(r.body.contains("The schedule is saved."));
    assert!(r.body.contains("Every 6 h"));
    assert!(r.body.contains("Disabled"));
    let s = harvest::get(&app.db, id).await.unwrap();
    assert!(!s.enabled);
    assert_eq!(s.interval_hours, 6);
    app.post(&page, &[("enabled", "on"), ("interval_hours", "0")])
        .await;
    let s = harvest::get(&app.db, id).await.unwrap();
    assert!(s.enabled);
    assert_eq!(s.interval_hours, 0);
    let r = app.get("/en/admin/harvest").await;
    assert!(r.body.contains("On demand"));
}

#[tokio::test]
async fn removal_asks_first_then_the_source_is_gone() {
    let mut app = admin_app().await;
    let id = register(&mut app, "Old partner feed", "https://old.example/a.ttl").await;
    let confirm = format!("/en/admin/harvest/{id}/remove");
    let r = app.get(&confirm).await;
    assert_eq!(r.status, StatusCode::OK);
    assert!(r.body.contains("Remove the source “Old partner feed”?"));
    assert!(r.body.contains("Yes, remove the source"));
    assert!(r.body.contains(&format!(r#"action="{confirm}""#)));
    assert!(
        harvest::get(&app.db, id).await.is_ok(),
        "asking removes nothing"
    );

    let r = app.post(&confirm, &[]).await;
    assert_eq!(r.status, StatusCode::SEE_OTHER);
    assert_eq!(r.location(), "/en/admin/harvest");
    let r = app.get("/en/admin/harvest").await;
    assert!(r.body.contains("The source is removed."));
    assert!(!r.body.contains("Old partner feed"));
    assert!(r.body.contains("No source is registered yet."));
    assert!(matches!(
        harvest::get(&app.db, id).await,
        Err(store::StoreError::NotFound)
    ));
    let r = app.get(&format!("/en/admin/harvest/{id}")).await;
    assert_eq!(r.status, StatusCode::NOT_FOUND);
    let r = app.post(&confirm, &[]).await;
    assert_eq!(r.status, StatusCode::NOT_FOUND, "removing twice");
}
