//! `/{lang}/data`: the open data page. `?query=` runs a SPARQL query
//! through the same path as `/sparql` (limits, concurrency) and shows the
//! results as a table; `?example=` loads one of the examples below and runs
//! it. Plain GET, so a query is a shareable address.

use app::Page;
use app::data::{Cell, DataView, Download, DumpView, ExampleView, QueryOutcome};
use axum::extract::RawQuery;
use axum::http::StatusCode;
use axum::response::Response;
use linked_data::QueryRequest;
use linked_data::examples::EXAMPLES;
use serde::Deserialize;

use super::linked::{Stopped, execute};
use super::render::Ctx;
use crate::state::AppState;
use projections::dumps;

/// Rows shown on the page; the downloads have them all.
const SHOWN_ROWS: usize = 500;
/// Longest query text accepted from the page's address.
const MAX_QUERY: usize = 20_000;

#[derive(Debug, Default, Deserialize)]
pub struct Asked {
    query: Option<String>,
    example: Option<String>,
}

pub async fn page(ctx: Ctx, RawQuery(raw): RawQuery) -> Response {
    let asked: Asked =
        serde_urlencoded::from_str(raw.as_deref().unwrap_or_default()).unwrap_or_default();
    let state = ctx.state.clone();
    let base = state.rdf.uris().base().to_string();
    let lang = ctx.page.lang.code();
    let example = asked
        .example
        .as_deref()
        .and_then(|id| EXAMPLES.iter().find(|e| e.id == id));
    let asked_text = match (example, asked.query) {
        (Some(e), _) => Some(e.text(&base, lang)),
        (None, Some(q)) if !q.trim().is_empty() => Some(q.chars().take(MAX_QUERY).collect()),
        _ => None,
    };
    let (outcome, status) = match &asked_text {
        Some(text) => run(&state, text).await,
        None => (None, StatusCode::OK),
    };
    let summary = state.rdf.dumps().summary();
    let view = DataView {
        base_url: base.clone(),
        dumps: dumps::FILES
            .iter()
            .map(|f| DumpView {
                href: dumps::url_path(f.name),
                name: f.name.to_string(),
                format: match f.format {
                    linked_data::DumpFormat::NQuads => "N-Quads".into(),
                    linked_data::DumpFormat::Turtle => "Turtle".into(),
                },
                bytes: summary.as_ref().and_then(|s| s.bytes(f.name)),
            })
            .collect(),
        written: summary.as_ref().map(|s| s.written.clone()),
        quads: summary.as_ref().map(|s| s.quads),
        examples: EXAMPLES
            .iter()
            .map(|e| ExampleView {
                id: e.id.to_string(),
                title_key: e.title_key.to_string(),
                query: e.text(&base, lang),
            })
            .collect(),
        query: asked_text.unwrap_or_else(|| EXAMPLES[0].text(&base, lang)),
        example: example.map(|e| e.id.to_string()),
        outcome,
    };
    ctx.show_with(Page::Data(view), status, None)
}

/// Runs the page's query and turns its answer into what the page shows.
async fn run(state: &AppState, text: &str) -> (Option<QueryOutcome>, StatusCode) {
    let request = QueryRequest {
        query: text.to_string(),
        // Tabular results as JSON to read them here; graphs as Turtle to show.
        accept: Some("application/sparql-results+json, text/turtle;q=0.9".into()),
        ..QueryRequest::default()
    };
    let base = state.rdf.uris().base().to_string();
    match execute(state, request).await {
        Ok(answer) => {
            let outcome = if answer.media_type.starts_with("text/turtle") {
                QueryOutcome::Graph {
                    turtle: String::from_utf8_lossy(&answer.body).into_owned(),
                    downloads: downloads(text, &["ttl", "nt", "rdf", "jsonld"]),
                }
            } else {
                tabular(&answer.body, &base, text)
            };
            (Some(outcome), StatusCode::OK)
        }
        Err(stopped) => {
            if let Stopped::Internal(e) = &stopped {
                tracing::error!(error = format!("{e:#}"), "a query of the data page failed");
            }
            let (status, message) = stopped.status_and_message();
            (Some(QueryOutcome::Failed { message }), status)
        }
    }
}

/// Download links of the query's results in each of `formats`.
fn downloads(query: &str, formats: &[&str]) -> Vec<Download> {
    formats
        .iter()
        .map(|f| Download {
            label: match *f {
                "json" => "JSON",
                "xml" => "XML",
                "csv" => "CSV",
                "tsv" => "TSV",
                "ttl" => "Turtle",
                "nt" => "N-Triples",
                "rdf" => "RDF/XML",
                _ => "JSON-LD",
            }
            .to_string(),
            href: format!(
                "/sparql?{}",
                serde_urlencoded::to_string([("query", query), ("format", f)]).unwrap_or_default()
            ),
        })
        .collect()
}

/// SPARQL JSON results (SELECT or ASK) as a table or a yes/no.
fn tabular(body: &[u8], base: &str, query: &str) -> QueryOutcome {
    let json: serde_json::Value = serde_json::from_slice(body).unwrap_or_default();
    let formats = ["csv", "tsv", "json", "xml"];
    if let Some(value) = json["boolean"].as_bool() {
        return QueryOutcome::Boolean {
            value,
            downloads: downloads(query, &formats),
        };
    }
    let columns: Vec<String> = json["head"]["vars"]
        .as_array()
        .map(|vars| {
            vars.iter()
                .filter_map(|v| v.as_str().map(str::to_string))
                .collect()
        })
        .unwrap_or_default();
    let bindings = json["results"]["bindings"]
        .as_array()
        .cloned()
        .unwrap_or_default();
    let rows = bindings
        .iter()
        .take(SHOWN_ROWS)
        .map(|b| columns.iter().map(|c| term(&b[c.as_str()], base)).collect())
        .collect();
    QueryOutcome::Table {
        columns,
        rows,
        total: bindings.len(),
        downloads: downloads(query, &formats),
    }
}

/// One value of a SPARQL JSON result.
fn term(value: &serde_json::Value, base: &str) -> Option<Cell> {
    let text = value["value"].as_str()?.to_string();
    let mut cell = Cell::default();
    match value["type"].as_str() {
        // The instance's own URIs open their page (by negotiation); others
        // are followed only when they are web addresses.
        Some("uri") if text.starts_with(base) => {
            let path = &text[base.len()..];
            cell.href = Some(if path.is_empty() { "/" } else { path }.to_string());
        }
        Some("uri") if text.starts_with("https://") || text.starts_with("http://") => {
            cell.href = Some(text.clone());
        }
        Some("literal") | Some("typed-literal") => {
            cell.lang = value["xml:lang"].as_str().map(str::to_string);
            cell.datatype = value["datatype"]
                .as_str()
                // Strings and numbers read as what they are; other types say it.
                .filter(|d| {
                    !["string", "integer", "decimal", "double"]
                        .iter()
                        .any(|t| d.strip_prefix("http://www.w3.org/2001/XMLSchema#") == Some(t))
                })
                .map(|d| {
                    d.strip_prefix("http://www.w3.org/2001/XMLSchema#")
                        .map_or(d.to_string(), |local| format!("xsd:{local}"))
                });
        }
        _ => {}
    }
    cell.text = text;
    Some(cell)
}
