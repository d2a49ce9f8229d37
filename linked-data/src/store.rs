//! The RDF store: a projection of SQL and the content folder, one named
//! graph per entity (named by the entity's URI), so that an entity is
//! replaced or removed whole. Queries see the union of all graphs as their
//! default graph unless they name graphs.
//!
//! [`RdfStore`] is what the server uses. [`Embedded`] keeps the store in a
//! folder of the data directory with Oxigraph (RocksDB): nothing to run
//! beside the server. [`crate::remote::Remote`] talks to any SPARQL 1.1
//! Query + Update endpoint instead, for instances that outgrow one process.
//! Both answer queries through the same negotiation and bounds
//! ([`write_results`]), so a client cannot tell them apart.

use std::path::Path;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc;
use std::time::{Duration, Instant};

use oxigraph::io::{RdfFormat, RdfSerializer};
use oxigraph::model::{Graph, GraphName, GraphNameRef, NamedNode, NamedOrBlankNode, Quad, Triple};
use oxigraph::sparql::results::{QueryResultsFormat, QueryResultsSerializer};
use oxigraph::sparql::{CancellationToken, QueryEvaluationError, QueryResults, SparqlEvaluator};
use oxigraph::store::Store;

use crate::format::{self, Format, Representation};
use crate::memory::{self, Meter};
use crate::plan;

#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error("RDF store: {0}")]
    Storage(#[from] oxigraph::store::StorageError),
    #[error("RDF store: {0}")]
    Io(#[from] std::io::Error),
    #[error("not an IRI: {0}")]
    Iri(String),
    /// A remote SPARQL endpoint could not be reached or refused a request
    /// (the message names the endpoint without its credentials).
    #[error("remote RDF store: {0}")]
    Remote(String),
}

/// Why a query got no results.
#[derive(Debug, thiserror::Error)]
pub enum QueryError {
    /// The text is not SPARQL 1.1 (the parser's message).
    #[error("{0}")]
    Syntax(String),
    #[error("the query took longer than {0:?} and was stopped")]
    Timeout(Duration),
    #[error("the query gives more than {0} results; add a LIMIT")]
    TooManyResults(usize),
    /// Refused before it ran: a product of two parts that share no variable
    /// and can each match the whole store (see [`plan::plan`]); the names
    /// each part binds.
    #[error(
        "unbounded-product: the query joins {{ {0} }} and {{ {1} }}, which share no variable \
         and can each match the whole store, so their product is too large to evaluate; \
         connect them with a shared variable, or bound one of them (a VALUES block, a \
         constant subject, or a sub-select with a LIMIT)"
    )]
    UnboundedProduct(String, String),
    /// Stopped when it held more than its memory budget, in MB.
    #[error(
        "memory-exceeded: the query needed more than {0} MB of memory and was stopped; \
         ask for less (a LIMIT inside a sub-select, fewer joined patterns, no ORDER BY or \
         DISTINCT over a large result)"
    )]
    TooMuchMemory(usize),
    /// None of the formats asked for fits this kind of query.
    #[error("none of the formats accepted fits this query; offered: {0}")]
    NotAcceptable(String),
    #[error("{0}")]
    Evaluation(String),
}

/// A SPARQL query as the protocol carries it.
#[derive(Debug, Clone, Default)]
pub struct QueryRequest {
    pub query: String,
    /// `default-graph-uri`: when given, the default graph is their merge
    /// instead of the union of every graph.
    pub default_graphs: Vec<String>,
    /// `named-graph-uri`: when given, the only graphs `GRAPH` sees.
    pub named_graphs: Vec<String>,
    /// The request's `Accept` header.
    pub accept: Option<String>,
    /// What relative IRIs in the query resolve against (the protocol says
    /// the endpoint's own URL).
    pub base_iri: Option<String>,
}

/// Bounds on one query.
#[derive(Debug, Clone, Copy)]
pub struct Limits {
    pub timeout: Duration,
    /// Solutions (or triples) at most.
    pub max_results: usize,
}

