//! What a request says about its reader, whoever handles it: the cookies
//! (the CSRF token's, the anonymous learner's, the remembered language) and
//! the language to show someone who did not choose one.

use axum::http::HeaderValue;
use axum::http::header;
use axum::response::Response;
use i18n::Lang;

use crate::state::AppState;

/// The CSRF token of the reader's cookie (the page layer makes one for a
/// page that needs it, see [`super::render::render`]).
#[derive(Debug, Clone)]
pub struct CsrfToken(pub String);

/// The CSRF cookie.
pub fn csrf_cookie_name(secure: bool) -> &'static str {
    // The __Host- prefix stops a sibling subdomain from planting the cookie.
    if secure {
        "__Host-archipel_csrf"
    } else {
        "archipel_csrf"
    }
}

/// The value of cookie `name`, when the request sent it.
pub fn read_cookie(req_headers: &axum::http::HeaderMap, name: &str) -> Option<String> {
    req_headers
        .get_all(header::COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(';'))
        .filter_map(|kv| kv.trim().split_once('='))
        .find(|(k, _)| *k == name)
        .map(|(_, v)| v.to_string())
}

/// The session cookie (`__Host-` on https).
pub fn session_cookie_name(secure: bool) -> &'static str {
    if secure {
        "__Host-archipel_session"
    } else {
        "archipel_session"
    }
}

/// The anonymous learner's cookie (`__Host-` on https: no subdomain can plant it).
pub fn learner_cookie_name(secure: bool) -> &'static str {
    if secure {
        "__Host-archipel_learner"
    } else {
        "archipel_learner"
    }
}

/// The cookie that remembers an explicit language choice.
pub const LANG_COOKIE: &str = "archipel_lang";

/// The language to show a reader who did not say: the one chosen before
/// (cookie), else the browser's best offered one, else the default.
pub fn reader_lang(state: &AppState, headers: &axum::http::HeaderMap) -> Lang {
    let offered = state.settings.langs();
    let remembered = read_cookie(headers, LANG_COOKIE)
        .and_then(|c| Lang::from_code(&c))
        .filter(|l| offered.contains(l));
    let negotiated = || {
        headers
            .get(header::ACCEPT_LANGUAGE)
            .and_then(|v| v.to_str().ok())
            .and_then(|v| Lang::negotiate(v, &offered))
    };
    remembered
        .or_else(negotiated)
        .unwrap_or_else(|| state.settings.default_lang())
}

/// The interface language a request's path asks for, if it names one offered.
pub fn path_lang(state: &AppState, path: &str) -> Option<Lang> {
    let first = path.trim_start_matches('/').split('/').next()?;
    Lang::from_code(first).filter(|l| state.settings.langs().contains(l))
}

/// Sets the reader's new token in its cookie.
pub fn set_csrf_cookie(state: &AppState, res: &mut Response, token: &str) {
    let secure = state.settings.secure_cookies();
    let cookie = format!(
        "{}={token}; Path=/; HttpOnly; SameSite=Lax{}",
        csrf_cookie_name(secure),
        if secure { "; Secure" } else { "" }
    );
    if let Ok(v) = HeaderValue::from_str(&cookie) {
        res.headers_mut().append(header::SET_COOKIE, v);
    }
}
