//! The library's pages: home, resource page in the reader's language with
//! fallback, licence and citation, and who may see what is not published.

use std::collections::BTreeMap;

use axum::http::StatusCode;
use store::concepts::{self, Concept};
use store::library::review::{self, TranslationForm};
use store::library::{self, ResourceForm};
use store::organisations::OrgRole;
use store::users::Role;

use crate::support::TestApp;

pub(crate) struct Fixture {
    uid: String,
    id: i64,
    moderator: i64,
    contributor: i64,
}

pub(crate) async fn fixture(app: &TestApp, publish: bool) -> Fixture {
    concepts::sync_scheme(
        &app.db,
        &[Concept {
            id: "free-software".into(),
            broader: None,
            labels: BTreeMap::from([
                ("en".to_string(), "Free software".to_string()),
                ("fr".to_string(), "Logiciel libre".to_string()),
            ]),
            alt: BTreeMap::new(),
            shipped: true,
        }],
    )
    .await
    .unwrap();
    let org = app
        .organisation("Les Tisserands", "fr", "fr", "https://t.example.org")
        .await;
    let contributor = app.user("c@example.org", Role::Learner).await;
    store::organisations::add_member(&app.db, org.id, "c@example.org", OrgRole::Member)
        .await
        .unwrap();
    let moderator = app.user("m@example.org", Role::Moderator).await;
    let form = ResourceForm {
        kind: "guide".into(),
        original_language: "fr".into(),
        title: "Héberger ses outils".into(),
        description: "Un guide **pratique**.<script>alert(1)</script>".into(),
        licence: "https://creativecommons.org/licenses/by-sa/4.0/".into(),
        country: "FR".into(),
        authors: "Ada Lovelace".into(),
        date_created: "2024-03".into(),
        url: "https://example.org/guide".into(),
        topics: vec!["free-software".into()],
        ..Default::default()
    };
    let r = library::create(&app.db, contributor.id, org.id, &form)
        .await
        .unwrap();
    if publish {
        review::submit(&app.db, contributor.id, r.id).await.unwrap();
        review::publish(&app.db, moderator.id, r.id).await.unwrap();
    }
    Fixture {
        uid: r.uid,
        id: r.id,
        moderator: moderator.id,
        contributor: contributor.id,
    }
}

#[tokio::test]
async fn an_empty_library_says_so() {
    let mut app = TestApp::new().await;
    let r = app.get("/en/library").await;
    assert_eq!(r.status, StatusCode::OK);
    assert!(
        r.body
            .contains("The library has no published resource yet.")
    );
}

#[tokio::test]
async fn a_published_resource_is_listed_and_read_with_fallback() {
    let mut app = TestApp::new().await;
    let f = fixture(&app, true).await;
    let r = app.get("/en/library").await;
    assert!(r.body.contains("1 published resource(s)"), "{}", r.body);
    assert!(r.body.contains("Héberger ses outils"));

    let page = format!("/en/library/resources/{}", f.uid);
    let r = app.get(&page).await;
    assert_eq!(r.status, StatusCode::OK);
    assert!(
        r.body
            .contains("This resource is not translated into your language")
    );
    assert!(
        r.body.contains("<strong>pratique</strong>"),
        "Markdown rendered"
    );
    // Link previews: OpenGraph title, type, address and description.
    let head = r.body.split("</head>").next().unwrap();
    assert!(
        head.contains("property=\"og:title\" content=\"Héberger ses outils\""),
        "{head}"
    );
    assert!(head.contains("property=\"og:type\" content=\"article\""));
    assert!(head.contains(&format!(
        "property=\"og:url\" content=\"http://127.0.0.1:3000{page}\""
    )));
    assert!(head.contains("property=\"og:description\" content=\"Un guide pratique."));
    assert!(
        !r.body.contains("<script>alert"),
        "and sanitised: the tag goes, its text stays inert"
    );
    assert!(r.body.contains("rel=\"license\""));
    assert!(r.body.contains("CC BY-SA 4.0"));
    assert!(
        r.body.contains("Free software"),
        "topics in the reader's language"
    );
    assert!(
        r.body.contains(
            "Ada Lovelace (2024). Héberger ses outils. Les Tisserands. https://example.org/guide"
        ),
        "citation"
    );

    // With a published English translation, English readers get it.
    review::save_translation(
        &app.db,
        f.contributor,
        f.id,
        &TranslationForm {
            lang: "en".into(),
            title: "Hosting your own tools".into(),
            description: "A practical guide.".into(),
            origin: "machine-assisted".into(),
        },
    )
    .await
    .unwrap();
    review::submit_translation(&app.db, f.contributor, f.id, "en")
        .await
        .unwrap();
    let r = app.get(&page).await;
    assert!(
        !r.body.contains("Hosting your own tools"),
        "not before it is reviewed"
    );
    review::publish_translation(&app.db, f.moderator, f.id, "en")
        .await
        .unwrap();
    app.settle().await;
    let r = app.get(&page).await;
    assert!(r.body.contains("Hosting your own tools"));
    assert!(r.body.contains("made with the help of a machine"));
    assert!(
        r.body.contains(&format!("{page}?in=fr")),
        "also available in French"
    );
    let r = app.get(&format!("{page}?in=fr")).await;
    assert!(r.body.contains("Héberger ses outils"));

    // Views count towards "most viewed".
    let r = app.get("/en/library").await;
    assert!(r.body.contains("Most viewed"));

    // The publisher's page lists it, with its own feed.
    let slug = store::organisations::list(&app.db).await.unwrap()[0]
        .slug
        .clone();
    let r = app.get(&format!("/en/partners/{slug}")).await;
    assert!(r.body.contains("Published resources"));
    assert!(r.body.contains("Hosting your own tools"));
    assert!(
        r.body
            .contains(&format!("/en/library/feed.atom?partner={slug}"))
    );
}

