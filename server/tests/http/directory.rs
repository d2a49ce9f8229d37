//! The public directory: filters and their counts, pages, the region list,
//! a provider's page (published only, never its address) and the "request
//! help" form.

use axum::body::Body;
use axum::http::{Request, StatusCode, header};
use store::directory::requests::{self, DAILY_LIMIT};
use store::directory::{self, Provider, ProviderForm, review};
use store::users::Role;

use crate::support::TestApp;

/// A valid profile; each test changes what it needs.
fn form(name: &str) -> ProviderForm {
    ProviderForm {
        name: name.into(),
        original_language: "en".into(),
        descriptions: [(
            "en".to_string(),
            format!("{name} helps associations with free software. It has a second sentence."),
        )]
        .into(),
        help: vec!["hosting".into()],
        services: vec!["nextcloud".into()],
        areas: vec!["FR".into()],
        remote: true,
        on_site: false,
        languages: "fr".into(),
        prices: vec!["paid".into()],
        legal_form: "association".into(),
        chatons: false,
        contact_email: format!("secret-{}@hidden.example.org", name.len()),
        website: "https://provider.example.org".into(),
        commitments: vec!["no-tracking".into()],
    }
}

struct Setup {
    app: TestApp,
    owner: i64,
    moderator: i64,
}

impl Setup {
    async fn new() -> Self {
        let app = TestApp::new().await;
        let owner = app.user("owner@example.org", Role::Learner).await.id;
        let moderator = app.user("mod@example.org", Role::Moderator).await.id;
        Setup {
            app,
            owner,
            moderator,
        }
    }

    async fn published(&self, f: ProviderForm) -> Provider {
        let db = &self.app.db;
        let p = directory::create(db, self.owner, &f).await.unwrap();
        review::submit(db, self.owner, p.id).await.unwrap();
        review::approve(db, self.moderator, p.id).await.unwrap()
    }

    /// Three published providers and a draft.
    async fn three(&self) -> [Provider; 3] {
        let alpha = self
            .published(ProviderForm {
                languages: "fr, en".into(),
                chatons: true,
                ..form("Nuage Alpha")
            })
            .await;
        let breizh = self
            .published(ProviderForm {
                help: vec!["training".into()],
                services: vec![],
                areas: vec!["FRH".into()],
                languages: "fr, br".into(),
                prices: vec!["free".into()],
                remote: false,
                on_site: true,
                descriptions: [(
                    "fr".to_string(),
                    "Formations aux logiciels libres pour les associations bretonnes.".to_string(),
                )]
                .into(),
                original_language: "fr".into(),
                ..form("Breizh Formation")
            })
            .await;
        let wolke = self
            .published(ProviderForm {
                services: vec!["matrix".into()],
                areas: vec!["AT".into()],
                languages: "de-AT".into(),
                prices: vec!["donation".into()],
                ..form("Wiener Wolke")
            })
            .await;
        directory::create(&self.app.db, self.owner, &form("Draft Cloud"))
            .await
            .unwrap();
        [alpha, breizh, wolke]
    }

    /// The names on the listing at `query`, in order.
    async fn names(&mut self, query: &str) -> Vec<String> {
        let r = self.app.get(&format!("/en/directory{query}")).await;
        assert_eq!(r.status, StatusCode::OK, "{query}: {}", r.body);
        card_names(&r.body)
    }
}

/// The body without the markers the renderer puts between text pieces.
fn text(body: &str) -> String {
    body.replace("<!---->", "").replace("<!>", "")
}

fn card_names(body: &str) -> Vec<String> {
    text(body)
        .split("<article class=\"card provider\">")
        .skip(1)
        .filter_map(|card| {
            let h3 = card.split("<h3>").nth(1)?;
            let name = h3.split("</a>").next()?.rsplit('>').next()?;
            Some(name.to_string())
        })
        .collect()
}

