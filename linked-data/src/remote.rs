//! The RDF store on a SPARQL 1.1 server: the scale path, for an instance
//! whose graphs outgrow one process or that shares one triple store between
//! several app nodes. Any endpoint that speaks the SPARQL 1.1 Protocol for
//! queries and updates will do (standalone Oxigraph, Fuseki, QLever…); the
//! Graph Store Protocol is not needed.
//!
//! **The remote default graph must be the union of all graphs.** The
//! embedded store answers a query without `default-graph-uri` over the union
//! of every named graph (each entity is its own graph, and a query about
//! resources must see them all). A remote server decides that itself, so it
//! must be configured to present the union as its default graph: standalone
//! Oxigraph with `oxigraph serve --union-default-graph`, Fuseki with
//! `tdb:unionDefaultGraph true`. Without it, queries find nothing. The store's
//! own reads ([`RdfStore::graph`], [`RdfStore::describe`], [`RdfStore::len`],
//! [`RdfStore::dump`]) name graphs explicitly and do not depend on it.
//!
//! Credentials may be written in the URLs (`https://user:password@host/…`,
//! sent as HTTP Basic authentication); they never appear in an error message.

use std::collections::HashSet;
use std::fmt;
use std::fmt::Write as _;
use std::io::Read;
use std::time::Duration;

use oxigraph::io::{RdfFormat, RdfParseError, RdfParser};
use oxigraph::model::{Graph, GraphName, NamedNode, NamedOrBlankNode, Quad, Term, Triple};
use oxigraph::sparql::results::{
    QueryResultsFormat, QueryResultsParseError, QueryResultsParser, ReaderQueryResultsParserOutput,
};
use oxigraph::sparql::{
    QueryEvaluationError, QueryResults, QuerySolution, QuerySolutionIter, QueryTripleIter,
};
use ureq::http::Response;
use ureq::{Body, BodyReader};

use crate::store::{
    Answer, DumpFormat, Limits, QueryError, QueryRequest, RdfStore, StoreError, graph_names, named,
    write_results,
};

/// Where the remote store is and how long its operations may take.
#[derive(Clone)]
pub struct RemoteConfig {
    /// The SPARQL 1.1 query endpoint (`http://host:7878/query` for Oxigraph).
    pub query_url: String,
    /// The SPARQL 1.1 update endpoint (`http://host:7878/update` for Oxigraph).
    pub update_url: String,
    /// How long one store operation (replace, remove, describe, len…) may
    /// take. A dump may take longer as long as data keeps coming: this is
    /// then the longest wait between two reads. Queries of
    /// [`RdfStore::query`] have their own [`Limits::timeout`].
    pub timeout: Duration,
}

impl fmt::Debug for RemoteConfig {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("RemoteConfig")
            .field("query_url", &without_userinfo(&self.query_url))
            .field("update_url", &without_userinfo(&self.update_url))
            .field("timeout", &self.timeout)
            .finish()
    }
}

/// An [`RdfStore`] behind SPARQL 1.1 query and update URLs. Blocking, like
/// the trait: every call is one or a few HTTP requests.
pub struct Remote {
    agent: ureq::Agent,
    query: Endpoint,
    update: Endpoint,
    timeout: Duration,
}

impl fmt::Debug for Remote {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Remote")
            .field("query", &self.query.shown)
            .field("update", &self.update.shown)
            .finish()
    }
}

/// What a SELECT or CONSTRUCT is asked to answer in: formats oxigraph reads
/// back without loss (never CSV, which drops datatypes).
const ACCEPT: &str = "application/sparql-results+json, application/n-triples;q=0.9, \
                      application/sparql-results+xml;q=0.8, text/turtle;q=0.8";

/// Longest error message kept from an endpoint's answer.
const MESSAGE_BYTES: u64 = 4096;

/// Every quad: those of named graphs, and those of the real default graph,
/// which a union default graph also shows, so they are told apart by not
/// being in any named graph. Works whether or not the server presents the
/// union as its default graph.
const EVERY_QUAD: &str = "{ GRAPH ?g { ?s ?p ?o } } \
                          UNION { ?s ?p ?o FILTER NOT EXISTS { GRAPH ?h { ?s ?p ?o } } }";

