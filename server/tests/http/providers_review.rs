//! Directory moderation through the pages: the queue, approving a first
//! publication, later changes waiting while the public keeps the approved
//! version, sending back with a note, unpublishing, yearly confirmation,
//! and logos replaced through review.

use axum::body::Body;
use axum::http::{Request, StatusCode, header};
use store::directory::{self, Status, browse};

use crate::providers::{post, profile, published, setup};
use crate::support::TestApp;

#[tokio::test]
async fn a_profile_goes_through_review_and_changes_wait_while_the_public_keeps_the_old_one() {
    let mut owner = setup().await;
    owner.login("owner@example.org").await;
    let r = post(&mut owner, "/en/directory/new", &profile("Nuage Exemple")).await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
    owner.post("/en/directory/nuage-exemple/submit", &[]).await;

    let mut moderator = owner.browser();
    moderator.login("mod@example.org").await;
    let r = moderator.get("/en/account").await;
    assert!(r.body.contains("Directory moderation (1 waiting)"));
    let r = moderator.get("/en/directory/review").await;
    assert_eq!(r.status, StatusCode::OK);
    assert!(r.body.contains("/en/directory/review/nuage-exemple"));
    assert!(r.body.contains("first publication"));
    let r = moderator.get("/en/directory/review/nuage-exemple").await;
    assert_eq!(r.status, StatusCode::OK);
    assert!(r.body.contains("(nothing published)"));
    assert!(r.body.contains("Occitanie (France)"));
    assert!(
        browse::published(&owner.db, "nuage-exemple").await.is_err(),
        "not yet"
    );
    let r = moderator
        .post("/en/directory/review/nuage-exemple/approve", &[])
        .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER);
    assert_eq!(r.location(), "/en/directory/review");
    let public = browse::published(&owner.db, "nuage-exemple").await.unwrap();
    assert_eq!(public.public().unwrap().name, "Nuage Exemple");
    let mut visitor = owner.browser();
    let r = visitor.get("/en/directory/nuage-exemple").await;
    assert_eq!(r.status, StatusCode::OK);
    assert!(r.body.contains("Nuage Exemple"));

    // A second moderator on the stale page gets a message, not an error.
    let mut late = owner.browser();
    late.login("admin@example.org").await;
    let r = late
        .post("/en/directory/review/nuage-exemple/approve", &[])
        .await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(r.body.contains("the page may have changed meanwhile"));

    // A later change waits; the public keeps the approved version.
    let r = post(
        &mut owner,
        "/en/directory/nuage-exemple/edit",
        &profile("Nuage Coopératif"),
    )
    .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER);
    let r = owner.get("/en/directory/nuage-exemple/edit").await;
    assert!(
        r.body
            .contains("The directory keeps showing the approved version")
    );
    owner.post("/en/directory/nuage-exemple/submit", &[]).await;
    let public = browse::published(&owner.db, "nuage-exemple").await.unwrap();
    assert_eq!(public.public().unwrap().name, "Nuage Exemple");
    assert_eq!(public.status, Status::ChangesPending);
    let r = visitor.get("/en/directory/nuage-exemple").await;
    assert!(r.body.contains("Nuage Exemple") && !r.body.contains("Nuage Coopératif"));
    let r = moderator.get("/en/directory/review").await;
    assert!(r.body.contains("changes to a published profile"));
    let r = moderator.get("/en/directory/review/nuage-exemple").await;
    let row = r
        .body
        .find("class=\"prov-changed\"")
        .expect("a changed row");
    let row = &r.body[row..row + r.body[row..].find("</tr>").unwrap()];
    assert!(
        row.contains("Nuage Exemple") && row.contains("Nuage Coopératif"),
        "the changed name is marked, both versions side by side: {row}"
    );
    assert_eq!(
        r.body.matches("class=\"prov-changed\"").count(),
        1,
        "only the name changed"
    );

    // Sending back needs a note, which the members then read.
    let r = moderator
        .post(
            "/en/directory/review/nuage-exemple/reject",
            &[("note", " ")],
        )
        .await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(r.body.contains("This field is required."));
    let r = moderator
        .post(
            "/en/directory/review/nuage-exemple/reject",
            &[("note", "Keep the name the association is known by.")],
        )
        .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER);
    let r = owner.get("/en/directory/nuage-exemple/edit").await;
    assert!(
        r.body
            .contains("Keep the name the association is known by.")
    );
    assert!(r.body.contains("A moderator sent the profile back"));
    let public = browse::published(&owner.db, "nuage-exemple").await.unwrap();
    assert_eq!(
        public.public().unwrap().name,
        "Nuage Exemple",
        "still online"
    );

    // Unpublishing needs a reason and takes the profile off at once.
    let r = moderator
        .post(
            "/en/directory/review/nuage-exemple/unpublish",
            &[("note", "")],
        )
        .await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    let r = moderator
        .post(
            "/en/directory/review/nuage-exemple/unpublish",
            &[("note", "The website is gone.")],
        )
        .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER);
    assert!(browse::published(&owner.db, "nuage-exemple").await.is_err());
    let r = visitor.get("/en/directory/nuage-exemple").await;
    assert_eq!(r.status, StatusCode::NOT_FOUND);
    let r = owner.get("/en/directory/nuage-exemple/edit").await;
    assert!(r.body.contains("The website is gone."));
    let r = moderator.get("/en/directory/review/nuage-exemple").await;
    assert!(r.body.contains("Taken off the directory"), "the history");
}

