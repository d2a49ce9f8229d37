//! Text analysis per language: split into words (dropping elided articles
//! and possessive endings whatever the apostrophe, see [`crate::words`]),
//! drop over-long tokens, lower-case, fold accents and stem (Croatian:
//! stem, then fold), so that "l'Éducation" and "education" meet. Two-letter terms (IA, UE) and numbers
//! are kept. Snowball stemmers where tantivy has one; Croatian gets the light
//! stemmer of [`crate::croatian`].

use tantivy::tokenizer::{
    AsciiFoldingFilter, Language, LowerCaser, RemoveLongFilter, Stemmer, TextAnalyzer, Token,
    TokenFilter, TokenStream, Tokenizer,
};

use crate::words::WordTokenizer;

/// Languages with their own analyser; any other text uses [`ANY`].
pub const LANGUAGES: [&str; 8] = ["fr", "en", "de", "it", "nl", "es", "pt", "hr"];
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

pub fn analyser(key: &str) -> TextAnalyzer {
    // Elisions and possessives go in the tokenizer, the same in every
    // language: a query's words then meet every field's.
    let base = TextAnalyzer::builder(WordTokenizer::default())
        .filter(RemoveLongFilter::limit(60))
        .filter(LowerCaser);
    let stemmer = match key {
        "fr" => Some(Language::French),
        "en" => Some(Language::English),
        "de" => Some(Language::German),
        "it" => Some(Language::Italian),
        "nl" => Some(Language::Dutch),
        "es" => Some(Language::Spanish),
        "pt" => Some(Language::Portuguese),
        _ => None,
    };
    match (stemmer, key) {
        // Portuguese plurals of -ão (-ões, -ães) lose their tilde when folded:
        // they are made singular before the stemmer sees them.
        (Some(lang), "pt") => base
            .filter(AsciiFoldingFilter)
            .filter(WordMap(portuguese_singular))
            .filter(Stemmer::new(lang))
            .build(),
        // Folding first makes accents never matter, as typed queries often
        // lack them: "educacao" and "educação", "resume" and "résumé" meet.
        (Some(lang), _) => base
            .filter(AsciiFoldingFilter)
            .filter(Stemmer::new(lang))
            .build(),
        // The Croatian stemmer reads the diacritics of its endings (-ošću).
        (None, "hr") => base
            .filter(WordMap(crate::croatian::stem))
            .filter(AsciiFoldingFilter)
            .build(),
        (None, _) => base.filter(AsciiFoldingFilter).build(),
    }
}

/// `associacoes` → `associacao`, `paes` → `pao`: folded -ões/-ães plurals
/// as the folded singular -ão.
fn portuguese_singular(word: &str) -> String {
    match word
        .strip_suffix("oes")
        .or_else(|| word.strip_suffix("aes"))
    {
        Some(stem) if !stem.is_empty() => format!("{stem}ao"),
        _ => word.to_string(),
    }
}

/// A token filter that rewrites each word with a function (a stemmer, a
/// normalisation).
#[derive(Clone, Copy)]
pub struct WordMap(pub fn(&str) -> String);

impl TokenFilter for WordMap {
    type Tokenizer<T: Tokenizer> = WordMapFilter<T>;

    fn transform<T: Tokenizer>(self, tokenizer: T) -> WordMapFilter<T> {
        WordMapFilter {
            inner: tokenizer,
            map: self.0,
        }
    }
}

#[derive(Clone)]
pub struct WordMapFilter<T> {
    inner: T,
    map: fn(&str) -> String,
}

impl<T: Tokenizer> Tokenizer for WordMapFilter<T> {
    type TokenStream<'a> = WordMapStream<T::TokenStream<'a>>;

    fn token_stream<'a>(&'a mut self, text: &'a str) -> Self::TokenStream<'a> {
        WordMapStream {
            tail: self.inner.token_stream(text),
            map: self.map,
        }
    }
}

pub struct WordMapStream<T> {
    tail: T,
    map: fn(&str) -> String,
}