impl Remote {
    pub fn new(config: RemoteConfig) -> Result<Self, StoreError> {
        let query = Endpoint::new(&config.query_url)?;
        let update = Endpoint::new(&config.update_url)?;
        let agent = ureq::Agent::config_builder()
            // Error statuses are answers too: their body says what is wrong.
            .http_status_as_error(false)
            // A redirected POST would be replayed as a GET without its
            // query; the configured URL should be the final one.
            .max_redirects(0)
            .timeout_connect(Some(config.timeout))
            .user_agent(concat!("archipel/", env!("CARGO_PKG_VERSION")))
            .build()
            .new_agent();
        Ok(Remote {
            agent,
            query,
            update,
            timeout: config.timeout,
        })
    }

    /// Runs an update; any answer but a success is an error.
    fn run_update(&self, update: &str) -> Result<(), StoreError> {
        let sent = self
            .agent
            .post(&self.update.url)
            .config()
            .timeout_global(Some(self.timeout))
            .build()
            .content_type("application/sparql-update")
            .send(update);
        self.update
            .check(sent)
            .map(drop)
            .map_err(|f| f.store_error(&self.update, self.timeout))
    }

    /// Sends a query (form-encoded, so that its length does not matter)
    /// within `budget`, and reads the answer as it arrives.
    fn run_query(
        &self,
        form: &[(&str, &str)],
        budget: Budget,
    ) -> Result<QueryResults<'static>, Failure> {
        let request = self.agent.post(&self.query.url).config();
        let request = match budget {
            Budget::Whole(d) => request.timeout_global(Some(d)),
            Budget::PerRead(d) => request
                .timeout_recv_response(Some(d))
                .timeout_per_read(Some(d)),
        };
        let sent = request
            .build()
            .header("Accept", ACCEPT)
            .send_form(form.iter().copied());
        read_results(self.query.check(sent)?)
    }

    /// A query of the store's own, within the store's time-out.
    fn own_query(&self, query: &str) -> Result<QueryResults<'static>, StoreError> {
        self.run_query(&[("query", query)], Budget::Whole(self.timeout))
            .map_err(|f| f.store_error(&self.query, self.timeout))
    }

    fn construct(&self, query: &str) -> Result<Vec<Triple>, StoreError> {
        match self.own_query(query)? {
            QueryResults::Graph(triples) => {
                triples.map(|t| t.map_err(|e| self.read_error(e))).collect()
            }
            _ => Err(self.unexpected("triples")),
        }
    }

    fn read_error(&self, e: QueryEvaluationError) -> StoreError {
        match e {
            QueryEvaluationError::Cancelled => Failure::TimedOut,
            other => Failure::Other(other.to_string()),
        }
        .store_error(&self.query, self.timeout)
    }

    fn unexpected(&self, wanted: &str) -> StoreError {
        StoreError::Remote(format!(
            "{} did not answer with {wanted} as asked",
            self.query.shown
        ))
    }
}

impl RdfStore for Remote {
    /// One update request, so that the server applies it as one step:
    /// readers see the old graph or the new one, never a mix. Terms are
    /// written in N-Triples syntax (oxigraph's `Display`), which SPARQL reads
    /// as written, escapes included. Graphs are not split into several
    /// requests: an entity's graph is at most a few thousand triples, and
    /// splitting would give up the single step.
    fn replace(&self, name: &str, graph: &Graph) -> Result<(), StoreError> {
        let name = named(name)?;
        let mut update = format!("DROP SILENT GRAPH {name} ;\n");
        if !graph.is_empty() {
            let _ = writeln!(update, "INSERT DATA {{ GRAPH {name} {{");
            for triple in graph.iter() {
                let _ = writeln!(update, "{triple} .");
            }
            update.push_str("} }\n");
        }
        self.run_update(&update)
    }

    fn remove(&self, name: &str) -> Result<(), StoreError> {
        self.run_update(&format!("DROP SILENT GRAPH {}", named(name)?))
    }

    fn clear(&self) -> Result<(), StoreError> {
        self.run_update("DROP SILENT ALL")
    }

    fn graph(&self, name: &str) -> Result<Graph, StoreError> {
        let query = format!(
            "CONSTRUCT {{ ?s ?p ?o }} WHERE {{ GRAPH {} {{ ?s ?p ?o }} }}",
            named(name)?
        );
        Ok(self.construct(&query)?.into_iter().collect())
    }