#[tokio::test]
async fn nobody_reviews_their_own_provider() {
    let mut app = setup().await;
    let p = published(&app, "mod@example.org", "Formazione Libera").await;
    let r = {
        let mut b = app.browser();
        b.login("mod@example.org").await;
        post(
            &mut b,
            &format!("/en/directory/{}/edit", p.slug),
            &profile("Formazione Nuova"),
        )
        .await
    };
    assert_eq!(r.status, StatusCode::SEE_OTHER);
    let moderator = store::users::find_by_email(&app.db, "mod@example.org")
        .await
        .unwrap()
        .unwrap();
    store::directory::review::submit(&app.db, moderator.id, p.id)
        .await
        .unwrap();
    app.login("mod@example.org").await;
    let r = app.get("/en/directory/review").await;
    assert!(
        r.body
            .contains("your provider: another moderator reviews it")
    );
    assert!(
        !r.body
            .contains(&format!("/en/directory/review/{}\"", p.slug))
    );
    let r = app.get(&format!("/en/directory/review/{}", p.slug)).await;
    assert_eq!(r.status, StatusCode::FORBIDDEN);
    let r = app
        .post(&format!("/en/directory/review/{}/approve", p.slug), &[])
        .await;
    assert_eq!(r.status, StatusCode::FORBIDDEN);
    assert_eq!(
        directory::get(&app.db, p.id).await.unwrap().status,
        Status::ChangesPending
    );
    let mut member = app.browser();
    member.login("owner@example.org").await;
    let r = member.get("/en/directory/review").await;
    assert_eq!(r.status, StatusCode::FORBIDDEN);
    let mut admin = app.browser();
    admin.login("admin@example.org").await;
    let r = admin
        .post(&format!("/en/directory/review/{}/approve", p.slug), &[])
        .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER);
}

#[tokio::test]
async fn a_profile_unconfirmed_for_a_year_is_flagged_until_its_members_confirm_it() {
    let mut app = setup().await;
    let p = published(&app, "owner@example.org", "Formazione Libera").await;
    sqlx::query("UPDATE providers SET confirmed_at = '2024-01-01T00:00:00.000000Z' WHERE id = $1")
        .bind(p.id)
        .execute(app.db.pool())
        .await
        .unwrap();
    let mut moderator = app.browser();
    moderator.login("mod@example.org").await;
    let r = moderator.get("/en/directory/review").await;
    assert!(r.body.contains("Formazione Libera"));
    assert!(r.body.contains("2024-01-01"));

    app.login("owner@example.org").await;
    let r = app.get("/en/directory/mine").await;
    assert!(r.body.contains("To confirm"));
    let edit = format!("/en/directory/{}/edit", p.slug);
    let r = app.get(&edit).await;
    assert!(
        r.body
            .contains("please check it and confirm that it is still accurate")
    );
    let r = app
        .post(&format!("/en/directory/{}/confirm", p.slug), &[])
        .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER);
    let r = app.get(&edit).await;
    assert!(r.body.contains("the profile is confirmed for another year"));
    assert!(!r.body.contains("please check it and confirm"));
    assert!(r.body.contains("Confirmed as accurate"));
    let r = moderator.get("/en/directory/review").await;
    assert!(
        r.body
            .contains("Every published profile was confirmed within the year.")
    );
    assert_eq!(
        directory::get(&app.db, p.id).await.unwrap().status,
        Status::Published,
        "confirming needs no review"
    );
}

const PNG_1X1: &[u8] = &[
    0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00, 0x00, 0x0D, 0x49, 0x48, 0x44, 0x52,
    0x00, 0x00, 0x00, 0x01, 0x00, 0x00, 0x00, 0x01, 0x08, 0x06, 0x00, 0x00, 0x00, 0x1F, 0x15, 0xC4,
    0x89, 0x00, 0x00, 0x00, 0x0D, 0x49, 0x44, 0x41, 0x54, 0x78, 0x9C, 0x63, 0x00, 0x01, 0x00, 0x00,
    0x05, 0x00, 0x01, 0x0D, 0x0A, 0x2D, 0xB4, 0x00, 0x00, 0x00, 0x00, 0x49, 0x45, 0x4E, 0x44, 0xAE,
    0x42, 0x60, 0x82,
];

async fn upload(app: &mut TestApp, slug: &str, bytes: &[u8]) -> crate::support::Reply {
    upload_to(app, &format!("/en/directory/{slug}/logo"), bytes).await
}

