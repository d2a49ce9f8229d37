//! Help requests to the directory's providers on both engines: only a
//! published provider receives them, the form is checked, a sender writes a
//! few times a day at most, and the provider reads, answers and archives.

use store::Db;
use store::directory;
use store::directory::requests::{self, HelpRequestForm, RequestStatus};

use super::codes;
use super::directory::{form, people, published};
use super::{postgres, sqlite};

fn request(name: &str) -> HelpRequestForm {
    HelpRequestForm {
        sender_name: name.into(),
        sender_email: "Secretary@Assoc.example.org".into(),
        organisation: "Les Amis du Quartier".into(),
        message: "We would like to move our shared files away from a big platform.".into(),
        lang: "en".into(),
    }
}

async fn help_requests_reach_their_provider(db: Db) {
    let (owner, moderator, _) = people(&db).await;
    let draft = directory::create(&db, owner, &form("Brouillon"))
        .await
        .unwrap();
    let refused = requests::send(&db, &draft, None, &request("Ana"))
        .await
        .unwrap_err();
    assert_eq!(codes(refused), [("provider", "profile-state-invalid")]);
    let p = published(&db, owner, moderator, &form("Nuage")).await;
    let other = published(&db, owner, moderator, &form("Autre Nuage")).await;
    let bad = requests::send(
        &db,
        &p,
        None,
        &HelpRequestForm {
            sender_name: "".into(),
            sender_email: "nope".into(),
            organisation: "".into(),
            message: "Help?".into(),
            lang: "english".into(),
        },
    )
    .await
    .unwrap_err();
    assert_eq!(
        codes(bad),
        [
            ("sender_name", "required"),
            ("sender_email", "email-invalid"),
            ("message", "message-too-short"),
            ("lang", "language-invalid"),
        ]
    );

    let first = requests::send(&db, &p, None, &request("Ana"))
        .await
        .unwrap();
    assert_eq!(first.sender_email, "secretary@assoc.example.org");
    assert_eq!(first.status, RequestStatus::New);
    assert_eq!(first.delivered_at, None);
    requests::send(&db, &p, Some(owner), &request("Ana again"))
        .await
        .unwrap();
    requests::send(&db, &p, None, &request("Ana thrice"))
        .await
        .unwrap();
    let flood = requests::send(&db, &p, None, &request("Ana four"))
        .await
        .unwrap_err();
    assert_eq!(codes(flood), [("sender_email", "request-limit")]);
    // The limit is per provider.
    requests::send(&db, &other, None, &request("Ana"))
        .await
        .unwrap();

    let mine = requests::for_provider(&db, p.id, 50).await.unwrap();
    assert_eq!(
        mine.iter()
            .map(|r| r.sender_name.as_str())
            .collect::<Vec<_>>(),
        ["Ana thrice", "Ana again", "Ana"],
        "newest first, the other provider's apart"
    );
    assert_eq!(mine[1].sender_user_id, Some(owner));
    assert_eq!(requests::all(&db, 50).await.unwrap().len(), 4);
    assert_eq!(requests::unread(&db, p.id).await.unwrap(), 3);

    let read = requests::set_status(&db, first.id, RequestStatus::Read)
        .await
        .unwrap();
    assert!(read.read_at.is_some());
    let answered = requests::set_status(&db, first.id, RequestStatus::Answered)
        .await
        .unwrap();
    assert_eq!(answered.read_at, read.read_at, "the first reading is kept");
    assert_eq!(requests::unread(&db, p.id).await.unwrap(), 2);

    let waiting = requests::undelivered(&db, 10).await.unwrap();
    assert_eq!(waiting.len(), 4);
    assert_eq!(waiting[0].id, first.id, "oldest first");
    requests::delivery_failed(&db, first.id).await.unwrap();
    requests::mark_delivered(&db, first.id).await.unwrap();
    let delivered = requests::get(&db, first.id).await.unwrap();
    assert!(delivered.delivered_at.is_some());
    assert_eq!(delivered.delivery_attempts, 2);
    assert_eq!(requests::undelivered(&db, 10).await.unwrap().len(), 3);
    assert!(matches!(
        requests::set_status(&db, 9999, RequestStatus::Read).await,
        Err(store::StoreError::NotFound)
    ));
}
on_both!(help_requests, help_requests_reach_their_provider);
