//! Reading an RDF dump with limits: the format from the Content-Type, else
//! from the address's extension; gzip by its magic bytes; UTF-8 required;
//! a bound on triples, on the length of any literal or IRI, on JSON-LD
//! nesting (pre-scanned, since the parser has no such bound), and no DTD
//! entities in RDF/XML (Oxigraph's RDF/XML parser expands them while
//! reading the DTD, so a "billion laughs" document would exhaust memory).
//! Every quad goes into one graph: the named graph of the source.

use std::io::Read;

use linked_data::Graph;
use oxigraph::io::{RdfFormat, RdfParser};
use oxigraph::model::{Term, Triple};

/// Why a body was refused.
#[derive(Debug, thiserror::Error)]
pub enum ParseError {
    #[error("cannot tell the RDF format from the Content-Type {content_type:?} or the address")]
    UnknownFormat { content_type: Option<String> },
    #[error("the compressed body is not valid gzip: {0}")]
    Gzip(String),
    #[error("the body is larger than {0} bytes once decompressed")]
    TooLarge(u64),
    #[error("the body is not UTF-8 text (invalid byte at offset {0})")]
    Encoding(usize),
    #[error("the JSON-LD document nests deeper than {0} levels")]
    TooDeep(usize),
    #[error("the RDF/XML document declares DTD entities, which are not accepted")]
    Entities,
    #[error("a literal or IRI is longer than {0} bytes")]
    LiteralTooLong(usize),
    #[error("more than {0} triples")]
    TooManyTriples(usize),
    #[error("the {format} is malformed: {message}")]
    Syntax {
        format: &'static str,
        message: String,
    },
}

impl ParseError {
    pub fn code(&self) -> &'static str {
        match self {
            Self::UnknownFormat { .. } => "format-unknown",
            Self::Gzip(_) => "gzip-invalid",
            Self::TooLarge(_) => "too-large",
            Self::Encoding(_) => "encoding-invalid",
            Self::TooDeep(_) => "too-deep",
            Self::Entities => "entities-refused",
            Self::LiteralTooLong(_) => "literal-too-long",
            Self::TooManyTriples(_) => "too-many-triples",
            Self::Syntax { .. } => "syntax-error",
        }
    }
}

#[derive(Debug, Clone, Copy)]
pub struct ParseLimits {
    pub max_bytes: u64,
    pub max_triples: usize,
    pub max_literal_bytes: usize,
    pub max_json_depth: usize,
}

impl From<&crate::settings::Settings> for ParseLimits {
    fn from(h: &crate::settings::Settings) -> Self {
        Self {
            max_bytes: h.max_bytes,
            max_triples: h.max_triples,
            max_literal_bytes: h.max_literal_bytes,
            max_json_depth: h.max_json_depth,
        }
    }
}

/// The format a Content-Type names, else the address's extension (after
/// `.gz`).
pub fn format_for(content_type: Option<&str>, url: &str) -> Option<RdfFormat> {
    let media = content_type
        .and_then(|c| c.split(';').next())
        .map(|m| m.trim().to_ascii_lowercase());
    if let Some(f) = media.as_deref().and_then(RdfFormat::from_media_type) {
        return Some(f);
    }
    let path = url.split(['?', '#']).next().unwrap_or(url);
    let path = path.strip_suffix(".gz").unwrap_or(path);
    let name = path.rsplit('/').next().unwrap_or(path);
    let ext = name.rsplit_once('.')?.1.to_ascii_lowercase();
    match ext.as_str() {
        "json" => Some(RdfFormat::JsonLd {
            profile: Default::default(),
        }),
        "xml" | "owl" => Some(RdfFormat::RdfXml),
        other => RdfFormat::from_extension(other),
    }
}

/// The body, decompressed when it is gzip (by its magic bytes), within the
/// byte bound.
pub fn decompress(body: Vec<u8>, max_bytes: u64) -> Result<Vec<u8>, ParseError> {
    if !body.starts_with(&[0x1f, 0x8b]) {
        return Ok(body);
    }
    let mut out = Vec::new();
    flate2::read::MultiGzDecoder::new(body.as_slice())
        .take(max_bytes + 1)
        .read_to_end(&mut out)
        .map_err(|e| ParseError::Gzip(e.to_string()))?;
    if out.len() as u64 > max_bytes {
        return Err(ParseError::TooLarge(max_bytes));
    }
    Ok(out)
}

