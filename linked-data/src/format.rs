//! RDF formats: which one a client asks for (HTTP `Accept` with q-values, or
//! a suffix such as `.ttl`), and writing a graph in it.

use oxigraph::io::{RdfFormat, RdfSerializer};
use oxigraph::model::Graph;

use crate::vocab::PREFIXES;

/// The RDF serialisations every entity is published in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Turtle,
    JsonLd,
    RdfXml,
    NTriples,
}

impl Format {
    pub const ALL: [Format; 4] = [
        Format::Turtle,
        Format::JsonLd,
        Format::RdfXml,
        Format::NTriples,
    ];

    pub fn media_type(self) -> &'static str {
        match self {
            Format::Turtle => "text/turtle",
            Format::JsonLd => "application/ld+json",
            Format::RdfXml => "application/rdf+xml",
            Format::NTriples => "application/n-triples",
        }
    }

    /// The suffix of its explicit address (`/library/resources/x.ttl`).
    pub fn extension(self) -> &'static str {
        match self {
            Format::Turtle => "ttl",
            Format::JsonLd => "jsonld",
            Format::RdfXml => "rdf",
            Format::NTriples => "nt",
        }
    }

    pub fn from_extension(ext: &str) -> Option<Format> {
        Format::ALL.into_iter().find(|f| f.extension() == ext)
    }

    /// A name for people (in links and error messages).
    /// The parser's and serializer's name for the format (JSON-LD read
    /// without a profile).
    pub fn rdf_format(self) -> RdfFormat {
        match self {
            Format::Turtle => RdfFormat::Turtle,
            Format::JsonLd => RdfFormat::JsonLd {
                profile: oxigraph::io::JsonLdProfileSet::empty(),
            },
            Format::RdfXml => RdfFormat::RdfXml,
            Format::NTriples => RdfFormat::NTriples,
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            Format::Turtle => "Turtle",
            Format::JsonLd => "JSON-LD",
            Format::RdfXml => "RDF/XML",
            Format::NTriples => "N-Triples",
        }
    }
}

/// What a request is answered with.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Representation {
    Html,
    Rdf(Format),
}

/// Media types understood, with what they give; the order is the server's
/// preference when a client accepts several equally.
const OFFERED: [(&str, Representation); 12] = [
    ("text/html", Representation::Html),
    ("text/turtle", Representation::Rdf(Format::Turtle)),
    ("application/ld+json", Representation::Rdf(Format::JsonLd)),
    ("application/json", Representation::Rdf(Format::JsonLd)),
    ("application/rdf+xml", Representation::Rdf(Format::RdfXml)),
    (
        "application/n-triples",
        Representation::Rdf(Format::NTriples),
    ),
    ("text/plain", Representation::Rdf(Format::NTriples)),
    ("application/x-turtle", Representation::Rdf(Format::Turtle)),
    ("application/turtle", Representation::Rdf(Format::Turtle)),
    // Turtle is N3 without its extensions: what N3 clients (rdflib,
    // SPARQLWrapper) read.
    ("text/n3", Representation::Rdf(Format::Turtle)),
    ("text/rdf+n3", Representation::Rdf(Format::Turtle)),
    ("application/xhtml+xml", Representation::Html),
];

/// The best representation for an `Accept` header (see [`best`]). No
/// header, or an empty one, means anything: the page. `None` when nothing
/// offered is acceptable (answer 406).
pub fn negotiate(accept: Option<&str>) -> Option<Representation> {
    match accept.map(str::trim).filter(|a| !a.is_empty()) {
        Some(accept) => best(accept, &OFFERED),
        None => Some(Representation::Html),
    }
}

/// The media ranges of an `Accept` header, lower-case, each with its
/// q-value (1 when absent, 0 when unreadable), in the header's order.
pub fn accept_ranges(accept: &str) -> Vec<(String, f32)> {
    accept
        .split(',')
        .filter_map(|item| {
            let mut parts = item.split(';');
            let range = parts.next()?.trim().to_ascii_lowercase();
            let mut q = 1.0;
            for p in parts {
                if let Some((k, v)) = p.split_once('=')
                    && k.trim().eq_ignore_ascii_case("q")
                {
                    q = v.trim().parse::<f32>().unwrap_or(0.0).clamp(0.0, 1.0);
                }
            }
            (!range.is_empty()).then_some((range, q))
        })
        .collect()
}

