//! The W3C SPARQL 1.1 Protocol test suite against `/sparql`: the manifest of
//! the conformance folder (`../shared/conformance/sparql11-protocol/`) is
//! read as RDF, and every test in it is run, request after request, through
//! the real router with the fixture graphs it names in the RDF store.
//!
//! The endpoint is read-only, so the `update_*` tests cannot pass as
//! written: for them each update request must be refused with a 4xx, the
//! queries that follow must find that nothing was done (the opposite of the
//! boolean the suite expects after the update), and the store must hold the
//! same quads afterwards. Every other test (`query_*`, `bad_*`, including
//! `bad_update_*`) applies as written.

use std::path::{Path, PathBuf};

use axum::body::Body;
use axum::http::{Request, header};
use oxigraph::io::{RdfFormat, RdfParser};
use oxigraph::model::{Graph, NamedNodeRef, NamedOrBlankNodeRef, Term, Triple};
use oxigraph::sparql::results::{
    QueryResultsFormat, QueryResultsParser, SliceQueryResultsParserOutput,
};

use crate::support::{Reply, TestApp};

/// Tests the endpoint still fails because of a known bug in it; each one is
/// asserted to fail, so that fixing the bug forces this list to be updated.
/// (Empty: relative IRIs, as in `query_content_type_construct`, resolve
/// against the endpoint's URL.)
const KNOWN_GAPS: &[&str] = &[];

/// Where the manifest is published: relative IRIs in it (`<>`,
/// `<data1.nt>`) resolve against this.
const BASE: &str = "http://www.w3.org/2009/sparql/docs/tests/data-sparql11/protocol/manifest.ttl";

const RDF: &str = "http://www.w3.org/1999/02/22-rdf-syntax-ns#";
const RDFS: &str = "http://www.w3.org/2000/01/rdf-schema#";
const MF: &str = "http://www.w3.org/2001/sw/DataAccess/tests/test-manifest#";
const HT: &str = "http://www.w3.org/2011/http#";
const HTS: &str = "http://www.w3.org/2011/http-statusCodes#";
const CNT: &str = "http://www.w3.org/2011/content#";
const UT: &str = "http://www.w3.org/2009/sparql/tests/test-update#";

/// Media types of SPARQL results with a boolean (ASK), of tables (SELECT)
/// and of graphs (CONSTRUCT, DESCRIBE), as the protocol names them.
const BOOLEAN_TYPES: &[&str] = &[
    "application/sparql-results+json",
    "application/sparql-results+xml",
];
const TABULAR_TYPES: &[&str] = &[
    "application/sparql-results+json",
    "application/sparql-results+xml",
    "text/csv",
    "text/tab-separated-values",
];
const RDF_TYPES: &[&str] = &[
    "text/turtle",
    "application/rdf+xml",
    "application/n-triples",
    "application/ld+json",
];

fn suite() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../shared/conformance/sparql11-protocol")
}

/// One `ht:Request` of a test with the `ht:Response` it expects.
#[derive(Debug)]
struct HttpRequest {
    method: String,
    /// The manifest's `ht:absolutePath` with `/sparql/` made `/sparql`.
    path: String,
    headers: Vec<(String, String)>,
    body: Option<Vec<u8>>,
    /// Accepted status classes (2 for `hts:StatusCode2xx`, …).
    status: Vec<u16>,
    /// `"boolean"`, `"tabular"` or `"RDF"`.
    format: Option<String>,
    boolean: Option<bool>,
}

