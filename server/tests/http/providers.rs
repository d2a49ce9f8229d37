//! Providers' own pages: creating and editing a profile, who may open
//! which page, the inbox of help requests, members, and the
//! administrators' list of every request.

use axum::http::StatusCode;
use store::directory::requests::{self, HelpRequestForm};
use store::directory::{self, Provider, ProviderForm, review};
use store::users::Role;

use crate::support::{Reply, TestApp};

/// The profile form as a browser posts it.
pub(crate) fn profile(name: &str) -> Vec<(String, String)> {
    [
        ("name", name),
        ("contact_email", "contact@nuage.example.org"),
        ("original_language", "fr"),
        (
            "description_fr",
            "Nous hébergeons des outils libres pour les associations de la région.",
        ),
        ("description_en", ""),
        ("help", "hosting"),
        ("help", "training"),
        ("services", "nextcloud"),
        ("areas", "FRJ"),
        ("areas", "BE"),
        ("areas_other", "pl"),
        ("remote", "1"),
        ("languages", "fr, en"),
        ("prices", "sliding-scale"),
        ("legal_form", "association"),
        ("chatons", "1"),
        ("website", "https://nuage.example.org"),
        ("commitments", "no-tracking"),
    ]
    .into_iter()
    .map(|(k, v)| (k.to_string(), v.to_string()))
    .collect()
}

pub(crate) async fn post(app: &mut TestApp, uri: &str, fields: &[(String, String)]) -> Reply {
    let pairs: Vec<(&str, &str)> = fields
        .iter()
        .map(|(k, v)| (k.as_str(), v.as_str()))
        .collect();
    app.post(uri, &pairs).await
}

/// The owner, a stranger, a moderator and an administrator.
pub(crate) async fn setup() -> TestApp {
    let app = TestApp::new().await;
    app.user("owner@example.org", Role::Learner).await;
    app.user("other@example.org", Role::Learner).await;
    app.user("mod@example.org", Role::Moderator).await;
    app.user("admin@example.org", Role::Admin).await;
    app
}

async fn id_of(app: &TestApp, email: &str) -> i64 {
    store::users::find_by_email(&app.db, email)
        .await
        .unwrap()
        .unwrap()
        .id
}

fn store_form(name: &str) -> ProviderForm {
    ProviderForm {
        name: name.into(),
        original_language: "en".into(),
        descriptions: [(
            "en".to_string(),
            "We train associations to use free software for their daily work.".to_string(),
        )]
        .into(),
        help: vec!["training".into()],
        areas: vec!["IT".into()],
        on_site: true,
        languages: "it, en".into(),
        prices: vec!["free".into()],
        legal_form: "cooperative".into(),
        contact_email: "hello@formazione.example.org".into(),
        ..Default::default()
    }
}

/// A provider of `email`'s account, created, submitted and approved in the store.
pub(crate) async fn published(app: &TestApp, email: &str, name: &str) -> Provider {
    let owner = id_of(app, email).await;
    let moderator = id_of(app, "mod@example.org").await;
    let p = directory::create(&app.db, owner, &store_form(name))
        .await
        .unwrap();
    review::submit(&app.db, owner, p.id).await.unwrap();
    review::approve(&app.db, moderator, p.id).await.unwrap()
}

/// Whether the checkbox with this id is ticked in a page.
pub(crate) fn checked(body: &str, id: &str) -> bool {
    let at = body
        .find(&format!("id=\"{id}\""))
        .unwrap_or_else(|| panic!("no {id}"));
    let tag = &body[at..at + body[at..].find('>').unwrap()];
    tag.contains(" checked")
}

fn help_request(sender: &str, email: &str) -> HelpRequestForm {
    HelpRequestForm {
        sender_name: sender.into(),
        sender_email: email.into(),
        organisation: "Les Amis du Quartier".into(),
        message: "We would like to move our shared files away from a big platform.".into(),
        lang: "fr".into(),
    }
}

/// A help request from `name` stored for provider `p`.
async fn ask(app: &TestApp, p: &Provider, name: &str, email: &str) -> requests::HelpRequest {
    requests::send(&app.db, p, None, &help_request(name, email))
        .await
        .unwrap()
}

