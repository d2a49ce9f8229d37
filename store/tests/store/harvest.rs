//! Harvest sources and runs on both engines: validation, the last run,
//! validators for incremental runs, what is due, removal.

use store::harvest::{self, NewRun, RunStatus, SourceForm, SourceKind};
use store::{Db, organisations};

use super::{codes, org_form, postgres, sqlite};

fn form(url: &str) -> SourceForm {
    SourceForm {
        kind: "rdf-dump".into(),
        url: url.into(),
        label: "Partner dump".into(),
        organisation_id: None,
        interval_hours: 0,
    }
}

fn new_run(status: RunStatus, etag: Option<&str>) -> NewRun {
    NewRun {
        started_at: "2026-01-01T00:00:00.000000Z".into(),
        status,
        kept: 3,
        rejected: 0,
        report: "{}".into(),
        etag: etag.map(str::to_string),
        last_modified: None,
    }
}

async fn sources_and_runs(db: Db) {
    let bad = harvest::add(
        &db,
        &SourceForm {
            kind: "gopher".into(),
            url: "ftp://example.org/dump.ttl".into(),
            label: "x".repeat(201),
            organisation_id: None,
            interval_hours: -1,
        },
    )
    .await
    .unwrap_err();
    assert_eq!(
        codes(bad),
        [
            ("kind", "kind-unknown"),
            ("url", "url-invalid"),
            ("label", "too-long"),
            ("interval_hours", "out-of-range")
        ]
    );
    let no_org = harvest::add(
        &db,
        &SourceForm {
            organisation_id: Some(999),
            ..form("https://example.org/a.ttl")
        },
    )
    .await
    .unwrap_err();
    assert_eq!(codes(no_org), [("organisation", "no-such-organisation")]);
    assert!(
        harvest::list(&db).await.unwrap().is_empty(),
        "nothing written"
    );

    let org = organisations::create(&db, &org_form("Rete")).await.unwrap();
    let a = harvest::add(
        &db,
        &SourceForm {
            organisation_id: Some(org.id),
            interval_hours: 24,
            ..form(" https://example.org/a.ttl ")
        },
    )
    .await
    .unwrap();
    assert_eq!(a.kind, SourceKind::RdfDump);
    assert_eq!(a.url, "https://example.org/a.ttl");
    assert!(a.enabled);
    let b = harvest::add(
        &db,
        &SourceForm {
            kind: "archipel".into(),
            ..form("http://partner.example.org")
        },
    )
    .await
    .unwrap();
    assert_eq!(harvest::get(&db, b.id).await.unwrap(), b);

    let now = time::OffsetDateTime::now_utc();
    assert_eq!(
        harvest::due(&db, now).await.unwrap(),
        std::slice::from_ref(&a),
        "b is on demand"
    );
    harvest::record_run(&db, a.id, &new_run(RunStatus::Ok, Some("\"v1\"")))
        .await
        .unwrap();
    let failed = harvest::record_run(&db, a.id, &new_run(RunStatus::Failed, None))
        .await
        .unwrap();
    assert!(
        harvest::due(&db, now).await.unwrap().is_empty(),
        "ran just now"
    );
    assert!(
        harvest::due(&db, now + time::Duration::hours(25))
            .await
            .unwrap()
            .len()
            == 1
    );
    assert_eq!(
        harvest::validators(&db, a.id).await.unwrap(),
        (Some("\"v1\"".into()), None),
        "a failed run gives no validators"
    );
    let listed = harvest::list(&db).await.unwrap();
    assert_eq!(listed.len(), 2);
    assert_eq!(listed[0].1.as_ref(), Some(&failed));
    assert_eq!(listed[1].1, None);

    harvest::remove(&db, a.id).await.unwrap();
    assert!(matches!(
        harvest::get(&db, a.id).await,
        Err(store::StoreError::NotFound)
    ));
    assert!(harvest::last_run(&db, a.id).await.unwrap().is_none());
    assert!(matches!(
        harvest::remove(&db, a.id).await,
        Err(store::StoreError::NotFound)
    ));
    assert_eq!(harvest::list(&db).await.unwrap().len(), 1);
}
on_both!(sources_and_runs_, sources_and_runs);