/// Results written out in full, ready to send.
#[derive(Debug, Clone)]
pub struct Answer {
    pub media_type: &'static str,
    pub body: Vec<u8>,
}

/// What the server needs from an RDF store.
pub trait RdfStore: Send + Sync {
    /// Makes `graph` the content of the named graph `name`, in one step.
    fn replace(&self, name: &str, graph: &Graph) -> Result<(), StoreError>;
    /// Removes the named graph `name` and its triples.
    fn remove(&self, name: &str) -> Result<(), StoreError>;
    /// Removes everything (before a rebuild).
    fn clear(&self) -> Result<(), StoreError>;
    /// The triples of the named graph `name` (empty when there is none).
    fn graph(&self, name: &str) -> Result<Graph, StoreError>;
    /// What is said about `uri` in any graph, with the nodes that belong to
    /// it (`uri#…`): what its address answers in RDF.
    fn describe(&self, uri: &str) -> Result<Graph, StoreError>;
    /// How many quads the store holds.
    fn len(&self) -> Result<usize, StoreError>;
    fn is_empty(&self) -> Result<bool, StoreError> {
        Ok(self.len()? == 0)
    }
    /// Runs a query within `limits`, writing the results in the best
    /// format the request accepts. Blocking: call it off the async runtime.
    fn query(&self, request: &QueryRequest, limits: Limits) -> Result<Answer, QueryError>;
    /// Writes every quad as N-Quads, or the union as Turtle.
    fn dump(&self, format: DumpFormat, out: &mut dyn std::io::Write) -> Result<(), StoreError> {
        self.dump_except(format, None, out)
    }
    /// The same, leaving out the graphs whose name starts with `skip` (what
    /// an instance harvested from others is not its own to publish again).
    fn dump_except(
        &self,
        format: DumpFormat,
        skip: Option<&str>,
        out: &mut dyn std::io::Write,
    ) -> Result<(), StoreError>;
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DumpFormat {
    NQuads,
    Turtle,
}

/// Oxigraph in a folder (or in memory for tests).
pub struct Embedded {
    store: Store,
    /// What one query may hold, in bytes (see [`Embedded::with_query_memory`]).
    query_memory: Option<usize>,
}

/// A query that held more than this is followed by giving the freed memory
/// back to the system.
const GIVE_BACK_ABOVE: usize = 16 << 20;

/// How often the watcher of a query with a memory budget looks at it.
const WATCH_EVERY: Duration = Duration::from_millis(10);

impl Embedded {
    pub fn open(dir: &Path) -> Result<Self, StoreError> {
        std::fs::create_dir_all(dir)?;
        Ok(Embedded {
            store: Store::open(dir)?,
            query_memory: None,
        })
    }

    pub fn in_memory() -> Result<Self, StoreError> {
        Ok(Embedded {
            store: Store::new()?,
            query_memory: None,
        })
    }

    /// Stops any query that holds more than `bytes` of memory (its
    /// intermediate results: join sides, sorts, DISTINCT, groups) with
    /// [`QueryError::TooMuchMemory`]. Counted only when the process
    /// allocates through [`memory::MeteredAllocator`].
    pub fn with_query_memory(mut self, bytes: usize) -> Self {
        self.query_memory = Some(bytes);
        self
    }

