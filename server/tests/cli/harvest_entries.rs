//! Harvested resources become library entries a reader finds: searched with
//! the "source" facet, shown on their own page with a link to the original,
//! updated and removed by the next harvest, gone with their source. Over a
//! tiny HTTP server on loopback and a real demo instance's dump.

use std::collections::HashMap;
use std::io::{Read, Write};
use std::net::TcpListener;
use std::sync::{Arc, Mutex};

use axum::body::Body;
use axum::http::{Request, StatusCode};
use harvest::Harvester;
use server::state::AppState;
use store::harvest::{RunStatus, SourceForm};
use tower::ServiceExt;

use super::settings;

type Routes = Arc<Mutex<HashMap<String, Vec<u8>>>>;

/// Serves `text/turtle` bodies by path until the test ends.
fn serve(routes: Routes) -> String {
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    let addr = listener.local_addr().unwrap();
    std::thread::spawn(move || {
        for stream in listener.incoming() {
            let Ok(mut stream) = stream else { continue };
            let mut buf = [0u8; 8192];
            let n = stream.read(&mut buf).unwrap_or(0);
            let head = String::from_utf8_lossy(&buf[..n]).to_string();
            let path = head.split_whitespace().nth(1).unwrap_or("/").to_string();
            let body = routes.lock().unwrap().get(&path).cloned();
            let (status, ctype, body) = match body {
                Some(b) if path.ends_with(".nq.gz") => ("200 OK", "application/gzip", b),
                Some(b) => ("200 OK", "text/turtle", b),
                None => ("404 Not Found", "text/plain", b"not found".to_vec()),
            };
            let _ = write!(
                stream,
                "HTTP/1.1 {status}\r\nContent-Type: {ctype}\r\nContent-Length: {}\r\nConnection: close\r\n\r\n",
                body.len()
            );
            let _ = stream.write_all(&body);
        }
    });
    format!("http://{addr}")
}

async fn get(router: &axum::Router, uri: &str) -> (StatusCode, String) {
    let mut req = Request::get(uri).body(Body::empty()).unwrap();
    req.extensions_mut()
        .insert(axum::extract::ConnectInfo(std::net::SocketAddr::from((
            [127, 0, 0, 1],
            4242,
        ))));
    let res = router.clone().oneshot(req).await.unwrap();
    let status = res.status();
    let bytes = axum::body::to_bytes(res.into_body(), usize::MAX)
        .await
        .unwrap();
    (status, String::from_utf8_lossy(&bytes).into_owned())
}

const FIRST: &str = r#"
@prefix s: <http://schema.org/> .
@prefix dc: <http://purl.org/dc/elements/1.1/> .
<https://partner.example.org/res/zephyr> a s:LearningResource , s:VideoObject ;
    s:name "Zephyrine backups for associations"@en , "Sauvegardes zéphyrines pour associations"@fr ;
    s:description "Keeping copies of everything, every night."@en ;
    s:inLanguage "en" , "fr" ;
    s:license <https://creativecommons.org/licenses/by-sa/4.0/> ;
    s:author [ s:name "Quentin Harvestman" ] .
<https://partner.example.org/res/quokka> dc:title "Quokkamatic spreadsheets" ;
    dc:language "en" .
<https://partner.example.org/res/untitled> a s:Article ; s:description "No name here." .
"#;

const SECOND: &str = r#"
@prefix s: <http://schema.org/> .
<https://partner.example.org/res/zephyr> a s:LearningResource ;
    s:name "Zephyrine backups, second edition"@en ;
    s:inLanguage "en" .
"#;