impl HttpRequest {
    fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(k, _)| k.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.as_str())
    }

    /// Whether it asks for an update (by media type or by parameter).
    fn is_update(&self) -> bool {
        let media = self.header("content-type").map(essence);
        let params = |text: &str| -> Vec<(String, String)> {
            serde_urlencoded::from_str(text).unwrap_or_default()
        };
        let query = self.path.split_once('?').map_or("", |(_, q)| q);
        let mut pairs = params(query);
        if media.as_deref() == Some("application/x-www-form-urlencoded") {
            pairs.extend(params(&String::from_utf8_lossy(
                self.body.as_deref().unwrap_or_default(),
            )));
        }
        media.as_deref() == Some("application/sparql-update")
            || pairs.iter().any(|(k, _)| k == "update")
    }

    /// The request as a reader of the failure would want to replay it.
    fn describe(&self) -> String {
        let mut text = format!("{} {}", self.method, self.path);
        for (k, v) in &self.headers {
            text.push_str(&format!(" [{k}: {v}]"));
        }
        if let Some(body) = &self.body {
            text.push_str(&format!(" body {:?}", String::from_utf8_lossy(body)));
        }
        text
    }

    fn to_http(&self, authority: &str) -> Request<Body> {
        let mut req = Request::builder()
            .method(self.method.as_str())
            .uri(&self.path)
            .header(header::HOST, authority);
        for (k, v) in &self.headers {
            req = req.header(k.as_str(), v.as_str());
        }
        req.body(Body::from(self.body.clone().unwrap_or_default()))
            .unwrap()
    }
}

/// One `mf:ProtocolTest`.
#[derive(Debug)]
struct ProtocolTest {
    /// Its local name in the manifest, such as `query_post_form`.
    id: String,
    name: String,
    /// Named graphs to load: (graph IRI, file of the suite).
    graphs: Vec<(String, PathBuf)>,
    authority: String,
    requests: Vec<HttpRequest>,
}

/// The manifest graph with the few reading helpers it needs.
struct Manifest {
    graph: Graph,
}

fn iri(namespace: &str, local: &str) -> String {
    format!("{namespace}{local}")
}

fn node(term: &Term) -> NamedOrBlankNodeRef<'_> {
    match term {
        Term::NamedNode(n) => n.as_ref().into(),
        Term::BlankNode(b) => b.as_ref().into(),
        other => panic!("the manifest has a literal where a node is expected: {other}"),
    }
}

/// The media type without parameters, lower case.
fn essence(value: &str) -> String {
    value
        .split(';')
        .next()
        .unwrap_or_default()
        .trim()
        .to_ascii_lowercase()
}

impl Manifest {
    fn load() -> Self {
        let path = suite().join("manifest.ttl");
        let text = std::fs::read(&path)
            .unwrap_or_else(|e| panic!("the W3C manifest is expected at {}: {e}", path.display()));
        let parser = RdfParser::from_format(RdfFormat::Turtle)
            .with_base_iri(BASE)
            .unwrap();
        let mut graph = Graph::new();
        for quad in parser.for_slice(&text) {
            let quad = quad.unwrap_or_else(|e| panic!("the manifest parses: {e}"));
            graph.insert(&Triple::from(quad));
        }
        Manifest { graph }
    }

    fn objects(&self, subject: &Term, predicate: &str) -> Vec<Term> {
        let p = NamedNodeRef::new(predicate).unwrap();
        self.graph
            .objects_for_subject_predicate(node(subject), p)
            .map(|t| t.into_owned())
            .collect()
    }

    fn one(&self, subject: &Term, predicate: &str) -> Option<Term> {
        self.objects(subject, predicate).into_iter().next()
    }

    fn text(&self, subject: &Term, predicate: &str) -> Option<String> {
        match self.one(subject, predicate)? {
            Term::Literal(l) => Some(l.value().to_string()),
            other => panic!("{predicate} of {subject} is not a literal: {other}"),
        }
    }

    /// The members of an RDF list, in order.
    fn list(&self, head: &Term) -> Vec<Term> {
        let mut items = Vec::new();
        let nil = iri(RDF, "nil");
        let mut at = head.clone();
        while !matches!(&at, Term::NamedNode(n) if n.as_str() == nil) {
            items.push(self.one(&at, &iri(RDF, "first")).expect("a list item"));
            at = self
                .one(&at, &iri(RDF, "rest"))
                .expect("the rest of a list");
        }
        items
    }

