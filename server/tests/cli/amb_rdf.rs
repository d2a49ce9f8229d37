//! AMB records keep their information through `archipel import` and the RDF
//! projection: every valid example of the conformance folder is imported on
//! its own (several share an `id`, and a later import updates the same
//! resource), the RDF store catches up from the outbox, and the resource's
//! description (what its URI answers) is compared with the JSON record,
//! read generically with serde_json. A full rebuild must give the same for
//! each resource's last import.
//!
//! Checked: `name` and `description` with the language the resource is
//! imported in (`inLanguage[0]`, else the context's `@language`), and only
//! them (nothing left over from an earlier record with the same `id`),
//! `inLanguage` (that language), `license` (the same licence, its URI
//! normalised), `learningResourceType` (the HCRT terms the library has a
//! kind for), `educationalLevel` and `audience` (their labels: the library's
//! level concepts or the resource's own, labelled with the record's words),
//! `about` (the scheme's topics matching the subjects or keywords, else the
//! `--topic` given), `creator` names in order (as `schema:author`),
//! `dateCreated` or else `datePublished` (as `schema:dateCreated`, the date
//! only) and `id` (as `schema:url`).
//!
//! Not kept by the library, so not checked: `inLanguage` beyond the first;
//! the IRIs of `educationalLevel`, `audience` and `about` concepts (levels
//! and audiences become text, subjects become the scheme's topics); other
//! `learningResourceType` terms (reduced to the library's kind: a worksheet
//! becomes `hcrt:lesson_plan`, an image or a slide `hcrt:textbook`) and
//! `type` beyond the kind's class; the creators' `type` (every author is a
//! `schema:Person`), `id`, `honorificPrefix` and `affiliation`;
//! `contributor`, `publisher` (the partner is), `funder`, `keywords`,
//! `image`, `datePublished` when there is a `dateCreated` (the library's
//! own publication time is given), the time of a `dateCreated` date-time,
//! `dateModified`, `duration`, `isAccessibleForFree`, `conditionsOfAccess`,
//! `interactivityType`, `teaches`, `assesses`, `competencyRequired`,
//! `encoding`, `trailer`, `caption`, `mainEntityOfPage`, `isBasedOn`,
//! `isPartOf`, `hasPart`.

use std::collections::BTreeMap;

use linked_data::{Format, Graph, RdfStore, Uris};
use oxigraph::io::RdfParser;
use oxigraph::model::dataset::CanonicalizationAlgorithm;
use oxigraph::model::{Literal, NamedNode, NamedNodeRef, Term, Triple};
use serde_json::Value;
use server::cli;
use store::concepts::{self, Concept, ConceptForm};

use super::{amb_examples, args, import_db, settings};

const SCHEMA: &str = "http://schema.org/";
const XSD: &str = "http://www.w3.org/2001/XMLSchema#";
const HCRT: &str = "https://w3id.org/kim/hcrt/";
/// The HCRT terms the library publishes, one per kind (see `map::resource`).
const KIND_TERMS: [&str; 8] = [
    "textbook",
    "video",
    "lesson_plan",
    "text",
    "application",
    "course",
    "audio",
    "data",
];
/// The `--topic` of [`args`], for records whose subjects match no topic.
const DEFAULT_TOPIC: &str = "digital-ethics";
/// The valid examples the importer accepts (all of them today).
const ACCEPTED: usize = 33;

fn schema(local: &str) -> String {
    format!("{SCHEMA}{local}")
}

/// The values of `predicate` for `subject` in `g`.
fn values(g: &Graph, subject: &str, predicate: &str) -> Vec<Term> {
    let (Ok(s), Ok(p)) = (NamedNodeRef::new(subject), NamedNodeRef::new(predicate)) else {
        return Vec::new();
    };
    g.objects_for_subject_predicate(s, p)
        .map(|t| t.into_owned())
        .collect()
}

/// Terms as N-Triples would write them, for messages.
fn shown(terms: &[Term]) -> String {
    let all: Vec<String> = terms.iter().map(Term::to_string).collect();
    format!("[{}]", all.join(", "))
}

/// The texts of the literal values of `predicate` for `subject`.
const SKOS_PREF_LABEL: &str = "http://www.w3.org/2004/02/skos/core#prefLabel";

