//! Harvesting RDF dumps from a tiny HTTP server on loopback: what lands in
//! the source's graph with its provenance, conditional runs, every hostile
//! input refused with a reason and the previous graphs left exactly as they
//! were, and removal.

use std::collections::HashMap;
use std::io::{Read, Write};
use std::net::TcpListener;
use std::sync::{Arc, Mutex};
use std::time::Duration;

use harvest::{self, Harvester};
use linked_data::store::{Limits, QueryRequest};
use server::state::AppState;
use settings::Settings;
use store::harvest::{RunStatus, SourceForm};

use super::settings;

#[derive(Clone)]
pub struct Reply {
    pub status: u16,
    pub headers: Vec<(String, String)>,
    pub body: Vec<u8>,
}

pub fn reply(content_type: &str, body: impl Into<Vec<u8>>) -> Reply {
    Reply {
        status: 200,
        headers: vec![("Content-Type".into(), content_type.into())],
        body: body.into(),
    }
}

fn redirect(to: &str) -> Reply {
    Reply {
        status: 302,
        headers: vec![("Location".into(), to.into())],
        body: Vec::new(),
    }
}

pub type Routes = Arc<Mutex<HashMap<String, Reply>>>;

/// Serves `routes` on a loopback port, one request per connection; a route
/// with an ETag answers 304 to a matching If-None-Match.
pub fn serve(routes: Routes) -> String {
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
            let path = head.split_whitespace().nth(1).unwrap_or("/").to_string();
            let if_none_match = head
                .lines()
                .find_map(|l| {
                    l.strip_prefix("if-none-match: ")
                        .or(l.strip_prefix("If-None-Match: "))
                })
                .map(str::to_string);
            let found = routes.lock().unwrap().get(&path).cloned();
            let mut r = found.unwrap_or(Reply {
                status: 404,
                headers: vec![],
                body: b"not found".to_vec(),
            });
            let etag = r
                .headers
                .iter()
                .find(|(k, _)| k == "ETag")
                .map(|(_, v)| v.clone());
            if etag.is_some() && etag == if_none_match {
                r = Reply {
                    status: 304,
                    headers: vec![],
                    body: vec![],
                };
            }
            let mut out = format!(
                "HTTP/1.1 {} X\r\nContent-Length: {}\r\nConnection: close\r\n",
                r.status,
                r.body.len()
            );
            for (k, v) in &r.headers {
                out.push_str(&format!("{k}: {v}\r\n"));
            }
            out.push_str("\r\n");
            let _ = stream.write_all(out.as_bytes());
            let _ = stream.write_all(&r.body);
        }
    });
    format!("http://{addr}")
}

/// A harvesting instance with small limits, and a tiny HTTP server whose
/// routes a test sets.
pub struct Setup {
    _dir: tempfile::TempDir,
    pub settings: Settings,
    pub state: AppState,
    pub harvester: Harvester,
    routes: Routes,
    base: String,
}

pub async fn setup() -> Setup {
    let dir = tempfile::tempdir().unwrap();
    let mut settings = settings(dir.path());
    settings.harvest.allow_private = true;
    settings.harvest.max_bytes = 200_000;
    settings.harvest.max_triples = 1000;
    settings.harvest.max_literal_bytes = 10_000;
    settings.harvest.max_json_depth = 32;
    settings.harvest.timeout_s = 10;
    let db = server::cli::open_db(&settings).await.unwrap();
    let state = AppState::new(db.clone(), settings.clone()).unwrap();
    let harvester = Harvester::new(
        db,
        state.rdf.store().clone(),
        settings.public_url(),
        &settings.harvest,
    );
    let routes: Routes = Arc::default();
    let base = serve(routes.clone());
    Setup {
        _dir: dir,
        settings,
        state,
        harvester,
        routes,
        base,
    }
}

impl Setup {
    fn route(&self, path: &str, r: Reply) {
        self.routes.lock().unwrap().insert(path.into(), r);
    }

    /// Registers a source at `path` of the tiny server.
    async fn add(&self, kind: &str, path: &str) -> i64 {
        self.add_url(kind, &format!("{}{path}", self.base)).await
    }

