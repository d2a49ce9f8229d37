//! The topic tree: browsed by everyone with counts that include narrower
//! topics; changed by administrators only.

use axum::http::StatusCode;
use store::users::Role;

use crate::library::fixture;
use crate::support::TestApp;

#[tokio::test]
async fn readers_browse_topics_and_administrators_add_them() {
    let mut app = TestApp::new().await;
    fixture(&app, true).await;
    let r = app.get("/en/library/topics").await;
    assert_eq!(r.status, StatusCode::OK);
    assert!(
        r.body.contains("href=\"/en/library?topic=free-software\""),
        "{}",
        r.body
    );
    assert!(
        r.body
            .contains("Free software</a> <span class=\"meta\">(1 resource(s))")
    );
    assert!(!r.body.contains("topic-form"), "no form for readers");
    assert!(
        app.get("/en/library")
            .await
            .body
            .contains("href=\"/en/library/topics\"")
    );

    // Only administrators may change the scheme.
    app.user("mod@example.org", Role::Moderator).await;
    app.login("mod@example.org").await;
    let fields = [
        ("id", "community-radio"),
        ("broader", "free-software"),
        ("labels", "en: Community radio\nfr: Radios associatives"),
    ];
    assert_eq!(
        app.post("/en/library/topics", &fields).await.status,
        StatusCode::FORBIDDEN
    );
    app.post("/en/logout", &[]).await;
    app.user("admin@example.org", Role::Admin).await;
    app.login("admin@example.org").await;
    assert!(
        app.get("/en/library/topics")
            .await
            .body
            .contains("topic-form")
    );

    let bad = [
        ("id", "Radio!"),
        ("broader", "nowhere"),
        ("labels", "Community radio"),
    ];
    let r = app.post("/en/library/topics", &bad).await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    for field in ["id", "broader", "labels"] {
        assert!(
            r.body.contains(&format!("id=\"{field}-error\"")),
            "{field} is flagged"
        );
    }
    assert!(r.body.contains("Radio!"), "typed values stay");

    let r = app.post("/en/library/topics", &fields).await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
    let page = app.get("/en/library/topics").await.body;
    assert!(page.contains("Community radio"));
    assert!(page.contains("added on this site"));
    let fr = app.get("/fr/library/topics").await.body;
    assert!(fr.contains("Radios associatives"));
    // Its form comes back filled to change it; a broader topic can't sit below itself.
    let edit = app
        .get("/en/library/topics?edit=community-radio")
        .await
        .body;
    assert!(edit.contains("value=\"community-radio\""));
    let cycle = [
        ("id", "free-software"),
        ("broader", "community-radio"),
        ("labels", "en: Free software"),
    ];
    assert_eq!(
        app.post("/en/library/topics", &cycle).await.status,
        StatusCode::UNPROCESSABLE_ENTITY
    );
    // The new topic is offered to contributors and filters the library.
    let r = app.get("/en/library?topic=community-radio").await;
    assert_eq!(r.status, StatusCode::OK);
}

/// A partner's SKOS scheme, in Turtle.
const SKOS: &str = r#"@prefix skos: <http://www.w3.org/2004/02/skos/core#> .
@prefix ex: <http://vocab.example.org/> .
ex:scheme a skos:ConceptScheme ; skos:hasTopConcept ex:commons .
ex:commons a skos:Concept ; skos:inScheme ex:scheme ;
    skos:prefLabel "Communs"@fr, "Commons"@en ; skos:narrower ex:wiki .
ex:wiki a skos:Concept ; skos:inScheme ex:scheme ;
    skos:prefLabel "Wikis"@fr, "Wikis"@en ; skos:altLabel "wiki"@fr ;
    skos:definition "Des sites que leurs lecteurs écrivent."@fr ;
    skos:exactMatch <http://www.wikidata.org/entity/Q171> .
"#;

/// Sends a SKOS file to the import form of the topics page in `lang`.
async fn import(app: &mut TestApp, lang: &str, name: &str, bytes: &[u8]) -> crate::support::Reply {
    app.multipart(
        &format!("{lang}/library/topics/import"),
        &[],
        Some((name, bytes)),
    )
    .await
}

#[tokio::test]
async fn administrators_import_a_partners_skos_scheme() {
    let mut app = TestApp::new().await;
    fixture(&app, true).await;
    app.user("admin@example.org", Role::Admin).await;
    app.login("admin@example.org").await;
    let page = app.get("/en/library/topics").await.body;
    assert!(page.contains("id=\"skosimport\""), "the import form");

    let r = import(&mut app, "/en", "commons.ttl", SKOS.as_bytes()).await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.body);
    assert!(
        r.body
            .contains("Import finished: 2 added, 0 updated, 0 unchanged."),
        "{}",
        r.body
    );
    let fr = app.get("/fr/library/topics").await.body;
    assert!(fr.contains("Communs") && fr.contains("Wikis"), "{fr}");
    // As RDF: the partner's concept and its other matches.
    app.rdf.rebuild().await.unwrap();
    let ttl = app.get("/library/topics/wiki.ttl").await.body;
    assert!(ttl.contains("<http://vocab.example.org/wiki>"), "{ttl}");
    assert!(
        ttl.contains("<http://www.wikidata.org/entity/Q171>"),
        "{ttl}"
    );
    assert!(ttl.contains("Des sites que leurs lecteurs"), "{ttl}");
    assert!(ttl.contains("library/topics/commons>"), "broader: {ttl}");

    // Sent again: nothing changes.
    let r = import(&mut app, "/en", "commons.ttl", SKOS.as_bytes()).await;
    assert!(
        r.body.contains("0 added, 0 updated, 2 unchanged"),
        "{}",
        r.body
    );

    // A file with problems: each one named, nothing written.
    let before = app.get("/en/library/topics").await.body;
    let bad = format!(
        "{SKOS}ex:commons skos:broader ex:wiki .\nex:odd a skos:Concept ; skos:prefLabel \"Raro\"@es .\n"
    );
    let r = import(&mut app, "/fr", "bad.ttl", bad.as_bytes()).await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", r.body);
    assert!(r.body.contains("pas été importé"), "{}", r.body);
    // The cycle, and the label in a language this site does not serve.
    assert!(
        r.body.contains("http://vocab.example.org/commons → "),
        "{}",
        r.body
    );
    assert!(
        r.body.contains("http://vocab.example.org/odd"),
        "{}",
        r.body
    );
    assert!(!before.contains("Raro"));
    let after = app.get("/en/library/topics").await.body;
    assert!(!after.contains("Raro"), "nothing written");
    assert_eq!(
        after.matches("Wikis").count(),
        before.matches("Wikis").count()
    );
    let broken = import(&mut app, "/en", 
                "broken.ttl",
                b"@prefix skos: <http://www.w3.org/2004/02/skos/core#> .\n\n<http://x.org/a> skos:prefLabel \"A\"@fr\n<http://x.org/b> a skos:Concept .\n",
            ).await;
    assert_eq!(broken.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(broken.body.contains("Line 4"), "{}", broken.body);

    // Readers cannot import.
    app.post("/en/logout", &[]).await;
    let r = import(&mut app, "/en", "commons.ttl", SKOS.as_bytes()).await;
    assert_ne!(r.status, StatusCode::OK);
}
