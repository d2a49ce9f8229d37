//! What the OAI-PMH provider and the e-mail delivery read of the directory,
//! on both engines: records of providers ever published (live or deleted)
//! in datestamp order, and the help requests still to be mailed.

use store::Db;
use store::directory::requests::{self, HelpRequestForm, MAX_DELIVERY_ATTEMPTS};
use store::directory::{self, ProviderForm, oai, review};
use store::users::{self, Role};

use super::{postgres, reg, sqlite};

fn form(name: &str) -> ProviderForm {
    ProviderForm {
        name: name.into(),
        original_language: "fr".into(),
        descriptions: [(
            "fr".to_string(),
            "Nous hébergeons des outils libres pour les associations de la région.".to_string(),
        )]
        .into(),
        help: vec!["hosting".into()],
        services: vec!["nextcloud".into()],
        remote: true,
        prices: vec!["paid".into()],
        areas: vec!["FR".into()],
        languages: "fr".into(),
        legal_form: "association".into(),
        contact_email: "contact@nuage.example.org".into(),
        ..ProviderForm::default()
    }
}

async fn records_of_providers_ever_published(db: Db) {
    let owner = users::create(&db, &reg("owner@example.org"), Role::Learner)
        .await
        .unwrap();
    let moderator = users::create(&db, &reg("mod@example.org"), Role::Moderator)
        .await
        .unwrap();
    let mut ids = Vec::new();
    for name in ["Alpha", "Beta", "Gamma"] {
        let p = directory::create(&db, owner.id, &form(name)).await.unwrap();
        review::submit(&db, owner.id, p.id).await.unwrap();
        review::approve(&db, moderator.id, p.id).await.unwrap();
        ids.push(p.id);
    }
    let draft = directory::create(&db, owner.id, &form("Draft"))
        .await
        .unwrap();
    assert!(oai::get(&db, &draft.slug).await.unwrap().is_none());
    assert_eq!(oai::count(&db, None, None).await.unwrap(), 3);

    // Paging by (datestamp, id) gives each record once.
    let first = oai::list(&db, None, None, None, 2).await.unwrap();
    assert_eq!(first.len(), 2);
    let tail = first.last().unwrap();
    let after = (tail.datestamp.clone(), tail.provider.id);
    let rest = oai::list(&db, None, None, Some(&after), 2).await.unwrap();
    let mut seen: Vec<i64> = first.iter().chain(&rest).map(|r| r.provider.id).collect();
    seen.sort();
    assert_eq!(seen, ids);
    assert!(first.iter().all(|r| !r.deleted));

    // Unpublished: still a record, deleted, with a datestamp at the change.
    let before = oai::get(&db, "alpha").await.unwrap().unwrap();
    tokio::time::sleep(std::time::Duration::from_millis(5)).await;
    review::unpublish(&db, moderator.id, ids[0], "Closed")
        .await
        .unwrap();
    let after = oai::get(&db, "alpha").await.unwrap().unwrap();
    assert!(after.deleted);
    assert!(after.datestamp > before.datestamp);
    let since = oai::list(&db, Some(&after.datestamp), None, None, 10)
        .await
        .unwrap();
    assert_eq!(since.len(), 1);
    assert_eq!(since[0].provider.slug, "alpha");
    let until = oai::list(&db, None, Some(&before.datestamp), None, 10)
        .await
        .unwrap();
    assert!(until.iter().all(|r| r.provider.slug != "alpha"));
    let earliest = oai::earliest(&db).await.unwrap().unwrap();
    assert_eq!(
        Some(earliest),
        oai::list(&db, None, None, None, 10)
            .await
            .unwrap()
            .into_iter()
            .map(|r| r.datestamp)
            .min()
    );

    // Mail: a request is due until delivered, or until its attempts run out.
    let beta = directory::get(&db, ids[1]).await.unwrap();
    let send = |email: &str| HelpRequestForm {
        sender_name: "Jeanne".into(),
        sender_email: email.into(),
        organisation: String::new(),
        message: "Nous cherchons un hébergement pour nos agendas partagés.".into(),
        lang: "fr".into(),
    };
    let a = requests::send(&db, &beta, None, &send("a@example.org"))
        .await
        .unwrap();
    let b = requests::send(&db, &beta, None, &send("b@example.org"))
        .await
        .unwrap();
    let due = |db: Db| async move {
        requests::due_for_delivery(&db, 10)
            .await
            .unwrap()
            .into_iter()
            .map(|r| r.id)
            .collect::<Vec<_>>()
    };
    assert_eq!(due(db.clone()).await, [a.id, b.id]);
    // One node takes the first attempt; another, reading the same count,
    // does not.
    assert!(requests::claim_delivery(&db, a.id, 0).await.unwrap());
    assert!(!requests::claim_delivery(&db, a.id, 0).await.unwrap());
    requests::delivered(&db, a.id).await.unwrap();
    assert!(
        !requests::claim_delivery(&db, a.id, 1).await.unwrap(),
        "delivered"
    );
    let a = requests::get(&db, a.id).await.unwrap();
    assert_eq!((a.delivered_at.is_some(), a.delivery_attempts), (true, 1));
    for _ in 0..MAX_DELIVERY_ATTEMPTS {
        requests::delivery_failed(&db, b.id).await.unwrap();
    }
    assert!(due(db.clone()).await.is_empty());
    assert_eq!(requests::undelivered(&db, 10).await.unwrap().len(), 1);
}

on_both!(records, records_of_providers_ever_published);
