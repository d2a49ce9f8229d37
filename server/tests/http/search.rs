//! Searching the library: published resources only, in every language,
//! through their topics' labels, with facets and pages.

use std::collections::BTreeMap;

use axum::http::StatusCode;
use store::concepts::{self, Concept};
use store::library::review::{self, TranslationForm};
use store::library::{self, ResourceForm};
use store::users::Role;

use crate::support::TestApp;

pub fn concept(id: &str, broader: Option<&str>, labels: &[(&str, &str)]) -> Concept {
    Concept {
        id: id.into(),
        broader: broader.map(str::to_string),
        labels: labels
            .iter()
            .map(|(l, t)| (l.to_string(), t.to_string()))
            .collect(),
        alt: BTreeMap::new(),
        shipped: true,
    }
}

pub async fn publish(
    app: &TestApp,
    user: i64,
    moderator: i64,
    org: i64,
    form: ResourceForm,
) -> library::Resource {
    let r = library::create(&app.db, user, org, &form).await.unwrap();
    review::submit(&app.db, user, r.id).await.unwrap();
    review::publish(&app.db, moderator, r.id).await.unwrap()
}

pub fn form(
    lang: &str,
    kind: &str,
    title: &str,
    description: &str,
    topic: &str,
    country: &str,
) -> ResourceForm {
    ResourceForm {
        kind: kind.into(),
        original_language: lang.into(),
        title: title.into(),
        description: description.into(),
        licence: "https://creativecommons.org/licenses/by-sa/4.0/".into(),
        country: country.into(),
        topics: vec![topic.into()],
        ..Default::default()
    }
}

