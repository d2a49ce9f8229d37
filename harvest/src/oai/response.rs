//! Reading one OAI-PMH response with limits: UTF-8 only (the bytes and the
//! XML declaration), no DOCTYPE at all (so no entity is ever declared, let
//! alone expanded: a "billion laughs" document is refused at its first
//! line), only the five predefined entities and character references, a
//! bound on element nesting and on the length of any text or attribute.
//!
//! What it keeps is what a harvester needs: the response date, the
//! `<error>` elements, Identify's protocol version, granularity and
//! earliest datestamp, each record's header and Dublin Core elements
//! (`oai_dc`), and the resumption token.

use quick_xml::NsReader;
use quick_xml::XmlVersion;
use quick_xml::escape::resolve_predefined_entity;
use quick_xml::events::{BytesStart, Event};
use quick_xml::name::ResolveResult;

/// The OAI-PMH 2.0 namespace.
pub const OAI_NS: &str = "http://www.openarchives.org/OAI/2.0/";
/// The namespace of the `oai_dc:dc` container.
pub const OAI_DC_NS: &str = "http://www.openarchives.org/OAI/2.0/oai_dc/";
/// Dublin Core elements 1.1.
pub const DC_NS: &str = "http://purl.org/dc/elements/1.1/";

/// The fifteen Dublin Core elements; other names in the DC namespace are
/// ignored.
pub const DC_ELEMENTS: [&str; 15] = [
    "title",
    "creator",
    "subject",
    "description",
    "publisher",
    "contributor",
    "date",
    "type",
    "format",
    "identifier",
    "source",
    "language",
    "relation",
    "coverage",
    "rights",
];

/// Elements nested deeper than this end the reading (an OAI-PMH response
/// with `oai_dc` records nests six levels).
pub const MAX_DEPTH: usize = 32;

/// Why a response was refused.
#[derive(Debug, thiserror::Error)]
pub enum XmlError {
    #[error("the response is not UTF-8 text (invalid byte at offset {0})")]
    NotUtf8(usize),
    #[error("the response declares the encoding {0:?}; only UTF-8 is read")]
    Encoding(String),
    #[error("the response has a DOCTYPE, which is not accepted (no DTD, no entities)")]
    Doctype,
    #[error("the response uses the entity &{0}; which is not one of XML's five")]
    Entity(String),
    #[error("the response nests elements deeper than {0} levels")]
    TooDeep(usize),
    #[error("a text or attribute of the response is longer than {0} bytes")]
    TooLong(usize),
    #[error("the response is not well-formed XML: {0}")]
    Malformed(String),
    #[error("the response is not an OAI-PMH 2.0 document: {0}")]
    NotOai(String),
}

impl XmlError {
    /// A stable word for the report.
    pub fn code(&self) -> &'static str {
        match self {
            Self::NotUtf8(_) | Self::Encoding(_) => "wrong-encoding",
            Self::Doctype | Self::Entity(_) => "entities-refused",
            Self::TooDeep(_) => "too-deep",
            Self::TooLong(_) => "literal-too-long",
            Self::Malformed(_) => "xml-malformed",
            Self::NotOai(_) => "oai-invalid",
        }
    }
}

/// An `<error code="…">message</error>` of the response.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OaiError {
    pub code: String,
    pub message: String,
}

/// What Identify says about the repository.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Identify {
    pub protocol_version: String,
    pub granularity: String,
    pub earliest_datestamp: String,
}

/// One Dublin Core element of a record.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Element {
    /// The local name: `title`, `creator`, …
    pub name: String,
    pub value: String,
    /// Its `xml:lang`, when given.
    pub lang: Option<String>,
}

/// One record: its header and, unless deleted, its `oai_dc` elements.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Record {
    pub identifier: String,
    pub datestamp: String,
    pub deleted: bool,
    pub sets: Vec<String>,
    pub elements: Vec<Element>,
}