#[tokio::test(flavor = "multi_thread")]
async fn harvested_resources_are_searched_shown_updated_and_removed() {
    let dir = tempfile::tempdir().unwrap();
    let mut settings = settings(dir.path());
    settings.harvest.allow_private = true;
    let db = server::cli::open_db(&settings).await.unwrap();
    let state = AppState::new(db.clone(), settings.clone()).unwrap();
    let harvester = Harvester::new(
        db.clone(),
        state.rdf.store().clone(),
        settings.public_url(),
        &settings.harvest,
    );
    let router = server::http::app(state.clone());
    let routes: Routes = Arc::default();
    let base = serve(routes.clone());
    routes
        .lock()
        .unwrap()
        .insert("/dump.ttl".into(), FIRST.as_bytes().to_vec());
    let id = store::harvest::add(
        &db,
        &SourceForm {
            kind: "rdf-dump".into(),
            url: format!("{base}/dump.ttl"),
            label: "Partner library".into(),
            organisation_id: None,
            interval_hours: 0,
        },
    )
    .await
    .unwrap()
    .id;

    let run = harvester.run(id).await.unwrap();
    assert_eq!(run.status, RunStatus::Ok, "{}", run.report);
    assert_eq!(run.rejected, 1, "the untitled article");
    let report: serde_json::Value = serde_json::from_str(&run.report).unwrap();
    assert_eq!(report["entries"], 2);
    assert_eq!(report["rejected"][0]["code"], "no-title");
    assert_eq!(
        report["rejected"][0]["subject"],
        "https://partner.example.org/res/untitled"
    );
    state.indexer.catch_up().await.unwrap();

    let (status, page) = get(&router, "/en/search?q=zephyrine").await;
    assert_eq!(status, StatusCode::OK);
    assert!(
        page.contains("Zephyrine backups for associations"),
        "{page}"
    );
    let entries = store::harvest::entries(&db, id).await.unwrap();
    let zephyr = entries
        .iter()
        .find(|e| e.original_uri.ends_with("/zephyr"))
        .unwrap();
    let path = format!("/en/library/harvested/{}", zephyr.id);
    assert!(
        page.contains(&format!("href=\"{path}\"")),
        "hits link to the entry's page"
    );
    assert!(
        page.contains("Partner library"),
        "the source facet names the source"
    );
    let (_, only) = get(&router, &format!("/en/search?q=zephyrine&source={id}")).await;
    assert!(only.contains("Zephyrine backups for associations"));
    let (_, local) = get(&router, "/en/search?q=zephyrine&source=local").await;
    assert!(
        !local.contains("Zephyrine backups for associations"),
        "this library's own resources only"
    );
    let (_, french) = get(&router, "/fr/search?q=sauvegardes%20z%C3%A9phyrines").await;
    assert!(french.contains("Sauvegardes zéphyrines pour associations"));

    let (status, entry) = get(&router, &path).await;
    assert_eq!(status, StatusCode::OK);
    assert!(
        entry.contains("<h1>Zephyrine backups for associations</h1>"),
        "{entry}"
    );
    assert!(entry.contains("See the original"));
    assert!(entry.contains("href=\"https://partner.example.org/res/zephyr\""));
    assert!(entry.contains("From Partner library"));
    assert!(entry.contains("Quentin Harvestman"));
    assert!(entry.contains("CC BY-SA 4.0"));
    assert!(entry.contains("Harvested on"));
    let (_, in_french) = get(&router, &format!("/fr/library/harvested/{}", zephyr.id)).await;
    assert!(in_french.contains("Sauvegardes zéphyrines pour associations"));
    assert!(in_french.contains("Voir l’original"));
    let (status, _) = get(&router, "/en/library/harvested/999999").await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    let (status, _) = get(&router, "/en/library/harvested/not-a-number").await;
    assert_eq!(status, StatusCode::NOT_FOUND);

    // The source changed: one retitled, one gone.
    routes
        .lock()
        .unwrap()
        .insert("/dump.ttl".into(), SECOND.as_bytes().to_vec());
    let run = harvester.run(id).await.unwrap();
    assert_eq!(run.status, RunStatus::Ok, "{}", run.report);
    state.indexer.catch_up().await.unwrap();
    let (_, page) = get(&router, "/en/search?q=zephyrine").await;
    assert!(page.contains("Zephyrine backups, second edition"));
    assert!(!page.contains("Zephyrine backups for associations"));
    let (_, page) = get(&router, "/en/search?q=quokkamatic").await;
    assert!(
        !page.contains("Quokkamatic spreadsheets"),
        "gone at the source"
    );
    let (status, entry) = get(&router, &path).await;
    assert_eq!(status, StatusCode::OK, "the same address after an update");
    assert!(entry.contains("Zephyrine backups, second edition"));

    // A failed run keeps the entries.
    routes.lock().unwrap().remove("/dump.ttl");
    let run = harvester.run(id).await.unwrap();
    assert_eq!(run.status, RunStatus::Failed);
    assert_eq!(store::harvest::count_entries(&db, id).await.unwrap(), 1);

    harvester.remove(id).await.unwrap();
    state.indexer.catch_up().await.unwrap();
    let (_, page) = get(&router, "/en/search?q=zephyrine").await;
    assert!(!page.contains("Zephyrine backups"), "gone with the source");
    let (status, _) = get(&router, &path).await;
    assert_eq!(status, StatusCode::NOT_FOUND);
}