/// How deeply arrays and objects nest, strings skipped; stops early beyond
/// `max`.
fn json_depth_exceeds(text: &str, max: usize) -> bool {
    let (mut depth, mut in_string, mut escaped) = (0usize, false, false);
    for b in text.bytes() {
        if in_string {
            match (escaped, b) {
                (true, _) => escaped = false,
                (false, b'\\') => escaped = true,
                (false, b'"') => in_string = false,
                _ => {}
            }
            continue;
        }
        match b {
            b'"' => in_string = true,
            b'[' | b'{' => {
                depth += 1;
                if depth > max {
                    return true;
                }
            }
            b']' | b'}' => depth = depth.saturating_sub(1),
            _ => {}
        }
    }
    false
}

fn term_len(t: &Term) -> usize {
    match t {
        Term::NamedNode(n) => n.as_str().len(),
        Term::Literal(l) => l.value().len(),
        _ => 0,
    }
}

/// Parses `body` (already decompressed) into one graph of triples.
pub fn parse(
    body: &[u8],
    format: RdfFormat,
    base_iri: &str,
    limits: &ParseLimits,
) -> Result<Graph, ParseError> {
    let text = std::str::from_utf8(body).map_err(|e| ParseError::Encoding(e.valid_up_to()))?;
    if matches!(format, RdfFormat::JsonLd { .. }) && json_depth_exceeds(text, limits.max_json_depth)
    {
        return Err(ParseError::TooDeep(limits.max_json_depth));
    }
    if format == RdfFormat::RdfXml && text.contains("<!ENTITY") {
        return Err(ParseError::Entities);
    }
    let name = format.name();
    let mut parser = RdfParser::from_format(format).rename_blank_nodes();
    if let Ok(with_base) = parser.clone().with_base_iri(base_iri) {
        parser = with_base;
    }
    let mut graph = Graph::new();
    let mut seen = 0usize;
    for quad in parser.for_slice(body) {
        let quad = quad.map_err(|e| ParseError::Syntax {
            format: name,
            message: e.to_string(),
        })?;
        let long = quad.predicate.as_str().len().max(term_len(&quad.object));
        let subject_len = match &quad.subject {
            oxigraph::model::NamedOrBlankNode::NamedNode(n) => n.as_str().len(),
            _ => 0,
        };
        if long.max(subject_len) > limits.max_literal_bytes {
            return Err(ParseError::LiteralTooLong(limits.max_literal_bytes));
        }
        seen += 1;
        if seen > limits.max_triples {
            return Err(ParseError::TooManyTriples(limits.max_triples));
        }
        graph.insert(&Triple::new(quad.subject, quad.predicate, quad.object));
    }
    Ok(graph)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formats_come_from_the_media_type_then_the_extension() {
        assert_eq!(
            format_for(Some("text/turtle; charset=utf-8"), "x"),
            Some(RdfFormat::Turtle)
        );
        assert_eq!(
            format_for(
                Some("application/octet-stream"),
                "http://h/d/archipel.nq.gz"
            ),
            Some(RdfFormat::NQuads)
        );
        assert_eq!(
            format_for(None, "http://h/a.rdf?x=1"),
            Some(RdfFormat::RdfXml)
        );
        assert_eq!(format_for(None, "http://h/a.nt"), Some(RdfFormat::NTriples));
        assert!(matches!(
            format_for(None, "http://h/a.jsonld"),
            Some(RdfFormat::JsonLd { .. })
        ));
        assert_eq!(format_for(Some("text/html"), "http://h/page"), None);
    }

    #[test]
    fn json_depth_skips_strings() {
        assert!(!json_depth_exceeds(
            r#"{"a": "[[[[[[", "b": [1, {"c": 2}]}"#,
            3
        ));
        assert!(json_depth_exceeds(&"[".repeat(10), 9));
        assert!(!json_depth_exceeds(r#"{"a\"[[[": 1}"#, 1));
    }
}
