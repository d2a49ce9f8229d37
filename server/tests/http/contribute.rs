//! Contributing and reviewing through the pages: a member of one partner
//! proposes a resource, a moderator sends it back, it is fixed, resubmitted
//! and published; who may do what.

use std::collections::BTreeMap;

use axum::http::StatusCode;
use store::concepts::{self, Concept};
use store::organisations::OrgRole;
use store::users::Role;

use crate::support::{Reply, TestApp};

pub(crate) async fn setup() -> (TestApp, i64, i64) {
    setup_with(TestApp::new().await).await
}

/// Two partners with a member each, and a moderator, on `app`.
pub(crate) async fn setup_with(app: TestApp) -> (TestApp, i64, i64) {
    concepts::sync_scheme(
        &app.db,
        &[Concept {
            id: "free-software".into(),
            broader: None,
            labels: BTreeMap::from([("en".to_string(), "Free software".to_string())]),
            alt: BTreeMap::new(),
            shipped: true,
        }],
    )
    .await
    .unwrap();
    let a = app
        .organisation("Les Tisserands", "fr", "fr", "https://t.example.org")
        .await;
    let b = app
        .organisation("Rete Civica", "it", "it", "https://r.example.org")
        .await;
    for (email, org) in [("a@example.org", a.id), ("b@example.org", b.id)] {
        app.user(email, Role::Learner).await;
        store::organisations::add_member(&app.db, org, email, OrgRole::Member)
            .await
            .unwrap();
    }
    app.user("mod@example.org", Role::Moderator).await;
    (app, a.id, b.id)
}

pub(crate) fn resource_fields(org: i64, title: &str) -> Vec<(String, String)> {
    [
        ("organisation", org.to_string()),
        ("kind", "guide".into()),
        ("original_language", "fr".into()),
        ("title", title.into()),
        ("description", "Un guide pour commencer.".into()),
        (
            "licence",
            "https://creativecommons.org/licenses/by-sa/4.0/".into(),
        ),
        ("country", "fr".into()),
        ("authors", "Ada".into()),
        ("date_created", "2025".into()),
        ("url", "https://example.org/guide".into()),
        ("topics", "free-software".into()),
    ]
    .into_iter()
    .map(|(k, v)| (k.to_string(), v))
    .collect()
}

async fn post(app: &mut TestApp, uri: &str, fields: &[(String, String)]) -> Reply {
    let pairs: Vec<(&str, &str)> = fields
        .iter()
        .map(|(k, v)| (k.as_str(), v.as_str()))
        .collect();
    app.post(uri, &pairs).await
}

/// A member of `org` proposes a resource that the moderator publishes, through
/// the pages; returns its page and the moderator's browser.
pub(crate) async fn published(app: &mut TestApp, org: i64, title: &str) -> (String, TestApp) {
    app.login("a@example.org").await;
    let r = post(app, "/en/library/new", &resource_fields(org, title)).await;
    let page = r.location().to_string();
    app.post(&format!("{page}/submit"), &[]).await;
    let mut moderator = app.browser();
    moderator.login("mod@example.org").await;
    let r = moderator.post(&format!("{page}/publish"), &[]).await;
    assert_eq!(r.location(), page, "published");
    (page, moderator)
}

#[tokio::test]
async fn a_resource_goes_from_draft_to_published_through_review() {
    let (mut app, a, _) = setup().await;
    app.login("a@example.org").await;
    let r = app.get("/en/library/new").await;
    assert_eq!(r.status, StatusCode::OK);
    assert!(r.body.contains("Les Tisserands"));

    let mut bad = resource_fields(a, "");
    bad.retain(|(k, _)| k != "topics");
    let r = post(&mut app, "/en/library/new", &bad).await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(r.body.contains("Choose at least one topic."));
    assert!(
        r.body.contains("value=\"https://example.org/guide\""),
        "typed values stay"
    );

    let r = post(
        &mut app,
        "/en/library/new",
        &resource_fields(a, "Guide des chatons"),
    )
    .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
    let page = r.location().to_string();
    assert!(page.starts_with("/en/library/resources/"));
    let r = app.get(&page).await;
    assert!(r.body.contains("The resource is saved."));
    assert!(r.body.contains("Draft: visible only to your organisation"));
    assert!(r.body.contains("Send for review"));
    let r = app.post(&format!("{page}/submit"), &[]).await;
    assert_eq!(r.location(), page);

    let mut moderator = app.browser();
    moderator.login("mod@example.org").await;
    let r = moderator.get("/en/library/review").await;
    assert!(r.body.contains("Guide des chatons"));
    let r = moderator
        .post(&format!("{page}/request-changes"), &[("comment", "")])
        .await;
    assert_eq!(r.location(), page);
    assert!(
        moderator
            .get(&page)
            .await
            .body
            .contains("This action could not be done"),
        "a comment is required"
    );
    moderator
        .post(
            &format!("{page}/request-changes"),
            &[("comment", "Please name the second author.")],
        )
        .await;

    let r = app.get(&page).await;
    assert!(r.body.contains("Changes were requested."));
    assert!(
        r.body.contains("Please name the second author."),
        "the contributor sees the comment"
    );
    let mut fixed = resource_fields(a, "Guide des chatons");
    fixed.retain(|(k, _)| k != "authors");
    fixed.push(("authors".into(), "Ada\nGrace".into()));
    let r = post(&mut app, &format!("{page}/edit"), &fixed).await;
    assert_eq!(r.status, StatusCode::SEE_OTHER);
    app.post(&format!("{page}/submit"), &[]).await;

    let r = moderator.post(&format!("{page}/publish"), &[]).await;
    assert_eq!(r.location(), page);
    let mut anonymous = app.browser();
    let r = anonymous.get("/en/library").await;
    assert!(r.body.contains("Guide des chatons"));
    let r = anonymous.get(&page).await;
    assert_eq!(r.status, StatusCode::OK);
    assert!(r.body.contains("Ada, Grace"));
    assert!(!r.body.contains("History"), "the history is not public");
}

