//! Linked data over HTTP: every entity URI (a page address without the
//! language prefix) answers with its page or its RDF by content negotiation,
//! or in the format its suffix names (`.ttl`, `.jsonld`, `.rdf`, `.nt`); and
//! the read-only SPARQL 1.1 Protocol endpoint at `/sparql`.

use axum::Router;
use axum::body::Bytes;
use axum::extract::{RawQuery, State};
use axum::http::{HeaderMap, HeaderValue, StatusCode, Uri, header};
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::get;
use linked_data::{Answer, Format, QueryError, QueryRequest, Representation};
use tower::ServiceExt;

use crate::state::AppState;

/// Splits a format suffix off a path (`/partners/x.ttl` → `/partners/x`,
/// Turtle).
fn suffix(path: &str) -> (&str, Option<Format>) {
    match path.rsplit_once('.') {
        Some((stem, ext)) if !ext.contains('/') => match Format::from_extension(ext) {
            Some(format) => (stem, Some(format)),
            None => (path, None),
        },
        _ => (path, None),
    }
}

/// Where a person is sent for an entity URI path: the same path, but a
/// topic's page is the library filtered by it, and the catalogue's is the
/// open data page.
fn page_of(path: &str) -> String {
    if is_catalogue(path) {
        return "/data".into();
    }
    if let Some(id) = path.strip_prefix("/library/topics/") {
        return format!("/library?topic={id}");
    }
    // The level scheme has no page of its own: the library it sorts.
    if path == "/library/levels" || path.starts_with("/library/levels/") {
        return "/library".into();
    }
    path.to_string()
}

/// The addresses that answer with the DCAT catalogue and VoID description,
/// made from the dumps' summary rather than kept in the store.
fn is_catalogue(path: &str) -> bool {
    matches!(
        path,
        "/data/catalogue" | "/data/dataset" | "/.well-known/void"
    )
}

fn headers_accept(headers: &HeaderMap) -> Option<&str> {
    headers.get(header::ACCEPT).and_then(|v| v.to_str().ok())
}

/// Answers an entity URI (the routes below): the page (a redirect to it in
/// the reader's language), or its RDF in the format asked for by suffix or
/// by `Accept`.
async fn entity(State(state): State<AppState>, uri: Uri, headers: HeaderMap) -> Response {
    let (path, fixed) = suffix(uri.path());
    let representation = match fixed {
        Some(format) => Some(Representation::Rdf(format)),
        None => linked_data::negotiate(headers_accept(&headers)),
    };
    let vary = |mut res: Response| {
        if fixed.is_none() {
            res.headers_mut()
                .insert(header::VARY, HeaderValue::from_static("Accept"));
        }
        res
    };
    let uri = format!("{}{path}", state.rdf.uris().base());
    match representation {
        None => vary(not_acceptable(&uri)),
        Some(Representation::Html) => {
            let lang = super::reader::reader_lang(&state, &headers);
            vary(Redirect::to(&format!("/{}{}", lang.code(), page_of(path))).into_response())
        }
        Some(Representation::Rdf(format)) => {
            let store = state.rdf.store().clone();
            let catalogue = is_catalogue(path).then(|| catalogue(&state));
            let described = tokio::task::spawn_blocking(move || match catalogue {
                Some(graph) => Ok(graph),
                None => store.describe(&uri),
            })
            .await
            .map_err(anyhow::Error::from)
            .and_then(|r| r.map_err(anyhow::Error::from));
            let graph = match described {
                Ok(graph) => graph,
                Err(e) => {
                    return crate::error::AppError::Internal(e)
                        .problem()
                        .into_response();
                }
            };
            if graph.is_empty() {
                return vary(crate::error::AppError::NotFound.problem().into_response());
            }
            match linked_data::format::serialize(&graph, format) {
                Ok(body) => {
                    vary(([(header::CONTENT_TYPE, rdf_media_type(format))], body).into_response())
                }
                Err(e) => crate::error::AppError::Internal(e.into())
                    .problem()
                    .into_response(),
            }
        }
    }
}

/// The catalogue and VoID description as of the last dumps.
fn catalogue(state: &AppState) -> linked_data::Graph {
    let uris = state.rdf.uris();
    let facts = state.rdf.dumps().summary().unwrap_or_default().facts(uris);
    let mut graph = linked_data::Graph::new();
    linked_data::catalogue::catalogue(&mut graph, uris, &facts);
    graph
}