    /// The tests of `mf:entries`, in order.
    fn tests(&self) -> Vec<ProtocolTest> {
        let manifest = Term::NamedNode(oxigraph::model::NamedNode::new(BASE).unwrap());
        let entries = self
            .one(&manifest, &iri(MF, "entries"))
            .expect("the manifest lists its entries");
        self.list(&entries)
            .iter()
            .map(|entry| self.test(entry))
            .collect()
    }

    /// How many subjects are typed `mf:ProtocolTest`.
    fn typed_tests(&self) -> usize {
        let (a, class) = (iri(RDF, "type"), iri(MF, "ProtocolTest"));
        let class = NamedNodeRef::new(&class).unwrap();
        self.graph
            .subjects_for_predicate_object(NamedNodeRef::new(&a).unwrap(), class)
            .count()
    }

    fn test(&self, entry: &Term) -> ProtocolTest {
        let id = match entry {
            Term::NamedNode(n) => n.as_str().rsplit('#').next().unwrap().to_string(),
            other => panic!("an entry that is not an IRI: {other}"),
        };
        let graphs = self
            .objects(entry, &iri(UT, "graphData"))
            .iter()
            .map(|data| {
                let file = self.one(data, &iri(UT, "graph")).expect("ut:graph");
                let Term::NamedNode(file) = file else {
                    panic!("{id}: ut:graph is not an IRI");
                };
                let name = self.text(data, &iri(RDFS, "label")).expect("the graph IRI");
                let local = file.as_str().rsplit('/').next().unwrap();
                (name, suite().join(local))
            })
            .collect();
        let action = self.one(entry, &iri(MF, "action")).expect("mf:action");
        let requests = self
            .one(&action, &iri(HT, "requests"))
            .expect("ht:requests");
        ProtocolTest {
            name: self.text(entry, &iri(MF, "name")).unwrap_or_default(),
            graphs,
            authority: self
                .text(&action, &iri(HT, "connectionAuthority"))
                .unwrap_or_else(|| "localhost".into()),
            requests: self
                .list(&requests)
                .iter()
                .map(|r| self.request(&id, r))
                .collect(),
            id,
        }
    }

    fn request(&self, id: &str, req: &Term) -> HttpRequest {
        let path = self
            .text(req, &iri(HT, "absolutePath"))
            .expect("ht:absolutePath");
        let path = match path.strip_prefix("/sparql/") {
            Some(rest) => format!("/sparql{rest}"),
            None => panic!("{id}: a path outside /sparql/: {path}"),
        };
        let headers = match self.one(req, &iri(HT, "headers")) {
            Some(list) => self
                .list(&list)
                .iter()
                .map(|h| {
                    (
                        self.text(h, &iri(HT, "fieldName")).expect("ht:fieldName"),
                        self.text(h, &iri(HT, "fieldValue")).expect("ht:fieldValue"),
                    )
                })
                .collect(),
            None => Vec::new(),
        };
        let body = self.one(req, &iri(HT, "body")).map(|body| {
            let chars = self.text(&body, &iri(CNT, "chars")).expect("cnt:chars");
            let encoding = self
                .text(&body, &iri(CNT, "characterEncoding"))
                .unwrap_or_else(|| "UTF-8".into());
            encode(&chars, &encoding)
        });
        let resp = self.one(req, &iri(HT, "resp")).expect("ht:resp");
        let status = self
            .objects(&resp, &iri(MF, "expectedStatus"))
            .iter()
            .map(|s| {
                let class = match s {
                    Term::NamedNode(n) => n
                        .as_str()
                        .strip_prefix(&iri(HTS, "StatusCode"))
                        .and_then(|c| c.strip_suffix("xx"))
                        .and_then(|c| c.parse().ok()),
                    _ => None,
                };
                class.unwrap_or_else(|| panic!("{id}: unknown status {s}"))
            })
            .collect::<std::collections::BTreeSet<u16>>()
            .into_iter()
            .collect();
        let boolean = self
            .one(&resp, &iri(MF, "expectedBoolean"))
            .map(|b| match b {
                Term::Literal(l) => l.value() == "true",
                other => panic!("{id}: a boolean that is not a literal: {other}"),
            });
        HttpRequest {
            method: self
                .text(req, &iri(HT, "methodName"))
                .expect("ht:methodName"),
            path,
            headers,
            body,
            status,
            format: self.text(&resp, &iri(MF, "expectedFormat")),
            boolean,
        }
    }
}

