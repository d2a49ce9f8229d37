//! SPARQL figures: `scripts/with-oxigraph.sh cargo bench -p server --bench sparql`.
//!
//! A library of 100 000 resources (2.3M quads, made with the real mapping:
//! `sparql/dataset.rs`) is bulk loaded into the standalone Oxigraph server at
//! `ARCHIPEL_TEST_OXIGRAPH_URL` (`/query`) and into the embedded store,
//! which Archipel's own HTTP stack then serves (`/sparql`, with its limits,
//! semaphore and blocking pool). The same client asks both the same query
//! mix (`sparql/queries.rs`), interleaved, with parameters drawn anew for
//! every run, and checks that they give as many results; then the data
//! page's examples as written, once each. Without the URL only the embedded
//! side runs. Reports percentiles; no test asserts a time.
//!
//! The bench's `/sparql` is generous (30 s timeout, a million results) so
//! that it measures evaluation, not the bounds; the examples run behind the
//! default timeout.

#[path = "sparql/client.rs"]
mod client;
#[path = "sparql/dataset.rs"]
mod dataset;
#[path = "sparql/queries.rs"]
mod queries;

use std::net::SocketAddr;
use std::path::Path;
use std::time::Instant;

use axum::serve::ListenerExt;
use linked_data::examples::EXAMPLES;
use oxigraph::io::RdfFormat;
use rand::SeedableRng;
use rand::rngs::StdRng;
use rand::seq::IndexedRandom;
use server::state::AppState;
use settings::{Settings, Sparql};

use client::{Client, Outcome};
use dataset::{Dataset, LANGS};
use queries::{Answer, MIX, Params};

const RESOURCES: usize = 100_000;
const PARTNERS: usize = 30;
const WARM_UP_ROUNDS: usize = 3;
/// Timed runs of each query on each side at least and at most; between, as
/// many as its share of the budget allows (cheap queries leave time to the
/// others).
const MIN_RUNS: usize = 20;
const MAX_RUNS: usize = 200;
/// Seconds the timed runs may take; `ARCHIPEL_BENCH_SECONDS` changes it
/// (and `ARCHIPEL_BENCH_RESOURCES` the size of the library, for a quick try).
const BUDGET_SECONDS: f64 = 200.0;
const SPARQL: Sparql = Sparql {
    timeout_ms: 30_000,
    max_results: 1_000_000,
    concurrent_queries: 2,
    queued_queries: 64,
    max_memory_mb: 96,
};

#[derive(Default)]
struct Stats {
    ms: Vec<f64>,
    rows: Vec<usize>,
    failures: usize,
    error: Option<String>,
}

impl Stats {
    fn record(&mut self, outcome: &Outcome) {
        match outcome {
            Outcome::Done { ms, rows } => {
                self.ms.push(*ms);
                self.rows.push(*rows);
            }
            Outcome::Failed(e) => {
                self.failures += 1;
                self.error.get_or_insert_with(|| e.clone());
            }
        }
    }
}

fn percentile(sorted: &[f64], p: f64) -> f64 {
    let rank = (p / 100.0 * sorted.len() as f64).ceil() as usize;
    sorted[rank.clamp(1, sorted.len()) - 1]
}

/// Percentiles of several samples at once, each sample weighing the same
/// however many times it was measured.
fn pooled(samples: &[&[f64]]) -> Vec<f64> {
    let mut all: Vec<(f64, f64)> = samples
        .iter()
        .filter(|s| !s.is_empty())
        .flat_map(|s| s.iter().map(|v| (*v, 1.0 / s.len() as f64)))
        .collect();
    all.sort_by(|a, b| a.0.total_cmp(&b.0));
    let total: f64 = all.iter().map(|(_, w)| w).sum();
    [50.0, 95.0, 99.0]
        .iter()
        .map(|p| {
            let mut seen = 0.0;
            all.iter()
                .find(|(_, w)| {
                    seen += w;
                    seen >= p / 100.0 * total - 1e-9
                })
                .map_or(f64::NAN, |(v, _)| *v)
        })
        .collect()
}

fn shown(ms: f64) -> String {
    if ms < 10.0 {
        format!("{ms:.2} ms")
    } else if ms < 1000.0 {
        format!("{ms:.1} ms")
    } else {
        format!("{:.2} s", ms / 1000.0)
    }
}

/// p50, p95 and p99 of `ms`, in columns.
fn columns(ms: &[f64]) -> String {
    if ms.is_empty() {
        return format!("{:>29}", "no answer");
    }
    let mut sorted = ms.to_vec();
    sorted.sort_by(f64::total_cmp);
    row(&[50.0, 95.0, 99.0].map(|p| percentile(&sorted, p)))
}

