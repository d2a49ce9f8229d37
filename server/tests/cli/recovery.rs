//! The search index as derived data, with the real binary: killed with
//! SIGKILL in the middle of indexing, it converges on the next start from the
//! outbox; damaged, it is rebuilt from the database.

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use std::process::Stdio;

use super::process::{archipel, free_port, http_get, repo, run, serve, stop};

/// How many resources the search finds, through the public API.
fn searchable_resources(port: u16) -> u64 {
    let body = http_get(port, "/api/v1/search?kind=resource");
    let json: serde_json::Value = serde_json::from_str(&body).unwrap();
    json["total"].as_u64().unwrap()
}

fn cursor(index: &Path) -> i64 {
    std::fs::read_to_string(index.join("outbox-cursor"))
        .ok()
        .and_then(|s| s.trim().parse().ok())
        .unwrap_or(0)
}

/// `n` AMB records made from one of the conformance examples.
pub fn catalogue(dir: &Path, n: usize) -> PathBuf {
    let example = repo().join("../shared/conformance/amb/examples/valid/tutoryExample.json");
    let base: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(example).unwrap()).unwrap();
    let records: Vec<serde_json::Value> = (0..n)
        .map(|i| {
            let mut r = base.clone();
            r["id"] = format!("https://example.org/crash-test/{i}").into();
            r["name"] = format!("Arbeitsblatt Nummer {i}").into();
            r
        })
        .collect();
    let file = dir.join("catalogue.json");
    std::fs::write(&file, serde_json::to_string(&records).unwrap()).unwrap();
    file
}

#[test]
fn the_index_converges_after_a_kill_and_is_rebuilt_when_damaged() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    let index = data.join("index");
    let log = dir.path().join("server.log");
    run(&data, &["demo"]);
    run(&data, &["reindex"]);
    let (server, port) = serve(&data, &log);
    let seeded = searchable_resources(port);
    stop(server);

    // 3 000 new resources written to SQL while the server is down: at the
    // next start it indexes them from the outbox, 500 changes per commit.
    let file = catalogue(dir.path(), 3000);
    run(
        &data,
        &[
            "import",
            file.to_str().unwrap(),
            "--partner",
            "burgerbildung-digital-e-v",
            "--topic",
            "digital-ethics",
        ],
    );
    let before = cursor(&index);
    let mut server = archipel(&data, free_port())
        .arg("serve")
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    // As soon as the first batch is committed, SIGKILL.
    let started = Instant::now();
    while cursor(&index) == before {
        assert!(
            started.elapsed() < Duration::from_secs(120),
            "indexing never started"
        );
        std::thread::sleep(Duration::from_millis(2));
    }
    server.kill().unwrap();
    server.wait().unwrap();
    let reached = cursor(&index);
    assert!(reached > before, "a first batch was committed");

    // The next start picks up where the last commit left off.
    let (server, port) = serve(&data, &log);
    assert_eq!(searchable_resources(port), seeded + 3000);
    assert!(
        cursor(&index) > reached,
        "the rest was applied after the restart"
    );
    stop(server);

    // A damaged segment file: the index is rebuilt from the database.
    let segment = std::fs::read_dir(&index)
        .unwrap()
        .map(|e| e.unwrap().path())
        .find(|p| p.extension().is_some_and(|e| e == "idx"))
        .expect("a segment file");
    let mut bytes = std::fs::read(&segment).unwrap();
    let middle = bytes.len() / 2;
    bytes[middle] ^= 0xff;
    std::fs::write(&segment, bytes).unwrap();
    let (server, port) = serve(&data, &log);
    assert_eq!(searchable_resources(port), seeded + 3000);
    stop(server);
    let said = std::fs::read_to_string(&log).unwrap();
    assert!(said.contains("the search index is rebuilt"), "{said}");

    // No index at all: built at start.
    std::fs::remove_dir_all(&index).unwrap();
    let (server, port) = serve(&data, &log);
    assert_eq!(searchable_resources(port), seeded + 3000);
    stop(server);
}
