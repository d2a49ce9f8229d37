//! The library's model: concepts, resources with their texts and topics,
//! the review cycle, translations and history, on both engines.

use std::collections::BTreeMap;

use store::Db;
use store::concepts::{self, Concept, ConceptForm};
use store::library::review::{self, TranslationForm};
use store::library::{self, Kind, Origin, ResourceForm, Status};
use store::users::{self, Role};

use super::{codes, org_form, postgres, reg, sqlite};

fn concept(id: &str, broader: Option<&str>, en: &str) -> Concept {
    Concept {
        id: id.into(),
        broader: broader.map(str::to_string),
        labels: BTreeMap::from([("en".to_string(), en.to_string())]),
        alt: BTreeMap::new(),
        shipped: true,
    }
}

async fn scheme(db: &Db) {
    let n = concepts::sync_scheme(
        db,
        &[
            concept("digital-ethics", None, "Digital ethics"),
            concept("free-software", Some("digital-ethics"), "Free software"),
        ],
    )
    .await
    .unwrap();
    assert_eq!(n, 2);
}

pub(super) fn form() -> ResourceForm {
    ResourceForm {
        kind: "guide".into(),
        original_language: "fr".into(),
        title: "Guide de l'hébergement associatif".into(),
        description: "Pour **commencer**.".into(),
        audience: "associations".into(),
        educational_level: "".into(),
        licence: "https://creativecommons.org/licenses/by-sa/4.0/".into(),
        country: "fr".into(),
        authors: "Ada\nGrace\n".into(),
        date_created: "2024-05".into(),
        url: "https://example.org/guide".into(),
        topics: vec!["free-software".into()],
    }
}

pub(super) async fn setup(db: &Db) -> (i64, i64, i64) {
    scheme(db).await;
    let contributor = users::create(db, &reg("c@example.org"), Role::Learner)
        .await
        .unwrap();
    let moderator = users::create(db, &reg("m@example.org"), Role::Moderator)
        .await
        .unwrap();
    let org = store::organisations::create(db, &org_form("Les Tisserands"))
        .await
        .unwrap();
    (contributor.id, moderator.id, org.id)
}

async fn concepts_sync_and_admin_additions(db: Db) {
    scheme(&db).await;
    // Syncing the same scheme again changes nothing.
    let again = concepts::sync_scheme(
        &db,
        &[
            concept("digital-ethics", None, "Digital ethics"),
            concept("free-software", Some("digital-ethics"), "Free software"),
        ],
    )
    .await
    .unwrap();
    assert_eq!(again, 0);
    // Other names in any order are the same scheme.
    let mut named = concept("free-software", Some("digital-ethics"), "Free software");
    named
        .alt
        .insert("en".into(), vec!["open source".into(), "FOSS".into()]);
    let scheme = [concept("digital-ethics", None, "Digital ethics"), named];
    assert_eq!(concepts::sync_scheme(&db, &scheme).await.unwrap(), 1);
    assert_eq!(concepts::sync_scheme(&db, &scheme).await.unwrap(), 0);
    let added = concepts::save(
        &db,
        &ConceptForm {
            id: "community-networks".into(),
            broader: "digital-ethics".into(),
            labels: "en: Community networks\nfr: Réseaux communautaires".into(),
        },
    )
    .await
    .unwrap();
    assert_eq!(added.label_in("fr"), "Réseaux communautaires");
    let all = concepts::list(&db).await.unwrap();
    assert_eq!(all.len(), 3);
    let free = all.iter().find(|c| c.id == "free-software").unwrap();
    assert!(free.shipped);
    assert_eq!(free.broader.as_deref(), Some("digital-ethics"));

    let bad = concepts::save(
        &db,
        &ConceptForm {
            id: "Bad Id".into(),
            broader: "nowhere".into(),
            labels: "no colon here".into(),
        },
    )
    .await
    .unwrap_err();
    assert_eq!(
        codes(bad),
        [
            ("id", "concept-id-invalid"),
            ("labels", "labels-invalid"),
            ("broader", "broader-invalid")
        ]
    );
    // A concept cannot become narrower than itself.
    let cycle = concepts::save(
        &db,
        &ConceptForm {
            id: "digital-ethics".into(),
            broader: "free-software".into(),
            labels: "en: Digital ethics".into(),
        },
    )
    .await
    .unwrap_err();
    assert_eq!(codes(cycle), [("broader", "broader-invalid")]);
}
on_both!(concepts_, concepts_sync_and_admin_additions);