#[tokio::test]
async fn each_role_may_do_only_its_part() {
    let (mut app, a, b) = setup().await;
    // A learner cannot propose resources.
    app.user("learner@example.org", Role::Learner).await;
    app.login("learner@example.org").await;
    assert_eq!(
        app.get("/en/library/new").await.status,
        StatusCode::FORBIDDEN
    );

    let mut member_a = app.browser();
    member_a.login("a@example.org").await;
    // Not for another organisation.
    let r = post(
        &mut member_a,
        "/en/library/new",
        &resource_fields(b, "Pour B"),
    )
    .await;
    assert_eq!(r.status, StatusCode::FORBIDDEN);
    let r = post(
        &mut member_a,
        "/en/library/new",
        &resource_fields(a, "De A"),
    )
    .await;
    let page = r.location().to_string();
    member_a.post(&format!("{page}/submit"), &[]).await;
    // No self-review.
    let r = member_a.post(&format!("{page}/publish"), &[]).await;
    assert_eq!(r.status, StatusCode::FORBIDDEN);

    // A member of another partner can neither see nor edit the draft.
    let mut member_b = app.browser();
    member_b.login("b@example.org").await;
    assert_eq!(member_b.get(&page).await.status, StatusCode::NOT_FOUND);
    assert_eq!(
        member_b.get(&format!("{page}/edit")).await.status,
        StatusCode::FORBIDDEN
    );
    let r = post(
        &mut member_b,
        &format!("{page}/edit"),
        &resource_fields(a, "Pris"),
    )
    .await;
    assert_eq!(r.status, StatusCode::FORBIDDEN);
    assert_eq!(
        member_b.get("/en/library/review").await.status,
        StatusCode::FORBIDDEN
    );

    // Signed out: asked to log in.
    let mut anonymous = app.browser();
    let r = anonymous.get("/en/library/new").await;
    assert_eq!(r.status, StatusCode::SEE_OTHER);
    assert!(r.location().starts_with("/en/login"));
}

/// A human Italian translation of the resource at `page`, as its form sends it.
pub(crate) async fn propose_italian(translator: &mut TestApp, page: &str) -> Reply {
    translator
        .post(
            &format!("{page}/translations"),
            &[
                ("lang", "it"),
                ("title", "Guida dei chatons"),
                ("description", "Una guida per iniziare."),
                ("origin", "human"),
            ],
        )
        .await
}

#[tokio::test]
async fn another_partner_translates_a_published_resource() {
    let (mut app, a, _) = setup().await;
    let (page, mut moderator) = published(&mut app, a, "Guide des chatons").await;

    let mut translator = app.browser();
    translator.login("b@example.org").await;
    let r = translator.get(&page).await;
    assert!(r.body.contains("Add or edit a translation"));
    let r = translator
        .post(
            &format!("{page}/translations"),
            &[("lang", "fr"), ("title", "x"), ("origin", "human")],
        )
        .await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(
        r.body
            .contains("Language of the translation: This is the resource's original language"),
        "the error names the field's problem: {}",
        r.body.split("<main").nth(1).unwrap_or_default()
    );
    let r = propose_italian(&mut translator, &page).await;
    assert_eq!(r.status, StatusCode::SEE_OTHER);
    let it_page = page.replacen("/en/", "/it/", 1);
    let mut reader = app.browser();
    assert!(
        !reader
            .get(&it_page)
            .await
            .body
            .contains("Guida dei chatons"),
        "a draft translation is not shown to readers"
    );
    translator
        .post(&format!("{page}/translations/it/submit"), &[])
        .await;
    let r = moderator.get("/en/library/review").await;
    assert!(r.body.contains(&format!("{page}?in=it")), "{}", r.body);
    // Translators do not review.
    let r = translator
        .post(&format!("{page}/translations/it/publish"), &[])
        .await;
    assert_eq!(r.status, StatusCode::FORBIDDEN);
    moderator
        .post(&format!("{page}/translations/it/publish"), &[])
        .await;
    let r = reader.get(&it_page).await;
    assert!(r.body.contains("Guida dei chatons"));
    assert!(
        !r.body.contains("non è tradotta"),
        "no fallback note any more"
    );
}

