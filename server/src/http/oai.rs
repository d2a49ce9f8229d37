//! `/oai`: the OAI-PMH endpoint over the provider (`oai_provider`), by GET
//! or form POST. Protocol errors are answers (HTTP 200); only a failure of
//! the database or of the token key is an HTTP error.
//!
//! Answers are kept in the page cache's memory, compressed, for a minute at
//! most (they name the time they were made, and a resumption token's expiry
//! counts from it), under the outbox's newest change: whatever wrote it (this
//! node, a job, another node), the next request reads a new answer, and a
//! kept one costs one small query. Harvesters walking the same lists cost one
//! rendering per page.

use axum::body::Bytes;
use axum::extract::{RawQuery, State};
use axum::http::{HeaderMap, header};
use axum::response::{IntoResponse, Response};
use oai_provider::{OaiError, Repository};

use std::time::Duration;

use super::cache;
use crate::error::AppError;
use crate::page_cache::Deps;
use crate::state::AppState;

/// `GET /oai?verb=…`.
pub async fn get(
    State(state): State<AppState>,
    headers: HeaderMap,
    RawQuery(query): RawQuery,
) -> Response {
    kept(&state, &headers, query.unwrap_or_default().as_bytes()).await
}

/// `POST /oai` with the arguments as a form.
pub async fn post(State(state): State<AppState>, headers: HeaderMap, body: Bytes) -> Response {
    let form = headers
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|t| {
            t.split(';').next().unwrap_or("").trim() == "application/x-www-form-urlencoded"
        });
    if !form {
        return xml(repository(&state).not_a_form());
    }
    kept(&state, &headers, &body).await
}

/// How long an answer is kept at most.
const KEPT: Duration = Duration::from_secs(60);

/// The answer to the arguments `raw`, from the cache or made and kept.
async fn kept(state: &AppState, headers: &HeaderMap, raw: &[u8]) -> Response {
    let Ok(last) = store::outbox::last_id(&state.db).await else {
        return respond(state, raw).await;
    };
    let key = format!("oai {last} {}", String::from_utf8_lossy(raw));
    let now = cache::versions(state);
    if let Some(entry) = state.pages.get_within(&key, now, KEPT) {
        return entry.respond(headers, false);
    }
    let generation = state.pages.generation();
    let res = respond(state, raw).await;
    if !res.status().is_success() || !state.pages.enabled() {
        return res;
    }
    let deps = Deps::RESOURCES
        .and(Deps::TOPICS)
        .and(Deps::PARTNERS)
        .and(Deps::PROVIDERS);
    match cache::keep(
        state,
        key,
        res,
        usize::MAX,
        (deps, now),
        generation,
        headers,
    )
    .await
    {
        Ok(res) => res,
        Err(e) => AppError::Internal(e.context("an OAI-PMH answer")).into_response(),
    }
}

fn repository(state: &AppState) -> Repository<'_> {
    Repository {
        db: &state.db,
        public_url: state.settings.public_url(),
        page_lang: state.settings.default_lang().code(),
        settings: &state.settings.oai,
        data_dir: &state.settings.data_dir,
    }
}

fn xml(body: String) -> Response {
    ([(header::CONTENT_TYPE, "text/xml; charset=utf-8")], body).into_response()
}

async fn respond(state: &AppState, raw: &[u8]) -> Response {
    match repository(state).answer(raw).await {
        Ok(body) => xml(body),
        Err(OaiError::Store(e)) => AppError::from(e).into_response(),
        Err(e) => AppError::Internal(e.into()).into_response(),
    }
}