    /// Registers a source at any address.
    pub async fn add_url(&self, kind: &str, url: &str) -> i64 {
        let form = SourceForm {
            kind: kind.into(),
            url: url.into(),
            label: format!("source at {url}"),
            organisation_id: None,
            interval_hours: 0,
        };
        store::harvest::add(&self.harvester.db, &form)
            .await
            .unwrap()
            .id
    }

    pub fn graphs(&self, id: i64) -> (linked_data::Graph, linked_data::Graph) {
        let store = self.state.rdf.store();
        let url = self.settings.public_url();
        (
            store.graph(&harvest::graph_name(url, id)).unwrap(),
            store
                .graph(&harvest::provenance_graph_name(url, id))
                .unwrap(),
        )
    }

    pub fn select(&self, query: &str) -> String {
        let request = QueryRequest {
            query: query.into(),
            accept: Some("application/sparql-results+json".into()),
            ..QueryRequest::default()
        };
        let limits = Limits {
            timeout: Duration::from_secs(5),
            max_results: 10_000,
        };
        let answer = self.state.rdf.store().query(&request, limits).unwrap();
        String::from_utf8(answer.body).unwrap()
    }
}

const TURTLE: &str = "@prefix s: <http://schema.org/> .\n\
    <http://partner.example/r/1> a s:LearningResource ; s:name \"Guide\"@fr .\n";

fn gzip(bytes: &[u8]) -> Vec<u8> {
    let mut e = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
    e.write_all(bytes).unwrap();
    e.finish().unwrap()
}

#[tokio::test(flavor = "multi_thread")]
async fn dumps_land_in_the_source_graph_with_provenance() {
    let s = setup().await;
    let mut ttl = reply("text/turtle; charset=utf-8", TURTLE);
    ttl.headers.push(("ETag".into(), "\"v1\"".into()));
    s.route("/a.ttl", ttl);
    let a = s.add("rdf-dump", "/a.ttl").await;
    let run = s.harvester.run(a).await.unwrap();
    assert_eq!(run.status, RunStatus::Ok, "{}", run.report);
    assert_eq!(run.kept, 2);
    assert_eq!(run.etag.as_deref(), Some("\"v1\""));
    let (data, provenance) = s.graphs(a);
    assert_eq!(data.len(), 2);
    let name = harvest::graph_name(s.settings.public_url(), a);
    let prov = s.select(&format!(
        "SELECT ?from ?n WHERE {{ <{name}> <http://www.w3.org/ns/prov#wasDerivedFrom> ?from ; \
         <http://rdfs.org/ns/void#triples> ?n }}"
    ));
    assert!(prov.contains(&format!("{}/a.ttl", s.base)), "{prov}");
    assert!(provenance.len() >= 5, "{provenance}");
    let found = s.select(&format!(
        "SELECT ?r WHERE {{ GRAPH <{name}> {{ ?r <http://schema.org/name> \"Guide\"@fr }} }}"
    ));
    assert!(found.contains("http://partner.example/r/1"), "{found}");

    // The source says nothing changed: the run is `unchanged`, data kept.
    let again = s.harvester.run(a).await.unwrap();
    assert_eq!(again.status, RunStatus::Unchanged, "{}", again.report);
    assert_eq!(s.graphs(a).0, data);

    // Another Archipel instance: its gzipped N-Quads dump, every graph
    // merged into the source's one.
    let nq = "<http://b.example/r/1> <http://schema.org/name> \"Un\" <http://b.example/r/1> .\n\
              <http://b.example/p/x> <http://schema.org/name> \"Partner\" <http://b.example/p/x> .\n";
    s.route(
        "/b/data/dumps/archipel.nq.gz",
        reply("application/gzip", gzip(nq.as_bytes())),
    );
    let b = s.add("archipel", "/b/").await;
    let run = s.harvester.run(b).await.unwrap();
    assert_eq!(run.status, RunStatus::Ok, "{}", run.report);
    assert_eq!(s.graphs(b).0.len(), 2);

    s.harvester.remove(a).await.unwrap();
    let (data, provenance) = s.graphs(a);
    assert!(data.is_empty() && provenance.is_empty());
    assert!(store::harvest::get(&s.harvester.db, a).await.is_err());
    assert_eq!(s.graphs(b).0.len(), 2, "other sources stay");
}

