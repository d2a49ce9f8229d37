//! Third-party SPARQL clients against the real server: SPARQLWrapper and
//! rdflib (from the test command's Python environment) run every query form
//! in every result format they offer (tests/clients/sparql_clients.py).

use std::process::Command;

use super::process::{http_get, repo, run, serve, stop, test_python};

#[test]
fn sparqlwrapper_and_rdflib_read_every_form_in_every_format() {
    let Some(python) = test_python("the SPARQL client tests") else {
        return;
    };
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    let log = dir.path().join("server.log");
    run(&data, &["demo"]);
    let (server, port) = serve(&data, &log);
    http_get(port, "/healthz");
    let out = Command::new(python)
        .arg(repo().join("server/tests/clients/sparql_clients.py"))
        .arg(format!("http://127.0.0.1:{port}/sparql"))
        .output()
        .unwrap();
    stop(server);
    let stdout = String::from_utf8_lossy(&out.stdout);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "{stdout}\n{stderr}");
    let last = stdout.lines().last().unwrap_or_default();
    assert!(last.ends_with(" passed, 0 failed"), "{stdout}");
    // Every case ran: 3 ways to send × (4 table formats × 2 forms + 7 graph
    // formats × 2 forms) for SPARQLWrapper; 3 ways × (4 table + 5 graph
    // formats) for rdflib.
    assert_eq!(last, "93 passed, 0 failed", "{stdout}");
}
