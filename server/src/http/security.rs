//! Security headers on every response. The Content-Security-Policy allows
//! scripts from this site only; a page with an island adds a fresh nonce
//! for its one inline script (the island loader), see [`policy`].

use axum::http::HeaderValue;
use base64::Engine;
use rand::RngCore;

pub fn random_token(bytes: usize) -> String {
    let mut buf = vec![0u8; bytes];
    rand::rng().fill_bytes(&mut buf);
    base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(buf)
}

/// The policy of a page: with a nonce, its inline script may run.
pub fn policy(nonce: Option<&str>) -> String {
    let inline = nonce.map(|n| format!(" 'nonce-{n}'")).unwrap_or_default();
    format!(
        "default-src 'self'; script-src 'self'{inline} 'wasm-unsafe-eval'; style-src 'self'; \
         img-src 'self' data:; connect-src 'self'; font-src 'self'; object-src 'none'; base-uri 'self'; \
         form-action 'self'; frame-ancestors 'none'"
    )
}

/// The headers every response carries besides the policy (see
/// [`crate::http::app`], which sets them with plain tower layers: no boxed
/// future per request).
pub const FIXED: [(&str, &str); 5] = [
    ("x-content-type-options", "nosniff"),
    ("referrer-policy", "strict-origin-when-cross-origin"),
    ("x-frame-options", "DENY"),
    ("cross-origin-opener-policy", "same-origin"),
    (
        "permissions-policy",
        "camera=(), microphone=(), geolocation=(), interest-cohort=()",
    ),
];

/// The policy of a response whose handler set none (pages without islands,
/// the API, files).
pub fn default_policy() -> HeaderValue {
    HeaderValue::from_str(&policy(None)).expect("the policy is a valid header")
}
