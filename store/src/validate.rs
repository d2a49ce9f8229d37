//! Checks on what people type, shared by every form and API that accepts it.
//! Each check returns stable error codes that the UI localises.

use crate::FieldError;

pub const PASSWORD_MIN_CHARS: usize = 10;
pub const PASSWORD_MAX_CHARS: usize = 256;
pub const DISPLAY_NAME_MAX_CHARS: usize = 80;
pub const EMAIL_MAX_CHARS: usize = 254;
pub const ORG_NAME_MAX_CHARS: usize = 120;
pub const WEBSITE_MAX_CHARS: usize = 300;

/// Lower-cases and trims an e-mail address, the form it is stored and compared in.
pub fn normalise_email(email: &str) -> String {
    email.trim().to_lowercase()
}

pub fn email(field: &'static str, value: &str, errors: &mut Vec<FieldError>) {
    let value = value.trim();
    if value.is_empty() {
        errors.push(FieldError::new(field, "required"));
    } else if value.chars().count() > EMAIL_MAX_CHARS
        || !email_address::EmailAddress::is_valid(value)
        || !value.contains('.')
    {
        errors.push(FieldError::new(field, "email-invalid"));
    }
}

pub fn password(field: &'static str, value: &str, errors: &mut Vec<FieldError>) {
    let n = value.chars().count();
    if n == 0 {
        errors.push(FieldError::new(field, "required"));
    } else if n < PASSWORD_MIN_CHARS {
        errors.push(FieldError::new(field, "password-too-short"));
    } else if n > PASSWORD_MAX_CHARS {
        errors.push(FieldError::new(field, "too-long"));
    }
}

/// A one-line human text: required, bounded, without control characters.
pub fn line(field: &'static str, value: &str, max_chars: usize, errors: &mut Vec<FieldError>) {
    let value = value.trim();
    if value.is_empty() {
        errors.push(FieldError::new(field, "required"));
    } else if value.chars().count() > max_chars {
        errors.push(FieldError::new(field, "too-long"));
    } else if value.chars().any(char::is_control) {
        errors.push(FieldError::new(field, "invalid-characters"));
    }
}

/// A BCP 47 language tag in its common shape: `fr`, `de-AT`, `sr-Latn`.
pub fn is_language_tag(tag: &str) -> bool {
    let mut parts = tag.split('-');
    let primary = parts.next().unwrap_or_default();
    (2..=3).contains(&primary.len())
        && primary.chars().all(|c| c.is_ascii_lowercase())
        && parts.all(|p| (2..=8).contains(&p.len()) && p.chars().all(|c| c.is_ascii_alphanumeric()))
}

/// Parses a comma- or space-separated list of language tags, lower-casing the
/// primary subtag and dropping duplicates; any malformed tag is an error.
pub fn language_list(
    field: &'static str,
    value: &str,
    errors: &mut Vec<FieldError>,
) -> Vec<String> {
    let mut tags: Vec<String> = Vec::new();
    for raw in value
        .split([',', ' '])
        .map(str::trim)
        .filter(|s| !s.is_empty())
    {
        let tag = match raw.split_once('-') {
            Some((p, rest)) => format!("{}-{rest}", p.to_lowercase()),
            None => raw.to_lowercase(),
        };
        if !is_language_tag(&tag) {
            errors.push(FieldError::new(field, "language-invalid"));
            return Vec::new();
        }
        if !tags.contains(&tag) {
            tags.push(tag);
        }
    }
    if tags.len() > 20 {
        errors.push(FieldError::new(field, "too-long"));
    }
    tags
}

/// An ISO 3166-1 alpha-2 country code, upper-cased.
pub fn country(field: &'static str, value: &str, errors: &mut Vec<FieldError>) -> String {
    let code = value.trim().to_uppercase();
    if code.is_empty() {
        errors.push(FieldError::new(field, "required"));
    } else if code.len() != 2 || !code.chars().all(|c| c.is_ascii_uppercase()) {
        errors.push(FieldError::new(field, "country-invalid"));
    }
    code
}

/// An optional http(s) address.
pub fn website(field: &'static str, value: &str, errors: &mut Vec<FieldError>) -> String {
    let value = value.trim();
    if value.is_empty() {
        return String::new();
    }
    let rest = value
        .strip_prefix("https://")
        .or_else(|| value.strip_prefix("http://"));
    let host_ok = rest
        .map(|r| r.split(['/', '?', '#']).next().unwrap_or_default())
        .is_some_and(|host| {
            !host.is_empty() && host.contains('.') && !host.contains(char::is_whitespace)
        });
    if value.chars().count() > WEBSITE_MAX_CHARS {
        errors.push(FieldError::new(field, "too-long"));
    } else if !host_ok || value.chars().any(|c| c.is_whitespace() || c.is_control()) {
        errors.push(FieldError::new(field, "url-invalid"));
    }
    value.to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn codes(f: impl FnOnce(&mut Vec<FieldError>)) -> Vec<&'static str> {
        let mut errors = Vec::new();
        f(&mut errors);
        errors.into_iter().map(|e| e.code).collect()
    }

    #[test]
    fn emails() {
        assert!(codes(|e| email("email", "ada@example.org", e)).is_empty());
        assert_eq!(codes(|e| email("email", "", e)), ["required"]);
        assert_eq!(codes(|e| email("email", "ada@", e)), ["email-invalid"]);
        assert_eq!(
            codes(|e| email("email", "ada@localhost", e)),
            ["email-invalid"]
        );
        assert_eq!(normalise_email("  Ada@Example.ORG "), "ada@example.org");
    }

    #[test]
    fn passwords() {
        assert_eq!(
            codes(|e| password("password", "short", e)),
            ["password-too-short"]
        );
        assert!(codes(|e| password("password", "long enough pass", e)).is_empty());
        assert_eq!(
            codes(|e| password("password", &"x".repeat(300), e)),
            ["too-long"]
        );
    }

    #[test]
    fn lines() {
        assert_eq!(codes(|e| line("name", "  ", 10, e)), ["required"]);
        assert_eq!(
            codes(|e| line("name", "a\u{7}b", 10, e)),
            ["invalid-characters"]
        );
        assert_eq!(codes(|e| line("name", "abcdefghijk", 10, e)), ["too-long"]);
    }

    #[test]
    fn languages() {
        let mut errors = Vec::new();
        assert_eq!(
            language_list("l", "FR, de-AT  it,fr", &mut errors),
            ["fr", "de-AT", "it"]
        );
        assert!(errors.is_empty());
        assert_eq!(
            codes(|e| drop(language_list("l", "fr, français", e))),
            ["language-invalid"]
        );
    }

    #[test]
    fn countries_and_websites() {
        let mut errors = Vec::new();
        assert_eq!(country("country", "hr", &mut errors), "HR");
        assert!(errors.is_empty());
        assert_eq!(
            codes(|e| drop(country("country", "France", e))),
            ["country-invalid"]
        );
        assert!(codes(|e| drop(website("w", "https://framasoft.org/fr/", e))).is_empty());
        assert!(codes(|e| drop(website("w", "", e))).is_empty());
        assert_eq!(
            codes(|e| drop(website("w", "javascript:alert(1)", e))),
            ["url-invalid"]
        );
        assert_eq!(
            codes(|e| drop(website("w", "https://exa mple.org", e))),
            ["url-invalid"]
        );
    }
}
