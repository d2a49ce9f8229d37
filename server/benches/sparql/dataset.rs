//! The bench's library, made with the real mapping (`linked_data::map`): the
//! shipped topic scheme and courses, synthetic partners, and synthetic
//! resources with published texts in five languages whose titles and
//! descriptions are drawn from small word lists. A fixed seed gives the same
//! quads on every run. Each entity is one named graph named by its URI, as
//! the server's projection writes them, serialised once as N-Quads.

use std::path::Path;

use linked_data::{Graph, Uris, map};
use oxigraph::io::{RdfFormat, RdfSerializer, WriterQuadSerializer};
use oxigraph::model::{GraphNameRef, NamedNode};
use rand::rngs::StdRng;
use rand::seq::IndexedRandom;
use rand::{Rng, SeedableRng};
use store::library::files::ResourceFile;
use store::library::{Kind, LICENCES, Origin, Resource, ResourceText, Status};
use store::organisations::Organisation;

pub const LANGS: [&str; 5] = ["fr", "en", "de", "it", "hr"];

/// What was made, and what the queries pick their parameters from.
pub struct Dataset {
    pub nquads: Vec<u8>,
    pub graphs: usize,
    pub quads: usize,
    pub resources: Vec<String>,
    pub partners: Vec<String>,
    pub topics: Vec<String>,
    pub courses: usize,
}

/// Words of titles and descriptions, the first ones the most frequent.
fn words(lang: &str) -> Vec<&'static str> {
    match lang {
        "fr" => concat!(
            "le la des pour et une avec sur les du logiciel libre association données ",
            "hébergement réseau atelier bénévoles sauvegarde chiffrement serveur communauté ",
            "formation guide pratique numérique vie privée messagerie partage outils ",
            "collectif accessibilité citoyens décentralisé éthique sécurité mots de passe ",
            "courriel visioconférence migration cloud licence sobriété matériel réemploi ",
            "fédération modération",
        ),
        "en" => concat!(
            "the a of for and to with on in your free software association data hosting ",
            "network workshop volunteers backup encryption server community training guide ",
            "practical digital privacy messaging sharing tools collective accessibility ",
            "citizens decentralised ethics security passwords email video calls migration ",
            "cloud licence frugal hardware reuse federation moderation nonprofit self-hosting",
        ),
        "de" => concat!(
            "die der und für mit das ein auf im von freie Software Verein Daten Hosting ",
            "Netzwerk Werkstatt Ehrenamtliche Datensicherung Verschlüsselung Server ",
            "Gemeinschaft Schulung Leitfaden praktisch digital Datenschutz Messenger Teilen ",
            "Werkzeuge Kollektiv Barrierefreiheit Bürger dezentral Ethik Sicherheit ",
            "Passwörter E-Mail Videokonferenz Umzug Cloud Lizenz Genügsamkeit Hardware ",
            "Wiederverwendung Föderation Moderation gemeinnützig Selbsthosting Bildung",
        ),
        "it" => concat!(
            "il la di per e una con su i del software libero associazione dati hosting rete ",
            "laboratorio volontari backup crittografia server comunità formazione guida ",
            "pratica digitale privacy messaggistica condivisione strumenti collettivo ",
            "accessibilità cittadini decentralizzato etica sicurezza password posta ",
            "videochiamate migrazione cloud licenza sobrietà hardware riuso federazione ",
            "moderazione terzo settore scuola",
        ),
        _ => concat!(
            "i za u s na od je kako se do slobodni softver udruga podaci hosting mreža ",
            "radionica volonteri sigurnosna kopija šifriranje poslužitelj zajednica obuka ",
            "vodič praktični digitalni privatnost poruke dijeljenje alati kolektiv ",
            "pristupačnost građani decentralizirano etika sigurnost lozinke e-pošta ",
            "videopozivi migracija oblak licenca umjerenost oprema ponovna uporaba federacija ",
            "moderiranje obrazovanje",
        ),
    }
    .split(' ')
    .collect()
}

