use oxigraph::io::{RdfFormat, RdfParser};
use oxigraph::model::Triple;

use super::*;

fn turtle(text: &str) -> Graph {
    let mut g = Graph::new();
    for t in RdfParser::from_format(RdfFormat::Turtle)
        .with_base_iri("https://partner.example.org/")
        .unwrap()
        .for_slice(text.as_bytes())
    {
        g.insert(&Triple::from(t.unwrap()));
    }
    g
}

fn one(mapped: &Mapped, uri: &str) -> NewEntry {
    mapped
        .entries
        .iter()
        .find(|e| e.original_uri == uri)
        .unwrap_or_else(|| panic!("no entry for {uri} in {mapped:#?}"))
        .clone()
}

fn text(lang: &str, title: &str, description: &str) -> EntryText {
    EntryText {
        lang: lang.into(),
        title: title.into(),
        description: description.into(),
    }
}

/// An excerpt of an Archipel instance's dump, as its RDF mapping writes it
/// (see `linked-data/MAPPING.md`): a resource with its nodes, its topics, the
/// partner, and a course with a module and a lesson.
const ARCHIPEL: &str = r#"
@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
@prefix skos: <http://www.w3.org/2004/02/skos/core#> .
@prefix hcrt: <https://w3id.org/kim/hcrt/> .
@prefix dct: <http://purl.org/dc/terms/> .
@prefix schema: <http://schema.org/> .
@base <https://b.example.org> .
</library/resources/a1b2c3#author-1> schema:name "Camille Martin" ; a schema:Person .
</library/resources/a1b2c3#author-2> schema:name "Luka Horvat" ; a schema:Person .
</library/resources/a1b2c3#file-3> schema:name "kit d'atelier.pdf" ; a schema:MediaObject .
</library/resources/a1b2c3> schema:about </library/topics/backups> ;
    schema:associatedMedia </library/resources/a1b2c3#file-3> ;
    schema:author </library/resources/a1b2c3#author-1> , </library/resources/a1b2c3#author-2> ;
    schema:dateModified "2026-04-01T09:30:00Z"^^xsd:dateTime ;
    schema:datePublished "2026-03-15T08:00:00Z"^^xsd:dateTime ;
    schema:description "Hosting your tools: a description."@en , "Héberger ses outils : une description."@fr ;
    schema:inLanguage "en" , "fr" ;
    schema:learningResourceType hcrt:video ;
    schema:license <https://creativecommons.org/licenses/by-sa/4.0/> ;
    schema:name "Hosting your tools"@en , "Héberger ses outils"@fr ;
    schema:publisher </partners/les-tisserands-du-libre> ;
    schema:url <https://example.org/video> ;
    a schema:LearningResource , schema:VideoObject .
</library/topics/backups> a skos:Concept ;
    skos:prefLabel "Backups"@en , "Sauvegardes"@fr , "Sigurnosne kopije"@hr .
</library/topics> dct:title "Archipel topics"@en ; a skos:ConceptScheme .
</partners/les-tisserands-du-libre> schema:name "Les Tisserands du Libre" ; a schema:Organization .
</courses/sample/basics/first> schema:isPartOf </courses/sample/basics> ;
    schema:name "First lesson"@en ; a schema:LearningResource .
</courses/sample/basics> schema:isPartOf </courses/sample> ;
    schema:name "The basics"@en ; a schema:LearningResource .
</courses/sample> schema:creator "Équipe Archipel" ;
    schema:description "A small course."@en , "Un petit cours."@fr ;
    schema:inLanguage "en" , "fr" ;
    schema:learningResourceType hcrt:course ;
    schema:name "Cours d'exemple"@fr , "Sample course"@en ;
    a schema:Course , schema:LearningResource .
"#;

