//! The remote store when its endpoint fails: silent, gone, or answering an
//! error. Each test runs its own stand-in endpoint on a loopback port, so
//! these run without a SPARQL server.

use std::io::{Read, Write};
use std::net::{TcpListener, TcpStream};
use std::time::{Duration, Instant};

use linked_data::{Graph, QueryError, QueryRequest, RdfStore, Remote, RemoteConfig, StoreError};

fn store(base: &str, timeout: Duration) -> Remote {
    Remote::new(RemoteConfig {
        query_url: format!("{base}/query"),
        update_url: format!("{base}/update"),
        timeout,
    })
    .unwrap()
}

fn select(store: &Remote, timeout: Duration) -> Result<linked_data::Answer, QueryError> {
    store.query(
        &QueryRequest {
            query: "SELECT * WHERE { ?s ?p ?o }".into(),
            ..QueryRequest::default()
        },
        linked_data::Limits {
            timeout,
            max_results: 10,
        },
    )
}

/// Reads one request (headers and `Content-Length` bytes of body).
fn read_request(stream: &mut TcpStream) {
    let mut data = Vec::new();
    let mut buf = [0u8; 4096];
    loop {
        let Ok(n) = stream.read(&mut buf) else { return };
        if n == 0 {
            return;
        }
        data.extend_from_slice(&buf[..n]);
        let text = String::from_utf8_lossy(&data).to_string();
        if let Some(end) = text.find("\r\n\r\n") {
            let length = text[..end]
                .lines()
                .find_map(|l| {
                    let (k, v) = l.split_once(':')?;
                    k.eq_ignore_ascii_case("content-length")
                        .then(|| v.trim().parse::<usize>().ok())?
                })
                .unwrap_or(0);
            if data.len() >= end + 4 + length {
                return;
            }
        }
    }
}

/// An endpoint that answers every request with `response`, for a while.
fn answering(response: &'static str) -> String {
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    let base = format!("http://{}", listener.local_addr().unwrap());
    std::thread::spawn(move || {
        for _ in 0..4 {
            let Ok((mut stream, _)) = listener.accept() else {
                return;
            };
            read_request(&mut stream);
            let _ = stream.write_all(response.as_bytes());
        }
    });
    base
}

#[test]
fn a_silent_endpoint_is_a_timeout() {
    // Accepts connections (the kernel's backlog does) and never answers.
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    let base = format!("http://{}", listener.local_addr().unwrap());
    let store = store(&base, Duration::from_millis(300));
    let started = Instant::now();
    let r = select(&store, Duration::from_millis(300));
    assert!(matches!(r, Err(QueryError::Timeout(_))), "{r:?}");
    assert!(
        started.elapsed() < Duration::from_secs(3),
        "{:?}",
        started.elapsed()
    );
    match store.replace("https://archipel.example.org/g", &Graph::new()) {
        Err(StoreError::Remote(m)) => assert!(m.contains("did not answer"), "{m}"),
        other => panic!("a time-out: {other:?}"),
    }
    drop(listener);
}

#[test]
fn an_unreachable_endpoint_is_an_error_that_hides_credentials() {
    let port = {
        let listener = TcpListener::bind("127.0.0.1:0").unwrap();
        listener.local_addr().unwrap().port()
    };
    let store = store(
        &format!("http://archipel:s3cret@127.0.0.1:{port}"),
        Duration::from_secs(2),
    );
    match select(&store, Duration::from_secs(2)) {
        Err(QueryError::Evaluation(m)) => {
            assert!(m.contains(&format!("127.0.0.1:{port}")), "{m}");
            assert!(!m.contains("s3cret"), "{m}");
        }
        other => panic!("an evaluation error: {other:?}"),
    }
    for r in [store.len().map(drop), store.clear()] {
        match r {
            Err(StoreError::Remote(m)) => assert!(!m.contains("s3cret"), "{m}"),
            other => panic!("a remote error: {other:?}"),
        }
    }
}

#[test]
fn error_statuses_keep_the_server_message() {
    let bad = answering(
        "HTTP/1.1 400 Bad Request\r\ncontent-type: text/plain\r\ncontent-length: 14\r\nconnection: close\r\n\r\nno such syntax",
    );
    match select(&store(&bad, Duration::from_secs(5)), Duration::from_secs(5)) {
        Err(QueryError::Syntax(m)) => assert_eq!(m, "no such syntax"),
        other => panic!("a syntax error: {other:?}"),
    }
    let broken = answering(
        "HTTP/1.1 500 Internal Server Error\r\ncontent-length: 4\r\nconnection: close\r\n\r\noops",
    );
    let store = store(&broken, Duration::from_secs(5));
    match select(&store, Duration::from_secs(5)) {
        Err(QueryError::Evaluation(m)) => assert!(m.contains("500") && m.contains("oops"), "{m}"),
        other => panic!("an evaluation error: {other:?}"),
    }
    match store.remove("https://archipel.example.org/g") {
        Err(StoreError::Remote(m)) => assert!(m.contains("500") && m.contains("oops"), "{m}"),
        other => panic!("a remote error: {other:?}"),
    }
}

#[test]
fn an_answer_in_an_unknown_format_is_an_error() {
    let html = answering(
        "HTTP/1.1 200 OK\r\ncontent-type: text/html\r\ncontent-length: 6\r\nconnection: close\r\n\r\n<html>",
    );
    match select(
        &store(&html, Duration::from_secs(5)),
        Duration::from_secs(5),
    ) {
        Err(QueryError::Evaluation(m)) => assert!(m.contains("text/html"), "{m}"),
        other => panic!("an evaluation error: {other:?}"),
    }
}
