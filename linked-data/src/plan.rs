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
//!
//! Plain evaluation still holds a product in memory (the left side of each
//! join is collected before the right is read), so a product of two parts
//! that can each match the whole store is refused before it runs (see
//! [`plan`] for the rule): from a few thousand triples it makes billions of
//! rows, which no timeout or memory budget would let finish.

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

/// A query refused before it runs: a product of two parts that share no
/// variable and that can each match the whole store, whose size is the
/// product of theirs (millions of rows from a few thousand triples).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UnboundedProduct {
    /// The names each of the two parts binds, as `?a ?b ?c`.
    pub parts: [String; 2],
}

/// The plan for `query`, or why it is refused.
///
/// The rule: a product (parts of a group, or the two sides of an OPTIONAL,
/// that share no variable) is refused when two or more of its connected
/// parts are unbounded. A part is bounded when its number of rows does not
/// grow with the store: a VALUES block, triple patterns and paths whose
/// subject is a constant (what one resource says), a sub-select with a
/// LIMIT, an aggregate without GROUP BY (one row), or anything built only of
/// bounded parts. A product of one unbounded part with bounded ones costs
/// what the unbounded part costs, and runs.
pub fn plan(query: &Query) -> Result<Plan, UnboundedProduct> {
    let pattern = match query {
        Query::Select { pattern, .. }
        | Query::Construct { pattern, .. }
        | Query::Describe { pattern, .. }
        | Query::Ask { pattern, .. } => pattern,
    };
    let mut walk = Walk::default();
    walk.pattern(pattern);
    match walk.refused {
        Some(refused) => Err(refused),
        None if walk.product => Ok(Plan::Plain),
        None => Ok(Plan::Optimised),
    }
}

/// The variables (and blank nodes, which act as variables in a pattern) one
/// part of a group can bind.
type Names = BTreeSet<String>;

/// One part of a group: what it binds, and whether its rows are bounded.
struct Part {
    names: Names,
    bounded: bool,
}

/// What a walk over a pattern found: a product, and the first refused one.
#[derive(Default)]
struct Walk {
    product: bool,
    refused: Option<UnboundedProduct>,
}

impl Walk {
    fn pattern(&mut self, p: &GraphPattern) {
        match p {
            GraphPattern::Bgp { .. } | GraphPattern::Join { .. } => {
                let mut parts = Vec::new();
                self.flatten(p, &mut parts);
                self.group(&parts);
            }
            GraphPattern::LeftJoin { left, right, .. } => {
                self.pattern(left);
                self.pattern(right);
                // OPTIONAL with nothing in common is a product too.
                self.group(&[part(left), part(right)]);
            }
            GraphPattern::Minus { left, right } => {
                self.pattern(left);
                self.pattern(right);
                // MINUS of disjoint parts removes nothing and holds only its
                // right side, but costs the left times the right.
                let (l, r) = (names(left), names(right));
                if !l.is_empty() && !r.is_empty() && l.is_disjoint(&r) {
                    self.product = true;
                }
            }
            // The rest joins nothing itself (a lateral join evaluates its
            // right side once per row of the left): what is inside may.
            other => {
                for c in children(other) {
                    self.pattern(c);
                }
            }
        }
    }

    /// The parts of a group (its triple patterns and joined sub-patterns),
    /// walking into the sub-patterns.
    fn flatten(&mut self, p: &GraphPattern, parts: &mut Vec<Part>) {
        match p {
            GraphPattern::Bgp { patterns } => parts.extend(patterns.iter().map(|t| Part {
                names: triple_names(t),
                bounded: constant(&t.subject),
            })),
            GraphPattern::Join { left, right } => {
                self.flatten(left, parts);
                self.flatten(right, parts);
            }
            // A table of inline values joins with anything at the cost of its
            // rows, which are few: it does not make a product.
            GraphPattern::Values { .. } => {}
            other => {
                parts.push(part(other));
                self.pattern(other);
            }
        }
    }

