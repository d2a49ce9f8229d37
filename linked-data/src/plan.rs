//! How a query is evaluated on the embedded store: with Oxigraph's optimiser
//! (join reordering, hash joins), or step by step in the order written.
//!
//! The optimiser makes joins fast, but it evaluates a product of patterns
//! that share no variable (a cartesian product) as in-memory loops that never
//! look at the cancellation token: such a query would run past any timeout.
//! Plain evaluation reads the store at every step and stops when the token is
//! cancelled, but joins everything in the order written, which is very slow
//! on a large library. So a query is planned by its shape: when any group of
//! patterns holds parts that share no variable, it is evaluated plainly;
//! otherwise it is optimised.

use std::collections::{BTreeSet, HashMap};

use spargebra::Query;
use spargebra::algebra::GraphPattern;
use spargebra::term::{NamedNodePattern, TermPattern, TriplePattern};

/// How to evaluate a parsed query.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Plan {
    /// Every group is connected: let the optimiser reorder the joins.
    Optimised,
    /// Some group is a product of unrelated parts: evaluate in the order
    /// written, so that the timeout can stop it.
    Plain,
}

/// The plan for `query`.
pub fn plan(query: &Query) -> Plan {
    let pattern = match query {
        Query::Select { pattern, .. }
        | Query::Construct { pattern, .. }
        | Query::Describe { pattern, .. }
        | Query::Ask { pattern, .. } => pattern,
    };
    if has_product(pattern) {
        Plan::Plain
    } else {
        Plan::Optimised
    }
}

/// The variables (and blank nodes, which act as variables in a pattern) one
/// part of a group can bind.
type Names = BTreeSet<String>;

/// Whether any group inside `p` joins parts that share no variable.
fn has_product(p: &GraphPattern) -> bool {
    match p {
        GraphPattern::Bgp { .. } | GraphPattern::Join { .. } => {
            let mut parts = Vec::new();
            if flatten(p, &mut parts) {
                return true;
            }
            disconnected(&parts)
        }
        GraphPattern::LeftJoin { left, right, .. } | GraphPattern::Minus { left, right } => {
            // OPTIONAL or MINUS with nothing in common is a product too
            // (MINUS of disjoint parts removes nothing, but costs the same).
            if has_product(left) || has_product(right) {
                return true;
            }
            let (l, r) = (names(left), names(right));
            !l.is_empty() && !r.is_empty() && l.is_disjoint(&r)
        }
        GraphPattern::Union { left, right } => has_product(left) || has_product(right),
        GraphPattern::Filter { inner, .. }
        | GraphPattern::Graph { inner, .. }
        | GraphPattern::Extend { inner, .. }
        | GraphPattern::OrderBy { inner, .. }
        | GraphPattern::Project { inner, .. }
        | GraphPattern::Distinct { inner }
        | GraphPattern::Reduced { inner }
        | GraphPattern::Slice { inner, .. }
        | GraphPattern::Group { inner, .. }
        | GraphPattern::Service { inner, .. } => has_product(inner),
        GraphPattern::Path { .. } | GraphPattern::Values { .. } => false,
        // A lateral join evaluates its right side once per row of the left.
        GraphPattern::Lateral { left, right } => has_product(left) || has_product(right),
    }
}

/// The parts of a group (its triple patterns and joined sub-patterns) with
/// the names each binds; true when a sub-pattern itself holds a product.
fn flatten(p: &GraphPattern, parts: &mut Vec<Names>) -> bool {
    match p {
        GraphPattern::Bgp { patterns } => {
            parts.extend(patterns.iter().map(triple_names));
            false
        }
        GraphPattern::Join { left, right } => flatten(left, parts) || flatten(right, parts),
        // A table of inline values joins with anything at the cost of its
        // rows, which are few: it does not make a product.
        GraphPattern::Values { .. } => false,
        other => {
            parts.push(names(other));
            has_product(other)
        }
    }
}

