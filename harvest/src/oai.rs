//! Harvesting an OAI-PMH 2.0 provider in `oai_dc`.
//!
//! A run asks `Identify` first (only protocol version 2.0 is harvested; the
//! granularity says how `from` is written), then `ListRecords` with
//! `metadataPrefix=oai_dc`, following each `resumptionToken` to the end of
//! the list: [`MAX_PAGES`] pages at most, a token never sent twice, and the
//! byte and time limits of [`fetch`] on every response.
//!
//! A set is harvested alone when the registered address carries it as a
//! `set` query argument (`https://repo.example/oai?set=physics`); the
//! other OAI arguments (`verb`, `metadataPrefix`, …) are ignored in the
//! registered address, anything else is kept on every request.
//!
//! Incremental runs: the `responseDate` of the first `ListRecords` answer is
//! kept with the run (in its Last-Modified validator) and sent as `from`
//! (at the provider's granularity) by the next run, which starts from the
//! source's current graph, removes what each changed or deleted record said,
//! and adds what it says now. `noRecordsMatch` then means nothing changed.
//! So the graph always holds the source's complete current state.
//!
//! Each record becomes triples about one subject: its first `dc:identifier`
//! that is an absolute http(s) IRI, else the OAI identifier itself. Every DC
//! element gives a triple with its DC 1.1 predicate (the `xml:lang` kept as
//! the literal's language), plus `dct:identifier` (the OAI identifier) and
//! `dct:modified` (the header's datestamp).

mod response;

use std::collections::{HashMap, HashSet};

use linked_data::Graph;
use oxigraph::model::vocab::xsd;
use oxigraph::model::{Literal, NamedNode, NamedOrBlankNode, Term, Triple};
use store::harvest::Source;

use self::response::{OaiError, Record};
use crate::gather::{Gathered, Harvested, Harvester, Problem, Report, graph_name};
use crate::{fetch, rdf};

/// `ListRecords` pages followed at most in one run.
pub const MAX_PAGES: usize = 10_000;

const ACCEPT: &str = "text/xml, application/xml;q=0.9, */*;q=0.1";
const DCT: &str = "http://purl.org/dc/terms/";

/// The arguments of the protocol, dropped from a registered address.
const PROTOCOL_ARGS: [&str; 7] = [
    "verb",
    "metadataPrefix",
    "set",
    "from",
    "until",
    "resumptionToken",
    "identifier",
];

/// A provider's base address and the set to harvest, read from the
/// registered address.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Endpoint {
    /// The address without its query.
    pub base: String,
    /// Query arguments kept on every request (not the protocol's).
    pub kept: Vec<(String, String)>,
    pub set: Option<String>,
}

impl Endpoint {
    pub fn parse(url: &str) -> Self {
        let url = url.split('#').next().unwrap_or(url);
        let (base, query) = url.split_once('?').unwrap_or((url, ""));
        let pairs: Vec<(String, String)> = serde_urlencoded::from_str(query).unwrap_or_default();
        let set = pairs
            .iter()
            .find(|(k, v)| k == "set" && !v.trim().is_empty())
            .map(|(_, v)| v.trim().to_string());
        let kept = pairs
            .into_iter()
            .filter(|(k, _)| !PROTOCOL_ARGS.contains(&k.as_str()))
            .collect();
        Self {
            base: base.to_string(),
            kept,
            set,
        }
    }

    /// The address of one request.
    pub fn request(&self, args: &[(&str, &str)]) -> String {
        let mut pairs: Vec<(&str, &str)> = self
            .kept
            .iter()
            .map(|(k, v)| (k.as_str(), v.as_str()))
            .collect();
        pairs.extend_from_slice(args);
        let query = serde_urlencoded::to_string(&pairs).unwrap_or_default();
        format!("{}?{query}", self.base)
    }
}

/// How the provider writes datestamps.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Granularity {
    Day,
    Seconds,
}

impl Granularity {
    fn parse(s: &str) -> Option<Self> {
        match s.trim() {
            "YYYY-MM-DD" => Some(Self::Day),
            "YYYY-MM-DDThh:mm:ssZ" => Some(Self::Seconds),
            _ => None,
        }
    }

    /// A response date (`YYYY-MM-DDThh:mm:ssZ`) as a `from` argument, or
    /// nothing when it is not one.
    fn format_from(self, response_date: &str) -> Option<String> {
        let d = response_date.trim();
        // `YYYY-MM-DDThh:mm:ssZ`, digit by digit.
        let shaped = d.len() == 20
            && d.bytes().enumerate().all(|(i, b)| match i {
                4 | 7 => b == b'-',
                10 => b == b'T',
                13 | 16 => b == b':',
                19 => b == b'Z',
                _ => b.is_ascii_digit(),
            });
        if !shaped {
            return None;
        }
        Some(match self {
            Self::Day => d[..10].to_string(),
            Self::Seconds => d.to_string(),
        })
    }
}

fn oai_problem(verb: &str, e: &OaiError) -> Problem {
    let message = if e.message.is_empty() {
        format!("{verb}: the provider answered with the error {:?}", e.code)
    } else {
        format!(
            "{verb}: the provider answered with the error {:?}: {}",
            e.code, e.message
        )
    };
    Problem::new("oai-error", message)
}