    /// As [`crate::Embedded`] does: the triples about `uri` in any graph,
    /// then those about each `uri#…` node they point at, one request per
    /// level of nesting.
    fn describe(&self, uri: &str) -> Result<Graph, StoreError> {
        let root = named(uri)?;
        let own = format!("{uri}#");
        let mut graph = Graph::new();
        let mut seen: HashSet<NamedNode> = HashSet::from([root.clone()]);
        let mut todo = vec![root];
        while !todo.is_empty() {
            let mut subjects = String::new();
            for node in todo.drain(..) {
                let _ = write!(subjects, "{node} ");
            }
            let query = format!(
                "CONSTRUCT {{ ?s ?p ?o }} WHERE {{ VALUES ?s {{ {subjects}}} \
                 {{ ?s ?p ?o }} UNION {{ GRAPH ?g {{ ?s ?p ?o }} }} }}"
            );
            for triple in self.construct(&query)? {
                if let Term::NamedNode(o) = &triple.object
                    && o.as_str().starts_with(&own)
                    && seen.insert(o.clone())
                {
                    todo.push(o.clone());
                }
                graph.insert(&triple);
            }
        }
        Ok(graph)
    }

    fn len(&self) -> Result<usize, StoreError> {
        let query = format!("SELECT (COUNT(*) AS ?n) WHERE {{ {EVERY_QUAD} }}");
        let QueryResults::Solutions(mut solutions) = self.own_query(&query)? else {
            return Err(self.unexpected("solutions"));
        };
        let first = solutions.next().ok_or_else(|| self.unexpected("a count"))?;
        match first.map_err(|e| self.read_error(e))?.get("n") {
            Some(Term::Literal(n)) => n.value().parse().map_err(|_| self.unexpected("a count")),
            _ => Err(self.unexpected("a count")),
        }
    }

    fn query(&self, request: &QueryRequest, limits: Limits) -> Result<Answer, QueryError> {
        // Refused here as the embedded store refuses them.
        graph_names(&request.default_graphs, |_| ())?;
        graph_names(&request.named_graphs, |_| ())?;
        // The server would resolve relative IRIs against its own address:
        // a BASE on the query's first line keeps them ours (and the
        // server's line numbers in messages right).
        let text = match &request.base_iri {
            Some(base) => {
                // Checked, so that it cannot close the IRI and add SPARQL.
                let iri = NamedNode::new(base.as_str())
                    .map_err(|e| QueryError::Syntax(format!("the base IRI {base}: {e}")))?;
                format!("BASE {iri} {}", request.query)
            }
            None => request.query.clone(),
        };
        // A product the embedded store refuses is refused here too, before it
        // costs the server anything; a query this parser does not read is
        // left to the server.
        if let Ok(query) = spargebra::SparqlParser::new().parse_query(&text) {
            crate::plan::plan(&query).map_err(crate::store::refused)?;
        }
        let mut form = vec![("query", text.as_str())];
        for g in &request.default_graphs {
            form.push(("default-graph-uri", g.as_str()));
        }
        for g in &request.named_graphs {
            form.push(("named-graph-uri", g.as_str()));
        }
        let results = self
            .run_query(&form, Budget::Whole(limits.timeout))
            .map_err(|f| f.query_error(&self.query, limits))?;
        write_results(results, request.accept.as_deref(), limits)
    }

    /// Streams the quads as they arrive; a dump may take as long as it
    /// needs, as long as the server keeps sending.
    fn dump_except(
        &self,
        format: DumpFormat,
        skip: Option<&str>,
        out: &mut dyn std::io::Write,
    ) -> Result<(), StoreError> {
        let query = format!("SELECT ?s ?p ?o ?g WHERE {{ {EVERY_QUAD} }}");
        let results = self
            .run_query(&[("query", &query)], Budget::PerRead(self.timeout))
            .map_err(|f| f.store_error(&self.query, self.timeout))?;
        let QueryResults::Solutions(solutions) = results else {
            return Err(self.unexpected("solutions"));
        };
        let quads = solutions.map(|s| {
            let s = s.map_err(|e| self.read_error(e))?;
            quad(&s).ok_or_else(|| self.unexpected("RDF terms"))
        });
        crate::store::write_dump(format, skip, quads, out)
    }
}

/// A quad from a solution of `SELECT ?s ?p ?o ?g` (`?g` unbound in the
/// default graph); `None` when the terms cannot make one.
fn quad(solution: &QuerySolution) -> Option<Quad> {
    let subject = NamedOrBlankNode::try_from(solution.get("s")?.clone()).ok()?;
    let predicate = NamedNode::try_from(solution.get("p")?.clone()).ok()?;
    let object = solution.get("o")?.clone();
    let graph = match solution.get("g") {
        Some(g) => NamedOrBlankNode::try_from(g.clone()).ok()?.into(),
        None => GraphName::DefaultGraph,
    };
    Some(Quad::new(subject, predicate, object, graph))
}

/// How long a query may take: all of it, or between two reads (a dump).
#[derive(Clone, Copy)]
enum Budget {
    Whole(Duration),
    PerRead(Duration),
}

