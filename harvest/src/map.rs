//! From a harvested graph to library entries.
//!
//! A *described thing* is a subject typed as a resource (schema.org
//! `LearningResource`, `CreativeWork` and its common subtypes, `dcat:Dataset`)
//! or any subject with a Dublin Core title (`dc:title`, `dct:title`: OAI-PMH
//! `oai_dc` records arrive as triples with the DC elements on the record's
//! IRI). `http://schema.org/` and `https://schema.org/` are read alike.
//!
//! Left out without a word, because they are not library resources: topics
//! and schemes (`skos:Concept`, `skos:ConceptScheme`), organisations,
//! people, addresses, audiences, media files, catalogues, data services and
//! VoID descriptions; and the *parts* of a described thing (a subject whose
//! `schema:isPartOf`/`dct:isPartOf` is another described thing of the same
//! graph): an Archipel dump's courses become entries, their modules and
//! lessons are reached through the course's page at the source.
//!
//! Refused, each with a stable code in the run's report: a thing without a
//! title in any language (`no-title`), a title longer than
//! [`ENTRY_TITLE_MAX_CHARS`] (`title-too-long`: no title is that long, the
//! data is wrong), an identifier that is a blank node or not an `http(s)`,
//! `urn` or `oai` IRI (`bad-identifier`: there is nothing to link to).
//! Descriptions longer than [`ENTRY_DESCRIPTION_MAX_CHARS`] are cut (with
//! "…"), lists are kept to [`ENTRY_LIST_MAX`] values and values to
//! [`ENTRY_VALUE_MAX_CHARS`] characters (longer ones are dropped).

use std::collections::{BTreeMap, BTreeSet};

use linked_data::Graph;
use linked_data::vocab::{DCAT, DCT, SCHEMA, SKOS};
use oxigraph::model::{NamedOrBlankNodeRef, TermRef};
use serde::Serialize;
use store::harvest::{
    ENTRY_DESCRIPTION_MAX_CHARS, ENTRY_LIST_MAX, ENTRY_TITLE_MAX_CHARS, ENTRY_VALUE_MAX_CHARS,
    EntryText, NewEntry,
};

const DC: &str = "http://purl.org/dc/elements/1.1/";
const RDF_TYPE: &str = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type";
const RDFS_LABEL: &str = "http://www.w3.org/2000/01/rdf-schema#label";
const FOAF_NAME: &str = "http://xmlns.com/foaf/0.1/name";

/// schema.org classes read as resources.
const RESOURCE_CLASSES: &[&str] = &[
    "LearningResource",
    "CreativeWork",
    "Book",
    "Chapter",
    "Article",
    "ScholarlyArticle",
    "NewsArticle",
    "TechArticle",
    "BlogPosting",
    "Report",
    "Thesis",
    "HowTo",
    "Guide",
    "VideoObject",
    "AudioObject",
    "PodcastEpisode",
    "PodcastSeries",
    "Course",
    "Dataset",
    "SoftwareApplication",
    "WebApplication",
    "MobileApplication",
    "SoftwareSourceCode",
    "WebPage",
    "WebSite",
    "DigitalDocument",
    "TextDigitalDocument",
    "PresentationDigitalDocument",
    "SpreadsheetDigitalDocument",
    "Quiz",
    "Game",
    "Movie",
    "Collection",
    "Map",
];

/// Classes of things that are not library resources, whatever else they say.
const OTHER_CLASSES: &[&str] = &[
    "http://www.w3.org/2004/02/skos/core#Concept",
    "http://www.w3.org/2004/02/skos/core#ConceptScheme",
    "http://schema.org/Organization",
    "http://schema.org/Person",
    "http://schema.org/PostalAddress",
    "http://schema.org/Audience",
    "http://schema.org/MediaObject",
    "http://schema.org/ImageObject",
    "http://www.w3.org/ns/dcat#Catalog",
    "http://www.w3.org/ns/dcat#DataService",
    "http://www.w3.org/ns/dcat#Distribution",
    "http://rdfs.org/ns/void#Dataset",
    "http://www.w3.org/ns/prov#Entity",
    "http://xmlns.com/foaf/0.1/Person",
    "http://xmlns.com/foaf/0.1/Organization",
];

/// A described thing that could not become an entry.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Rejected {
    /// Its IRI, or the blank node's label.
    pub subject: String,
    /// Stable: `no-title`, `title-too-long`, `bad-identifier`.
    pub code: &'static str,
    pub message: String,
}

/// What a graph gave.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Mapped {
    /// In the order of their IRIs.
    pub entries: Vec<NewEntry>,
    pub rejected: Vec<Rejected>,
}