/// A dump file, as written last (`Last-Modified`, ranges and conditional
/// requests by tower-http, so harvesters download only what changed).
async fn dump(
    State(state): State<AppState>,
    axum::extract::Path(name): axum::extract::Path<String>,
    request: axum::extract::Request,
) -> Response {
    let Some(path) = state.rdf.dumps().path(&name) else {
        return crate::error::AppError::NotFound.problem().into_response();
    };
    match tower_http::services::ServeFile::new(path)
        .oneshot(request)
        .await
    {
        Ok(mut res) => {
            let headers = res.headers_mut();
            headers.insert(
                header::CONTENT_TYPE,
                HeaderValue::from_static("application/gzip"),
            );
            if let Ok(v) = HeaderValue::from_str(&format!("attachment; filename=\"{name}\"")) {
                headers.insert(header::CONTENT_DISPOSITION, v);
            }
            headers.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-cache"));
            res.map(axum::body::Body::new)
        }
        Err(e) => crate::error::AppError::Internal(e.into())
            .problem()
            .into_response(),
    }
}

fn rdf_media_type(format: Format) -> HeaderValue {
    let media = match format {
        Format::JsonLd => "application/ld+json".to_string(),
        other => format!("{}; charset=utf-8", other.media_type()),
    };
    HeaderValue::from_str(&media).expect("a valid media type")
}

/// 406 with what is offered, in words and as addresses.
fn not_acceptable(uri: &str) -> Response {
    let mut body = String::from(
        "None of the media types in the Accept header is available for this resource.\n\nAvailable:\n",
    );
    for media in linked_data::format::offered() {
        body.push_str(&format!("  {media}\n"));
    }
    body.push_str("\nOr ask for a format by its address:\n");
    for f in Format::ALL {
        body.push_str(&format!("  {uri}.{} ({})\n", f.extension(), f.label()));
    }
    (
        StatusCode::NOT_ACCEPTABLE,
        [(header::CONTENT_TYPE, "text/plain; charset=utf-8")],
        body,
    )
        .into_response()
}

/// Why protocol parameters are refused.
enum Refused {
    Update,
    SeveralQueries,
}

/// The file extension of a download, by the media type served (the names
/// the data page's download links give `format=`).
pub const DOWNLOAD_FORMATS: [(&str, &str); 8] = [
    ("json", "application/sparql-results+json"),
    ("xml", "application/sparql-results+xml"),
    ("csv", "text/csv"),
    ("tsv", "text/tab-separated-values"),
    ("ttl", "text/turtle"),
    ("nt", "application/n-triples"),
    ("rdf", "application/rdf+xml"),
    ("jsonld", "application/ld+json"),
];

impl IntoResponse for Refused {
    fn into_response(self) -> Response {
        match self {
            Refused::Update => refused_update(),
            Refused::SeveralQueries => bad_request("Give one query parameter, not several."),
        }
    }
}

/// Reads the parameters of a SPARQL protocol request into `request`, and
/// the media types its format hints name into `hinted`; says whether there
/// was a query.
fn protocol_params(
    pairs: &[(String, String)],
    request: &mut QueryRequest,
    hinted: &mut Vec<String>,
) -> Result<bool, Refused> {
    let mut queries = 0;
    let mut update = false;
    for (k, v) in pairs {
        match k.as_str() {
            "query" => {
                queries += 1;
                request.query = v.clone();
            }
            "update" => update = true,
            "default-graph-uri" => request.default_graphs.push(v.clone()),
            // Not in the protocol, but what download links (which cannot
            // set Accept) and many clients send, as other endpoints read
            // them: hints before Accept, never a reason to refuse.
            "format" | "output" | "results" => {
                for media in linked_data::hints::media_types(v) {
                    if !hinted.contains(&media) {
                        hinted.push(media);
                    }
                }
            }
            "named-graph-uri" => request.named_graphs.push(v.clone()),
            _ => {}
        }
    }
    if update {
        return Err(Refused::Update);
    }
    if queries > 1 {
        return Err(Refused::SeveralQueries);
    }
    Ok(queries == 1)
}

fn refused_update() -> Response {
    (
        StatusCode::FORBIDDEN,
        [(header::CONTENT_TYPE, "text/plain; charset=utf-8")],
        "This SPARQL endpoint is read-only: updates are refused.\n",
    )
        .into_response()
}

fn bad_request(message: &str) -> Response {
    (
        StatusCode::BAD_REQUEST,
        [(header::CONTENT_TYPE, "text/plain; charset=utf-8")],
        format!("{message}\n"),
    )
        .into_response()
}

