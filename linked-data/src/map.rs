//! One mapping per domain type, from what SQL and the content folder hold to
//! RDF (see `linked-data/MAPPING.md` for an example of each):
//!
//! - a library resource is a `schema:LearningResource` (plus the schema.org
//!   type of its kind) with LRMI properties, every published text as
//!   language-tagged literals, its files as `schema:MediaObject`s;
//! - a course is a `schema:Course` whose modules and lessons are
//!   `schema:LearningResource`s linked by `schema:hasPart`;
//! - a topic is a `skos:Concept` of the scheme, with labels per language;
//! - a partner is a `schema:Organization`;
//! - a provider of the directory is a `schema:Organization` that makes
//!   offers of `schema:Service`s ([`provider`]).
//!
//! Nodes that belong to one entity (authors, files, audience) get IRIs under
//! the entity's (`…#author-1`), never blank nodes, so that every graph is the
//! same however often it is made.

use oxigraph::model::{Graph, Literal, NamedNode, Term, Triple};

mod provider;
pub use provider::{CHATONS, NUTS, provider, provider_uri};

use crate::uris::Uris;
use crate::vocab::{HCRT, LRMI_AUDIENCE, dct, rdf_type, schema, skos, xsd};

/// Changes whenever an entity maps to other triples: a store filled by
/// another version is filled again when the server starts.
pub const MAPPING_VERSION: u32 = 2;

/// Collects the triples of one entity.
pub(crate) struct Builder<'g> {
    pub(crate) graph: &'g mut Graph,
}

impl Builder<'_> {
    pub(crate) fn add(&mut self, s: &str, p: NamedNode, o: impl Into<Term>) {
        self.graph
            .insert(&Triple::new(NamedNode::new_unchecked(s), p, o.into()));
    }

    pub(crate) fn link(&mut self, s: &str, p: NamedNode, o: &str) {
        if let Ok(o) = NamedNode::new(o) {
            self.add(s, p, o);
        }
    }

    pub(crate) fn text(&mut self, s: &str, p: NamedNode, value: &str) {
        if !value.trim().is_empty() {
            self.add(s, p, Literal::new_simple_literal(value));
        }
    }

    /// A literal in a language; a tag that is not BCP 47 gives a plain one.
    pub(crate) fn lang_text(&mut self, s: &str, p: NamedNode, value: &str, lang: &str) {
        if value.trim().is_empty() {
            return;
        }
        let literal = Literal::new_language_tagged_literal(value, lang)
            .unwrap_or_else(|_| Literal::new_simple_literal(value));
        self.add(s, p, literal);
    }

    pub(crate) fn typed(&mut self, s: &str, p: NamedNode, value: &str, datatype: &str) {
        if !value.trim().is_empty() {
            self.add(s, p, Literal::new_typed_literal(value, xsd(datatype)));
        }
    }

    /// A time as stored (`…:00.000000Z`) in the canonical `xsd:dateTime`
    /// form (no trailing zeros), as RDF stores give it back.
    pub(crate) fn date_time(&mut self, s: &str, p: NamedNode, value: &str) {
        let canonical = match value.strip_suffix('Z').and_then(|v| v.split_once('.')) {
            Some((whole, fraction)) => {
                let fraction = fraction.trim_end_matches('0');
                if fraction.is_empty() {
                    format!("{whole}Z")
                } else {
                    format!("{whole}.{fraction}Z")
                }
            }
            None => value.to_string(),
        };
        self.typed(s, p, &canonical, "dateTime");
    }

    pub(crate) fn a(&mut self, s: &str, class: NamedNode) {
        self.add(s, rdf_type(), class);
    }
}