fn texts_of(g: &Graph, subject: &str, predicate: &str) -> Vec<String> {
    values(g, subject, predicate)
        .into_iter()
        .filter_map(|t| match t {
            Term::Literal(l) => Some(l.value().to_string()),
            _ => None,
        })
        .collect()
}

/// The language the resource is imported in: its first `inLanguage`, else
/// the context's default `@language`.
fn language(record: &Value) -> String {
    let first = record["inLanguage"].get(0).and_then(Value::as_str);
    let context = record["@context"]
        .as_array()
        .into_iter()
        .flatten()
        .find_map(|c| c.get("@language").and_then(Value::as_str));
    first.or(context).unwrap_or_default().to_string()
}

/// Language-tagged texts of a JSON-LD value: a string (in `lang`), a
/// `{"@value", "@language"}` object, a language map, or an array of these.
fn tagged(value: &Value, lang: &str) -> Vec<(String, String)> {
    match value {
        Value::String(s) => vec![(s.clone(), lang.to_string())],
        Value::Array(items) => items.iter().flat_map(|v| tagged(v, lang)).collect(),
        Value::Object(o) if o.contains_key("@value") => {
            let l = o.get("@language").and_then(Value::as_str).unwrap_or(lang);
            tagged(&o["@value"], l)
        }
        Value::Object(o) => o.iter().flat_map(|(l, v)| tagged(v, l)).collect(),
        _ => Vec::new(),
    }
}

/// The labels of a concept object (`prefLabel`, a language map).
fn labels(concept: &Value) -> Vec<String> {
    tagged(&concept["prefLabel"], "")
        .into_iter()
        .map(|(t, _)| t)
        .collect()
}

fn list<'a>(record: &'a Value, key: &str) -> impl Iterator<Item = &'a Value> {
    record[key].as_array().into_iter().flatten()
}

/// The same licence: scheme, `www.`, a trailing slash or `.html` and case
/// aside.
fn same_licence(a: &str, b: &str) -> bool {
    let bare = |u: &str| {
        let u = u.trim().to_ascii_lowercase().replace("http://", "https://");
        u.replace("https://www.", "https://")
            .trim_end_matches('/')
            .trim_end_matches(".html")
            .to_string()
    };
    bare(a) == bare(b)
}

/// The scheme's topics named by the record's subjects or keywords (labels
/// and other names compared without case or accents), else the default.
fn expected_topics(record: &Value, scheme: &[Concept]) -> Vec<String> {
    let fold = courses::quiz::fold;
    let words: Vec<String> = list(record, "about")
        .flat_map(labels)
        .chain(list(record, "keywords").filter_map(|k| k.as_str().map(str::to_string)))
        .map(|w| fold(&w))
        .collect();
    let matched: Vec<String> = scheme
        .iter()
        .filter(|c| {
            c.labels
                .values()
                .chain(c.alt.values().flatten())
                .any(|l| words.contains(&fold(l)))
        })
        .map(|c| c.id.clone())
        .collect();
    if matched.is_empty() {
        vec![DEFAULT_TOPIC.to_string()]
    } else {
        matched
    }
}