/// An IRI with `https://schema.org/` read as `http://schema.org/`.
fn normal(iri: &str) -> std::borrow::Cow<'_, str> {
    match iri.strip_prefix("https://schema.org/") {
        Some(rest) => format!("{SCHEMA}{rest}").into(),
        None => iri.into(),
    }
}

/// A subject's statements, by (normalised) predicate.
struct Node<'a> {
    props: BTreeMap<String, Vec<TermRef<'a>>>,
}

impl<'a> Node<'a> {
    fn of(graph: &'a Graph, subject: NamedOrBlankNodeRef<'_>) -> Self {
        let mut props: BTreeMap<String, Vec<TermRef<'a>>> = BTreeMap::new();
        for t in graph.triples_for_subject(subject) {
            props
                .entry(normal(t.predicate.as_str()).into_owned())
                .or_default()
                .push(t.object);
        }
        Node { props }
    }

    fn get(&self, predicate: &str) -> &[TermRef<'a>] {
        self.props.get(predicate).map(Vec::as_slice).unwrap_or(&[])
    }

    /// Objects of the first predicates, in order.
    fn all<'s>(&'s self, predicates: &'s [String]) -> impl Iterator<Item = TermRef<'a>> + 's {
        predicates.iter().flat_map(|p| self.get(p).iter().copied())
    }

    fn types(&self) -> impl Iterator<Item = String> + '_ {
        self.get(RDF_TYPE).iter().filter_map(|t| match t {
            TermRef::NamedNode(n) => Some(normal(n.as_str()).into_owned()),
            _ => None,
        })
    }
}

fn p(ns: &str, local: &str) -> String {
    format!("{ns}{local}")
}

/// Whitespace collapsed and trimmed.
fn clean(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// At most `max` characters, cut at a word when one is near, with "…".
fn cut(s: String, max: usize) -> String {
    if s.chars().count() <= max {
        return s;
    }
    let head: String = s.chars().take(max.saturating_sub(1)).collect();
    let at = head.rfind(' ').filter(|&i| i + 40 > head.len());
    format!("{}…", head[..at.unwrap_or(head.len())].trim_end())
}

/// A literal's text and its language (lower case), if it is a literal.
fn literal<'a>(t: &TermRef<'a>) -> Option<(&'a str, Option<String>)> {
    match t {
        TermRef::Literal(l) => Some((l.value(), l.language().map(str::to_ascii_lowercase))),
        _ => None,
    }
}

/// An IRI object, or a literal that is an http(s) address.
fn address(t: &TermRef<'_>) -> Option<String> {
    let s = match t {
        TermRef::NamedNode(n) => n.as_str().to_string(),
        TermRef::Literal(l) => l.value().trim().to_string(),
        _ => return None,
    };
    let ok = (s.starts_with("http://") || s.starts_with("https://"))
        && !s.chars().any(char::is_whitespace)
        && s.chars().count() <= ENTRY_VALUE_MAX_CHARS;
    ok.then_some(s)
}

fn identifier_ok(iri: &str) -> bool {
    let lower = iri.to_ascii_lowercase();
    let known = ["http://", "https://", "urn:", "oai:"]
        .iter()
        .any(|s| lower.starts_with(s) && lower.len() > s.len());
    known && iri.chars().count() <= ENTRY_VALUE_MAX_CHARS
}

/// Pushes `value` (cleaned) unless empty or too long.
fn push(list: &mut Vec<String>, value: &str) {
    let v = clean(value);
    if !v.is_empty() && v.chars().count() <= ENTRY_VALUE_MAX_CHARS {
        list.push(v);
    }
}

/// In alphabetical order (RDF values have none), without duplicates
/// (ignoring case), at most [`ENTRY_LIST_MAX`].
fn settle(mut list: Vec<String>) -> Vec<String> {
    list.sort_by_cached_key(|v| (v.to_lowercase(), v.clone()));
    list.dedup_by(|a, b| a.to_lowercase() == b.to_lowercase());
    list.truncate(ENTRY_LIST_MAX);
    list
}

struct Mapper<'a> {
    graph: &'a Graph,
}

impl<'a> Mapper<'a> {
    /// The name of a node of the graph (label, name) in `lang`, else English,
    /// else any; or the literal itself.
    fn label(&self, t: &TermRef<'_>, lang: &str) -> Option<String> {
        if let Some((text, _)) = literal(t) {
            return Some(text.to_string());
        }
        let subject = match t {
            TermRef::NamedNode(n) => NamedOrBlankNodeRef::from(*n),
            TermRef::BlankNode(b) => NamedOrBlankNodeRef::from(*b),
            _ => return None,
        };
        let node = Node::of(self.graph, subject);
        let names = [
            p(SKOS, "prefLabel"),
            p(SCHEMA, "name"),
            FOAF_NAME.to_string(),
            RDFS_LABEL.to_string(),
        ];
        let labels: Vec<(&str, Option<String>)> =
            node.all(&names).filter_map(|t| literal(&t)).collect();
        let pick = |want: &str| {
            labels.iter().find(|(_, l)| {
                l.as_deref().map(|l| l.split('-').next() == Some(want)) == Some(true)
            })
        };
        pick(lang)
            .or_else(|| pick("en"))
            .or_else(|| labels.first())
            .map(|(text, _)| text.to_string())
    }