/// The offer an `Accept` header prefers (RFC 9110: the highest q-value
/// wins, a more specific range overrides a wider one, `q=0` refuses; ties go
/// to the earlier offer). `offered` pairs media types with what they give.
pub fn best<T: Copy>(accept: &str, offered: &[(&str, T)]) -> Option<T> {
    let ranges = accept_ranges(accept);
    // The q-value of a media type: from the most specific matching range.
    let quality = |media: &str| -> f32 {
        let (kind, _) = media.split_once('/').unwrap_or((media, ""));
        let mut found: Option<(u8, f32)> = None;
        for (range, q) in &ranges {
            let specificity = if range == media {
                3
            } else if range.strip_suffix("/*") == Some(kind) {
                2
            } else if range == "*/*" {
                1
            } else {
                continue;
            };
            if found.is_none_or(|(s, _)| specificity > s) {
                found = Some((specificity, *q));
            }
        }
        found.map_or(0.0, |(_, q)| q)
    };
    let mut chosen: Option<(T, f32)> = None;
    for (media, offer) in offered {
        let q = quality(media);
        if q > 0.0 && chosen.is_none_or(|(_, top)| q > top) {
            chosen = Some((*offer, q));
        }
    }
    chosen.map(|(offer, _)| offer)
}

/// The media types offered, for the body of a 406 answer.
pub fn offered() -> Vec<&'static str> {
    let mut types: Vec<&str> = Vec::new();
    for (media, _) in OFFERED {
        if !types.contains(&media) {
            types.push(media);
        }
    }
    types
}

fn with_prefixes(mut serializer: RdfSerializer) -> RdfSerializer {
    for (prefix, iri) in PREFIXES {
        serializer = serializer
            .with_prefix(prefix, iri)
            .expect("the prefixes are valid IRIs");
    }
    serializer
}

/// A Turtle serializer with the usual prefixes, for streaming.
pub fn turtle_serializer() -> RdfSerializer {
    with_prefixes(RdfSerializer::from_format(RdfFormat::Turtle))
}

/// Writes a graph in a format (Turtle and RDF/XML with the usual prefixes;
/// JSON-LD compacted with Archipel's context, see [`crate::jsonld`]).
pub fn serialize(graph: &Graph, format: Format) -> std::io::Result<Vec<u8>> {
    let serializer = match format {
        Format::JsonLd => {
            let doc = crate::jsonld::compact(graph);
            return Ok(serde_json::to_vec_pretty(&doc).expect("a JSON value serialises"));
        }
        Format::NTriples => RdfSerializer::from_format(format.rdf_format()),
        _ => with_prefixes(RdfSerializer::from_format(format.rdf_format())),
    };
    let mut writer = serializer.for_writer(Vec::new());
    // A stable order: sorted triples give the same bytes for the same graph.
    let mut triples: Vec<_> = graph.iter().collect();
    triples.sort_by_cached_key(|t| t.to_string());
    for t in triples {
        writer.serialize_triple(t)?;
    }
    writer.finish()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pick(accept: &str) -> Option<Representation> {
        negotiate(Some(accept))
    }

    #[test]
    fn accept_headers_are_honoured_with_q_values() {
        use Representation::*;
        assert_eq!(negotiate(None), Some(Html));
        assert_eq!(pick("text/turtle"), Some(Rdf(Format::Turtle)));
        assert_eq!(pick("application/ld+json"), Some(Rdf(Format::JsonLd)));
        assert_eq!(pick("application/rdf+xml"), Some(Rdf(Format::RdfXml)));
        assert_eq!(pick("application/n-triples"), Some(Rdf(Format::NTriples)));
        assert_eq!(
            pick("text/html;q=0.5, text/turtle"),
            Some(Rdf(Format::Turtle)),
            "the higher q wins"
        );
        assert_eq!(
            pick("text/turtle;q=0.8, application/ld+json;q=0.9"),
            Some(Rdf(Format::JsonLd))
        );
        assert_eq!(
            pick("text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8"),
            Some(Html),
            "a browser"
        );
        assert_eq!(pick("*/*"), Some(Html));
        assert_eq!(
            pick("text/*;q=0.5, text/html;q=0"),
            Some(Rdf(Format::Turtle)),
            "q=0 refuses"
        );
        assert_eq!(pick("application/*"), Some(Rdf(Format::JsonLd)));
        assert_eq!(pick("image/png"), None);
        assert_eq!(
            pick("TEXT/TURTLE; charset=utf-8"),
            Some(Rdf(Format::Turtle))
        );
    }

    #[test]
    fn suffixes_name_formats() {
        for f in Format::ALL {
            assert_eq!(Format::from_extension(f.extension()), Some(f));
        }
        assert_eq!(Format::from_extension("html"), None);
    }
}