#[tokio::test]
async fn filters_narrow_the_listing() {
    let mut s = Setup::new().await;
    s.three().await;
    let all = s.names("").await;
    assert_eq!(all, ["Breizh Formation", "Nuage Alpha", "Wiener Wolke"]);
    let r = s.app.get("/en/directory").await;
    let body = text(&r.body);
    assert!(body.contains("Providers found: 3"), "{body}");
    assert!(!body.contains("Draft Cloud"), "drafts are not listed");
    assert!(
        body.contains("<p lang=\"fr\">Formations aux logiciels libres")
            && body.contains("Written in Français"),
        "a description in another language says which"
    );
    assert!(body.contains("href=\"/en/directory/new\""));
    assert!(body.contains("href=\"/en/directory/regions\""));

    assert_eq!(s.names("?help=training").await, ["Breizh Formation"]);
    assert_eq!(s.names("?service=matrix").await, ["Wiener Wolke"]);
    assert_eq!(s.names("?price=free&price=donation").await.len(), 2);
    assert_eq!(s.names("?chatons=1").await, ["Nuage Alpha"]);
    assert_eq!(s.names("?on_site=1").await, ["Breizh Formation"]);
    assert_eq!(s.names("?remote=1").await, ["Nuage Alpha", "Wiener Wolke"]);
    // A region finds its own providers and those of its whole country.
    assert_eq!(
        s.names("?area=FRH").await,
        ["Breizh Formation", "Nuage Alpha"]
    );
    assert_eq!(s.names("?area=FRJ").await, ["Nuage Alpha"]);
    // A country finds the providers of any of its regions.
    assert_eq!(
        s.names("?area=fr").await,
        ["Breizh Formation", "Nuage Alpha"]
    );
    // A language finds its regional variants.
    assert_eq!(s.names("?language=de").await, ["Wiener Wolke"]);
    assert_eq!(s.names("?language=br").await, ["Breizh Formation"]);
    // Filters narrow each other.
    assert_eq!(s.names("?help=hosting&area=FR").await, ["Nuage Alpha"]);
    assert_eq!(
        s.names("?help=training&chatons=1").await,
        Vec::<String>::new()
    );
}

#[tokio::test]
async fn unknown_values_are_ignored_and_nothing_found_says_what_to_do() {
    let mut s = Setup::new().await;
    s.three().await;
    let odd = "?help=nope&service=%3Cscript%3E&area=ZZ&language=!!&price=x&page=abc&chatons=maybe";
    assert_eq!(s.names(odd).await.len(), 3);
    assert_eq!(s.names("?page=999").await, Vec::<String>::new());

    let r = s
        .app
        .get("/en/directory?help=training&service=matrix")
        .await;
    assert_eq!(r.status, StatusCode::OK);
    let body = text(&r.body);
    assert!(
        body.contains("No provider matches these filters."),
        "{body}"
    );
    assert!(body.contains("Clear all filters"));
}

#[tokio::test]
async fn filter_values_show_their_counts_and_chosen_ones_can_be_removed() {
    let mut s = Setup::new().await;
    s.three().await;
    let r = s.app.get("/en/directory?area=FRH&help=hosting").await;
    let body = text(&r.body);
    let count = |label: &str, n: i64| format!("{label} <span class=\"count\">({n})</span>");
    assert!(body.contains(&count("Hosting of services", 2)), "{body}");
    assert!(body.contains(&count("Training", 1)));
    // Regions count the providers of the whole country.
    assert!(body.contains(&count("Bretagne", 2)));
    assert!(body.contains(&count("Occitanie", 1)));
    assert!(
        body.contains(&count("Deutsch", 1)),
        "de-AT counts as German"
    );
    assert!(body.contains(&count("Member of the CHATONS collective", 1)));
    // Values no provider has are not offered.
    assert!(!body.contains("Video (PeerTube)"));
    // The chosen filters are ticked, and each chip removes one.
    assert!(body.contains("value=\"FRH\" checked"), "{body}");
    assert!(body.contains("href=\"/en/directory?help=hosting\""));
    assert!(body.contains("href=\"/en/directory?area=FRH\""));
    assert!(body.contains("Remove the filter: Bretagne"));
}

#[tokio::test]
async fn pages_keep_the_filters() {
    let mut s = Setup::new().await;
    for i in 0..23 {
        s.published(form(&format!("Hoster {i:02}"))).await;
    }
    s.published(ProviderForm {
        areas: vec!["AT".into()],
        ..form("Elsewhere")
    })
    .await;
    let first = s.names("?area=FR").await;
    assert_eq!(first.len(), 20);
    assert_eq!(first[0], "Hoster 00");
    let r = s.app.get("/en/directory?area=FR").await;
    let body = text(&r.body);
    assert!(body.contains("Providers found: 23"), "{body}");
    assert!(body.contains("Page 1 of 2"));
    assert!(
        body.contains("href=\"/en/directory?area=FR&amp;page=2\""),
        "{body}"
    );
    let second = s.names("?area=FR&page=2").await;
    assert_eq!(second, ["Hoster 20", "Hoster 21", "Hoster 22"]);
    let r = s.app.get("/en/directory?area=FR&page=2").await;
    assert!(text(&r.body).contains("href=\"/en/directory?area=FR\""));
}