/// A library resource as readers see it: published texts only.
pub fn resource(g: &mut Graph, uris: &Uris, r: &store::library::Resource, publisher_slug: &str) {
    use store::library::{Kind, Status};
    let me = uris.resource(&r.uid);
    let mut b = Builder { graph: g };
    b.a(&me, schema("LearningResource"));
    let (hcrt, class) = match r.kind {
        Kind::Guide => ("textbook", None),
        Kind::Video => ("video", Some("VideoObject")),
        Kind::WorkshopKit => ("lesson_plan", None),
        Kind::Article => ("text", Some("Article")),
        Kind::Tool => ("application", Some("SoftwareApplication")),
        Kind::Course => ("course", Some("Course")),
        Kind::Podcast => ("audio", Some("AudioObject")),
        Kind::Dataset => ("data", Some("Dataset")),
    };
    if let Some(class) = class {
        b.a(&me, schema(class));
    }
    b.link(
        &me,
        schema("learningResourceType"),
        &format!("{HCRT}{hcrt}"),
    );
    b.text(&me, schema("identifier"), &r.uid);
    for t in r.texts.iter().filter(|t| t.status == Status::Published) {
        b.lang_text(&me, schema("name"), &t.title, &t.lang);
        b.lang_text(&me, schema("description"), &t.description, &t.lang);
        b.text(&me, schema("inLanguage"), &t.lang);
        b.link(
            &me,
            schema("mainEntityOfPage"),
            &uris.page(&t.lang, &format!("/library/resources/{}", r.uid)),
        );
    }
    levels(
        &mut b,
        uris,
        &me,
        &r.educational_level,
        &r.original_language,
    );
    audiences(&mut b, &me, &r.audience, &r.original_language);
    for topic in &r.topics {
        b.link(&me, schema("about"), &uris.concept(topic));
    }
    if r.licence.starts_with("http") {
        b.link(&me, schema("license"), &r.licence);
    } else if r.licence == store::library::ALL_RIGHTS_RESERVED {
        // No licence to link: the rights said in words.
        b.lang_text(&me, dct("rights"), "All rights reserved", "en");
        b.lang_text(&me, dct("rights"), "Tous droits réservés", "fr");
    } else if !r.licence.is_empty() {
        b.text(&me, dct("rights"), &r.licence);
    }
    b.link(&me, schema("publisher"), &uris.partner(publisher_slug));
    for (i, name) in r.authors.iter().enumerate() {
        let author = format!("{me}#author-{}", i + 1);
        b.link(&me, schema("author"), &author);
        b.a(&author, schema("Person"));
        b.text(&author, schema("name"), name);
    }
    if let Some(datatype) = date_type(&r.date_created) {
        b.typed(&me, schema("dateCreated"), &r.date_created, datatype);
    }
    if let Some(published) = &r.published_at {
        b.date_time(&me, schema("datePublished"), published);
    }
    b.date_time(&me, schema("dateModified"), &r.updated_at);
    if !r.url.is_empty() {
        b.link(&me, schema("url"), &r.url);
    }
    if !r.country.is_empty() {
        b.text(&me, schema("countryOfOrigin"), &r.country);
    }
    let lang = &r.original_language;
    for f in &r.files {
        let file = format!("{me}#file-{}", f.id);
        b.link(&me, schema("associatedMedia"), &file);
        b.a(&file, schema("MediaObject"));
        b.text(&file, schema("name"), &f.file_name);
        b.text(&file, schema("encodingFormat"), &f.media_type);
        b.typed(
            &file,
            schema("contentSize"),
            &f.bytes.to_string(),
            "integer",
        );
        b.link(
            &file,
            schema("contentUrl"),
            &uris.resource_file(lang, &r.uid, f.id, &f.file_name),
        );
    }
    if let Some(thumbnail) = &r.thumbnail {
        b.link(
            &me,
            schema("thumbnailUrl"),
            &uris.thumbnail(lang, &r.uid, thumbnail),
        );
    }
}

/// The topic scheme and each of its concepts.
pub fn scheme(g: &mut Graph, uris: &Uris, concepts: &[store::concepts::Concept]) {
    scheme_node(g, uris, concepts);
    for c in concepts {
        concept(g, uris, c, concepts);
    }
}

/// The scheme itself: its title and top concepts.
pub fn scheme_node(g: &mut Graph, uris: &Uris, concepts: &[store::concepts::Concept]) {
    let me = uris.scheme();
    let mut b = Builder { graph: g };
    b.a(&me, skos("ConceptScheme"));
    for (lang, title) in [("en", "Archipel topics"), ("fr", "Thèmes d’Archipel")] {
        b.lang_text(&me, dct("title"), title, lang);
    }
    for c in concepts {
        if c.broader.is_none() {
            b.link(&me, skos("hasTopConcept"), &uris.concept(&c.id));
        }
    }
}