    /// Notes a group whose parts fall into unrelated sets, refusing it when
    /// two of them are unbounded.
    fn group(&mut self, parts: &[Part]) {
        let components = components(parts);
        if components.len() < 2 {
            return;
        }
        self.product = true;
        let mut unbounded = components.iter().filter(|c| !c.bounded);
        if let (None, Some(a), Some(b)) = (&self.refused, unbounded.next(), unbounded.next()) {
            let shown = |c: &Part| c.names.iter().cloned().collect::<Vec<_>>().join(" ");
            self.refused = Some(UnboundedProduct {
                parts: [shown(a), shown(b)],
            });
        }
    }
}

fn part(p: &GraphPattern) -> Part {
    Part {
        names: names(p),
        bounded: bounded(p),
    }
}

/// Whether the rows of `p` are bounded whatever the store holds (see
/// [`plan`]).
fn bounded(p: &GraphPattern) -> bool {
    match p {
        GraphPattern::Bgp { patterns } => patterns.iter().all(|t| constant(&t.subject)),
        GraphPattern::Path { subject, .. } => constant(subject),
        GraphPattern::Values { .. } => true,
        GraphPattern::Slice { length, inner, .. } => length.is_some() || bounded(inner),
        GraphPattern::Group {
            variables, inner, ..
        } => variables.is_empty() || bounded(inner),
        GraphPattern::Join { left, right }
        | GraphPattern::LeftJoin { left, right, .. }
        | GraphPattern::Union { left, right }
        | GraphPattern::Lateral { left, right } => bounded(left) && bounded(right),
        GraphPattern::Minus { left, .. } => bounded(left),
        GraphPattern::Filter { inner, .. }
        | GraphPattern::Graph { inner, .. }
        | GraphPattern::Extend { inner, .. }
        | GraphPattern::OrderBy { inner, .. }
        | GraphPattern::Project { inner, .. }
        | GraphPattern::Distinct { inner }
        | GraphPattern::Reduced { inner } => bounded(inner),
        GraphPattern::Service { .. } => false,
    }
}

fn constant(t: &TermPattern) -> bool {
    !matches!(t, TermPattern::Variable(_) | TermPattern::BlankNode(_))
}