const LAUGHS: &str = r#"<?xml version="1.0"?>
<!DOCTYPE lolz [
 <!ENTITY lol "lol">
 <!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
 <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
 <!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
 <!ENTITY lol5 "&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;">
 <!ENTITY lol6 "&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;">
 <!ENTITY lol7 "&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;">
 <!ENTITY lol8 "&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;">
 <!ENTITY lol9 "&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;">
]>
<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns:s="http://schema.org/">
  <rdf:Description rdf:about="http://x.example/a"><s:name>&lol9;</s:name></rdf:Description>
</rdf:RDF>"#;

#[tokio::test(flavor = "multi_thread")]
async fn hostile_input_fails_the_run_and_keeps_the_previous_graphs() {
    let s = setup().await;
    s.route("/s", reply("text/turtle", TURTLE));
    let id = s.add("rdf-dump", "/s").await;
    assert_eq!(s.harvester.run(id).await.unwrap().status, RunStatus::Ok);
    let before = s.graphs(id);
    assert_eq!(before.0.len(), 2);

    let mut non_utf8 = b"<http://e.example/s> <http://e.example/p> \"".to_vec();
    non_utf8.extend_from_slice(&[0xff, 0xfe, b'"', b' ', b'.', b'\n']);
    let giant = format!(
        "<http://e.example/s> <http://e.example/p> \"{}\" .\n",
        "x".repeat(20_000)
    );
    let deep = format!("{}{}", "[".repeat(100), "]".repeat(100));
    let many: String = (0..1001)
        .map(|i| format!("<http://e.example/{i}> <http://e.example/p> \"{i}\" .\n"))
        .collect();
    let big = "# padding\n".repeat(25_000);
    let cases: Vec<(&str, Reply, &str)> = vec![
        (
            "broken Turtle",
            reply("text/turtle", "<http://e.example/s> <http://e.example/p> ."),
            "syntax-error",
        ),
        (
            "broken XML",
            reply(
                "application/rdf+xml",
                "<rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\"><rdf:Description",
            ),
            "syntax-error",
        ),
        (
            "non-UTF-8 bytes",
            reply("text/turtle", non_utf8),
            "encoding-invalid",
        ),
        (
            "a giant literal",
            reply("text/turtle", giant),
            "literal-too-long",
        ),
        (
            "deeply nested JSON-LD",
            reply("application/ld+json", deep),
            "too-deep",
        ),
        (
            "billion laughs",
            reply("application/rdf+xml", LAUGHS),
            "entities-refused",
        ),
        (
            "a body over max_bytes",
            reply("text/turtle", big),
            "too-large",
        ),
        (
            "a gzip bomb",
            reply("text/turtle", gzip("# padding\n".repeat(50_000).as_bytes())),
            "too-large",
        ),
        (
            "too many triples",
            reply("application/n-triples", many),
            "too-many-triples",
        ),
        ("a redirect loop", redirect("/s"), "too-many-redirects"),
        (
            "a redirect to ftp",
            redirect("ftp://e.example/dump.ttl"),
            "scheme-refused",
        ),
        (
            "an unknown format",
            reply("text/html", "<html></html>"),
            "format-unknown",
        ),
        (
            "an HTTP error",
            Reply {
                status: 500,
                headers: vec![],
                body: vec![],
            },
            "http-status",
        ),
    ];
    for (what, r, code) in cases {
        s.route("/s", r);
        let run = s.harvester.run(id).await.unwrap();
        assert_eq!(run.status, RunStatus::Failed, "{what}: {}", run.report);
        assert!(
            run.report.contains(&format!("\"code\":\"{code}\"")),
            "{what}: {}",
            run.report
        );
        assert!(s.graphs(id) == before, "{what} changed the previous graphs");
    }

    // Loopback refused when local addresses are not allowed.
    s.route("/s", reply("text/turtle", TURTLE));
    let mut strict = s.harvester.clone();
    strict.settings.allow_private = false;
    let run = strict.run(id).await.unwrap();
    assert_eq!(run.status, RunStatus::Failed);
    assert!(run.report.contains("address-refused"), "{}", run.report);
    assert!(run.report.contains("127.0.0.1"), "{}", run.report);
    assert!(s.graphs(id) == before);

    // Addresses other than http(s) are refused at registration.
    let refused = store::harvest::add(
        &s.harvester.db,
        &SourceForm {
            kind: "rdf-dump".into(),
            url: "ftp://e.example/dump.ttl".into(),
            label: "ftp".into(),
            ..SourceForm::default()
        },
    )
    .await;
    assert!(matches!(refused, Err(store::StoreError::Invalid(_))));
}

