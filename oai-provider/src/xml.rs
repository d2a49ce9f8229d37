//! Writing OAI-PMH responses: the envelope (`responseDate`, `request`),
//! elements with escaped text and attributes, and UTC datestamps at the
//! repository's granularity (seconds).

pub const OAI_NS: &str = "http://www.openarchives.org/OAI/2.0/";
pub const XSI_NS: &str = "http://www.w3.org/2001/XMLSchema-instance";
pub const OAI_DC_NS: &str = "http://www.openarchives.org/OAI/2.0/oai_dc/";
pub const DC_NS: &str = "http://purl.org/dc/elements/1.1/";
pub const OAI_DC_XSD: &str = "http://www.openarchives.org/OAI/2.0/oai_dc.xsd";
pub const OAI_ID_NS: &str = "http://www.openarchives.org/OAI/2.0/oai-identifier";
pub const OAI_ID_XSD: &str = "http://www.openarchives.org/OAI/2.0/oai-identifier.xsd";

/// Text made safe for XML 1.0: markup characters escaped, characters XML
/// cannot carry at all (most control characters) dropped.
pub fn esc(s: &str) -> String {
    let clean: String = s
        .chars()
        .filter(|c| {
            matches!(c, '\t' | '\n' | '\r') || (*c >= ' ' && !matches!(c, '\u{FFFE}' | '\u{FFFF}'))
        })
        .collect();
    quick_xml::escape::escape(clean.as_str()).into_owned()
}

/// A response being written.
pub struct Doc {
    out: String,
}

impl Doc {
    /// The envelope up to the verb's element. `request` is the request's
    /// arguments, or `None` when they were refused (badVerb, badArgument):
    /// then the `request` element holds the base URL only.
    pub fn new(response_date: &str, base_url: &str, request: Option<&[(String, String)]>) -> Self {
        let mut out = String::with_capacity(4096);
        out.push_str("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        out.push_str(&format!(
            "<OAI-PMH xmlns=\"{OAI_NS}\" xmlns:xsi=\"{XSI_NS}\" \
             xsi:schemaLocation=\"{OAI_NS} {OAI_NS}OAI-PMH.xsd\">\n"
        ));
        out.push_str(&format!("<responseDate>{response_date}</responseDate>\n"));
        out.push_str("<request");
        for (k, v) in request.unwrap_or(&[]) {
            out.push_str(&format!(" {k}=\"{}\"", esc(v)));
        }
        out.push_str(&format!(">{}</request>\n", esc(base_url)));
        Doc { out }
    }

    /// Elements outside an envelope, to be embedded with [`Doc::raw`].
    pub fn fragment() -> Self {
        Doc { out: String::new() }
    }

    /// What a fragment holds.
    pub fn into_string(self) -> String {
        self.out
    }

    pub fn open(&mut self, name: &str) {
        self.open_with(name, &[]);
    }

    pub fn open_with(&mut self, name: &str, attrs: &[(&str, &str)]) {
        self.out.push('<');
        self.out.push_str(name);
        self.attrs(attrs);
        self.out.push('>');
    }

    pub fn close(&mut self, name: &str) {
        self.out.push_str("</");
        self.out.push_str(name);
        self.out.push_str(">\n");
    }

    /// `<name attrs>text</name>`.
    pub fn text(&mut self, name: &str, text: &str) {
        self.text_with(name, &[], text);
    }

    pub fn text_with(&mut self, name: &str, attrs: &[(&str, &str)], text: &str) {
        self.open_with(name, attrs);
        self.out.push_str(&esc(text));
        self.close(name);
    }

    /// `<name attrs/>`.
    pub fn empty(&mut self, name: &str, attrs: &[(&str, &str)]) {
        self.out.push('<');
        self.out.push_str(name);
        self.attrs(attrs);
        self.out.push_str("/>\n");
    }

    /// Markup already written (an embedded RDF/XML description).
    pub fn raw(&mut self, xml: &str) {
        self.out.push_str(xml);
        self.out.push('\n');
    }

    fn attrs(&mut self, attrs: &[(&str, &str)]) {
        for (k, v) in attrs {
            self.out.push_str(&format!(" {k}=\"{}\"", esc(v)));
        }
    }

    /// Closes the envelope.
    pub fn finish(mut self) -> String {
        self.out.push_str("</OAI-PMH>\n");
        self.out
    }
}

/// A time as OAI-PMH writes it: `YYYY-MM-DDThh:mm:ssZ`, in UTC.
pub fn utc(t: time::OffsetDateTime) -> String {
    let t = t.to_offset(time::UtcOffset::UTC);
    t.format(time::macros::format_description!(
        "[year]-[month]-[day]T[hour]:[minute]:[second]Z"
    ))
    .expect("formatting a time cannot fail")
}

/// A stored time (RFC 3339) as an OAI-PMH datestamp, to the second.
pub fn datestamp(stored: &str) -> String {
    store::parse_time(stored).map_or_else(|| stored.to_string(), utc)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_is_escaped_and_cleaned() {
        assert_eq!(esc("a<b & \"c\"\u{1}"), "a&lt;b &amp; &quot;c&quot;");
        assert_eq!(
            datestamp("2026-01-02T03:04:05.678901Z"),
            "2026-01-02T03:04:05Z"
        );
        assert_eq!(datestamp("2024-05-01"), "2024-05-01T00:00:00Z");
    }
}
