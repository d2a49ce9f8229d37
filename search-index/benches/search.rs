//! Search latency on a synthetic library: `cargo bench -p search-index`.
//! Indexes N documents (default 100 000, or ARCHIPEL_BENCH_DOCS) spread over
//! five languages, compacts the index as `archipel reindex` does, then times a
//! mix of queries and reports the percentiles. Figures go in the README; no
//! test asserts a time.
//!
//! Text is drawn from a vocabulary of 4 000 words per language with Zipf's
//! law, as in real prose: the 60 most frequent are made-up "function words"
//! found in nearly every document, then come the real topical words that the
//! queries use (each in roughly a third of its language's documents), then a
//! long tail of rare words.

use std::time::Instant;

use search_index::{Request, SearchDoc, SearchIndex, Sort};

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

/// Made-up words from syllables, distinct per language and rank.
fn filler(lang: usize, rank: usize) -> String {
    const SYLLABLES: [&str; 16] = [
        "ka", "lo", "mi", "ne", "ru", "sa", "to", "vi", "ber", "dan", "gol", "pir", "sun", "tek",
        "vor", "zal",
    ];
    let mut n = rank * 7 + lang;
    let mut w = String::new();
    for _ in 0..3 {
        w.push_str(SYLLABLES[n % 16]);
        n /= 16;
    }
    w.push_str(["x", "q", "w", "y", "j"][lang]);
    w
}

/// One language's vocabulary by rank, and the cumulative Zipf weights.
struct Vocabulary {
    words: Vec<String>,
    cumulative: Vec<f64>,
}

impl Vocabulary {
    fn new(lang: usize, topical: &[&str]) -> Self {
        const SIZE: usize = 4000;
        const COMMON: usize = 60;
        let mut words: Vec<String> = (0..COMMON).map(|r| filler(lang, r)).collect();
        words.extend(topical.iter().map(|w| w.to_string()));
        words.extend((words.len()..SIZE).map(|r| filler(lang, r)));
        let mut total = 0.0;
        let cumulative = (1..=words.len())
            .map(|rank| {
                total += 1.0 / rank as f64;
                total
            })
            .collect();
        Vocabulary { words, cumulative }
    }

    fn pick(&self, rng: &mut Rng) -> &str {
        let last = self.cumulative[self.cumulative.len() - 1];
        let x = (rng.next() % 1_000_000) as f64 / 1_000_000.0 * last;
        let i = self.cumulative.partition_point(|c| *c < x);
        &self.words[i.min(self.words.len() - 1)]
    }
}