async fn resources_are_checked_and_written_whole(db: Db) {
    let (contributor, _, org) = setup(&db).await;
    let bad = ResourceForm {
        kind: "book".into(),
        original_language: "French".into(),
        title: "  ".into(),
        licence: "do what you want".into(),
        country: "France".into(),
        date_created: "soon".into(),
        url: "javascript:alert(1)".into(),
        topics: vec!["nope".into()],
        ..form()
    };
    let err = library::create(&db, contributor, org, &bad)
        .await
        .unwrap_err();
    assert_eq!(
        codes(err),
        [
            ("kind", "kind-invalid"),
            ("original_language", "language-invalid"),
            ("title", "required"),
            ("licence", "licence-unknown"),
            ("country", "country-invalid"),
            ("date_created", "date-invalid"),
            ("url", "url-invalid"),
            ("topics", "topic-unknown"),
        ]
    );
    assert!(
        library::with_status(&db, Status::ALL, 10)
            .await
            .unwrap()
            .is_empty(),
        "a refused form writes nothing"
    );

    let r = library::create(&db, contributor, org, &form())
        .await
        .unwrap();
    assert_eq!(r.status, Status::Draft);
    assert_eq!(r.kind, Kind::Guide);
    assert_eq!(r.country, "FR");
    assert_eq!(r.authors, ["Ada", "Grace"]);
    assert_eq!(r.topics, ["free-software"]);
    assert_eq!(r.uid.len(), 12);
    let original = r.original().unwrap();
    assert_eq!(
        (original.lang.as_str(), original.origin),
        ("fr", Origin::Original)
    );
    assert_eq!(library::get_by_uid(&db, &r.uid).await.unwrap(), r);

    let edited = library::update(
        &db,
        contributor,
        r.id,
        &ResourceForm {
            title: "Guide de l'hébergement solidaire".into(),
            original_language: "en".into(),
            ..form()
        },
    )
    .await
    .unwrap();
    assert_eq!(
        edited.original_language, "fr",
        "the original language stays"
    );
    assert_eq!(edited.uid, r.uid, "the public id never changes");
    let history = library::history(&db, r.id).await.unwrap();
    let actions: Vec<(&str, &str)> = history
        .iter()
        .map(|e| (e.action.as_str(), e.detail.as_str()))
        .collect();
    assert_eq!(
        actions,
        [
            ("created", "Guide de l'hébergement associatif"),
            ("edited", "title")
        ]
    );
    assert!(history.iter().all(|e| e.user_id == Some(contributor)));
    let changes = store::outbox::after(&db, 0, 100).await.unwrap();
    let resource_changes = changes
        .iter()
        .filter(|c| c.entity == Some(library::OUTBOX_ENTITY) && c.entity_id == r.uid)
        .count();
    assert_eq!(resource_changes, 2, "each write is in the outbox");
}
on_both!(resources_, resources_are_checked_and_written_whole);

async fn the_review_cycle(db: Db) {
    let (contributor, moderator, org) = setup(&db).await;
    // Members of the organisation hear of its resources' reviews.
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
    let early = review::publish(&db, moderator, r.id).await.unwrap_err();
    assert_eq!(
        codes(early),
        [("status", "state-invalid")],
        "drafts are not published"
    );

    review::submit(&db, contributor, r.id).await.unwrap();
    let (queue, _) = review::queue(&db).await.unwrap();
    assert_eq!(queue.len(), 1);
    let empty = review::request_changes(&db, moderator, r.id, " ")
        .await
        .unwrap_err();
    assert_eq!(codes(empty), [("comment", "required")]);
    let back = review::request_changes(&db, moderator, r.id, "Please add the authors' roles.")
        .await
        .unwrap();
    assert_eq!(back.status, Status::ChangesRequested);
    assert_eq!(back.original().unwrap().status, Status::ChangesRequested);
    library::update(&db, contributor, r.id, &form())
        .await
        .unwrap();
    review::submit(&db, contributor, r.id).await.unwrap();
    let published = review::publish(&db, moderator, r.id).await.unwrap();
    assert_eq!(published.status, Status::Published);
    assert!(published.published_at.is_some());
    assert_eq!(published.original().unwrap().status, Status::Published);
    assert!(review::queue(&db).await.unwrap().0.is_empty());
    // Acting twice on the same state is refused (two moderators at once).
    assert!(review::publish(&db, moderator, r.id).await.is_err());

    let unpublished = review::unpublish(&db, moderator, r.id, "Broken link.")
        .await
        .unwrap();
    assert_eq!(unpublished.status_reason, "Broken link.");
    let withdrawn = review::withdraw(&db, contributor, r.id, "Out of date.")
        .await
        .unwrap();
    assert_eq!(withdrawn.status, Status::Withdrawn);
    let history: Vec<String> = library::history(&db, r.id)
        .await
        .unwrap()
        .into_iter()
        .map(|e| e.action)
        .collect();
    assert_eq!(
        history,
        [
            "created",
            "submitted",
            "changes-requested",
            "edited",
            "submitted",
            "published",
            "unpublished",
            "withdrawn"
        ]
    );
    let comment = library::history(&db, r.id).await.unwrap()[2].clone();
    assert_eq!(comment.detail, "Please add the authors' roles.");
    assert_eq!(comment.user_id, Some(moderator));
    // The organisation's members heard of the review, with the comment.
    let (notes, _) = store::notifications::list(&db, contributor, 1)
        .await
        .unwrap();
    let kinds: Vec<_> = notes.iter().map(|n| n.kind).collect();
    assert_eq!(
        kinds,
        [
            store::notifications::Kind::ResourceReviewed,
            store::notifications::Kind::ChangesRequested
        ],
        "newest first"
    );
    assert_eq!(notes[1].note, "Please add the authors' roles.");
    assert_eq!(notes[0].link, format!("/library/resources/{}", r.uid));
    assert!(
        store::notifications::list(&db, moderator, 1)
            .await
            .unwrap()
            .0
            .is_empty(),
        "the moderator is not told of their own step"
    );
}
on_both!(review_, the_review_cycle);

