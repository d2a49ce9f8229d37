//! The one error type at the HTTP boundary. Each variant maps to a status and a
//! stable code; pages get a localised error page, the API a problem document
//! (RFC 9457). Internal details are logged, never sent.

use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use store::{FieldError, StoreError};

#[derive(Debug, thiserror::Error)]
pub enum AppError {
    #[error("not found")]
    NotFound,
    /// Signed in, but not allowed.
    #[error("forbidden")]
    Forbidden,
    /// Not signed in where it is required.
    #[error("login required")]
    LoginRequired,
    /// A state-changing request without a valid anti-forgery token.
    #[error("missing or invalid CSRF token")]
    Csrf,
    #[error("bad request: {0}")]
    BadRequest(String),
    #[error("invalid input")]
    Invalid(Vec<FieldError>),
    #[error("payload too large")]
    TooLarge,
    #[error(transparent)]
    Internal(#[from] anyhow::Error),
}

impl AppError {
    pub fn status(&self) -> StatusCode {
        match self {
            AppError::NotFound => StatusCode::NOT_FOUND,
            AppError::Forbidden => StatusCode::FORBIDDEN,
            AppError::LoginRequired => StatusCode::UNAUTHORIZED,
            AppError::Csrf | AppError::BadRequest(_) => StatusCode::BAD_REQUEST,
            AppError::Invalid(_) => StatusCode::UNPROCESSABLE_ENTITY,
            AppError::TooLarge => StatusCode::PAYLOAD_TOO_LARGE,
            AppError::Internal(_) => StatusCode::INTERNAL_SERVER_ERROR,
        }
    }

    /// A stable, documented identifier for API clients.
    pub fn code(&self) -> &'static str {
        match self {
            AppError::NotFound => "not_found",
            AppError::Forbidden => "forbidden",
            AppError::LoginRequired => "login_required",
            AppError::Csrf => "csrf_failed",
            AppError::BadRequest(_) => "bad_request",
            AppError::Invalid(_) => "invalid_input",
            AppError::TooLarge => "payload_too_large",
            AppError::Internal(_) => "internal_error",
        }
    }

    /// Wraps any error that says what went wrong inside (I/O, sessions).
    pub fn internal(e: impl Into<anyhow::Error>) -> Self {
        AppError::Internal(e.into())
    }

    /// The problem document the JSON API answers with.
    pub fn problem(&self) -> Response {
        if let AppError::Internal(e) = self {
            tracing::error!(error = format!("{e:#}"), "internal error");
        }
        let status = self.status();
        let mut body = serde_json::json!({
            "type": "about:blank",
            "title": status.canonical_reason().unwrap_or("error"),
            "status": status.as_u16(),
            "code": self.code(),
        });
        match self {
            AppError::Invalid(errors) => {
                body["errors"] = errors
                    .iter()
                    .map(|e| serde_json::json!({"field": e.field, "code": e.code}))
                    .collect();
            }
            AppError::BadRequest(detail) => body["detail"] = detail.clone().into(),
            _ => {}
        }
        let mut res = (status, axum::Json(body)).into_response();
        res.headers_mut().insert(
            axum::http::header::CONTENT_TYPE,
            axum::http::HeaderValue::from_static("application/problem+json"),
        );
        res
    }
}

impl From<StoreError> for AppError {
    fn from(e: StoreError) -> Self {
        match e {
            StoreError::NotFound => AppError::NotFound,
            StoreError::Invalid(errors) => AppError::Invalid(errors),
            other => AppError::Internal(anyhow::Error::new(other)),
        }
    }
}

/// Left on the response an [`AppError`] becomes: the page layer
/// (`http::render::error_pages`) replaces such a response with the localised
/// error page, or the login redirect, for the status it carries. Responses
/// that leave the router unmarked are never touched.
#[derive(Clone, Copy, Debug)]
pub struct Unrendered;

/// Every handler's error ends here: internal details go to the log, the
/// response carries only the status and a short text, marked [`Unrendered`].
impl IntoResponse for AppError {
    fn into_response(self) -> Response {
        if let AppError::Internal(e) = &self {
            tracing::error!(error = format!("{e:#}"), "internal error");
        }
        let status = self.status();
        let mut res = (status, status.canonical_reason().unwrap_or("error")).into_response();
        res.extensions_mut().insert(Unrendered);
        res
    }
}
