//! Linked data over HTTP: content negotiation on entity URIs, suffix
//! addresses, and the read-only SPARQL endpoint.

use axum::body::Body;
use axum::http::{Request, StatusCode, header};
use store::concepts;
use store::users::Role;

use crate::search::{concept, form, publish};
use crate::support::{Reply, TestApp};

async fn get_as(app: &mut TestApp, uri: &str, accept: &str) -> Reply {
    app.send(
        Request::get(uri)
            .header(header::ACCEPT, accept)
            .body(Body::empty())
            .unwrap(),
    )
    .await
}

/// A published German resource, a partner, topics and the fixture course,
/// all projected into the RDF store.
async fn published() -> (TestApp, String) {
    let app = TestApp::new().await;
    concepts::sync_scheme(
        &app.db,
        &[
            concept(
                "digital-ethics",
                None,
                &[("en", "Digital ethics"), ("fr", "Éthique du numérique")],
            ),
            concept(
                "data-protection",
                Some("digital-ethics"),
                &[("en", "Data protection"), ("de", "Datenschutz")],
            ),
        ],
    )
    .await
    .unwrap();
    let de = app
        .organisation("Bürgerbildung Digital", "DE", "de", "")
        .await;
    let user = app.user("c@example.org", Role::Learner).await.id;
    let moderator = app.user("m@example.org", Role::Moderator).await.id;
    let r = publish(
        &app,
        user,
        moderator,
        de.id,
        form(
            "de",
            "guide",
            "Datensparsamkeit im Verein",
            "Wenig sammeln.",
            "data-protection",
            "DE",
        ),
    )
    .await;
    app.rdf.rebuild().await.unwrap();
    (app, r.uid)
}

#[tokio::test]
async fn entity_uris_answer_with_their_page_or_their_rdf() {
    let (mut app, uid) = published().await;
    let path = format!("/library/resources/{uid}");

    // A browser is sent to the page in its language.
    let r = get_as(
        &mut app,
        &path,
        "text/html,application/xhtml+xml;q=0.9,*/*;q=0.8",
    )
    .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER);
    assert_eq!(r.location(), format!("/fr{path}"));
    assert_eq!(r.headers[header::VARY], "Accept");

    // The page embeds the same description as JSON-LD, which parses.
    let page = app.get(&format!("/fr{path}")).await;
    let start = page
        .body
        .find("<script type=\"application/ld+json\">")
        .expect("the page embeds its JSON-LD")
        + "<script type=\"application/ld+json\">".len();
    let end = start + page.body[start..].find("</script>").unwrap();
    let embedded: serde_json::Value = serde_json::from_str(&page.body[start..end]).unwrap();
    assert!(embedded["@context"].is_object(), "{embedded}");
    assert!(
        page.body[start..end].contains("Datensparsamkeit im Verein"),
        "{}",
        &page.body[start..end]
    );

    // Each RDF format by Accept, with q-values.
    for (accept, media, needle) in [
        (
            "text/turtle",
            "text/turtle; charset=utf-8",
            "schema:LearningResource",
        ),
        ("application/ld+json", "application/ld+json", "\"@context\""),
        (
            "application/rdf+xml",
            "application/rdf+xml; charset=utf-8",
            "<rdf:RDF",
        ),
        (
            "application/n-triples",
            "application/n-triples; charset=utf-8",
            "<http://schema.org/name>",
        ),
        (
            "text/html;q=0.2, text/turtle;q=0.9",
            "text/turtle; charset=utf-8",
            "Datensparsamkeit",
        ),
    ] {
        let r = get_as(&mut app, &path, accept).await;
        assert_eq!(r.status, StatusCode::OK, "{accept}");
        assert_eq!(r.headers[header::CONTENT_TYPE], media, "{accept}");
        assert!(r.body.contains(needle), "{accept}: {}", r.body);
        assert!(r.body.contains("\"Datensparsamkeit im Verein\"@de") || accept != "text/turtle");
    }

    // Suffix addresses name the format, whatever the Accept header.
    let r = get_as(&mut app, &format!("{path}.jsonld"), "text/html").await;
    assert_eq!(r.headers[header::CONTENT_TYPE], "application/ld+json");
    let json: serde_json::Value = serde_json::from_str(&r.body).unwrap();
    assert!(json["@context"]["@vocab"] == "http://schema.org/");
    let varies_by_accept = r
        .headers
        .get_all(header::VARY)
        .iter()
        .flat_map(|v| v.to_str().unwrap().split(','))
        .any(|v| v.trim().eq_ignore_ascii_case("accept"));
    assert!(!varies_by_accept, "one representation only");

    // Nothing acceptable: 406 with the choices.
    let r = get_as(&mut app, &path, "image/png").await;
    assert_eq!(r.status, StatusCode::NOT_ACCEPTABLE);
    assert!(
        r.body.contains("text/turtle") && r.body.contains(&format!("{path}.ttl")),
        "{}",
        r.body
    );

    // Topics, the scheme, partners and courses too.
    for uri in [
        "/library/topics/data-protection",
        "/library/topics",
        "/partners/burgerbildung-digital",
        "/courses/sample",
        "/courses/sample/basics/first",
    ] {
        let r = get_as(&mut app, uri, "text/turtle").await;
        assert_eq!(r.status, StatusCode::OK, "{uri}: {}", r.body);
    }
    let r = get_as(&mut app, "/library/topics/data-protection", "text/html").await;
    assert_eq!(r.location(), "/fr/library?topic=data-protection");
    let r = get_as(&mut app, "/library/topics/data-protection.ttl", "*/*").await;
    assert!(r.body.contains("\"Datenschutz\"@de"), "{}", r.body);

    // The page links to each format.
    let page = app.get(&format!("/de{path}")).await;
    for (media, ext) in [("text/turtle", "ttl"), ("application/ld+json", "jsonld")] {
        let link = format!(
            "<link rel=\"alternate\" type=\"{media}\" href=\"http://127.0.0.1:3000{path}.{ext}\">"
        );
        assert!(page.body.contains(&link), "{link} in {}", page.body);
    }
    let r = get_as(&mut app, "/courses/sample/basics/first.ttl", "*/*").await;
    assert_eq!(
        r.headers[header::CONTENT_TYPE],
        "text/turtle; charset=utf-8"
    );

    // Unknown things are 404 in RDF too.
    let r = get_as(&mut app, "/library/resources/nothing.ttl", "*/*").await;
    assert_eq!(r.status, StatusCode::NOT_FOUND);
}