/// Why a request got no usable answer.
enum Failure {
    TimedOut,
    /// An error status, with the server's message.
    Status(u16, String),
    /// The endpoint could not be reached, or answered something unreadable.
    Other(String),
}

impl Failure {
    fn store_error(self, endpoint: &Endpoint, timeout: Duration) -> StoreError {
        StoreError::Remote(match self {
            Failure::TimedOut => format!("{} did not answer within {timeout:?}", endpoint.shown),
            Failure::Status(code, message) => {
                format!("{} answered {code}: {message}", endpoint.shown)
            }
            Failure::Other(message) => message,
        })
    }

    /// The server's 400 is its parser's verdict: a syntax error, as the
    /// embedded store would give. Other failures are evaluation errors.
    fn query_error(self, endpoint: &Endpoint, limits: Limits) -> QueryError {
        match self {
            Failure::TimedOut => QueryError::Timeout(limits.timeout),
            Failure::Status(400, message) => QueryError::Syntax(message),
            Failure::Status(code, message) => QueryError::Evaluation(format!(
                "the SPARQL endpoint {} answered {code}: {message}",
                endpoint.shown
            )),
            Failure::Other(message) => QueryError::Evaluation(message),
        }
    }
}

/// A configured URL and how it may be shown.
struct Endpoint {
    url: String,
    /// The URL without its credentials, for messages.
    shown: String,
    /// The credentials as written in the URL (`user:password`, and the
    /// password alone), wiped from any message.
    secrets: Vec<String>,
}

impl Endpoint {
    fn new(url: &str) -> Result<Self, StoreError> {
        let shown = without_userinfo(url);
        let uri: ureq::http::Uri = url
            .parse()
            .map_err(|_| StoreError::Remote(format!("not a URL: {shown:?}")))?;
        if !matches!(uri.scheme_str(), Some("http" | "https")) || uri.host().is_none() {
            return Err(StoreError::Remote(format!(
                "not an http:// or https:// URL: {shown:?}"
            )));
        }
        let mut secrets = Vec::new();
        if let Some((userinfo, _)) = uri.authority().and_then(|a| a.as_str().rsplit_once('@')) {
            secrets.push(userinfo.to_string());
            if let Some((_, password)) = userinfo.split_once(':')
                && !password.is_empty()
            {
                secrets.push(password.to_string());
            }
        }
        Ok(Endpoint {
            url: url.to_string(),
            shown,
            secrets,
        })
    }

    /// A message safe to show: no URL with credentials in it.
    fn scrub(&self, message: String) -> String {
        let mut message = message.replace(&self.url, &self.shown);
        for secret in &self.secrets {
            message = message.replace(secret.as_str(), "***");
        }
        message
    }

    /// The answer when it is a success; the failure otherwise.
    fn check(&self, sent: Result<Response<Body>, ureq::Error>) -> Result<Response<Body>, Failure> {
        let response = match sent {
            Ok(r) => r,
            Err(e) if timed_out(&e) => return Err(Failure::TimedOut),
            Err(e) => {
                return Err(Failure::Other(
                    self.scrub(format!("cannot reach {}: {e}", self.shown)),
                ));
            }
        };
        let status = response.status();
        if status.is_success() {
            return Ok(response);
        }
        if status.is_redirection() {
            let to = response
                .headers()
                .get("location")
                .and_then(|l| l.to_str().ok())
                .map(without_userinfo)
                .unwrap_or_default();
            return Err(Failure::Other(format!(
                "{} redirects to {to:?}: configure the final URL",
                self.shown
            )));
        }
        let mut text = Vec::new();
        // An unreadable message still leaves the status to report.
        let _ = response
            .into_body()
            .into_reader()
            .take(MESSAGE_BYTES)
            .read_to_end(&mut text);
        let message = String::from_utf8_lossy(&text).trim().to_string();
        Err(Failure::Status(status.as_u16(), self.scrub(message)))
    }
}

/// `url` without `user:password@`.
fn without_userinfo(url: &str) -> String {
    let Some((scheme, rest)) = url.split_once("://") else {
        return url.to_string();
    };
    let authority_end = rest.find(['/', '?', '#']).unwrap_or(rest.len());
    match rest[..authority_end].rfind('@') {
        Some(at) => format!("{scheme}://{}", &rest[at + 1..]),
        None => url.to_string(),
    }
}

fn timed_out(e: &ureq::Error) -> bool {
    match e {
        ureq::Error::Timeout(_) => true,
        ureq::Error::Io(io) => io_timed_out(io),
        _ => false,
    }
}

