//! Lexical checks for the string formats the profile uses: IRIs, media
//! types, digit-only numbers and SHA-256 digests.

/// Whether `s` is an absolute IRI: a scheme, a colon and a non-empty rest
/// free of spaces, control characters and the characters IRIs forbid, with
/// well-formed percent escapes. For `http` and `https` a host is required.
///
/// Non-ASCII letters are accepted, as JSON-LD identifiers are IRIs.
pub(crate) fn is_absolute_iri(s: &str) -> bool {
    let Some((scheme, rest)) = s.split_once(':') else {
        return false;
    };
    let mut scheme_chars = scheme.chars();
    if !scheme_chars.next().is_some_and(|c| c.is_ascii_alphabetic()) {
        return false;
    }
    if !scheme_chars.all(|c| c.is_ascii_alphanumeric() || matches!(c, '+' | '-' | '.')) {
        return false;
    }
    if rest.is_empty() || rest.matches('#').count() > 1 {
        return false;
    }
    let bytes = rest.as_bytes();
    for (i, c) in rest.char_indices() {
        if c.is_control()
            || c.is_whitespace()
            || matches!(c, '<' | '>' | '"' | '{' | '}' | '|' | '\\' | '^' | '`')
        {
            return false;
        }
        if c == '%' {
            let escape = bytes.get(i + 1..i + 3);
            if !escape.is_some_and(|e| e.iter().all(u8::is_ascii_hexdigit)) {
                return false;
            }
        }
    }
    if scheme.eq_ignore_ascii_case("http") || scheme.eq_ignore_ascii_case("https") {
        let Some(after) = rest.strip_prefix("//") else {
            return false;
        };
        let host_end = after.find(['/', '?', '#']).unwrap_or(after.len());
        if host_end == 0 {
            return false;
        }
    }
    true
}

/// The top-level media types that `encodingFormat` may name.
const MEDIA_TOP_LEVELS: &[&str] = &[
    "application",
    "audio",
    "example",
    "font",
    "image",
    "message",
    "model",
    "multipart",
    "text",
    "video",
];

/// Whether `s` is a media type such as `video/mp4` or
/// `application/vnd.h5p+zip`, without parameters.
pub(crate) fn is_media_type(s: &str) -> bool {
    let Some((top, sub)) = s.split_once('/') else {
        return false;
    };
    MEDIA_TOP_LEVELS.contains(&top)
        && !sub.is_empty()
        && sub
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '+' | '_' | '.'))
}

/// Whether `s` is a non-empty run of ASCII digits (a number without unit).
pub(crate) fn is_digits(s: &str) -> bool {
    !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit())
}

/// Whether `s` is a SHA-256 digest written as 64 hexadecimal digits.
pub(crate) fn is_sha256(s: &str) -> bool {
    s.len() == 64 && s.bytes().all(|b| b.is_ascii_hexdigit())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn iris() {
        for good in [
            "https://example.org/oer",
            "http://w3id.org/kim/schulfaecher/s1009",
            "resource:this-is-a-uri",
            "urn:uuid:4062c64d-b0ac-4941-95c2-8116f137326d",
            "https://www.tutory.de/worksheet/x.jpg?width=1000",
            "https://example.org/a%20b#frag",
            "https://de.wikipedia.org/wiki/Köln",
        ] {
            assert!(is_absolute_iri(good), "{good}");
        }
        for bad in [
            "",
            "example.org/oer",
            "/relative/path",
            "1http://example.org",
            "https://",
            "http:/example.org",
            "https://example.org/a b",
            "https://example.org/%zz",
            "https://example.org/#a#b",
            "mailto:",
        ] {
            assert!(!is_absolute_iri(bad), "{bad}");
        }
    }

    #[test]
    fn media_types() {
        assert!(is_media_type("video/mp4"));
        assert!(is_media_type("application/vnd.h5p+zip"));
        assert!(!is_media_type("mp4"));
        assert!(!is_media_type("movie/mp4"));
        assert!(!is_media_type("text/"));
        assert!(!is_media_type("text/html; charset=utf-8"));
    }

    #[test]
    fn numbers_and_digests() {
        assert!(is_digits("568000000"));
        assert!(!is_digits("568MB") && !is_digits("1651 kb/s") && !is_digits(""));
        assert!(is_sha256(&"aF09".repeat(16)));
        assert!(!is_sha256("abc") && !is_sha256(&"g".repeat(64)));
    }
}
