//! Media objects: the files that encode a resource, its trailer and its
//! captions.

use serde_json::Value;

use crate::check::{Checker, Node};
use crate::syntax::{is_digits, is_media_type, is_sha256};
use crate::vocab::is_language;

/// Checks `encoding`: an array of media objects, each of type
/// `MediaObject` with a `contentUrl` or an `embedUrl`.
pub(crate) fn encodings(ck: &mut Checker, value: &Value, path: &str) -> Option<()> {
    ck.each(value, path, "an array of media objects", |ck, v, p| {
        media_object(ck, v, p, &["MediaObject"])
    })
    .map(drop)
}

/// Checks `trailer`: one video or audio object with a `contentUrl` or an
/// `embedUrl`.
pub(crate) fn trailer(ck: &mut Checker, value: &Value, path: &str) -> Option<()> {
    media_object(ck, value, path, &["VideoObject", "AudioObject"])
}

/// Checks one media object whose `type` must be one of `types`.
fn media_object(ck: &mut Checker, value: &Value, path: &str, types: &[&str]) -> Option<()> {
    let node = ck.object(
        value,
        path,
        "a media object with a \"type\" and a \"contentUrl\" or \"embedUrl\"",
    )?;
    ck.required(&node, "type", |ck, v, p| ck.one_of(v, p, types).map(drop));
    ck.optional(&node, "contentUrl", |ck, v, p| ck.iri(v, p).map(drop));
    ck.optional(&node, "embedUrl", |ck, v, p| ck.iri(v, p).map(drop));
    if node.get("contentUrl").is_none() && node.get("embedUrl").is_none() {
        ck.report(
            &node.path,
            "must have a \"contentUrl\" (download link) or an \"embedUrl\" (player link)",
        );
    }
    check_file_details(ck, &node);
    Some(())
}

/// Checks the members describing the file itself: format, size, digest and
/// bitrate.
fn check_file_details(ck: &mut Checker, node: &Node<'_>) {
    ck.optional(node, "encodingFormat", |ck, v, p| {
        ck.matching(v, p, is_media_type, "a media type such as \"video/mp4\"")
            .map(drop)
    });
    ck.optional(node, "contentSize", |ck, v, p| {
        ck.matching(
            v,
            p,
            is_digits,
            "the size in bytes written as digits only, without a unit (e.g. \"568000000\")",
        )
        .map(drop)
    });
    ck.optional(node, "bitrate", |ck, v, p| {
        ck.matching(
            v,
            p,
            is_digits,
            "the bitrate in kb/s written as digits only, without a unit (e.g. \"1651\")",
        )
        .map(drop)
    });
    ck.optional(node, "sha256", |ck, v, p| {
        ck.matching(v, p, is_sha256, "a SHA-256 digest of 64 hexadecimal digits")
            .map(drop)
    });
}

/// Checks `caption`: an array of subtitle files, each a `MediaObject` with
/// an `id` and at most one language.
pub(crate) fn captions(ck: &mut Checker, value: &Value, path: &str) -> Option<()> {
    ck.each(value, path, "an array of caption objects", caption)
        .map(drop)
}

/// Checks one caption file.
fn caption(ck: &mut Checker, value: &Value, path: &str) -> Option<()> {
    let node = ck.object(
        value,
        path,
        "a caption object with an \"id\" and the type \"MediaObject\"",
    )?;
    ck.required(&node, "id", |ck, v, p| ck.iri(v, p).map(drop));
    ck.required(&node, "type", |ck, v, p| {
        ck.one_of(v, p, &["MediaObject"]).map(drop)
    });
    ck.optional(&node, "encodingFormat", |ck, v, p| {
        ck.string(v, p).map(drop)
    });
    ck.optional(&node, "inLanguage", |ck, v, p| {
        if v.is_array() {
            ck.report(
                p,
                "must be a single language code; give each language its own caption file",
            );
            return None;
        }
        language(ck, v, p)
    });
    Some(())
}

/// Checks a single language code such as `"de"`.
pub(crate) fn language(ck: &mut Checker, value: &Value, path: &str) -> Option<()> {
    ck.matching(
        value,
        path,
        is_language,
        "a two-letter ISO 639-1 language code such as \"de\"",
    )
    .map(drop)
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn shown(ck: &Checker) -> Vec<String> {
        ck.problems.iter().map(ToString::to_string).collect()
    }

    #[test]
    fn encoding_with_units_and_no_urls() {
        let mut ck = Checker::default();
        let value = json!([{"type": "MediaObject", "bitrate": "831 kb/s", "contentSize": "286MB"}]);
        encodings(&mut ck, &value, "encoding");
        let shown = shown(&ck);
        assert_eq!(shown.len(), 3, "{shown:?}");
        assert!(shown[0].starts_with("encoding[0]: must have a \"contentUrl\""));
        assert!(shown[1].starts_with("encoding[0].contentSize: must be the size in bytes"));
        assert!(shown[2].starts_with("encoding[0].bitrate: must be the bitrate"));
    }

    #[test]
    fn valid_trailer() {
        let mut ck = Checker::default();
        let value = json!({"type": "AudioObject", "encodingFormat": "audio/mp3", "embedUrl": "https://e.org/t"});
        assert_eq!(trailer(&mut ck, &value, "trailer"), Some(()));
        assert!(ck.problems.is_empty());
    }

    #[test]
    fn caption_languages() {
        let mut ck = Checker::default();
        let value = json!([{"id": "https://e.org/s.vtt", "type": "MediaObject", "inLanguage": ["de", "en"]}]);
        captions(&mut ck, &value, "caption");
        assert_eq!(
            shown(&ck),
            [
                "caption[0].inLanguage: must be a single language code; give each language its own caption file"
            ]
        );
    }
}
