//! The directory's providers in the projections: the search index, the RDF
//! store with content negotiation, OAI-PMH and the sitemap. Only published
//! profiles appear; unpublishing takes them out again.

use store::directory::{self, ProviderForm, review};
use store::users::Role;

use crate::support::TestApp;

pub fn provider_form(name: &str, fr: &str, en: &str) -> ProviderForm {
    ProviderForm {
        name: name.into(),
        original_language: "fr".into(),
        descriptions: [
            ("fr".to_string(), fr.to_string()),
            ("en".to_string(), en.to_string()),
        ]
        .into(),
        help: vec!["hosting".into(), "training".into()],
        services: vec!["nextcloud".into(), "jitsi".into()],
        areas: vec!["FRJ".into(), "BE".into()],
        remote: true,
        on_site: false,
        languages: "fr, en".into(),
        prices: vec!["sliding-scale".into()],
        legal_form: "association".into(),
        chatons: true,
        contact_email: "contact@ruche.example.org".into(),
        website: "https://ruche.example.org".into(),
        commitments: vec!["no-tracking".into()],
    }
}

/// The owner and a moderator of the instance.
pub async fn people(app: &TestApp) -> (i64, i64) {
    let owner = app.user("owner@example.org", Role::Learner).await;
    let moderator = app.user("moderator@example.org", Role::Moderator).await;
    (owner.id, moderator.id)
}

/// A provider created, submitted and approved, with the projections caught up.
pub async fn published(
    app: &TestApp,
    owner: i64,
    moderator: i64,
    form: &ProviderForm,
) -> directory::Provider {
    let p = directory::create(&app.db, owner, form).await.unwrap();
    review::submit(&app.db, owner, p.id).await.unwrap();
    let p = review::approve(&app.db, moderator, p.id).await.unwrap();
    catch_up(app).await;
    p
}

pub async fn catch_up(app: &TestApp) {
    app.indexer.catch_up().await.unwrap();
    app.rdf.catch_up().await.unwrap();
}

fn slugs(app: &TestApp, q: &str) -> Vec<String> {
    projections::search::providers::provider_slugs(app.indexer.index(), q, "en").unwrap()
}

#[tokio::test]
async fn search_finds_published_providers_only_until_unpublished() {
    let mut app = TestApp::new().await;
    let (owner, moderator) = people(&app).await;
    let ruche = published(
        &app,
        owner,
        moderator,
        &provider_form(
            "La Ruche aux octets",
            "Nous hébergeons des outils libres pour les associations lyonnaises.",
            "We host free software tools for associations around Lyon.",
        ),
    )
    .await;
    let draft = directory::create(
        &app.db,
        owner,
        &provider_form(
            "Brouillon numérique",
            "Nous hébergeons aussi des outils libres, mais en brouillon.",
            "We also host free software tools, but as a draft.",
        ),
    )
    .await
    .unwrap();
    app.indexer.catch_up().await.unwrap();
    let only = vec![ruche.slug.clone()];

    // In either language of its descriptions, by its name, by its services.
    assert_eq!(slugs(&app, "associations lyonnaises"), only);
    assert_eq!(slugs(&app, "free software tools"), only);
    assert_eq!(slugs(&app, "ruche"), only);
    assert_eq!(slugs(&app, "nextcloud"), only);
    assert!(
        slugs(&app, "brouillon").is_empty(),
        "a draft is not searchable"
    );
    assert!(slugs(&app, "").is_empty());

    // The site's search shows it as a provider, linked to its page.
    let page = app.get("/en/search?q=lyonnaises").await;
    assert!(
        page.body.contains(&format!("/en/directory/{}", ruche.slug)),
        "{}",
        page.body
    );
    assert!(page.body.contains("La Ruche aux octets"));
    assert!(!page.body.contains(&draft.slug));

    // Changes waiting for review stay out of the index until approved.
    directory::update(
        &app.db,
        owner,
        ruche.id,
        &provider_form(
            "La Ruche aux octets",
            "Nous formons désormais les bénévoles à Framasoft et aux logiciels libres.",
            "We now train volunteers in free software.",
        ),
    )
    .await
    .unwrap();
    app.indexer.catch_up().await.unwrap();
    assert!(slugs(&app, "bénévoles").is_empty());
    assert_eq!(slugs(&app, "lyonnaises"), only);

    review::unpublish(&app.db, moderator, ruche.id, "Closed down")
        .await
        .unwrap();
    app.indexer.catch_up().await.unwrap();
    assert!(slugs(&app, "lyonnaises").is_empty(), "unpublished: gone");

    // A rebuild holds the same: only what is published.
    review::submit(&app.db, owner, ruche.id).await.unwrap();
    review::approve(&app.db, moderator, ruche.id).await.unwrap();
    // Straight after the approval, before any catch-up: the rebuild alone
    // must find it (the removal applied before must not hide it).
    app.indexer.rebuild().await.unwrap();
    assert_eq!(slugs(&app, "bénévoles"), only);
    assert!(slugs(&app, "brouillon").is_empty());
}

