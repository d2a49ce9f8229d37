//! Operating a running instance, with the real binary: `archipel import`,
//! `archipel harvest run` and `archipel reindex` reach `archipel serve`
//! through its admin socket instead of failing on its locked stores, and
//! report progress and outcome as when they run alone. An import and a
//! reindex at the same time lose no write.

use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use super::harvest::{Routes, reply, serve as serve_http};
use super::process::{archipel, http_get, run, serve_with, sparql, stop};
use super::recovery::catalogue;

/// The resources the search finds, through the public API.
fn searchable(port: u16) -> u64 {
    let json: serde_json::Value =
        serde_json::from_str(&http_get(port, "/api/v1/search?kind=resource")).unwrap();
    json["total"].as_u64().unwrap()
}

/// A number a SPARQL query counts as `?n`.
fn count(port: u16, query: &str) -> u64 {
    let (status, body) = sparql(port, query);
    assert_eq!(status, 200, "{body}");
    let json: serde_json::Value = serde_json::from_str(&body).unwrap();
    json["results"]["bindings"][0]["n"]["value"]
        .as_str()
        .unwrap()
        .parse()
        .unwrap()
}

/// Waits until `f` gives `expected` (the server applies writes in the
/// background); fails with the last value after a minute.
fn converges(what: &str, expected: u64, f: impl Fn() -> u64) {
    let started = Instant::now();
    loop {
        let got = f();
        if got == expected {
            return;
        }
        assert!(
            started.elapsed() < Duration::from_secs(60),
            "{what}: {got}, expected {expected}"
        );
        std::thread::sleep(Duration::from_millis(200));
    }
}

fn command(data: &std::path::Path, args: &[&str]) -> Command {
    let mut cmd = archipel(data, 0);
    cmd.args(args).stdout(Stdio::piped()).stderr(Stdio::piped());
    cmd
}

fn finished(cmd: std::process::Child, what: &str) -> String {
    let out = cmd.wait_with_output().unwrap();
    let stdout = String::from_utf8_lossy(&out.stdout).into_owned();
    assert!(
        out.status.success(),
        "{what}: {stdout}{}",
        String::from_utf8_lossy(&out.stderr)
    );
    stdout
}

#[test]
fn import_harvest_and_reindex_reach_the_running_server_and_lose_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    let log = dir.path().join("server.log");
    run(&data, &["demo"]);
    // A partner instance's dump to harvest, on loopback.
    let routes: Routes = Default::default();
    routes.lock().unwrap().insert(
        "/dump.ttl".into(),
        reply(
            "text/turtle",
            "@prefix s: <http://schema.org/> .\n\
             <http://partner.example/r/1> a s:LearningResource ; s:name \"Guide du partenaire\"@fr .\n",
        ),
    );
    let partner = serve_http(routes);
    run(
        &data,
        &[
            "harvest",
            "add",
            "--kind",
            "rdf-dump",
            "--url",
            &format!("{partner}/dump.ttl"),
            "--label",
            "partner dump",
        ],
    );
    let mut cmd = archipel(&data, 0);
    cmd.env("ARCHIPEL_HARVEST__ALLOW_PRIVATE", "true");
    let (server, port) = serve_with(cmd, &data, &log);
    assert!(data.join("admin.sock").exists(), "the server listens");
    let seeded = searchable(port);
    let own_resources = |port| {
        count(
            port,
            "SELECT (COUNT(DISTINCT ?r) AS ?n) WHERE { ?r a <http://schema.org/LearningResource> \
             FILTER(CONTAINS(STR(?r), \"/library/resources/\")) }",
        )
    };
    let in_rdf = own_resources(port);
    assert_eq!(in_rdf, seeded);

    // 600 records imported while a reindex runs.
    let file = catalogue(dir.path(), 600);
    let import = command(
        &data,
        &[
            "import",
            file.to_str().unwrap(),
            "--partner",
            "burgerbildung-digital-e-v",
            "--topic",
            "digital-ethics",
        ],
    )
    .spawn()
    .unwrap();
    std::thread::sleep(Duration::from_millis(300));
    let reindex = command(&data, &["reindex"]).spawn().unwrap();
    let reindexed = finished(reindex, "reindex");
    assert!(
        reindexed.contains("search index rebuilt:") && reindexed.contains("RDF store rebuilt:"),
        "{reindexed}"
    );
    let imported = finished(import, "import");
    assert!(
        imported.contains("600 created, 0 updated, 0 rejected"),
        "{imported}"
    );
    // The server kept serving all along, and every record arrives.
    http_get(port, "/en/library");
    converges("resources found by search", seeded + 600, || {
        searchable(port)
    });
    converges("resources in the RDF store", in_rdf + 600, || {
        own_resources(port)
    });

    // A harvest, run by the server with its own store.
    let harvested = finished(
        command(&data, &["harvest", "run", "all"]).spawn().unwrap(),
        "harvest",
    );
    assert!(
        harvested.contains("source 1: ok (2 triples)"),
        "{harvested}"
    );
    assert_eq!(
        count(
            port,
            "SELECT (COUNT(*) AS ?n) WHERE { <http://partner.example/r/1> ?p ?o }"
        ),
        2
    );
    // A failing job fails the command with the server's reason.
    let unknown = command(&data, &["harvest", "run", "99"]).output().unwrap();
    assert!(!unknown.status.success());
    assert!(
        String::from_utf8_lossy(&unknown.stderr).contains("no harvest source 99"),
        "{}",
        String::from_utf8_lossy(&unknown.stderr)
    );
    stop(server);
    assert!(
        !data.join("admin.sock").exists(),
        "the socket goes with the server"
    );

    // Without a server, the same commands do the work themselves.
    let out = command(&data, &["reindex"]).output().unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
}
