//! The open data of an instance loaded with `archipel demo`: the example
//! queries of the data page answer on it, the dumps hold the whole store
//! and are written again after a change, and the DCAT catalogue and VoID
//! description announce what a harvester finds.

use std::io::Read;

use axum::body::Body;
use axum::http::{Request, StatusCode, header};
use oxigraph::io::{RdfFormat, RdfParser};
use oxigraph::model::{NamedNodeRef, Quad, Term};
use server::cli;
use server::state::AppState;
use tower::ServiceExt;

use super::settings;

// The RDF dumps: what they hold and when they are written again.
#[path = "open_data/dumps.rs"]
mod dumps;

struct Demo {
    state: AppState,
    router: axum::Router,
    _dir: tempfile::TempDir,
}

async fn demo() -> Demo {
    let dir = tempfile::tempdir().unwrap();
    cli::demo::run(settings(dir.path())).await.unwrap();
    let db = cli::open_db(&settings(dir.path())).await.unwrap();
    let state = AppState::new(db, settings(dir.path())).unwrap();
    let library = cli::load_courses(&settings(dir.path())).unwrap();
    state.courses.replace(&library);
    state.rdf.rebuild().await.unwrap();
    let router = server::http::app(state.clone());
    Demo {
        state,
        router,
        _dir: dir,
    }
}

struct Answer {
    status: StatusCode,
    headers: axum::http::HeaderMap,
    bytes: Vec<u8>,
}

impl Answer {
    fn text(&self) -> String {
        String::from_utf8_lossy(&self.bytes).into_owned()
    }
}

async fn get(router: &axum::Router, uri: &str, headers: &[(&str, &str)]) -> Answer {
    let mut req = Request::get(uri);
    for (k, v) in headers {
        req = req.header(*k, *v);
    }
    let mut req = req.body(Body::empty()).unwrap();
    req.extensions_mut()
        .insert(axum::extract::ConnectInfo(std::net::SocketAddr::from((
            [127, 0, 0, 1],
            4242,
        ))));
    let res = router.clone().oneshot(req).await.unwrap();
    let status = res.status();
    let headers = res.headers().clone();
    let bytes = axum::body::to_bytes(res.into_body(), usize::MAX)
        .await
        .unwrap()
        .to_vec();
    Answer {
        status,
        headers,
        bytes,
    }
}

fn quads(format: RdfFormat, bytes: &[u8]) -> Vec<Quad> {
    RdfParser::from_format(format)
        .for_slice(bytes)
        .collect::<Result<Vec<_>, _>>()
        .unwrap_or_else(|e| panic!("{format:?} does not parse: {e}"))
}

fn gunzip(bytes: &[u8]) -> Vec<u8> {
    let mut out = Vec::new();
    flate2::read::GzDecoder::new(bytes)
        .read_to_end(&mut out)
        .expect("a gzip file");
    out
}

fn seed_uid(id: &str) -> String {
    store::library::import::uid_for(&format!("seed:{id}"))
}

#[tokio::test]
async fn every_example_query_answers_on_the_demo_data() {
    let demo = demo().await;
    for lang in ["fr", "hr"] {
        for example in linked_data::examples::EXAMPLES {
            let page = get(
                &demo.router,
                &format!("/{lang}/data?example={}", example.id),
                &[],
            )
            .await;
            let html = page.text();
            assert_eq!(page.status, StatusCode::OK, "{lang} {}: {html}", example.id);
            let answered = html.contains("<tbody><tr>")
                || html.contains("class=\"answer\"")
                || html.contains("class=\"code-block\"><code>@prefix");
            let results = html.split("id=\"results\"").nth(1).unwrap_or(&html);
            assert!(
                answered,
                "{lang} {}: the example gives nothing on the demo data: {}",
                example.id,
                &results[..results.len().min(1500)]
            );
            assert!(html.contains("href=\"/sparql?query="), "download links");
        }
    }

    // Lessons cite the library: the backups lesson points at Duplicati.
    let page = get(&demo.router, "/en/data?example=course-citations", &[]).await;
    assert!(
        page.text().contains(&seed_uid("duplicati")),
        "{}",
        page.text()
    );
    // ASK: yes, in words.
    let page = get(&demo.router, "/en/data?example=ask-croatian", &[]).await;
    assert!(page.text().contains("Yes: the query finds"));
}