async fn get_as(app: &mut TestApp, uri: &str, accept: &str) -> crate::support::Reply {
    use axum::body::Body;
    use axum::http::{Request, header};
    app.send(
        Request::get(uri)
            .header(header::ACCEPT, accept)
            .body(Body::empty())
            .unwrap(),
    )
    .await
}

/// Whether SPARQL knows a provider with this identifier.
async fn in_sparql(app: &mut TestApp, slug: &str) -> bool {
    let ask = format!(
        "ASK {{ ?s a <http://schema.org/Organization> ; <http://schema.org/identifier> \"{slug}\" }}"
    );
    let query = serde_urlencoded::to_string([("query", ask)]).unwrap();
    let r = get_as(
        app,
        &format!("/sparql?{query}"),
        "application/sparql-results+json",
    )
    .await;
    assert_eq!(r.status, axum::http::StatusCode::OK, "{}", r.body);
    let json: serde_json::Value = serde_json::from_str(&r.body).unwrap();
    json["boolean"].as_bool().unwrap()
}

#[tokio::test]
async fn a_published_provider_answers_with_its_rdf_until_unpublished() {
    use axum::http::{StatusCode, header};

    let mut app = TestApp::new().await;
    let (owner, moderator) = people(&app).await;
    let ruche = published(
        &app,
        owner,
        moderator,
        &provider_form(
            "La Ruche aux octets",
            "Nous hébergeons des outils libres pour les associations lyonnaises.",
            "We host free software tools for associations around Lyon.",
        ),
    )
    .await;
    let path = format!("/directory/{}", ruche.slug);

    // A person is sent to the page in their language.
    let r = get_as(&mut app, &path, "text/html").await;
    assert_eq!(r.status, StatusCode::SEE_OTHER);
    assert_eq!(r.location(), format!("/fr{path}"));
    assert_eq!(r.headers[header::VARY], "Accept");

    // A machine gets the published profile as RDF.
    let r = get_as(&mut app, &path, "text/turtle").await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.body);
    assert!(
        r.headers[header::CONTENT_TYPE]
            .to_str()
            .unwrap()
            .starts_with("text/turtle")
    );
    for needle in [
        "schema:Organization",
        "\"La Ruche aux octets\"",
        "associations lyonnaises.\"@fr",
        "schema:makesOffer",
        "schema:areaServed",
        "schema:availableLanguage",
        "http://data.europa.eu/nuts/code/FRJ",
    ] {
        assert!(r.body.contains(needle), "{needle} in {}", r.body);
    }
    assert!(
        !r.body.contains("contact@ruche.example.org"),
        "the contact address is never published"
    );
    for (suffix, media) in [
        ("jsonld", "application/ld+json"),
        ("rdf", "application/rdf+xml"),
        ("nt", "application/n-triples"),
    ] {
        let r = get_as(&mut app, &format!("{path}.{suffix}"), "*/*").await;
        assert_eq!(r.status, StatusCode::OK, "{suffix}");
        assert!(
            r.headers[header::CONTENT_TYPE]
                .to_str()
                .unwrap()
                .starts_with(media)
        );
        assert!(r.body.contains("La Ruche aux octets"), "{suffix}");
    }

    // Changes waiting for review are not published.
    directory::update(
        &app.db,
        owner,
        ruche.id,
        &ProviderForm {
            name: "La Ruche renommée".into(),
            ..provider_form(
                "La Ruche renommée",
                "Nous hébergeons des outils libres pour les associations lyonnaises.",
                "We host free software tools for associations around Lyon.",
            )
        },
    )
    .await
    .unwrap();
    catch_up(&app).await;
    let r = get_as(&mut app, &format!("{path}.ttl"), "*/*").await;
    assert!(r.body.contains("La Ruche aux octets") && !r.body.contains("renommée"));

    // A draft has no RDF at all.
    let draft = directory::create(
        &app.db,
        owner,
        &provider_form("Brouillon", &"b".repeat(50), &"c".repeat(50)),
    )
    .await
    .unwrap();
    catch_up(&app).await;
    let r = get_as(&mut app, &format!("/directory/{}.ttl", draft.slug), "*/*").await;
    assert_eq!(r.status, StatusCode::NOT_FOUND);

    assert!(in_sparql(&mut app, &ruche.slug).await);

    // The dumps hold it, and the catalogue counts it among the organisations.
    let summary = app.rdf.dumps().write(app.rdf.store().as_ref()).unwrap();
    assert!(
        summary
            .classes
            .iter()
            .any(|(class, n)| class == "http://schema.org/Organization" && *n >= 1),
        "{:?}",
        summary.classes
    );
    let r = app.get("/data/dumps/archipel.nq.gz").await;
    assert_eq!(r.status, StatusCode::OK);
    let mut quads = String::new();
    std::io::Read::read_to_string(&mut flate2::read::GzDecoder::new(&r.bytes[..]), &mut quads)
        .unwrap();
    assert!(quads.contains(&format!("/directory/{}>", ruche.slug)));
    assert!(quads.contains("schema.org/makesOffer"));
    assert!(!quads.contains("contact@ruche.example.org"));

    // Unpublished: the graph is gone, from the entity URI and from SPARQL.
    review::unpublish(&app.db, moderator, ruche.id, "Closed down")
        .await
        .unwrap();
    catch_up(&app).await;
    let r = get_as(&mut app, &format!("{path}.ttl"), "*/*").await;
    assert_eq!(r.status, StatusCode::NOT_FOUND, "{}", r.body);
    assert!(!in_sparql(&mut app, &ruche.slug).await);

    // The rebuild of `archipel reindex` writes published providers again.
    review::submit(&app.db, owner, ruche.id).await.unwrap();
    review::approve(&app.db, moderator, ruche.id).await.unwrap();
    app.rdf.rebuild().await.unwrap();
    let r = get_as(&mut app, &format!("{path}.ttl"), "*/*").await;
    assert_eq!(r.status, StatusCode::OK);
    assert!(r.body.contains("La Ruche renommée"));
}