async fn translations_are_reviewed_too(db: Db) {
    let (contributor, moderator, org) = setup(&db).await;
    let r = library::create(&db, contributor, org, &form())
        .await
        .unwrap();
    let en = TranslationForm {
        lang: "en".into(),
        title: "Guide to community hosting".into(),
        description: "To get started.".into(),
        origin: "human".into(),
    };
    let same = review::save_translation(
        &db,
        contributor,
        r.id,
        &TranslationForm {
            lang: "fr".into(),
            ..en.clone()
        },
    )
    .await
    .unwrap_err();
    assert_eq!(codes(same), [("lang", "translation-is-original")]);

    // Submitted with the draft, published with it.
    review::save_translation(&db, contributor, r.id, &en)
        .await
        .unwrap();
    review::submit_translation(&db, contributor, r.id, "en")
        .await
        .unwrap();
    review::submit(&db, contributor, r.id).await.unwrap();
    let r2 = review::publish(&db, moderator, r.id).await.unwrap();
    assert_eq!(
        r2.text_for("en").unwrap().title,
        "Guide to community hosting"
    );

    // A later translation waits for its own review; readers get the original meanwhile.
    let it = TranslationForm {
        lang: "it".into(),
        title: "Guida all'hosting associativo".into(),
        description: String::new(),
        origin: "machine-assisted".into(),
    };
    review::save_translation(&db, contributor, r.id, &it)
        .await
        .unwrap();
    let r3 = review::submit_translation(&db, contributor, r.id, "it")
        .await
        .unwrap();
    assert_eq!(r3.text_for("it").unwrap().lang, "fr", "not yet published");
    let (_, translations) = review::queue(&db).await.unwrap();
    assert_eq!(translations.len(), 1);
    assert_eq!(translations[0].1, "it");
    review::request_translation_changes(&db, moderator, r.id, "it", "Check the title.")
        .await
        .unwrap();
    review::save_translation(&db, contributor, r.id, &it)
        .await
        .unwrap();
    review::submit_translation(&db, contributor, r.id, "it")
        .await
        .unwrap();
    let r4 = review::publish_translation(&db, moderator, r.id, "it")
        .await
        .unwrap();
    let text = r4.text_for("it").unwrap();
    assert_eq!(
        (text.lang.as_str(), text.origin),
        ("it", Origin::MachineAssisted)
    );
    assert!(
        review::publish_translation(&db, moderator, r.id, "de")
            .await
            .is_err(),
        "no such translation"
    );
}
on_both!(translations_, translations_are_reviewed_too);