    fn entry(&self, subject: NamedOrBlankNodeRef<'_>) -> Result<NewEntry, Rejected> {
        let reject = |code, message: &str| Rejected {
            subject: subject_key(subject),
            code,
            message: message.to_string(),
        };
        let iri = match subject {
            NamedOrBlankNodeRef::NamedNode(n) if identifier_ok(n.as_str()) => n.as_str(),
            NamedOrBlankNodeRef::NamedNode(_) => {
                return Err(reject(
                    "bad-identifier",
                    "its identifier is not an http(s), urn or oai address",
                ));
            }
            NamedOrBlankNodeRef::BlankNode(_) => {
                return Err(reject(
                    "bad-identifier",
                    "it has no identifier of its own (a blank node), so nothing can link to it",
                ));
            }
        };
        let node = Node::of(self.graph, subject);
        let mut languages = Vec::new();
        let lang_props = [
            p(SCHEMA, "inLanguage"),
            p(DCT, "language"),
            p(DC, "language"),
        ];
        for t in node.all(&lang_props) {
            let value = match &t {
                TermRef::NamedNode(n) => Some(n.as_str().to_string()),
                _ => literal(&t).map(|(v, _)| v.to_string()),
            };
            if let Some(code) = value.as_deref().and_then(language_code) {
                push(&mut languages, &code);
            }
        }
        let mut languages = settle(languages);

        // Titles and descriptions by language.
        let title_props = [p(SCHEMA, "name"), p(DCT, "title"), p(DC, "title")];
        let description_props = [
            p(SCHEMA, "description"),
            p(DCT, "description"),
            p(DC, "description"),
            p(DCT, "abstract"),
        ];
        let titles: Vec<(String, Option<String>)> = node
            .all(&title_props)
            .filter_map(|t| literal(&t).map(|(v, l)| (clean(v), l)))
            .filter(|(v, _)| !v.is_empty())
            .collect();
        if titles.is_empty() {
            return Err(reject("no-title", "it has no title in any language"));
        }
        let tagged: BTreeSet<&str> = titles.iter().filter_map(|(_, l)| l.as_deref()).collect();
        let base = match (languages.first(), tagged.len()) {
            (Some(l), _) => l.clone(),
            (None, 1) => tagged
                .iter()
                .next()
                .map(|l| l.to_string())
                .unwrap_or_default(),
            _ => "und".to_string(),
        };
        let lang_of = |l: Option<String>| l.unwrap_or_else(|| base.clone());
        let mut by_lang: BTreeMap<String, String> = BTreeMap::new();
        let mut too_long = false;
        for (title, lang) in titles {
            if title.chars().count() > ENTRY_TITLE_MAX_CHARS {
                too_long = true;
                continue;
            }
            by_lang.entry(lang_of(lang)).or_insert(title);
        }
        if by_lang.is_empty() && too_long {
            return Err(reject(
                "title-too-long",
                &format!("its title is longer than {ENTRY_TITLE_MAX_CHARS} characters"),
            ));
        }
        let mut descriptions: BTreeMap<String, String> = BTreeMap::new();
        for t in node.all(&description_props) {
            if let Some((v, l)) = literal(&t) {
                let text = v.trim();
                if !text.is_empty() {
                    descriptions
                        .entry(lang_of(l))
                        .or_insert_with(|| cut(text.to_string(), ENTRY_DESCRIPTION_MAX_CHARS));
                }
            }
        }
        let mut texts: Vec<EntryText> = by_lang
            .into_iter()
            .map(|(lang, title)| EntryText {
                description: descriptions.get(&lang).cloned().unwrap_or_default(),
                lang,
                title,
            })
            .collect();
        // The main language first.
        texts.sort_by_key(|t| t.lang != base);
        let main = texts[0].lang.clone();
        if languages.is_empty() {
            for t in &texts {
                if let Some(code) = language_code(&t.lang).filter(|_| t.lang != "und") {
                    push(&mut languages, &code);
                }
            }
            languages = settle(languages);
        }

        let licence = node
            .all(&[
                p(SCHEMA, "license"),
                p(DCT, "license"),
                p(DCT, "rights"),
                p(DC, "rights"),
            ])
            .find_map(|t| address(&t))
            .map(|l| store::library::stored_licence(&l).unwrap_or(l));
        let url = node
            .get(&p(SCHEMA, "url"))
            .iter()
            .filter_map(address)
            .find(|u| u != iri);
        let kind = node
            .all(&[
                p(SCHEMA, "learningResourceType"),
                p(DC, "type"),
                p(DCT, "type"),
            ])
            .filter_map(|t| match &t {
                TermRef::NamedNode(n) => Some(n.as_str().to_string()),
                _ => literal(&t).map(|(v, _)| v.to_string()),
            })
            .chain(node.types())
            .find_map(|t| kind_of(&t))
            .map(str::to_string);

        let mut keywords = Vec::new();
        for t in node.get(&p(SCHEMA, "keywords")) {
            match literal(t) {
                // schema.org: several keywords in one text are separated by commas.
                Some((v, _)) => v.split(',').for_each(|k| push(&mut keywords, k)),
                None => {
                    if let Some(l) = self.label(t, &main) {
                        push(&mut keywords, &l);
                    }
                }
            }
        }
        for t in node.all(&[p(DC, "subject"), p(DCT, "subject"), p(SCHEMA, "about")]) {
            if let Some(l) = self.label(&t, &main) {
                push(&mut keywords, &l);
            }
        }
        let mut creators = Vec::new();
        let creator_props = [
            p(SCHEMA, "creator"),
            p(SCHEMA, "author"),
            p(DCT, "creator"),
            p(DC, "creator"),
        ];
        for t in node.all(&creator_props) {
            if let Some(name) = self.label(&t, &main) {
                push(&mut creators, &name);
            }
        }
        let date = |props: &[String]| {
            node.all(props).find_map(|t| {
                let (v, _) = literal(&t)?;
                let v = v.trim();
                let dated =
                    v.len() >= 4 && v.len() <= 40 && v[..4].bytes().all(|b| b.is_ascii_digit());
                dated.then(|| v.to_string())
            })
        };
        let issued = date(&[
            p(SCHEMA, "datePublished"),
            p(DCT, "issued"),
            p(DCT, "date"),
            p(DC, "date"),
            p(SCHEMA, "dateCreated"),
            p(DCT, "created"),
        ]);
        let modified = date(&[p(SCHEMA, "dateModified"), p(DCT, "modified")]);
        Ok(NewEntry {
            original_uri: iri.to_string(),
            texts,
            languages,
            licence,
            url,
            kind,
            keywords: settle(keywords),
            creators: settle(creators),
            issued,
            modified,
        })
    }
}