/// Whether reading an answer stopped on the time-out (ureq reports it
/// inside an I/O error while the body is read).
fn io_timed_out(e: &std::io::Error) -> bool {
    e.kind() == std::io::ErrorKind::TimedOut
        || e.get_ref()
            .and_then(|inner| inner.downcast_ref::<ureq::Error>())
            .is_some_and(timed_out)
}

/// Solutions, a boolean or triples, read from the answer as it arrives, in
/// the format the server chose among those asked for.
fn read_results(response: Response<Body>) -> Result<QueryResults<'static>, Failure> {
    let media = response
        .body()
        .mime_type()
        .unwrap_or_default()
        .to_ascii_lowercase();
    let results_format = match media.as_str() {
        "application/sparql-results+json" => Some(QueryResultsFormat::Json),
        "application/sparql-results+xml" => Some(QueryResultsFormat::Xml),
        "text/tab-separated-values" => Some(QueryResultsFormat::Tsv),
        _ => None,
    };
    let reader: BodyReader<'static> = response.into_body().into_reader();
    if let Some(format) = results_format {
        return match QueryResultsParser::from_format(format).for_reader(reader) {
            Ok(ReaderQueryResultsParserOutput::Boolean(b)) => Ok(QueryResults::Boolean(b)),
            Ok(ReaderQueryResultsParserOutput::Solutions(parser)) => {
                let variables = parser.variables().to_vec().into();
                let solutions = parser.map(|s| s.map_err(results_error));
                Ok(QueryResults::Solutions(QuerySolutionIter::new(
                    variables, solutions,
                )))
            }
            Err(e) => Err(match results_error(e) {
                QueryEvaluationError::Cancelled => Failure::TimedOut,
                other => Failure::Other(other.to_string()),
            }),
        };
    }
    match RdfFormat::from_media_type(&media) {
        Some(format) => {
            let triples = RdfParser::from_format(format)
                .for_reader(reader)
                .map(|q| q.map(Triple::from).map_err(rdf_error));
            Ok(QueryResults::Graph(QueryTripleIter::new(triples)))
        }
        None => Err(Failure::Other(format!(
            "the SPARQL endpoint answered in {media:?}, which is neither SPARQL results nor RDF"
        ))),
    }
}

/// A broken answer as an evaluation error; its time-out as a cancellation,
/// which the shared error mapping of `store` turns into
/// [`QueryError::Timeout`].
fn results_error(e: QueryResultsParseError) -> QueryEvaluationError {
    match e {
        QueryResultsParseError::Io(io) => io_error(io),
        QueryResultsParseError::Syntax(e) => QueryEvaluationError::Dataset(
            format!("unreadable answer from the endpoint: {e}").into(),
        ),
    }
}

fn rdf_error(e: RdfParseError) -> QueryEvaluationError {
    match e {
        RdfParseError::Io(io) => io_error(io),
        RdfParseError::Syntax(e) => QueryEvaluationError::Dataset(
            format!("unreadable answer from the endpoint: {e}").into(),
        ),
    }
}

fn io_error(e: std::io::Error) -> QueryEvaluationError {
    if io_timed_out(&e) {
        QueryEvaluationError::Cancelled
    } else {
        QueryEvaluationError::Dataset(format!("the endpoint's answer broke off: {e}").into())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn credentials_are_never_shown() {
        assert_eq!(
            without_userinfo("https://ann:s3cret@db.example.org:8443/q?x=1"),
            "https://db.example.org:8443/q?x=1"
        );
        assert_eq!(
            without_userinfo("http://127.0.0.1:7878/query"),
            "http://127.0.0.1:7878/query"
        );
        let e = Endpoint::new("https://ann:s3cret@db.example.org/query").unwrap();
        let message = e.scrub("failed on https://ann:s3cret@db.example.org/query (s3cret)".into());
        assert!(!message.contains("s3cret"), "{message}");
        let config = RemoteConfig {
            query_url: "https://ann:s3cret@db.example.org/query".into(),
            update_url: "https://ann:s3cret@db.example.org/update".into(),
            timeout: Duration::from_secs(1),
        };
        assert!(!format!("{config:?}").contains("s3cret"));
        match Remote::new(RemoteConfig {
            query_url: "ftp://ann:s3cret@db.example.org/query".into(),
            ..config
        }) {
            Err(StoreError::Remote(m)) => assert!(!m.contains("s3cret") && m.contains("ftp://")),
            other => panic!("an ftp URL is refused: {other:?}"),
        }
    }
}