#[test]
fn an_archipel_dump_gives_its_resources_and_courses_not_its_other_nodes() {
    let mapped = entries(&turtle(ARCHIPEL));
    let uris: Vec<&str> = mapped
        .entries
        .iter()
        .map(|e| e.original_uri.as_str())
        .collect();
    assert_eq!(
        uris,
        [
            "https://b.example.org/courses/sample",
            "https://b.example.org/library/resources/a1b2c3"
        ],
        "no topic, scheme, partner, person, file, module or lesson"
    );
    assert!(mapped.rejected.is_empty(), "{:?}", mapped.rejected);
    let r = one(&mapped, "https://b.example.org/library/resources/a1b2c3");
    assert_eq!(
        r.texts,
        [
            text(
                "en",
                "Hosting your tools",
                "Hosting your tools: a description."
            ),
            text(
                "fr",
                "Héberger ses outils",
                "Héberger ses outils : une description."
            ),
        ],
        "the first of the resource's languages comes first"
    );
    assert_eq!(r.languages, ["en", "fr"]);
    assert_eq!(r.kind.as_deref(), Some("video"));
    assert_eq!(
        r.licence.as_deref(),
        Some("https://creativecommons.org/licenses/by-sa/4.0/")
    );
    assert_eq!(r.url.as_deref(), Some("https://example.org/video"));
    assert_eq!(
        r.keywords,
        ["Backups"],
        "the topic's label in the main language"
    );
    assert_eq!(r.creators, ["Camille Martin", "Luka Horvat"]);
    assert_eq!(r.issued.as_deref(), Some("2026-03-15T08:00:00Z"));
    assert_eq!(r.modified.as_deref(), Some("2026-04-01T09:30:00Z"));
    let c = one(&mapped, "https://b.example.org/courses/sample");
    assert_eq!(c.kind.as_deref(), Some("course"));
    assert_eq!(c.texts[0], text("en", "Sample course", "A small course."));
    assert_eq!(c.creators, ["Équipe Archipel"]);
}

#[test]
fn schema_org_in_either_namespace_with_its_subtypes() {
    let mapped = entries(&turtle(
        r#"
@prefix s: <https://schema.org/> .
<https://videos.example.org/w/42> a s:VideoObject ;
    s:name "Installer Nextcloud" ;
    s:description """   Pas à pas,
      en vingt minutes.  """ ;
    s:inLanguage "fr-FR" ;
    s:keywords "nextcloud, auto-hébergement ,Nextcloud" ;
    s:license "https://creativecommons.org/licenses/by/4.0/legalcode" ;
    s:author [ a s:Person ; s:name "Ada Lovelace" ] ;
    s:url <https://videos.example.org/w/42> .
<https://books.example.org/b/7> a s:Book ; s:name "Libérer son association"@fr ;
    s:inLanguage <http://id.loc.gov/vocabulary/iso639-2/fra> .
<https://example.org/people/ada> a s:Person ; s:name "Ada Lovelace" .
"#,
    ));
    assert_eq!(mapped.entries.len(), 2, "{mapped:#?}");
    let v = one(&mapped, "https://videos.example.org/w/42");
    assert_eq!(
        v.texts,
        [text(
            "fr",
            "Installer Nextcloud",
            "Pas à pas,\n      en vingt minutes."
        )],
        "an untagged text takes the resource's language"
    );
    assert_eq!(v.languages, ["fr"]);
    assert_eq!(v.kind.as_deref(), Some("video"));
    assert_eq!(
        v.keywords,
        ["auto-hébergement", "Nextcloud"],
        "split, deduplicated ignoring case (the capitalised form first), in order"
    );
    assert_eq!(v.creators, ["Ada Lovelace"], "a blank node's name");
    assert_eq!(
        v.licence.as_deref(),
        Some("https://creativecommons.org/licenses/by/4.0/"),
        "the legal code's address is the offered licence"
    );
    assert_eq!(v.url, None, "the same address as the identifier");
    let b = one(&mapped, "https://books.example.org/b/7");
    assert_eq!(b.languages, ["fr"], "ISO 639-2 IRI made ISO 639-1");
    assert_eq!(b.kind.as_deref(), Some("guide"));
}

#[test]
fn oai_dc_records_as_dublin_core_elements() {
    let mapped = entries(&turtle(
        r#"
@prefix dc: <http://purl.org/dc/elements/1.1/> .
<oai:repo.example.org:123> dc:title "Guide de la sobriété numérique" ;
    dc:creator "Martin, Camille" , "Horvat, Luka" ;
    dc:subject "numérique responsable" , "écologie" ;
    dc:description "Un guide pour les associations." ;
    dc:date "2024-05-01" ;
    dc:type "Text" ;
    dc:language "fre" ;
    dc:rights "http://creativecommons.org/licenses/by-nc-sa/4.0/" ;
    dc:identifier "https://repo.example.org/handle/123" .
<oai:repo.example.org:124> dc:title "Untitled in no language" ;
    dc:rights "Tous droits réservés" .
"#,
    ));
    assert!(mapped.rejected.is_empty());
    let e = one(&mapped, "oai:repo.example.org:123");
    assert_eq!(
        e.texts,
        [text(
            "fr",
            "Guide de la sobriété numérique",
            "Un guide pour les associations."
        )]
    );
    assert_eq!(e.languages, ["fr"]);
    assert_eq!(e.creators, ["Horvat, Luka", "Martin, Camille"]);
    assert_eq!(e.keywords, ["numérique responsable", "écologie"]);
    assert_eq!(e.issued.as_deref(), Some("2024-05-01"));
    assert_eq!(e.kind.as_deref(), Some("article"));
    assert_eq!(
        e.licence.as_deref(),
        Some("https://creativecommons.org/licenses/by-nc-sa/4.0/")
    );
    let bare = one(&mapped, "oai:repo.example.org:124");
    assert_eq!(bare.texts[0].lang, "und", "no language said");
    assert!(bare.languages.is_empty());
    assert_eq!(bare.licence, None, "rights in words are not a licence");
}