/// What of `record` the description `g` of `me` lost or changed.
fn differences(
    record: &Value,
    g: &Graph,
    me: &str,
    uris: &Uris,
    scheme: &[Concept],
) -> Vec<String> {
    let mut lost = Vec::new();
    if g.is_empty() {
        return vec!["the resource has no RDF description (is it published?)".into()];
    }
    let lang = language(record);
    for key in ["name", "description"] {
        let mut found = values(g, me, &schema(key));
        let mut wanted: Vec<Term> = tagged(&record[key], &lang)
            .into_iter()
            .map(|(text, tag)| {
                Literal::new_language_tagged_literal(text, tag)
                    .unwrap()
                    .into()
            })
            .collect();
        found.sort_by_key(Term::to_string);
        wanted.sort_by_key(Term::to_string);
        if found != wanted {
            lost.push(format!("{key} {} became {}", shown(&wanted), shown(&found)));
        }
    }
    let in_language = texts_of(g, me, &schema("inLanguage"));
    if in_language != [lang.as_str()] {
        lost.push(format!("inLanguage {lang:?} became {in_language:?}"));
    }

    let licences = values(g, me, &schema("license"));
    match record["license"]["id"].as_str() {
        Some(id) => {
            let same = licences
                .iter()
                .any(|l| matches!(l, Term::NamedNode(n) if same_licence(n.as_str(), id)));
            if !same {
                lost.push(format!("license {id} became {}", shown(&licences)));
            }
        }
        None if !licences.is_empty() => {
            lost.push(format!(
                "no license was given, the graph says {}",
                shown(&licences)
            ));
        }
        None => {}
    }

    let types = values(g, me, &schema("learningResourceType"));
    for t in list(record, "learningResourceType").filter_map(|c| c["id"].as_str()) {
        let kept = t
            .strip_prefix(HCRT)
            .is_some_and(|term| KIND_TERMS.contains(&term));
        if kept && !types.contains(&Term::NamedNode(NamedNode::new(t).unwrap())) {
            lost.push(format!("learningResourceType {t} became {}", shown(&types)));
        }
    }

    // A level is a concept: one of the library's levels (named in every
    // language) or the resource's own, labelled with the record's words.
    let levels = values(g, me, &schema("educationalLevel"))
        .into_iter()
        .flat_map(|level| match level {
            Term::NamedNode(n) => {
                let library = n
                    .as_str()
                    .strip_prefix(&format!("{}/", uris.levels()))
                    .and_then(store::library::vocab::Level::from_key)
                    .map(|l| l.labels().iter().map(|(_, t)| t.to_string()).collect())
                    .unwrap_or_default();
                [library, texts_of(g, n.as_str(), SKOS_PREF_LABEL)].concat()
            }
            _ => Vec::new(),
        })
        .collect::<Vec<_>>()
        .join(", ");
    let audience_node = format!("{me}#audience");
    let audiences = texts_of(g, &audience_node, &schema("audienceType")).join(", ");
    for (key, text) in [("educationalLevel", &levels), ("audience", &audiences)] {
        for concept in list(record, key) {
            let names = labels(concept);
            if !names.is_empty() && !names.iter().any(|n| text.contains(n.as_str())) {
                lost.push(format!("{key} {names:?} is missing: {text:?}"));
            }
        }
    }

    let about = values(g, me, &schema("about"));
    for topic in expected_topics(record, scheme) {
        let concept = Term::NamedNode(NamedNode::new(uris.concept(&topic)).unwrap());
        if !about.contains(&concept) {
            lost.push(format!("about {topic} is missing: {}", shown(&about)));
        }
    }

    let creators: Vec<&str> = list(record, "creator")
        .filter_map(|c| c["name"].as_str())
        .take(store::library::AUTHORS_MAX)
        .collect();
    for (i, name) in creators.iter().enumerate() {
        let author = format!("{me}#author-{}", i + 1);
        let linked = values(g, me, &schema("author"))
            .contains(&Term::NamedNode(NamedNode::new(&author).unwrap()));
        let names = texts_of(g, &author, &schema("name"));
        if !linked || names != [*name] {
            lost.push(format!("creator {} {name:?} became {names:?}", i + 1));
        }
    }
    let authors = values(g, me, &schema("author")).len();
    if authors != creators.len() {
        lost.push(format!("{} creators, {authors} authors", creators.len()));
    }

    let date = record["dateCreated"]
        .as_str()
        .or(record["datePublished"].as_str());
    if let Some(date) = date {
        let day: String = date.chars().take(10).collect();
        let wanted = Literal::new_typed_literal(day, NamedNode::new(format!("{XSD}date")).unwrap());
        let found = values(g, me, &schema("dateCreated"));
        if found != [Term::Literal(wanted.clone())] {
            lost.push(format!(
                "the date {date} became {}, not {wanted}",
                shown(&found)
            ));
        }
    }

    if let Some(id) = record["id"].as_str().filter(|id| id.starts_with("http")) {
        let url = values(g, me, &schema("url"));
        if url != [Term::NamedNode(NamedNode::new(id).unwrap())] {
            lost.push(format!("url {id} became {}", shown(&url)));
        }
    }
    lost
}

