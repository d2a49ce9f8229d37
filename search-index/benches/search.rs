//! Search latency on a synthetic library: `cargo bench -p search-index`.
//! Indexes N documents (default 100 000, or ARCHIPEL_BENCH_DOCS) spread over the
//! supported languages, then times one- and two-word queries and reports the
//! percentiles. Figures go in the README; no test asserts a time.

use std::time::Instant;

use search_index::{SearchDoc, SearchIndex};

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
        batch.push(SearchDoc::single(
            &format!("resource:{i}"),
            "resource",
            lang,
            &title.join(" "),
            &body.join(" "),
            &format!("/library/{i}"),
        ));
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

    let queries = [
        "education",
        "hébergement libre",
        "Vereine",
        "udrugama",
        "formazione digitale",
        "privacy server",
        "zajednica",
        "logiciel",
        "atelier numérique",
        "Datenschutz",
    ];
    for q in queries {
        index.search(q, 10, 0).expect("warm-up");
    }
    let mut times = Vec::new();
    for round in 0..200 {
        for q in queries {
            let t = Instant::now();
            let r = index.search(q, 10, 0).expect("search");
            times.push(t.elapsed().as_secs_f64() * 1000.0);
            if round == 0 {
                assert!(r.total > 0, "{q} finds something");
            }
        }
    }
    times.sort_by(f64::total_cmp);
    let pct = |p: f64| times[((times.len() as f64 - 1.0) * p) as usize];
    println!(
        "top-10 with snippets and total count, {} queries: p50 {:.2} ms, p95 {:.2} ms, p99 {:.2} ms, max {:.2} ms",
        times.len(),
        pct(0.5),
        pct(0.95),
        pct(0.99),
        times[times.len() - 1]
    );
}
