//! Search latency on a synthetic library: `cargo bench -p search-index`.
//! Indexes N documents (default 100 000, or ARCHIPEL_BENCH_DOCS) spread over the
//! supported languages, then times one- and two-word queries and reports the
//! percentiles. Figures go in the README; no test asserts a time.

use std::time::Instant;

use search_index::{Request, SearchDoc, SearchIndex};

/// A small deterministic generator, so every run indexes the same text.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
    fn pick<'a>(&mut self, words: &[&'a str]) -> &'a str {
        words[(self.next() % words.len() as u64) as usize]
    }
}

const LANGS: [(&str, &[&str]); 5] = [
    (
        "fr",
        &[
            "association",
            "hébergement",
            "libre",
            "éducation",
            "populaire",
            "numérique",
            "atelier",
            "logiciel",
            "données",
            "collectif",
            "réseau",
            "formation",
            "serveur",
            "courriel",
            "vie",
            "privée",
        ],
    ),
    (
        "en",
        &[
            "association",
            "hosting",
            "free",
            "education",
            "popular",
            "digital",
            "workshop",
            "software",
            "data",
            "collective",
            "network",
            "training",
            "server",
            "email",
            "privacy",
            "community",
        ],
    ),
    (
        "de",
        &[
            "Verein",
            "Hosting",
            "frei",
            "Bildung",
            "digital",
            "Werkstatt",
            "Software",
            "Daten",
            "Kollektiv",
            "Netzwerk",
            "Schulung",
            "Server",
            "Datenschutz",
            "Gemeinschaft",
            "Anleitung",
            "Vereine",
        ],
    ),
    (
        "it",
        &[
            "associazione",
            "hosting",
            "libero",
            "educazione",
            "popolare",
            "digitale",
            "laboratorio",
            "software",
            "dati",
            "collettivo",
            "rete",
            "formazione",
            "server",
            "riservatezza",
            "comunità",
            "guida",
        ],
    ),
    (
        "hr",
        &[
            "udruga",
            "udruge",
            "hosting",
            "slobodan",
            "obrazovanje",
            "digitalni",
            "radionica",
            "softver",
            "podaci",
            "kolektiv",
            "mreža",
            "edukacija",
            "poslužitelj",
            "privatnost",
            "zajednica",
            "vodič",
        ],
    ),
];

const KINDS: [&str; 8] = [
    "guide",
    "video",
    "workshop-kit",
    "article",
    "tool",
    "course",
    "podcast",
    "dataset",
];
const TOPICS: [&str; 6] = [
    "free-software",
    "data-protection",
    "alternative-hosting",
    "popular-education",
    "security",
    "funding",
];

fn main() {
    let n: usize = std::env::var("ARCHIPEL_BENCH_DOCS")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(100_000);
    let dir = tempfile::tempdir().expect("temp dir");
    let index = SearchIndex::open(dir.path()).expect("index");
    let mut rng = Rng(0x5eed_1234_abcd_0001);
    let started = Instant::now();
    let mut batch = Vec::with_capacity(1000);
    for i in 0..n {
        let (lang, words) = LANGS[i % LANGS.len()];
        let title: Vec<&str> = (0..5).map(|_| rng.pick(words)).collect();
        let body: Vec<&str> = (0..300).map(|_| rng.pick(words)).collect();
        let mut doc = SearchDoc::single(
            &format!("resource:{i}"),
            "resource",
            lang,
            &title.join(" "),
            &body.join(" "),
            &format!("/library/{i}"),
        );
        // Facets as the library gives them: a type, a topic with its broader
        // one, a partner, a country.
        let topic = TOPICS[i % TOPICS.len()];
        doc.facets.extend([
            format!("type/{}", KINDS[i % KINDS.len()]),
            format!("topic/{topic}"),
            "topic/digital-ethics".to_string(),
            format!("partner/p{}", i % 5),
            format!("country/{}", ["FR", "IT", "DE", "BE", "HR"][i % 5]),
        ]);
        doc.topics = topic.replace('-', " ");
        batch.push(doc);
        if batch.len() == 1000 {
            index.upsert(&batch).expect("upsert");
            batch.clear();
        }
    }
    index.upsert(&batch).expect("upsert");
    index.commit().expect("commit");
    let indexing = started.elapsed();
    let size: u64 = std::fs::read_dir(dir.path())
        .unwrap()
        .filter_map(|e| e.ok()?.metadata().ok())
        .map(|m| m.len())
        .sum();
    println!(
        "indexed {n} documents of 300 words in {:.1} s ({:.0} docs/s), {:.0} MB on disk",
        indexing.as_secs_f64(),
        n as f64 / indexing.as_secs_f64(),
        size as f64 / 1e6
    );

    // A realistic mix: words, phrases, facet filters, browsing by facets only.
    let queries: Vec<(&str, Vec<&str>)> = vec![
        ("education", vec![]),
        ("hébergement libre", vec![]),
        ("Vereine", vec![]),
        ("udrugama", vec![]),
        ("formazione digitale", vec!["type/guide"]),
        ("privacy server", vec!["topic/data-protection"]),
        ("\"association hosting\"", vec![]),
        ("logiciel", vec!["country/FR", "country/BE"]),
        ("atelier numérique -Werkstatt", vec![]),
        ("", vec!["topic/digital-ethics", "type/video"]),
    ];
    let request = |text: &str, filters: &[&str]| Request {
        text: text.to_string(),
        lang: "fr".to_string(),
        filters: filters.iter().map(|f| f.to_string()).collect(),
        limit: 10,
        offset: 0,
    };
    for (q, f) in &queries {
        index.find(&request(q, f)).expect("warm-up");
    }
    let mut times = Vec::new();
    for round in 0..200 {
        for (q, f) in &queries {
            let t = Instant::now();
            let r = index.find(&request(q, f)).expect("search");
            times.push(t.elapsed().as_secs_f64() * 1000.0);
            if round == 0 {
                assert!(r.total > 0, "{q} finds something");
            }
        }
    }
    times.sort_by(f64::total_cmp);
    let pct = |p: f64| times[((times.len() as f64 - 1.0) * p) as usize];
    println!(
        "top-10 with snippets, total and all facet counts, {} queries (words, phrases, exclusions, filters, facet browsing): p50 {:.2} ms, p95 {:.2} ms, p99 {:.2} ms, max {:.2} ms",
        times.len(),
        pct(0.5),
        pct(0.95),
        pct(0.99),
        times[times.len() - 1]
    );
}
