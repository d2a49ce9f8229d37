//! Reading a partner's SKOS concept scheme (Turtle, N-Triples, RDF/XML…)
//! into the concepts the topic scheme imports: `skos:Concept`s of one
//! `skos:ConceptScheme` or of the whole file, with their preferred and
//! other labels and definitions per language, their broader concepts
//! (`skos:broader`, and `skos:narrower` read backwards) and their exact and
//! close matches (either direction). Problems of the file itself (syntax,
//! labels) are found here; the instance's checks are in the store.

use std::collections::{BTreeMap, BTreeSet};

use oxigraph::io::{RdfFormat, RdfParser};
use oxigraph::model::{NamedOrBlankNode, Term, Triple};
use store::concepts::import::{Incoming, Problem};

const SKOS: &str = "http://www.w3.org/2004/02/skos/core#";
const RDF_TYPE: &str = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type";

/// The RDF format of a file by its extension (`nt`, `rdf`, `owl`…);
/// Turtle for `ttl` and any other name.
pub fn format_of(path: &std::path::Path) -> RdfFormat {
    let ext = path
        .extension()
        .and_then(|e| e.to_str())
        .unwrap_or_default()
        .to_ascii_lowercase();
    match ext.as_str() {
        "owl" | "xml" => RdfFormat::RdfXml,
        other => RdfFormat::from_extension(other).unwrap_or(RdfFormat::Turtle),
    }
}

fn push(list: &mut Vec<String>, iri: &str) {
    if !list.iter().any(|x| x == iri) {
        list.push(iri.to_string());
    }
}

fn skos(local: &str) -> String {
    format!("{SKOS}{local}")
}

fn iri_of(s: &NamedOrBlankNode) -> Option<&str> {
    match s {
        NamedOrBlankNode::NamedNode(n) => Some(n.as_str()),
        NamedOrBlankNode::BlankNode(_) => None,
    }
}

fn named(t: &Term) -> Option<&str> {
    match t {
        Term::NamedNode(n) => Some(n.as_str()),
        _ => None,
    }
}

/// The file's triples, or its first syntax error with its 1-based line.
fn parse(bytes: &[u8], format: RdfFormat) -> Result<Vec<Triple>, Problem> {
    RdfParser::from_format(format)
        .for_slice(bytes)
        .map(|q| q.map(Triple::from))
        .collect::<Result<Vec<_>, _>>()
        .map_err(|e| {
            let at = e.location().map(|l| l.start);
            Problem::Syntax {
                line: at.map(|p| p.line + 1),
                column: at.map(|p| p.column + 1),
                message: e.to_string(),
            }
        })
}

/// The concepts of `bytes` (of the scheme `scheme` when given), in IRI
/// order, or every problem found in the file.
pub fn read(
    bytes: &[u8],
    format: RdfFormat,
    scheme: Option<&str>,
) -> Result<Vec<Incoming>, Vec<Problem>> {
    let triples = parse(bytes, format).map_err(|p| vec![p])?;
    let p = |t: &Triple, local: &str| t.predicate.as_str() == skos(local);
    let is_a = |t: &Triple, class: &str| {
        t.predicate.as_str() == RDF_TYPE && named(&t.object) == Some(skos(class).as_str())
    };
    // Concepts and the schemes each belongs to.
    let mut concepts: BTreeSet<&str> = BTreeSet::new();
    let mut schemes: BTreeSet<&str> = BTreeSet::new();
    let mut member: BTreeSet<(&str, &str)> = BTreeSet::new();
    for t in &triples {
        let (Some(s), o) = (iri_of(&t.subject), named(&t.object)) else {
            continue;
        };
        if is_a(t, "Concept") {
            concepts.insert(s);
        } else if is_a(t, "ConceptScheme") {
            schemes.insert(s);
        } else if let Some(o) = o {
            if p(t, "inScheme") || p(t, "topConceptOf") {
                member.insert((s, o));
                schemes.insert(o);
                if p(t, "topConceptOf") {
                    concepts.insert(s);
                }
            } else if p(t, "hasTopConcept") {
                member.insert((o, s));
                schemes.insert(s);
                concepts.insert(o);
            }
        }
    }
    if let Some(wanted) = scheme {
        if !schemes.contains(wanted) {
            return Err(vec![Problem::UnknownScheme {
                scheme: wanted.to_string(),
            }]);
        }
        concepts.retain(|c| member.contains(&(c, wanted)));
    }
    let mut out: BTreeMap<&str, Incoming> = concepts
        .iter()
        .map(|c| {
            (
                *c,
                Incoming {
                    iri: (*c).to_string(),
                    ..Default::default()
                },
            )
        })
        .collect();
    let mut problems = Vec::new();
    let mut labels: BTreeMap<(&str, String), BTreeSet<String>> = BTreeMap::new();
    let mut definitions: BTreeMap<(&str, String), Vec<String>> = BTreeMap::new();
    for t in &triples {
        let s = iri_of(&t.subject);
        let o = named(&t.object);
        // Links read backwards: `a narrower b` says `b broader a`.
        if let (Some(s), Some(o)) = (s, o)
            && let Some(c) = out.get_mut(o)
        {
            if p(t, "narrower") {
                push(&mut c.broader, s);
            } else if p(t, "exactMatch") {
                push(&mut c.exact, s);
            } else if p(t, "closeMatch") {
                push(&mut c.close, s);
            }
        }
        let Some(c) = s.and_then(|s| out.get_mut(s)) else {
            continue;
        };
        if p(t, "broader") || p(t, "exactMatch") || p(t, "closeMatch") {
            if let Some(o) = o {
                let list = if p(t, "broader") {
                    &mut c.broader
                } else if p(t, "exactMatch") {
                    &mut c.exact
                } else {
                    &mut c.close
                };
                push(list, o);
            }
            continue;
        }
        let kind = ["prefLabel", "altLabel", "definition"]
            .into_iter()
            .find(|k| p(t, k));
        let (Some(kind), Term::Literal(lit)) = (kind, &t.object) else {
            continue;
        };
        let text = lit.value().trim().to_string();
        let Some(lang) = lit.language().map(str::to_ascii_lowercase) else {
            problems.push(Problem::Untagged {
                iri: c.iri.clone(),
                text,
            });
            continue;
        };
        if !store::validate::is_language_tag(&lang) {
            problems.push(Problem::BadLanguage {
                iri: c.iri.clone(),
                lang,
            });
            continue;
        }
        let key = (
            concepts.get(c.iri.as_str()).copied().unwrap_or_default(),
            lang,
        );
        match kind {
            "prefLabel" => {
                labels.entry(key).or_default().insert(text);
            }
            "altLabel" => c.alt.entry(key.1).or_default().push(text),
            _ => definitions.entry(key).or_default().push(text),
        }
    }
    for ((iri, lang), texts) in labels {
        let c = out.get_mut(iri).expect("labels of concepts only");
        if texts.len() > 1 {
            problems.push(Problem::TwoPrefLabels {
                iri: iri.to_string(),
                lang,
            });
        } else if let Some(text) = texts.into_iter().next() {
            c.labels.insert(lang, text);
        }
    }
    for ((iri, lang), mut texts) in definitions {
        texts.sort();
        texts.dedup();
        let c = out.get_mut(iri).expect("definitions of concepts only");
        c.definitions.insert(lang, texts.join("\n\n"));
    }
    for c in out.values_mut() {
        c.alt.values_mut().for_each(|v| {
            v.sort();
            v.dedup();
        });
        c.broader.sort();
        c.exact.sort();
        c.close.sort();
        let two = problems
            .iter()
            .any(|p| matches!(p, Problem::TwoPrefLabels { iri, .. } if *iri == c.iri));
        if c.labels.is_empty() && !two {
            problems.push(Problem::NoPrefLabel { iri: c.iri.clone() });
        }
    }
    if !problems.is_empty() {
        return Err(problems);
    }
    Ok(out.into_values().collect())
}

