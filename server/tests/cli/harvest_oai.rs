//! Harvesting OAI-PMH providers: a canned provider on loopback (pages with
//! a resumption token, deletions, `from`), incremental runs that update
//! and delete, every hostile answer refused with a reason and the previous
//! graphs kept, and a real Archipel instance's `/oai`.

use std::collections::HashMap;
use std::io::{Read, Write};
use std::net::TcpListener;
use std::sync::{Arc, Mutex};

use server::state::AppState;
use settings::Settings;
use store::harvest::RunStatus;

use super::harvest::{Setup, setup};
use super::settings;

/// An HTTP answer of a test server.
#[derive(Clone)]
pub struct Reply {
    pub status: u16,
    pub content_type: String,
    pub body: Vec<u8>,
}

pub fn xml(body: impl Into<Vec<u8>>) -> Reply {
    Reply {
        status: 200,
        content_type: "text/xml; charset=utf-8".into(),
        body: body.into(),
    }
}

/// The decoded query arguments of a request.
pub type Args = HashMap<String, String>;
type Handler = Arc<Mutex<Box<dyn Fn(&Args) -> Reply + Send>>>;

/// A loopback server answering every request with `handler`'s reply to its
/// query arguments; every request's arguments are logged.
pub struct Provider {
    pub base: String,
    handler: Handler,
    pub log: Arc<Mutex<Vec<Args>>>,
}

impl Provider {
    pub fn start() -> Self {
        let handler: Handler = Arc::new(Mutex::new(Box::new(|_: &Args| Reply {
            status: 404,
            content_type: "text/plain".into(),
            body: b"not found".to_vec(),
        })));
        let log: Arc<Mutex<Vec<Args>>> = Arc::default();
        let listener = TcpListener::bind("127.0.0.1:0").unwrap();
        let addr = listener.local_addr().unwrap();
        let (h, l) = (handler.clone(), log.clone());
        std::thread::spawn(move || {
            for stream in listener.incoming() {
                let Ok(mut stream) = stream else { continue };
                let mut head = Vec::new();
                let mut byte = [0u8; 1];
                while !head.ends_with(b"\r\n\r\n") && stream.read(&mut byte).unwrap_or(0) == 1 {
                    head.push(byte[0]);
                }
                let head = String::from_utf8_lossy(&head).to_string();
                let target = head.split_whitespace().nth(1).unwrap_or("/").to_string();
                let query = target.split_once('?').map(|(_, q)| q).unwrap_or("");
                let args: Args = serde_urlencoded::from_str::<Vec<(String, String)>>(query)
                    .unwrap_or_default()
                    .into_iter()
                    .collect();
                l.lock().unwrap().push(args.clone());
                let r = (h.lock().unwrap())(&args);
                let out = format!(
                    "HTTP/1.1 {} X\r\nContent-Type: {}\r\nContent-Length: {}\r\nConnection: close\r\n\r\n",
                    r.status,
                    r.content_type,
                    r.body.len()
                );
                let _ = stream.write_all(out.as_bytes());
                let _ = stream.write_all(&r.body);
            }
        });
        Self {
            base: format!("http://{addr}/oai"),
            handler,
            log,
        }
    }

    pub fn answer(&self, f: impl Fn(&Args) -> Reply + Send + 'static) {
        *self.handler.lock().unwrap() = Box::new(f);
    }

    fn requests(&self) -> Vec<Args> {
        self.log.lock().unwrap().clone()
    }
}

const RESPONSE_DATE: &str = "2026-11-30T08:00:00Z";

fn envelope(inner: &str) -> String {
    format!(
        r#"<?xml version="1.0" encoding="UTF-8"?>
<OAI-PMH xmlns="http://www.openarchives.org/OAI/2.0/">
  <responseDate>{RESPONSE_DATE}</responseDate>
  <request>http://partner.example/oai</request>
  {inner}
</OAI-PMH>"#
    )
}