/// One concept: labels per language, broader and narrower concepts.
pub fn concept(
    g: &mut Graph,
    uris: &Uris,
    c: &store::concepts::Concept,
    all: &[store::concepts::Concept],
) {
    let me = uris.concept(&c.id);
    let mut b = Builder { graph: g };
    b.a(&me, skos("Concept"));
    b.link(&me, skos("inScheme"), &uris.scheme());
    b.text(&me, skos("notation"), &c.id);
    for (lang, label) in &c.labels {
        b.lang_text(&me, skos("prefLabel"), label, lang);
    }
    for (lang, labels) in &c.alt {
        for label in labels {
            b.lang_text(&me, skos("altLabel"), label, lang);
        }
    }
    match &c.broader {
        Some(broader) => b.link(&me, skos("broader"), &uris.concept(broader)),
        None => b.link(&me, skos("topConceptOf"), &uris.scheme()),
    }
    for narrower in all.iter().filter(|n| n.broader.as_deref() == Some(&c.id)) {
        b.link(&me, skos("narrower"), &uris.concept(&narrower.id));
    }
}

/// A resource's level, as the library's level concepts it names, and when
/// the partner's words say more than those (or name none), as a concept of
/// the resource's own labelled with them (`…#level`): consumers always find
/// concept IRIs with labels, and nothing said is lost.
fn levels(b: &mut Builder, uris: &Uris, me: &str, text: &str, lang: &str) {
    if text.trim().is_empty() {
        return;
    }
    let (named, more) = store::library::vocab::read_levels(text);
    for level in &named {
        b.link(me, schema("educationalLevel"), &uris.level(level.key()));
    }
    if named.is_empty() || more {
        let own = format!("{me}#level");
        b.link(me, schema("educationalLevel"), &own);
        b.a(&own, skos("Concept"));
        b.lang_text(&own, skos("prefLabel"), text, lang);
    }
}

/// A resource's audience: the LRMI audience roles its words name, and the
/// words themselves as the resource's own audience concept (`…#audience`).
fn audiences(b: &mut Builder, me: &str, text: &str, lang: &str) {
    if text.trim().is_empty() {
        return;
    }
    for role in store::library::vocab::audiences_of(text) {
        b.link(me, schema("audience"), &audience_role(role));
    }
    let own = format!("{me}#audience");
    b.link(me, schema("audience"), &own);
    b.a(&own, schema("Audience"));
    b.a(&own, skos("Concept"));
    b.text(&own, schema("audienceType"), text);
    b.lang_text(&own, skos("prefLabel"), text, lang);
}

/// The IRI of an LRMI educational audience role.
pub fn audience_role(role: store::library::vocab::Audience) -> String {
    format!("{LRMI_AUDIENCE}{}", role.key())
}

/// The XSD type of a date as the library stores it (`2011`, `2011-05`,
/// `2011-05-04`); none for anything else, which is then not published.
fn date_type(value: &str) -> Option<&'static str> {
    let digits = |s: &str, n: usize| s.len() == n && s.bytes().all(|b| b.is_ascii_digit());
    match value.split('-').collect::<Vec<_>>().as_slice() {
        [y] if digits(y, 4) => Some("gYear"),
        [y, m] if digits(y, 4) && digits(m, 2) => Some("gYearMonth"),
        [y, m, d] if digits(y, 4) && digits(m, 2) && digits(d, 2) => Some("date"),
        _ => None,
    }
}

