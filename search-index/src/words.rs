//! Splitting text into words the same way in every language, with what
//! apostrophes mean in the languages of the library.
//!
//! A word is a run of letters and digits; apostrophes between its letters
//! belong to it, whichever apostrophe was typed (`'`, `’`, `ʼ`…). Then:
//! - an elided article or pronoun before the first apostrophe is dropped
//!   (French `l'`, `d'`, `qu'`, `jusqu'`…, Italian `l'`, `un'`, `dell'`,
//!   `sull'`…), so that "l’association" is the word "association";
//! - an English possessive or `'s` is dropped ("partner's" is "partner",
//!   "partners'" is "partners");
//! - what remains keeps its inner apostrophes, written `'`, so that
//!   "aujourd’hui" and "aujourd'hui" are one and the same word.
//!
//! This runs in every language's analyser, not only French and Italian:
//! a French title is often indexed in a field of another language (a
//! resource described in several languages, a partner's name), and a query
//! is read by every field's analyser at once, so a word must come out the
//! same everywhere for totals not to depend on the apostrophe typed.

use tantivy::tokenizer::{Token, TokenStream, Tokenizer};

/// The apostrophes people type: ASCII, the typographic right and left
/// single quotes, the modifier letter, the prime and the full-width one.
pub const APOSTROPHES: [char; 6] = [
    '\'', '\u{2019}', '\u{2018}', '\u{02BC}', '\u{2032}', '\u{FF07}',
];

fn is_apostrophe(c: char) -> bool {
    APOSTROPHES.contains(&c)
}

fn is_word_char(c: char) -> bool {
    c.is_alphanumeric() && !is_apostrophe(c)
}

/// Words elided before an apostrophe, French then Italian, lower-case.
const ELIDED: [&str; 26] = [
    // French
    "l", "d", "j", "m", "n", "s", "t", "c", "qu", "jusqu", "lorsqu", "puisqu", "quoiqu", "presqu",
    "quelqu", // Italian (l, d, c as in French)
    "un", "dell", "dall", "nell", "sull", "all", "coll", "quest", "quell", "nessun", "sant",
];

fn elided(segment: &str) -> bool {
    ELIDED.iter().any(|e| e.eq_ignore_ascii_case(segment))
}

/// The words of `text`: for each, its text (inner apostrophes written `'`)
/// and the bytes it was read from.
pub fn words(text: &str) -> Vec<(String, std::ops::Range<usize>)> {
    let mut out = Vec::new();
    let mut chars = text.char_indices().peekable();
    // The letters-and-digits runs of the current word, as byte ranges.
    let mut segments: Vec<std::ops::Range<usize>> = Vec::new();
    let mut trailing_apostrophe = false;
    while let Some((i, c)) = chars.next() {
        if is_word_char(c) {
            let mut end = i + c.len_utf8();
            while let Some(&(j, d)) = chars.peek() {
                if !is_word_char(d) {
                    break;
                }
                end = j + d.len_utf8();
                chars.next();
            }
            segments.push(i..end);
            trailing_apostrophe = false;
            // One apostrophe followed by a letter continues the word.
            if let Some(&(_, a)) = chars.peek()
                && is_apostrophe(a)
            {
                chars.next();
                trailing_apostrophe = true;
                if matches!(chars.peek(), Some(&(_, d)) if is_word_char(d)) {
                    continue;
                }
            }
        }
        if !segments.is_empty() {
            finish(text, &mut segments, trailing_apostrophe, &mut out);
            trailing_apostrophe = false;
        }
    }
    if !segments.is_empty() {
        finish(text, &mut segments, trailing_apostrophe, &mut out);
    }
    out
}