fn capitalised(s: &str) -> String {
    let mut chars = s.chars();
    chars.next().map_or_else(String::new, |first| {
        first.to_uppercase().chain(chars).collect()
    })
}

/// `n` words, frequent words more often (a rough Zipf law).
fn phrase(rng: &mut StdRng, lang: &str, n: usize) -> String {
    let list = words(lang);
    let picked: Vec<&str> = (0..n)
        .map(|_| list[(rng.random::<f64>().powi(2) * list.len() as f64) as usize])
        .collect();
    capitalised(&picked.join(" "))
}

/// A title of 4 to 10 words and a description of 2 to 4 sentences.
fn text(rng: &mut StdRng, lang: &str, origin: Origin, status: Status) -> ResourceText {
    let title_words = rng.random_range(4..=10);
    let title = phrase(rng, lang, title_words);
    let sentences: Vec<String> = (0..rng.random_range(2..=4))
        .map(|_| {
            let n = rng.random_range(8..=18);
            phrase(rng, lang, n) + "."
        })
        .collect();
    ResourceText {
        lang: lang.to_string(),
        title,
        description: sentences.join(" "),
        origin,
        status,
    }
}

const CITIES: [&str; 15] = [
    "Bruxelles",
    "Lyon",
    "Liège",
    "Nantes",
    "Berlin",
    "Wien",
    "Leipzig",
    "Bologna",
    "Torino",
    "Milano",
    "Zagreb",
    "Split",
    "Rijeka",
    "Genève",
    "Lille",
];
const FIRST: [&str; 16] = [
    "Marie", "Jean", "Lena", "Paul", "Giulia", "Marco", "Ana", "Ivan", "Claire", "Tobias", "Sara",
    "Luka", "Élise", "Jonas", "Chiara", "Petra",
];
const LAST: [&str; 16] = [
    "Dubois",
    "Martin",
    "Schmidt",
    "Weber",
    "Rossi",
    "Bianchi",
    "Horvat",
    "Kovačević",
    "Lefebvre",
    "Fischer",
    "Romano",
    "Babić",
    "Moreau",
    "Wagner",
    "Ricci",
    "Novak",
];

/// Partners: a kind of organisation in a city, with its country and
/// languages.
fn partner(rng: &mut StdRng, i: usize) -> Organisation {
    let city = CITIES[i % CITIES.len()];
    let (country, lang) = match city {
        "Bruxelles" | "Liège" => ("BE", "fr"),
        "Lyon" | "Nantes" | "Lille" => ("FR", "fr"),
        "Genève" => ("CH", "fr"),
        "Berlin" | "Leipzig" => ("DE", "de"),
        "Wien" => ("AT", "de"),
        "Bologna" | "Torino" | "Milano" => ("IT", "it"),
        _ => ("HR", "hr"),
    };
    let kind = [
        "Atelier numérique",
        "Collectif libre",
        "Maison des associations",
    ][i / 15 % 3];
    let mut languages = vec![lang.to_string()];
    for other in LANGS {
        if other != lang && rng.random_bool(0.3) {
            languages.push(other.to_string());
        }
    }
    let slug = format!("partner-{i:02}-{}", city.to_lowercase());
    Organisation {
        id: i as i64 + 1,
        website: format!("https://{slug}.example.org/"),
        slug,
        name: format!("{kind} {city} {}", i + 1),
        country: country.to_string(),
        languages,
        logo: rng.random_bool(0.6).then(|| format!("logo-{i}.png")),
    }
}

/// A stored time (`…T…:…:….000000Z`) in a year of `years`.
fn stored_time(rng: &mut StdRng, years: std::ops::RangeInclusive<i32>) -> String {
    format!(
        "{}-{:02}-{:02}T{:02}:{:02}:{:02}.{:06}Z",
        rng.random_range(years),
        rng.random_range(1..=12),
        rng.random_range(1..=28),
        rng.random_range(0..24),
        rng.random_range(0..60),
        rng.random_range(0..60),
        rng.random_range(0..1_000_000)
    )
}