#[tokio::test]
async fn drafts_are_seen_by_their_organisation_and_moderators_only() {
    let mut app = TestApp::new().await;
    let f = fixture(&app, false).await;
    let page = format!("/en/library/resources/{}", f.uid);
    assert_eq!(app.get(&page).await.status, StatusCode::NOT_FOUND);
    assert!(
        !app.get("/en/library").await.body.contains("Héberger"),
        "drafts are not listed"
    );

    app.user("other@example.org", Role::Contributor).await;
    app.login("other@example.org").await;
    assert_eq!(app.get(&page).await.status, StatusCode::NOT_FOUND);

    let mut member = app.browser();
    member.login("c@example.org").await;
    let r = member.get(&page).await;
    assert_eq!(r.status, StatusCode::OK);
    assert!(
        r.body
            .contains("Draft: visible only to your organisation and moderators.")
    );

    let mut moderator = app.browser();
    moderator.login("m@example.org").await;
    assert_eq!(moderator.get(&page).await.status, StatusCode::OK);
    assert_eq!(
        app.get("/en/library/resources/nope").await.status,
        StatusCode::NOT_FOUND
    );
}

#[tokio::test]
async fn the_atom_feed_lists_new_resources_by_topic_and_partner() {
    let mut app = TestApp::new().await;
    let f = fixture(&app, true).await;
    let r = app.get("/en/library/feed.atom").await;
    assert_eq!(r.status, StatusCode::OK);
    assert_eq!(
        r.headers["content-type"],
        "application/atom+xml; charset=utf-8"
    );
    let feed: atom_syndication::Feed = r.body.parse().expect("a well-formed Atom feed");
    assert_eq!(feed.entries.len(), 1);
    let entry = &feed.entries[0];
    assert_eq!(entry.title.value, "Héberger ses outils");
    assert!(
        entry
            .id
            .ends_with(&format!("/en/library/resources/{}", f.uid))
    );
    assert_eq!(entry.authors[0].name, "Ada Lovelace");
    assert_eq!(entry.categories[0].term, "free-software");
    assert_eq!(entry.rights.as_ref().unwrap().value, "CC BY-SA 4.0");
    assert!(feed.links.iter().any(|l| l.rel == "self"));

    let by_topic = app.get("/en/library/feed.atom?topic=free-software").await;
    let feed: atom_syndication::Feed = by_topic.body.parse().unwrap();
    assert_eq!(feed.entries.len(), 1);
    assert!(feed.title.value.starts_with("Free software · "));
    let slug = store::organisations::list(&app.db).await.unwrap()[0]
        .slug
        .clone();
    let by_partner = app
        .get(&format!("/en/library/feed.atom?partner={slug}"))
        .await;
    let feed: atom_syndication::Feed = by_partner.body.parse().unwrap();
    assert_eq!(feed.entries.len(), 1);
    for bad in ["?topic=nope", "?partner=nope"] {
        let r = app.get(&format!("/en/library/feed.atom{bad}")).await;
        assert_eq!(r.status, StatusCode::NOT_FOUND, "{bad}");
    }
}

#[tokio::test]
async fn the_sitemap_lists_public_pages_in_every_language() {
    let mut app = TestApp::new().await;
    let published = fixture(&app, true).await;
    let r = app.get("/sitemap.xml").await;
    assert_eq!(r.status, StatusCode::OK);
    assert!(r.body.starts_with("<?xml"));
    let base = "http://127.0.0.1:3000";
    for lang in ["fr", "en", "de", "it", "hr"] {
        assert!(
            r.body.contains(&format!(
                "<loc>{base}/{lang}/courses/sample/basics/first</loc>"
            )),
            "{lang}"
        );
        assert!(r.body.contains(&format!(
            "<loc>{base}/{lang}/library/resources/{}</loc>",
            published.uid
        )));
    }
    assert!(r.body.contains(&format!(
        "hreflang=\"de\" href=\"{base}/de/courses/sample\""
    )));
    // A draft is not in the sitemap.
    let mut draft_app = TestApp::new().await;
    let draft = fixture(&draft_app, false).await;
    let r = draft_app.get("/sitemap.xml").await;
    assert!(!r.body.contains(&draft.uid));
    let robots = draft_app.get("/robots.txt").await;
    assert!(
        robots
            .body
            .contains(&format!("Sitemap: {base}/sitemap.xml"))
    );
    assert!(robots.body.contains("Disallow: /fr/account"));
}

#[tokio::test]
async fn the_library_is_browsed_by_kind_language_country_partner_and_topic() {
    let mut app = TestApp::new().await;
    fixture(&app, true).await;
    let slug = store::organisations::list(&app.db).await.unwrap()[0]
        .slug
        .clone();
    let r = app.get("/en/library").await;
    assert!(
        r.body.contains("<option value=\"FR\">FR</option>"),
        "countries offered"
    );
    for (query, found) in [
        ("kind=guide", true),
        ("kind=video", false),
        ("language=fr", true),
        ("language=de", false),
        ("country=fr", true),
        ("country=IT", false),
        (&*format!("partner={slug}"), true),
        ("partner=nobody", false),
        ("topic=free-software", true),
        (
            "topic=free-software&kind=guide&language=fr&country=FR",
            true,
        ),
    ] {
        let r = app.get(&format!("/en/library?{query}")).await;
        assert_eq!(r.status, StatusCode::OK, "{query}");
        assert_eq!(r.body.contains("Héberger ses outils"), found, "{query}");
        if !found {
            assert!(
                r.body.contains("No resource matches these filters."),
                "{query}"
            );
        }
    }
}