#[test]
fn dublin_core_terms_and_dcat() {
    let mapped = entries(&turtle(
        r#"
@prefix dct: <http://purl.org/dc/terms/> .
@prefix dcat: <http://www.w3.org/ns/dcat#> .
@prefix skos: <http://www.w3.org/2004/02/skos/core#> .
<https://data.example.org/ds/subsidies> a dcat:Dataset ;
    dct:title "Subventions aux associations"@fr , "Grants to associations"@en , "Potpore udrugama"@hr ;
    dct:abstract "Montants par année."@fr ;
    dct:language <http://publications.europa.eu/resource/authority/language/FRA> ;
    dct:license <https://creativecommons.org/publicdomain/zero/1.0/> ;
    dct:subject <https://data.example.org/themes/money> ;
    dct:issued "2023-01-10"^^<http://www.w3.org/2001/XMLSchema#date> ;
    dct:modified "2025-11-02" .
<https://data.example.org/themes/money> a skos:Concept ; skos:prefLabel "Finances"@fr, "Money"@en .
<https://data.example.org/catalogue> a dcat:Catalog ; dct:title "Catalogue" .
"#,
    ));
    assert_eq!(mapped.entries.len(), 1, "the catalogue is not a resource");
    let d = one(&mapped, "https://data.example.org/ds/subsidies");
    assert_eq!(d.kind.as_deref(), Some("dataset"));
    assert_eq!(d.languages, ["fr"]);
    assert_eq!(
        d.texts,
        [
            text("fr", "Subventions aux associations", "Montants par année."),
            text("en", "Grants to associations", ""),
            text("hr", "Potpore udrugama", ""),
        ]
    );
    assert_eq!(d.keywords, ["Finances"]);
    assert_eq!(d.issued.as_deref(), Some("2023-01-10"));
    assert_eq!(d.modified.as_deref(), Some("2025-11-02"));
}

#[test]
fn refusals_have_stable_codes_and_long_texts_are_cut() {
    let long_title = "T".repeat(ENTRY_TITLE_MAX_CHARS + 1);
    let long_text = "mot ".repeat(ENTRY_DESCRIPTION_MAX_CHARS);
    let mapped = entries(&turtle(&format!(
        r#"
@prefix s: <http://schema.org/> .
@prefix dc: <http://purl.org/dc/elements/1.1/> .
<https://x.example.org/untitled> a s:LearningResource ; s:description "No name." .
<ftp://x.example.org/file> a s:Article ; s:name "On FTP" .
[] dc:title "A record without identifier" .
<https://x.example.org/long> a s:Article ; s:name "{long_title}" .
<https://x.example.org/cut> a s:Article ; s:name "Cut" ; s:description "{long_text}" .
"#
    )));
    let codes: Vec<(&str, &str)> = mapped
        .rejected
        .iter()
        .map(|r| (r.subject.as_str(), r.code))
        .collect();
    assert_eq!(codes.len(), 4, "{codes:?}");
    assert!(codes.contains(&("https://x.example.org/untitled", "no-title")));
    assert!(codes.contains(&("ftp://x.example.org/file", "bad-identifier")));
    assert!(codes.contains(&("https://x.example.org/long", "title-too-long")));
    assert!(
        codes
            .iter()
            .any(|(s, c)| s.starts_with("_:") && *c == "bad-identifier")
    );
    assert!(mapped.rejected.iter().all(|r| !r.message.is_empty()));
    let cut = one(&mapped, "https://x.example.org/cut");
    let d = &cut.texts[0].description;
    assert!(d.chars().count() <= ENTRY_DESCRIPTION_MAX_CHARS && d.ends_with('…'));
}

#[test]
fn language_codes_and_kinds() {
    assert_eq!(language_code("FR").as_deref(), Some("fr"));
    assert_eq!(language_code("de-AT").as_deref(), Some("de"));
    assert_eq!(language_code("hrv").as_deref(), Some("hr"));
    assert_eq!(language_code("French"), None);
    assert_eq!(
        kind_of("https://w3id.org/kim/hcrt/lesson_plan"),
        Some("workshop-kit")
    );
    assert_eq!(
        kind_of("http://purl.org/dc/dcmitype/MovingImage"),
        Some("video")
    );
    assert_eq!(
        kind_of("http://schema.org/SoftwareApplication"),
        Some("tool")
    );
    assert_eq!(kind_of("Image"), None);
}