fn row(values: &[f64]) -> String {
    values
        .iter()
        .map(|v| format!("{:>9}", shown(*v)))
        .collect::<Vec<_>>()
        .join(" ")
}

fn folder_bytes(dir: &Path) -> u64 {
    std::fs::read_dir(dir)
        .unwrap()
        .map(|e| {
            let e = e.unwrap();
            let meta = e.metadata().unwrap();
            if meta.is_dir() {
                folder_bytes(&e.path())
            } else {
                meta.len()
            }
        })
        .sum()
}

/// The parameters of round `round`: the same on every run of the bench.
fn params<'a>(data: &'a Dataset, base: &'a str, round: usize) -> Params<'a> {
    let mut rng = StdRng::seed_from_u64(round as u64);
    Params {
        base,
        lang: LANGS.choose(&mut rng).unwrap(),
        uid: data.resources.choose(&mut rng).unwrap(),
        topic: data.topics.choose(&mut rng).unwrap(),
        partner: data.partners.choose(&mut rng).unwrap(),
    }
}

/// Serves Archipel's router on a loopback port, as `archipel serve` does.
async fn serve(state: AppState) -> SocketAddr {
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let addr = listener.local_addr().unwrap();
    let listener = listener.tap_io(|tcp| {
        let _ = tcp.set_nodelay(true);
    });
    let app = server::http::app(state).into_make_service_with_connect_info::<SocketAddr>();
    tokio::spawn(async move { axum::serve(listener, app).await.unwrap() });
    addr
}

struct Side {
    name: &'static str,
    url: String,
}

struct Bench<'a> {
    client: Client,
    sides: Vec<Side>,
    data: &'a Dataset,
    base: String,
    /// Per query, per side.
    stats: Vec<Vec<Stats>>,
    /// Per query, the first round where the sides disagreed.
    mismatch: Vec<Option<String>>,
    /// Per query, seconds of each warm-up run on every side.
    warm_up: Vec<Vec<f64>>,
    /// Per query, seconds of one run on every side (the median warm-up run).
    cost: Vec<f64>,
    /// Per query, its timed runs.
    runs: Vec<usize>,
}