/// The bytes of `cnt:chars` in its `cnt:characterEncoding`. "UTF-16" is
/// written as RFC 2781 says text so labelled is: a byte order mark, then
/// big-endian code units.
fn encode(chars: &str, encoding: &str) -> Vec<u8> {
    match encoding.to_ascii_uppercase().as_str() {
        "UTF-8" => chars.as_bytes().to_vec(),
        "UTF-16" => {
            let mut bytes = vec![0xFE, 0xFF];
            for unit in chars.encode_utf16() {
                bytes.extend_from_slice(&unit.to_be_bytes());
            }
            bytes
        }
        other => panic!("an encoding the runner does not know: {other}"),
    }
}

fn load_graph(file: &Path) -> Graph {
    let bytes = std::fs::read(file).unwrap_or_else(|e| panic!("{}: {e}", file.display()));
    let mut graph = Graph::new();
    for quad in RdfParser::from_format(RdfFormat::NTriples).for_slice(&bytes) {
        graph.insert(&Triple::from(quad.unwrap()));
    }
    graph
}

/// What is wrong with `reply` for a request expecting `status`, `format` and
/// `boolean` (`None` when it is right).
fn mismatch(
    reply: &Reply,
    status: &[u16],
    format: Option<&str>,
    boolean: Option<bool>,
) -> Option<String> {
    let code = reply.status.as_u16();
    let classes: Vec<String> = status.iter().map(|c| format!("{c}xx")).collect();
    let answered = || format!("answered {code}: {:?}", clip(&reply.body));
    if !status.contains(&(code / 100)) {
        return Some(format!("expected {}, {}", classes.join(" or "), answered()));
    }
    if code / 100 != 2 {
        return None;
    }
    let media = reply
        .headers
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .unwrap_or_default();
    let kind = essence(media);
    let format = format.or(boolean.map(|_| "boolean"))?;
    let allowed = match format {
        "boolean" => BOOLEAN_TYPES,
        "tabular" => TABULAR_TYPES,
        "RDF" => RDF_TYPES,
        other => return Some(format!("the manifest expects an unknown format {other:?}")),
    };
    if !allowed.contains(&kind.as_str()) {
        return Some(format!(
            "expected {format} results ({}), got Content-Type {media:?}",
            allowed.join(", ")
        ));
    }
    if format == "RDF" {
        let rdf = RdfFormat::from_media_type(media).expect("an RDF media type");
        return RdfParser::from_format(rdf)
            .for_slice(&reply.bytes)
            .find_map(Result::err)
            .map(|e| format!("the {media} body does not parse: {e}"));
    }
    if kind == "text/csv" {
        // CSV results cannot be read back faithfully; a header line is all.
        return reply
            .body
            .lines()
            .next()
            .is_none_or(str::is_empty)
            .then(|| "the CSV results have no header line".to_string());
    }
    let results = QueryResultsFormat::from_media_type(media).expect("a results media type");
    match QueryResultsParser::from_format(results).for_slice(&reply.bytes) {
        Err(e) => Some(format!("the {media} results do not parse: {e}")),
        Ok(SliceQueryResultsParserOutput::Boolean(value)) => match (format, boolean) {
            ("tabular", _) => Some(format!("expected a table, got the boolean {value}")),
            (_, Some(wanted)) if wanted != value => {
                Some(format!("expected the boolean {wanted}, got {value}"))
            }
            _ => None,
        },
        Ok(SliceQueryResultsParserOutput::Solutions(mut rows)) => {
            if format == "boolean" {
                return Some("expected a boolean, got a table of solutions".into());
            }
            rows.find_map(Result::err)
                .map(|e| format!("a solution does not parse: {e}"))
        }
    }
}

