//! Two Archipel instances on loopback, each with its own partners'
//! resources, harvest each other with open standards: A takes B's dump and
//! B's SPARQL endpoint, B takes A over OAI-PMH. Each then finds the other's
//! resources in its own search (with the source facet) and in its SPARQL
//! endpoint (in the source's graph, with provenance), and a resource that
//! leaves one instance leaves the other at the next harvest.

use std::net::SocketAddr;
use std::path::Path;
use std::time::Duration;

use server::state::AppState;
use settings::Settings;
use store::harvest::{RunStatus, SourceForm};

struct Instance {
    state: AppState,
    base: String,
    _dir: tempfile::TempDir,
    _server: tokio::task::JoinHandle<()>,
}

/// A content folder with the shipped courses and topics, and only the seed
/// library files of `partners`.
fn content_with(dir: &Path, partners: &[&str]) -> std::path::PathBuf {
    let repo = std::path::PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("..");
    let content = dir.join("content");
    std::fs::create_dir_all(content.join("library")).unwrap();
    for entry in ["courses", "demo", "topics.toml"] {
        std::os::unix::fs::symlink(repo.join("content").join(entry), content.join(entry)).unwrap();
    }
    for p in partners {
        let file = format!("{p}.toml");
        std::os::unix::fs::symlink(
            repo.join("content/library").join(&file),
            content.join("library").join(&file),
        )
        .unwrap();
    }
    content
}

/// A demo instance serving on a free loopback port, its public URL being
/// that address, with its search index and RDF store current.
async fn instance(partners: &[&str]) -> Instance {
    let dir = tempfile::tempdir().unwrap();
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let base = format!("http://{}", listener.local_addr().unwrap());
    let mut settings = Settings {
        data_dir: dir.path().join("data"),
        content_dir: content_with(dir.path(), partners),
        public_url: base.clone(),
        ..Settings::default()
    };
    settings.harvest.allow_private = true;
    settings.harvest.max_bytes = 50_000_000;
    settings.harvest.max_triples = 5_000_000;
    server::cli::demo::run(settings.clone()).await.unwrap();
    let db = server::cli::open_db(&settings).await.unwrap();
    let state = AppState::new(db, settings.clone()).unwrap();
    let library = server::cli::load_courses(&settings).unwrap();
    state.courses.replace(&library);
    state.indexer.rebuild().await.unwrap();
    state.rdf.rebuild().await.unwrap();
    state.rdf.dumps().write(state.rdf.store().as_ref()).unwrap();
    let app = server::http::app(state.clone());
    let server = tokio::spawn(async move {
        axum::serve(
            listener,
            app.into_make_service_with_connect_info::<SocketAddr>(),
        )
        .await
        .unwrap();
    });
    Instance {
        state,
        base,
        _dir: dir,
        _server: server,
    }
}

impl Instance {
    /// GETs a path of this instance over HTTP; the status and the body.
    async fn get(&self, path: &str, accept: &str) -> (u16, String) {
        let url = format!("{}{path}", self.base);
        let accept = accept.to_string();
        tokio::task::spawn_blocking(move || {
            let agent: ureq::Agent = ureq::Agent::config_builder()
                .http_status_as_error(false)
                .timeout_global(Some(Duration::from_secs(30)))
                .build()
                .into();
            let mut r = agent.get(&url).header("Accept", &accept).call().unwrap();
            let status = r.status().as_u16();
            (status, r.body_mut().read_to_string().unwrap())
        })
        .await
        .unwrap()
    }

    async fn search(&self, q: &str) -> String {
        let q = serde_urlencoded::to_string([("q", q)]).unwrap();
        let (status, body) = self.get(&format!("/en/search?{q}"), "text/html").await;
        assert_eq!(status, 200, "{body}");
        body
    }

    async fn sparql(&self, query: &str) -> String {
        let q = serde_urlencoded::to_string([("query", query)]).unwrap();
        let (status, body) = self
            .get(&format!("/sparql?{q}"), "application/sparql-results+json")
            .await;
        assert_eq!(status, 200, "{body}");
        body
    }

    async fn add_source(&self, kind: &str, url: &str, label: &str) -> i64 {
        let form = SourceForm {
            kind: kind.into(),
            url: url.into(),
            label: label.into(),
            organisation_id: None,
            interval_hours: 0,
        };
        store::harvest::add(&self.state.db, &form).await.unwrap().id
    }

    /// Harvests a source now, then lets the search index take the change.
    async fn harvest(&self, id: i64) {
        let run = self.state.harvester.run(id).await.unwrap();
        assert_eq!(run.status, RunStatus::Ok, "{}", run.report);
        self.state.indexer.catch_up().await.unwrap();
    }

    /// Unpublishes a seed resource and brings the RDF store and the dumps up
    /// to date, as the running server does on its own.
    async fn unpublish(&self, seed_id: &str) {
        let db = &self.state.db;
        let admin = store::users::find_by_email(db, "admin@example.org")
            .await
            .unwrap()
            .unwrap();
        let uid = store::library::import::uid_for(&format!("seed:{seed_id}"));
        let r = store::library::get_by_uid(db, &uid).await.unwrap();
        store::library::review::unpublish(db, admin.id, r.id, "outdated")
            .await
            .unwrap();
        self.state.rdf.catch_up().await.unwrap();
        self.state.indexer.catch_up().await.unwrap();
        // A new dump must differ in its validators from the one harvested.
        tokio::time::sleep(Duration::from_millis(1100)).await;
        let rdf = &self.state.rdf;
        rdf.dumps().write(rdf.store().as_ref()).unwrap();
    }