async fn browsing_the_published_library(db: Db) {
    let (contributor, moderator, org) = setup(&db).await;
    let mut ids = Vec::new();
    for (title, topics) in [
        ("Premier", vec!["free-software"]),
        ("Deuxième", vec!["free-software", "digital-ethics"]),
        ("Troisième", vec!["digital-ethics"]),
    ] {
        let f = ResourceForm {
            title: title.into(),
            topics: topics.into_iter().map(str::to_string).collect(),
            ..form()
        };
        let r = library::create(&db, contributor, org, &f).await.unwrap();
        review::submit(&db, contributor, r.id).await.unwrap();
        review::publish(&db, moderator, r.id).await.unwrap();
        ids.push(r.id);
    }
    // A draft is never listed.
    library::create(&db, contributor, org, &form())
        .await
        .unwrap();

    let latest = library::browse::latest(&db, 10).await.unwrap();
    let titles: Vec<&str> = latest
        .iter()
        .map(|r| r.original().unwrap().title.as_str())
        .collect();
    assert_eq!(titles, ["Troisième", "Deuxième", "Premier"]);
    assert!(
        library::browse::most_viewed(&db, 10)
            .await
            .unwrap()
            .is_empty()
    );
    for _ in 0..3 {
        library::browse::record_view(&db, ids[0]).await.unwrap();
    }
    library::browse::record_view(&db, ids[2]).await.unwrap();
    let popular = library::browse::most_viewed(&db, 10).await.unwrap();
    assert_eq!(
        popular.iter().map(|r| r.id).collect::<Vec<_>>(),
        [ids[0], ids[2]]
    );

    let second = library::get(&db, ids[1]).await.unwrap();
    let related = library::browse::related(&db, &second, 5).await.unwrap();
    assert_eq!(related.len(), 2, "both share a topic with the second");
    assert_eq!(
        library::browse::count_by_kind(&db).await.unwrap(),
        [("guide".to_string(), 3)]
    );
    assert_eq!(
        library::browse::of_organisation(&db, org, 10)
            .await
            .unwrap()
            .len(),
        3
    );
}
on_both!(browse_, browsing_the_published_library);

async fn feeds_filter_by_topic_below_and_by_publisher(db: Db) {
    let (contributor, moderator, org) = setup(&db).await;
    let other = store::organisations::create(&db, &org_form("Rete Civica"))
        .await
        .unwrap();
    for (title, topic, publisher) in [
        ("Libre", "free-software", org),
        ("Éthique", "digital-ethics", org),
        ("Altrove", "free-software", other.id),
    ] {
        let f = ResourceForm {
            title: title.into(),
            topics: vec![topic.into()],
            ..form()
        };
        let r = library::create(&db, contributor, publisher, &f)
            .await
            .unwrap();
        review::submit(&db, contributor, r.id).await.unwrap();
        review::publish(&db, moderator, r.id).await.unwrap();
    }
    let titles = |list: Vec<library::Resource>| -> Vec<String> {
        list.iter()
            .map(|r| r.original().unwrap().title.clone())
            .collect()
    };
    let filter = |topic: Option<&str>, organisation_id: Option<i64>| library::browse::Filter {
        topic: topic.map(str::to_string),
        organisation_id,
        ..Default::default()
    };
    let all = library::browse::filtered(&db, &filter(None, None), 10)
        .await
        .unwrap();
    assert_eq!(titles(all), ["Altrove", "Éthique", "Libre"]);
    // A broader topic finds what is filed under narrower ones.
    let ethics = library::browse::filtered(&db, &filter(Some("digital-ethics"), None), 10)
        .await
        .unwrap();
    assert_eq!(titles(ethics), ["Altrove", "Éthique", "Libre"]);
    let free = library::browse::filtered(&db, &filter(Some("free-software"), Some(org)), 10)
        .await
        .unwrap();
    assert_eq!(titles(free), ["Libre"]);
    let theirs = library::browse::filtered(&db, &filter(None, Some(other.id)), 10)
        .await
        .unwrap();
    assert_eq!(titles(theirs), ["Altrove"]);
    let by = |f: library::browse::Filter| {
        let db = db.clone();
        async move { titles(library::browse::filtered(&db, &f, 10).await.unwrap()) }
    };
    let guides = library::browse::Filter {
        kind: Some("guide".into()),
        country: Some("FR".into()),
        lang: Some("fr".into()),
        ..Default::default()
    };
    assert_eq!(by(guides).await.len(), 3);
    let videos = library::browse::Filter {
        kind: Some("video".into()),
        ..Default::default()
    };
    assert!(by(videos).await.is_empty());
    let in_german = library::browse::Filter {
        lang: Some("de".into()),
        ..Default::default()
    };
    assert!(by(in_german).await.is_empty(), "no German text");
}
on_both!(feeds_, feeds_filter_by_topic_below_and_by_publisher);
