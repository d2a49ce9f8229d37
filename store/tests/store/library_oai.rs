//! What the OAI-PMH provider reads, on both engines: records of resources
//! ever published, deletions with the time they left, sets, date bounds and
//! the (datestamp, id) cursor.

use store::Db;
use store::library::oai::{self, Selection, SetFilter};
use store::library::{self, review};

use super::library::{form, setup};
use super::{postgres, sqlite};

async fn records_deletions_sets_and_paging(db: Db) {
    let (contributor, moderator, org) = setup(&db).await;
    assert_eq!(oai::earliest(&db).await.unwrap(), None);
    let mut ids = Vec::new();
    for _ in 0..3 {
        let r = library::create(&db, contributor, org, &form())
            .await
            .unwrap();
        review::submit(&db, contributor, r.id).await.unwrap();
        review::publish(&db, moderator, r.id).await.unwrap();
        ids.push(r);
    }
    let draft = library::create(&db, contributor, org, &form())
        .await
        .unwrap();
    review::withdraw(&db, contributor, draft.id, "never mind")
        .await
        .unwrap();
    review::unpublish(&db, moderator, ids[1].id, "outdated")
        .await
        .unwrap();

    let all = Selection::default();
    let list = oai::list(&db, &all, None, 10).await.unwrap();
    assert_eq!(list.len(), 3, "the draft never published is no record");
    assert_eq!(oai::count(&db, &all).await.unwrap(), 3);
    let gone = list.iter().find(|r| r.resource.id == ids[1].id).unwrap();
    assert!(gone.deleted);
    let left: String =
        sqlx::query_scalar::<_, String>("SELECT left_at FROM resources WHERE id = $1")
            .bind(ids[1].id)
            .fetch_one(db.pool())
            .await
            .unwrap();
    assert_eq!(gone.datestamp, left);
    assert_eq!(
        list.last().unwrap().resource.id,
        ids[1].id,
        "it changed last"
    );
    assert_eq!(
        oai::earliest(&db).await.unwrap().as_deref(),
        Some(list[0].datestamp.as_str())
    );

    // Paging by (datestamp, id) gives every record once.
    let first = oai::list(&db, &all, None, 2).await.unwrap();
    let after = (first[1].datestamp.clone(), first[1].resource.id);
    let rest = oai::list(&db, &all, Some(&after), 2).await.unwrap();
    assert_eq!(rest.len(), 1);
    assert_eq!(rest[0].resource.id, list[2].resource.id);

    // Date bounds are inclusive.
    let at = Selection {
        from: Some(list[0].datestamp.clone()),
        until: Some(list[0].datestamp.clone()),
        set: None,
    };
    assert_eq!(
        oai::list(&db, &at, None, 10).await.unwrap()[0].resource.id,
        list[0].resource.id
    );

    for (set, n) in [
        (SetFilter::Topic("digital-ethics".into()), 3),
        (SetFilter::Topic("free-software".into()), 3),
        (SetFilter::Topic("nothing".into()), 0),
        (SetFilter::AnyTopic, 3),
        (SetFilter::Partner("les-tisserands".into()), 3),
        (SetFilter::Partner("nobody".into()), 0),
        (SetFilter::Language("fr".into()), 3),
        (SetFilter::Language("de".into()), 0),
    ] {
        let s = Selection {
            set: Some(set.clone()),
            ..Default::default()
        };
        assert_eq!(oai::count(&db, &s).await.unwrap(), n, "{set:?}");
    }
    assert_eq!(oai::languages(&db).await.unwrap(), ["fr"]);
    assert!(oai::get(&db, &draft.uid).await.unwrap().is_none());

    // Published again: live, and no longer marked as gone.
    review::submit(&db, contributor, ids[1].id).await.unwrap();
    review::publish(&db, moderator, ids[1].id).await.unwrap();
    let back = oai::get(&db, &ids[1].uid).await.unwrap().unwrap();
    assert!(!back.deleted);
    assert!(back.datestamp > left);
}

on_both!(oai_, records_deletions_sets_and_paging);
