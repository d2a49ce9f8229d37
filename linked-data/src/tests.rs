//! The mapping of each entity type written in every format and read back.
//! The store's behaviour is tested on every implementation in
//! `tests/store/`.

use oxigraph::io::RdfParser;
use oxigraph::model::{Graph, Term, Triple};

use crate::format::{Format, serialize};

/// The entities of the store tests, shared with them.
#[path = "../tests/store/fixtures.rs"]
mod fixtures;

use fixtures::uris;

/// Each entity type's graph, and the catalogue's.
fn graphs() -> Vec<(&'static str, Graph)> {
    let mut all = fixtures::graphs();
    all.push(("catalogue", catalogue_graph()));
    all
}

fn catalogue_graph() -> Graph {
    use crate::catalogue::{Dump, Facts, catalogue};
    let facts = Facts {
        modified: Some("2026-11-30T18:02:11.250000Z".into()),
        triples: 48_213,
        entities: 2_604,
        classes: vec![
            ("http://schema.org/LearningResource".into(), 1_940),
            ("http://www.w3.org/2004/02/skos/core#Concept".into(), 20),
        ],
        dumps: vec![Dump {
            url: "https://archipel.example.org/data/dumps/archipel.nq.gz".into(),
            media_type: "application/n-quads".into(),
            format_uri: "http://www.w3.org/ns/formats/N-Quads".into(),
            compression: Some("application/gzip".into()),
            bytes: Some(612_402),
        }],
        page_languages: vec!["en".into(), "fr".into()],
    };
    let mut g = Graph::new();
    catalogue(&mut g, &uris(), &facts);
    g
}

fn parse(format: Format, bytes: &[u8]) -> Graph {
    let rdf = format.rdf_format();
    let mut g = Graph::new();
    for quad in RdfParser::from_format(rdf).for_slice(bytes) {
        let quad = quad.unwrap_or_else(|e| {
            panic!(
                "{format:?} parses back: {e}\n{}",
                String::from_utf8_lossy(bytes)
            )
        });
        g.insert(&Triple::new(quad.subject, quad.predicate, quad.object));
    }
    g
}

#[test]
fn every_entity_type_round_trips_through_every_format() {
    for (name, graph) in graphs() {
        // A discussion publishes its count of posts and nothing else.
        let least = if name == "discussion" { 1 } else { 6 };
        assert!(graph.len() >= least, "{name} has a description");
        for format in Format::ALL {
            let bytes = serialize(&graph, format).unwrap();
            let back = parse(format, &bytes);
            assert_eq!(
                back,
                graph,
                "{name} in {format:?}:\n{}",
                String::from_utf8_lossy(&bytes)
            );
            assert_eq!(
                serialize(&graph, format).unwrap(),
                bytes,
                "{name} in {format:?} is stable"
            );
        }
    }
}

/// The language tags of the literals of `predicate` on `subject`.
fn tags(g: &Graph, subject: &str, predicate: &str) -> Vec<String> {
    let mut tags: Vec<String> = g
        .iter()
        .filter(|t| {
            t.subject.to_string() == format!("<{subject}>") && t.predicate.as_str() == predicate
        })
        .filter_map(|t| match t.object {
            oxigraph::model::TermRef::Literal(l) => l.language().map(str::to_string),
            _ => None,
        })
        .collect();
    tags.sort();
    tags
}

#[test]
fn translated_fields_carry_their_language_and_drafts_stay_out() {
    let graphs = graphs();
    let r = &graphs[0].1;
    let me = uris().resource("a1b2c3");
    assert_eq!(
        tags(r, &me, "http://schema.org/name"),
        ["en", "fr"],
        "the German draft is not published"
    );
    assert_eq!(tags(r, &me, "http://schema.org/description"), ["en", "fr"]);
    let topics = &graphs[1].1;
    let backups = uris().concept("backups");
    assert_eq!(
        tags(
            topics,
            &backups,
            "http://www.w3.org/2004/02/skos/core#prefLabel"
        ),
        ["en", "fr", "hr"]
    );
    assert_eq!(
        tags(
            topics,
            &backups,
            "http://www.w3.org/2004/02/skos/core#altLabel"
        ),
        ["de"]
    );
    let course = &graphs[3].1;
    assert_eq!(
        tags(course, &uris().course("sample"), "http://schema.org/name"),
        ["en", "fr"]
    );
    let lesson = format!("{}/courses/sample/basics/first", uris().base());
    assert_eq!(
        tags(course, &lesson, "http://schema.org/name"),
        ["de-at", "en", "fr"],
        "tags in lower case"
    );
}

