//! Source values read onto the library's vocabularies: language codes and
//! kinds of resource.

/// A lower-case ISO 639-1 code where one exists, from a tag, a code or a
/// language IRI (`…/iso639-2/fra`, `…/authority/language/FRA`).
pub fn language_code(value: &str) -> Option<String> {
    let v = value.trim();
    let v = v.rsplit(['/', '#']).next().unwrap_or(v);
    let primary = v.split(['-', '_']).next()?.to_ascii_lowercase();
    if !(2..=3).contains(&primary.len()) || !primary.chars().all(|c| c.is_ascii_lowercase()) {
        return None;
    }
    let two = match primary.as_str() {
        "fra" | "fre" => "fr",
        "eng" => "en",
        "deu" | "ger" => "de",
        "ita" => "it",
        "hrv" | "scr" => "hr",
        "spa" => "es",
        "por" => "pt",
        "nld" | "dut" => "nl",
        "pol" => "pl",
        "ces" | "cze" => "cs",
        "slk" | "slo" => "sk",
        "slv" => "sl",
        "srp" => "sr",
        "bos" => "bs",
        "hun" => "hu",
        "ron" | "rum" => "ro",
        "ell" | "gre" => "el",
        "swe" => "sv",
        "dan" => "da",
        "fin" => "fi",
        "nor" | "nob" => "no",
        "cat" => "ca",
        "eus" | "baq" => "eu",
        "glg" => "gl",
        "bul" => "bg",
        "rus" => "ru",
        "ukr" => "uk",
        "ara" => "ar",
        "zho" | "chi" => "zh",
        "jpn" => "ja",
        "tur" => "tr",
        "lit" => "lt",
        "lav" => "lv",
        "est" => "et",
        "gle" => "ga",
        "mlt" => "mt",
        other => other,
    };
    Some(two.to_string())
}

/// The library kind a resource type names: an HCRT term, a schema.org
/// class, a DCMI type, or a word (`video`, `Text`…).
pub fn kind_of(term: &str) -> Option<&'static str> {
    let t = term.trim();
    let local = t.rsplit(['/', '#']).next().unwrap_or(t);
    Some(
        match local.to_ascii_lowercase().replace([' ', '-'], "_").as_str() {
            "video" | "videoobject" | "movingimage" | "movie" => "video",
            "audio" | "audioobject" | "sound" | "podcast" | "podcastepisode" | "podcastseries" => {
                "podcast"
            }
            "course" => "course",
            "data" | "dataset" => "dataset",
            "application"
            | "tool"
            | "simulation"
            | "educational_game"
            | "software"
            | "softwareapplication"
            | "webapplication"
            | "mobileapplication"
            | "interactiveresource"
            | "game" => "tool",
            "lesson_plan" | "worksheet" | "drill_and_practice" | "assessment" | "questionnaire"
            | "experiment" | "case_study" | "quiz" => "workshop-kit",
            "text" | "web_page" | "webpage" | "reference_work" | "wiki" | "index" | "portal"
            | "article" | "scholarlyarticle" | "newsarticle" | "techarticle" | "blogposting" => {
                "article"
            }
            "textbook" | "script" | "slide" | "book" | "guide" | "howto" => "guide",
            _ => return None,
        },
    )
}
