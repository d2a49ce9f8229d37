//! Validation of answers with xmllint against the OAI-PMH schemas of the
//! conformance folder, resolved locally (never from the network).

use std::path::Path;
use std::process::Command;

/// Validates `body` with xmllint against OAI-PMH.xsd together with
/// oai_dc.xsd (and its simpledc import), all read from the conformance
/// folder and resolved locally; the oai-identifier description and the
/// RDF/XML of oai_lrmi are checked by small local schemas. Without
/// xmllint the check is skipped with a notice, except in CI.
pub fn validate(body: &str) {
    if Command::new("xmllint").arg("--version").output().is_err() {
        assert!(
            std::env::var_os("CI").is_none(),
            "xmllint (libxml2-utils) is needed to validate OAI-PMH answers in CI"
        );
        eprintln!("notice: xmllint is missing, OAI-PMH answers are not validated");
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    schemas(dir.path());
    let doc = dir.path().join("answer.xml");
    std::fs::write(&doc, body).unwrap();
    let out = Command::new("xmllint")
        .args(["--noout", "--nonet", "--schema"])
        .arg(dir.path().join("all.xsd"))
        .arg(&doc)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "the answer does not validate:\n{}\n{body}",
        String::from_utf8_lossy(&out.stderr)
    );
}

fn schemas(dir: &Path) {
    let manifest = std::path::PathBuf::from(std::env::var_os("CARGO_MANIFEST_DIR").unwrap());
    let source = manifest.join("../../shared/conformance/oai-pmh");
    let read = |name: &str| {
        std::fs::read_to_string(source.join(name))
            .unwrap_or_else(|e| panic!("{}: {e}", source.join(name).display()))
    };
    let write = |name: &str, text: &str| std::fs::write(dir.join(name), text).unwrap();
    write("OAI-PMH.xsd", &read("OAI-PMH.xsd"));
    write(
        "oai_dc.xsd",
        &read("oai_dc.xsd").replace(
            "http://dublincore.org/schemas/xmls/simpledc20021212.xsd",
            "simpledc20021212.xsd",
        ),
    );
    write(
        "simpledc20021212.xsd",
        &read("simpledc20021212.xsd").replace("http://www.w3.org/2001/03/xml.xsd", "xml.xsd"),
    );
    write(
        "xml.xsd",
        r#"<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema"
  targetNamespace="http://www.w3.org/XML/1998/namespace">
  <xs:attribute name="lang" type="xs:language"/>
</xs:schema>"#,
    );
    // The patterns of the oai-identifier schema (OAI-PMH guidelines).
    write(
        "oai-identifier.xsd",
        r#"<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema"
  xmlns:id="http://www.openarchives.org/OAI/2.0/oai-identifier"
  targetNamespace="http://www.openarchives.org/OAI/2.0/oai-identifier"
  elementFormDefault="qualified">
  <xs:element name="oai-identifier">
    <xs:complexType><xs:sequence>
      <xs:element name="scheme"><xs:simpleType><xs:restriction base="xs:string">
        <xs:pattern value="oai"/></xs:restriction></xs:simpleType></xs:element>
      <xs:element name="repositoryIdentifier"><xs:simpleType><xs:restriction base="xs:string">
        <xs:pattern value="[a-zA-Z][a-zA-Z0-9\-]*(\.[a-zA-Z][a-zA-Z0-9\-]*)+"/>
      </xs:restriction></xs:simpleType></xs:element>
      <xs:element name="delimiter"><xs:simpleType><xs:restriction base="xs:string">
        <xs:pattern value="[:]"/></xs:restriction></xs:simpleType></xs:element>
      <xs:element name="sampleIdentifier"><xs:simpleType><xs:restriction base="xs:string">
        <xs:pattern value="oai:[a-zA-Z][a-zA-Z0-9\-]*(\.[a-zA-Z][a-zA-Z0-9\-]*)+:[a-zA-Z0-9\-_\.!~\*'\(\);/\?:@&amp;=\+$,%]+"/>
      </xs:restriction></xs:simpleType></xs:element>
    </xs:sequence></xs:complexType>
  </xs:element>
</xs:schema>"#,
    );
    // RDF/XML has no XML Schema: the root must be rdf:RDF, the rest is lax.
    write(
        "rdf.xsd",
        r###"<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema"
  targetNamespace="http://www.w3.org/1999/02/22-rdf-syntax-ns#" elementFormDefault="qualified">
  <xs:element name="RDF"><xs:complexType>
    <xs:sequence><xs:any namespace="##any" processContents="lax" minOccurs="0" maxOccurs="unbounded"/></xs:sequence>
    <xs:anyAttribute namespace="##any" processContents="lax"/>
  </xs:complexType></xs:element>
</xs:schema>"###,
    );
    write(
        "all.xsd",
        r#"<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema">
  <xs:import namespace="http://www.openarchives.org/OAI/2.0/" schemaLocation="OAI-PMH.xsd"/>
  <xs:import namespace="http://www.openarchives.org/OAI/2.0/oai_dc/" schemaLocation="oai_dc.xsd"/>
  <xs:import namespace="http://www.openarchives.org/OAI/2.0/oai-identifier" schemaLocation="oai-identifier.xsd"/>
  <xs:import namespace="http://www.w3.org/1999/02/22-rdf-syntax-ns#" schemaLocation="rdf.xsd"/>
</xs:schema>"#,
    );
}

#[test]
fn the_validation_rejects_what_the_schemas_forbid() {
    if Command::new("xmllint").arg("--version").output().is_err() {
        return;
    }
    let bad = "<?xml version=\"1.0\"?><OAI-PMH xmlns=\"http://www.openarchives.org/OAI/2.0/\">\
               <responseDate>2026-01-01T00:00:00Z</responseDate><request>x</request>\
               <GetRecord><record><header><identifier>a</identifier><datestamp>2026-01-01T00:00:00Z</datestamp></header>\
               <metadata><oai_dc:dc xmlns:oai_dc=\"http://www.openarchives.org/OAI/2.0/oai_dc/\" \
               xmlns:dc=\"http://purl.org/dc/elements/1.1/\"><dc:colour>red</dc:colour></oai_dc:dc></metadata>\
               </record></GetRecord></OAI-PMH>";
    let result = std::panic::catch_unwind(|| validate(bad));
    assert!(result.is_err(), "an unknown Dublin Core element is refused");
}