impl<T: TokenStream> TokenStream for WordMapStream<T> {
    fn advance(&mut self) -> bool {
        if !self.tail.advance() {
            return false;
        }
        let mapped = (self.map)(&self.tail.token().text);
        self.tail.token_mut().text = mapped;
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
    fn croatian_stems_and_folds() {
        assert_eq!(
            terms("hr", "Udruge za obrazovanje"),
            terms("hr", "udrugama za obrazovanju")
        );
        assert_eq!(
            terms("hr", "zaštita podataka"),
            terms("hr", "zaštiti podacima")
        );
        assert_eq!(
            terms("hr", "Čišćenje"),
            terms("hr", "ciscenje"),
            "č ć š fold"
        );
        assert_eq!(terms("hr", "kod"), ["kod"], "short words stay whole");
    }

    #[test]
    fn spanish_and_portuguese_stem() {
        assert_eq!(terms("es", "asociaciones"), terms("es", "asociación"));
        assert_eq!(terms("pt", "associações"), terms("pt", "associação"));
        assert_eq!(
            terms("pt", "associacoes"),
            terms("pt", "associação"),
            "typed without accents"
        );
        assert_eq!(terms("pt", "pães"), terms("pt", "pão"));
    }

    #[test]
    fn case_and_accents_never_matter() {
        // Each language with its own words; `any` folds without stemming.
        let pairs = [
            ("fr", "ÉDUCATION Élève", "education eleve"),
            ("en", "Café RÉSUMÉ", "cafe resume"),
            ("de", "Straße Bürger", "strasse burger"),
            ("it", "Città perché", "citta perche"),
            ("nl", "Coöperatie", "cooperatie"),
            ("es", "Información Año", "informacion ano"),
            ("pt", "Educação Público", "educacao publico"),
            ("hr", "Čvor Šećer Đak Žena", "cvor secer dak zena"),
            ("any", "Straße Łódź Ærø", "strasse lodz aero"),
        ];
        for (key, marked, plain) in pairs {
            assert_eq!(terms(key, marked), terms(key, plain), "{key}");
        }
    }

    #[test]
    fn two_letter_terms_and_numbers_are_kept() {
        for key in LANGUAGES.iter().copied().chain([ANY]) {
            let t = terms(key, "IA UE 2030 RGPD 5G");
            assert_eq!(t.len(), 5, "{key}: nothing dropped: {t:?}");
            assert!(t.iter().all(|w| !w.is_empty()), "{key}: {t:?}");
            assert_eq!(t[0], "ia", "{key}");
            assert!(
                t.contains(&"2030".to_string()) && t.contains(&"5g".to_string()),
                "{key}: {t:?}"
            );
        }
    }

    #[test]
    fn elisions_and_possessives_go_in_every_language() {
        for key in LANGUAGES.iter().copied().chain([ANY]) {
            for (elided, plain) in [
                ("l'association", "association"),
                ("l’association", "association"),
                ("Lʼassociation", "association"),
                ("qu'il", "il"),
                ("un'associazione", "associazione"),
                ("sull'educazione", "educazione"),
                ("the partner's guide", "the partner guide"),
                ("partners' guides", "partners guides"),
            ] {
                assert_eq!(terms(key, elided), terms(key, plain), "{key}: {elided}");
            }
            assert_eq!(
                terms(key, "jusqu'aujourd'hui"),
                terms(key, "aujourd’hui"),
                "{key}: aujourd'hui stays one word"
            );
            assert_eq!(terms(key, "aujourd'hui").len(), 1, "{key}");
        }
    }

    #[test]
    fn very_long_tokens_are_dropped() {
        let long = "a".repeat(80);
        assert_eq!(terms("en", &format!("short {long}")), ["short"]);
    }

    #[test]
    fn tags_pick_their_analyser() {
        assert_eq!(analyser_key("de-AT"), "de");
        assert_eq!(analyser_key("FR"), "fr");
        assert_eq!(analyser_key("sl"), ANY);
    }
}
