//! Translation requests on both engines: asked for published resources
//! only, once per language at a time, heard of by the contributors who
//! speak it, taken by a partner and fulfilled by its translation.

use store::Db;
use store::library;
use store::library::review::{self, TranslationForm};

use super::library::{form, setup};
use super::{codes, postgres, sqlite};

async fn translation_requests_are_asked_taken_and_fulfilled(db: Db) {
    let (contributor, moderator, org) = setup(&db).await;
    // Contributors are members of a partner organisation.
    store::organisations::add_member(
        &db,
        org,
        "c@example.org",
        store::organisations::OrgRole::Member,
    )
    .await
    .unwrap();
    let r = library::create(&db, contributor, org, &form())
        .await
        .unwrap();
    let draft_ask = library::requests::ask(&db, moderator, &r, "it")
        .await
        .unwrap_err();
    assert_eq!(
        codes(draft_ask),
        [("lang", "state-invalid")],
        "published resources only"
    );
    review::submit(&db, contributor, r.id).await.unwrap();
    let r = review::publish(&db, moderator, r.id).await.unwrap();
    let original = library::requests::ask(&db, moderator, &r, "fr")
        .await
        .unwrap_err();
    assert_eq!(codes(original), [("lang", "translation-exists")]);
    // Contributors who speak Italian hear of it.
    let speaker = store::users::ProfileUpdate {
        display_name: "Contributor".into(),
        preferred_languages: "fr, it".into(),
    };
    store::users::update_profile(&db, contributor, &speaker)
        .await
        .unwrap();
    let id = library::requests::ask(&db, moderator, &r, "it")
        .await
        .unwrap();
    let told: Vec<_> = store::notifications::list(&db, contributor, 1)
        .await
        .unwrap()
        .0
        .into_iter()
        .filter(|n| n.kind == store::notifications::Kind::TranslationRequested)
        .collect();
    assert_eq!(told.len(), 1, "one notification per request");
    let twice = library::requests::ask(&db, moderator, &r, "it")
        .await
        .unwrap_err();
    assert_eq!(codes(twice), [("lang", "request-exists")]);

    let for_italians = library::requests::pending_for(&db, &["it".into()], &[])
        .await
        .unwrap();
    assert_eq!(for_italians.len(), 1);
    assert!(
        library::requests::pending_for(&db, &["de".into()], &[])
            .await
            .unwrap()
            .is_empty(),
        "partners see the languages they declared"
    );
    library::requests::take(&db, id, org).await.unwrap();
    assert!(
        library::requests::take(&db, id, org).await.is_err(),
        "taken once"
    );
    let mine = library::requests::pending_for(&db, &[], &[org])
        .await
        .unwrap();
    assert_eq!(mine[0].0.status, "taken");

    review::save_translation(
        &db,
        contributor,
        r.id,
        &TranslationForm {
            lang: "it".into(),
            title: "Guida".into(),
            description: String::new(),
            origin: "human".into(),
        },
    )
    .await
    .unwrap();
    review::submit_translation(&db, contributor, r.id, "it")
        .await
        .unwrap();
    review::publish_translation(&db, moderator, r.id, "it")
        .await
        .unwrap();
    assert_eq!(
        library::requests::find(&db, id).await.unwrap().status,
        "done",
        "publishing the translation fulfils the request"
    );
}
on_both!(
    requests_,
    translation_requests_are_asked_taken_and_fulfilled
);