/// Turns the runs of one word into the word, dropping elisions and
/// possessives.
fn finish(
    text: &str,
    segments: &mut Vec<std::ops::Range<usize>>,
    trailing_apostrophe: bool,
    out: &mut Vec<(String, std::ops::Range<usize>)>,
) {
    let mut kept: &[std::ops::Range<usize>] = segments;
    while kept.len() > 1 && elided(&text[kept[0].clone()]) {
        kept = &kept[1..];
    }
    if kept.len() > 1 && text[kept[kept.len() - 1].clone()].eq_ignore_ascii_case("s") {
        kept = &kept[..kept.len() - 1];
    }
    // "l’ association": an article left alone by a stray space.
    let alone = kept.len() == 1 && trailing_apostrophe && elided(&text[kept[0].clone()]);
    if !alone {
        let word = kept
            .iter()
            .map(|r| &text[r.clone()])
            .collect::<Vec<_>>()
            .join("'");
        out.push((word, kept[0].start..kept[kept.len() - 1].end));
    }
    segments.clear();
}

/// A query as typed, made ready for tantivy's query parser, which reads an
/// ASCII apostrophe as a quote: one after a letter or digit becomes `’`
/// (the words then read it as above).
pub fn query_syntax(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut previous: Option<char> = None;
    for c in text.chars() {
        if c == '\'' && previous.is_some_and(is_word_char) {
            out.push('\u{2019}');
        } else {
            out.push(c);
        }
        previous = Some(c);
    }
    out
}

/// The tokenizer of every text field: [`words`] as tantivy tokens.
#[derive(Clone, Default)]
pub struct WordTokenizer {
    tokens: Vec<Token>,
}

pub struct WordTokenStream<'a> {
    tokens: &'a mut [Token],
    next: usize,
}

impl Tokenizer for WordTokenizer {
    type TokenStream<'a> = WordTokenStream<'a>;

    fn token_stream<'a>(&'a mut self, text: &'a str) -> WordTokenStream<'a> {
        self.tokens.clear();
        for (position, (word, at)) in words(text).into_iter().enumerate() {
            self.tokens.push(Token {
                offset_from: at.start,
                offset_to: at.end,
                position,
                text: word,
                position_length: 1,
            });
        }
        WordTokenStream {
            tokens: &mut self.tokens,
            next: 0,
        }
    }
}

impl TokenStream for WordTokenStream<'_> {
    fn advance(&mut self) -> bool {
        self.next += 1;
        self.next <= self.tokens.len()
    }

    fn token(&self) -> &Token {
        &self.tokens[self.next - 1]
    }

    fn token_mut(&mut self) -> &mut Token {
        &mut self.tokens[self.next - 1]
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn plain(text: &str) -> Vec<String> {
        words(text).into_iter().map(|(w, _)| w).collect()
    }

    #[test]
    fn elisions_possessives_and_inner_apostrophes() {
        assert_eq!(plain("l'association"), ["association"]);
        assert_eq!(
            plain("L’Association d’éducation"),
            ["Association", "éducation"]
        );
        assert_eq!(plain("Lʼassociation"), ["association"]);
        assert_eq!(plain("jusqu'aujourd'hui"), ["aujourd'hui"]);
        assert_eq!(plain("aujourd’hui"), ["aujourd'hui"]);
        assert_eq!(plain("un'associazione dell'arte"), ["associazione", "arte"]);
        assert_eq!(plain("the partner's guide"), ["the", "partner", "guide"]);
        assert_eq!(plain("partners' guides"), ["partners", "guides"]);
        assert_eq!(plain("don't"), ["don't"]);
        assert_eq!(plain("l' association"), ["association"]);
        assert_eq!(plain("'quoted' words"), ["quoted", "words"]);
        assert_eq!(plain("a-b c_d 2024"), ["a", "b", "c", "d", "2024"]);
    }

    #[test]
    fn offsets_cover_the_word_kept() {
        let text = "voir l’éducation";
        let w = words(text);
        assert_eq!(&text[w[1].1.clone()], "éducation");
    }

    #[test]
    fn the_parser_sees_apostrophes_in_words_as_letters() {
        assert_eq!(query_syntax("l'association"), "l’association");
        assert_eq!(query_syntax("partners' 'x'"), "partners’ 'x’");
        assert_eq!(query_syntax("\"l'a b\""), "\"l’a b\"");
    }
}
