//! What a record says: its header (identifier, datestamp, sets), its
//! Dublin Core (`oai_dc`) and its schema.org/LRMI description (`oai_lrmi`,
//! the resource's RDF/XML as the RDF store holds it), and the sets.

use std::collections::{BTreeSet, HashMap};

use linked_data::{Format, Graph, Uris, map};
use store::concepts::Concept;
use store::library::oai::Record;
use store::library::{Kind, Origin, Resource, Status};
use store::organisations::Organisation;

use crate::repository::Repository;
use crate::xml::{DC_NS, Doc, OAI_DC_NS, OAI_DC_XSD, XSI_NS, datestamp};

/// The formats offered: prefix, schema, namespace. Every record that is
/// not deleted can be disseminated in each.
pub const FORMATS: &[(&str, &str, &str)] = &[
    ("oai_dc", OAI_DC_XSD, OAI_DC_NS),
    (
        "oai_lrmi",
        "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
        "http://schema.org/",
    ),
];

/// Everything records are written with, read once per request.
pub struct Context {
    /// The repository identifier: the public URL's host.
    pub host: String,
    pub uris: Uris,
    /// The interface language record pages are linked in.
    pub page_lang: String,
    pub partners: HashMap<i64, Organisation>,
    pub concepts: HashMap<String, Concept>,
}

impl Context {
    pub async fn load(repo: &Repository<'_>) -> Result<Self, store::StoreError> {
        let public = repo.public_url;
        let partners = store::organisations::list(repo.db)
            .await?
            .into_iter()
            .map(|o| (o.id, o))
            .collect();
        let concepts = store::concepts::list(repo.db)
            .await?
            .into_iter()
            .map(|c| (c.id.clone(), c))
            .collect();
        Ok(Context {
            host: linked_data::uris::host_of(public),
            uris: Uris::new(public),
            page_lang: repo.page_lang.to_string(),
            partners,
            concepts,
        })
    }

    /// `oai:{host}:{uid}`.
    pub fn identifier(&self, uid: &str) -> String {
        format!("oai:{}:{uid}", self.host)
    }

