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
    server::search_docs::providers::provider_slugs(app.indexer.index(), q, "en").unwrap()
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

    // In either language of its descriptions, by its name, by its services.
    assert_eq!(slugs(&app, "associations lyonnaises"), [ruche.slug.clone()]);
    assert_eq!(slugs(&app, "free software tools"), [ruche.slug.clone()]);
    assert_eq!(slugs(&app, "ruche"), [ruche.slug.clone()]);
    assert_eq!(slugs(&app, "nextcloud"), [ruche.slug.clone()]);
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
    assert_eq!(slugs(&app, "lyonnaises"), [ruche.slug.clone()]);

    review::unpublish(&app.db, moderator, ruche.id, "Closed down")
        .await
        .unwrap();
    app.indexer.catch_up().await.unwrap();
    assert!(slugs(&app, "lyonnaises").is_empty(), "unpublished: gone");

    // A rebuild holds the same: only what is published.
    review::submit(&app.db, owner, ruche.id).await.unwrap();
    review::approve(&app.db, moderator, ruche.id).await.unwrap();
    app.indexer.catch_up().await.unwrap();
    app.indexer.rebuild().await.unwrap();
    assert_eq!(slugs(&app, "bénévoles"), [ruche.slug.clone()]);
    assert!(slugs(&app, "brouillon").is_empty());
}