fn clip(text: &str) -> String {
    text.chars().take(300).collect()
}

/// Runs one test; gives what went wrong (empty when it passed).
async fn run(app: &mut TestApp, test: &ProtocolTest) -> Vec<String> {
    for (name, file) in &test.graphs {
        app.rdf.store().replace(name, &load_graph(file)).unwrap();
    }
    let read_only = test.id.starts_with("update_");
    let store = app.rdf.store().clone();
    let before = store.len().unwrap();
    let mut problems = Vec::new();
    for (i, req) in test.requests.iter().enumerate() {
        let reply = app.send(req.to_http(&test.authority)).await;
        let problem = if !read_only {
            mismatch(&reply, &req.status, req.format.as_deref(), req.boolean)
        } else if req.is_update() {
            mismatch(&reply, &[4], None, None).map(|p| format!("an update must be refused: {p}"))
        } else {
            // The query that looks for the update's effect must not find it.
            mismatch(&reply, &[2], req.format.as_deref(), req.boolean.map(|b| !b))
                .map(|p| format!("after a refused update: {p}"))
        };
        if let Some(p) = problem {
            problems.push(format!("request {} {}: {p}", i + 1, req.describe()));
        }
    }
    if read_only {
        let after = store.len().unwrap();
        if after != before {
            problems.push(format!(
                "the store held {before} quads and holds {after} after refused updates"
            ));
        }
    }
    problems
}

#[tokio::test]
async fn the_w3c_sparql_protocol_tests_pass() {
    let manifest = Manifest::load();
    let tests = manifest.tests();
    assert_eq!(
        tests.len(),
        manifest.typed_tests(),
        "every mf:ProtocolTest of the manifest is one of its entries"
    );
    for gap in KNOWN_GAPS {
        assert!(
            tests.iter().any(|t| t.id == *gap),
            "KNOWN_GAPS names {gap}, which the manifest does not have"
        );
    }

    let mut app = TestApp::new().await;
    // The application's own graphs (the fixture course, the scheme), so
    // that an update that cleared anything would show.
    app.rdf.rebuild().await.unwrap();
    assert!(app.rdf.store().len().unwrap() > 0);

    let mut ran = 0;
    let mut failures = Vec::new();
    let mut fixed = Vec::new();
    for test in &tests {
        let problems = run(&mut app, test).await;
        ran += 1;
        let known = KNOWN_GAPS.contains(&test.id.as_str());
        let verdict = match (problems.is_empty(), known) {
            (true, false) => "pass",
            (true, true) => "PASS (listed in KNOWN_GAPS)",
            (false, true) => "known gap",
            (false, false) => "FAIL",
        };
        println!("{verdict}: {} ({})", test.id, test.name);
        for p in &problems {
            println!("    {p}");
        }
        if known && problems.is_empty() {
            fixed.push(test.id.clone());
        } else if !known && !problems.is_empty() {
            failures.push(format!(
                "{} ({}):\n    {}",
                test.id,
                test.name,
                problems.join("\n    ")
            ));
        }
    }
    assert_eq!(ran, tests.len(), "every test of the manifest ran");
    assert_eq!(ran, 34, "the W3C manifest has 34 tests");
    assert!(
        failures.is_empty(),
        "{} W3C protocol test(s) fail:\n{}",
        failures.len(),
        failures.join("\n")
    );
    assert!(
        fixed.is_empty(),
        "these tests pass now; remove them from KNOWN_GAPS: {}",
        fixed.join(", ")
    );
}
