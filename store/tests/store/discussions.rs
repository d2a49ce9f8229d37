//! Discussions on both engines: threads and replies with their visibility,
//! counts, the edit window, pre-moderation, moderation with its history,
//! and notifications recorded once per event.

use store::discussions::{self, Filter, Place, PostKind, PostStatus, Reader, Writing, moderation};
use store::notifications::{self, Kind};
use store::users::{self, Role};
use store::{Db, outbox};

use super::{codes, postgres, reg, sqlite};

fn place() -> Place {
    Place {
        course: "mooc".into(),
        lesson: "courses/mooc/01-a/01-b.md".into(),
        lang: "fr".into(),
        title: "Une leçon".into(),
        path: "/courses/mooc/a/b".into(),
    }
}

async fn discussions_keep_their_rules(db: Db) {
    let asker = users::create(&db, &reg("asker@example.org"), Role::Learner)
        .await
        .unwrap();
    let helper = users::create(&db, &reg("helper@example.org"), Role::Learner)
        .await
        .unwrap();
    let author = users::create(&db, &reg("author@example.org"), Role::Learner)
        .await
        .unwrap();
    moderation::add_author(&db, "mooc", author.id)
        .await
        .unwrap();
    assert_eq!(
        moderation::courses_of(&db, author.id).await.unwrap(),
        ["mooc"]
    );
    let p = place();
    let before = outbox::after(&db, 0, 100).await.unwrap().len();

    let write = |who, kind, parent, body| Writing {
        author: who,
        trusted: false,
        kind,
        parent,
        body,
    };
    let q = discussions::create(
        &db,
        &p,
        &write(&asker, PostKind::Question, None, "Pourquoi ?"),
    )
    .await
    .unwrap();
    let empty = discussions::create(&db, &p, &write(&asker, PostKind::Question, None, "  "))
        .await
        .unwrap_err();
    assert_eq!(codes(empty), [("body", "post-empty")]);
    let r = discussions::create(
        &db,
        &p,
        &write(&helper, PostKind::Comment, Some(q.id), "Parce que."),
    )
    .await
    .unwrap();
    assert_eq!(
        r.kind,
        PostKind::Reply,
        "an answer under a thread is a reply"
    );
    let nested = discussions::create(&db, &p, &write(&asker, PostKind::Reply, Some(r.id), "Et ?"))
        .await
        .unwrap_err();
    assert_eq!(
        codes(nested),
        [("parent", "post-parent-invalid")],
        "one level"
    );
    assert_eq!(
        outbox::after(&db, 0, 100).await.unwrap().len(),
        before + 2,
        "each write tells the projections"
    );

    // Notified once each: the asker of the reply, the author of the question.
    let asker_notes = notifications::list(&db, asker.id, 1).await.unwrap().0;
    assert_eq!(asker_notes.len(), 1);
    assert_eq!(asker_notes[0].kind, Kind::Reply);
    assert_eq!(notifications::unread(&db, author.id).await.unwrap(), 1);
    assert_eq!(notifications::unread(&db, helper.id).await.unwrap(), 0);

    let counts = discussions::counts(&db, "mooc").await.unwrap();
    assert_eq!(counts[&p.lesson].threads, 1);
    assert_eq!(counts[&p.lesson].unanswered, 0);
    assert_eq!(counts[&p.lesson].posts, 2);
    assert_eq!(
        discussions::lesson_counts(&db, &p.lesson)
            .await
            .unwrap()
            .posts,
        2
    );

    // Accepting notifies the helper; hiding takes the reply from readers.
    let question = discussions::get(&db, q.id).await.unwrap();
    moderation::accept(&db, author.id, &question, Some(&r), &p)
        .await
        .unwrap();
    assert_eq!(notifications::unread(&db, helper.id).await.unwrap(), 1);
    let refused = moderation::moderate(&db, author.id, &r, moderation::Action::Hide, "", &p)
        .await
        .unwrap_err();
    assert_eq!(codes(refused), [("note", "note-required")]);
    moderation::moderate(
        &db,
        author.id,
        &r,
        moderation::Action::Hide,
        "Hors sujet.",
        &p,
    )
    .await
    .unwrap();
    let again = moderation::moderate(&db, author.id, &r, moderation::Action::Hide, "Encore.", &p)
        .await
        .unwrap_err();
    assert_eq!(codes(again), [("action", "post-state-changed")]);
    let anonymous = Reader::default();
    let (threads, total) = discussions::threads(&db, &p.lesson, Filter::Newest, anonymous, 1)
        .await
        .unwrap();
    assert_eq!(total, 1);
    assert!(threads[0].replies.is_empty(), "hidden from readers");
    let own = Reader {
        user_id: Some(helper.id),
        moderates: false,
    };
    let (threads, _) = discussions::threads(&db, &p.lesson, Filter::Newest, own, 1)
        .await
        .unwrap();
    assert_eq!(threads[0].replies[0].status, PostStatus::Hidden);
    assert_eq!(threads[0].replies[0].status_note, "Hors sujet.");
    let (unanswered, _) = discussions::threads(&db, &p.lesson, Filter::Unanswered, anonymous, 1)
        .await
        .unwrap();
    assert!(unanswered.is_empty(), "an accepted question is answered");
    let history = moderation::history(&db, None, 10).await.unwrap();
    assert_eq!(history.len(), 2);
    assert_eq!(history[0].action, moderation::Action::Hide);

    // The edit window, then deletion keeps the place.
    let edited = discussions::edit(&db, &question, "Pourquoi donc ?")
        .await
        .unwrap();
    assert!(edited.edited_at.is_some());
    sqlx::query("UPDATE posts SET created_at = '2020-01-01T00:00:00.000000Z' WHERE id = $1")
        .bind(q.id)
        .execute(db.pool())
        .await
        .unwrap();
    let old = discussions::get(&db, q.id).await.unwrap();
    let late = discussions::edit(&db, &old, "Trop tard").await.unwrap_err();
    assert_eq!(codes(late), [("body", "post-edit-closed")]);
    discussions::delete_own(&db, &old).await.unwrap();
    let gone = discussions::get(&db, q.id).await.unwrap();
    assert_eq!(gone.status, PostStatus::Deleted);
    assert_eq!(gone.body, "");
    assert_eq!(gone.deleted_by.as_deref(), Some("author"));

    // Pre-moderation holds a new account's first post and tells nobody.
    moderation::set_premoderation(&db, "mooc", true)
        .await
        .unwrap();
    let newcomer = users::create(&db, &reg("new@example.org"), Role::Learner)
        .await
        .unwrap();
    let held = discussions::create(
        &db,
        &p,
        &write(&newcomer, PostKind::Question, None, "Bonjour"),
    )
    .await
    .unwrap();
    assert_eq!(held.status, PostStatus::Pending);
    assert_eq!(
        notifications::unread(&db, author.id).await.unwrap(),
        1,
        "still one"
    );
    let waiting = moderation::queue(&db, Some(&["mooc".to_string()]))
        .await
        .unwrap();
    assert_eq!(waiting.len(), 1);
    moderation::moderate(&db, author.id, &held, moderation::Action::Approve, "", &p)
        .await
        .unwrap();
    assert_eq!(notifications::unread(&db, author.id).await.unwrap(), 2);
    let trusted = discussions::create(
        &db,
        &p,
        &Writing {
            trusted: true,
            ..write(&author, PostKind::Comment, None, "Bienvenue")
        },
    )
    .await
    .unwrap();
    assert_eq!(trusted.status, PostStatus::Visible);

    // A former learner: the account goes, the posts stay, unsigned.
    users::delete(&db, helper.id, "long enough pass")
        .await
        .unwrap();
    let kept = discussions::get(&db, r.id).await.unwrap();
    assert_eq!(kept.author_id, None);
    assert_eq!(kept.author_name, None);
}