#[tokio::test]
async fn the_region_list_counts_providers_by_country_and_region() {
    let mut s = Setup::new().await;
    s.three().await;
    let r = s.app.get("/en/directory/regions").await;
    assert_eq!(r.status, StatusCode::OK);
    let body = text(&r.body);
    assert!(
        body.contains("<a href=\"/en/directory?area=FR\">France</a>"),
        "{body}"
    );
    assert!(body.contains("<a href=\"/en/directory?area=AT\">Austria</a>"));
    assert!(body.contains("<a href=\"/en/directory?area=FRH\">Bretagne</a> <span class=\"count\">(providers: 2)</span>"));
    assert!(body.contains("<a href=\"/en/directory?area=FRJ\">Occitanie</a> <span class=\"count\">(providers: 1)</span>"));
    assert!(body.contains("<a href=\"/en/directory?area=AT2\">Südösterreich</a>"));
    assert!(
        !body.contains("area=DE"),
        "countries nobody serves are left out"
    );
    let r = s.app.get("/fr/directory/regions").await;
    assert!(text(&r.body).contains(">Autriche</a>"));
}

#[tokio::test]
async fn only_published_profiles_have_a_page_and_it_never_shows_the_address() {
    let mut s = Setup::new().await;
    let [alpha, breizh, _] = s.three().await;
    s.app.rdf.catch_up().await.unwrap();
    let r = s.app.get(&format!("/en/directory/{}", alpha.slug)).await;
    assert_eq!(r.status, StatusCode::OK);
    let body = text(&r.body);
    assert!(body.contains("<h1>Nuage Alpha</h1>"), "{body}");
    assert!(body.contains("CHATONS member"));
    assert!(body.contains("France (the whole country)"));
    assert!(body.contains("Nextcloud (files, calendars, contacts)"));
    assert!(body.contains("rel=\"nofollow noopener\""));
    assert!(body.contains("Information confirmed on "));
    assert!(body.contains("type=\"text/turtle\""), "links its RDF");
    let json_ld = body
        .split("<script type=\"application/ld+json\">")
        .nth(1)
        .and_then(|rest| rest.split("</script>").next())
        .expect("the page embeds its JSON-LD");
    assert!(json_ld.contains("Nuage Alpha"), "{json_ld}");
    assert!(
        !body.contains(&alpha.contact_email),
        "the address stays private"
    );
    assert!(!body.contains("hidden.example.org"));
    assert!(body.contains("name=\"sender_email\""));
    let r = s
        .app
        .get(&format!("/fr/directory/{}/contact", alpha.slug))
        .await;
    assert_eq!(
        r.status,
        StatusCode::SEE_OTHER,
        "the form's address leads to it"
    );
    assert_eq!(
        r.location(),
        format!("/fr/directory/{}#contact", alpha.slug)
    );

    // Read in another language: the original, marked with its language.
    let r = s.app.get(&format!("/de/directory/{}", breizh.slug)).await;
    let body = text(&r.body);
    assert!(body.contains("Diese Beschreibung ist auf Français verfasst."));
    assert!(body.contains("lang=\"fr\""));

    let draft = directory::get_by_slug(&s.app.db, "draft-cloud")
        .await
        .unwrap();
    assert!(draft.published.is_none());
    let r = s.app.get("/en/directory/draft-cloud").await;
    assert_eq!(r.status, StatusCode::NOT_FOUND);
    let r = s.app.get("/en/directory/nobody-here").await;
    assert_eq!(r.status, StatusCode::NOT_FOUND);
    review::unpublish(&s.app.db, s.moderator, alpha.id, "gone")
        .await
        .unwrap();
    s.app.settle().await;
    let r = s.app.get(&format!("/en/directory/{}", alpha.slug)).await;
    assert_eq!(r.status, StatusCode::NOT_FOUND);
    assert!(!card_names(&s.app.get("/en/directory").await.body).contains(&"Nuage Alpha".into()));
}

const MESSAGE: &str = "We are a choir of thirty people and need shared calendars.";

#[tokio::test]
async fn anyone_can_send_a_request_which_is_stored_for_the_provider() {
    let mut s = Setup::new().await;
    let [alpha, ..] = s.three().await;
    let page = format!("/en/directory/{}", alpha.slug);
    s.app.get(&page).await;
    let r = s
        .app
        .post(
            &format!("{page}/contact"),
            &[
                ("sender_name", "Jeanne"),
                ("sender_email", "Jeanne@Choir.example.org"),
                ("organisation", "The Choir"),
                ("message", MESSAGE),
                ("lang", "en"),
                ("website", ""),
            ],
        )
        .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
    assert_eq!(r.location(), page);
    let r = s.app.get(&page).await;
    assert!(text(&r.body).contains("Your request was sent to the provider."));
    let stored = requests::for_provider(&s.app.db, alpha.id, 10)
        .await
        .unwrap();
    assert_eq!(stored.len(), 1);
    assert_eq!(stored[0].sender_email, "jeanne@choir.example.org");
    assert_eq!(stored[0].organisation, "The Choir");
    assert_eq!(stored[0].message, MESSAGE);
    assert_eq!(stored[0].sender_user_id, None, "sent anonymously");

    // A signed-in person's request is linked to the account.
    let user = s.app.user("sam@example.org", Role::Learner).await;
    s.app.login("sam@example.org").await;
    let r = s.app.get(&page).await;
    assert!(
        text(&r.body).contains("value=\"sam@example.org\""),
        "the form is filled for a signed-in person"
    );
    let r = s
        .app
        .post(
            &format!("{page}/contact"),
            &[
                ("sender_name", "Sam"),
                ("sender_email", "sam@example.org"),
                ("message", MESSAGE),
                ("lang", "en"),
            ],
        )
        .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER);
    let stored = requests::for_provider(&s.app.db, alpha.id, 10)
        .await
        .unwrap();
    assert_eq!(stored[0].sender_user_id, Some(user.id));
}

