//! Format hints in a SPARQL request's parameters.
//!
//! The protocol negotiates with `Accept`, but download links cannot set it
//! and many clients (SPARQLWrapper, YASGUI, curl scripts written for other
//! endpoints) also name the format in `format=`, `output=` or `results=`:
//! a short name (`json`, `turtle`, `n3`, `rdf`…), a media type, or several
//! of these separated by commas. A hint comes before `Accept`, and a name
//! this endpoint does not know, or one that does not fit the query's form
//! (Turtle for an ASK), leaves the choice to `Accept`: never a reason to
//! refuse the query.

/// The media types a format name stands for, in order of preference; one
/// name may fit both kinds of results (`json`: a SELECT's JSON results or a
/// CONSTRUCT's JSON-LD), the query's form picks.
const NAMES: [(&str, &[&str]); 20] = [
    (
        "json",
        &["application/sparql-results+json", "application/ld+json"],
    ),
    ("srj", &["application/sparql-results+json"]),
    (
        "xml",
        &["application/sparql-results+xml", "application/rdf+xml"],
    ),
    ("srx", &["application/sparql-results+xml"]),
    ("csv", &["text/csv"]),
    ("tsv", &["text/tab-separated-values"]),
    ("ttl", &["text/turtle"]),
    ("turtle", &["text/turtle"]),
    // Turtle is N3 without its extensions: what an N3 client reads.
    ("n3", &["text/turtle"]),
    ("nt", &["application/n-triples"]),
    ("ntriples", &["application/n-triples"]),
    ("n-triples", &["application/n-triples"]),
    ("rdf", &["application/rdf+xml"]),
    ("rdfxml", &["application/rdf+xml"]),
    ("rdf+xml", &["application/rdf+xml"]),
    ("rdf/xml", &["application/rdf+xml"]),
    ("xml-rdf", &["application/rdf+xml"]),
    ("jsonld", &["application/ld+json"]),
    ("json-ld", &["application/ld+json"]),
    (
        "application/json",
        &["application/sparql-results+json", "application/ld+json"],
    ),
];

/// Media types written otherwise by clients, as this endpoint names them.
const ALIASES: [(&str, &str); 6] = [
    ("text/n3", "text/turtle"),
    ("text/rdf+n3", "text/turtle"),
    ("application/turtle", "text/turtle"),
    ("application/x-turtle", "text/turtle"),
    ("application/rdf+json", "application/ld+json"),
    ("text/plain", "application/n-triples"),
];

/// The media types one `format=`/`output=`/`results=` value names, most
/// wanted first; none when it names nothing known.
pub fn media_types(value: &str) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for item in value.split(',') {
        // Parameters (`;q=…`, `;charset=…`) say nothing about the format.
        let name = item.split(';').next().unwrap_or_default().trim();
        // A `+` left unencoded in a query string arrives as a space.
        let name = name.replace(' ', "+").to_ascii_lowercase();
        let found: Vec<String> = if let Some((_, types)) = NAMES.iter().find(|(n, _)| *n == name) {
            types.iter().map(|t| t.to_string()).collect()
        } else if let Some((_, to)) = ALIASES.iter().find(|(a, _)| *a == name) {
            vec![to.to_string()]
        } else if name.contains('/') && !name.contains('*') {
            vec![name]
        } else {
            Vec::new()
        };
        for media in found {
            if !out.contains(&media) {
                out.push(media);
            }
        }
    }
    out
}

/// The `Accept` the store negotiates with: the hinted media types first,
/// in their order, then the client's own `Accept` below them (or, without
/// one, anything, which gives the store's default for the query's form).
pub fn accept(hinted: &[String], header: Option<&str>) -> Option<String> {
    if hinted.is_empty() {
        return header.map(str::to_string);
    }
    let mut ranges: Vec<String> = hinted
        .iter()
        .enumerate()
        .map(|(i, media)| format!("{media};q={:.3}", 1.0 - 0.001 * i as f32))
        .collect();
    match header.map(str::trim).filter(|h| !h.is_empty()) {
        // The client's preferences keep their order, at half the weight.
        Some(header) => ranges.extend(
            crate::format::accept_ranges(header)
                .into_iter()
                .map(|(range, q)| format!("{range};q={:.3}", q * 0.5)),
        ),
        None => ranges.push("*/*;q=0.001".into()),
    }
    Some(ranges.join(", "))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_media_types_and_lists_are_read() {
        assert_eq!(
            media_types("json"),
            ["application/sparql-results+json", "application/ld+json"]
        );
        assert_eq!(media_types("TURTLE"), ["text/turtle"]);
        assert_eq!(media_types("n3"), ["text/turtle"]);
        assert_eq!(media_types("text/n3"), ["text/turtle"]);
        assert_eq!(
            media_types("application/rdf xml"),
            ["application/rdf+xml"],
            "an unencoded +"
        );
        assert_eq!(
            media_types("tsv,text/tab-separated-values"),
            ["text/tab-separated-values"]
        );
        assert_eq!(
            media_types("application/sparql-results+xml;charset=utf-8"),
            ["application/sparql-results+xml"]
        );
        assert!(media_types("pdf").is_empty());
        assert!(media_types("*/*").is_empty());
        assert!(media_types("").is_empty());
    }

    #[test]
    fn hints_come_before_accept_which_stays_the_fallback() {
        assert_eq!(accept(&[], Some("text/csv")).as_deref(), Some("text/csv"));
        assert_eq!(accept(&[], None), None);
        let hinted = media_types("turtle");
        assert_eq!(
            accept(&hinted, Some("application/sparql-results+xml")).as_deref(),
            Some("text/turtle;q=1.000, application/sparql-results+xml;q=0.500")
        );
        assert_eq!(
            accept(&hinted, None).as_deref(),
            Some("text/turtle;q=1.000, */*;q=0.001")
        );
    }
}