#[cfg(test)]
mod tests {
    use super::*;

    const TTL: &str = r#"
@prefix skos: <http://www.w3.org/2004/02/skos/core#> .
@prefix ex: <http://vocab.example.org/> .
ex:scheme a skos:ConceptScheme ; skos:hasTopConcept ex:commons .
ex:commons skos:prefLabel "Communs"@fr, "Commons"@EN ; skos:narrower ex:wiki .
ex:wiki a skos:Concept ; skos:prefLabel "Wiki"@fr ; skos:altLabel "wikis"@fr ;
    skos:definition "Un site que ses lecteurs écrivent."@fr ;
    skos:exactMatch <http://www.wikidata.org/entity/Q171> .
ex:other a skos:Concept ; skos:prefLabel "Autre"@fr .
"#;

    #[test]
    fn concepts_labels_and_links_are_read_in_both_directions() {
        let all = read(TTL.as_bytes(), RdfFormat::Turtle, None).unwrap();
        assert_eq!(all.len(), 3);
        let wiki = all.iter().find(|c| c.iri.ends_with("wiki")).unwrap();
        assert_eq!(wiki.broader, ["http://vocab.example.org/commons"]);
        assert_eq!(wiki.alt["fr"], ["wikis"]);
        assert_eq!(wiki.exact, ["http://www.wikidata.org/entity/Q171"]);
        assert!(wiki.definitions["fr"].starts_with("Un site"));
        let commons = all.iter().find(|c| c.iri.ends_with("commons")).unwrap();
        assert_eq!(commons.labels["en"], "Commons", "tags are lower-cased");
        let one = read(
            TTL.as_bytes(),
            RdfFormat::Turtle,
            Some("http://vocab.example.org/scheme"),
        )
        .unwrap();
        assert_eq!(
            one.len(),
            1,
            "only the top concept says it is in the scheme"
        );
    }

    #[test]
    fn label_problems_and_syntax_errors_are_named() {
        let twice = "@prefix skos: <http://www.w3.org/2004/02/skos/core#> .\n\
            <http://x.org/a> a skos:Concept ; skos:prefLabel \"A\"@fr, \"B\"@fr .\n\
            <http://x.org/b> a skos:Concept ; skos:prefLabel \"B\" .\n\
            <http://x.org/c> a skos:Concept .\n";
        let problems = read(twice.as_bytes(), RdfFormat::Turtle, None).unwrap_err();
        assert!(problems.contains(&Problem::TwoPrefLabels {
            iri: "http://x.org/a".into(),
            lang: "fr".into()
        }));
        assert!(
            problems
                .iter()
                .any(|p| matches!(p, Problem::Untagged { iri, .. } if iri == "http://x.org/b"))
        );
        assert!(problems.contains(&Problem::NoPrefLabel {
            iri: "http://x.org/c".into()
        }));
        let broken = "@prefix skos: <http://www.w3.org/2004/02/skos/core#> .\n\n<http://x.org/a> skos:prefLabel \"A\"@fr\n<http://x.org/b> a skos:Concept .\n";
        let problems = read(broken.as_bytes(), RdfFormat::Turtle, None).unwrap_err();
        assert!(
            matches!(&problems[..], [Problem::Syntax { line: Some(4), .. }]),
            "{problems:?}"
        );
    }
}