/// The vocabularies resources and courses cite besides topics: the
/// library's level scheme and its levels, and the LRMI audience roles,
/// each labelled in the library's languages. One graph, named after the
/// level scheme.
pub fn vocabularies(g: &mut Graph, uris: &Uris) {
    use store::library::vocab::{Audience, Level};
    let mut b = Builder { graph: g };
    let scheme = uris.levels();
    b.a(&scheme, skos("ConceptScheme"));
    for (lang, label) in [
        ("en", "Levels of the library"),
        ("fr", "Niveaux de la bibliothèque"),
        ("de", "Niveaus der Bibliothek"),
        ("it", "Livelli della biblioteca"),
        ("hr", "Razine knjižnice"),
    ] {
        b.lang_text(&scheme, skos("prefLabel"), label, lang);
    }
    for level in Level::ALL {
        let me = uris.level(level.key());
        b.a(&me, skos("Concept"));
        b.link(&me, skos("inScheme"), &scheme);
        b.link(&scheme, skos("hasTopConcept"), &me);
        b.link(&me, skos("topConceptOf"), &scheme);
        b.text(&me, skos("notation"), level.key());
        for (lang, label) in level.labels() {
            b.lang_text(&me, skos("prefLabel"), label, lang);
        }
    }
    let roles = LRMI_AUDIENCE.trim_end_matches('/');
    b.a(roles, skos("ConceptScheme"));
    b.lang_text(roles, skos("prefLabel"), "Educational Audience Role", "en");
    for role in Audience::ALL {
        let me = audience_role(role);
        b.a(&me, skos("Concept"));
        b.link(&me, skos("inScheme"), roles);
        for (lang, label) in role.labels() {
            b.lang_text(&me, skos("prefLabel"), label, lang);
        }
    }
}

/// What an imported topic adds: its definitions, the partner's concept it
/// came from and its other mappings (`skos:exactMatch`, `skos:closeMatch`).
pub fn concept_details(g: &mut Graph, uris: &Uris, id: &str, d: &store::concepts::import::Details) {
    let me = uris.concept(id);
    let mut b = Builder { graph: g };
    for (lang, text) in &d.definitions {
        b.lang_text(&me, skos("definition"), text, lang);
    }
    for iri in d.iri.iter().chain(&d.exact).filter(|i| **i != me) {
        b.link(&me, skos("exactMatch"), iri);
    }
    for iri in &d.close {
        b.link(&me, skos("closeMatch"), iri);
    }
}

/// How many visible posts a lesson's discussion holds: all that is
/// published of a discussion (posts are personal data). It lives in the
/// discussion's own graph ([`Uris::discussion`]), written when the
/// discussion changes.
pub fn comment_count(g: &mut Graph, uris: &Uris, lesson_path: &str, count: i64) {
    let me = uris.lesson(lesson_path);
    let mut b = Builder { graph: g };
    b.typed(&me, schema("commentCount"), &count.to_string(), "integer");
}

/// A partner organisation.
pub fn partner(g: &mut Graph, uris: &Uris, o: &store::organisations::Organisation) {
    let me = uris.partner(&o.slug);
    let mut b = Builder { graph: g };
    b.a(&me, schema("Organization"));
    b.text(&me, schema("name"), &o.name);
    b.text(&me, schema("identifier"), &o.slug);
    if !o.website.is_empty() {
        b.link(&me, schema("url"), &o.website);
    }
    if !o.country.is_empty() {
        let address = format!("{me}#address");
        b.link(&me, schema("address"), &address);
        b.a(&address, schema("PostalAddress"));
        b.text(&address, schema("addressCountry"), &o.country);
    }
    for lang in &o.languages {
        b.text(&me, schema("knowsLanguage"), lang);
    }
    if let Some(logo) = &o.logo {
        b.link(
            &me,
            schema("logo"),
            &format!("{}/media/logos/{logo}", uris.base()),
        );
    }
}

/// A licence as a URI when it is a Creative Commons name (`CC BY-SA 4.0`).
pub fn licence_uri(name: &str) -> Option<String> {
    if name.starts_with("http://") || name.starts_with("https://") {
        return Some(name.to_string());
    }
    let rest = name.trim().strip_prefix("CC ")?;
    let (kind, version) = rest.split_once(' ')?;
    let kind = kind.to_ascii_lowercase();
    let known = ["by", "by-sa", "by-nc", "by-nc-sa", "by-nd", "by-nc-nd"];
    (known.contains(&kind.as_str()) && version.chars().all(|c| c.is_ascii_digit() || c == '.'))
        .then(|| format!("https://creativecommons.org/licenses/{kind}/{version}/"))
}