async fn sparql_get(
    State(state): State<AppState>,
    RawQuery(raw): RawQuery,
    headers: HeaderMap,
) -> Response {
    let pairs: Vec<(String, String)> =
        serde_urlencoded::from_str(raw.as_deref().unwrap_or_default()).unwrap_or_default();
    let mut request = QueryRequest::default();
    let mut hinted = Vec::new();
    match protocol_params(&pairs, &mut request, &mut hinted) {
        Err(refused) => refused.into_response(),
        Ok(false) => {
            // A person opening the endpoint: the query page.
            if matches!(
                linked_data::negotiate(headers_accept(&headers)),
                Some(Representation::Html)
            ) {
                let lang = super::reader::reader_lang(&state, &headers);
                Redirect::to(&format!("/{}/data", lang.code())).into_response()
            } else {
                bad_request("A SPARQL query is needed: ?query=…")
            }
        }
        Ok(true) => run(&state, request, &hinted, &headers).await,
    }
}

async fn sparql_post(
    State(state): State<AppState>,
    RawQuery(raw): RawQuery,
    headers: HeaderMap,
    body: Bytes,
) -> Response {
    let full_type = headers
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .unwrap_or_default()
        .to_ascii_lowercase();
    let mut parts = full_type.split(';').map(str::trim);
    let content_type = parts.next().unwrap_or_default().to_string();
    // The protocol carries queries in UTF-8; a body announced in another
    // charset is refused rather than misread.
    let charset = parts
        .filter_map(|p| p.split_once('='))
        .find(|(k, _)| k.trim() == "charset")
        .map(|(_, v)| v.trim().trim_matches('"').to_string());
    if charset.is_some_and(|c| c != "utf-8" && c != "utf8") {
        return (
            StatusCode::UNSUPPORTED_MEDIA_TYPE,
            [(header::CONTENT_TYPE, "text/plain; charset=utf-8")],
            "Queries are read as UTF-8: send the body in UTF-8 (charset=utf-8).\n",
        )
            .into_response();
    }
    let url_pairs: Vec<(String, String)> =
        serde_urlencoded::from_str(raw.as_deref().unwrap_or_default()).unwrap_or_default();
    let mut request = QueryRequest::default();
    let mut hinted = Vec::new();
    match content_type.as_str() {
        "application/x-www-form-urlencoded" => {
            let pairs: Vec<(String, String)> =
                serde_urlencoded::from_bytes(&body).unwrap_or_default();
            match protocol_params(&pairs, &mut request, &mut hinted) {
                Err(refused) => return refused.into_response(),
                Ok(false) => return bad_request("A SPARQL query is needed: query=…"),
                Ok(true) => {}
            }
        }
        "application/sparql-query" => {
            if let Err(refused) = protocol_params(&url_pairs, &mut request, &mut hinted) {
                return refused.into_response();
            }
            let Ok(text) = String::from_utf8(body.to_vec()) else {
                return bad_request("The query is not UTF-8.");
            };
            request.query = text;
        }
        "application/sparql-update" => return refused_update(),
        _ => {
            return (
                StatusCode::UNSUPPORTED_MEDIA_TYPE,
                [(header::CONTENT_TYPE, "text/plain; charset=utf-8")],
                "POST a query as application/x-www-form-urlencoded (query=…) or application/sparql-query.\n",
            )
                .into_response();
        }
    }
    run(&state, request, &hinted, &headers).await
}

/// Runs a query off the async runtime, within the configured limits and
/// concurrency: what the endpoint and the query page share.
///
/// The query's thread holds its slot until it really ends. The store stops a
/// query at the timeout, but should an evaluation overrun it (a part that does
/// not look at the cancellation token), the client is answered at the timeout
/// and a second later at most, and the overrunning query keeps its slot, so a
/// few of them cannot take more than the slots.
pub async fn execute(state: &AppState, request: QueryRequest) -> Result<Answer, Stopped> {
    let mut limits = state.settings.sparql_limits();
    let budget = limits.timeout;
    let asked = std::time::Instant::now();
    let slots = &state.sparql_slots;
    let slot = match slots.running.clone().try_acquire_owned() {
        Ok(slot) => slot,
        Err(_) => {
            // Every slot is taken: wait in a bounded line, for at most the
            // query's own timeout, which the wait then counts against.
            let Ok(_place) = slots.waiting.try_acquire() else {
                return Err(Stopped::Busy);
            };
            match tokio::time::timeout(budget, slots.running.clone().acquire_owned()).await {
                Ok(Ok(slot)) => slot,
                _ => return Err(Stopped::Busy),
            }
        }
    };
    limits.timeout = budget.saturating_sub(asked.elapsed());
    if limits.timeout.is_zero() {
        return Err(Stopped::Query(QueryError::Timeout(budget)));
    }
    let store = state.rdf.store().clone();
    let timeout = limits.timeout;
    let work = tokio::task::spawn_blocking(move || {
        let _slot = slot;
        store.query(&request, limits)
    });
    let waited = timeout + std::time::Duration::from_secs(1);
    match tokio::time::timeout(waited, work).await {
        Ok(Ok(Ok(answer))) => Ok(answer),
        Ok(Ok(Err(e))) => Err(Stopped::Query(e)),
        Ok(Err(e)) => Err(Stopped::Internal(e.into())),
        Err(_) => {
            tracing::warn!(
                timeout_ms = timeout.as_millis() as u64,
                "a SPARQL query overran its timeout; it keeps its slot until it ends"
            );
            Err(Stopped::Query(QueryError::Timeout(timeout)))
        }
    }
}