/// Posts a logo form (field `logo`) to `uri`.
async fn upload_to(app: &mut TestApp, uri: &str, bytes: &[u8]) -> crate::support::Reply {
    let mut body = Vec::new();
    body.extend_from_slice(
        format!(
            "--B\r\nContent-Disposition: form-data; name=\"_csrf\"\r\n\r\n{}\r\n",
            app.csrf()
        )
        .as_bytes(),
    );
    body.extend_from_slice(
        b"--B\r\nContent-Disposition: form-data; name=\"logo\"; filename=\"logo.png\"\r\n\
          Content-Type: image/png\r\n\r\n",
    );
    body.extend_from_slice(bytes);
    body.extend_from_slice(b"\r\n--B--\r\n");
    let req = Request::post(uri)
        .header(header::CONTENT_TYPE, "multipart/form-data; boundary=B")
        .body(Body::from(body))
        .unwrap();
    app.send(req).await
}

#[tokio::test]
async fn a_replaced_logo_is_deleted_once_the_new_one_is_approved() {
    let mut app = setup().await;
    let p = published(&app, "owner@example.org", "Formazione Libera").await;
    let logos = app.dir.path().join("data/uploads/logos");
    app.login("owner@example.org").await;
    let r = upload(
        &mut app,
        &p.slug,
        b"<svg xmlns='http://www.w3.org/2000/svg'/>",
    )
    .await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(r.body.contains("is not a PNG, JPEG, GIF or WebP image."));

    let r = upload(&mut app, &p.slug, PNG_1X1).await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
    let first = directory::get(&app.db, p.id)
        .await
        .unwrap()
        .working
        .logo
        .unwrap();
    assert!(logos.join(&first).exists());
    let r = app.get(&format!("/media/logos/{first}")).await;
    assert_eq!(r.status, StatusCode::OK);
    app.post(&format!("/en/directory/{}/submit", p.slug), &[])
        .await;
    let mut moderator = app.browser();
    moderator.login("mod@example.org").await;
    let r = moderator
        .get(&format!("/en/directory/review/{}", p.slug))
        .await;
    assert!(r.body.contains(&format!("/media/logos/{first}")));
    moderator
        .post(&format!("/en/directory/review/{}/approve", p.slug), &[])
        .await;

    // Another image (2 pixels wide): the first stays while it is published.
    let mut wider = PNG_1X1.to_vec();
    wider[19] = 2;
    let r = upload(&mut app, &p.slug, &wider).await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
    let second = directory::get(&app.db, p.id)
        .await
        .unwrap()
        .working
        .logo
        .unwrap();
    assert_ne!(first, second);
    assert!(logos.join(&first).exists(), "the public still shows it");
    assert!(logos.join(&second).exists());
    app.post(&format!("/en/directory/{}/submit", p.slug), &[])
        .await;
    let r = moderator
        .post(&format!("/en/directory/review/{}/approve", p.slug), &[])
        .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER);
    let public = browse::published(&app.db, &p.slug).await.unwrap();
    assert_eq!(
        public.public().unwrap().logo.as_deref(),
        Some(second.as_str())
    );
    assert!(!logos.join(&first).exists(), "no version shows it any more");
    assert!(logos.join(&second).exists());
}

/// A published provider whose owner (signed in on `app`) uploaded a logo
/// that the partner organisation "Rete" shows too: the provider's slug, the file
/// name, the organisation's id and another image.
async fn logo_shared_with_a_partner(app: &mut TestApp) -> (String, String, i64, Vec<u8>) {
    let p = published(app, "owner@example.org", "Formazione Libera").await;
    app.login("owner@example.org").await;
    upload(app, &p.slug, PNG_1X1).await;
    let file = directory::get(&app.db, p.id)
        .await
        .unwrap()
        .working
        .logo
        .unwrap();
    let org = app.organisation("Rete", "IT", "it", "").await;
    store::organisations::set_logo(&app.db, org.id, Some(&file))
        .await
        .unwrap();
    let mut wider = PNG_1X1.to_vec();
    wider[19] = 2;
    (p.slug, file, org.id, wider)
}

#[tokio::test]
async fn a_logo_shared_with_a_partner_organisation_is_kept() {
    let mut app = setup().await;
    let logos = app.dir.path().join("data/uploads/logos");
    let (slug, file, _, wider) = logo_shared_with_a_partner(&mut app).await;
    // The working logo is replaced before review: the first is freed at once,
    // but the partner still shows the same file.
    upload(&mut app, &slug, &wider).await;
    assert!(logos.join(&file).exists());
}

#[tokio::test]
async fn a_partner_replacing_a_logo_a_provider_shows_keeps_the_file() {
    let mut app = setup().await;
    let logos = app.dir.path().join("data/uploads/logos");
    let (_, file, org_id, wider) = logo_shared_with_a_partner(&mut app).await;
    let mut admin = app.browser();
    admin.login("admin@example.org").await;
    let r = upload_to(&mut admin, "/en/partners/rete/logo", &wider).await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
    let org = store::organisations::get(&app.db, org_id).await.unwrap();
    assert_ne!(org.logo.as_deref(), Some(file.as_str()));
    assert!(logos.join(&file).exists(), "the provider still shows it");
}