fn resource(
    rng: &mut StdRng,
    uid: String,
    org: &Organisation,
    concepts: &[String],
    n: usize,
) -> Resource {
    let original = org.languages.choose(rng).unwrap().clone();
    let published_texts = match rng.random_range(0..100) {
        0..60 => 1,
        60..90 => 2,
        _ => 3,
    };
    let mut langs = vec![original.clone()];
    while langs.len() < published_texts {
        let l = LANGS.choose(rng).unwrap().to_string();
        if !langs.contains(&l) {
            langs.push(l);
        }
    }
    let mut texts: Vec<ResourceText> = langs
        .iter()
        .enumerate()
        .map(|(i, l)| {
            let origin = if i == 0 {
                Origin::Original
            } else {
                Origin::Human
            };
            text(rng, l, origin, Status::Published)
        })
        .collect();
    // Some translations are still being written: not in the RDF.
    if rng.random_bool(0.1) {
        let l = LANGS.choose(rng).unwrap();
        if !langs.iter().any(|x| x == l) {
            texts.push(text(rng, l, Origin::MachineAssisted, Status::Draft));
        }
    }
    let mut topics: Vec<String> = Vec::new();
    let wanted = match rng.random_range(0..100) {
        0..45 => 1,
        45..80 => 2,
        _ => 3,
    };
    while topics.len() < wanted {
        // Some topics are much more common than others.
        let t = &concepts[(rng.random::<f64>().powf(1.5) * concepts.len() as f64) as usize];
        if !topics.contains(t) {
            topics.push(t.clone());
        }
    }
    let authors = (0..if rng.random_bool(0.15) { 2 } else { 1 })
        .map(|_| {
            format!(
                "{} {}",
                FIRST.choose(rng).unwrap(),
                LAST.choose(rng).unwrap()
            )
        })
        .collect();
    let published = stored_time(rng, 2019..=2025);
    let updated = if rng.random_bool(0.3) {
        stored_time(rng, 2025..=2025).max(published.clone())
    } else {
        published.clone()
    };
    let file_count = match rng.random_range(0..100) {
        0..88 => 0,
        88..97 => 1,
        _ => 2,
    };
    let files = (0..file_count)
        .map(|f| {
            let (ext, media_type) = [
                ("pdf", "application/pdf"),
                ("odt", "application/vnd.oasis.opendocument.text"),
                ("mp3", "audio/mpeg"),
                ("png", "image/png"),
            ][rng.random_range(0..4)];
            ResourceFile {
                id: (n * 3 + f) as i64 + 1,
                stored_name: format!("{uid}-{f}.{ext}"),
                file_name: format!("{}-{n}.{ext}", words("en")[10 + f]),
                media_type: media_type.to_string(),
                bytes: rng.random_range(20_000..40_000_000),
                thumbnail: None,
                created_at: published.clone(),
            }
        })
        .collect();
    let level = ["Débutant", "Intermédiaire", "Avancé", "Tous niveaux"];
    let audience = [
        "Bénévoles",
        "Animateurs et animatrices",
        "Grand public",
        "Salariés",
    ];
    Resource {
        id: n as i64 + 1,
        kind: *Kind::ALL.choose(rng).unwrap(),
        original_language: original,
        audience: if rng.random_bool(0.15) {
            audience.choose(rng).unwrap().to_string()
        } else {
            String::new()
        },
        educational_level: if rng.random_bool(0.3) {
            level.choose(rng).unwrap().to_string()
        } else {
            String::new()
        },
        licence: LICENCES.choose(rng).unwrap().to_string(),
        country: if rng.random_bool(0.8) {
            org.country.clone()
        } else {
            String::new()
        },
        organisation_id: org.id,
        authors,
        date_created: format!(
            "{}-{:02}-{:02}",
            rng.random_range(2008..=2019),
            rng.random_range(1..=12),
            rng.random_range(1..=28)
        ),
        url: if rng.random_bool(0.4) {
            format!("{}resources/{n}", org.website)
        } else {
            String::new()
        },
        thumbnail: rng.random_bool(0.12).then(|| format!("{uid}.webp")),
        status: Status::Published,
        status_reason: String::new(),
        views: rng.random_range(0..5000),
        created_at: published.clone(),
        updated_at: updated,
        published_at: Some(published),
        texts,
        topics,
        files,
        uid,
    }
}

