//! `/oai`: the OAI-PMH endpoint over the provider (`oai_provider`), by GET
//! or form POST. Protocol errors are answers (HTTP 200); only a failure of
//! the database or of the token key is an HTTP error.

use axum::body::Bytes;
use axum::extract::{RawQuery, State};
use axum::http::{HeaderMap, header};
use axum::response::{IntoResponse, Response};
use oai_provider::{OaiError, Repository};

use crate::error::AppError;
use crate::state::AppState;

/// `GET /oai?verb=…`.
pub async fn get(State(state): State<AppState>, RawQuery(query): RawQuery) -> Response {
    respond(&state, query.unwrap_or_default().as_bytes()).await
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
    respond(&state, &body).await
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