/// Whether the parts that bind something fall into more than one set of
/// parts linked by shared names. Parts without names (ground patterns) only
/// check that a triple exists.
fn disconnected(parts: &[Names]) -> bool {
    let parts: Vec<&Names> = parts.iter().filter(|p| !p.is_empty()).collect();
    if parts.len() < 2 {
        return false;
    }
    // Union-find over the parts, joined through the first part naming each name.
    let mut parent: Vec<usize> = (0..parts.len()).collect();
    fn root(parent: &mut [usize], mut i: usize) -> usize {
        while parent[i] != i {
            parent[i] = parent[parent[i]];
            i = parent[i];
        }
        i
    }
    let mut first: HashMap<&str, usize> = HashMap::new();
    for (i, part) in parts.iter().enumerate() {
        for name in part.iter() {
            match first.get(name.as_str()) {
                Some(&j) => {
                    let (a, b) = (root(&mut parent, i), root(&mut parent, j));
                    parent[a] = b;
                }
                None => {
                    first.insert(name, i);
                }
            }
        }
    }
    let r0 = root(&mut parent, 0);
    (1..parts.len()).any(|i| root(&mut parent, i) != r0)
}

fn triple_names(t: &TriplePattern) -> Names {
    let mut out = Names::new();
    term_name(&t.subject, &mut out);
    if let NamedNodePattern::Variable(v) = &t.predicate {
        out.insert(format!("?{}", v.as_str()));
    }
    term_name(&t.object, &mut out);
    out
}

fn term_name(t: &TermPattern, out: &mut Names) {
    match t {
        TermPattern::Variable(v) => {
            out.insert(format!("?{}", v.as_str()));
        }
        TermPattern::BlankNode(b) => {
            out.insert(format!("_:{}", b.as_str()));
        }
        _ => {}
    }
}

/// The names a pattern can bind, as seen from outside it.
fn names(p: &GraphPattern) -> Names {
    let mut out = Names::new();
    match p {
        GraphPattern::Bgp { patterns } => {
            for t in patterns {
                out.extend(triple_names(t));
            }
        }
        GraphPattern::Path {
            subject, object, ..
        } => {
            term_name(subject, &mut out);
            term_name(object, &mut out);
        }
        GraphPattern::Graph { name, inner } => {
            out = names(inner);
            if let NamedNodePattern::Variable(v) = name {
                out.insert(format!("?{}", v.as_str()));
            }
        }
        GraphPattern::Extend {
            inner, variable, ..
        } => {
            out = names(inner);
            out.insert(format!("?{}", variable.as_str()));
        }
        GraphPattern::Values { variables, .. } => {
            out.extend(variables.iter().map(|v| format!("?{}", v.as_str())));
        }
        GraphPattern::Project { variables, .. } => {
            out.extend(variables.iter().map(|v| format!("?{}", v.as_str())));
        }
        GraphPattern::Group {
            variables,
            aggregates,
            ..
        } => {
            out.extend(variables.iter().map(|v| format!("?{}", v.as_str())));
            out.extend(aggregates.iter().map(|(v, _)| format!("?{}", v.as_str())));
        }
        // MINUS binds only what its left side binds.
        GraphPattern::Minus { left, .. } => out = names(left),
        other => {
            for c in children(other) {
                out.extend(names(c));
            }
        }
    }
    out
}