impl Bench<'_> {
    /// Each query of the mix (in a timed round, those that still have runs
    /// to do) once on each side, the sides in turn first.
    fn round(&mut self, round: usize, timed: Option<usize>) {
        let params = params(self.data, &self.base, round);
        for (q, query) in MIX.iter().enumerate() {
            if timed.is_some_and(|n| n >= self.runs[q]) {
                continue;
            }
            let text = query.text(&params);
            let started = Instant::now();
            let mut outcomes: Vec<Option<Outcome>> = self.sides.iter().map(|_| None).collect();
            let mut order: Vec<usize> = (0..self.sides.len()).collect();
            if round % 2 == 1 {
                order.reverse();
            }
            for s in order {
                outcomes[s] = Some(self.client.query(&self.sides[s].url, &text, query.answer));
            }
            if timed.is_none() {
                self.warm_up[q].push(started.elapsed().as_secs_f64());
            }
            if let [
                Some(Outcome::Done { rows: a, .. }),
                Some(Outcome::Done { rows: b, .. }),
            ] = outcomes.as_slice()
                && a != b
                && self.mismatch[q].is_none()
            {
                self.mismatch[q] = Some(format!(
                    "round {round}: {a} results on {}, {b} on {}",
                    self.sides[0].name, self.sides[1].name
                ));
            }
            for (s, outcome) in outcomes.iter().enumerate() {
                let outcome = outcome.as_ref().unwrap();
                if timed.is_some() {
                    self.stats[q][s].record(outcome);
                } else if let Outcome::Failed(e) = outcome {
                    println!(
                        "  warm-up: {} failed on {}: {e}",
                        query.name, self.sides[s].name
                    );
                }
            }
        }
    }

    /// Shares `budget` seconds out: the cheapest queries first, each taking
    /// what it needs of an equal share of what is left.
    fn plan(&mut self, budget: f64) {
        for (q, runs) in self.warm_up.iter_mut().enumerate() {
            runs.sort_by(f64::total_cmp);
            self.cost[q] = runs[runs.len() / 2];
        }
        let mut order: Vec<usize> = (0..MIX.len()).collect();
        order.sort_by(|a, b| self.cost[*a].total_cmp(&self.cost[*b]));
        let mut left = budget;
        for (done, q) in order.into_iter().enumerate() {
            let share = left / (MIX.len() - done) as f64;
            let runs = (share / self.cost[q].max(1e-6)) as usize;
            self.runs[q] = runs.clamp(MIN_RUNS, MAX_RUNS);
            left -= self.runs[q] as f64 * self.cost[q];
        }
    }

    fn table(&self) {
        let header: Vec<String> = self
            .sides
            .iter()
            .map(|s| format!("{:^29}", s.name))
            .collect();
        println!("\n{:<38} {:>4} {:>7} | {}", "", "", "", header.join(" | "));
        let percentiles = format!("{:>9} {:>9} {:>9}", "p50", "p95", "p99");
        let sub: Vec<&str> = self.sides.iter().map(|_| percentiles.as_str()).collect();
        println!(
            "{:<38} {:>4} {:>7} | {}",
            "query",
            "runs",
            "results",
            sub.join(" | ")
        );
        for (q, query) in MIX.iter().enumerate() {
            let mut rows = self.stats[q][0].rows.clone();
            rows.sort_unstable();
            let median = rows
                .get(rows.len() / 2)
                .map_or("-".into(), |r| r.to_string());
            let cols: Vec<String> = self.stats[q].iter().map(|s| columns(&s.ms)).collect();
            println!(
                "{:<38} {:>4} {median:>7} | {}",
                query.name,
                self.runs[q],
                cols.join(" | ")
            );
        }
        let mix: Vec<String> = (0..self.sides.len())
            .map(|s| {
                let samples: Vec<&[f64]> = self.stats.iter().map(|q| q[s].ms.as_slice()).collect();
                row(&pooled(&samples))
            })
            .collect();
        println!(
            "{:<38} {:>4} {:>7} | {}",
            "whole mix",
            "",
            "",
            mix.join(" | ")
        );
        println!(
            "(runs: timed runs of each query on each side, after {WARM_UP_ROUNDS} warm-up runs, with parameters drawn anew for each; \
             results: the median number of results; whole mix: every query weighing the same)"
        );
        for (s, side) in self.sides.iter().enumerate() {
            let slowest = MIX
                .iter()
                .enumerate()
                .filter(|(q, _)| !self.stats[*q][s].ms.is_empty())
                .map(|(q, query)| {
                    let mut ms = self.stats[q][s].ms.clone();
                    ms.sort_by(f64::total_cmp);
                    (query.name, percentile(&ms, 50.0), percentile(&ms, 99.0))
                })
                .max_by(|a, b| a.1.total_cmp(&b.1));
            if let Some((name, p50, p99)) = slowest {
                println!(
                    "slowest on {}: {name} (p50 {}, p99 {})",
                    side.name,
                    shown(p50),
                    shown(p99)
                );
            }
        }
        for (q, query) in MIX.iter().enumerate() {
            for (s, side) in self.sides.iter().enumerate() {
                let stats = &self.stats[q][s];
                if let Some(e) = &stats.error {
                    println!(
                        "WARNING: {} failed {} times on {}: {e}",
                        query.name, stats.failures, side.name
                    );
                }
            }
            if let Some(m) = &self.mismatch[q] {
                println!(
                    "WARNING: {} does not give the same results: {m}",
                    query.name
                );
            }
        }
    }

    /// The data page's examples as written, once each.
    fn examples(&self, quick: &str) {
        println!(
            "\nthe data page's examples as written, once each (lang = en; this /sparql has the default sparql.timeout_ms, {} ms):",
            Sparql::default().timeout_ms
        );
        for e in EXAMPLES.iter() {
            let text = e.text(&self.base, "en");
            let answer = if text.contains("DESCRIBE") || text.contains("CONSTRUCT") {
                Answer::Graph
            } else {
                Answer::Results
            };
            let mut urls = vec![quick.to_string()];
            urls.extend(self.sides.iter().skip(1).map(|s| s.url.clone()));
            let cells: Vec<String> = urls
                .iter()
                .map(|url| match self.client.query(url, &text, answer) {
                    Outcome::Done { ms, rows } => format!("{} ({rows} results)", shown(ms)),
                    Outcome::Failed(e) => e.chars().take(60).collect(),
                })
                .collect();
            println!("  {:<24} {}", e.id, cells.join(" | "));
        }
    }
}

