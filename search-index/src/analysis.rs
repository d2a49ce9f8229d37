//! Text analysis per language: tokenise, drop over-long tokens, lower-case,
//! drop elided articles (l', d', dell'…), stem, then fold accents, so that
//! "l'Éducation" and "education" meet. Two-letter terms (IA, UE) are kept.

use tantivy::tokenizer::{
    AsciiFoldingFilter, Language, LowerCaser, RemoveLongFilter, SimpleTokenizer, Stemmer,
    StopWordFilter, TextAnalyzer, Token, TokenFilter, TokenStream, Tokenizer,
};

/// Languages with their own analyser; any other text uses [`ANY`].
pub const LANGUAGES: [&str; 6] = ["fr", "en", "de", "it", "nl", "hr"];
/// The analyser key for text in a language without a dedicated analyser.
pub const ANY: &str = "any";

/// The analyser key for a BCP 47 tag: its primary subtag when supported.
pub fn analyser_key(tag: &str) -> &'static str {
    let primary = tag
        .split('-')
        .next()
        .unwrap_or_default()
        .to_ascii_lowercase();
    LANGUAGES
        .iter()
        .copied()
        .find(|l| *l == primary)
        .unwrap_or(ANY)
}

/// Elided words that the tokenizer leaves behind after splitting at the apostrophe.
fn elisions(lang: &str) -> Vec<String> {
    let words: &[&str] = match lang {
        "fr" => &[
            "l", "d", "j", "m", "n", "s", "t", "c", "qu", "jusqu", "lorsqu", "puisqu", "quoiqu",
        ],
        "it" => &[
            "l", "un", "dell", "dall", "nell", "sull", "all", "coll", "d", "c", "quest", "quell",
        ],
        _ => &[],
    };
    words.iter().map(|w| w.to_string()).collect()
}

pub fn analyser(key: &str) -> TextAnalyzer {
    let base = TextAnalyzer::builder(SimpleTokenizer::default())
        .filter(RemoveLongFilter::limit(60))
        .filter(LowerCaser)
        .filter(StopWordFilter::remove(elisions(key)));
    let stemmer = match key {
        "fr" => Some(Language::French),
        "en" => Some(Language::English),
        "de" => Some(Language::German),
        "it" => Some(Language::Italian),
        "nl" => Some(Language::Dutch),
        _ => None,
    };
    match (stemmer, key) {
        (Some(lang), _) => base
            .filter(Stemmer::new(lang))
            .filter(AsciiFoldingFilter)
            .build(),
        (None, "hr") => base
            .filter(CroatianStemmer)
            .filter(AsciiFoldingFilter)
            .build(),
        (None, _) => base.filter(AsciiFoldingFilter).build(),
    }
}

/// A light Croatian stemmer: Snowball has none, so common case and number
/// endings are stripped from words long enough to keep a stem of three letters.
#[derive(Clone, Copy)]
pub struct CroatianStemmer;

/// Endings tried longest first.
const HR_ENDINGS: [&str; 22] = [
    "ijega", "ijemu", "ovima", "evima", "ama", "ima", "oga", "omu", "emu", "ega", "ih", "im", "om",
    "em", "og", "oj", "om", "a", "e", "i", "o", "u",
];

pub fn croatian_stem(word: &str) -> String {
    let chars = word.chars().count();
    for ending in HR_ENDINGS {
        if word.ends_with(ending) && chars >= ending.chars().count() + 3 {
            return word[..word.len() - ending.len()].to_string();
        }
    }
    word.to_string()
}

impl TokenFilter for CroatianStemmer {
    type Tokenizer<T: Tokenizer> = CroatianStemmerFilter<T>;

    fn transform<T: Tokenizer>(self, tokenizer: T) -> CroatianStemmerFilter<T> {
        CroatianStemmerFilter { inner: tokenizer }
    }
}

#[derive(Clone)]
pub struct CroatianStemmerFilter<T> {
    inner: T,
}

impl<T: Tokenizer> Tokenizer for CroatianStemmerFilter<T> {
    type TokenStream<'a> = CroatianStemStream<T::TokenStream<'a>>;

    fn token_stream<'a>(&'a mut self, text: &'a str) -> Self::TokenStream<'a> {
        CroatianStemStream {
            tail: self.inner.token_stream(text),
        }
    }
}

pub struct CroatianStemStream<T> {
    tail: T,
}

impl<T: TokenStream> TokenStream for CroatianStemStream<T> {
    fn advance(&mut self) -> bool {
        if !self.tail.advance() {
            return false;
        }
        let stemmed = croatian_stem(&self.tail.token().text);
        self.tail.token_mut().text = stemmed;
        true
    }

    fn token(&self) -> &Token {
        self.tail.token()
    }

    fn token_mut(&mut self) -> &mut Token {
        self.tail.token_mut()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn terms(key: &str, text: &str) -> Vec<String> {
        let mut a = analyser(key);
        let mut stream = a.token_stream(text);
        let mut out = Vec::new();
        while stream.advance() {
            out.push(stream.token().text.clone());
        }
        out
    }

    #[test]
    fn french_drops_elisions_stems_and_folds_accents() {
        assert_eq!(
            terms("fr", "L'Éducation populaire"),
            terms("fr", "education populaires")
        );
        assert!(!terms("fr", "l'association d'éducation").contains(&"l".to_string()));
        assert_eq!(
            terms("fr", "IA et UE"),
            ["ia", "et", "ue"],
            "two-letter terms are kept"
        );
    }

    #[test]
    fn italian_drops_articulated_prepositions() {
        assert_eq!(terms("it", "dell'educazione"), terms("it", "educazione"));
    }

    #[test]
    fn german_and_english_stem() {
        assert_eq!(terms("de", "Vereine"), terms("de", "Verein"));
        assert_eq!(
            terms("en", "hosting providers"),
            terms("en", "host provider")
        );
    }

    #[test]
    fn croatian_light_stemming() {
        assert_eq!(croatian_stem("udruge"), "udrug");
        assert_eq!(croatian_stem("udrugama"), "udrug");
        assert_eq!(croatian_stem("udruga"), "udrug");
        assert_eq!(croatian_stem("kod"), "kod", "short words stay whole");
        assert_eq!(
            terms("hr", "Udruge za obrazovanje"),
            terms("hr", "udrugama za obrazovanju")
        );
        assert_eq!(terms("hr", "čišćenje"), ["ciscenj"]);
    }

    #[test]
    fn tags_pick_their_analyser() {
        assert_eq!(analyser_key("de-AT"), "de");
        assert_eq!(analyser_key("FR"), "fr");
        assert_eq!(analyser_key("sl"), ANY);
    }
}