/// The direct sub-patterns of a pattern.
fn children(p: &GraphPattern) -> Vec<&GraphPattern> {
    match p {
        GraphPattern::Join { left, right }
        | GraphPattern::LeftJoin { left, right, .. }
        | GraphPattern::Union { left, right }
        | GraphPattern::Minus { left, right } => vec![left, right],
        GraphPattern::Filter { inner, .. }
        | GraphPattern::Graph { inner, .. }
        | GraphPattern::Extend { inner, .. }
        | GraphPattern::OrderBy { inner, .. }
        | GraphPattern::Project { inner, .. }
        | GraphPattern::Distinct { inner }
        | GraphPattern::Reduced { inner }
        | GraphPattern::Slice { inner, .. }
        | GraphPattern::Group { inner, .. }
        | GraphPattern::Service { inner, .. } => vec![inner],
        GraphPattern::Bgp { .. } | GraphPattern::Path { .. } | GraphPattern::Values { .. } => {
            Vec::new()
        }
        GraphPattern::Lateral { left, right } => vec![left, right],
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use spargebra::SparqlParser;

    fn plan_of(q: &str) -> Plan {
        let q = format!(
            "PREFIX s: <http://schema.org/> PREFIX skos: <http://www.w3.org/2004/02/skos/core#> {q}"
        );
        plan(&SparqlParser::new().parse_query(&q).unwrap())
    }

    #[test]
    fn connected_joins_are_optimised() {
        for q in [
            "SELECT * WHERE { ?s ?p ?o }",
            "SELECT ?r WHERE { ?r a s:LearningResource ; s:about ?t ; s:inLanguage 'fr' . ?t skos:prefLabel ?l }",
            "SELECT ?r WHERE { ?r s:name ?n . OPTIONAL { ?r s:description ?d } FILTER(LANG(?n) = 'fr') }",
            "SELECT ?r WHERE { ?r s:name ?n . FILTER NOT EXISTS { ?r s:name ?m . FILTER(LANG(?m) = 'en') } }",
            "SELECT ?t (COUNT(?r) AS ?n) WHERE { ?r s:about ?t } GROUP BY ?t ORDER BY DESC(?n) LIMIT 10",
            "SELECT ?r WHERE { VALUES ?t { <http://x/a> <http://x/b> } ?r s:about ?t . ?r s:name ?n }",
            "SELECT ?r WHERE { ?r s:about/skos:broader* <http://x/t> . ?r s:name ?n }",
            "SELECT ?r WHERE { { ?r s:name ?n } UNION { ?r s:headline ?n } ?r s:license ?l }",
            "SELECT ?r WHERE { GRAPH ?g { ?r s:name ?n } ?g s:dateModified ?d }",
            "SELECT ?r WHERE { ?r s:name ?n . BIND(STRLEN(?n) AS ?len) ?x s:size ?len }",
            "ASK { <http://x/r> s:name ?n }",
            "DESCRIBE <http://x/r>",
            "CONSTRUCT { ?s ?p ?o } WHERE { { SELECT ?s WHERE { ?s a s:LearningResource } ORDER BY ?s LIMIT 500 } ?s ?p ?o }",
            "SELECT ?r WHERE { ?r s:name ?n . <http://x/r> a s:Thing }",
        ] {
            assert_eq!(plan_of(q), Plan::Optimised, "{q}");
        }
    }

    #[test]
    fn products_of_unrelated_parts_are_plain() {
        for q in [
            "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f }",
            "SELECT * WHERE { ?r s:name ?n . ?t skos:prefLabel ?l }",
            "SELECT * WHERE { ?r s:name ?n OPTIONAL { ?t skos:prefLabel ?l } }",
            "SELECT * WHERE { { ?r s:name ?n } { ?t skos:prefLabel ?l } }",
            "SELECT * WHERE { ?r s:name ?n { SELECT ?x WHERE { ?x ?y ?z . ?u ?v ?w } } ?r s:about ?x }",
            "SELECT * WHERE { GRAPH <http://x/g> { ?a ?b ?c . ?d ?e ?f } }",
            "SELECT * WHERE { { ?a ?b ?c } UNION { ?a ?b ?c . ?d ?e ?f } }",
            "SELECT * WHERE { ?a ?b ?c . ?d ?e ?f FILTER(?a = ?d) }",
            "ASK { ?a ?b ?c . [] ?e ?f }",
        ] {
            assert_eq!(plan_of(q), Plan::Plain, "{q}");
        }
    }
}