#[tokio::test]
async fn the_data_page_explains_a_malformed_query_and_downloads_results() {
    let demo = demo().await;
    let page = get(
        &demo.router,
        "/en/data?query=SELECT%20%3Fs%20WHERE%20%7B%20%3Fs%20",
        &[],
    )
    .await;
    assert_eq!(page.status, StatusCode::BAD_REQUEST);
    let html = page.text();
    assert!(html.contains("role=\"alert\""), "{html}");
    assert!(html.contains("Malformed query"), "{html}");
    // The query stays in the editor, to be fixed.
    assert!(html.contains("SELECT ?s WHERE { ?s"), "{html}");

    // The page's download links answer with a file in the format named.
    // Partners, not the directory's providers (organisations too).
    let query = "PREFIX schema: <http://schema.org/> SELECT ?p ?name WHERE { ?p a schema:Organization ; schema:name ?name FILTER(CONTAINS(STR(?p), \"/partners/\")) } ORDER BY ?name";
    let encoded: String =
        serde_urlencoded::to_string([("query", query), ("format", "csv")]).unwrap();
    let csv = get(&demo.router, &format!("/sparql?{encoded}"), &[]).await;
    assert_eq!(csv.status, StatusCode::OK);
    assert!(
        csv.headers[header::CONTENT_TYPE]
            .to_str()
            .unwrap()
            .starts_with("text/csv")
    );
    assert_eq!(
        csv.headers[header::CONTENT_DISPOSITION],
        "attachment; filename=\"results.csv\""
    );
    let text = csv.text();
    assert!(text.starts_with("p,name"), "{text}");
    assert_eq!(text.lines().count(), 1 + 5, "five demo partners: {text}");

    // A format named as clients name it, interpreted by the query's form;
    // a name that fits nothing leaves the choice to Accept.
    let served = async |query: &str, format: &str, accept: Option<&str>| {
        let encoded = serde_urlencoded::to_string([("query", query), ("format", format)]).unwrap();
        let headers: Vec<(&str, &str)> = accept.map(|a| ("accept", a)).into_iter().collect();
        let answer = get(&demo.router, &format!("/sparql?{encoded}"), &headers).await;
        assert_eq!(answer.status, StatusCode::OK, "{format}: {}", answer.text());
        let media = answer.headers[header::CONTENT_TYPE].to_str().unwrap();
        media.split(';').next().unwrap().to_string()
    };
    let ask = "ASK {}";
    let construct = "CONSTRUCT WHERE { ?s a <http://schema.org/Organization> } LIMIT 3";
    let cases = [
        (ask, "json", None, "application/sparql-results+json"),
        (ask, "xml", None, "application/sparql-results+xml"),
        (
            ask,
            "application/sparql-results+xml",
            None,
            "application/sparql-results+xml",
        ),
        (
            ask,
            "tsv,text/tab-separated-values",
            None,
            "text/tab-separated-values",
        ),
        (ask, "pdf", Some("text/csv"), "text/csv"),
        (ask, "pdf", None, "application/sparql-results+json"),
        (
            ask,
            "turtle",
            Some("application/sparql-results+xml"),
            "application/sparql-results+xml",
        ),
        (construct, "json", None, "application/ld+json"),
        (construct, "json-ld", None, "application/ld+json"),
        (construct, "xml", None, "application/rdf+xml"),
        (
            construct,
            "rdf+xml",
            Some("text/turtle"),
            "application/rdf+xml",
        ),
        (construct, "turtle", None, "text/turtle"),
        (construct, "n3", None, "text/turtle"),
        (construct, "text/n3", None, "text/turtle"),
        (construct, "n-triples", None, "application/n-triples"),
        (
            construct,
            "csv",
            Some("application/n-triples"),
            "application/n-triples",
        ),
        (construct, "pdf", None, "text/turtle"),
    ];
    for (query, format, accept, expected) in cases {
        assert_eq!(
            served(query, format, accept).await,
            expected,
            "{query} {format} {accept:?}"
        );
    }
}