    /// Loads RDF into the default graph (tests and fixtures).
    pub fn load(
        &self,
        format: RdfFormat,
        data: &[u8],
        graph: Option<&str>,
    ) -> Result<(), StoreError> {
        let target = match graph {
            Some(g) => GraphName::NamedNode(named(g)?),
            None => GraphName::DefaultGraph,
        };
        let parser = oxigraph::io::RdfParser::from_format(format).with_default_graph(target);
        self.store
            .load_from_slice(parser, data)
            .map_err(|e| StoreError::Io(std::io::Error::other(e.to_string())))
    }
}

pub(crate) fn named(iri: &str) -> Result<NamedNode, StoreError> {
    NamedNode::new(iri).map_err(|_| StoreError::Iri(iri.to_string()))
}

/// Graph IRIs given with a query (`default-graph-uri`, `named-graph-uri`).
pub(crate) fn graph_names<T>(
    iris: &[String],
    wrap: fn(NamedNode) -> T,
) -> Result<Vec<T>, QueryError> {
    iris.iter()
        .map(|g| named(g).map(wrap))
        .collect::<Result<Vec<_>, _>>()
        .map_err(|e| QueryError::Syntax(e.to_string()))
}

impl RdfStore for Embedded {
    fn replace(&self, name: &str, graph: &Graph) -> Result<(), StoreError> {
        let name = named(name)?;
        let mut tx = self.store.start_transaction()?;
        tx.remove_named_graph(&name)?;
        tx.insert_named_graph(&name);
        for t in graph.iter() {
            tx.insert(t.in_graph(GraphNameRef::NamedNode(name.as_ref())));
        }
        tx.commit()?;
        Ok(())
    }

    fn remove(&self, name: &str) -> Result<(), StoreError> {
        self.store.remove_named_graph(&named(name)?)?;
        Ok(())
    }

    fn clear(&self) -> Result<(), StoreError> {
        self.store.clear()?;
        Ok(())
    }

    fn graph(&self, name: &str) -> Result<Graph, StoreError> {
        let name = named(name)?;
        let mut graph = Graph::new();
        for quad in self.store.quads_for_pattern(
            None,
            None,
            None,
            Some(GraphNameRef::NamedNode(name.as_ref())),
        ) {
            graph.insert(&Triple::from(quad?));
        }
        Ok(graph)
    }

    fn describe(&self, uri: &str) -> Result<Graph, StoreError> {
        let mut graph = Graph::new();
        let mut todo = vec![named(uri)?];
        // Each node once, however many triples point at it.
        let mut seen: std::collections::HashSet<NamedNode> = todo.iter().cloned().collect();
        let own = format!("{uri}#");
        while let Some(subject) = todo.pop() {
            for quad in
                self.store
                    .quads_for_pattern(Some(subject.as_ref().into()), None, None, None)
            {
                let quad: Quad = quad?;
                if let oxigraph::model::Term::NamedNode(o) = &quad.object
                    && o.as_str().starts_with(&own)
                    && seen.insert(o.clone())
                {
                    todo.push(o.clone());
                }
                graph.insert(&Triple::from(quad));
            }
        }
        Ok(graph)
    }

    fn len(&self) -> Result<usize, StoreError> {
        Ok(self.store.len()?)
    }

    fn query(&self, request: &QueryRequest, limits: Limits) -> Result<Answer, QueryError> {
        let token = CancellationToken::new();
        let mut parser = spargebra::SparqlParser::new();
        if let Some(base) = &request.base_iri {
            parser = parser
                .with_base_iri(base.as_str())
                .map_err(|e| QueryError::Syntax(format!("the base IRI {base}: {e}")))?;
        }
        let query = parser
            .parse_query(&request.query)
            .map_err(|e| QueryError::Syntax(e.to_string()))?;
        let plan = plan::plan(&query).map_err(refused)?;
        let mut evaluator = SparqlEvaluator::new().with_cancellation_token(token.clone());
        if plan == plan::Plan::Plain {
            // See `plan`: a product of unrelated patterns is evaluated in the
            // order written, so that the timeout stops it.
            evaluator = evaluator.without_optimizations();
        }
        let mut prepared = evaluator.for_query(query);
        let dataset = prepared.dataset_mut();
        if request.default_graphs.is_empty() {
            // A query's own FROM / FROM NAMED is its dataset; without any,
            // the default graph is every entity's graph together.
            if dataset.is_default_dataset() {
                dataset.set_default_graph_as_union();
            }
        } else {
            dataset.set_default_graph(graph_names(&request.default_graphs, GraphName::NamedNode)?);
        }
        if !request.named_graphs.is_empty() {
            dataset.set_available_named_graphs(graph_names(
                &request.named_graphs,
                NamedOrBlankNode::NamedNode,
            )?);
        }
        let meter = Meter::new();
        let budget = self.query_memory.map(|bytes| (meter.clone(), bytes));
        let watch = Watch::start(limits.timeout, budget, token);
        let answer = {
            let _counting = meter.count_here();
            prepared
                .on_store(&self.store)
                .execute()
                .map_err(stopped(limits))
                .and_then(|results| write_results(results, request.accept.as_deref(), limits))
        };
        // The evaluation's intermediate results are freed by now; glibc would
        // keep their pages.
        if meter.peak() > GIVE_BACK_ABOVE {
            memory::give_back();
        }
        match (answer, self.query_memory) {
            (Err(QueryError::Timeout(_)), Some(bytes)) if watch.over_budget() => {
                Err(QueryError::TooMuchMemory(bytes >> 20))
            }
            (answer, _) => answer,
        }
    }