/// Why a query gave no answer.
pub enum Stopped {
    /// Every slot is taken: try again soon.
    Busy,
    Query(QueryError),
    Internal(anyhow::Error),
}

impl Stopped {
    /// The status and the sentence a client is told.
    pub fn status_and_message(&self) -> (StatusCode, String) {
        match self {
            Stopped::Busy => (
                StatusCode::SERVICE_UNAVAILABLE,
                "Too many SPARQL queries are running; try again in a moment.".into(),
            ),
            Stopped::Query(QueryError::Syntax(message)) => (
                StatusCode::BAD_REQUEST,
                format!("Malformed query: {message}"),
            ),
            Stopped::Query(
                e @ (QueryError::TooManyResults(_) | QueryError::UnboundedProduct(..)),
            ) => (StatusCode::BAD_REQUEST, e.to_string()),
            // Like the timeout: a bound of this endpoint, told with its code.
            Stopped::Query(e @ QueryError::TooMuchMemory(_)) => {
                (StatusCode::SERVICE_UNAVAILABLE, e.to_string())
            }
            Stopped::Query(e @ QueryError::NotAcceptable(_)) => {
                (StatusCode::NOT_ACCEPTABLE, e.to_string())
            }
            Stopped::Query(e @ QueryError::Timeout(_)) => {
                (StatusCode::SERVICE_UNAVAILABLE, e.to_string())
            }
            Stopped::Query(QueryError::Evaluation(message)) => (
                StatusCode::BAD_REQUEST,
                format!("The query could not be evaluated: {message}"),
            ),
            Stopped::Internal(_) => (
                StatusCode::INTERNAL_SERVER_ERROR,
                "The query could not be run.".into(),
            ),
        }
    }
}

/// Runs a protocol request and answers with its results or a clear error;
/// the media types `hinted` by its parameters come before its `Accept`.
async fn run(
    state: &AppState,
    mut request: QueryRequest,
    hinted: &[String],
    headers: &HeaderMap,
) -> Response {
    request.base_iri = Some(state.rdf.uris().sparql());
    let download = !hinted.is_empty();
    request.accept = linked_data::hints::accept(hinted, headers_accept(headers));
    match execute(state, request).await {
        Ok(a) => {
            let mut res = ([(header::CONTENT_TYPE, a.media_type)], a.body).into_response();
            let headers = res.headers_mut();
            headers.insert(header::VARY, HeaderValue::from_static("Accept"));
            if download {
                let ext = DOWNLOAD_FORMATS
                    .iter()
                    .find(|(_, media)| a.media_type.split(';').next() == Some(*media))
                    .map_or("txt", |(n, _)| *n);
                if let Ok(v) =
                    HeaderValue::from_str(&format!("attachment; filename=\"results.{ext}\""))
                {
                    headers.insert(header::CONTENT_DISPOSITION, v);
                }
            }
            res
        }
        Err(Stopped::Internal(e)) => crate::error::AppError::Internal(e)
            .problem()
            .into_response(),
        Err(stopped) => {
            if let Stopped::Query(QueryError::Evaluation(message)) = &stopped {
                tracing::warn!(error = %message, "a SPARQL query failed");
            }
            let (status, message) = stopped.status_and_message();
            let mut res = (
                status,
                [(header::CONTENT_TYPE, "text/plain; charset=utf-8")],
                format!("{message}\n"),
            )
                .into_response();
            if matches!(stopped, Stopped::Busy) {
                res.headers_mut()
                    .insert(header::RETRY_AFTER, HeaderValue::from_static("2"));
            }
            res
        }
    }
}

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/library/resources/{uid}", get(entity))
        .route("/library/topics", get(entity))
        .route("/library/topics/{id}", get(entity))
        .route("/library/levels", get(entity))
        .route("/library/levels/{key}", get(entity))
        .route("/partners/{slug}", get(entity))
        .route("/directory/{slug}", get(entity))
        .route("/courses/{slug}", get(entity))
        .route("/courses/{course}/{module}/{lesson}", get(entity))
        .route("/data/catalogue", get(entity))
        .route("/data/dataset", get(entity))
        .route("/.well-known/void", get(entity))
        .route("/data/dumps/{name}", get(dump))
        .route("/sparql", get(sparql_get).post(sparql_post))
}