fn main() {
    let started = Instant::now();
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
    let dir = tempfile::tempdir().unwrap();
    let settings = Settings {
        data_dir: dir.path().join("data"),
        content_dir: root.join("content"),
        site_root: dir.path().join("site"),
        sparql: SPARQL,
        ..Settings::default()
    };
    let base = settings.public_url().to_string();
    let uris = linked_data::Uris::new(&base);

    let resources = std::env::var("ARCHIPEL_BENCH_RESOURCES")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(RESOURCES);
    let t = Instant::now();
    let data = dataset::build(&settings.content_dir, &uris, resources, PARTNERS);
    println!(
        "dataset: {} resources of {} partners, {} topics, {} courses: {} graphs, {} quads ({:.1} a resource), {} MB of N-Quads, made with the mapping in {:.1} s",
        data.resources.len(),
        data.partners.len(),
        data.topics.len(),
        data.courses,
        data.graphs,
        data.quads,
        data.quads as f64 / data.resources.len() as f64,
        data.nquads.len() >> 20,
        t.elapsed().as_secs_f64()
    );

    // The standalone server is loaded first, then the embedded store.
    let client = Client::new();
    let remote = std::env::var("ARCHIPEL_TEST_OXIGRAPH_URL")
        .ok()
        .map(|u| u.trim_end_matches('/').to_string())
        .filter(|u| !u.is_empty());
    match &remote {
        Some(url) => {
            let t = Instant::now();
            client.load_oxigraph(url, &data.nquads).unwrap();
            let secs = t.elapsed().as_secs_f64();
            println!(
                "Oxigraph server: PUT /store?no_transaction of the N-Quads (its bulk loader) {secs:.1} s ({:.0} quads/s)",
                data.quads as f64 / secs
            );
        }
        None => println!(
            "ARCHIPEL_TEST_OXIGRAPH_URL is not set: only the embedded side runs (scripts/with-oxigraph.sh runs both)"
        ),
    }

    // The embedded store, bulk loaded where the server opens it.
    let rdf_dir = settings.rdf_dir();
    std::fs::create_dir_all(&rdf_dir).unwrap();
    let t = Instant::now();
    {
        let store = oxigraph::store::Store::open(&rdf_dir).unwrap();
        let mut loader = store.bulk_loader();
        loader
            .load_from_slice(RdfFormat::NQuads, &data.nquads)
            .unwrap();
        loader.commit().unwrap();
    }
    let secs = t.elapsed().as_secs_f64();
    println!(
        "embedded store: bulk load of the N-Quads {secs:.1} s ({:.0} quads/s), {} MB on disk",
        data.quads as f64 / secs,
        folder_bytes(&rdf_dir) >> 20
    );

    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .unwrap();
    let (addr, quick_addr) = runtime.block_on(async {
        let db = store::Db::connect(&settings.database_url(), 4)
            .await
            .unwrap();
        db.migrate().await.unwrap();
        let state = AppState::new(db, settings.clone()).unwrap();
        // The same store behind the default timeout, for the examples.
        let quick = state.with_settings(Settings {
            sparql: Sparql {
                timeout_ms: Sparql::default().timeout_ms,
                ..SPARQL
            },
            ..settings.clone()
        });
        (serve(state).await, serve(quick).await)
    });
    println!(
        "Archipel serves the embedded store at http://{addr}/sparql (sparql.timeout_ms {}, max_results {}, concurrent_queries {})",
        SPARQL.timeout_ms, SPARQL.max_results, SPARQL.concurrent_queries
    );

    let mut sides = vec![Side {
        name: "Archipel /sparql (embedded)",
        url: format!("http://{addr}/sparql"),
    }];
    if let Some(url) = &remote {
        sides.push(Side {
            name: "Oxigraph server /query",
            url: format!("{url}/query"),
        });
    }
    for side in &sides {
        match client.count_quads(&side.url) {
            Ok(n) if n == data.quads as u64 => {}
            Ok(n) => println!("WARNING: {} holds {n} quads, not {}", side.name, data.quads),
            Err(e) => panic!("{} does not answer: {e}", side.name),
        }
    }

    let mut bench = Bench {
        client,
        stats: MIX
            .iter()
            .map(|_| sides.iter().map(|_| Stats::default()).collect())
            .collect(),
        mismatch: MIX.iter().map(|_| None).collect(),
        warm_up: vec![Vec::new(); MIX.len()],
        cost: vec![0.0; MIX.len()],
        runs: vec![0; MIX.len()],
        sides,
        data: &data,
        base,
    };
    for round in 0..WARM_UP_ROUNDS {
        bench.round(round, None);
    }
    let budget = std::env::var("ARCHIPEL_BENCH_SECONDS")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(BUDGET_SECONDS);
    bench.plan(budget);
    let planned: f64 = (0..MIX.len())
        .map(|q| bench.cost[q] * bench.runs[q] as f64)
        .sum();
    println!(
        "warm-up: {WARM_UP_ROUNDS} runs of the {} queries on each side, {:.1} s; timed runs planned for {planned:.0} s",
        MIX.len(),
        bench.warm_up.iter().flatten().sum::<f64>()
    );
    let t = Instant::now();
    for n in 0..bench.runs.iter().copied().max().unwrap_or(0) {
        bench.round(WARM_UP_ROUNDS + n, Some(n));
    }
    println!("timed runs: {:.0} s", t.elapsed().as_secs_f64());
    bench.table();
    bench.examples(&format!("http://{quick_addr}/sparql"));
    println!("\nwhole bench: {:.0} s", started.elapsed().as_secs_f64());
}