fn identify(version: &str) -> String {
    envelope(&format!(
        "<Identify><repositoryName>Partner</repositoryName><baseURL>http://partner.example/oai</baseURL>\
         <protocolVersion>{version}</protocolVersion><adminEmail>a@partner.example</adminEmail>\
         <earliestDatestamp>2020-01-01T00:00:00Z</earliestDatestamp><deletedRecord>persistent</deletedRecord>\
         <granularity>YYYY-MM-DDThh:mm:ssZ</granularity></Identify>"
    ))
}

/// A live record: OAI id `oai:partner:{n}`, web id `http://partner.example/r/{n}`.
fn record(n: u32, title: &str) -> String {
    format!(
        r#"<record><header><identifier>oai:partner:{n}</identifier><datestamp>2026-11-0{n}T00:00:00Z</datestamp><setSpec>physics</setSpec></header>
<metadata><oai_dc:dc xmlns:oai_dc="http://www.openarchives.org/OAI/2.0/oai_dc/" xmlns:dc="http://purl.org/dc/elements/1.1/">
<dc:title xml:lang="fr">{title}</dc:title><dc:creator>Ada</dc:creator>
<dc:identifier>urn:isbn:{n}</dc:identifier><dc:identifier>http://partner.example/r/{n}</dc:identifier>
</oai_dc:dc></metadata></record>"#
    )
}

fn deleted(n: u32) -> String {
    format!(
        r#"<record><header status="deleted"><identifier>oai:partner:{n}</identifier><datestamp>2026-11-29T00:00:00Z</datestamp></header></record>"#
    )
}

fn list(records: &[String], token: Option<&str>) -> String {
    let token = match token {
        Some(t) => format!("<resumptionToken completeListSize=\"4\">{t}</resumptionToken>"),
        None => "<resumptionToken completeListSize=\"4\"/>".into(),
    };
    envelope(&format!(
        "<ListRecords>{}{token}</ListRecords>",
        records.concat()
    ))
}

fn no_records() -> String {
    envelope(r#"<error code="noRecordsMatch">nothing changed</error>"#)
}

fn verb(a: &Args) -> &str {
    a.get("verb").map(String::as_str).unwrap_or("")
}

/// Titles by subject in the source's graph.
fn titles(s: &Setup, id: i64) -> Vec<(String, String)> {
    let json = s.select(&format!(
        "SELECT ?s ?t WHERE {{ GRAPH <{}> {{ ?s <http://purl.org/dc/elements/1.1/title> ?t }} }} ORDER BY ?s",
        harvest::graph_name(s.settings.public_url(), id)
    ));
    let v: serde_json::Value = serde_json::from_str(&json).unwrap();
    v["results"]["bindings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|b| {
            (
                b["s"]["value"].as_str().unwrap().to_string(),
                format!(
                    "{}@{}",
                    b["t"]["value"].as_str().unwrap(),
                    b["t"]["xml:lang"].as_str().unwrap_or("")
                ),
            )
        })
        .collect()
}

