//! What the stores are filled with: one graph per entity type, as the
//! server's projection writes them (the same entities as the mapping tests
//! of the crate).

use std::collections::BTreeMap;

use linked_data::{Graph, Uris, map};
use store::concepts::Concept;
use store::library::{Kind, Origin, Resource, ResourceText, Status};

pub fn uris() -> Uris {
    Uris::new("https://archipel.example.org")
}

fn text(lang: &str, title: &str, origin: Origin, status: Status) -> ResourceText {
    ResourceText {
        lang: lang.into(),
        title: title.into(),
        description: format!("{title}: a description."),
        origin,
        status,
    }
}

pub fn resource() -> Resource {
    Resource {
        id: 7,
        uid: "a1b2c3".into(),
        kind: Kind::Video,
        original_language: "fr".into(),
        audience: "Associations, formateurs et formatrices".into(),
        educational_level: "Débutant à intermédiaire".into(),
        licence: "https://creativecommons.org/licenses/by-sa/4.0/".into(),
        country: "FR".into(),
        organisation_id: 1,
        authors: vec!["Camille Martin".into(), "Luka Horvat".into()],
        date_created: "2026-03-14".into(),
        url: "https://example.org/video".into(),
        thumbnail: Some("thumb.jpg".into()),
        status: Status::Published,
        status_reason: String::new(),
        views: 3,
        created_at: "2026-03-14T10:00:00.000000Z".into(),
        updated_at: "2026-04-01T09:30:00.000000Z".into(),
        published_at: Some("2026-03-15T08:00:00.000000Z".into()),
        texts: vec![
            text(
                "fr",
                "Héberger ses outils",
                Origin::Original,
                Status::Published,
            ),
            text("en", "Hosting your tools", Origin::Human, Status::Published),
            text("de", "Entwurf", Origin::MachineAssisted, Status::Draft),
        ],
        topics: vec!["alternative-hosting".into(), "backups".into()],
        files: vec![store::library::files::ResourceFile {
            id: 3,
            stored_name: "x".into(),
            file_name: "kit d'atelier.pdf".into(),
            media_type: "application/pdf".into(),
            bytes: 1234,
            thumbnail: None,
            created_at: "2026-03-14T10:00:00.000000Z".into(),
        }],
    }
}

fn concepts() -> Vec<Concept> {
    let labels = |pairs: &[(&str, &str)]| -> BTreeMap<String, String> {
        pairs
            .iter()
            .map(|(l, t)| (l.to_string(), t.to_string()))
            .collect()
    };
    vec![
        Concept {
            id: "system-administration".into(),
            broader: None,
            labels: labels(&[
                ("en", "System administration"),
                ("fr", "Administration système"),
            ]),
            alt: BTreeMap::new(),
            shipped: true,
        },
        Concept {
            id: "backups".into(),
            broader: Some("system-administration".into()),
            labels: labels(&[
                ("en", "Backups"),
                ("fr", "Sauvegardes"),
                ("hr", "Sigurnosne kopije"),
            ]),
            alt: [("de".to_string(), vec!["Backup".to_string()])]
                .into_iter()
                .collect(),
            shipped: true,
        },
    ]
}

fn partner() -> store::organisations::Organisation {
    store::organisations::Organisation {
        id: 1,
        slug: "les-tisserands-du-libre".into(),
        name: "Les Tisserands du Libre".into(),
        country: "FR".into(),
        languages: vec!["fr".into(), "en".into()],
        website: "https://tisserands.example.org".into(),
        logo: Some("abc.png".into()),
    }
}

pub fn provider_graph() -> Graph {
    let mut g = Graph::new();
    map::provider(&mut g, &uris(), "la-ruche-aux-octets", &provider());
    g
}

pub fn course_graph() -> Graph {
    let root =
        std::path::PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../courses/tests/fixtures/i18n");
    let library = courses::load(&root).expect("the translated fixture tree loads");
    let mut g = Graph::new();
    for c in &library.courses {
        map::course(&mut g, &uris(), c, &|_| vec!["a1b2c3".to_string()]);
    }
    g
}

/// A published provider profile of the directory.
pub fn provider() -> store::directory::Profile {
    use store::directory::{Area, Commitment, HelpKind, LegalForm, PriceModel, Service};
    store::directory::Profile {
        name: "La Ruche aux Octets".into(),
        original_language: "fr".into(),
        descriptions: [
            ("fr".to_string(), "Hébergement associatif.".to_string()),
            ("en".to_string(), "Hosting for associations.".to_string()),
        ]
        .into(),
        help: vec![HelpKind::Hosting, HelpKind::Training],
        services: vec![Service::Nextcloud],
        areas: vec![
            Area {
                country: "BE".into(),
                region: Some("BE1".into()),
            },
            Area {
                country: "FR".into(),
                region: None,
            },
        ],
        remote: true,
        on_site: true,
        languages: vec!["en".into(), "fr".into()],
        prices: vec![PriceModel::Donation, PriceModel::SlidingScale],
        legal_form: LegalForm::Association,
        chatons: true,
        website: "https://ruche.example.org".into(),
        logo: Some("ruche.png".into()),
        commitments: vec![Commitment::FreeSoftware, Commitment::NoTracking],
        updated_at: "2026-05-02T10:00:00.000000Z".into(),
    }
}

pub fn graphs() -> Vec<(&'static str, Graph)> {
    let mut r = Graph::new();
    map::resource(&mut r, &uris(), &resource(), "les-tisserands-du-libre");
    let mut s = Graph::new();
    map::scheme(&mut s, &uris(), &concepts());
    let mut p = Graph::new();
    map::partner(&mut p, &uris(), &partner());
    let mut v = Graph::new();
    map::vocabularies(&mut v, &uris());
    let mut d = Graph::new();
    map::comment_count(
        &mut d,
        &uris(),
        "/courses/mooc-chatons/internet/how-it-works",
        3,
    );
    vec![
        ("resource", r),
        ("topics", s),
        ("partner", p),
        ("course", course_graph()),
        ("provider", provider_graph()),
        ("vocabularies", v),
        ("discussion", d),
    ]
}