#[test]
fn resources_link_what_they_are_about_and_who_published_them() {
    let graphs = graphs();
    let r = &graphs[0].1;
    let has = |p: &str, o: &str| {
        r.iter().any(|t| {
            t.predicate.as_str() == format!("http://schema.org/{p}") && t.object.to_string() == o
        })
    };
    assert!(has("about", &format!("<{}>", uris().concept("backups"))));
    assert!(has(
        "publisher",
        &format!("<{}>", uris().partner("les-tisserands-du-libre"))
    ));
    assert!(has(
        "license",
        "<https://creativecommons.org/licenses/by-sa/4.0/>"
    ));
    assert!(has(
        "learningResourceType",
        "<https://w3id.org/kim/hcrt/video>"
    ));
    assert!(has(
        "dateCreated",
        "\"2026-03-14\"^^<http://www.w3.org/2001/XMLSchema#date>"
    ));
    assert!(has(
        "contentUrl",
        "<https://archipel.example.org/fr/library/resources/a1b2c3/files/3/kit%20d%27atelier.pdf>"
    ));
    let course = &graphs[3].1;
    assert!(
        course
            .iter()
            .any(|t| t.predicate.as_str() == "http://schema.org/citation"
                && t.object
                    == Term::from(
                        oxigraph::model::NamedNode::new(uris().resource("a1b2c3")).unwrap()
                    )
                    .as_ref()),
        "lessons cite the resources they link to"
    );
}

#[test]
fn providers_offer_their_services_where_and_in_the_languages_they_work() {
    let graphs = graphs();
    let (_, g) = graphs.iter().find(|(n, _)| *n == "provider").unwrap();
    let me = crate::map::provider_uri(&uris(), "la-ruche-aux-octets");
    let has = |s: &str, p: &str, o: &str| {
        g.iter().any(|t| {
            t.subject.to_string() == format!("<{s}>")
                && t.predicate.as_str() == format!("http://schema.org/{p}")
                && t.object.to_string() == o
        })
    };
    assert!(has(&me, "memberOf", "<https://www.chatons.org/>"));
    assert!(has(
        &me,
        "makesOffer",
        &format!("<{me}#offer-service-nextcloud>")
    ));
    assert!(has(
        &format!("{me}#offer-help-training"),
        "itemOffered",
        &format!("<{me}#help-training>")
    ));
    assert!(has(
        &format!("{me}#service-nextcloud"),
        "category",
        "\"hosting\""
    ));
    for service in ["help-hosting", "help-training", "service-nextcloud"] {
        let s = format!("{me}#{service}");
        assert!(has(&s, "availableLanguage", "\"fr\""), "{service}");
        assert!(
            has(&s, "areaServed", &format!("<{me}#area-BE1>")),
            "{service}"
        );
    }
    assert!(has(&me, "areaServed", &format!("<{me}#area-FR>")));
    let brussels = format!("{me}#area-BE1");
    assert!(has(
        &brussels,
        "sameAs",
        "<http://data.europa.eu/nuts/code/BE1>"
    ));
    assert!(has(
        &brussels,
        "containedInPlace",
        &format!("<{me}#area-BE>")
    ));
    assert_eq!(tags(g, &me, "http://schema.org/description"), ["en", "fr"]);
}

/// `MAPPING.md` documents each mapping with an example written by the code;
/// `ARCHIPEL_BLESS=1 cargo test -p linked-data` rewrites the examples.
#[test]
fn the_mapping_document_shows_what_the_code_writes() {
    let path = std::path::PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("MAPPING.md");
    let mut doc = std::fs::read_to_string(&path).unwrap();
    let bless = std::env::var_os("ARCHIPEL_BLESS").is_some();
    for (name, graph) in graphs() {
        let turtle = String::from_utf8(serialize(&graph, Format::Turtle).unwrap()).unwrap();
        let marker = format!("<!-- example: {name} -->\n```turtle\n");
        let start = doc
            .find(&marker)
            .unwrap_or_else(|| panic!("MAPPING.md has an example of {name}"))
            + marker.len();
        let end = start + doc[start..].find("```").unwrap();
        if bless {
            doc.replace_range(start..end, &turtle);
        } else {
            assert_eq!(
                doc[start..end],
                turtle,
                "the {name} example is out of date: ARCHIPEL_BLESS=1 cargo test -p linked-data"
            );
        }
    }
    if bless {
        std::fs::write(&path, doc).unwrap();
    }
}