fn main() {
    let n: usize = std::env::var("ARCHIPEL_BENCH_DOCS")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(100_000);
    let dir = tempfile::tempdir().expect("temp dir");
    let index = SearchIndex::open(dir.path()).expect("index");
    let vocabularies: Vec<Vocabulary> = LANGS
        .iter()
        .enumerate()
        .map(|(i, (_, words))| Vocabulary::new(i, words))
        .collect();
    let mut rng = Rng(0x5eed_1234_abcd_0001);
    let started = Instant::now();
    let mut batch = Vec::with_capacity(1000);
    for i in 0..n {
        let (lang, topical) = LANGS[i % LANGS.len()];
        let vocabulary = &vocabularies[i % LANGS.len()];
        // Titles name the topic: topical words only.
        let title: Vec<&str> = (0..5).map(|_| rng.pick(topical)).collect();
        let body: Vec<&str> = (0..300).map(|_| vocabulary.pick(&mut rng)).collect();
        let mut doc = SearchDoc::single(
            &format!("resource:{i}"),
            "resource",
            lang,
            &title.join(" "),
            &body.join(" "),
            &format!("/library/{i}"),
        );
        // Facets as the library gives them: a type, a topic with its broader
        // one, a partner, a country; and a publication date.
        let topic = TOPICS[i % TOPICS.len()];
        doc.facets.extend([
            format!("type/{}", KINDS[i % KINDS.len()]),
            format!("topic/{topic}"),
            "topic/digital-ethics".to_string(),
            format!("partner/p{}", i % 5),
            format!("country/{}", ["FR", "IT", "DE", "BE", "HR"][i % 5]),
        ]);
        doc.topics = topic.replace('-', " ");
        doc.date = Some(1_600_000_000 + (i as i64) * 600);
        batch.push(doc);
        if batch.len() == 1000 {
            index.upsert(&batch).expect("upsert");
            batch.clear();
        }
    }
    index.upsert(&batch).expect("upsert");
    index.commit().expect("commit");
    let indexing = started.elapsed();
    let compacting = Instant::now();
    index.compact().expect("compact");
    let compacting = compacting.elapsed();
    let size: u64 = std::fs::read_dir(dir.path())
        .unwrap()
        .filter_map(|e| e.ok()?.metadata().ok())
        .map(|m| m.len())
        .sum();
    println!(
        "indexed {n} documents of 300 words in {:.1} s ({:.0} docs/s), compacted into {} segment(s) in {:.1} s, {:.0} MB on disk",
        indexing.as_secs_f64(),
        n as f64 / indexing.as_secs_f64(),
        index.segments(),
        compacting.as_secs_f64(),
        size as f64 / 1e6
    );

    // A realistic mix: words, phrases, exclusions, facet filters, browsing
    // by facets only, a typo (fuzzy, with "did you mean"), typing (prefix)
    // and newest first.
    let queries: Vec<(&str, Vec<&str>, Sort, bool)> = vec![
        ("education", vec![], Sort::Relevance, false),
        ("hébergement libre", vec![], Sort::Relevance, false),
        ("Vereine", vec![], Sort::Relevance, false),
        ("udrugama", vec![], Sort::Relevance, false),
        (
            "formazione digitale",
            vec!["type/guide"],
            Sort::Relevance,
            false,
        ),
        (
            "privacy server",
            vec!["topic/data-protection"],
            Sort::Relevance,
            false,
        ),
        ("\"association hosting\"", vec![], Sort::Relevance, false),
        (
            "logiciel",
            vec!["country/FR", "country/BE"],
            Sort::Relevance,
            false,
        ),
        (
            "atelier numérique -Werkstatt",
            vec![],
            Sort::Relevance,
            false,
        ),
        (
            "",
            vec!["topic/digital-ethics", "type/video"],
            Sort::Relevance,
            false,
        ),
        ("riservatezaa", vec![], Sort::Relevance, false),
        ("zajednica priv", vec![], Sort::Relevance, true),
        ("Datensch", vec![], Sort::Relevance, true),
        ("training", vec!["lang/en"], Sort::Newest, false),
    ];
    let request = |text: &str, filters: &[&str], sort: Sort, prefix: bool| Request {
        text: text.to_string(),
        lang: "fr".to_string(),
        filters: filters.iter().map(|f| f.to_string()).collect(),
        limit: 10,
        offset: 0,
        sort,
        prefix,
    };
    let mut by_query: Vec<Vec<f64>> = vec![Vec::new(); queries.len()];
    for (q, f, s, p) in &queries {
        let r = index.find(&request(q, f, *s, *p)).expect("warm-up");
        assert!(r.total > 0, "{q} finds something");
    }
    let mut times = Vec::new();
    for _ in 0..200 {
        for (i, (q, f, s, p)) in queries.iter().enumerate() {
            let t = Instant::now();
            index.find(&request(q, f, *s, *p)).expect("search");
            let ms = t.elapsed().as_secs_f64() * 1000.0;
            times.push(ms);
            by_query[i].push(ms);
        }
    }
    times.sort_by(f64::total_cmp);
    let pct = |times: &[f64], p: f64| times[((times.len() as f64 - 1.0) * p) as usize];
    for (i, (q, f, s, p)) in queries.iter().enumerate() {
        let t = &mut by_query[i];
        t.sort_by(f64::total_cmp);
        let matches = index.find(&request(q, f, *s, *p)).expect("search").total;
        println!(
            "  {:<32} {:<40} {:>6} matches  p50 {:.2} ms  p99 {:.2} ms",
            format!(
                "{q:?}{}{}",
                if *p { " (typing)" } else { "" },
                if *s == Sort::Newest { " (newest)" } else { "" }
            ),
            f.join(" "),
            matches,
            pct(t, 0.5),
            pct(t, 0.99)
        );
    }
    println!(
        "top-10 with snippets, total and all facet counts, {} searches: p50 {:.2} ms, p95 {:.2} ms, p99 {:.2} ms, max {:.2} ms",
        times.len(),
        pct(&times, 0.5),
        pct(&times, 0.95),
        pct(&times, 0.99),
        times[times.len() - 1]
    );
}