    fn dump_except(
        &self,
        format: DumpFormat,
        skip: Option<&str>,
        out: &mut dyn std::io::Write,
    ) -> Result<(), StoreError> {
        write_dump(
            format,
            skip,
            self.store.iter().map(|q| q.map_err(StoreError::from)),
            out,
        )
    }
}

/// Writes quads as they come, never holding the whole store in memory:
/// N-Quads as they are, or their triples as Turtle with the usual prefixes
/// (the union: a triple said in two graphs is written twice, which readers
/// take as one).
pub(crate) fn write_dump(
    format: DumpFormat,
    skip: Option<&str>,
    quads: impl Iterator<Item = Result<Quad, StoreError>>,
    out: &mut dyn std::io::Write,
) -> Result<(), StoreError> {
    let kept = |q: &Result<Quad, StoreError>| match (q, skip) {
        (Ok(q), Some(prefix)) => match &q.graph_name {
            GraphName::NamedNode(g) => !g.as_str().starts_with(prefix),
            _ => true,
        },
        _ => true,
    };
    let quads = quads.filter(kept);
    match format {
        DumpFormat::NQuads => {
            let mut writer = RdfSerializer::from_format(RdfFormat::NQuads).for_writer(out);
            for quad in quads {
                writer.serialize_quad(&quad?)?;
            }
            writer.finish()?;
        }
        DumpFormat::Turtle => {
            let mut writer = format::turtle_serializer().for_writer(out);
            for quad in quads {
                writer.serialize_triple(&Triple::from(quad?))?;
            }
            writer.finish()?;
        }
    }
    Ok(())
}

/// Cancels a query when its time is up, or when its meter passes its
/// budget; dropped when the query ends first.
struct Watch {
    _done: mpsc::Sender<()>,
    over_budget: Arc<AtomicBool>,
}

impl Watch {
    fn start(timeout: Duration, budget: Option<(Meter, usize)>, token: CancellationToken) -> Self {
        let (done, finished) = mpsc::channel::<()>();
        let over_budget = Arc::new(AtomicBool::new(false));
        let over = over_budget.clone();
        let deadline = Instant::now() + timeout;
        std::thread::spawn(move || {
            loop {
                let left = deadline.saturating_duration_since(Instant::now());
                if left.is_zero() {
                    token.cancel();
                    return;
                }
                let wait = if budget.is_some() {
                    left.min(WATCH_EVERY)
                } else {
                    left
                };
                if finished.recv_timeout(wait) != Err(mpsc::RecvTimeoutError::Timeout) {
                    return;
                }
                if let Some((meter, bytes)) = &budget
                    && meter.live() > *bytes
                {
                    over.store(true, Ordering::SeqCst);
                    token.cancel();
                    return;
                }
            }
        });
        Watch {
            _done: done,
            over_budget,
        }
    }