#[tokio::test]
async fn the_catalogue_and_void_describe_the_dataset_and_its_distributions() {
    let demo = demo().await;
    let summary = demo
        .state
        .rdf
        .dumps()
        .write(demo.state.rdf.store().as_ref())
        .unwrap();
    let base = demo.state.rdf.uris().base().to_string();

    let void = get(
        &demo.router,
        "/.well-known/void",
        &[("accept", "text/turtle")],
    )
    .await;
    assert_eq!(void.status, StatusCode::OK, "{}", void.text());
    let graph = quads(RdfFormat::Turtle, &void.bytes);
    let dataset = format!("{base}/data/dataset");
    let objects = |predicate: &str| -> Vec<Term> {
        graph
            .iter()
            .filter(|q| {
                q.subject.to_string() == format!("<{dataset}>")
                    && q.predicate == NamedNodeRef::new_unchecked(predicate)
            })
            .map(|q| q.object.clone())
            .collect()
    };
    let void_ns = "http://rdfs.org/ns/void#";
    let triples = objects(&format!("{void_ns}triples"));
    assert_eq!(
        triples
            .first()
            .map(|t| match t {
                Term::Literal(l) => l.value().to_string(),
                _ => String::new(),
            })
            .as_deref(),
        Some(summary.quads.to_string().as_str())
    );
    assert_eq!(
        objects(&format!("{void_ns}sparqlEndpoint")),
        [Term::NamedNode(oxigraph::model::NamedNode::new_unchecked(
            format!("{base}/sparql")
        ))]
    );
    // Every announced dump can be downloaded.
    let dumps = objects(&format!("{void_ns}dataDump"));
    assert_eq!(dumps.len(), 2);
    for d in dumps {
        let Term::NamedNode(url) = d else {
            panic!("a dump is an IRI")
        };
        let path = url.as_str().strip_prefix(&base).unwrap();
        assert_eq!(get(&demo.router, path, &[]).await.status, StatusCode::OK);
    }
    let distributions = objects("http://www.w3.org/ns/dcat#distribution");
    assert_eq!(distributions.len(), 3, "two dumps and the SPARQL endpoint");

    // The catalogue in JSON-LD, and a person sent to the data page.
    let catalogue = get(
        &demo.router,
        "/data/catalogue",
        &[("accept", "application/ld+json")],
    )
    .await;
    assert_eq!(catalogue.status, StatusCode::OK);
    let parsed = quads(
        RdfFormat::JsonLd {
            profile: oxigraph::io::JsonLdProfileSet::empty(),
        },
        &catalogue.bytes,
    );
    assert!(
        parsed
            .iter()
            .any(|q| q.object.to_string() == "<http://www.w3.org/ns/dcat#Catalog>")
    );
    let page = get(
        &demo.router,
        "/.well-known/void",
        &[("accept", "text/html")],
    )
    .await;
    assert_eq!(page.status, StatusCode::SEE_OTHER);
    assert_eq!(page.headers[header::LOCATION], "/fr/data");

    // The data page shows the dumps with their sizes.
    let html = get(&demo.router, "/en/data", &[]).await.text();
    assert!(html.contains("/data/dumps/archipel.nq.gz"), "{html}");
    assert!(html.contains("quads"), "{html}");
}