    fn graph(&self, id: i64) -> String {
        harvest::graph_name(&self.base, id)
    }
}

/// Whether a search page lists a harvested entry titled `title`.
fn lists_harvested(page: &str, title: &str) -> bool {
    page.contains(title) && page.contains("/library/harvested/")
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn two_instances_harvest_each_other_by_dump_sparql_and_oai_pmh() {
    let a = instance(&["les-tisserands-du-libre", "atelier-numerique-bruxelles"]).await;
    let b = instance(&["rete-civica-aperta", "udruga-otvoreni-kod"]).await;
    let b_title = "GlobaLeaks: free software for secure and anonymous reporting";
    let a_title = "De-google-ify Internet";
    assert!(!lists_harvested(&a.search("GlobaLeaks").await, b_title));
    assert!(!lists_harvested(&b.search("Framasoft").await, a_title));

    // A harvests B by its dump and by its SPARQL endpoint.
    let by_dump = a.add_source("archipel", &b.base, "Instance B (dump)").await;
    let by_sparql = a
        .add_source("archipel-sparql", &b.base, "Instance B (SPARQL)")
        .await;
    a.harvest(by_dump).await;
    a.harvest(by_sparql).await;
    let page = a.search("GlobaLeaks").await;
    assert!(lists_harvested(&page, b_title), "{page}");
    assert!(
        page.contains("Instance B (dump)"),
        "the source facet: {page}"
    );
    assert!(
        page.contains("Instance B (SPARQL)"),
        "the source facet: {page}"
    );

    // The entry's page at A links to the original at B.
    let globaleaks = format!(
        "{}/library/resources/{}",
        b.base,
        store::library::import::uid_for("seed:globaleaks")
    );
    let entry = store::harvest::entries(&a.state.db, by_dump)
        .await
        .unwrap()
        .into_iter()
        .find(|e| e.original_uri == globaleaks)
        .expect("B's resource is an entry at A");
    let (status, page) = a
        .get(&format!("/en/library/harvested/{}", entry.id), "text/html")
        .await;
    assert_eq!(status, 200);
    assert!(page.contains(&format!("href=\"{globaleaks}\"")), "{page}");

    // In A's SPARQL, B's resource is in each source's graph, with provenance.
    for id in [by_dump, by_sparql] {
        let graph = a.graph(id);
        let found = a
            .sparql(&format!(
                "ASK {{ GRAPH <{graph}> {{ <{globaleaks}> a <http://schema.org/LearningResource> }} \
                 GRAPH <{graph}/provenance> {{ <{graph}> <http://www.w3.org/ns/prov#wasDerivedFrom> ?from }} }}"
            ))
            .await;
        assert!(found.contains("true"), "source {id}: {found}");
    }

    // B harvests A over OAI-PMH.
    let by_oai = b
        .add_source(
            "oai-pmh",
            &format!("{}/oai", a.base),
            "Instance A (OAI-PMH)",
        )
        .await;
    b.harvest(by_oai).await;
    let page = b.search("Framasoft").await;
    assert!(lists_harvested(&page, a_title), "{page}");
    assert!(page.contains("Instance A (OAI-PMH)"), "{page}");
    let graph = b.graph(by_oai);
    let titles = b
        .sparql(&format!(
            "SELECT ?t WHERE {{ GRAPH <{graph}> {{ ?r <http://purl.org/dc/elements/1.1/title> ?t }} }}"
        ))
        .await;
    assert!(titles.contains(a_title), "{titles}");
    let provenance = b
        .sparql(&format!(
            "ASK {{ GRAPH <{graph}/provenance> {{ <{graph}> <http://www.w3.org/ns/prov#wasDerivedFrom> ?from ; \
             <http://purl.org/dc/terms/source> <{}/oai> }} }}",
            a.base
        ))
        .await;
    assert!(provenance.contains("true"), "{provenance}");

    // A resource leaving B leaves A at the next harvest, both ways.
    b.unpublish("globaleaks").await;
    a.harvest(by_dump).await;
    a.harvest(by_sparql).await;
    let page = a.search("GlobaLeaks").await;
    assert!(!lists_harvested(&page, b_title), "{page}");
    let left = a
        .sparql(&format!(
            "ASK {{ GRAPH ?g {{ <{globaleaks}> ?p ?o }} FILTER(STRSTARTS(STR(?g), \"{}/harvest/\")) }}",
            a.base
        ))
        .await;
    assert!(left.contains("false"), "{left}");

    // And one leaving A leaves B at B's next, incremental, OAI-PMH harvest.
    a.unpublish("degooglisons-internet").await;
    b.harvest(by_oai).await;
    let page = b.search("Framasoft").await;
    assert!(!lists_harvested(&page, a_title), "{page}");
}