#[tokio::test]
async fn readers_ask_for_translations_and_partners_take_them() {
    let (mut app, a, _) = setup().await;
    let (page, _moderator) = published(&mut app, a, "Guide des chatons").await;

    let mut reader = app.browser();
    reader.user("reader@example.org", Role::Learner).await;
    reader.login("reader@example.org").await;
    let r = reader.get(&page).await;
    assert!(r.body.contains("Ask for a translation"));
    let r = reader
        .post(&format!("{page}/request-translation"), &[("lang", "fr")])
        .await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(
        r.body
            .contains("This resource already exists in this language.")
    );
    let r = reader
        .post(&format!("{page}/request-translation"), &[("lang", "it")])
        .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER);

    // Rete Civica declared Italian: it sees the request; Les Tisserands (French) does not.
    let mut italian = app.browser();
    italian.login("b@example.org").await;
    let r = italian.get("/en/library/requests").await;
    assert!(r.body.contains("Guide des chatons"), "{}", r.body);
    let take = r
        .body
        .split("action=\"")
        .map(|s| s.split('"').next().unwrap())
        .find(|a| a.ends_with("/take"))
        .expect("a take button")
        .to_string();
    assert!(
        !app.get("/en/library/requests")
            .await
            .body
            .contains("Guide des chatons")
    );
    let r = italian.post(&take, &[]).await;
    assert_eq!(r.location(), format!("{page}#translations"));
    let r = italian.get("/en/library/requests").await;
    assert!(r.body.contains("taken on by your organisation"));
    assert_eq!(
        reader.get("/en/library/requests").await.status,
        StatusCode::FORBIDDEN,
        "readers do not translate"
    );
}

#[tokio::test]
async fn another_licence_is_given_by_uri_or_spdx_id_and_junk_is_refused() {
    let (mut app, a, _) = setup().await;
    app.login("a@example.org").await;
    let r = app.get("/en/library/new").await;
    assert!(r.body.contains("<option value=\"other\""), "{}", r.body);
    assert!(r.body.contains("name=\"licence_other\""));

    let other = |value: &str| {
        let mut fields = resource_fields(a, "Guide sous une autre licence");
        for (k, v) in fields.iter_mut() {
            if k == "licence" {
                *v = "other".into();
            }
        }
        fields.push(("licence_other".into(), value.into()));
        fields
    };
    for junk in ["free to share", "javascript:alert(1)"] {
        let r = post(&mut app, "/en/library/new", &other(junk)).await;
        assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY, "{junk}");
        assert!(
            r.body.contains("id=\"licence_other-error\"")
                && r.body.contains("neither the web address"),
            "{junk}: {}",
            r.body
        );
        assert!(
            r.body.contains("<option value=\"other\" selected"),
            "{junk}"
        );
    }

    // Written as the GNU site's old address: stored and shown as the licence.
    let r = post(
        &mut app,
        "/en/library/new",
        &other("http://www.gnu.org/licenses/old-licenses/gpl-2.0"),
    )
    .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
    let page = r.location().to_string();
    let body = app.get(&page).await.body;
    assert!(
        body.contains(
            "href=\"https://www.gnu.org/licenses/old-licenses/gpl-2.0.html\" class=\"badge\">GNU GPL 2.0</a>"
        ),
        "{body}"
    );
    // An SPDX id, localised; a licence the registry does not know, by address.
    let r = post(&mut app, "/fr/library/new", &other("GPL-3.0+")).await;
    let body = app.get(r.location()).await.body;
    assert!(
        body.contains(">GNU GPL 3.0 ou version ultérieure</a>"),
        "{body}"
    );
    let r = post(
        &mut app,
        "/en/library/new",
        &other("https://licences.example.coop/share-v1"),
    )
    .await;
    let edit = format!("{}/edit", r.location());
    let body = app.get(r.location()).await.body;
    assert!(
        body.contains("href=\"https://licences.example.coop/share-v1\" class=\"badge\">licences.example.coop/share-v1</a>"),
        "{body}"
    );
    // Editing shows it in the "other" field again.
    let body = app.get(&edit).await.body;
    assert!(
        body.contains("value=\"https://licences.example.coop/share-v1\""),
        "{body}"
    );
}