fn parse(format: Format, bytes: &[u8]) -> Graph {
    let rdf = format.rdf_format();
    let mut g = Graph::new();
    for quad in RdfParser::from_format(rdf).for_slice(bytes) {
        let quad = quad.unwrap_or_else(|e| {
            panic!(
                "{} parses back: {e}\n{}",
                format.label(),
                String::from_utf8_lossy(bytes)
            )
        });
        g.insert(&Triple::from(quad));
    }
    g
}

/// The description of the record's resource.
fn describe(rdf: &dyn RdfStore, uris: &Uris, record: &Value) -> (String, Graph) {
    let id = record["id"].as_str().expect("a valid record has an id");
    let me = uris.resource(&store::library::import::uid_for(id));
    let g = rdf.describe(&me).unwrap();
    (me, g)
}

#[tokio::test]
async fn amb_records_keep_their_information_through_import_and_rdf() {
    let dir = tempfile::tempdir().unwrap();
    let db = import_db(dir.path()).await;
    // Topics an administrator would add, so that subjects can match.
    for (id, labels) in [
        ("computer-science", "de: Informatik\nen: Computer science"),
        ("french", "de: Französisch\nen: French\nfr: Français"),
    ] {
        let form = ConceptForm {
            id: id.into(),
            broader: String::new(),
            labels: labels.into(),
        };
        concepts::save(&db, &form).await.unwrap();
    }
    let scheme = concepts::list(&db).await.unwrap();
    let state = server::state::AppState::new(db.clone(), settings(dir.path())).unwrap();
    state.rdf.rebuild().await.unwrap();
    let rdf = state.rdf.store().clone();
    let uris = state.rdf.uris().clone();

    let examples = amb_examples("valid");
    let mut accepted = 0;
    let mut refused = Vec::new();
    let mut problems = Vec::new();
    let mut last: BTreeMap<String, (String, Value)> = BTreeMap::new();
    let file = dir.path().join("record.json");
    for (name, record) in &examples {
        std::fs::write(&file, record.to_string()).unwrap();
        let imported = cli::import::run(settings(dir.path()), args(dir.path(), &file)).await;
        if let Err(e) = imported {
            let report = std::fs::read_to_string(dir.path().join("report.json")).unwrap();
            refused.push(format!("{name}: {e}: {report}"));
            continue;
        }
        accepted += 1;
        state.rdf.catch_up().await.unwrap();
        let (me, g) = describe(rdf.as_ref(), &uris, record);
        for p in differences(record, &g, &me, &uris, &scheme) {
            problems.push(format!("{name} ({me}): {p}"));
        }
        let id = record["id"].as_str().unwrap().to_string();
        last.insert(id, (name.clone(), record.clone()));
    }
    assert_eq!(
        accepted,
        ACCEPTED,
        "valid AMB examples imported; refused:\n{}",
        refused.join("\n")
    );

    // Rebuilt from SQL, each resource still says what its last record said.
    state.rdf.rebuild().await.unwrap();
    for (name, record) in last.values() {
        let (me, g) = describe(rdf.as_ref(), &uris, record);
        for p in differences(record, &g, &me, &uris, &scheme) {
            problems.push(format!("{name} ({me}) after a rebuild: {p}"));
        }
    }
    assert!(
        problems.is_empty(),
        "{} difference(s) between AMB records and their RDF:\n{}",
        problems.len(),
        problems.join("\n")
    );

    // The richest description reads back the same from Turtle and JSON-LD.
    let (me, graph) = last
        .values()
        .map(|(_, record)| describe(rdf.as_ref(), &uris, record))
        .max_by_key(|(_, g)| g.len())
        .unwrap();
    assert!(graph.len() > 15, "{me} has a full description: {graph}");
    let mut expected = graph.clone();
    expected.canonicalize(CanonicalizationAlgorithm::Unstable);
    for format in [Format::Turtle, Format::JsonLd] {
        let bytes = linked_data::format::serialize(&graph, format).unwrap();
        let mut back = parse(format, &bytes);
        back.canonicalize(CanonicalizationAlgorithm::Unstable);
        assert_eq!(
            back,
            expected,
            "{me} read back from {} is the same graph:\n{}",
            format.label(),
            String::from_utf8_lossy(&bytes)
        );
    }
}