/// Fetches and reads one response.
fn get(h: &Harvester, url: &str) -> Result<(response::Response, String), Problem> {
    let limits = fetch::FetchLimits::from(&h.settings);
    let fetched = match fetch::fetch_accepting(url, &fetch::Validators::default(), &limits, ACCEPT)
    {
        Ok(fetch::Outcome::Body(b)) => b,
        Ok(fetch::Outcome::NotModified) => {
            return Err(Problem::new(
                "http-status",
                format!("{url}: HTTP 304 to a request that was not conditional"),
            ));
        }
        Err(e) => return Err(Problem::new(e.code(), format!("{url}: {e}"))),
    };
    let body = rdf::decompress(fetched.body, h.settings.max_bytes)
        .map_err(|e| Problem::new(e.code(), format!("{url}: {e}")))?;
    let parsed = response::parse(&body, h.settings.max_literal_bytes)
        .map_err(|e| Problem::new(e.code(), format!("{}: {e}", fetched.url)))?;
    Ok((parsed, fetched.url))
}

/// Harvests `source`, incrementally when `previous` holds the response date
/// of the last run that gave data.
pub(super) fn harvest(
    h: &Harvester,
    source: &Source,
    previous: &fetch::Validators,
    report: &mut Report,
) -> Result<Gathered, Problem> {
    let endpoint = Endpoint::parse(&source.url);
    let (answer, at) = get(h, &endpoint.request(&[("verb", "Identify")]))?;
    report.fetched = Some(at);
    if let Some(e) = answer.errors.first() {
        return Err(oai_problem("Identify", e));
    }
    let identify = answer.identify.ok_or_else(|| {
        Problem::new(
            "oai-invalid",
            "Identify answered without an <Identify> element",
        )
    })?;
    if identify.protocol_version.trim() != "2.0" {
        return Err(Problem::new(
            "oai-version",
            format!(
                "the provider speaks OAI-PMH {:?}; only version 2.0 is harvested",
                identify.protocol_version
            ),
        ));
    }
    let granularity = Granularity::parse(&identify.granularity).ok_or_else(|| {
        Problem::new(
            "oai-invalid",
            format!("Identify gives the granularity {:?}", identify.granularity),
        )
    })?;
    let from = previous
        .last_modified
        .as_deref()
        .and_then(|d| granularity.format_from(d));

    let mut args = vec![("verb", "ListRecords"), ("metadataPrefix", "oai_dc")];
    if let Some(set) = &endpoint.set {
        args.push(("set", set));
    }
    if let Some(from) = &from {
        args.push(("from", from));
    }
    let mut url = endpoint.request(&args);
    let mut changes: HashMap<String, Record> = HashMap::new();
    let mut tokens: HashSet<String> = HashSet::new();
    let mut response_date = String::new();
    let mut fetched = url.clone();
    let max_triples = h.settings.max_triples;
    for page in 0.. {
        if page == MAX_PAGES {
            return Err(Problem::new(
                "too-many-pages",
                format!("the list goes on after {MAX_PAGES} pages"),
            ));
        }
        let (answer, at) = get(h, &url)?;
        if page == 0 {
            response_date = answer.response_date.clone();
            fetched = at.clone();
            report.fetched = Some(at);
        }
        if let Some(e) = answer.errors.first() {
            if page == 0 && e.code == "noRecordsMatch" {
                if from.is_some() {
                    return Ok(Gathered::Unchanged(fetch::Validators {
                        etag: None,
                        last_modified: Some(response_date),
                    }));
                }
                break;
            }
            return Err(oai_problem("ListRecords", e));
        }
        for record in answer.records {
            if record.identifier.is_empty() || record.datestamp.is_empty() {
                return Err(Problem::new(
                    "oai-invalid",
                    format!("a record without an identifier or a datestamp on page {page}"),
                ));
            }
            changes.insert(record.identifier.clone(), record);
        }
        // Each live record gives at least its two header triples.
        let bound: usize = changes
            .values()
            .filter(|r| !r.deleted)
            .map(|r| r.elements.len() + 2)
            .sum();
        if bound > max_triples {
            return Err(Problem::new(
                "too-many-triples",
                format!("more than {max_triples} triples"),
            ));
        }
        match answer.token.filter(|t| !t.is_empty()) {
            None => break,
            Some(token) => {
                if !tokens.insert(token.clone()) {
                    return Err(Problem::new(
                        "token-repeated",
                        format!(
                            "the provider gave the resumption token {token:?} twice: the list would never end"
                        ),
                    ));
                }
                url = endpoint.request(&[("verb", "ListRecords"), ("resumptionToken", &token)]);
            }
        }
    }

    let mut graph = match &from {
        Some(_) => h
            .store
            .graph(&graph_name(&h.public_url, source.id))
            .map_err(|e| Problem::new("store-error", e))?,
        None => Graph::new(),
    };
    if from.is_some() {
        for id in changes.keys() {
            remove_record(&mut graph, id);
        }
    }
    for record in changes.values().filter(|r| !r.deleted) {
        for triple in triples(record)? {
            graph.insert(&triple);
        }
    }
    if graph.len() > max_triples {
        return Err(Problem::new(
            "too-many-triples",
            format!("more than {max_triples} triples"),
        ));
    }
    Ok(Gathered::New(Box::new(Harvested {
        graph,
        fetched,
        format: "oai_dc".into(),
        validators: fetch::Validators {
            etag: None,
            last_modified: Some(response_date),
        },
    })))
}

