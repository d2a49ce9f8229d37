//! `/{lang}/data`: the open data page. `?query=` runs a SPARQL query
//! through the same path as `/sparql` (limits, concurrency) and shows the
//! results as a table; `?example=` loads one of the examples below and runs
//! it. Plain GET, so a query is a shareable address.

use app::Page;
use app::pages::data::{DataView, DumpView, ExampleView, QueryOutcome};
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
use views::data::{downloads, tabular};

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