#[tokio::test]
async fn a_rebuild_keeps_harvested_graphs_and_drops_stale_ones() {
    let demo = demo().await;
    let store = demo.state.rdf.store().clone();
    let base = demo.state.rdf.uris().base().to_string();
    let triple = |s: &str| {
        let mut g = linked_data::Graph::new();
        g.insert(&oxigraph::model::Triple::new(
            oxigraph::model::NamedNode::new_unchecked(s),
            oxigraph::model::NamedNode::new_unchecked("http://schema.org/name"),
            oxigraph::model::Literal::new_simple_literal("kept?"),
        ));
        g
    };
    let harvested = format!("{base}/harvest/sources/1");
    let stale = format!("{base}/library/resources/gone");
    store
        .replace(&harvested, &triple("https://partner.example.org/r/1"))
        .unwrap();
    store.replace(&stale, &triple(&stale)).unwrap();
    demo.state.rdf.rebuild().await.unwrap();
    assert_eq!(
        store.graph(&harvested).unwrap().len(),
        1,
        "harvested data stays"
    );
    assert!(
        store.graph(&stale).unwrap().is_empty(),
        "what SQL no longer has goes"
    );
    let scheme = demo.state.rdf.uris().scheme();
    assert!(
        !store.graph(&scheme).unwrap().is_empty(),
        "the projection is back"
    );

    // The dumps publish this instance's own data, not what it harvested.
    let summary = demo.state.rdf.dumps().write(store.as_ref()).unwrap();
    assert_eq!(summary.quads as usize, store.len().unwrap() - 1);
    let nq = std::fs::read(demo.state.rdf.dumps().path("archipel.nq.gz").unwrap()).unwrap();
    let text = String::from_utf8(gunzip(&nq)).unwrap();
    assert!(!text.contains("partner.example.org"), "no harvested quad");
    assert!(text.contains(&scheme));
}

/// pyshacl's verdict on `data` (Turtle) against the LRMI shape: whether it
/// conforms, and its report.
fn lrmi_report(python: &str, data: &std::path::Path) -> (bool, String) {
    let shapes = super::process::repo().join("linked-data/shapes/lrmi.ttl");
    let out = std::process::Command::new(python)
        .args(["-m", "pyshacl", "-s"])
        .arg(shapes)
        .args(["-sf", "turtle", "-df", "turtle"])
        .arg(data)
        .output()
        .unwrap();
    let report =
        String::from_utf8_lossy(&out.stdout).into_owned() + &String::from_utf8_lossy(&out.stderr);
    (
        out.status.success() && report.contains("Conforms: True"),
        report,
    )
}

#[tokio::test]
async fn the_dump_is_valid_lrmi() {
    let Some(python) = super::process::test_python("the LRMI shape test") else {
        return;
    };
    let demo = demo().await;
    let store = demo.state.rdf.store().clone();
    demo.state.rdf.dumps().write(store.as_ref()).unwrap();
    let ttl = get(&demo.router, "/data/dumps/archipel.ttl.gz", &[]).await;
    let dir = tempfile::tempdir().unwrap();
    let dump = dir.path().join("archipel.ttl");
    std::fs::write(&dump, gunzip(&ttl.bytes)).unwrap();
    let (conforms, report) = lrmi_report(&python, &dump);
    assert!(conforms, "{report}");

    // Every level a resource cites is a level of the library or its own
    // concept; the seed's levels are all the library's.
    let union = quads(RdfFormat::Turtle, &gunzip(&ttl.bytes));
    let levels: Vec<String> = union
        .iter()
        .filter(|q| q.predicate.as_str() == "http://schema.org/educationalLevel")
        .map(|q| q.object.to_string())
        .collect();
    assert!(levels.len() >= 60, "{levels:?}");
    let base = demo.state.rdf.uris().levels();
    assert!(
        levels.iter().all(|l| l.starts_with(&format!("<{base}/"))),
        "{levels:?}"
    );
    let years = union
        .iter()
        .filter(|q| q.predicate.as_str() == "http://schema.org/dateCreated")
        .filter(
            |q| matches!(&q.object, Term::Literal(l) if l.datatype().as_str().ends_with("#gYear")),
        )
        .count();
    assert!(years > 0, "years are xsd:gYear");

    // The shape is not a formality: what the dump used to say fails it.
    let before = dir.path().join("before.ttl");
    std::fs::write(
        &before,
        "@prefix schema: <http://schema.org/> .\n\
         <https://x.example/r> a schema:LearningResource ; schema:name \"R\"@en ;\n\
           schema:educationalLevel \"Débutant\" ; schema:dateCreated \"2011\" .\n",
    )
    .unwrap();
    let (conforms, report) = lrmi_report(&python, &before);
    assert!(!conforms, "{report}");
    assert!(
        report.contains("educationalLevel is a concept IRI"),
        "{report}"
    );
    assert!(
        report.contains("dateCreated is a typed ISO 8601 date"),
        "{report}"
    );
}