/// Collects graphs into one N-Quads document.
struct Quads {
    writer: WriterQuadSerializer<Vec<u8>>,
    graphs: usize,
    quads: usize,
}

impl Quads {
    fn put(&mut self, name: &str, graph: &Graph) {
        let name = NamedNode::new(name).unwrap();
        for t in graph.iter() {
            let quad = t.in_graph(GraphNameRef::NamedNode(name.as_ref()));
            self.writer.serialize_quad(quad).unwrap();
        }
        self.graphs += 1;
        self.quads += graph.len();
    }
}

/// `count` resources over `partners` partners, with the content folder's
/// topic scheme and courses.
pub fn build(content: &Path, uris: &Uris, count: usize, partners: usize) -> Dataset {
    let mut rng = StdRng::seed_from_u64(20_260_101);
    let library = courses::load(content).unwrap_or_else(|r| panic!("{r}"));
    let concepts = server::cli::shipped_concepts(&library);
    let mut out = Quads {
        writer: RdfSerializer::from_format(RdfFormat::NQuads).for_writer(Vec::new()),
        graphs: 0,
        quads: 0,
    };
    let mut g = Graph::new();
    map::scheme_node(&mut g, uris, &concepts);
    out.put(&uris.scheme(), &g);
    for c in &concepts {
        let mut g = Graph::new();
        map::concept(&mut g, uris, c, &concepts);
        out.put(&uris.concept(&c.id), &g);
    }
    // The resources the shipped lessons cite come first, so citations lead
    // somewhere.
    let mut uids: Vec<String> = Vec::new();
    for course in &library.courses {
        let mut g = Graph::new();
        let cites = |lesson: &courses::Lesson| -> Vec<String> {
            lesson
                .versions
                .values()
                .flat_map(|v| projections::rdf::cited_resources(&v.text.markdown))
                .collect()
        };
        for lesson in course.lessons() {
            for uid in cites(lesson) {
                if !uids.contains(&uid) {
                    uids.push(uid);
                }
            }
        }
        map::course(&mut g, uris, course, &cites);
        out.put(&uris.course(&course.slug), &g);
    }
    let orgs: Vec<Organisation> = (0..partners).map(|i| partner(&mut rng, i)).collect();
    for o in &orgs {
        let mut g = Graph::new();
        map::partner(&mut g, uris, o);
        out.put(&uris.partner(&o.slug), &g);
    }
    let topic_ids: Vec<String> = concepts.iter().map(|c| c.id.clone()).collect();
    let mut all: std::collections::BTreeSet<String> = uids.into_iter().collect();
    while all.len() < count {
        all.insert(format!("{:012x}", rng.random::<u64>() >> 16));
    }
    let uids: Vec<String> = all.into_iter().collect();
    for (n, uid) in uids.iter().enumerate() {
        // Bigger and smaller partners.
        let org = &orgs[(rng.random::<f64>().powf(1.3) * orgs.len() as f64) as usize];
        let r = resource(&mut rng, uid.clone(), org, &topic_ids, n);
        let mut g = Graph::new();
        map::resource(&mut g, uris, &r, &org.slug);
        out.put(&uris.resource(uid), &g);
    }
    Dataset {
        nquads: out.writer.finish().unwrap(),
        graphs: out.graphs,
        quads: out.quads,
        resources: uids,
        partners: orgs.into_iter().map(|o| o.slug).collect(),
        topics: topic_ids,
        courses: library.courses.len(),
    }
}