/// A course with its modules and lessons. `cites(lesson)` gives the uids
/// of the library resources a lesson links to.
pub fn course(
    g: &mut Graph,
    uris: &Uris,
    c: &courses::Course,
    cites: &dyn Fn(&courses::Lesson) -> Vec<String>,
) {
    let me = uris.course(&c.slug);
    let mut b = Builder { graph: g };
    b.a(&me, schema("Course"));
    b.a(&me, schema("LearningResource"));
    b.link(
        &me,
        schema("learningResourceType"),
        &format!("{HCRT}course"),
    );
    b.text(&me, schema("courseCode"), &c.slug);
    let original = &c.front.language;
    b.lang_text(&me, schema("name"), &c.front.title, original);
    b.lang_text(&me, schema("description"), &c.front.summary, original);
    for lang in c.languages() {
        b.text(&me, schema("inLanguage"), &lang);
        b.link(
            &me,
            schema("mainEntityOfPage"),
            &uris.page(&lang, &format!("/courses/{}", c.slug)),
        );
    }
    for (lang, (front, _)) in &c.translations {
        b.lang_text(&me, schema("name"), &front.title, lang);
        if let Some(summary) = &front.summary {
            b.lang_text(&me, schema("description"), summary, lang);
        }
    }
    for author in &c.front.authors {
        b.text(&me, schema("creator"), author);
    }
    match licence_uri(&c.front.licence) {
        Some(uri) => b.link(&me, schema("license"), &uri),
        None => b.text(&me, dct("rights"), &c.front.licence),
    }
    b.link(
        &me,
        schema("educationalLevel"),
        &uris.level(c.front.level.as_str()),
    );
    // Whole hours and minutes, as canonical xsd:durations (`PT2H`,
    // `PT1H30M`, `PT45M`: what RDF stores give back).
    let minutes = (c.front.estimated_hours * 60.0).round() as u32;
    let duration = match (minutes / 60, minutes % 60) {
        (0, m) => format!("PT{m}M"),
        (h, 0) => format!("PT{h}H"),
        (h, m) => format!("PT{h}H{m}M"),
    };
    b.typed(&me, schema("timeRequired"), &duration, "duration");
    for topic in &c.front.topics {
        b.link(&me, schema("about"), &uris.concept(topic));
        b.link(&me, schema("teaches"), &uris.concept(topic));
    }
    for (position, m) in c.modules.iter().enumerate() {
        let module = uris.module(&c.slug, &m.slug);
        b.link(&me, schema("hasPart"), &module);
        b.a(&module, schema("LearningResource"));
        b.link(&module, schema("isPartOf"), &me);
        b.typed(
            &module,
            schema("position"),
            &(position + 1).to_string(),
            "integer",
        );
        b.lang_text(&module, schema("name"), &m.front.title, original);
        for (lang, (front, _)) in &m.translations {
            b.lang_text(&module, schema("name"), &front.title, lang);
        }
        for (n, l) in m.lessons.iter().enumerate() {
            let path = format!("/courses/{}/{}/{}", c.slug, m.slug, l.slug);
            let lesson = uris.lesson(&path);
            b.link(&module, schema("hasPart"), &lesson);
            b.a(&lesson, schema("LearningResource"));
            b.link(&lesson, schema("isPartOf"), &module);
            b.typed(&lesson, schema("position"), &(n + 1).to_string(), "integer");
            for (lang, version) in &l.versions {
                b.lang_text(&lesson, schema("name"), &version.front.title, lang);
                if let Some(summary) = &version.front.summary {
                    b.lang_text(&lesson, schema("description"), summary, lang);
                }
                b.text(&lesson, schema("inLanguage"), lang);
                b.link(&lesson, schema("mainEntityOfPage"), &uris.page(lang, &path));
            }
            for uid in cites(l) {
                b.link(&lesson, schema("citation"), &uris.resource(&uid));
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::licence_uri;

    #[test]
    fn creative_commons_names_become_their_uris() {
        assert_eq!(
            licence_uri("CC BY-SA 4.0").as_deref(),
            Some("https://creativecommons.org/licenses/by-sa/4.0/")
        );
        assert_eq!(licence_uri("Proprietary"), None);
        assert_eq!(
            licence_uri("https://x.org/l").as_deref(),
            Some("https://x.org/l")
        );
    }
}