#[tokio::test]
async fn resources_are_found_in_any_language_and_narrowed_by_facets() {
    let mut app = TestApp::new().await;
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
                &[
                    ("en", "Data protection"),
                    ("fr", "Protection des données"),
                    ("de", "Datenschutz"),
                ],
            ),
            concept(
                "backups",
                None,
                &[("en", "Backups"), ("hr", "Sigurnosne kopije")],
            ),
        ],
    )
    .await
    .unwrap();
    let de = app
        .organisation("Bürgerbildung Digital", "DE", "de", "")
        .await;
    let hr = app
        .organisation("Udruga Otvoreni Kod", "HR", "hr", "")
        .await;
    let user = app.user("c@example.org", Role::Learner).await.id;
    let moderator = app.user("m@example.org", Role::Moderator).await.id;
    let german = publish(
        &app,
        user,
        moderator,
        de.id,
        form(
            "de",
            "guide",
            "Datensparsamkeit im Verein",
            "Wie ein **Verein** wenig sammelt.",
            "data-protection",
            "DE",
        ),
    )
    .await;
    let croatian = publish(
        &app,
        user,
        moderator,
        hr.id,
        form(
            "hr",
            "video",
            "Kopije podataka za udruge",
            "Kako udruge čuvaju kopije.",
            "backups",
            "HR",
        ),
    )
    .await;
    review::save_translation(
        &app.db,
        user,
        croatian.id,
        &TranslationForm {
            lang: "en".into(),
            title: "Backing up an association's data".into(),
            description: "How associations keep copies.".into(),
            origin: "human".into(),
        },
    )
    .await
    .unwrap();
    review::submit_translation(&app.db, user, croatian.id, "en")
        .await
        .unwrap();
    review::publish_translation(&app.db, moderator, croatian.id, "en")
        .await
        .unwrap();
    // A draft is never found.
    library::create(
        &app.db,
        user,
        de.id,
        &form(
            "de",
            "guide",
            "Geheimer Entwurf Datenschutz",
            "",
            "data-protection",
            "DE",
        ),
    )
    .await
    .unwrap();
    app.indexer.catch_up().await.unwrap();

    // French words find the German resource through its topic.
    let r = app.get("/fr/search?q=protection+des+donn%C3%A9es").await;
    assert_eq!(r.status, StatusCode::OK);
    assert!(
        r.body
            .contains(&format!("href=\"/fr/library/resources/{}\"", german.uid)),
        "{}",
        r.body
    );
    assert!(r.body.contains("Datensparsamkeit im Verein"));
    assert!(!r.body.contains("Geheimer Entwurf"), "drafts stay out");
    assert!(!r.body.contains("**Verein**"), "snippets are plain text");

    // A result is shown in the language it matched in: the reader's when
    // its words are there, else the one that has them, with the matches.
    let r = app.get("/en/search?q=copies").await;
    assert!(
        r.body.contains("Backing up an association&#x27;s data")
            || r.body.contains("Backing up an association's data"),
        "{}",
        r.body
    );
    assert!(r.body.contains("keep <b>copies</b>"), "{}", r.body);
    let r = app.get("/en/search?q=kopije").await;
    let body = r.body.replace("<!>", "");
    assert!(
        body.contains(
            "Kopije podataka za udruge</a> <span lang=\"hr\" class=\"result-lang\">(hr)</span>"
        ),
        "{body}"
    );
    assert!(body.contains("čuvaju <b>kopije</b>"), "{body}");

    // Browsing by facets: counts over every match, values toggle.
    let r = app.get("/en/search?kind=resource").await;
    let body = r.body.replace("<!>", "");
    assert!(body.contains("2 results."), "{body}");
    assert!(
        body.contains("Digital ethics <span class=\"count\">(1)</span>"),
        "a broader topic counts its narrower ones"
    );
    assert!(body.contains("Guide <span class=\"count\">(1)</span>"));
    // Topics show as their tree: a narrower topic follows its broader one.
    let ethics = body
        .find("data-key=\"topic/digital-ethics\"")
        .expect("broader topic");
    let nested = body
        .find(
            "<li class=\"depth-1\"><a href=\"/en/search?kind=resource&amp;topic=data-protection\"",
        )
        .expect("narrower topic, nested");
    assert!(ethics < nested);
    assert!(
        r.body
            .contains("href=\"/en/search?kind=resource&amp;topic=data-protection\"")
    );
    let r = app.get("/en/search?kind=resource&type=video").await;
    assert!(r.body.contains("One result."));
    assert!(
        r.body.contains("aria-current=\"true\""),
        "the chosen value is marked"
    );
    let r = app.get("/en/search?topic=digital-ethics").await;
    assert!(r.body.contains("One result.") && r.body.contains("Datensparsamkeit"));

    // A typo still finds, and the page says the words were approximated.
    let r = app.get("/en/search?q=Datenspasamkeit").await;
    assert!(r.body.contains("Datensparsamkeit im Verein"));
    assert!(r.body.contains("here are results for close words"));

    // The same search as JSON, for partner instances and scripts.
    let r = app
        .get("/api/v1/search?q=Datensparsamkeit&lang=fr&type=guide")
        .await;
    assert_eq!(r.status, StatusCode::OK);
    let json: serde_json::Value = serde_json::from_str(&r.body).unwrap();
    assert_eq!(json["total"], 1);
    assert_eq!(json["hits"][0]["kind"], "resource");
    assert_eq!(json["hits"][0]["language"], "de");
    let url = json["hits"][0]["url"].as_str().unwrap();
    assert!(
        url.ends_with(&format!("/fr/library/resources/{}", german.uid)),
        "{url}"
    );
    assert_eq!(json["facets"]["type"]["guide"], 1);
    let doc = app.get("/api/v1/openapi.json").await.body;
    assert!(doc.contains("/api/v1/search"));

    // Typing: an unfinished word finds what it begins, and is not logged.
    let json: serde_json::Value =
        serde_json::from_str(&app.get("/api/v1/search?q=Datenspar&prefix=1").await.body).unwrap();
    assert_eq!(json["total"], 1);
    let json: serde_json::Value =
        serde_json::from_str(&app.get("/api/v1/search?q=Datenspar").await.body).unwrap();
    assert_eq!(json["total"], 0, "a submitted search takes words whole");
    assert_eq!(
        json["suggestion"],
        serde_json::Value::Null,
        "no close word either"
    );
    // Did you mean, and newest first without scores.
    let json: serde_json::Value =
        serde_json::from_str(&app.get("/api/v1/search?q=kopjie").await.body).unwrap();
    assert_eq!(json["suggestion"], "kopije");
    let r = app.get("/en/search?q=kopjie").await;
    assert!(r.body.contains("Did you mean:"), "{}", r.body);
    assert!(
        r.body.contains("href=\"/en/search?q=kopije\""),
        "{}",
        r.body
    );
    let json: serde_json::Value = serde_json::from_str(
        &app.get("/api/v1/search?kind=resource&sort=newest")
            .await
            .body,
    )
    .unwrap();
    assert_eq!(
        json["hits"][0]["title"], "Kopije podataka za udruge",
        "published last"
    );
    assert_eq!(json["hits"][0]["score"], serde_json::Value::Null);
    // Nothing found among the chosen facets: a way back without them.
    let r = app.get("/en/search?q=kopije&type=guide").await;
    assert!(r.body.contains("Nothing found for “kopije”."), "{}", r.body);
    assert!(
        r.body.contains("href=\"/en/search?q=kopije\""),
        "{}",
        r.body
    );
    // Before any search: what there is, by kind and topic.
    let r = app.get("/en/search").await;
    let body = r.body.replace("<!>", "");
    assert!(body.contains("Browse everything"), "{body}");
    assert!(
        body.contains("Library resource <span class=\"count\">(2)</span>"),
        "{body}"
    );
    assert!(body.contains("href=\"/en/search?topic=backups\""), "{body}");

    // Searches that found nothing are logged, anonymously, for authors;
    // what was typed on the way is not.
    app.get("/en/search?q=permacult&prefix=1").await;
    app.get("/en/search?q=permaculture").await;
    let mut failed = Vec::new();
    for _ in 0..50 {
        failed = store::search_log::failed(&app.db, 10).await.unwrap();
        if !failed.is_empty() {
            break;
        }
        tokio::time::sleep(std::time::Duration::from_millis(20)).await;
    }
    assert_eq!(failed[0].query, "permaculture");
    assert!(failed.iter().all(|f| f.query != "permacult"), "{failed:?}");
    assert_eq!((failed[0].lang.as_str(), failed[0].results), ("en", 0));

    // Unpublished, it leaves the index.
    review::unpublish(&app.db, moderator, german.id, "outdated")
        .await
        .unwrap();
    app.indexer.catch_up().await.unwrap();
    let r = app.get("/en/search?q=Datensparsamkeit").await;
    assert!(r.body.contains("No result."));
    // A rebuild gives the same: partners, published resources, and the
    // fixture's course with its two lessons.
    assert_eq!(app.indexer.rebuild().await.unwrap(), 3 + 3);
}

#[tokio::test]
async fn courses_and_lessons_are_found_in_their_languages() {
    let mut app = TestApp::new().await;
    assert!(
        app.indexer.index_courses().await.unwrap() >= 3,
        "the course and its lessons"
    );
    let r = app.get("/en/search?q=bonjour").await;
    let results = r
        .body
        .split("class=\"result-count\"")
        .nth(1)
        .unwrap_or_default()
        .to_string();
    assert!(
        r.body.contains("href=\"/en/courses/sample/basics/first\""),
        "{results}"
    );
    let r = app.get("/en/search?kind=lesson").await;
    let body = r.body.replace("<!>", "");
    assert!(body.contains("Lesson <span class=\"count\">"), "{body}");
    // The English reader gets the English title of a translated lesson.
    let r = app.get("/en/search?q=hello").await;
    assert!(r.body.contains("First lesson"), "{}", r.body);
    // Indexing again replaces, never duplicates.
    let before = app.indexer.index().num_docs();
    app.indexer.index_courses().await.unwrap();
    assert_eq!(app.indexer.index().num_docs(), before);
}
