//! How the directory's pages name things: languages providers speak, areas,
//! excerpts of descriptions, logo addresses.

use i18n::Lang;
use store::directory::{Area, vocab};

/// Native names of languages providers commonly speak, beyond the
/// interface's own (which [`app::language_name`] names).
const SPOKEN: [(&str, &str); 22] = [
    ("ar", "العربية"),
    ("bs", "Bosanski"),
    ("br", "Brezhoneg"),
    ("ca", "Català"),
    ("cs", "Čeština"),
    ("da", "Dansk"),
    ("el", "Ελληνικά"),
    ("es", "Español"),
    ("eu", "Euskara"),
    ("fi", "Suomi"),
    ("hu", "Magyar"),
    ("lb", "Lëtzebuergesch"),
    ("nl", "Nederlands"),
    ("oc", "Occitan"),
    ("pl", "Polski"),
    ("pt", "Português"),
    ("ro", "Română"),
    ("rm", "Rumantsch"),
    ("sk", "Slovenčina"),
    ("sl", "Slovenščina"),
    ("sr", "Српски / Srpski"),
    ("sv", "Svenska"),
];

/// A spoken language's name in itself (`de-AT` is named as `de`); the tag
/// for languages without a known name.
pub fn spoken_language(tag: &str) -> String {
    let primary = tag.split('-').next().unwrap_or(tag).to_ascii_lowercase();
    if Lang::from_code(&primary).is_some() {
        return app::language_name(&primary);
    }
    SPOKEN
        .iter()
        .find(|(code, _)| *code == primary)
        .map(|(_, name)| (*name).to_string())
        .unwrap_or_else(|| tag.to_string())
}

/// The words for an area code: a region's NUTS-1 name, a country's name.
pub fn area_label(lang: Lang, code: &str) -> String {
    match vocab::region(code) {
        Some(r) => r.name.to_string(),
        None => i18n::labels::country(lang, code),
    }
}

/// A profile's areas as the public reads them: each country named, with
/// the names of the regions served in it (none for the whole country).
pub fn areas_named(lang: Lang, areas: &[Area]) -> Vec<(String, Vec<String>)> {
    store::directory::browse::areas_by_country(areas)
        .into_iter()
        .map(|(country, regions)| {
            (
                i18n::labels::country(lang, &country),
                regions.iter().map(|r| area_label(lang, r)).collect(),
            )
        })
        .collect()
}

/// The beginning of a description as plain text: whole sentences up to
/// about `max` characters (cut at a word, with an ellipsis, when the first
/// sentence alone is longer).
pub fn excerpt(description: &str, max: usize) -> String {
    let text = courses::render::plain_text(description);
    if text.chars().count() <= max {
        return text;
    }
    let mut out = String::new();
    for sentence in text.split_inclusive(['.', '!', '?']) {
        if out.chars().count() + sentence.chars().count() > max {
            break;
        }
        out.push_str(sentence);
    }
    if !out.trim().is_empty() {
        return out.trim().to_string();
    }
    let mut cut = String::new();
    for word in text.split_whitespace() {
        if cut.chars().count() + word.chars().count() + 1 > max {
            break;
        }
        if !cut.is_empty() {
            cut.push(' ');
        }
        cut.push_str(word);
    }
    format!("{cut} …")
}

/// The address of a provider's logo, when it has one.
pub fn logo_url(logo: Option<&String>) -> Option<String> {
    logo.map(|f| format!("/media/logos/{f}"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn excerpts_keep_whole_sentences() {
        let text = "First sentence here. Second one is a bit longer than that. Third.";
        assert_eq!(excerpt(text, 200), text);
        assert_eq!(excerpt(text, 30), "First sentence here.");
        assert_eq!(excerpt("one two three four five six", 12), "one two …");
    }

    #[test]
    fn spoken_languages_are_named_in_themselves() {
        assert_eq!(spoken_language("de-AT"), "Deutsch");
        assert_eq!(spoken_language("es"), "Español");
        assert_eq!(spoken_language("xx"), "xx");
    }
}