    fn over_budget(&self) -> bool {
        self.over_budget.load(Ordering::SeqCst)
    }
}

/// The error of a query refused at planning.
pub(crate) fn refused(e: plan::UnboundedProduct) -> QueryError {
    let [a, b] = e.parts;
    QueryError::UnboundedProduct(a, b)
}

/// Result formats for SELECT and ASK, the first the default.
const RESULT_FORMATS: [(&str, QueryResultsFormat); 6] = [
    ("application/sparql-results+json", QueryResultsFormat::Json),
    ("application/json", QueryResultsFormat::Json),
    ("application/sparql-results+xml", QueryResultsFormat::Xml),
    ("application/xml", QueryResultsFormat::Xml),
    ("text/csv", QueryResultsFormat::Csv),
    ("text/tab-separated-values", QueryResultsFormat::Tsv),
];

/// The results format an `Accept` header asks for; JSON when it names none.
pub(crate) fn results_format(accept: Option<&str>) -> Result<QueryResultsFormat, QueryError> {
    let Some(accept) = accept.map(str::trim).filter(|a| !a.is_empty()) else {
        return Ok(QueryResultsFormat::Json);
    };
    format::best(accept, &RESULT_FORMATS).ok_or_else(|| {
        let offered: Vec<&str> = RESULT_FORMATS.iter().map(|(m, _)| *m).collect();
        QueryError::NotAcceptable(offered.join(", "))
    })
}

/// What an evaluation error means to the caller: a cancelled evaluation is
/// the timeout (the embedded deadline cancels; a remote store reports its
/// HTTP time-out the same way), anything else a failed evaluation.
pub(crate) fn stopped(limits: Limits) -> impl Fn(QueryEvaluationError) -> QueryError {
    move |e| match e {
        QueryEvaluationError::Cancelled => QueryError::Timeout(limits.timeout),
        other => QueryError::Evaluation(other.to_string()),
    }
}

/// Writes `results` in the format `accept` prefers, in full (so that a
/// failure is an error, never a truncated answer), refusing more than
/// `limits.max_results` solutions or triples. Shared by every store, so
/// the negotiation and the bound are the same whichever answers.
pub(crate) fn write_results(
    results: QueryResults<'_>,
    accept: Option<&str>,
    limits: Limits,
) -> Result<Answer, QueryError> {
    let stopped = stopped(limits);
    let io = |e: std::io::Error| QueryError::Evaluation(e.to_string());
    match results {
        QueryResults::Boolean(value) => {
            let format = results_format(accept)?;
            let body = QueryResultsSerializer::from_format(format)
                .serialize_boolean_to_writer(Vec::new(), value)
                .map_err(io)?;
            Ok(Answer {
                media_type: format.media_type(),
                body,
            })
        }
        QueryResults::Solutions(solutions) => {
            let format = results_format(accept)?;
            let variables = solutions.variables().to_vec();
            let mut writer = QueryResultsSerializer::from_format(format)
                .serialize_solutions_to_writer(Vec::new(), variables)
                .map_err(io)?;
            for (n, solution) in solutions.enumerate() {
                if n >= limits.max_results {
                    return Err(QueryError::TooManyResults(limits.max_results));
                }
                writer.serialize(&solution.map_err(&stopped)?).map_err(io)?;
            }
            Ok(Answer {
                media_type: format.media_type(),
                body: writer.finish().map_err(io)?,
            })
        }
        QueryResults::Graph(triples) => {
            let format = match format::negotiate(accept) {
                Some(Representation::Rdf(f)) => f,
                // A browser asking for a page, or anything: Turtle.
                Some(Representation::Html) => Format::Turtle,
                None => {
                    let offered: Vec<&str> = Format::ALL.iter().map(|f| f.media_type()).collect();
                    return Err(QueryError::NotAcceptable(offered.join(", ")));
                }
            };
            let mut graph = Graph::new();
            for (n, triple) in triples.enumerate() {
                if n >= limits.max_results {
                    return Err(QueryError::TooManyResults(limits.max_results));
                }
                graph.insert(&triple.map_err(&stopped)?);
            }
            let body = format::serialize(&graph, format).map_err(io)?;
            Ok(Answer {
                media_type: format.media_type(),
                body,
            })
        }
    }
}
