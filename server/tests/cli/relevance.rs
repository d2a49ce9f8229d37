//! Search relevance over the seed library: the judged queries of
//! `tests/fixtures/relevance/queries.toml` are run against the index built
//! by `archipel demo` + `archipel reindex`, and scored per language
//! (nDCG@10 and recall@10). Run with `-- --nocapture` to see the report.

use std::collections::BTreeMap;

use serde::Deserialize;
use server::cli;

use super::settings;

#[derive(Deserialize)]
struct Judgements {
    query: Vec<Judged>,
}

#[derive(Deserialize)]
struct Judged {
    lang: String,
    q: String,
    expected: Vec<String>,
    #[allow(dead_code)]
    #[serde(default)]
    why: String,
}

/// Discounted gain of the expected documents at the ranks they were found,
/// over the best possible (binary relevance, first 10 ranks).
fn ndcg(found: &[String], expected: &[String]) -> f64 {
    let dcg: f64 = found
        .iter()
        .take(10)
        .enumerate()
        .filter(|(_, id)| expected.contains(id))
        .map(|(i, _)| 1.0 / (i as f64 + 2.0).log2())
        .sum();
    let ideal: f64 = (0..expected.len().min(10))
        .map(|i| 1.0 / (i as f64 + 2.0).log2())
        .sum();
    if ideal == 0.0 { 0.0 } else { dcg / ideal }
}

fn recall(found: &[String], expected: &[String]) -> f64 {
    let hit = expected
        .iter()
        .filter(|e| found.iter().take(10).any(|f| f == *e))
        .count();
    hit as f64 / expected.len().max(1) as f64
}

#[tokio::test]
async fn judged_queries_find_their_resources() {
    let manifest = std::path::PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    let text =
        std::fs::read_to_string(manifest.join("tests/fixtures/relevance/queries.toml")).unwrap();
    let judged: Judgements = toml::from_str(&text).unwrap();
    assert!(judged.query.len() >= 60, "at least 60 judged queries");

    let dir = tempfile::tempdir().unwrap();
    cli::demo::run(settings(dir.path())).await.unwrap();
    let db = cli::open_db(&settings(dir.path())).await.unwrap();
    let state = server::state::AppState::new(db.clone(), settings(dir.path())).unwrap();
    state.indexer.rebuild().await.unwrap();
    let index = state.indexer.index();

    let doc_id = |seed: &str| {
        format!(
            "resource:{}",
            store::library::import::uid_for(&format!("seed:{seed}"))
        )
    };
    let mut per_lang: BTreeMap<String, (f64, f64, usize)> = BTreeMap::new();
    let mut misses = Vec::new();
    for j in &judged.query {
        let found: Vec<String> = index
            .find(&search_index::Request {
                text: j.q.clone(),
                lang: j.lang.clone(),
                filters: vec!["kind/resource".into()],
                limit: 10,
                ..Default::default()
            })
            .unwrap()
            .hits
            .into_iter()
            .map(|h| h.id)
            .collect();
        let expected: Vec<String> = j.expected.iter().map(|e| doc_id(e)).collect();
        let (n, r) = (ndcg(&found, &expected), recall(&found, &expected));
        if r < 1.0 {
            misses.push(format!("[{}] {:?}: recall {r:.2}", j.lang, j.q));
        }
        let e = per_lang.entry(j.lang.clone()).or_default();
        e.0 += n;
        e.1 += r;
        e.2 += 1;
    }
    println!(
        "relevance over the seed library ({} queries):",
        judged.query.len()
    );
    let (mut all_n, mut all_r, mut all) = (0.0, 0.0, 0);
    for (lang, (n, r, count)) in &per_lang {
        println!(
            "  {lang}: {count} queries, nDCG@10 {:.3}, recall@10 {:.3}",
            n / *count as f64,
            r / *count as f64
        );
        all_n += n;
        all_r += r;
        all += count;
    }
    let (mean_n, mean_r) = (all_n / all as f64, all_r / all as f64);
    println!("  all: nDCG@10 {mean_n:.3}, recall@10 {mean_r:.3}");
    for m in &misses {
        println!("  missed: {m}");
    }
    for (lang, (_, r, count)) in &per_lang {
        let r = r / *count as f64;
        assert!(
            r >= 0.9,
            "recall@10 in {lang} fell to {r:.3}; misses: {misses:#?}"
        );
    }
    assert!(mean_n >= 0.85, "nDCG@10 fell to {mean_n:.3}");
    db.close().await;
}

#[test]
fn scores_reward_early_ranks() {
    let e = vec!["a".to_string(), "b".to_string()];
    let s = |v: &[&str]| v.iter().map(|x| x.to_string()).collect::<Vec<_>>();
    assert_eq!(ndcg(&s(&["a", "b"]), &e), 1.0);
    assert!(ndcg(&s(&["x", "a", "b"]), &e) < 1.0);
    assert_eq!(recall(&s(&["x", "a"]), &e), 0.5);
    assert_eq!(ndcg(&s(&[]), &e), 0.0);
}
