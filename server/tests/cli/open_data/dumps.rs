//! The RDF dumps: what they hold, and when they are written again.

use std::time::Duration;

use axum::http::{StatusCode, header};
use oxigraph::io::RdfFormat;
use server::cli;

use super::super::settings;
use super::{demo, get, gunzip, quads, seed_uid};

#[tokio::test]
async fn dumps_hold_the_whole_store_and_follow_changes() {
    let demo = demo().await;
    let store = demo.state.rdf.store().clone();
    let dumps = demo.state.rdf.dumps().clone();
    let summary = dumps.write(store.as_ref()).unwrap();
    assert_eq!(summary.quads as usize, store.len().unwrap());
    assert!(summary.graphs > 60, "a graph per entity: {summary:?}");
    let resources = summary
        .classes
        .iter()
        .find(|(c, _)| c == "http://schema.org/LearningResource")
        .map(|(_, n)| *n);
    assert!(resources.is_some_and(|n| n >= 60), "{summary:?}");

    // N-Quads keep every quad and its graph; Turtle the union.
    let nq = get(&demo.router, "/data/dumps/archipel.nq.gz", &[]).await;
    assert_eq!(nq.status, StatusCode::OK);
    assert_eq!(nq.headers[header::CONTENT_TYPE], "application/gzip");
    assert!(nq.headers.contains_key(header::LAST_MODIFIED));
    assert!(
        !nq.headers.contains_key(header::CONTENT_ENCODING),
        "not compressed twice"
    );
    let all = quads(RdfFormat::NQuads, &gunzip(&nq.bytes));
    assert_eq!(all.len(), store.len().unwrap());
    let duplicati = demo.state.rdf.uris().resource(&seed_uid("duplicati"));
    assert!(
        all.iter()
            .any(|q| q.graph_name.to_string() == format!("<{duplicati}>"))
    );
    let ttl = get(&demo.router, "/data/dumps/archipel.ttl.gz", &[]).await;
    let union = quads(RdfFormat::Turtle, &gunzip(&ttl.bytes));
    assert!(
        union
            .iter()
            .any(|q| q.subject.to_string() == format!("<{duplicati}>"))
    );

    // A harvester that has it already is told nothing changed.
    let since = nq.headers[header::LAST_MODIFIED]
        .to_str()
        .unwrap()
        .to_string();
    let again = get(
        &demo.router,
        "/data/dumps/archipel.nq.gz",
        &[("if-modified-since", since.as_str())],
    )
    .await;
    assert_eq!(again.status, StatusCode::NOT_MODIFIED);
    assert_eq!(
        get(&demo.router, "/data/dumps/other.nq.gz", &[])
            .await
            .status,
        StatusCode::NOT_FOUND
    );

    // Unpublishing a resource: the dumps are written again without it.
    let task = dumps
        .clone()
        .spawn(store.clone(), Duration::from_millis(20));
    let admin = store::users::find_by_email(&demo.state.db, "admin@example.org")
        .await
        .unwrap()
        .unwrap();
    let r = store::library::get_by_uid(&demo.state.db, &seed_uid("duplicati"))
        .await
        .unwrap();
    store::library::review::unpublish(&demo.state.db, admin.id, r.id, "outdated")
        .await
        .unwrap();
    assert!(demo.state.rdf.catch_up().await.unwrap() > 0);
    let mut rewritten = None;
    for _ in 0..200 {
        tokio::time::sleep(Duration::from_millis(25)).await;
        if let Some(now) = dumps.summary()
            && now.quads < summary.quads
        {
            rewritten = Some(now);
            break;
        }
    }
    task.abort();
    let rewritten = rewritten.expect("the dumps are written again after a change");
    assert_eq!(rewritten.quads as usize, store.len().unwrap());
    // Its graph is gone (lessons may still cite its URI).
    let nq = std::fs::read(dumps.path("archipel.nq.gz").unwrap()).unwrap();
    let after = quads(RdfFormat::NQuads, &gunzip(&nq));
    assert!(
        !after
            .iter()
            .any(|q| q.subject.to_string() == format!("<{duplicati}>")),
        "the unpublished resource is gone"
    );
}

#[tokio::test]
async fn the_same_courses_written_again_do_not_redo_the_dumps() {
    let demo = demo().await;
    let store = demo.state.rdf.store().clone();
    let dumps = demo.state.rdf.dumps().clone();
    // Waits (20 s at most) until the dumps were written after `since`.
    let written_after = |since: u64| {
        let dumps = dumps.clone();
        async move {
            for _ in 0..800 {
                if dumps.generation() > since {
                    return true;
                }
                tokio::time::sleep(Duration::from_millis(25)).await;
            }
            false
        }
    };
    // The rebuild that made the store asked for dumps (the task finds the
    // request waiting) and they are there already: they are written again.
    dumps.write(store.as_ref()).unwrap();
    let before = dumps.generation();
    let task = dumps
        .clone()
        .spawn(store.clone(), Duration::from_millis(100));
    assert!(written_after(before).await);
    let writes = dumps.generation();

    // A restart or a reload with the same content writes the same graphs
    // and asks for nothing.
    assert!(demo.state.rdf.index_courses().await.unwrap() > 0);
    tokio::time::sleep(Duration::from_secs(3)).await;
    assert_eq!(
        dumps.generation(),
        writes,
        "nothing changed, nothing rewritten"
    );

    // A course renamed is a change.
    let mut library = cli::load_courses(&settings(demo._dir.path())).unwrap();
    library.courses[0].front.title = "Un titre tout neuf".into();
    demo.state.courses.replace(&library);
    demo.state.rdf.index_courses().await.unwrap();
    assert!(
        written_after(writes).await,
        "the dumps follow a change of the courses"
    );
    task.abort();
    let nq = std::fs::read(dumps.path("archipel.nq.gz").unwrap()).unwrap();
    assert!(
        String::from_utf8_lossy(&gunzip(&nq)).contains("Un titre tout neuf"),
        "the new title is in the dumps"
    );
}