#[tokio::test]
async fn anonymous_visitors_are_sent_to_sign_in_from_every_provider_page() {
    let mut app = setup().await;
    let p = published(&app, "owner@example.org", "Formazione Libera").await;
    let slug = p.slug.clone();
    for path in [
        "/directory/new".to_string(),
        "/directory/mine".into(),
        "/directory/review".into(),
        "/admin/help-requests".into(),
        format!("/directory/{slug}/edit"),
        format!("/directory/{slug}/members"),
        format!("/directory/{slug}/requests"),
        format!("/directory/review/{slug}"),
    ] {
        let r = app.get(&format!("/en{path}")).await;
        assert_eq!(r.status, StatusCode::SEE_OTHER, "{path}");
        assert!(
            r.location() == format!("/en/login?next=/en{path}"),
            "{path}: {}",
            r.location()
        );
    }
    app.get("/en/").await;
    for path in ["submit", "confirm", "members"] {
        let r = app.post(&format!("/en/directory/{slug}/{path}"), &[]).await;
        assert_eq!(r.status, StatusCode::SEE_OTHER, "{path}");
        assert!(r.location().starts_with("/en/login"), "{path}");
    }
    let r = app
        .post(&format!("/en/directory/review/{slug}/approve"), &[])
        .await;
    assert!(r.location().starts_with("/en/login"));
    assert!(
        directory::get(&app.db, p.id).await.unwrap().status == directory::Status::Published,
        "nothing changed"
    );
}

#[tokio::test]
async fn a_member_creates_edits_and_submits_a_profile() {
    let mut app = setup().await;
    app.login("owner@example.org").await;
    let r = app.get("/en/directory/new").await;
    assert_eq!(r.status, StatusCode::OK);
    assert!(r.body.contains("Add a provider"));
    assert!(
        r.body.contains("It stays private"),
        "the address is said to stay private"
    );
    assert!(r.body.contains("Occitanie"), "regions are offered");
    assert!(
        r.body
            .contains("contact_email\" type=\"email\" value=\"owner@example.org\"")
    );

    // Everything wrong at once comes back with each problem and what was typed.
    let bad: Vec<(String, String)> = profile("Nuage Exemple")
        .into_iter()
        .filter(|(k, _)| !["help", "remote", "prices"].contains(&k.as_str()))
        .map(|(k, v)| match k.as_str() {
            "description_fr" => (k, "Court.".to_string()),
            _ => (k, v),
        })
        .collect();
    let r = post(&mut app, "/en/directory/new", &bad).await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    for message in [
        "Choose at least one kind of help.",
        "Say whether you work remotely, on site, or both.",
        "Choose at least one price model.",
        "The description needs at least 40 characters",
    ] {
        assert!(r.body.contains(message), "{message}");
    }
    assert!(
        r.body.contains("value=\"Nuage Exemple\""),
        "typed values kept"
    );
    assert!(r.body.contains("value=\"pl\""), "typed countries kept");
    assert!(
        directory::of_member(&app.db, id_of(&app, "owner@example.org").await)
            .await
            .unwrap()
            .is_empty()
    );

    let r = post(&mut app, "/en/directory/new", &profile("Nuage Exemple")).await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
    assert_eq!(r.location(), "/en/directory/nuage-exemple/edit");
    let r = app.get(r.location()).await;
    assert_eq!(r.status, StatusCode::OK);
    assert!(r.body.contains("The draft is created."));
    assert!(r.body.contains("This profile is a draft"));
    assert!(r.body.contains("value=\"Nuage Exemple\""));
    assert!(
        r.body.contains("value=\"PL\""),
        "countries outside the list are typed"
    );
    assert!(checked(&r.body, "areas-FRJ") && !checked(&r.body, "areas-FRK"));
    assert!(
        r.body.contains("Occitanie (France)"),
        "the preview in words"
    );
    let p = directory::get_by_slug(&app.db, "nuage-exemple")
        .await
        .unwrap();
    let areas: Vec<&str> = p.working.areas.iter().map(|a| a.code()).collect();
    assert_eq!(areas, ["BE", "FRJ", "PL"]);
    assert!(p.working.chatons && p.working.remote && !p.working.on_site);

    let changed: Vec<(String, String)> = profile("Nuage Exemple")
        .into_iter()
        .map(|(k, v)| match k.as_str() {
            "description_en" => (
                k,
                "We host free tools for associations of the region.".into(),
            ),
            _ => (k, v),
        })
        .collect();
    let r = post(&mut app, "/en/directory/nuage-exemple/edit", &changed).await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
    let p = directory::get(&app.db, p.id).await.unwrap();
    assert_eq!(p.working.descriptions.len(), 2);

    let r = app.post("/en/directory/nuage-exemple/submit", &[]).await;
    assert_eq!(r.status, StatusCode::SEE_OTHER);
    let r = app.get("/en/directory/nuage-exemple/edit").await;
    assert!(r.body.contains("The profile waits for a moderator"));
    assert!(r.body.contains("Submitted for review"), "the history");
    assert!(
        !r.body.contains("/directory/nuage-exemple/submit"),
        "no second submission"
    );
    // Submitting twice is refused with a message, not an error page.
    let r = app.post("/en/directory/nuage-exemple/submit", &[]).await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(r.body.contains("not possible in the profile"));

    let r = app.get("/en/directory/mine").await;
    assert_eq!(r.status, StatusCode::OK);
    assert!(r.body.contains("Nuage Exemple"));
    assert!(r.body.contains("/en/directory/nuage-exemple/requests"));
    assert!(r.body.contains("0 unread"));
    let r = app.get("/en/account").await;
    assert!(r.body.contains("Provider profiles"));
    assert!(r.body.contains("/en/directory/mine"));
    assert!(r.body.contains("/en/directory/nuage-exemple/edit"));
    assert!(!r.body.contains("/en/directory/review"), "not a moderator");
}

