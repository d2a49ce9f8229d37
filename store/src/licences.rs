//! Every licence a partner may use, known or not.
//!
//! A licence is named either by a URI or by an SPDX id. Known licences —
//! Creative Commons in all their versions and ported (jurisdiction)
//! variants, the public-domain tools, the GNU family, the common
//! permissive licences, the open data and French public-sector licences —
//! are recognised however they are written (`http` or `https`, `www.` or
//! not, final slash, `.html`/`.en.html`, `legalcode`/`deed.xx`, GNU
//! `old-licenses/…`, SPDX `GPL-2.0+` or `GPL-2.0-or-later`) and stored as
//! one canonical URI, with their SPDX id and a short name. A well-formed
//! `http(s)` URI that names no known licence is kept as given; anything
//! else is refused.

mod table;

use std::borrow::Cow;

pub use table::Licence;

/// Longest licence value accepted (a URI or an SPDX id).
pub const MAX_CHARS: usize = 300;

/// What a licence value resolves to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Resolved {
    /// A licence of the registry.
    Known(Licence),
    /// A well-formed `http(s)` URI naming no known licence, kept as given.
    Other(String),
}

impl Resolved {
    /// The URI to store: the canonical one of a known licence.
    pub fn uri(&self) -> &str {
        match self {
            Resolved::Known(l) => &l.uri,
            Resolved::Other(uri) => uri,
        }
    }
}

/// Why a value is not a licence.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum LicenceError {
    #[error("no licence given")]
    Empty,
    #[error("a licence is at most {MAX_CHARS} characters")]
    TooLong,
    #[error("{0:?} is neither an http(s) licence URI nor an SPDX licence id")]
    NotALicence(String),
}

impl LicenceError {
    /// The stable error code shown on a form field.
    pub fn code(&self) -> &'static str {
        match self {
            LicenceError::Empty => "licence-invalid",
            LicenceError::TooLong => "too-long",
            LicenceError::NotALicence(_) => "licence-unknown",
        }
    }
}

/// Resolves a licence URI or SPDX id.
pub fn resolve(input: &str) -> Result<Resolved, LicenceError> {
    let value = input.trim();
    if value.is_empty() {
        return Err(LicenceError::Empty);
    }
    if value.chars().count() > MAX_CHARS {
        return Err(LicenceError::TooLong);
    }
    if let Some(key) = uri_key(value) {
        return Ok(match table::by_key(&key) {
            Some(l) => Resolved::Known(l),
            None => Resolved::Other(value.to_string()),
        });
    }
    table::by_spdx(value)
        .map(Resolved::Known)
        .ok_or_else(|| LicenceError::NotALicence(value.to_string()))
}

/// The known licence a stored (or any) value names.
pub fn known(value: &str) -> Option<Licence> {
    match resolve(value) {
        Ok(Resolved::Known(l)) => Some(l),
        _ => None,
    }
}

/// The short name of a stored licence: the registry's (`CC BY-SA 3.0`),
/// else the URI's host and path (`example.org/licence`).
pub fn label(value: &str) -> Cow<'static, str> {
    if let Some(l) = known(value) {
        return Cow::Owned(l.label);
    }
    let rest = strip_scheme(value.trim()).unwrap_or(value.trim());
    let rest = rest.split(['?', '#']).next().unwrap_or_default();
    let rest = rest.strip_prefix("www.").unwrap_or(rest);
    Cow::Owned(rest.trim_end_matches('/').to_string())
}

fn strip_scheme(value: &str) -> Option<&str> {
    let lower = value.get(..8).unwrap_or(value).to_ascii_lowercase();
    if lower.starts_with("https://") {
        Some(&value[8..])
    } else if lower.starts_with("http://") {
        Some(&value[7..])
    } else {
        None
    }
}

/// The spelling-free key of a well-formed `http(s)` URI: host (without
/// `www.`) and path, lower case, without query, fragment, final slash or
/// page suffix (`.html`, `.en.html`, `.txt`); `None` if not such a URI.
fn uri_key(value: &str) -> Option<String> {
    if value.chars().any(|c| c.is_whitespace() || c.is_control()) {
        return None;
    }
    let rest = strip_scheme(value)?;
    let rest = rest.split(['?', '#']).next().unwrap_or_default();
    let (host, path) = rest.split_once('/').unwrap_or((rest, ""));
    let host_ok = host.contains('.')
        && !host.starts_with('.')
        && !host.ends_with('.')
        && host
            .chars()
            .all(|c| c.is_alphanumeric() || matches!(c, '.' | '-' | ':'));
    if !host_ok {
        return None;
    }
    let host = host.to_lowercase();
    let host = host.strip_prefix("www.").unwrap_or(&host);
    let mut path = path.to_lowercase();
    loop {
        let before = path.len();
        path = path.trim_end_matches('/').to_string();
        for suffix in [".html", ".htm", ".txt", ".php"] {
            if let Some(p) = path.strip_suffix(suffix) {
                path = p.to_string();
            }
        }
        // A language before the suffix: `gpl-3.0.en.html`.
        if let Some((stem, lang)) = path.rsplit_once('.')
            && (2..=7).contains(&lang.len())
            && lang.chars().all(|c| c.is_ascii_lowercase() || c == '-')
            && !lang.starts_with('-')
        {
            path = stem.to_string();
        }
        if path.len() == before {
            break;
        }
    }
    Some(if path.is_empty() {
        host.to_string()
    } else {
        format!("{host}/{path}")
    })
}

#[cfg(test)]
mod tests;
