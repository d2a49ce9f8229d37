//! Anti-forgery protection for every state-changing request, whatever handler
//! serves it. Two proofs are accepted:
//!
//! - a random token in a cookie that the request repeats in the `_csrf` form
//!   field (URL-encoded or multipart) or the `X-CSRF-Token` header: pages
//!   made for one reader carry it (cross-site pages can neither read the
//!   cookie nor set the field);
//! - without a token, the browser's own word that the form was sent from
//!   this site: `Sec-Fetch-Site: same-origin`, or, from a browser that does
//!   not send it, an `Origin` equal to the public URL's. Pages that look the
//!   same for every anonymous reader (served from the page cache) carry no
//!   token, so their forms (a lesson marked done, a provider contacted)
//!   rely on this. A request with neither proof is refused, and a token
//!   that does not match is refused whatever the headers say.

use axum::body::{Body, Bytes};
use axum::extract::{Request, State};
use axum::http::{Method, header};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};

use super::reader::{CsrfToken, csrf_cookie_name, read_cookie};
use crate::error::AppError;
use crate::state::AppState;

fn constant_time_eq(a: &[u8], b: &[u8]) -> bool {
    a.len() == b.len() && a.iter().zip(b).fold(0u8, |acc, (x, y)| acc | (x ^ y)) == 0
}

/// Finds `_csrf` in a buffered body of the given content type.
async fn token_in_body(content_type: &str, body: &Bytes) -> Option<String> {
    if content_type.starts_with("application/x-www-form-urlencoded") {
        return serde_urlencoded::from_bytes::<Vec<(String, String)>>(body)
            .ok()?
            .into_iter()
            .find(|(k, _)| k == "_csrf")
            .map(|(_, v)| v);
    }
    if content_type.starts_with("multipart/form-data") {
        let boundary = multer::parse_boundary(content_type).ok()?;
        let stream = futures::stream::once({
            let body = body.clone();
            async move { Ok::<_, std::io::Error>(body) }
        });
        let mut multipart = multer::Multipart::new(stream, boundary);
        while let Ok(Some(field)) = multipart.next_field().await {
            if field.name() == Some("_csrf") {
                return field.text().await.ok();
            }
        }
    }
    None
}

/// Whether the browser says the request comes from a page of this site.
fn same_origin(headers: &axum::http::HeaderMap, public_url: &str) -> bool {
    if let Some(site) = headers.get("sec-fetch-site") {
        return site.as_bytes() == b"same-origin";
    }
    let ours = public_url
        .find("://")
        .map(|i| match public_url[i + 3..].find('/') {
            Some(j) => &public_url[..i + 3 + j],
            None => public_url,
        })
        .unwrap_or(public_url);
    headers
        .get(header::ORIGIN)
        .is_some_and(|o| o.as_bytes().eq_ignore_ascii_case(ours.as_bytes()))
}

/// `/{lang}/unsubscribe/{key}/{kind}`.
fn is_unsubscribe(path: &str) -> bool {
    let parts: Vec<&str> = path.trim_start_matches('/').split('/').collect();
    parts.len() == 4 && parts[1] == "unsubscribe"
}

/// Checks unsafe requests, and hands the reader's token (if their cookie has
/// one) to the page layer, which makes one only for a page that needs it.
pub async fn guard(State(state): State<AppState>, req: Request, next: Next) -> Response {
    let name = csrf_cookie_name(state.settings.secure_cookies());
    let existing = read_cookie(req.headers(), name).filter(|t| t.len() >= 20 && t.len() <= 64);

    // The SPARQL endpoint and the OAI-PMH provider take requests by POST
    // from any client; they change nothing and read only public data, so
    // there is nothing to forge.
    // An e-mail's one-click unsubscribe (RFC 8058) is posted by the mail
    // client, not from a page: the key in its address is its credential,
    // and all it can do is stop e-mails.
    let read_only =
        matches!(req.uri().path(), "/sparql" | "/oai") || is_unsubscribe(req.uri().path());
    let unsafe_method =
        !read_only && !matches!(*req.method(), Method::GET | Method::HEAD | Method::OPTIONS);
    let mut req = if unsafe_method {
        let (parts, body) = req.into_parts();
        let content_type = parts
            .headers
            .get(header::CONTENT_TYPE)
            .and_then(|v| v.to_str().ok())
            .unwrap_or("");
        // Forms are small; a multipart body may carry a file.
        let limit = if content_type.starts_with("multipart/form-data") {
            state.settings.max_upload_request_bytes()
        } else {
            state.settings.limits.body_bytes
        };
        let body = match axum::body::to_bytes(body, limit).await {
            Ok(b) => b,
            Err(_) => return super::render::error_page(&state, &parts, AppError::TooLarge),
        };
        let sent = match parts
            .headers
            .get("x-csrf-token")
            .and_then(|v| v.to_str().ok())
        {
            Some(h) => Some(h.to_string()),
            None => token_in_body(content_type, &body).await,
        }
        .filter(|t| !t.is_empty());
        let ok = match (&existing, &sent) {
            (Some(c), Some(s)) => constant_time_eq(c.as_bytes(), s.as_bytes()),
            (_, Some(_)) => false,
            (_, None) => same_origin(&parts.headers, state.settings.public_url()),
        };
        if !ok {
            tracing::info!(path = %parts.uri.path(), "refused a request without a valid CSRF token");
            return super::render::error_page(&state, &parts, AppError::Csrf);
        }
        Request::from_parts(parts, Body::from(body))
    } else {
        req
    };
    if let Some(token) = existing {
        req.extensions_mut().insert(CsrfToken(token));
    }
    next.run(req).await.into_response()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[tokio::test]
    async fn finds_the_token_in_forms_and_multipart() {
        let form = Bytes::from_static(b"email=a%40b.org&_csrf=tok123");
        assert_eq!(
            token_in_body("application/x-www-form-urlencoded", &form)
                .await
                .as_deref(),
            Some("tok123")
        );
        let multipart = Bytes::from_static(
            b"--XX\r\nContent-Disposition: form-data; name=\"_csrf\"\r\n\r\ntok456\r\n--XX--\r\n",
        );
        assert_eq!(
            token_in_body("multipart/form-data; boundary=XX", &multipart)
                .await
                .as_deref(),
            Some("tok456")
        );
        assert_eq!(token_in_body("application/json", &form).await, None);
    }

    #[test]
    fn reads_one_cookie_among_many() {
        let mut h = axum::http::HeaderMap::new();
        h.insert(
            header::COOKIE,
            axum::http::HeaderValue::from_static("a=1; archipel_csrf=xyz; b=2"),
        );
        assert_eq!(read_cookie(&h, "archipel_csrf").as_deref(), Some("xyz"));
        assert_eq!(read_cookie(&h, "nope"), None);
    }
}