#[tokio::test]
async fn only_members_and_administrators_open_a_providers_pages() {
    let mut app = setup().await;
    let p = published(&app, "owner@example.org", "Formazione Libera").await;
    let pages = ["edit", "members", "requests"];
    for who in ["other@example.org", "mod@example.org"] {
        let mut b = app.browser();
        b.login(who).await;
        for page in pages {
            let r = b.get(&format!("/en/directory/{}/{page}", p.slug)).await;
            assert_eq!(r.status, StatusCode::FORBIDDEN, "{who} {page}");
        }
        let r = b
            .post(&format!("/en/directory/{}/submit", p.slug), &[])
            .await;
        assert_eq!(r.status, StatusCode::FORBIDDEN, "{who}");
        let r = b.get("/en/admin/help-requests").await;
        assert_eq!(r.status, StatusCode::FORBIDDEN, "{who}");
    }
    for who in ["owner@example.org", "admin@example.org"] {
        let mut b = app.browser();
        b.login(who).await;
        for page in pages {
            let r = b.get(&format!("/en/directory/{}/{page}", p.slug)).await;
            assert_eq!(r.status, StatusCode::OK, "{who} {page}");
        }
    }
    app.login("owner@example.org").await;
    let r = app.get("/en/directory/no-such-provider/edit").await;
    assert_eq!(r.status, StatusCode::NOT_FOUND);
    let r = app.get("/en/directory/review").await;
    assert_eq!(r.status, StatusCode::FORBIDDEN, "members do not moderate");
}

#[tokio::test]
async fn the_inbox_shows_requests_newest_first_and_marks_them_read() {
    let mut app = setup().await;
    let p = published(&app, "owner@example.org", "Formazione Libera").await;
    let other = published(&app, "other@example.org", "Altro Fornitore").await;
    let first = ask(&app, &p, "Ana", "ana@assoc.example.org").await;
    ask(&app, &p, "Bruno", "bruno@assoc.example.org").await;
    let foreign = ask(&app, &other, "Carla", "carla@x.example.org").await;

    app.login("owner@example.org").await;
    let r = app.get("/en/directory/mine").await;
    assert!(r.body.contains("2 unread"));
    let r = app.get(&format!("/en/directory/{}/requests", p.slug)).await;
    assert_eq!(r.status, StatusCode::OK);
    assert!(r.body.contains("2 new requests."));
    assert!(r.body.contains("mailto:ana@assoc.example.org"));
    assert!(r.body.contains("Les Amis du Quartier"));
    assert!(r.body.contains("move our shared files"));
    assert!(!r.body.contains("Carla"), "another provider's request");
    let bruno = r.body.find("Bruno").unwrap();
    let ana = r.body.find("Ana").unwrap();
    assert!(bruno < ana, "newest first");
    assert_eq!(
        requests::unread(&app.db, p.id).await.unwrap(),
        0,
        "opened, read"
    );
    let r = app.get(&format!("/en/directory/{}/requests", p.slug)).await;
    assert!(r.body.contains("No new request."));

    let action = format!("/en/directory/{}/requests/{}", p.slug, first.id);
    let r = app.post(&action, &[("status", "answered")]).await;
    assert_eq!(r.status, StatusCode::SEE_OTHER);
    let stored = requests::get(&app.db, first.id).await.unwrap();
    assert_eq!(stored.status, requests::RequestStatus::Answered);
    let r = app.post(&action, &[("status", "archived")]).await;
    assert_eq!(r.status, StatusCode::SEE_OTHER);
    let r = app.post(&action, &[("status", "deleted")]).await;
    assert_eq!(r.status, StatusCode::BAD_REQUEST);

    // A request of another provider is not found through this one.
    let r = app
        .post(
            &format!("/en/directory/{}/requests/{}", p.slug, foreign.id),
            &[("status", "archived")],
        )
        .await;
    assert_eq!(r.status, StatusCode::NOT_FOUND);
    let r = app
        .post(
            &format!("/en/directory/{}/requests/{}", other.slug, foreign.id),
            &[("status", "archived")],
        )
        .await;
    assert_eq!(r.status, StatusCode::FORBIDDEN);
    assert_eq!(
        requests::get(&app.db, foreign.id).await.unwrap().status,
        requests::RequestStatus::New
    );
}

