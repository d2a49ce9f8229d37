//! The real `archipel` binary in a child process, for the tests that need
//! what only a whole process shows: its memory, a kill, a restart.

use std::io::{Read, Write};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

const BIN: &str = env!("CARGO_BIN_EXE_archipel");

pub fn repo() -> PathBuf {
    PathBuf::from(std::env::var_os("CARGO_MANIFEST_DIR").unwrap()).join("..")
}

/// The binary on data folder `data`, listening on `port` when it serves.
pub fn archipel(data: &Path, port: u16) -> Command {
    let mut cmd = Command::new(BIN);
    cmd.env("ARCHIPEL_DATA_DIR", data)
        .env("ARCHIPEL_CONTENT_DIR", repo().join("content"))
        .env("ARCHIPEL_BIND", format!("127.0.0.1:{port}"))
        .env("ARCHIPEL_PUBLIC_URL", format!("http://127.0.0.1:{port}"))
        .env("ARCHIPEL_LOG", "info")
        .stdout(Stdio::null());
    cmd
}

/// Runs a command to its end, which must succeed.
pub fn run(data: &Path, args: &[&str]) {
    let out = archipel(data, 0)
        .args(args)
        .stderr(Stdio::piped())
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "archipel {args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
}

pub fn free_port() -> u16 {
    std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port()
}

/// Starts `archipel serve` and waits until it answers (it catches up with
/// the outbox, or rebuilds, before it listens).
pub fn serve(data: &Path, log: &Path) -> (Child, u16) {
    serve_with(archipel(data, 0), data, log)
}

/// [`serve`] with a command whose environment the test has set.
pub fn serve_with(mut cmd: Command, data: &Path, log: &Path) -> (Child, u16) {
    let port = free_port();
    let mut child = cmd
        .env("ARCHIPEL_DATA_DIR", data)
        .env("ARCHIPEL_BIND", format!("127.0.0.1:{port}"))
        .env("ARCHIPEL_PUBLIC_URL", format!("http://127.0.0.1:{port}"))
        .arg("serve")
        .stderr(std::fs::File::create(log).unwrap())
        .spawn()
        .unwrap();
    let started = Instant::now();
    while std::net::TcpStream::connect(("127.0.0.1", port)).is_err() {
        if let Some(status) = child.try_wait().unwrap() {
            panic!(
                "the server stopped ({status}): {}",
                std::fs::read_to_string(log).unwrap()
            );
        }
        assert!(
            started.elapsed() < Duration::from_secs(120),
            "the server never listened"
        );
        std::thread::sleep(Duration::from_millis(50));
    }
    (child, port)
}

/// Stops the server as an operator does, with SIGTERM.
pub fn stop(mut child: Child) {
    let _ = Command::new("kill")
        .args(["-TERM", &child.id().to_string()])
        .status();
    child.wait().unwrap();
}

/// A GET answered 200; its body.
pub fn http_get(port: u16, path: &str) -> String {
    let (status, body) = http(port, path, &[]);
    assert_eq!(status, 200, "{path}: {body}");
    body
}

/// A GET with extra headers: the status and the body.
pub fn http(port: u16, path: &str, headers: &[(&str, &str)]) -> (u16, String) {
    let mut s = std::net::TcpStream::connect(("127.0.0.1", port)).unwrap();
    let mut request = format!("GET {path} HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n");
    for (name, value) in headers {
        request.push_str(&format!("{name}: {value}\r\n"));
    }
    request.push_str("\r\n");
    s.write_all(request.as_bytes()).unwrap();
    let mut out = Vec::new();
    s.read_to_end(&mut out).unwrap();
    let out = String::from_utf8_lossy(&out);
    let (head, body) = out.split_once("\r\n\r\n").unwrap();
    let status = head
        .split_whitespace()
        .nth(1)
        .and_then(|c| c.parse().ok())
        .unwrap_or(0);
    (status, body.to_string())
}

/// A SPARQL query by GET, answered as SPARQL JSON: the status and the body.
pub fn sparql(port: u16, query: &str) -> (u16, String) {
    let q = serde_urlencoded::to_string([("query", query)]).unwrap();
    http(
        port,
        &format!("/sparql?{q}"),
        &[("Accept", "application/sparql-results+json")],
    )
}

/// The resident memory of a process, in bytes (Linux).
pub fn rss(pid: u32) -> u64 {
    let status = std::fs::read_to_string(format!("/proc/{pid}/status")).unwrap();
    status
        .lines()
        .find_map(|l| l.strip_prefix("VmRSS:"))
        .and_then(|v| v.trim().trim_end_matches("kB").trim().parse::<u64>().ok())
        .expect("VmRSS")
        * 1024
}

/// The Python of the test tools (SPARQLWrapper, rdflib, pyshacl), or None
/// outside the test command: the test then says that `what` did not run.
/// CI must run them.
pub fn test_python(what: &str) -> Option<String> {
    match std::env::var("ARCHIPEL_TEST_PYTHON") {
        Ok(p) => Some(p),
        Err(_) => {
            assert!(
                std::env::var_os("CI").is_none(),
                "CI must run {what}: set ARCHIPEL_TEST_PYTHON (scripts/test.sh does)"
            );
            eprintln!("ARCHIPEL_TEST_PYTHON not set: {what} did not run");
            None
        }
    }
}