#[tokio::test]
async fn the_sitemap_lists_published_providers_in_every_language() {
    let mut app = TestApp::new().await;
    let (owner, moderator) = people(&app).await;
    let ruche = published(
        &app,
        owner,
        moderator,
        &provider_form(
            "La Ruche aux octets",
            "Nous hébergeons des outils libres pour les associations lyonnaises.",
            "We host free software tools for associations around Lyon.",
        ),
    )
    .await;
    let draft = directory::create(
        &app.db,
        owner,
        &provider_form("Brouillon", &"b".repeat(50), &"c".repeat(50)),
    )
    .await
    .unwrap();
    let r = app.get("/sitemap.xml").await;
    let base = "http://127.0.0.1:3000";
    for lang in ["fr", "en", "de", "it", "hr"] {
        let loc = format!("<loc>{base}/{lang}/directory/{}</loc>", ruche.slug);
        assert!(r.body.contains(&loc), "{loc}");
        let alt = format!(
            "hreflang=\"{lang}\" href=\"{base}/{lang}/directory/{}\"",
            ruche.slug
        );
        assert!(r.body.contains(&alt), "{alt}");
        assert!(
            r.body
                .contains(&format!("<loc>{base}/{lang}/directory</loc>"))
        );
        assert!(
            r.body
                .contains(&format!("<loc>{base}/{lang}/directory/regions</loc>"))
        );
    }
    assert!(
        !r.body.contains(&draft.slug),
        "a draft is not in the sitemap"
    );

    review::unpublish(&app.db, moderator, ruche.id, "Closed down")
        .await
        .unwrap();
    let r = app.get("/sitemap.xml").await;
    assert!(!r.body.contains(&format!("/directory/{}", ruche.slug)));
    let robots = app.get("/robots.txt").await;
    assert!(robots.body.contains("Disallow: /en/directory/review$\n"));
    assert!(robots.body.contains("Disallow: /en/directory/review/\n"));
    assert!(
        !robots.body.contains("Disallow: /en/directory/review\n"),
        "a provider whose slug begins with review stays crawlable"
    );
}