fn dct(local: &str) -> NamedNode {
    NamedNode::new_unchecked(format!("{DCT}{local}"))
}

/// Removes every triple about the subjects a record with the OAI
/// identifier `id` described.
fn remove_record(graph: &mut Graph, id: &str) {
    let predicate = dct("identifier");
    let literal = Term::from(Literal::new_simple_literal(id));
    let subjects: Vec<NamedOrBlankNode> = graph
        .subjects_for_predicate_object(&predicate, &literal)
        .map(|s| s.into_owned())
        .collect();
    for subject in subjects {
        let about: Vec<Triple> = graph
            .triples_for_subject(&subject)
            .map(|t| t.into_owned())
            .collect();
        for t in &about {
            graph.remove(t);
        }
    }
}

/// The record's subject: its first absolute http(s) `dc:identifier`, else
/// its OAI identifier.
fn subject(record: &Record) -> Result<NamedNode, Problem> {
    let web = record
        .elements
        .iter()
        .filter(|e| e.name == "identifier")
        .map(|e| e.value.as_str())
        .filter(|v| {
            let lower = v.get(..8).unwrap_or(v).to_ascii_lowercase();
            lower.starts_with("http://") || lower.starts_with("https://")
        })
        .find_map(|v| NamedNode::new(v).ok());
    if let Some(n) = web {
        return Ok(n);
    }
    NamedNode::new(record.identifier.as_str()).map_err(|_| {
        Problem::new(
            "oai-invalid",
            format!(
                "the record identifier {:?} is not an IRI and the record has no http(s) dc:identifier",
                record.identifier
            ),
        )
    })
}

/// The triples of one live record.
fn triples(record: &Record) -> Result<Vec<Triple>, Problem> {
    let s = subject(record)?;
    let mut out = Vec::with_capacity(record.elements.len() + 2);
    for e in &record.elements {
        let predicate = NamedNode::new_unchecked(format!("{}{}", response::DC_NS, e.name));
        let literal = e
            .lang
            .as_deref()
            .and_then(|l| Literal::new_language_tagged_literal(e.value.as_str(), l).ok())
            .unwrap_or_else(|| Literal::new_simple_literal(e.value.as_str()));
        out.push(Triple::new(s.clone(), predicate, literal));
    }
    out.push(Triple::new(
        s.clone(),
        dct("identifier"),
        Literal::new_simple_literal(record.identifier.as_str()),
    ));
    let datatype = if record.datestamp.len() == 10 {
        xsd::DATE
    } else {
        xsd::DATE_TIME
    };
    out.push(Triple::new(
        s,
        dct("modified"),
        Literal::new_typed_literal(record.datestamp.as_str(), datatype),
    ));
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_set_comes_from_the_registered_address() {
        let e = Endpoint::parse("https://r.example/oai?set=a%3Ab&verb=Identify&key=1");
        assert_eq!(e.base, "https://r.example/oai");
        assert_eq!(e.set.as_deref(), Some("a:b"));
        assert_eq!(
            e.request(&[("verb", "ListRecords"), ("set", "a:b")]),
            "https://r.example/oai?key=1&verb=ListRecords&set=a%3Ab"
        );
        assert_eq!(Endpoint::parse("http://h/oai").set, None);
    }

    #[test]
    fn from_follows_the_granularity() {
        let d = "2026-12-01T10:11:12Z";
        assert_eq!(
            Granularity::Day.format_from(d).as_deref(),
            Some("2026-12-01")
        );
        assert_eq!(Granularity::Seconds.format_from(d).as_deref(), Some(d));
        assert_eq!(Granularity::Seconds.format_from("\"etag\""), None);
    }

    #[test]
    fn subjects_prefer_web_identifiers() {
        let mut r = Record {
            identifier: "oai:h:1".into(),
            datestamp: "2026-01-01".into(),
            ..Record::default()
        };
        assert_eq!(subject(&r).unwrap().as_str(), "oai:h:1");
        r.elements.push(response::Element {
            name: "identifier".into(),
            value: "urn:isbn:1".into(),
            lang: None,
        });
        r.elements.push(response::Element {
            name: "identifier".into(),
            value: "https://h/r/1".into(),
            lang: None,
        });
        assert_eq!(subject(&r).unwrap().as_str(), "https://h/r/1");
        let t = triples(&r).unwrap();
        assert_eq!(t.len(), 4);
        assert!(
            t.iter().any(|t| t.object.to_string()
                == "\"2026-01-01\"^^<http://www.w3.org/2001/XMLSchema#date>")
        );
    }
}
