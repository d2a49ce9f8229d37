//! The controlled values of the profile: language codes, resource types,
//! context IRIs, licences and concept vocabularies.

/// The IRI of the AMB JSON-LD context that every record must reference.
pub(crate) const AMB_CONTEXT: &str = "https://w3id.org/kim/amb/context.jsonld";

/// Context IRIs accepted as referencing the AMB profile: the published one
/// first, then the draft locations used while the profile was developed.
pub(crate) const AMB_CONTEXTS: &[&str] = &[
    AMB_CONTEXT,
    "https://w3id.org/kim/amb/draft/context.jsonld",
    "https://w3id.org/kim/lrmi-profile/draft/context.jsonld",
];

/// The two-letter ISO 639-1 codes the profile allows for languages, for the
/// default `@language` and for the keys of language maps.
pub(crate) const LANGUAGES: &[&str] = &[
    "aa", "ab", "ae", "af", "ak", "am", "an", "ar", "as", "av", "ay", "az", "ba", "be", "bg", "bi",
    "bm", "bn", "bo", "br", "bs", "ca", "ce", "ch", "co", "cr", "cs", "cu", "cv", "cy", "da", "de",
    "dv", "dz", "ee", "el", "en", "eo", "es", "et", "eu", "fa", "ff", "fi", "fj", "fo", "fr", "fy",
    "ga", "gd", "gl", "gn", "gu", "gv", "ha", "he", "hi", "ho", "hr", "ht", "hu", "hy", "hz", "ia",
    "id", "ie", "ig", "ii", "ik", "io", "is", "it", "iu", "ja", "jv", "ka", "kg", "ki", "kj", "kk",
    "kl", "km", "kn", "ko", "kr", "ks", "ku", "kv", "kw", "ky", "la", "lb", "lg", "li", "ln", "lo",
    "lt", "lu", "lv", "mg", "mh", "mi", "mk", "ml", "mn", "mr", "ms", "mt", "my", "na", "nb", "nd",
    "ne", "ng", "nl", "nn", "no", "nr", "nv", "ny", "oc", "oj", "om", "or", "os", "pa", "pi", "pl",
    "ps", "pt", "qu", "rm", "rn", "ro", "ru", "rw", "sa", "sc", "sd", "se", "sg", "si", "sk", "sl",
    "sm", "sn", "so", "sq", "sr", "ss", "st", "su", "sv", "sw", "ta", "te", "tg", "th", "ti", "tk",
    "tl", "tn", "to", "tr", "ts", "tt", "tw", "ty", "ug", "uk", "ur", "uz", "ve", "vi", "vo", "wa",
    "wo", "xh", "yi", "yo", "za", "zh", "zu",
];

/// Whether `code` is one of the allowed ISO 639-1 language codes.
pub(crate) fn is_language(code: &str) -> bool {
    LANGUAGES.binary_search(&code).is_ok()
}

/// The schema.org CreativeWork types a resource may declare in `type`.
pub(crate) const CREATIVE_WORK_TYPES: &[&str] = &[
    "3DModel",
    "AmpStory",
    "Article",
    "Atlas",
    "Audiobook",
    "AudioObject",
    "Blog",
    "Book",
    "BookSeries",
    "Chapter",
    "Clip",
    "Collection",
    "ComicStory",
    "Comment",
    "Conversation",
    "Course",
    "CreativeWorkSeason",
    "CreativeWorkSeries",
    "DataDownload",
    "Diet",
    "DigitalDocument",
    "Drawing",
    "Episode",
    "ExercisePlan",
    "FAQPage",
    "Game",
    "Guide",
    "HowTo",
    "ImageGallery",
    "ImageObject",
    "LearningResource",
    "LegislationObject",
    "Manuscript",
    "Map",
    "MathSolver",
    "MediaGallery",
    "MediaObject",
    "Message",
    "MobileApplication",
    "Movie",
    "MovieClip",
    "MovieSeries",
    "MusicAlbum",
    "MusicComposition",
    "MusicPlaylist",
    "MusicRecording",
    "MusicRelease",
    "MusicVideoObject",
    "NewsArticle",
    "Painting",
    "Periodical",
    "Photograph",
    "Play",
    "PodcastEpisode",
    "PodcastSeason",
    "PodcastSeries",
    "Poster",
    "PresentationDigitalDocument",
    "PublicationIssue",
    "PublicationVolume",
    "Quotation",
    "Quiz",
    "RadioClip",
    "RadioEpisode",
    "RadioSeason",
    "RadioSeries",
    "Recipe",
    "Review",
    "Report",
    "ScholarlyArticle",
    "Sculpture",
    "SheetMusic",
    "ShortStory",
    "SoftwareApplication",
    "SoftwareSourceCode",
    "SpreadsheetDigitalDocument",
    "TVClip",
    "TVEpisode",
    "TVSeason",
    "TVSeries",
    "Thesis",
    "TextDigitalDocument",
    "VideoGallery",
    "VideoGame",
    "VideoGameClip",
    "VideoGameSeries",
    "VideoObject",
    "VisualArtwork",
    "WebApplication",
    "WebContent",
    "WebPage",
];