    /// The uid an identifier of this repository names.
    pub fn uid_of<'a>(&self, identifier: &'a str) -> Option<&'a str> {
        let rest = identifier.strip_prefix("oai:")?;
        let uid = rest.strip_prefix(self.host.as_str())?.strip_prefix(':')?;
        (!uid.is_empty()).then_some(uid)
    }

    /// The sets a resource is in: its partner, its topics and every topic
    /// above them, the languages it can be read in.
    pub fn set_specs(&self, r: &Resource) -> Vec<String> {
        let mut specs = Vec::new();
        if let Some(o) = self.partners.get(&r.organisation_id) {
            specs.push(format!("partner:{}", o.slug));
        }
        let mut topics = BTreeSet::new();
        for t in &r.topics {
            let mut at = Some(t.clone());
            // Bounded, in case the scheme ever had a cycle.
            for _ in 0..64 {
                let Some(id) = at.take() else { break };
                if !topics.insert(id.clone()) {
                    break;
                }
                at = self.concepts.get(&id).and_then(|c| c.broader.clone());
            }
        }
        specs.extend(topics.into_iter().map(|t| format!("topic:{t}")));
        let langs: BTreeSet<&str> = readable(r).map(|t| t.lang.as_str()).collect();
        specs.extend(langs.into_iter().map(|l| format!("language:{l}")));
        specs.retain(|s| is_set_spec(s));
        specs
    }

    pub fn header(&self, doc: &mut Doc, rec: &Record) {
        if rec.deleted {
            doc.open_with("header", &[("status", "deleted")]);
        } else {
            doc.open("header");
        }
        doc.text("identifier", &self.identifier(&rec.resource.uid));
        doc.text("datestamp", &datestamp(&rec.datestamp));
        for s in self.set_specs(&rec.resource) {
            doc.text("setSpec", &s);
        }
        doc.close("header");
    }

    /// The record's metadata in `prefix` (a format of [`FORMATS`]).
    pub fn metadata(&self, doc: &mut Doc, r: &Resource, prefix: &str) -> std::io::Result<()> {
        doc.open("metadata");
        if prefix == "oai_lrmi" {
            self.lrmi(doc, r)?;
        } else {
            self.dublin_core(doc, r);
        }
        doc.close("metadata");
        Ok(())
    }

    fn dublin_core(&self, doc: &mut Doc, r: &Resource) {
        open_dc(doc);
        let texts: Vec<_> = readable(r).collect();
        for t in &texts {
            doc.text_with("dc:title", &[("xml:lang", &t.lang)], &t.title);
        }
        for a in &r.authors {
            doc.text("dc:creator", a);
        }
        for id in &r.topics {
            if let Some(c) = self.concepts.get(id) {
                for (lang, label) in &c.labels {
                    doc.text_with("dc:subject", &[("xml:lang", lang)], label);
                }
            } else {
                doc.text("dc:subject", id);
            }
        }
        for t in texts.iter().filter(|t| !t.description.trim().is_empty()) {
            doc.text_with("dc:description", &[("xml:lang", &t.lang)], &t.description);
        }
        if let Some(o) = self.partners.get(&r.organisation_id) {
            doc.text("dc:publisher", &o.name);
        }
        let date = if r.date_created.is_empty() {
            r.published_at
                .as_deref()
                .map(|d| d.chars().take(10).collect())
        } else {
            Some(r.date_created.clone())
        };
        if let Some(d) = date {
            doc.text("dc:date", &d);
        }
        doc.text("dc:type", dcmi_type(r.kind));
        doc.text("dc:type", r.kind.as_str());
        let formats: BTreeSet<&str> = r.files.iter().map(|f| f.media_type.as_str()).collect();
        for f in formats {
            doc.text("dc:format", f);
        }
        doc.text("dc:identifier", &self.uris.resource(&r.uid));
        doc.text(
            "dc:identifier",
            &self
                .uris
                .page(&self.page_lang, &format!("/library/resources/{}", r.uid)),
        );
        if !r.url.is_empty() {
            doc.text("dc:relation", &r.url);
        }
        let langs: BTreeSet<&str> = texts.iter().map(|t| t.lang.as_str()).collect();
        for l in langs {
            doc.text("dc:language", l);
        }
        if !r.country.is_empty() {
            doc.text("dc:coverage", &r.country);
        }
        if r.licence == store::library::ALL_RIGHTS_RESERVED {
            doc.text("dc:rights", "All rights reserved");
        } else {
            doc.text("dc:rights", &r.licence);
            let label = store::library::licence_label(&r.licence);
            if label != r.licence {
                doc.text("dc:rights", &label);
            }
        }
        doc.close("oai_dc:dc");
    }

    /// The resource's RDF/XML description (`rdf:RDF`), without its XML
    /// declaration.
    fn lrmi(&self, doc: &mut Doc, r: &Resource) -> std::io::Result<()> {
        let slug = self
            .partners
            .get(&r.organisation_id)
            .map_or("", |o| o.slug.as_str());
        let mut g = Graph::new();
        map::resource(&mut g, &self.uris, r, slug);
        let bytes = linked_data::format::serialize(&g, Format::RdfXml)?;
        let text = String::from_utf8(bytes).map_err(std::io::Error::other)?;
        doc.raw(strip_declaration(&text));
        Ok(())
    }

    /// Every set: the three families, each partner, each topic, each
    /// language records are readable in.
    pub fn sets(&self, doc: &mut Doc, languages: &[String]) {
        for (spec, name) in [
            ("partner", "Partners"),
            ("topic", "Topics"),
            ("language", "Languages"),
        ] {
            set(doc, spec, name, |_| {});
        }
        let mut partners: Vec<_> = self.partners.values().collect();
        partners.sort_by(|a, b| a.slug.cmp(&b.slug));
        for o in partners {
            let spec = format!("partner:{}", o.slug);
            set(doc, &spec, &o.name, |doc| {
                doc.text("dc:title", &o.name);
                doc.text("dc:identifier", &self.uris.partner(&o.slug));
            });
        }
        let mut concepts: Vec<_> = self.concepts.values().collect();
        concepts.sort_by(|a, b| a.id.cmp(&b.id));
        for c in concepts {
            let spec = format!("topic:{}", c.id);
            set(doc, &spec, c.label_in("en"), |doc| {
                for (lang, label) in &c.labels {
                    doc.text_with("dc:title", &[("xml:lang", lang)], label);
                }
                doc.text("dc:identifier", &self.uris.concept(&c.id));
            });
        }
        for l in languages {
            set(doc, &format!("language:{l}"), l, |_| {});
        }
    }
}