/// A demo instance's dump: its published resources become entries of the
/// harvesting instance, found by search.
#[tokio::test(flavor = "multi_thread")]
async fn a_demo_instances_resources_become_entries() {
    let a_dir = tempfile::tempdir().unwrap();
    server::cli::demo::run(settings(a_dir.path()))
        .await
        .unwrap();
    let a_db = server::cli::open_db(&settings(a_dir.path())).await.unwrap();
    let a = AppState::new(a_db.clone(), settings(a_dir.path())).unwrap();
    a.rdf.rebuild().await.unwrap();
    a.rdf.dumps().write(a.rdf.store().as_ref()).unwrap();
    let dump = std::fs::read(a.rdf.dumps().path("archipel.nq.gz").unwrap()).unwrap();
    let published = store::library::browse::published_uids(&a_db, 1000, 0)
        .await
        .unwrap();
    assert!(!published.is_empty());
    let sample = store::library::get_by_uid(&a_db, &published[0])
        .await
        .unwrap();

    let dir = tempfile::tempdir().unwrap();
    let mut settings = settings(dir.path());
    settings.harvest.allow_private = true;
    settings.harvest.max_bytes = 50_000_000;
    settings.harvest.max_triples = 5_000_000;
    let db = server::cli::open_db(&settings).await.unwrap();
    let state = AppState::new(db.clone(), settings.clone()).unwrap();
    let harvester = Harvester::new(
        db.clone(),
        state.rdf.store().clone(),
        settings.public_url(),
        &settings.harvest,
    );
    let routes: Routes = Arc::default();
    let base = serve(routes.clone());
    routes
        .lock()
        .unwrap()
        .insert("/a/data/dumps/archipel.nq.gz".into(), dump);
    let id = store::harvest::add(
        &db,
        &SourceForm {
            kind: "archipel".into(),
            url: format!("{base}/a"),
            label: "Instance A".into(),
            organisation_id: None,
            interval_hours: 0,
        },
    )
    .await
    .unwrap()
    .id;
    let run = harvester.run(id).await.unwrap();
    assert_eq!(run.status, RunStatus::Ok, "{}", run.report);
    let entries = store::harvest::entries(&db, id).await.unwrap();
    let resources = entries
        .iter()
        .filter(|e| e.original_uri.contains("/library/resources/"))
        .count();
    assert_eq!(resources, published.len(), "every published resource, once");
    let original = format!(
        "{}/library/resources/{}",
        settings_public_url(&a),
        sample.uid
    );
    let entry = entries
        .iter()
        .find(|e| e.original_uri == original)
        .unwrap_or_else(|| panic!("no entry for {original}"));
    let title = &sample.texts[0].title;
    assert!(entry.texts.iter().any(|t| t.title == *title));
    assert!(
        !entries
            .iter()
            .any(|e| e.original_uri.contains("/partners/") || e.original_uri.contains("/topics")),
        "partners and topics are not library entries"
    );

    state.indexer.catch_up().await.unwrap();
    let router = server::http::app(state.clone());
    let q: String = url_encode(title);
    let (_, page) = get(&router, &format!("/en/search?q={q}&source={id}")).await;
    assert!(
        page.contains(&format!("/en/library/harvested/{}", entry.id)),
        "{page}"
    );
}

fn settings_public_url(state: &AppState) -> String {
    state
        .settings
        .public_url()
        .trim_end_matches('/')
        .to_string()
}

fn url_encode(text: &str) -> String {
    serde_urlencoded::to_string([("q", text)])
        .unwrap()
        .trim_start_matches("q=")
        .to_string()
}