/// Whether a subject is a described thing by its types and titles, and not
/// one of the things left out.
fn described(node: &Node<'_>) -> bool {
    let mut resource =
        !node.get(&p(DC, "title")).is_empty() || !node.get(&p(DCT, "title")).is_empty();
    for t in node.types() {
        if OTHER_CLASSES.contains(&t.as_str()) {
            return false;
        }
        resource |= t == p(DCAT, "Dataset")
            || t.strip_prefix(SCHEMA)
                .is_some_and(|c| RESOURCE_CLASSES.contains(&c));
    }
    resource
}

/// A subject as written in reports: its IRI, or `_:label` for a blank node.
fn subject_key(s: NamedOrBlankNodeRef<'_>) -> String {
    match s {
        NamedOrBlankNodeRef::NamedNode(n) => n.as_str().to_string(),
        NamedOrBlankNodeRef::BlankNode(b) => format!("_:{}", b.as_str()),
    }
}

/// The library entries a graph describes, and the described things that
/// could not become one.
pub fn entries(graph: &Graph) -> Mapped {
    let mut subjects: BTreeMap<String, NamedOrBlankNodeRef<'_>> = BTreeMap::new();
    for t in graph.iter() {
        subjects.entry(subject_key(t.subject)).or_insert(t.subject);
    }
    let things: BTreeMap<String, NamedOrBlankNodeRef<'_>> = subjects
        .into_iter()
        .filter(|(_, s)| described(&Node::of(graph, *s)))
        .collect();
    let part_props = [p(SCHEMA, "isPartOf"), p(DCT, "isPartOf")];
    let mapper = Mapper { graph };
    let mut out = Mapped::default();
    for subject in things.values() {
        let node = Node::of(graph, *subject);
        let is_part = node.all(&part_props).any(|t| match t {
            TermRef::NamedNode(n) => things.contains_key(n.as_str()),
            TermRef::BlankNode(b) => things.contains_key(&format!("_:{}", b.as_str())),
            _ => false,
        });
        if is_part {
            continue;
        }
        match mapper.entry(*subject) {
            Ok(e) => out.entries.push(e),
            Err(r) => out.rejected.push(r),
        }
    }
    out
}

mod values;

pub use values::{kind_of, language_code};

#[cfg(test)]
mod tests;
