//! The SPARQL endpoint on a small host, with the real binary: a product of
//! unrelated patterns is refused before it runs, a query whose intermediate
//! results pass `sparql.max_memory_mb` is stopped, the server keeps serving
//! meanwhile and its resident memory stays under a bound.

use std::time::{Duration, Instant};

use super::process::{archipel, http_get, rss, run, serve_with, sparql, stop};

/// The resident memory the server may reach while it answers the queries
/// below, in MB: what the README promises a 1 GB host (the server, its
/// caches and the two queries the default `sparql.concurrent_queries`
/// lets run at once, each held to `sparql.max_memory_mb`).
const BOUND_MB: u64 = 512;

/// Four triple patterns sharing no variable: every triple with every
/// triple, four times over.
const CARTESIAN: &str =
    "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l }";

/// Connected, so not refused, but every pair of statements sharing a value,
/// with the description of one of them four times over, gathered into one
/// string: hundreds of megabytes if it were let run.
const HUNGRY: &str = "SELECT (STRLEN(GROUP_CONCAT(CONCAT(?d, ?d, ?d, ?d))) AS ?n) \
    WHERE { ?a ?p ?o . ?b ?q ?o . ?b <http://schema.org/description> ?d }";

/// A query and its answer's status and body.
type Answered = (&'static str, (u16, String));

/// Runs `queries` at once, reading the server's memory all along and
/// checking that it serves a page meanwhile; the highest memory seen and
/// each query's answer.
fn at_once(port: u16, pid: u32, queries: [&'static str; 2]) -> (u64, Vec<Answered>) {
    let started = Instant::now();
    let running: Vec<_> = queries
        .into_iter()
        .map(|q| std::thread::spawn(move || (q, sparql(port, q))))
        .collect();
    let mut peak = rss(pid);
    let mut served = false;
    while !running.iter().all(|q| q.is_finished()) {
        peak = peak.max(rss(pid));
        if !served {
            http_get(port, "/en/courses");
            served = true;
        }
        std::thread::sleep(Duration::from_millis(5));
        assert!(
            started.elapsed() < Duration::from_secs(120),
            "the queries never ended"
        );
    }
    let answers = running.into_iter().map(|q| q.join().unwrap()).collect();
    (peak.max(rss(pid)), answers)
}

#[test]
fn unbounded_queries_are_refused_or_stopped_and_memory_stays_bounded() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    let log = dir.path().join("server.log");
    run(&data, &["demo"]);
    let mut cmd = archipel(&data, 0);
    // Time enough for the budget, not the timeout, to stop the big query.
    cmd.env("ARCHIPEL_SPARQL__TIMEOUT_MS", "30000");
    let (server, port) = serve_with(cmd, &data, &log);
    let pid = server.id();
    http_get(port, "/en/library");
    let before = rss(pid);

    let started = Instant::now();
    // Two products at once, refused; then two joins at once (the default
    // `sparql.concurrent_queries`), stopped at their budget.
    let mut peak = before;
    for pair in [[CARTESIAN, CARTESIAN], [HUNGRY, HUNGRY]] {
        let (highest, answers) = at_once(port, pid, pair);
        peak = peak.max(highest);
        for (query, (status, body)) in answers {
            if query == CARTESIAN {
                assert_eq!(status, 400, "{body}");
                assert!(body.starts_with("unbounded-product: "), "{body}");
            } else {
                assert_eq!(status, 503, "{body}");
                assert!(body.starts_with("memory-exceeded: "), "{body}");
            }
        }
    }
    let after = rss(pid);
    let mb = |b: u64| b >> 20;
    eprintln!(
        "server RSS: {} MB before, {} MB at most during two refused products and two \
         stopped joins, {} MB after ({:.1} s)",
        mb(before),
        mb(peak),
        mb(after),
        started.elapsed().as_secs_f64()
    );
    assert!(
        mb(peak) < BOUND_MB,
        "peak RSS {} MB over the {BOUND_MB} MB bound",
        mb(peak)
    );
    // What the queries held is given back.
    assert!(
        mb(after) < mb(before) + 64,
        "RSS {} MB after, {} MB before",
        mb(after),
        mb(before)
    );
    // And the endpoint answers the next query as usual.
    let (status, body) = sparql(port, "ASK { ?s ?p ?o }");
    assert_eq!(status, 200, "{body}");
    assert!(body.contains("true"), "{body}");
    stop(server);
}
