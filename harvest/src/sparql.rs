//! Harvesting another Archipel instance over SPARQL (`archipel-sparql`).
//!
//! The registered address is the instance's base address
//! (`https://other.example`) or its endpoint (`https://other.example/sparql`);
//! either way the queries go to `{base}/sparql`, by GET, asking for
//! N-Triples. A run pages through the instance's library resources
//! (`schema:LearningResource`) in IRI order with CONSTRUCT queries that
//! give every triple about each resource of the page, [`PAGE`] resources at
//! a time, until a page is short. What the instance itself harvested (its
//! `/harvest/sources/…` graphs) is left out: an instance republishes its
//! own data only, as its dumps do.
//!
//! The provider caps what one query returns (`sparql.max_results`, a
//! `400` beyond): a refused page is asked again with half as many
//! resources, down to one. A busy provider (`503`) is asked again after a
//! pause, a few times. Every request goes through [`fetch`] (address
//! checks, byte and time limits); the whole result is bound by
//! `harvest.max_triples` and becomes the source's graph in one step.

use std::collections::HashSet;
use std::time::Duration;

use linked_data::Graph;
use oxigraph::io::RdfFormat;

use crate::gather::{Gathered, Harvested, Harvester, Problem, Report};
use crate::{fetch, rdf};
use store::harvest::Source;

/// Resources asked per page at first.
pub const PAGE: usize = 200;
/// Pages asked at most in one run.
pub const MAX_PAGES: usize = 10_000;
/// Times a busy provider is asked again for one page.
const BUSY_RETRIES: u32 = 3;

const ACCEPT: &str = "application/n-triples, text/plain;q=0.5";

/// The endpoint a registered address means: `{base}/sparql`.
pub fn endpoint(url: &str) -> String {
    let base = url.split(['?', '#']).next().unwrap_or(url);
    let base = base.trim_end_matches('/');
    let base = base.strip_suffix("/sparql").unwrap_or(base);
    format!("{base}/sparql")
}

/// The CONSTRUCT query of one page.
pub fn page_query(limit: usize, offset: usize) -> String {
    format!(
        "CONSTRUCT {{ ?s ?p ?o }} WHERE {{ \
         {{ SELECT DISTINCT ?s WHERE {{ GRAPH ?g {{ ?s a <http://schema.org/LearningResource> }} \
         FILTER(!CONTAINS(STR(?g), \"/harvest/sources/\")) }} ORDER BY ?s LIMIT {limit} OFFSET {offset} }} \
         GRAPH ?h {{ ?s ?p ?o }} FILTER(!CONTAINS(STR(?h), \"/harvest/sources/\")) }}"
    )
}

/// Harvests `source` in full (SPARQL gives no validators).
pub(super) fn harvest(
    h: &Harvester,
    source: &Source,
    report: &mut Report,
) -> Result<Gathered, Problem> {
    let endpoint = endpoint(&source.url);
    report.fetched = Some(endpoint.clone());
    let fetch_limits = fetch::FetchLimits::from(&h.settings);
    let parse_limits = rdf::ParseLimits::from(&h.settings);
    let mut graph = Graph::new();
    let (mut limit, mut offset) = (PAGE, 0usize);
    let mut busy = 0;
    for page in 0.. {
        if page == MAX_PAGES {
            return Err(Problem::new(
                "too-many-pages",
                format!("the resources go on after {MAX_PAGES} pages"),
            ));
        }
        let query = page_query(limit, offset);
        let url = format!(
            "{endpoint}?{}",
            serde_urlencoded::to_string([("query", query.as_str())]).unwrap_or_default()
        );
        let fetched = match fetch::fetch_accepting(
            &url,
            &fetch::Validators::default(),
            &fetch_limits,
            ACCEPT,
        ) {
            Ok(fetch::Outcome::Body(b)) => b,
            Ok(fetch::Outcome::NotModified) => {
                return Err(Problem::new(
                    "http-status",
                    "HTTP 304 to a request that was not conditional",
                ));
            }
            Err(fetch::FetchError::Status(400)) if limit > 1 => {
                // Over the provider's result cap: smaller pages.
                limit /= 2;
                continue;
            }
            Err(fetch::FetchError::Status(503)) if busy < BUSY_RETRIES => {
                busy += 1;
                std::thread::sleep(Duration::from_secs(2));
                continue;
            }
            Err(e) => {
                return Err(Problem::new(
                    e.code(),
                    format!("{e} (page at offset {offset})"),
                ));
            }
        };
        busy = 0;
        let format = rdf::format_for(fetched.content_type.as_deref(), "")
            .filter(|f| matches!(f, RdfFormat::NTriples | RdfFormat::Turtle))
            .ok_or_else(|| {
                let e = rdf::ParseError::UnknownFormat {
                    content_type: fetched.content_type.clone(),
                };
                Problem::new(e.code(), e)
            })?;
        let body = rdf::decompress(fetched.body, parse_limits.max_bytes)
            .map_err(|e| Problem::new(e.code(), &e))?;
        let part = rdf::parse(&body, format, &endpoint, &parse_limits)
            .map_err(|e| Problem::new(e.code(), &e))?;
        let subjects: HashSet<String> = part.iter().map(|t| t.subject.to_string()).collect();
        for t in part.iter() {
            graph.insert(t);
        }
        if graph.len() > parse_limits.max_triples {
            return Err(Problem::new(
                "too-many-triples",
                format!("more than {} triples", parse_limits.max_triples),
            ));
        }
        if subjects.len() < limit {
            break;
        }
        offset += limit;
    }
    Ok(Gathered::New(Box::new(Harvested {
        graph,
        fetched: endpoint,
        format: RdfFormat::NTriples.name().to_string(),
        validators: fetch::Validators::default(),
    })))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_endpoint_comes_from_the_base_or_itself() {
        for url in [
            "https://o.example",
            "https://o.example/",
            "https://o.example/sparql",
            "https://o.example/sparql?query=x",
        ] {
            assert_eq!(endpoint(url), "https://o.example/sparql", "{url}");
        }
        assert_eq!(endpoint("http://h:81/a/"), "http://h:81/a/sparql");
    }

    #[test]
    fn pages_are_valid_sparql() {
        let q = page_query(200, 400);
        assert!(q.contains("LIMIT 200 OFFSET 400"), "{q}");
        assert!(
            oxigraph::sparql::SparqlEvaluator::new()
                .parse_query(&q)
                .is_ok(),
            "{q}"
        );
    }
}
