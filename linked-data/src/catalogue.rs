//! The instance's data described for catalogues and crawlers: a DCAT
//! `dcat:Catalog` with one `dcat:Dataset` (everything the RDF store holds),
//! its distributions (the dumps, the SPARQL endpoint as a
//! `dcat:DataService`), and the same dataset as a `void:Dataset` with its
//! figures (triples, entities, classes), which `/.well-known/void` answers.

use oxigraph::model::Graph;

use crate::map::Builder;
use crate::uris::Uris;
use crate::vocab::{DCT, SCHEMA, SKOS, dcat, dct, void};

/// IANA's registry of media types, whose URIs DCAT uses for
/// `dcat:mediaType` and `dcat:compressFormat`.
const IANA: &str = "https://www.iana.org/assignments/media-types/";

/// A dump as the catalogue announces it.
#[derive(Debug, Clone)]
pub struct Dump {
    pub url: String,
    /// The media type once uncompressed (`application/n-quads`).
    pub media_type: String,
    /// The W3C format URI (`http://www.w3.org/ns/formats/N-Quads`).
    pub format_uri: String,
    /// `application/gzip` when compressed.
    pub compression: Option<String>,
    pub bytes: Option<u64>,
}

/// What is known about the dataset now.
#[derive(Debug, Clone, Default)]
pub struct Facts {
    /// When the data was last written out (RFC 3339), if ever.
    pub modified: Option<String>,
    pub triples: u64,
    pub entities: u64,
    /// `(class IRI, subjects of that class)`.
    pub classes: Vec<(String, u64)>,
    pub dumps: Vec<Dump>,
    /// The languages the site's pages are offered in (the landing pages).
    pub page_languages: Vec<String>,
}

/// The catalogue, its dataset, distributions and service.
pub fn catalogue(g: &mut Graph, uris: &Uris, facts: &Facts) {
    let catalogue = uris.catalogue();
    let dataset = uris.dataset();
    let service = uris.sparql();
    let mut b = Builder { graph: g };

    b.a(&catalogue, dcat("Catalog"));
    for (lang, title) in [
        ("en", "Archipel: courses and shared library"),
        ("fr", "Archipel : cours et bibliothèque partagée"),
    ] {
        b.lang_text(&catalogue, dct("title"), title, lang);
    }
    b.link(&catalogue, dcat("dataset"), &dataset);
    b.link(&catalogue, dcat("service"), &service);
    b.link(
        &catalogue,
        crate::vocab::foaf("homepage"),
        &format!("{}/", uris.base()),
    );

    b.a(&dataset, dcat("Dataset"));
    b.a(&dataset, void("Dataset"));
    for (lang, title, description) in [
        (
            "en",
            "Courses, library resources, topics, partners and providers of this Archipel instance",
            "Every course with its modules and lessons, every published library resource with its translations, the topic scheme, the partner organisations and the published profiles of the providers directory, described with schema.org (LRMI) and SKOS.",
        ),
        (
            "fr",
            "Cours, ressources de la bibliothèque, thèmes, partenaires et prestataires de cette instance d’Archipel",
            "Chaque cours avec ses modules et leçons, chaque ressource publiée de la bibliothèque avec ses traductions, le schéma de thèmes, les organisations partenaires et les profils publiés de l’annuaire des prestataires, décrits avec schema.org (LRMI) et SKOS.",
        ),
    ] {
        b.lang_text(&dataset, dct("title"), title, lang);
        b.lang_text(&dataset, dct("description"), description, lang);
    }
    for lang in &facts.page_languages {
        b.link(&dataset, dcat("landingPage"), &uris.page(lang, "/data"));
    }
    if let Some(modified) = &facts.modified {
        b.date_time(&dataset, dct("modified"), modified);
    }

    // VoID: how to reach the data and what it holds.
    b.link(&dataset, void("sparqlEndpoint"), &service);
    b.text(&dataset, void("uriSpace"), &format!("{}/", uris.base()));
    for vocabulary in [SCHEMA, SKOS, DCT] {
        b.link(&dataset, void("vocabulary"), vocabulary);
    }
    b.link(&dataset, void("rootResource"), &uris.scheme());
    b.typed(
        &dataset,
        void("triples"),
        &facts.triples.to_string(),
        "integer",
    );
    b.typed(
        &dataset,
        void("entities"),
        &facts.entities.to_string(),
        "integer",
    );
    for (n, (class, count)) in facts.classes.iter().enumerate() {
        let partition = format!("{dataset}#class-{}", n + 1);
        b.link(&dataset, void("classPartition"), &partition);
        b.link(&partition, void("class"), class);
        b.typed(&partition, void("entities"), &count.to_string(), "integer");
    }

    for dump in &facts.dumps {
        let extension = dump.url.rsplit('/').next().unwrap_or_default();
        let distribution = format!("{dataset}#dump-{}", extension.replace('.', "-"));
        b.link(&dataset, void("dataDump"), &dump.url);
        b.link(&dataset, void("feature"), &dump.format_uri);
        b.link(&dataset, dcat("distribution"), &distribution);
        b.a(&distribution, dcat("Distribution"));
        b.link(&distribution, dcat("downloadURL"), &dump.url);
        b.link(&distribution, dcat("accessURL"), &dump.url);
        b.link(
            &distribution,
            dcat("mediaType"),
            &format!("{IANA}{}", dump.media_type),
        );
        b.link(&distribution, dct("format"), &dump.format_uri);
        if let Some(compression) = &dump.compression {
            b.link(
                &distribution,
                dcat("compressFormat"),
                &format!("{IANA}{compression}"),
            );
        }
        if let Some(bytes) = dump.bytes {
            b.typed(
                &distribution,
                dcat("byteSize"),
                &bytes.to_string(),
                "nonNegativeInteger",
            );
        }
        if let Some(modified) = &facts.modified {
            b.date_time(&distribution, dct("modified"), modified);
        }
    }

    // The SPARQL endpoint as a distribution and as a data service.
    let endpoint = format!("{dataset}#sparql");
    b.link(&dataset, dcat("distribution"), &endpoint);
    b.a(&endpoint, dcat("Distribution"));
    b.link(&endpoint, dcat("accessURL"), &service);
    b.link(&endpoint, dcat("accessService"), &service);
    b.a(&service, dcat("DataService"));
    b.link(&service, dcat("endpointURL"), &service);
    b.link(&service, dcat("servesDataset"), &dataset);
    b.link(
        &service,
        dcat("endpointDescription"),
        &format!("{}/.well-known/void", uris.base()),
    );
    b.link(
        &service,
        dct("conformsTo"),
        "https://www.w3.org/TR/sparql11-protocol/",
    );
}