on_both!(discussions_rules, discussions_keep_their_rules);

async fn the_content_names_authors_and_administrators_add_more(db: Db) {
    let named = users::create(&db, &reg("named@example.org"), Role::Learner)
        .await
        .unwrap();
    let chosen = users::create(&db, &reg("chosen@example.org"), Role::Learner)
        .await
        .unwrap();
    moderation::add_author(&db, "mooc", chosen.id)
        .await
        .unwrap();
    let unknown = moderation::sync_content_authors(
        &db,
        "mooc",
        &["named@example.org".into(), "ghost@example.org".into()],
    )
    .await
    .unwrap();
    assert_eq!(unknown, ["ghost@example.org"]);
    let authors = moderation::authors(&db, "mooc").await.unwrap();
    assert_eq!(authors.len(), 2);
    assert!(authors.iter().any(|a| a.id == named.id && a.from_content));
    assert!(authors.iter().any(|a| a.id == chosen.id && !a.from_content));
    // An administrator cannot remove what the content says; the content can.
    moderation::remove_author(&db, "mooc", named.id)
        .await
        .unwrap();
    assert_eq!(moderation::authors(&db, "mooc").await.unwrap().len(), 2);
    moderation::sync_content_authors(&db, "mooc", &[])
        .await
        .unwrap();
    let left = moderation::authors(&db, "mooc").await.unwrap();
    assert_eq!(left.len(), 1);
    assert_eq!(left[0].id, chosen.id, "the administrator's choice stays");
}

on_both!(
    content_authors,
    the_content_names_authors_and_administrators_add_more
);