/// The operator commands, through the real binary.
#[test]
fn the_harvest_commands_report_and_fail_with_the_run() {
    let dir = tempfile::tempdir().unwrap();
    let routes: Routes = Arc::default();
    let base = serve(routes.clone());
    routes
        .lock()
        .unwrap()
        .insert("/d.ttl".into(), reply("text/turtle", TURTLE));
    let repo = std::path::PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("..");
    let archipel = |args: &[&str]| {
        let out = std::process::Command::new(env!("CARGO_BIN_EXE_archipel"))
            .args(args)
            .env("ARCHIPEL_DATA_DIR", dir.path())
            .env("ARCHIPEL_CONTENT_DIR", repo.join("content"))
            .env("ARCHIPEL_HARVEST__ALLOW_PRIVATE", "true")
            .env("ARCHIPEL_LOG", "warn")
            .output()
            .unwrap();
        let text = format!(
            "{}{}",
            String::from_utf8_lossy(&out.stdout),
            String::from_utf8_lossy(&out.stderr)
        );
        (out.status.success(), text)
    };
    let (ok, text) = archipel(&[
        "harvest",
        "add",
        "--kind",
        "rdf-dump",
        "--url",
        "ftp://e.example/d.ttl",
        "--label",
        "x",
    ]);
    assert!(!ok && text.contains("url-invalid"), "{text}");
    let url = format!("{base}/d.ttl");
    let (ok, text) = archipel(&[
        "harvest", "add", "--kind", "rdf-dump", "--url", &url, "--label", "Dump",
    ]);
    assert!(ok && text.contains("source 1 registered"), "{text}");
    let (ok, text) = archipel(&["harvest", "run", "1"]);
    assert!(ok && text.contains("ok (2 triples)"), "{text}");
    routes
        .lock()
        .unwrap()
        .insert("/d.ttl".into(), reply("text/turtle", "<x> <y"));
    let (ok, text) = archipel(&["harvest", "run", "1"]);
    assert!(!ok && text.contains("syntax-error"), "{text}");
    let (ok, text) = archipel(&["harvest", "list"]);
    assert!(ok && text.contains("failed: 0 kept"), "{text}");
    let (ok, text) = archipel(&["harvest", "remove", "1"]);
    assert!(ok, "{text}");
    let (_, text) = archipel(&["harvest", "list"]);
    assert!(text.contains("no harvest sources"), "{text}");
}

#[tokio::test(flavor = "multi_thread")]
async fn json_ld_rdf_xml_and_n_triples_dumps_are_read() {
    let s = setup().await;
    let jsonld = r#"{"@context": {"name": "http://schema.org/name"},
        "@id": "http://j.example/r/1", "name": "Guide"}"#;
    let rdfxml = r#"<?xml version="1.0"?>
<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns:s="http://schema.org/">
  <rdf:Description rdf:about="http://x.example/r/1"><s:name xml:lang="de">Leitfaden</s:name></rdf:Description>