/// One response, as far as a harvester reads it.
#[derive(Debug, Clone, Default)]
pub struct Response {
    pub response_date: String,
    pub errors: Vec<OaiError>,
    pub identify: Option<Identify>,
    pub records: Vec<Record>,
    /// The resumption token's text when the element is there (empty: the
    /// list is complete).
    pub token: Option<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Ns {
    Oai,
    OaiDc,
    Dc,
    Xml,
    Other,
}

fn ns_of(resolved: &ResolveResult<'_>) -> Result<Ns, XmlError> {
    match resolved {
        ResolveResult::Bound(ns) => Ok(match ns.as_ref() {
            n if n == OAI_NS.as_bytes() => Ns::Oai,
            n if n == OAI_DC_NS.as_bytes() => Ns::OaiDc,
            n if n == DC_NS.as_bytes() => Ns::Dc,
            b"http://www.w3.org/XML/1998/namespace" => Ns::Xml,
            _ => Ns::Other,
        }),
        ResolveResult::Unbound => Ok(Ns::Other),
        ResolveResult::Unknown(prefix) => Err(XmlError::Malformed(format!(
            "the prefix {:?} is not declared",
            String::from_utf8_lossy(prefix)
        ))),
    }
}

/// An open element: its namespace, local name and the attributes kept.
struct Open {
    ns: Ns,
    name: String,
    code: Option<String>,
    status: Option<String>,
    lang: Option<String>,
}

fn malformed(e: impl std::fmt::Display) -> XmlError {
    XmlError::Malformed(e.to_string())
}

fn open(ns: Ns, e: &BytesStart<'_>, max_len: usize) -> Result<Open, XmlError> {
    let name = std::str::from_utf8(e.local_name().as_ref())
        .map_err(malformed)?
        .to_string();
    let mut out = Open {
        ns,
        name,
        code: None,
        status: None,
        lang: None,
    };
    for attr in e.attributes() {
        let attr = attr.map_err(malformed)?;
        if attr.value.len() > max_len {
            return Err(XmlError::TooLong(max_len));
        }
        let key = attr.key.as_ref();
        let wanted = matches!(key, b"code" | b"status" | b"xml:lang");
        if !wanted {
            continue;
        }
        let value =
            attr.normalized_value(XmlVersion::Implicit1_0)
                .map_err(|e| match e {
                    quick_xml::Error::Escape(
                        quick_xml::escape::EscapeError::UnrecognizedEntity(_, name),
                    ) => XmlError::Entity(name),
                    other => malformed(other),
                })?
                .into_owned();
        match key {
            b"code" => out.code = Some(value),
            b"status" => out.status = Some(value),
            _ => out.lang = Some(value),
        }
    }
    Ok(out)
}

/// Whether the declaration's encoding, when given, is UTF-8.
fn check_declaration(decl: &quick_xml::events::BytesDecl<'_>) -> Result<(), XmlError> {
    if let Some(enc) = decl.encoding() {
        let enc = enc.map_err(malformed)?;
        let enc = String::from_utf8_lossy(&enc).to_string();
        if !enc.eq_ignore_ascii_case("utf-8") && !enc.eq_ignore_ascii_case("utf8") {
            return Err(XmlError::Encoding(enc));
        }
    }
    Ok(())
}

/// Reads one response within `max_len` bytes per text or attribute.
pub fn parse(body: &[u8], max_len: usize) -> Result<Response, XmlError> {
    let text = std::str::from_utf8(body).map_err(|e| XmlError::NotUtf8(e.valid_up_to()))?;
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let mut reader = NsReader::from_str(text);
    let mut out = Response::default();
    let mut stack: Vec<Open> = Vec::new();
    let mut buf = String::new();
    let mut record: Option<Record> = None;
    let mut identify: Option<Identify> = None;
    let mut root_seen = false;
    loop {
        let (resolved, event) = reader.read_resolved_event().map_err(malformed)?;
        let ns = match &event {
            Event::Start(_) | Event::Empty(_) | Event::End(_) => ns_of(&resolved)?,
            _ => Ns::Other,
        };
        match event {
            Event::Decl(d) => check_declaration(&d)?,
            Event::DocType(_) => return Err(XmlError::Doctype),
            Event::Start(e) | Event::Empty(e) if stack.is_empty() && root_seen => {
                let name = String::from_utf8_lossy(e.name().as_ref()).to_string();
                return Err(malformed(format!("a second root element <{name}>")));
            }
            Event::Start(e) => {
                if stack.len() >= MAX_DEPTH {
                    return Err(XmlError::TooDeep(MAX_DEPTH));
                }
                let o = open(ns, &e, max_len)?;
                if stack.is_empty() && (o.ns != Ns::Oai || o.name != "OAI-PMH") {
                    return Err(XmlError::NotOai(format!(
                        "the root element is <{}>",
                        o.name
                    )));
                }
                root_seen = true;
                begin(&o, stack.len(), &mut record, &mut identify);
                stack.push(o);
                buf.clear();
            }
            Event::Empty(e) => {
                let o = open(ns, &e, max_len)?;
                if stack.is_empty() {
                    return Err(XmlError::NotOai(format!(
                        "the root element is <{}/>",
                        o.name
                    )));
                }
                begin(&o, stack.len(), &mut record, &mut identify);
                buf.clear();
                stack.push(o);
                end(&mut stack, &buf, &mut out, &mut record, &mut identify);
            }
            Event::End(_) => {
                end(&mut stack, &buf, &mut out, &mut record, &mut identify);
                buf.clear();
            }
            Event::Text(t) => {
                let t = t.xml10_content().map_err(malformed)?;
                push(&mut buf, &t, max_len, &stack)?;
            }
            Event::CData(t) => {
                let t = t.xml10_content().map_err(malformed)?;
                push(&mut buf, &t, max_len, &stack)?;
            }
            Event::GeneralRef(r) => {
                let resolved = match r.resolve_char_ref().map_err(malformed)? {
                    Some(c) => c.to_string(),
                    None => {
                        let name = r.decode().map_err(malformed)?.to_string();
                        resolve_predefined_entity(&name)
                            .ok_or(XmlError::Entity(name))?
                            .to_string()
                    }
                };
                push(&mut buf, &resolved, max_len, &stack)?;
            }
            Event::Comment(_) | Event::PI(_) => {}
            Event::Eof => break,
        }
    }
    if let Some(open) = stack.last() {
        return Err(malformed(format!(
            "the document ends inside <{}>",
            open.name
        )));
    }
    if !root_seen {
        return Err(XmlError::NotOai("the document is empty".into()));
    }
    if out.response_date.is_empty() {
        return Err(XmlError::NotOai("responseDate is missing".into()));
    }
    out.identify = identify;
    Ok(out)
}

/// Appends text read inside an element; text outside the root must be
/// blank.
fn push(buf: &mut String, text: &str, max_len: usize, stack: &[Open]) -> Result<(), XmlError> {
    if stack.is_empty() {
        if text.trim().is_empty() {
            return Ok(());
        }
        return Err(malformed("text outside the root element"));
    }
    if buf.len() + text.len() > max_len {
        return Err(XmlError::TooLong(max_len));
    }
    buf.push_str(text);
    Ok(())
}

/// What an element's start begins: a record, or Identify's answer.
fn begin(o: &Open, depth: usize, record: &mut Option<Record>, identify: &mut Option<Identify>) {
    if o.ns != Ns::Oai {
        return;
    }
    match (depth, o.name.as_str()) {
        (1, "Identify") => *identify = Some(Identify::default()),
        (2, "record") => *record = Some(Record::default()),
        _ => {}
    }
}

/// An element of the OAI namespace, as a path step.
fn oai(name: &str) -> (Ns, &str) {
    (Ns::Oai, name)
}

/// Closes the innermost element with the text read since its last child.
fn end(
    stack: &mut Vec<Open>,
    text: &str,
    out: &mut Response,
    record: &mut Option<Record>,
    identify: &mut Option<Identify>,
) {
    let Some(o) = stack.pop() else { return };
    let path: Vec<(Ns, &str)> = stack.iter().map(|s| (s.ns, s.name.as_str())).collect();
    let value = text.trim().to_string();
    match (path.as_slice(), o.ns, o.name.as_str()) {
        ([_], Ns::Oai, "responseDate") => out.response_date = value,
        ([_], Ns::Oai, "error") => out.errors.push(OaiError {
            code: o.code.unwrap_or_default(),
            message: value,
        }),
        ([_, v], Ns::Oai, "resumptionToken") if v.0 == Ns::Oai => out.token = Some(value),
        ([_, v], Ns::Oai, field) if *v == oai("Identify") => {
            if let Some(i) = identify.as_mut() {
                match field {
                    "protocolVersion" => i.protocol_version = value,
                    "granularity" => i.granularity = value,
                    "earliestDatestamp" => i.earliest_datestamp = value,
                    _ => {}
                }
            }
        }
        ([_, _], Ns::Oai, "record") => {
            if let Some(r) = record.take() {
                out.records.push(r);
            }
        }
        ([_, _, r], Ns::Oai, "header") if *r == oai("record") => {
            if let Some(rec) = record.as_mut() {
                rec.deleted = o.status.as_deref() == Some("deleted");
            }
        }
        ([_, _, r, h], Ns::Oai, field) if *r == oai("record") && *h == oai("header") => {
            if let Some(rec) = record.as_mut() {
                match field {
                    "identifier" => rec.identifier = value,
                    "datestamp" => rec.datestamp = value,
                    "setSpec" => rec.sets.push(value),
                    _ => {}
                }
            }
        }
        ([_, _, r, m, dc], Ns::Dc, name)
            if *r == oai("record")
                && *m == oai("metadata")
                && *dc == (Ns::OaiDc, "dc")
                && DC_ELEMENTS.contains(&name) =>
        {
            if let Some(rec) = record.as_mut()
                && !value.is_empty()
            {
                rec.elements.push(Element {
                    name: name.to_string(),
                    value,
                    lang: o.lang.filter(|l| !l.trim().is_empty()),
                });
            }
        }
        _ => {}
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const PAGE: &str = r#"<?xml version="1.0" encoding="UTF-8"?>
<OAI-PMH xmlns="http://www.openarchives.org/OAI/2.0/">
  <responseDate>2026-01-02T03:04:05Z</responseDate>
  <request verb="ListRecords">http://h/oai</request>
  <ListRecords>
    <record>
      <header><identifier>oai:h:1</identifier><datestamp>2026-01-01</datestamp><setSpec>a</setSpec></header>
      <metadata>
        <oai_dc:dc xmlns:oai_dc="http://www.openarchives.org/OAI/2.0/oai_dc/" xmlns:dc="http://purl.org/dc/elements/1.1/">
          <dc:title xml:lang="fr">Guide &amp; outils &#233;</dc:title>
          <dc:identifier>http://h/r/1</dc:identifier>
          <dc:unknown>x</dc:unknown>
          <dc:subject><![CDATA[a <b>]]></dc:subject>
        </oai_dc:dc>
      </metadata>
    </record>
    <record><header status="deleted"><identifier>oai:h:2</identifier><datestamp>2026-01-01</datestamp></header></record>
    <resumptionToken completeListSize="3">t1</resumptionToken>
  </ListRecords>
</OAI-PMH>"#;

    #[test]
    fn records_headers_and_the_token_are_read() {
        let r = parse(PAGE.as_bytes(), 1000).unwrap();
        assert_eq!(r.response_date, "2026-01-02T03:04:05Z");
        assert_eq!(r.token.as_deref(), Some("t1"));
        assert_eq!(r.records.len(), 2);
        let first = &r.records[0];
        assert_eq!(first.identifier, "oai:h:1");
        assert_eq!(first.sets, ["a"]);
        assert_eq!(
            first.elements[0],
            Element {
                name: "title".into(),
                value: "Guide & outils é".into(),
                lang: Some("fr".into())
            }
        );
        assert_eq!(first.elements.len(), 3, "dc:unknown is not DC 1.1");
        assert_eq!(first.elements[2].value, "a <b>");
        assert!(r.records[1].deleted && r.records[1].elements.is_empty());
    }

    #[test]
    fn hostile_or_broken_documents_are_refused() {
        let code = |s: &[u8]| parse(s, 100).unwrap_err().code();
        assert_eq!(
            code(b"<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?><OAI-PMH/>"),
            "wrong-encoding"
        );
        assert_eq!(code(b"<OAI-PMH>\xe9</OAI-PMH>"), "wrong-encoding");
        assert_eq!(
            code(b"<!DOCTYPE x [<!ENTITY a \"b\">]><OAI-PMH/>"),
            "entities-refused"
        );
        let oai = |inner: &str| {
            format!("<OAI-PMH xmlns=\"{OAI_NS}\"><responseDate>d</responseDate>{inner}</OAI-PMH>")
        };
        assert_eq!(code(oai("<a>&lol;</a>").as_bytes()), "entities-refused");
        assert_eq!(code(oai("<a>").as_bytes()), "xml-malformed");
        assert_eq!(code(oai("<a></b>").as_bytes()), "xml-malformed");
        assert_eq!(code(oai(&"x".repeat(101)).as_bytes()), "literal-too-long");
        let deep = format!("{}{}", "<a>".repeat(40), "</a>".repeat(40));
        assert_eq!(code(oai(&deep).as_bytes()), "too-deep");
        assert_eq!(code(b"<html/>"), "oai-invalid");
        assert!(parse(oai("").as_bytes(), 100).is_ok());
    }
}
