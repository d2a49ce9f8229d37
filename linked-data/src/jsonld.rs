//! Compact JSON-LD: a graph written with an inline context (schema.org as
//! the vocabulary, prefixes for the others), one node object per subject,
//! language-tagged texts as `{"@value", "@language"}`. Any JSON-LD processor
//! expands it back to the same triples without fetching anything.

use std::collections::BTreeMap;

use oxigraph::model::{Graph, Literal, NamedOrBlankNode, Term};
use serde_json::{Map, Value, json};

use crate::vocab::{PREFIXES, RDF, SCHEMA, XSD};

/// The context written in every document.
pub fn context() -> Value {
    let mut ctx = Map::new();
    ctx.insert("@vocab".into(), SCHEMA.into());
    for (prefix, iri) in PREFIXES {
        if iri != SCHEMA {
            ctx.insert(prefix.into(), iri.into());
        }
    }
    Value::Object(ctx)
}

/// An IRI as a term of the context: a schema.org local name, a prefixed
/// name, or the IRI itself.
fn compact_iri(iri: &str) -> String {
    let plain = |local: &str| {
        !local.is_empty() && local.chars().all(|c| c.is_ascii_alphanumeric() || c == '_')
    };
    if let Some(local) = iri.strip_prefix(SCHEMA)
        && plain(local)
    {
        return local.to_string();
    }
    for (prefix, ns) in PREFIXES {
        if let Some(local) = iri.strip_prefix(ns)
            && plain(local)
            && ns != SCHEMA
        {
            return format!("{prefix}:{local}");
        }
    }
    iri.to_string()
}

fn literal(l: &Literal) -> Value {
    if let Some(lang) = l.language() {
        return json!({"@value": l.value(), "@language": lang});
    }
    let datatype = l.datatype().as_str();
    if datatype == format!("{XSD}string") {
        Value::String(l.value().to_string())
    } else {
        json!({"@value": l.value(), "@type": compact_iri(datatype)})
    }
}

fn subject_id(s: &NamedOrBlankNode) -> String {
    match s {
        NamedOrBlankNode::NamedNode(n) => n.as_str().to_string(),
        NamedOrBlankNode::BlankNode(b) => format!("_:{}", b.as_str()),
        #[allow(unreachable_patterns)]
        _ => s.to_string(),
    }
}

fn term(t: &Term) -> Value {
    match t {
        Term::NamedNode(n) => json!({"@id": n.as_str()}),
        Term::BlankNode(b) => json!({"@id": format!("_:{}", b.as_str())}),
        Term::Literal(l) => literal(l),
        #[allow(unreachable_patterns)]
        _ => Value::String(t.to_string()),
    }
}

/// The graph as a compact JSON-LD document (`@context` and `@graph`), nodes
/// and values in a stable order.
pub fn compact(graph: &Graph) -> Value {
    let rdf_type = format!("{RDF}type");
    // Subject → property → values.
    let mut nodes: BTreeMap<String, BTreeMap<String, Vec<Value>>> = BTreeMap::new();
    for t in graph.iter() {
        let t = t.into_owned();
        let node = nodes.entry(subject_id(&t.subject)).or_default();
        if t.predicate.as_str() == rdf_type
            && let Term::NamedNode(class) = &t.object
        {
            node.entry("@type".into())
                .or_default()
                .push(Value::String(compact_iri(class.as_str())));
        } else {
            node.entry(compact_iri(t.predicate.as_str()))
                .or_default()
                .push(term(&t.object));
        }
    }
    let graph: Vec<Value> = nodes
        .into_iter()
        .map(|(id, props)| {
            let mut object = Map::new();
            object.insert("@id".into(), Value::String(id));
            for (key, mut values) in props {
                values.sort_by_key(|v| v.to_string());
                let value = if values.len() == 1 {
                    values.pop().expect("one value")
                } else {
                    Value::Array(values)
                };
                object.insert(key, value);
            }
            Value::Object(object)
        })
        .collect();
    json!({"@context": context(), "@graph": graph})
}