/// The parts that bind something, merged into sets of parts linked by
/// shared names: each set binds the union of its parts' names, and is
/// bounded when all its parts are. Parts without names (ground patterns)
/// only check that a triple exists.
fn components(parts: &[Part]) -> Vec<Part> {
    let parts: Vec<&Part> = parts.iter().filter(|p| !p.names.is_empty()).collect();
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
        for name in part.names.iter() {
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
    let mut merged: Vec<(usize, Part)> = Vec::new();
    for (i, part) in parts.iter().enumerate() {
        let r = root(&mut parent, i);
        match merged.iter_mut().find(|(root, _)| *root == r) {
            Some((_, into)) => {
                into.names.extend(part.names.iter().cloned());
                into.bounded &= part.bounded;
            }
            None => merged.push((
                r,
                Part {
                    names: part.names.clone(),
                    bounded: part.bounded,
                },
            )),
        }
    }
    merged.into_iter().map(|(_, p)| p).collect()
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

    fn parse(q: &str) -> Query {
        let q = format!(
            "PREFIX s: <http://schema.org/> PREFIX skos: <http://www.w3.org/2004/02/skos/core#> {q}"
        );
        SparqlParser::new().parse_query(&q).unwrap()
    }

    fn plan_of(q: &str) -> Plan {
        plan(&parse(q)).unwrap_or_else(|e| panic!("{q} refused: {e:?}"))
    }

    fn refused(q: &str) -> UnboundedProduct {
        match plan(&parse(q)) {
            Err(e) => e,
            Ok(p) => panic!("{q} planned {p:?}"),
        }
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
    fn products_with_bounded_parts_run_plainly() {
        for q in [
            // One unbounded part times what one resource says.
            "SELECT * WHERE { ?r s:name ?n . <http://x/t> skos:prefLabel ?l }",
            "SELECT * WHERE { ?r s:name ?n . <http://x/t> skos:prefLabel ?l ; skos:broader ?b }",
            "SELECT * WHERE { ?r s:name ?n OPTIONAL { <http://x/t> skos:prefLabel ?l } }",
            "SELECT * WHERE { ?r s:name ?n . <http://x/t> skos:broader* ?t }",
            // A sub-select under a LIMIT, or an aggregate over everything.
            "SELECT * WHERE { ?r s:name ?n { SELECT ?t WHERE { ?t skos:prefLabel ?l } LIMIT 10 } }",
            "SELECT * WHERE { ?r s:name ?n { SELECT (COUNT(*) AS ?all) WHERE { ?a ?b ?c } } }",
            // Several bounded parts together.
            "SELECT * WHERE { <http://x/a> ?p ?o . <http://x/b> ?q ?v }",
            // MINUS of unrelated parts holds only its right side.
            "SELECT * WHERE { ?a ?b ?c MINUS { ?d ?e ?f } }",
            // A product inside a UNION's bounded branch.
            "SELECT * WHERE { { ?a ?b ?c } UNION { ?a ?b ?c . <http://x/b> ?e ?f } }",
        ] {
            assert_eq!(plan_of(q), Plan::Plain, "{q}");
        }
    }

    #[test]
    fn products_of_unbounded_parts_are_refused() {
        for (q, a, b) in [
            (
                "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l }",
                "?a ?b ?c",
                "?d ?e ?f",
            ),
            (
                "SELECT * WHERE { ?r s:name ?n . ?t skos:prefLabel ?l }",
                "?n ?r",
                "?l ?t",
            ),
            (
                "SELECT * WHERE { ?r s:name ?n OPTIONAL { ?t skos:prefLabel ?l } }",
                "?n ?r",
                "?l ?t",
            ),
            (
                "SELECT * WHERE { { ?r s:name ?n } { ?t skos:prefLabel ?l } }",
                "?n ?r",
                "?l ?t",
            ),
            // Inside a sub-select without LIMIT, joined to the rest.
            (
                "SELECT * WHERE { ?r s:name ?n { SELECT ?x WHERE { ?x ?y ?z . ?u ?v ?w } } ?r s:about ?x }",
                "?x ?y ?z",
                "?u ?v ?w",
            ),
            // A LIMIT outside the product does not bound it.
            (
                "SELECT * WHERE { ?a ?b ?c . ?d ?e ?f } ORDER BY ?a LIMIT 1",
                "?a ?b ?c",
                "?d ?e ?f",
            ),
            (
                "SELECT DISTINCT ?a WHERE { GRAPH <http://x/g> { ?a ?b ?c . ?d ?e ?f } }",
                "?a ?b ?c",
                "?d ?e ?f",
            ),
            (
                "SELECT * WHERE { { ?a ?b ?c } UNION { ?a ?b ?c . ?d ?e ?f } }",
                "?a ?b ?c",
                "?d ?e ?f",
            ),
            // A FILTER comparing the parts still evaluates their product.
            (
                "SELECT * WHERE { ?a ?b ?c . ?d ?e ?f FILTER(?a = ?d) }",
                "?a ?b ?c",
                "?d ?e ?f",
            ),
            // A constant object does not bound a part; a blank node is a variable.
            (
                "ASK { ?r a s:LearningResource . [] ?e ?f }",
                "?r",
                "?e ?f _:",
            ),
            // A bounded part between two unbounded ones does not connect them.
            (
                "SELECT * WHERE { ?a s:name ?n . <http://x/t> ?p ?o . ?b s:name ?m }",
                "?a ?n",
                "?b ?m",
            ),
        ] {
            let e = refused(q);
            assert_eq!(e.parts[0], a, "{q}");
            assert!(e.parts[1].starts_with(b), "{q}: {:?}", e.parts);
        }
    }
}