</rdf:RDF>"#;
    let nt = "<http://n.example/r/1> <http://schema.org/name> \"Vodič\"@hr .\n";
    s.route("/j", reply("application/ld+json", jsonld));
    s.route("/x.rdf", reply("application/octet-stream", rdfxml));
    s.route("/n.nt.gz", reply("application/gzip", gzip(nt.as_bytes())));
    for (path, subject) in [
        ("/j", "http://j.example/r/1"),
        ("/x.rdf", "http://x.example/r/1"),
        ("/n.nt.gz", "http://n.example/r/1"),
    ] {
        let id = s.add("rdf-dump", path).await;
        let run = s.harvester.run(id).await.unwrap();
        assert_eq!(run.status, RunStatus::Ok, "{path}: {}", run.report);
        assert_eq!(run.kept, 1, "{path}");
        let data = s.graphs(id).0;
        assert!(data.to_string().contains(subject), "{path}: {data}");
    }
}

/// A real Archipel dump, written by a demo instance, harvested by another.
#[tokio::test(flavor = "multi_thread")]
async fn an_archipel_instance_is_harvested_from_its_dump() {
    let a_dir = tempfile::tempdir().unwrap();
    server::cli::demo::run(settings(a_dir.path()))
        .await
        .unwrap();
    let a_db = server::cli::open_db(&settings(a_dir.path())).await.unwrap();
    let a = AppState::new(a_db, settings(a_dir.path())).unwrap();
    a.rdf.rebuild().await.unwrap();
    let summary = a.rdf.dumps().write(a.rdf.store().as_ref()).unwrap();
    let path = a.rdf.dumps().path("archipel.nq.gz").unwrap();
    let dump = std::fs::read(path).unwrap();

    let mut s = setup().await;
    s.harvester.settings.max_bytes = 50_000_000;
    s.harvester.settings.max_triples = 5_000_000;
    s.route(
        "/a/data/dumps/archipel.nq.gz",
        reply("application/gzip", dump.clone()),
    );
    let id = s.add("archipel", "/a").await;
    let run = s.harvester.run(id).await.unwrap();
    assert_eq!(run.status, RunStatus::Ok, "{}", run.report);

    let mut text = String::new();
    flate2::read::GzDecoder::new(dump.as_slice())
        .read_to_string(&mut text)
        .unwrap();
    let union: std::collections::HashSet<String> = text
        .lines()
        .filter(|l| !l.trim().is_empty())
        .map(|l| {
            let q = oxigraph::io::RdfParser::from_format(oxigraph::io::RdfFormat::NQuads)
                .for_slice(l.as_bytes())
                .next()
                .unwrap()
                .unwrap();
            oxigraph::model::Triple::from(q).to_string()
        })
        .collect();
    assert!(union.len() > 50, "the demo dump holds data");
    assert!(summary.quads as usize >= union.len());
    assert_eq!(
        run.kept as usize,
        union.len(),
        "every distinct triple is kept"
    );
    let partners = s.select(&format!(
        "SELECT (COUNT(*) AS ?n) WHERE {{ GRAPH <{}> {{ ?p a <http://schema.org/Organization> \
         FILTER(CONTAINS(STR(?p), \"/partners/\")) }} }}",
        harvest::graph_name(s.settings.public_url(), id)
    ));
    assert!(
        partners.contains("\"5\""),
        "the five demo partners: {partners}"
    );
}

#[tokio::test(flavor = "multi_thread")]
async fn scheduled_sources_run_when_due() {
    let s = setup().await;
    s.route("/t.ttl", reply("text/turtle", TURTLE));
    s.add("rdf-dump", "/t.ttl").await;
    let form = SourceForm {
        kind: "rdf-dump".into(),
        url: format!("{}/t.ttl", s.base),
        label: "daily".into(),
        organisation_id: None,
        interval_hours: 24,
    };
    let daily = store::harvest::add(&s.harvester.db, &form).await.unwrap();
    assert_eq!(
        s.harvester.run_due().await.unwrap(),
        1,
        "only the scheduled one"
    );
    assert_eq!(s.graphs(daily.id).0.len(), 2);
    assert_eq!(s.harvester.run_due().await.unwrap(), 0, "not due again yet");
}