#[tokio::test]
async fn administrators_see_every_request_and_its_delivery() {
    let mut app = setup().await;
    let p = published(&app, "owner@example.org", "Formazione Libera").await;
    let other = published(&app, "other@example.org", "Altro Fornitore").await;
    let a = ask(&app, &p, "Ana", "ana@assoc.example.org").await;
    let b = ask(&app, &other, "Carla", "carla@x.example.org").await;
    ask(&app, &other, "Dario", "dario@x.example.org").await;
    requests::mark_delivered(&app.db, a.id).await.unwrap();
    requests::delivery_failed(&app.db, b.id).await.unwrap();

    app.login("admin@example.org").await;
    let r = app.get("/en/admin/help-requests").await;
    assert_eq!(r.status, StatusCode::OK);
    for text in [
        "Formazione Libera",
        "Altro Fornitore",
        "ana@assoc.example.org",
        "Carla",
        "Dario",
        "Delivered",
        "Failed",
        "(1 attempt)",
        "Not sent yet",
    ] {
        assert!(r.body.contains(text), "{text}");
    }
    let r = app.get("/en/account").await;
    assert!(
        r.body.contains("/en/admin/help-requests"),
        "linked for administrators"
    );
}

#[tokio::test]
async fn members_add_colleagues_and_the_last_one_stays() {
    let mut app = setup().await;
    let p = published(&app, "owner@example.org", "Formazione Libera").await;
    app.login("owner@example.org").await;
    let members = format!("/en/directory/{}/members", p.slug);
    let r = app.get(&members).await;
    assert!(r.body.contains("owner@example.org"));
    assert!(r.body.contains("add someone else before you leave"));

    let r = app.post(&members, &[("email", "nobody@example.org")]).await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(r.body.contains("No account uses this e-mail address."));
    assert!(r.body.contains("value=\"nobody@example.org\""));

    let r = app.post(&members, &[("email", "other@example.org")]).await;
    assert_eq!(r.status, StatusCode::SEE_OTHER);
    let r = app.post(&members, &[("email", "other@example.org")]).await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(r.body.contains("already a member"));

    // The colleague now edits the profile too, then leaves.
    let other = id_of(&app, "other@example.org").await;
    let mut colleague = app.browser();
    colleague.login("other@example.org").await;
    let r = colleague
        .get(&format!("/en/directory/{}/edit", p.slug))
        .await;
    assert_eq!(r.status, StatusCode::OK);
    let r = colleague
        .post(&format!("{members}/{other}/remove"), &[])
        .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER);
    assert_eq!(r.location(), "/en/directory/mine");
    let r = colleague
        .get(&format!("/en/directory/{}/edit", p.slug))
        .await;
    assert_eq!(r.status, StatusCode::FORBIDDEN);

    let owner = id_of(&app, "owner@example.org").await;
    let r = app.post(&format!("{members}/{owner}/remove"), &[]).await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(r.body.contains("The last member cannot leave"));
    let r = app.get(&format!("/en/directory/{}/edit", p.slug)).await;
    assert!(r.body.contains("Member added") && r.body.contains("Member removed"));
}