#[tokio::test(flavor = "multi_thread")]
async fn a_provider_is_harvested_in_full_then_incrementally() {
    let s = setup().await;
    let p = Provider::start();
    p.answer(
        |a| match (verb(a), a.get("resumptionToken"), a.get("from")) {
            ("Identify", ..) => xml(identify("2.0")),
            ("ListRecords", None, None) => xml(list(
                &[record(1, "Guide &amp; outils"), record(2, "Réseaux")],
                Some("page-2"),
            )),
            ("ListRecords", Some(t), None) if t == "page-2" => {
                xml(list(&[record(3, "Sauvegardes"), deleted(4)], None))
            }
            _ => xml(envelope(r#"<error code="badArgument">unexpected</error>"#)),
        },
    );
    let id = s
        .add_url("oai-pmh", &format!("{}?set=physics", p.base))
        .await;
    let run = s.harvester.run(id).await.unwrap();
    assert_eq!(run.status, RunStatus::Ok, "{}", run.report);
    assert_eq!(run.last_modified.as_deref(), Some(RESPONSE_DATE));
    // Three records of six triples (title, creator, two identifiers, the
    // OAI identifier, the datestamp); the deleted one gives none.
    assert_eq!(run.kept, 18, "{}", run.report);
    assert!(
        run.report.contains("\"format\":\"oai_dc\""),
        "{}",
        run.report
    );
    let asked = p.requests();
    assert_eq!(verb(&asked[0]), "Identify", "Identify comes first");
    assert_eq!(
        asked[1].get("metadataPrefix").map(String::as_str),
        Some("oai_dc")
    );
    assert_eq!(asked[1].get("set").map(String::as_str), Some("physics"));
    assert!(!asked[1].contains_key("from"), "a first run is complete");
    assert_eq!(
        asked[2].get("resumptionToken").map(String::as_str),
        Some("page-2")
    );
    assert_eq!(asked[2].len(), 2, "a token comes with the verb only");
    assert_eq!(
        titles(&s, id),
        [
            (
                "http://partner.example/r/1".into(),
                "Guide & outils@fr".into()
            ),
            ("http://partner.example/r/2".into(), "Réseaux@fr".into()),
            ("http://partner.example/r/3".into(), "Sauvegardes@fr".into()),
        ]
    );
    let name = harvest::graph_name(s.settings.public_url(), id);
    let header = s.select(&format!(
        "SELECT ?d WHERE {{ GRAPH <{name}> {{ <http://partner.example/r/1> \
         <http://purl.org/dc/terms/identifier> \"oai:partner:1\" ; <http://purl.org/dc/terms/modified> ?d }} }}"
    ));
    assert!(header.contains("2026-11-01T00:00:00Z"), "{header}");
    let provenance = s.graphs(id).1;
    assert!(
        provenance.to_string().contains("\"18\"^^"),
        "the provenance counts the triples: {provenance}"
    );

    // The next run asks from the previous response date: record 2 changed
    // its title, record 3 was deleted.
    p.log.lock().unwrap().clear();
    p.answer(|a| match (verb(a), a.get("from")) {
        ("Identify", _) => xml(identify("2.0")),
        ("ListRecords", Some(_)) => xml(list(&[record(2, "Réseaux locaux"), deleted(3)], None)),
        _ => xml(envelope(
            r#"<error code="badArgument">a complete list was asked</error>"#,
        )),
    });
    let run = s.harvester.run(id).await.unwrap();
    assert_eq!(run.status, RunStatus::Ok, "{}", run.report);
    let asked = p.requests();
    assert_eq!(
        asked[1].get("from").map(String::as_str),
        Some(RESPONSE_DATE)
    );
    assert_eq!(asked[1].get("set").map(String::as_str), Some("physics"));
    assert_eq!(
        titles(&s, id),
        [
            (
                "http://partner.example/r/1".into(),
                "Guide & outils@fr".into()
            ),
            (
                "http://partner.example/r/2".into(),
                "Réseaux locaux@fr".into()
            ),
        ],
        "the graph holds the complete current state"
    );
    assert_eq!(run.kept, 12);
    assert_eq!(s.graphs(id).0.len(), 12);

    // Nothing changed since: noRecordsMatch is an unchanged run.
    p.answer(|a| match verb(a) {
        "Identify" => xml(identify("2.0")),
        _ => xml(no_records()),
    });
    let before = s.graphs(id).0;
    let run = s.harvester.run(id).await.unwrap();
    assert_eq!(run.status, RunStatus::Unchanged, "{}", run.report);
    assert_eq!(s.graphs(id).0, before);

    // A failed run does not move `from`: the next one asks the same date.
    p.answer(|a| match verb(a) {
        "Identify" => xml(identify("2.0")),
        _ => xml("<OAI-PMH"),
    });
    assert_eq!(s.harvester.run(id).await.unwrap().status, RunStatus::Failed);
    p.log.lock().unwrap().clear();
    p.answer(|a| match verb(a) {
        "Identify" => xml(identify("2.0")),
        _ => xml(no_records()),
    });
    assert_eq!(
        s.harvester.run(id).await.unwrap().status,
        RunStatus::Unchanged
    );
    assert_eq!(
        p.requests()[1].get("from").map(String::as_str),
        Some(RESPONSE_DATE)
    );
}

const LAUGHS: &str = r#"<?xml version="1.0"?>
<!DOCTYPE lolz [
 <!ENTITY lol "lol">
 <!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
 <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
 <!ENTITY lol9 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
]>
<OAI-PMH xmlns="http://www.openarchives.org/OAI/2.0/"><responseDate>&lol9;</responseDate></OAI-PMH>"#;

#[tokio::test(flavor = "multi_thread")]
async fn hostile_providers_fail_the_run_and_keep_the_previous_graphs() {
    let s = setup().await;
    let p = Provider::start();
    p.answer(|a| match verb(a) {
        "Identify" => xml(identify("2.0")),
        _ => xml(list(&[record(1, "Guide")], None)),
    });
    let id = s.add_url("oai-pmh", &p.base).await;
    assert_eq!(s.harvester.run(id).await.unwrap().status, RunStatus::Ok);
    let before = s.graphs(id);
    assert_eq!(before.0.len(), 6);

    let mut latin1 = br#"<?xml version="1.0"?><OAI-PMH xmlns="http://www.openarchives.org/OAI/2.0/"><responseDate>"#.to_vec();
    latin1.extend_from_slice(&[0xe9, 0xe9]);
    latin1.extend_from_slice(b"</responseDate></OAI-PMH>");
    let giant = list(&[record(1, &"x".repeat(20_000))], None);
    let deep = list(
        &[format!(
            "<record><header><identifier>oai:p:1</identifier><datestamp>2026-01-01</datestamp></header><metadata>{}{}</metadata></record>",
            "<x>".repeat(100),
            "</x>".repeat(100)
        )],
        None,
    );
    let many: Vec<String> = (0..200).map(|n| record(n, "t")).collect();
    let many = list(&many, None);
    let cases: Vec<(&str, Reply, &str)> = vec![
        (
            "broken XML",
            xml(list(&[record(1, "<b>broken")], None)),
            "xml-malformed",
        ),
        (
            "an ISO-8859-1 declaration",
            xml(list(&[], None).replace("UTF-8", "ISO-8859-1")),
            "wrong-encoding",
        ),
        ("bytes that are not UTF-8", xml(latin1), "wrong-encoding"),
        ("a giant literal", xml(giant), "literal-too-long"),
        ("billion laughs", xml(LAUGHS), "entities-refused"),
        ("deeply nested elements", xml(deep), "too-deep"),
        (
            "an OAI error",
            xml(envelope(
                r#"<error code="cannotDisseminateFormat">oai_dc is gone</error>"#,
            )),
            "oai-error",
        ),
        (
            "a never-ending resumption token",
            xml(list(&[record(1, "Guide")], Some("again"))),
            "token-repeated",
        ),
        ("too many triples", xml(many), "too-many-triples"),
        (
            "not OAI-PMH",
            xml("<html><body>hello</body></html>"),
            "oai-invalid",
        ),
        (
            "an HTTP error",
            Reply {
                status: 500,
                content_type: "text/plain".into(),
                body: vec![],
            },
            "http-status",
        ),
    ];
    for (what, reply, code) in cases {
        p.answer(move |a| match verb(a) {
            "Identify" => xml(identify("2.0")),
            _ => reply.clone(),
        });
        let run = s.harvester.run(id).await.unwrap();
        assert_eq!(run.status, RunStatus::Failed, "{what}: {}", run.report);
        assert!(
            run.report.contains(&format!("\"code\":\"{code}\"")),
            "{what}: {}",
            run.report
        );
        assert!(s.graphs(id) == before, "{what} changed the previous graphs");
    }
    let run = store::harvest::last_run(&s.harvester.db, id)
        .await
        .unwrap()
        .unwrap();
    assert!(run.report.contains("HTTP 500"), "{}", run.report);

    // The OAI error's code and message reach the report.
    p.answer(|a| match verb(a) {
        "Identify" => xml(identify("2.0")),
        _ => xml(envelope(
            r#"<error code="badArgument">the set is unknown</error>"#,
        )),
    });
    let run = s.harvester.run(id).await.unwrap();
    assert!(
        run.report.contains("badArgument") && run.report.contains("the set is unknown"),
        "{}",
        run.report
    );
    // Another protocol version is refused before any list is asked.
    p.log.lock().unwrap().clear();
    p.answer(|a| match verb(a) {
        "Identify" => xml(identify("1.1")),
        _ => xml(list(&[], None)),
    });
    let run = s.harvester.run(id).await.unwrap();
    assert!(
        run.report.contains("\"code\":\"oai-version\""),
        "{}",
        run.report
    );
    assert_eq!(p.requests().len(), 1);
    assert!(s.graphs(id) == before);
}

/// Starts an instance loaded with the demo data, served on loopback; its
/// base address.
pub async fn demo_instance() -> (tempfile::TempDir, String) {
    let (dir, base, _) = demo_instance_with(|_| {}).await;
    (dir, base)
}

/// [`demo_instance`] with its settings changed by `change`, and its state.
pub async fn demo_instance_with(
    change: impl FnOnce(&mut Settings),
) -> (tempfile::TempDir, String, AppState) {
    let dir = tempfile::tempdir().unwrap();
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let base = format!("http://{}", listener.local_addr().unwrap());
    let mut settings = settings(dir.path());
    settings.public_url = base.clone();
    change(&mut settings);
    server::cli::demo::run(settings.clone()).await.unwrap();
    let db = server::cli::open_db(&settings).await.unwrap();
    let state = AppState::new(db, settings).unwrap();
    state.rdf.rebuild().await.unwrap();
    let app = server::http::app(state.clone());
    tokio::spawn(async move {
        axum::serve(
            listener,
            app.into_make_service_with_connect_info::<std::net::SocketAddr>(),
        )
        .await
        .unwrap();
    });
    (dir, base, state)
}

#[tokio::test(flavor = "multi_thread")]
async fn an_archipel_instance_is_harvested_over_oai_pmh() {
    let (_a, base) = demo_instance().await;
    let mut s = setup().await;
    s.harvester.settings.max_triples = 100_000;
    s.harvester.settings.max_bytes = 10_000_000;
    let id = s.add_url("oai-pmh", &format!("{base}/oai")).await;
    let run = s.harvester.run(id).await.unwrap();
    assert_eq!(run.status, RunStatus::Ok, "{}", run.report);
    let published = s.select(&format!(
        "SELECT (COUNT(DISTINCT ?r) AS ?n) WHERE {{ GRAPH <{}> {{ ?r <http://purl.org/dc/terms/identifier> ?oai }} }}",
        harvest::graph_name(s.settings.public_url(), id)
    ));
    let v: serde_json::Value = serde_json::from_str(&published).unwrap();
    let n: usize = v["results"]["bindings"][0]["n"]["value"]
        .as_str()
        .unwrap()
        .parse()
        .unwrap();
    assert!(n > 5, "the demo's published resources: {published}");
    // Their subjects are the instance's resource IRIs, each with a title,
    // found by SPARQL.
    let titled = s.select(&format!(
        "SELECT (COUNT(DISTINCT ?r) AS ?n) WHERE {{ GRAPH <{}> {{ ?r <http://purl.org/dc/elements/1.1/title> ?t }} \
         FILTER(STRSTARTS(STR(?r), \"{base}/\")) }}",
        harvest::graph_name(s.settings.public_url(), id)
    ));
    assert!(titled.contains(&format!("\"{n}\"")), "{titled}");
    // Nothing changed since: the next run is incremental and unchanged.
    let again = s.harvester.run(id).await.unwrap();
    assert_eq!(again.status, RunStatus::Unchanged, "{}", again.report);
}
