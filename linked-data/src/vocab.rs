//! The vocabularies Archipel's data is described with, and their prefixes.
//! schema.org first (with its LRMI properties); SKOS for topics; Dublin Core
//! terms only where schema.org has no property; DCAT and VoID for the
//! catalogue.

use oxigraph::model::NamedNode;

/// schema.org, as its official JSON-LD context expands it (http, not https).
pub const SCHEMA: &str = "http://schema.org/";
pub const SKOS: &str = "http://www.w3.org/2004/02/skos/core#";
pub const DCT: &str = "http://purl.org/dc/terms/";
pub const DCAT: &str = "http://www.w3.org/ns/dcat#";
pub const VOID: &str = "http://rdfs.org/ns/void#";
pub const RDF: &str = "http://www.w3.org/1999/02/22-rdf-syntax-ns#";
/// FOAF, for the catalogue's home page as DCAT recommends.
pub const FOAF: &str = "http://xmlns.com/foaf/0.1/";
pub const XSD: &str = "http://www.w3.org/2001/XMLSchema#";
/// Hochschulcampus Ressourcentypen, the learning resource types AMB uses.
pub const HCRT: &str = "https://w3id.org/kim/hcrt/";
/// The LRMI educational audience roles (`teacher`, `student`…).
pub const LRMI_AUDIENCE: &str = "http://purl.org/dcx/lrmi-vocabs/educationalAudienceRole/";

/// Prefixes written in Turtle and in the JSON-LD context.
pub const PREFIXES: [(&str, &str); 7] = [
    ("schema", SCHEMA),
    ("skos", SKOS),
    ("dct", DCT),
    ("dcat", DCAT),
    ("void", VOID),
    ("xsd", XSD),
    ("hcrt", HCRT),
];

fn node(namespace: &str, local: &str) -> NamedNode {
    NamedNode::new_unchecked(format!("{namespace}{local}"))
}

pub fn schema(local: &str) -> NamedNode {
    node(SCHEMA, local)
}

pub fn skos(local: &str) -> NamedNode {
    node(SKOS, local)
}

pub fn dct(local: &str) -> NamedNode {
    node(DCT, local)
}

pub fn dcat(local: &str) -> NamedNode {
    node(DCAT, local)
}

pub fn void(local: &str) -> NamedNode {
    node(VOID, local)
}

pub fn xsd(local: &str) -> NamedNode {
    node(XSD, local)
}

pub fn rdf_type() -> NamedNode {
    node(RDF, "type")
}

pub fn foaf(local: &str) -> NamedNode {
    node(FOAF, local)
}