#[tokio::test]
async fn a_wrong_request_comes_back_with_its_errors_and_the_daily_limit_holds() {
    let mut s = Setup::new().await;
    let [alpha, ..] = s.three().await;
    let page = format!("/en/directory/{}", alpha.slug);
    s.app.get(&page).await;
    let r = s
        .app
        .post(
            &format!("{page}/contact"),
            &[
                ("sender_name", ""),
                ("sender_email", "not an address"),
                ("message", "Too short"),
                ("lang", "en"),
            ],
        )
        .await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    let body = text(&r.body);
    assert!(body.contains("This field is required."), "{body}");
    assert!(body.contains("This is not a valid e-mail address."));
    assert!(body.contains("The message needs at least 20 characters"));
    assert!(
        body.contains(">Too short</textarea>"),
        "what was typed is kept"
    );
    assert!(
        body.contains("<h1>Nuage Alpha</h1>"),
        "on the provider's page"
    );
    assert!(!body.contains(&alpha.contact_email));
    assert!(
        requests::for_provider(&s.app.db, alpha.id, 10)
            .await
            .unwrap()
            .is_empty()
    );

    let send = [
        ("sender_name", "Jeanne"),
        ("sender_email", "jeanne@choir.example.org"),
        ("message", MESSAGE),
        ("lang", "en"),
    ];
    for _ in 0..DAILY_LIMIT {
        let r = s.app.post(&format!("{page}/contact"), &send).await;
        assert_eq!(r.status, StatusCode::SEE_OTHER);
    }
    let r = s.app.post(&format!("{page}/contact"), &send).await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(text(&r.body).contains("three times today"));
    let stored = requests::for_provider(&s.app.db, alpha.id, 10)
        .await
        .unwrap();
    assert_eq!(stored.len() as i64, DAILY_LIMIT);
}

#[tokio::test]
async fn requests_need_the_token_and_robots_are_dropped() {
    let mut s = Setup::new().await;
    let [alpha, ..] = s.three().await;
    let page = format!("/en/directory/{}", alpha.slug);
    s.app.get(&page).await;
    let body = serde_urlencoded::to_string([
        ("sender_name", "Jeanne"),
        ("sender_email", "jeanne@choir.example.org"),
        ("message", MESSAGE),
        ("lang", "en"),
    ])
    .unwrap();
    let req = Request::post(format!("{page}/contact"))
        .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded")
        .body(Body::from(body))
        .unwrap();
    let r = s.app.send(req).await;
    assert_eq!(r.status, StatusCode::BAD_REQUEST, "no token, no request");

    let r = s
        .app
        .post(
            &format!("{page}/contact"),
            &[
                ("sender_name", "Bot"),
                ("sender_email", "bot@spam.example.org"),
                ("message", MESSAGE),
                ("lang", "en"),
                ("website", "https://spam.example.org"),
            ],
        )
        .await;
    assert_eq!(
        r.status,
        StatusCode::SEE_OTHER,
        "a robot sees no difference"
    );
    assert!(
        requests::for_provider(&s.app.db, alpha.id, 10)
            .await
            .unwrap()
            .is_empty()
    );

    let r = s
        .app
        .post(
            "/en/directory/draft-cloud/contact",
            &[
                ("sender_email", "jeanne@choir.example.org"),
                ("message", MESSAGE),
            ],
        )
        .await;
    assert_eq!(r.status, StatusCode::NOT_FOUND, "no requests to drafts");
}

#[tokio::test]
async fn the_text_search_finds_providers_through_the_index() {
    let mut s = Setup::new().await;
    s.three().await;
    s.app.indexer.catch_up().await.unwrap();
    assert_eq!(s.names("?q=bretonnes").await, ["Breizh Formation"]);
    assert_eq!(s.names("?q=Wolke&area=AT").await, ["Wiener Wolke"]);
    assert_eq!(s.names("?q=Wolke&area=FR").await, Vec::<String>::new());
    let r = s.app.get("/en/directory?q=Wolke").await;
    assert!(
        text(&r.body).contains("href=\"/en/directory\""),
        "the chip removes the words"
    );
}