/// One `<set>`; `describe` writes Dublin Core elements into its
/// `setDescription` (none: no description).
pub(super) fn set(doc: &mut Doc, spec: &str, name: &str, describe: impl FnOnce(&mut Doc)) {
    if !is_set_spec(spec) {
        return;
    }
    doc.open("set");
    doc.text("setSpec", spec);
    doc.text("setName", name);
    let mut inner = Doc::fragment();
    describe(&mut inner);
    let inner = inner.into_string();
    if !inner.is_empty() {
        doc.open("setDescription");
        open_dc(doc);
        doc.raw(inner.trim_end());
        doc.close("oai_dc:dc");
        doc.close("setDescription");
    }
    doc.close("set");
}

pub(super) fn open_dc(doc: &mut Doc) {
    doc.open_with(
        "oai_dc:dc",
        &[
            ("xmlns:oai_dc", OAI_DC_NS),
            ("xmlns:dc", DC_NS),
            ("xmlns:xsi", XSI_NS),
            ("xsi:schemaLocation", &format!("{OAI_DC_NS} {OAI_DC_XSD}")),
        ],
    );
}

/// The texts readers see: the original and published translations.
fn readable(r: &Resource) -> impl Iterator<Item = &store::library::ResourceText> {
    r.texts
        .iter()
        .filter(|t| t.origin == Origin::Original || t.status == Status::Published)
}

/// The DCMI Type Vocabulary term of a kind.
fn dcmi_type(kind: Kind) -> &'static str {
    match kind {
        Kind::Guide | Kind::Article | Kind::WorkshopKit => "Text",
        Kind::Video => "MovingImage",
        Kind::Podcast => "Sound",
        Kind::Dataset => "Dataset",
        Kind::Tool => "Software",
        Kind::Course => "InteractiveResource",
    }
}

/// Whether the oai-identifier scheme accepts `host` as a repository
/// identifier (a domain name: labels starting with a letter, one dot at
/// least). An address such as `127.0.0.1` or `localhost` does not, and
/// Identify then leaves the oai-identifier description out.
pub fn is_repository_identifier(host: &str) -> bool {
    let labels: Vec<&str> = host.split('.').collect();
    labels.len() >= 2
        && labels.iter().all(|l| {
            l.chars().next().is_some_and(|c| c.is_ascii_alphabetic())
                && l.chars().all(|c| c.is_ascii_alphanumeric() || c == '-')
        })
}

/// Whether `s` is a setSpec as the schema allows.
pub fn is_set_spec(s: &str) -> bool {
    s.split(':').all(|part| {
        !part.is_empty()
            && part
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || "-_.!~*'()".contains(c))
    })
}

pub(super) fn strip_declaration(xml: &str) -> &str {
    let xml = xml.trim_start();
    match xml.strip_prefix("<?xml") {
        Some(rest) => rest.split_once("?>").map_or(xml, |(_, r)| r.trim()),
        None => xml.trim(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn repository_identifiers_sets_and_declarations() {
        assert!(is_repository_identifier("archipel.example.org"));
        assert!(!is_repository_identifier("127.0.0.1"));
        assert!(!is_repository_identifier("localhost"));
        assert!(is_set_spec("topic:free-software"));
        assert!(!is_set_spec("topic:"));
        assert!(!is_set_spec("topic:a b"));
        assert_eq!(strip_declaration("<?xml version=\"1.0\"?>\n<a/>"), "<a/>");
    }
}