#[tokio::test]
async fn changes_reach_the_rdf_store_through_the_outbox() {
    let (mut app, uid) = published().await;
    let moderator = store::users::find_by_email(&app.db, "m@example.org")
        .await
        .unwrap()
        .unwrap();
    let r = store::library::get_by_uid(&app.db, &uid).await.unwrap();
    store::library::review::unpublish(&app.db, moderator.id, r.id, "outdated")
        .await
        .unwrap();
    app.rdf.catch_up().await.unwrap();
    let r = get_as(&mut app, &format!("/library/resources/{uid}.ttl"), "*/*").await;
    assert_eq!(r.status, StatusCode::NOT_FOUND, "unpublished, it is gone");
}

async fn sparql(app: &mut TestApp, req: Request<Body>) -> Reply {
    app.send(req).await
}

#[tokio::test]
async fn the_sparql_endpoint_speaks_the_protocol_and_refuses_updates() {
    let (mut app, _) = published().await;
    let q = "SELECT ?name WHERE { ?r a <http://schema.org/LearningResource> ; <http://schema.org/name> ?name }";
    let encoded = serde_urlencoded::to_string([("query", q)]).unwrap();

    // GET, form POST and direct POST give the same results.
    let get = get_as(
        &mut app,
        &format!("/sparql?{encoded}"),
        "application/sparql-results+json",
    )
    .await;
    assert_eq!(get.status, StatusCode::OK, "{}", get.body);
    assert!(get.body.contains("Datensparsamkeit im Verein"));
    let form = sparql(
        &mut app,
        Request::post("/sparql")
            .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded")
            .header(header::ACCEPT, "text/csv")
            .body(Body::from(encoded.clone()))
            .unwrap(),
    )
    .await;
    assert_eq!(form.status, StatusCode::OK, "{}", form.body);
    assert!(
        form.headers[header::CONTENT_TYPE]
            .to_str()
            .unwrap()
            .starts_with("text/csv")
    );
    assert!(form.body.starts_with("name\r\n"), "{}", form.body);
    let direct = sparql(
        &mut app,
        Request::post("/sparql")
            .header(header::CONTENT_TYPE, "application/sparql-query")
            .header(header::ACCEPT, "application/sparql-results+xml")
            .body(Body::from(q))
            .unwrap(),
    )
    .await;
    assert_eq!(direct.status, StatusCode::OK, "{}", direct.body);
    assert!(direct.body.contains("<sparql"), "{}", direct.body);

    // CONSTRUCT answers RDF.
    let construct =
        "CONSTRUCT { ?s <http://schema.org/name> ?n } WHERE { ?s <http://schema.org/name> ?n }";
    let r = get_as(
        &mut app,
        &format!(
            "/sparql?{}",
            serde_urlencoded::to_string([("query", construct)]).unwrap()
        ),
        "application/n-triples",
    )
    .await;
    assert_eq!(r.headers[header::CONTENT_TYPE], "application/n-triples");
    assert!(r.body.contains("<http://schema.org/name>"));

    // A malformed query is a 400 with the parser's message.
    let r = get_as(&mut app, "/sparql?query=SELECT+%3Fx+WHERE+%7B", "*/*").await;
    assert_eq!(r.status, StatusCode::BAD_REQUEST);
    assert!(r.body.starts_with("Malformed query:"), "{}", r.body);

    // Updates are refused, by parameter or by content type.
    let r = sparql(
        &mut app,
        Request::post("/sparql")
            .header(header::CONTENT_TYPE, "application/sparql-update")
            .body(Body::from("DROP ALL"))
            .unwrap(),
    )
    .await;
    assert_eq!(r.status, StatusCode::FORBIDDEN);
    let r = sparql(
        &mut app,
        Request::post("/sparql")
            .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded")
            .body(Body::from("update=DROP+ALL"))
            .unwrap(),
    )
    .await;
    assert_eq!(r.status, StatusCode::FORBIDDEN);
    let count = get_as(
        &mut app,
        &format!(
            "/sparql?{}",
            serde_urlencoded::to_string([("query", "ASK { ?s ?p ?o }")]).unwrap()
        ),
        "application/sparql-results+json",
    )
    .await;
    assert!(count.body.contains("true"), "nothing was dropped");

    // Two queries at once are a client error.
    let r = get_as(&mut app, "/sparql?query=ASK+%7B%7D&query=ASK+%7B%7D", "*/*").await;
    assert_eq!(r.status, StatusCode::BAD_REQUEST);

    // A body said to be in another charset is refused, not misread.
    let r = sparql(
        &mut app,
        Request::post("/sparql")
            .header(
                header::CONTENT_TYPE,
                "application/sparql-query; charset=UTF-16",
            )
            .body(Body::from("ASK {}"))
            .unwrap(),
    )
    .await;
    assert_eq!(r.status, StatusCode::UNSUPPORTED_MEDIA_TYPE);
    assert!(r.body.contains("UTF-8"), "{}", r.body);
    let r = sparql(
        &mut app,
        Request::post("/sparql")
            .header(
                header::CONTENT_TYPE,
                "application/sparql-query; charset=utf-8",
            )
            .body(Body::from("ASK {}"))
            .unwrap(),
    )
    .await;
    assert_eq!(r.status, StatusCode::OK);

    // Relative IRIs resolve against the endpoint, and a query's own FROM
    // is its dataset.
    // (`<s>` against `…/sparql` is `…/s`, as RFC 3986 resolves it.)
    let base = format!("{}/s>", app.rdf.uris().base());
    let r = get_as(
        &mut app,
        &format!(
            "/sparql?{}",
            serde_urlencoded::to_string([("query", "CONSTRUCT { <s> <p> 1 } WHERE {}")]).unwrap()
        ),
        "application/n-triples",
    )
    .await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.body);
    assert!(r.body.starts_with(&format!("<{base}")), "{}", r.body);
    let topics = app.rdf.uris().scheme();
    let from = format!("ASK FROM <{topics}> {{ ?r a <http://schema.org/LearningResource> }}");
    let r = get_as(
        &mut app,
        &format!(
            "/sparql?{}",
            serde_urlencoded::to_string([("query", from)]).unwrap()
        ),
        "application/sparql-results+json",
    )
    .await;
    assert!(
        r.body.contains("false"),
        "FROM narrows the default graph: {}",
        r.body
    );
}

