//! The library's cards and words: a resource's card, its excerpt, the
//! languages it can be read in, a licence's name and a citation.

use std::collections::BTreeMap;

use app::pages::library::ResourceCard;
use courses::render::plain_text;
use store::library::{self, Resource, Status};
use store::organisations;

/// The beginning of a description as plain text, for cards and previews.
/// Only its opening paragraphs are rendered when they hold enough words (a
/// list page shows dozens of cards; a description may be pages long).
pub fn excerpt(markdown: &str) -> String {
    let opening = opening(markdown);
    if opening.len() < markdown.len() {
        let text = plain_text(opening);
        if text.split_whitespace().count() > EXCERPT_WORDS {
            return first_words(&text);
        }
    }
    first_words(&plain_text(markdown))
}

/// Words in an excerpt.
const EXCERPT_WORDS: usize = 30;

/// The paragraphs of `markdown` up to the first blank line after 600 bytes
/// (whole blocks, so the markdown stays well formed), or all of it.
fn opening(markdown: &str) -> &str {
    const ENOUGH: usize = 600;
    markdown
        .match_indices("\n\n")
        .find(|(i, _)| *i >= ENOUGH)
        .map_or(markdown, |(i, _)| &markdown[..i])
}

/// The first 30 words of a plain text, with an ellipsis when there are more.
pub fn first_words(text: &str) -> String {
    let words: Vec<&str> = text.split_whitespace().collect();
    if words.len() <= EXCERPT_WORDS {
        words.join(" ")
    } else {
        format!("{} …", words[..EXCERPT_WORDS].join(" "))
    }
}

/// The name of a stored licence in the reader's language: the localised
/// name of a known licence that has one (`Licence Art Libre 1.3`, `GNU GPL
/// 2.0 or later`), else its short name or the URI's host and path.
pub fn licence_name(lang: i18n::Lang, stored: &str) -> String {
    match store::licences::known(stored) {
        Some(store::licences::Licence {
            local: Some((key, args)),
            ..
        }) => i18n::t_args(lang, key, &args),
        Some(l) => l.label,
        None => library::licence_label(stored),
    }
}

/// Languages a reader can read the resource in: the original and published translations.
pub fn readable(r: &Resource) -> Vec<String> {
    r.texts
        .iter()
        .filter(|t| t.origin == library::Origin::Original || t.status == Status::Published)
        .map(|t| t.lang.clone())
        .collect()
}

/// A resource's card in `lang` (none when it has no text a reader of `lang` may see).
pub fn card(r: &Resource, lang: &str, publishers: &BTreeMap<i64, String>) -> Option<ResourceCard> {
    let text = r.text_for(lang)?;
    Some(ResourceCard {
        uid: r.uid.clone(),
        title: text.title.clone(),
        lang: text.lang.clone(),
        kind: r.kind.as_str().to_string(),
        excerpt: excerpt(&text.description),
        publisher: publishers
            .get(&r.organisation_id)
            .cloned()
            .unwrap_or_default(),
        country: r.country.clone(),
        languages: readable(r),
        thumbnail: r
            .thumbnail
            .as_ref()
            .map(|t| crate::files::thumbnail_url(&r.uid, t)),
    })
}

/// Partner names by id, for resource cards.
pub fn names_of(orgs: &[organisations::Organisation]) -> BTreeMap<i64, String> {
    orgs.iter().map(|o| (o.id, o.name.clone())).collect()
}

/// "Authors (year). Title. Publisher. URL" — an APA-like reference.
pub fn citation(r: &Resource, title: &str, publisher: &str, page_url: &str) -> String {
    let mut out = String::new();
    if !r.authors.is_empty() {
        out.push_str(&r.authors.join(", "));
        out.push(' ');
    }
    let year = r.date_created.get(..4).unwrap_or("n.d.");
    out.push_str(&format!("({year}). {title}. {publisher}. "));
    out.push_str(if r.url.is_empty() { page_url } else { &r.url });
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_long_description_gives_the_same_excerpt_from_its_opening() {
        let paragraph = "Une *association* qui héberge des [services libres](https://example.org) \
                         pour ses membres et leurs proches, sans publicité.";
        let long = vec![paragraph; 40].join("\n\n");
        assert!(opening(&long).len() < long.len());
        assert_eq!(excerpt(&long), first_words(&plain_text(&long)));
        assert!(excerpt(&long).ends_with('…'));
        // Short openings with few words: the whole text decides.
        let sparse = format!("{}\n\n{}", "x ".repeat(310), "un deux trois");
        assert_eq!(excerpt(&sparse), first_words(&plain_text(&sparse)));
        assert_eq!(excerpt("Court."), "Court.");
    }
}