/// The type every record (and every part it names) must declare.
pub(crate) const LEARNING_RESOURCE: &str = "LearningResource";

/// Licence IRI prefixes, each with and without TLS: Creative Commons and
/// Public Domain, GNU, Apache, MIT and BSD.
pub(crate) const LICENCE_PREFIXES: &[&str] = &[
    "creativecommons.org/licenses/",
    "creativecommons.org/licences/",
    "creativecommons.org/publicdomain/",
    "www.gnu.org/licenses/",
    "www.apache.org/licenses/",
    "opensource.org/licenses/MIT",
    "www.opensource.org/licenses/BSD",
];

/// Whether `iri` names one of the licences the profile allows.
pub(crate) fn is_allowed_licence(iri: &str) -> bool {
    let rest = iri
        .strip_prefix("https://")
        .or_else(|| iri.strip_prefix("http://"));
    rest.is_some_and(|rest| LICENCE_PREFIXES.iter().any(|p| rest.starts_with(p)))
}

/// Subject vocabularies: at least one `about` concept must come from these.
pub(crate) const SUBJECT_VOCABULARIES: &[&str] = &[
    "https://w3id.org/kim/hochschulfaechersystematik/",
    "http://w3id.org/kim/schulfaecher/",
];

/// Resource-type vocabularies: at least one `learningResourceType` concept
/// must come from these.
pub(crate) const RESOURCE_TYPE_VOCABULARIES: &[&str] = &[
    "http://w3id.org/openeduhub/vocabs/new_lrt/",
    "https://w3id.org/kim/hcrt/",
];

/// The vocabulary every `educationalLevel` concept must come from.
pub(crate) const EDUCATIONAL_LEVEL_VOCABULARIES: &[&str] =
    &["https://w3id.org/kim/educationalLevel/"];

/// The concepts allowed for `conditionsOfAccess`.
pub(crate) const CONDITIONS_OF_ACCESS: &[&str] = &[
    "http://w3id.org/kim/conditionsOfAccess/no_login",
    "http://w3id.org/kim/conditionsOfAccess/login",
];

/// The concepts allowed for `interactivityType`.
pub(crate) const INTERACTIVITY_TYPES: &[&str] = &[
    "http://purl.org/dcx/lrmi-vocabs/interactivityType/active",
    "http://purl.org/dcx/lrmi-vocabs/interactivityType/expositive",
    "http://purl.org/dcx/lrmi-vocabs/interactivityType/mixed",
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn language_table_is_sorted_for_binary_search() {
        assert!(LANGUAGES.windows(2).all(|w| w[0] < w[1]));
        assert!(is_language("de") && is_language("zu"));
        assert!(!is_language("de-AT") && !is_language("DE") && !is_language("xx"));
    }

    #[test]
    fn licences() {
        assert!(is_allowed_licence(
            "https://creativecommons.org/licenses/by/4.0/"
        ));
        assert!(is_allowed_licence("http://www.gnu.org/licenses/agpl-3.0"));
        assert!(is_allowed_licence("https://opensource.org/licenses/MIT"));
        assert!(!is_allowed_licence(
            "https://opensource.org/licenses/MPL-2.0"
        ));
        assert!(!is_allowed_licence(
            "ftp://creativecommons.org/licenses/by/4.0/"
        ));
    }
}