/// A query that reads the store for a very long time and holds nothing.
const SLOW: &str = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c FILTER EXISTS { ?d ?e ?f FILTER EXISTS { ?g ?h ?i FILTER EXISTS { ?j ?k ?l FILTER EXISTS { ?m ?n1 ?o FILTER EXISTS { ?p ?q ?r FILTER(STR(?r) = CONCAT(STR(?a), STR(?d), STR(?g), STR(?j), STR(?m), \"!\")) } } } } } }";

#[tokio::test]
async fn a_product_of_unbounded_parts_is_refused_with_a_hint() {
    let mut app = TestApp::with_settings("i18n", |_| {}).await;
    app.rdf.rebuild().await.unwrap();
    let q = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l }";
    let uri = format!(
        "/sparql?{}",
        serde_urlencoded::to_string([("query", q)]).unwrap()
    );
    let r = app.get(&uri).await;
    assert_eq!(r.status, StatusCode::BAD_REQUEST, "{}", r.body);
    assert!(r.body.starts_with("unbounded-product: "), "{}", r.body);
    assert!(
        r.body.contains("{ ?a ?b ?c } and { ?d ?e ?f }"),
        "{}",
        r.body
    );
    assert!(r.body.contains("shared variable"), "{}", r.body);
}

#[tokio::test]
async fn a_slow_query_is_stopped_at_the_timeout_and_pages_are_served_meanwhile() {
    let mut app = TestApp::with_settings("i18n", |s| s.sparql.timeout_ms = 1500).await;
    app.rdf.rebuild().await.unwrap();
    // Nested EXISTS that never hold: every triple looks at every triple,
    // six levels deep, holding nothing (a product of unrelated patterns
    // would be refused before it runs).
    let q = SLOW;
    let uri = format!(
        "/sparql?{}",
        serde_urlencoded::to_string([("query", q)]).unwrap()
    );
    let mut other = app.browser();
    let slow = tokio::spawn(async move { other.get(&uri).await });
    tokio::time::sleep(std::time::Duration::from_millis(200)).await;
    let page = app.get("/en/courses").await;
    assert_eq!(page.status, StatusCode::OK);
    assert!(
        !slow.is_finished(),
        "the page was served while the query still ran"
    );
    let slow = slow.await.unwrap();
    assert_eq!(
        slow.status,
        StatusCode::SERVICE_UNAVAILABLE,
        "{}",
        slow.body
    );
    assert!(slow.body.contains("was stopped"), "{}", slow.body);
}

#[tokio::test]
async fn queries_beyond_the_slots_wait_for_one_and_succeed() {
    // One slot, a line of eight: nine queries sent together all get their
    // answer, none is turned away.
    let app = TestApp::with_settings("i18n", |s| {
        s.sparql.concurrent_queries = 1;
        s.sparql.queued_queries = 8;
    })
    .await;
    app.rdf.rebuild().await.unwrap();
    let uri = format!(
        "/sparql?{}",
        serde_urlencoded::to_string([("query", "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }")])
            .unwrap()
    );
    let asks: Vec<_> = (0..9)
        .map(|_| {
            let mut client = app.browser();
            let uri = uri.clone();
            tokio::spawn(async move { client.get(&uri).await })
        })
        .collect();
    for ask in asks {
        let r = ask.await.unwrap();
        assert_eq!(r.status, StatusCode::OK, "{}", r.body);
    }
    // With no line at all, a query that finds the slot taken is told to
    // come back later.
    let mut app = TestApp::with_settings("i18n", |s| {
        s.sparql.concurrent_queries = 1;
        s.sparql.queued_queries = 0;
        s.sparql.timeout_ms = 1500;
    })
    .await;
    app.rdf.rebuild().await.unwrap();
    let slow = format!(
        "/sparql?{}",
        serde_urlencoded::to_string([("query", SLOW)]).unwrap()
    );
    let mut other = app.browser();
    let running = tokio::spawn(async move { other.get(&slow).await });
    tokio::time::sleep(std::time::Duration::from_millis(200)).await;
    let r = app.get(&uri).await;
    assert_eq!(r.status, StatusCode::SERVICE_UNAVAILABLE, "{}", r.body);
    assert!(r.headers.contains_key(axum::http::header::RETRY_AFTER));
    running.await.unwrap();
}
