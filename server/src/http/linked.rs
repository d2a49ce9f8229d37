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
use linked_data::{Format, QueryError, QueryRequest, Representation};

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
/// topic's page is the library filtered by it.
fn page_of(path: &str) -> String {
    match path.strip_prefix("/library/topics/") {
        Some(id) => format!("/library?topic={id}"),
        None => path.to_string(),
    }
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
            let lang = super::reader_lang(&state, &headers);
            vary(Redirect::to(&format!("/{}{}", lang.code(), page_of(path))).into_response())
        }
        Some(Representation::Rdf(format)) => {
            let store = state.rdf.store().clone();
            let described = tokio::task::spawn_blocking(move || store.describe(&uri))
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

impl IntoResponse for Refused {
    fn into_response(self) -> Response {
        match self {
            Refused::Update => refused_update(),
            Refused::SeveralQueries => bad_request("Give one query parameter, not several."),
        }
    }
}

/// Reads the parameters of a SPARQL protocol request into `request`; says
/// whether there was a query.
fn protocol_params(
    pairs: &[(String, String)],
    request: &mut QueryRequest,
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
    match protocol_params(&pairs, &mut request) {
        Err(refused) => refused.into_response(),
        Ok(false) => {
            // A person opening the endpoint: the query page.
            if matches!(
                linked_data::negotiate(headers_accept(&headers)),
                Some(Representation::Html)
            ) {
                let lang = super::reader_lang(&state, &headers);
                Redirect::to(&format!("/{}/data", lang.code())).into_response()
            } else {
                bad_request("A SPARQL query is needed: ?query=…")
            }
        }
        Ok(true) => run(&state, request, &headers).await,
    }
}

async fn sparql_post(
    State(state): State<AppState>,
    RawQuery(raw): RawQuery,
    headers: HeaderMap,
    body: Bytes,
) -> Response {
    let content_type = headers
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .unwrap_or_default()
        .split(';')
        .next()
        .unwrap_or_default()
        .trim()
        .to_ascii_lowercase();
    let url_pairs: Vec<(String, String)> =
        serde_urlencoded::from_str(raw.as_deref().unwrap_or_default()).unwrap_or_default();
    let mut request = QueryRequest::default();
    match content_type.as_str() {
        "application/x-www-form-urlencoded" => {
            let pairs: Vec<(String, String)> =
                serde_urlencoded::from_bytes(&body).unwrap_or_default();
            match protocol_params(&pairs, &mut request) {
                Err(refused) => return refused.into_response(),
                Ok(false) => return bad_request("A SPARQL query is needed: query=…"),
                Ok(true) => {}
            }
        }
        "application/sparql-query" => {
            if let Err(refused) = protocol_params(&url_pairs, &mut request) {
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
    run(&state, request, &headers).await
}

/// Runs a query off the async runtime, within the configured limits and
/// concurrency, and answers with its results or a clear error.
async fn run(state: &AppState, mut request: QueryRequest, headers: &HeaderMap) -> Response {
    request.accept = headers_accept(headers).map(str::to_string);
    let Ok(_slot) = state.sparql_slots.clone().try_acquire_owned() else {
        return (
            StatusCode::SERVICE_UNAVAILABLE,
            [
                (header::RETRY_AFTER, "2"),
                (header::CONTENT_TYPE, "text/plain; charset=utf-8"),
            ],
            "Too many SPARQL queries are running; try again in a moment.\n",
        )
            .into_response();
    };
    let limits = state.settings.sparql_limits();
    let store = state.rdf.store().clone();
    let answer = tokio::task::spawn_blocking(move || store.query(&request, limits)).await;
    let text = |status: StatusCode, message: String| {
        (
            status,
            [(header::CONTENT_TYPE, "text/plain; charset=utf-8")],
            format!("{message}\n"),
        )
            .into_response()
    };
    match answer {
        Ok(Ok(a)) => {
            let mut res = ([(header::CONTENT_TYPE, a.media_type)], a.body).into_response();
            res.headers_mut()
                .insert(header::VARY, HeaderValue::from_static("Accept"));
            res
        }
        Ok(Err(QueryError::Syntax(message))) => text(
            StatusCode::BAD_REQUEST,
            format!("Malformed query: {message}"),
        ),
        Ok(Err(e @ QueryError::TooManyResults(_))) => text(StatusCode::BAD_REQUEST, e.to_string()),
        Ok(Err(e @ QueryError::NotAcceptable(_))) => {
            text(StatusCode::NOT_ACCEPTABLE, e.to_string())
        }
        Ok(Err(e @ QueryError::Timeout(_))) => text(StatusCode::SERVICE_UNAVAILABLE, e.to_string()),
        Ok(Err(QueryError::Evaluation(message))) => {
            tracing::warn!(error = %message, "a SPARQL query failed");
            text(
                StatusCode::BAD_REQUEST,
                format!("The query could not be evaluated: {message}"),
            )
        }
        Err(e) => crate::error::AppError::Internal(e.into())
            .problem()
            .into_response(),
    }
}

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/library/resources/{uid}", get(entity))
        .route("/library/topics", get(entity))
        .route("/library/topics/{id}", get(entity))
        .route("/partners/{slug}", get(entity))
        .route("/courses/{slug}", get(entity))
        .route("/courses/{course}/{module}/{lesson}", get(entity))
        .route("/sparql", get(sparql_get).post(sparql_post))
}
