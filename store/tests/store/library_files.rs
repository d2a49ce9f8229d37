//! Files of resources and imported resources, on both engines.

use store::Db;
use store::library::files::{self, NewFile};
use store::library::import::{self, Incoming, Outcome, Translation};
use store::library::{self, Origin, Status};

use super::library::{form, setup};
use super::{codes, postgres, sqlite};

fn file(name: &str, thumbnail: Option<&str>) -> NewFile {
    NewFile {
        stored_name: format!("{name}.bin"),
        file_name: name.into(),
        media_type: "image/png".into(),
        bytes: 10,
        thumbnail: thumbnail.map(str::to_string),
    }
}

async fn files_travel_with_their_resource(db: Db) {
    let (contributor, _, org) = setup(&db).await;
    let r = library::create_with(
        &db,
        contributor,
        org,
        &form(),
        Some(&file("a", Some("ta.jpg"))),
    )
    .await
    .unwrap();
    assert_eq!(r.files.len(), 1);
    assert_eq!(r.thumbnail.as_deref(), Some("ta.jpg"));
    let r = files::add(&db, contributor, r.id, &file("b", Some("tb.jpg")))
        .await
        .unwrap();
    assert_eq!(
        r.thumbnail.as_deref(),
        Some("ta.jpg"),
        "the first image stays the picture"
    );
    let gone = files::remove(&db, contributor, r.id, r.files[0].id)
        .await
        .unwrap();
    assert_eq!(gone.stored_name, "a.bin");
    let r = library::get(&db, r.id).await.unwrap();
    assert_eq!(
        r.thumbnail.as_deref(),
        Some("tb.jpg"),
        "the next image takes over"
    );
    for i in 0..(files::FILES_MAX - 1) {
        files::add(&db, contributor, r.id, &file(&format!("f{i}"), None))
            .await
            .unwrap();
    }
    let err = files::add(&db, contributor, r.id, &file("one-too-many", None))
        .await
        .unwrap_err();
    assert_eq!(codes(err), vec![("file", "too-many-files")]);
    // A file refused with its resource leaves neither behind.
    let mut bad = form();
    bad.title = String::new();
    let before = library::with_status(&db, Status::ALL, 100)
        .await
        .unwrap()
        .len();
    assert!(
        library::create_with(&db, contributor, org, &bad, Some(&file("c", None)))
            .await
            .is_err()
    );
    assert_eq!(
        library::with_status(&db, Status::ALL, 100)
            .await
            .unwrap()
            .len(),
        before
    );
}
on_both!(files_, files_travel_with_their_resource);

async fn imports_create_then_update_in_place(db: Db) {
    let (_, _, org) = setup(&db).await;
    let mut incoming = Incoming {
        source_uri: "https://example.org/oer/1".into(),
        organisation_id: org,
        form: form(),
        translations: vec![Translation {
            lang: "en".into(),
            origin: Origin::Human,
            title: "Guide to community hosting".into(),
            description: "To **begin** with.".into(),
        }],
        status: Status::Published,
        published_at: Some("2026-01-02T09:00:00.000000Z".into()),
        views: 12,
    };
    let first = import::upsert(&db, None, &incoming).await.unwrap();
    let Outcome::Created(r) = first else {
        panic!("created")
    };
    assert_eq!(r.uid, import::uid_for("https://example.org/oer/1"));
    assert_eq!(r.status, Status::Published);
    assert_eq!(
        r.published_at.as_deref(),
        Some("2026-01-02T09:00:00.000000Z")
    );
    assert_eq!(r.views, 12);
    assert_eq!(r.texts.len(), 2);
    assert!(r.texts.iter().all(|t| t.status == Status::Published));
    assert_eq!(
        r.text_for("en").unwrap().title,
        "Guide to community hosting"
    );

    incoming.form.title = "Guide, deuxième édition".into();
    incoming.translations.clear();
    let Outcome::Updated(again) = import::upsert(&db, None, &incoming).await.unwrap() else {
        panic!("updated")
    };
    assert_eq!(again.id, r.id);
    assert_eq!(again.texts.len(), 1, "the texts are the record's");
    assert_eq!(again.original().unwrap().title, "Guide, deuxième édition");

    // Imported again for review: it has left the public library, and OAI-PMH
    // reports it deleted rather than forgetting it.
    incoming.status = Status::Submitted;
    import::upsert(&db, None, &incoming).await.unwrap();
    let record = store::library::oai::get(&db, &r.uid)
        .await
        .unwrap()
        .unwrap();
    assert!(
        record.deleted,
        "a resource sent back to review is a deleted record"
    );
    incoming.status = Status::Published;
    import::upsert(&db, None, &incoming).await.unwrap();
    let record = store::library::oai::get(&db, &r.uid)
        .await
        .unwrap()
        .unwrap();
    assert!(!record.deleted);

    // Checked like a form, and written whole or not at all.
    let mut bad = incoming.clone();
    bad.source_uri = "https://example.org/oer/2".into();
    bad.form.topics = vec!["gardening".into()];
    bad.translations.push(Translation {
        lang: "fr".into(),
        origin: Origin::Human,
        title: "x".into(),
        description: String::new(),
    });
    assert_eq!(
        codes(import::upsert(&db, None, &bad).await.unwrap_err()),
        vec![("topics", "topic-unknown")]
    );
    bad.form.topics = vec!["free-software".into()];
    assert_eq!(
        codes(import::upsert(&db, None, &bad).await.unwrap_err()),
        vec![("translations", "language-invalid")],
        "a translation in the original's language"
    );
    assert!(
        library::get_by_uid(&db, &import::uid_for("https://example.org/oer/2"))
            .await
            .is_err()
    );
    let mut review = incoming.clone();
    review.source_uri = "https://example.org/oer/3".into();
    review.status = Status::Submitted;
    let r = import::upsert(&db, None, &review).await.unwrap();
    assert_eq!(r.resource().status, Status::Submitted);
    assert_eq!(r.resource().published_at, None);
}
on_both!(imports_, imports_create_then_update_in_place);

async fn searches_are_logged_and_forgotten(db: Db) {
    use store::search_log;
    search_log::record(&db, "  permaculture  ", "fr", &["topic/x".into()], 0)
        .await
        .unwrap();
    search_log::record(&db, "hébergement", "fr", &[], 12)
        .await
        .unwrap();
    let failed = search_log::failed(&db, 10).await.unwrap();
    assert_eq!(failed.len(), 1, "only searches without results");
    assert_eq!(failed[0].query, "permaculture");
    assert_eq!(failed[0].filters, ["topic/x"]);
    assert_eq!(
        search_log::forget_before(&db, "9999-01-01T00:00:00.000000Z")
            .await
            .unwrap(),
        2
    );
    assert!(search_log::failed(&db, 10).await.unwrap().is_empty());
}
on_both!(search_log_, searches_are_logged_and_forgotten);
