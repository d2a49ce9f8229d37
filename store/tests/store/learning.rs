//! Progress, quiz attempts, the anonymous-to-account merge and certificates.

use store::Db;
use store::learning::{self, NewAttempt, NewCertificate};
use store::users::{self, Role};

use super::{postgres, reg, sqlite};

const COURSE: &str = "mooc-chatons";
const L1: &str = "courses/mooc-chatons/01-internet/01-how-it-works.md";
const L2: &str = "courses/mooc-chatons/01-internet/02-neutrality.md";
const L3: &str = "courses/mooc-chatons/01-internet/03-platforms.md";

fn attempt(lesson: &str, score: i64, total: i64) -> NewAttempt<'_> {
    NewAttempt {
        course: COURSE,
        lesson,
        language: "fr",
        score,
        total,
        answers: "{}",
    }
}

async fn progress_is_kept_per_lesson(db: Db) {
    let token = learning::new_token();
    assert_eq!(learning::anonymous(&db, &token).await.unwrap(), None);
    let me = learning::create_anonymous(&db, &token).await.unwrap();
    assert_eq!(learning::anonymous(&db, &token).await.unwrap(), Some(me));

    learning::visit(&db, me, COURSE, L1).await.unwrap();
    learning::set_done(&db, me, COURSE, L1, true).await.unwrap();
    learning::visit(&db, me, COURSE, L2).await.unwrap();
    let p = learning::course_progress(&db, me, COURSE).await.unwrap();
    assert_eq!(p.done.iter().collect::<Vec<_>>(), [L1]);
    assert_eq!(p.last_visited.as_deref(), Some(L2));

    learning::set_done(&db, me, COURSE, L1, false)
        .await
        .unwrap();
    learning::set_done(&db, me, COURSE, L3, true).await.unwrap();
    let p = learning::course_progress(&db, me, COURSE).await.unwrap();
    assert_eq!(
        p.done.iter().collect::<Vec<_>>(),
        [L3],
        "L1 undone, L3 done"
    );

    let other = learning::create_anonymous(&db, &learning::new_token())
        .await
        .unwrap();
    let p = learning::course_progress(&db, other, COURSE).await.unwrap();
    assert!(
        p.done.is_empty(),
        "learners do not see each other's progress"
    );
}
on_both!(progress_, progress_is_kept_per_lesson);

async fn attempts_and_best_scores(db: Db) {
    let me = learning::create_anonymous(&db, &learning::new_token())
        .await
        .unwrap();
    learning::record_attempt(&db, me, &attempt(L1, 1, 3))
        .await
        .unwrap();
    learning::record_attempt(&db, me, &attempt(L1, 3, 3))
        .await
        .unwrap();
    learning::record_attempt(&db, me, &attempt(L1, 2, 3))
        .await
        .unwrap();
    let p = learning::course_progress(&db, me, COURSE).await.unwrap();
    assert_eq!(p.best.get(L1), Some(&(3, 3)), "the best, not the last");
    let last = learning::last_attempt(&db, me, L1).await.unwrap().unwrap();
    assert_eq!((last.score, last.total), (2, 3));
    assert_eq!(learning::attempts(&db, me, None).await.unwrap().len(), 3);
    assert!(
        learning::record_attempt(&db, me, &attempt(L1, 4, 3))
            .await
            .is_err(),
        "a score above the total is refused"
    );
}
on_both!(attempts_, attempts_and_best_scores);

async fn anonymous_progress_merges_into_the_account(db: Db) {
    let user = users::create(&db, &reg("ada@example.org"), Role::Learner)
        .await
        .unwrap();
    // Before signing in on this browser, the account had done L2 and visited L1.
    let account = learning::for_user(&db, user.id).await.unwrap();
    learning::set_done(&db, account, COURSE, L2, true)
        .await
        .unwrap();
    learning::visit(&db, account, COURSE, L1).await.unwrap();

    let token = learning::new_token();
    let anon = learning::create_anonymous(&db, &token).await.unwrap();
    learning::set_done(&db, anon, COURSE, L1, true)
        .await
        .unwrap();
    learning::visit(&db, anon, COURSE, L2).await.unwrap();
    learning::record_attempt(&db, anon, &attempt(L1, 2, 2))
        .await
        .unwrap();

    learning::merge_anonymous(&db, &token, user.id)
        .await
        .unwrap();
    let p = learning::course_progress(&db, account, COURSE)
        .await
        .unwrap();
    assert_eq!(p.done.iter().collect::<Vec<_>>(), [L1, L2]);
    assert_eq!(p.last_visited.as_deref(), Some(L2), "the latest visit wins");
    assert_eq!(p.best.get(L1), Some(&(2, 2)), "attempts follow");
    assert_eq!(
        learning::anonymous(&db, &token).await.unwrap(),
        None,
        "the anonymous learner is gone"
    );
    // Merging again (a second login with a stale cookie) changes nothing.
    learning::merge_anonymous(&db, &token, user.id)
        .await
        .unwrap();
    let courses = learning::courses(&db, account).await.unwrap();
    assert_eq!(courses.len(), 1);
    assert_eq!(courses[0].last_lesson, L2);
}
on_both!(merge_, anonymous_progress_merges_into_the_account);

async fn stale_anonymous_learners_are_purged(db: Db) {
    let me = learning::create_anonymous(&db, &learning::new_token())
        .await
        .unwrap();
    learning::set_done(&db, me, COURSE, L1, true).await.unwrap();
    let user = users::create(&db, &reg("ada@example.org"), Role::Learner)
        .await
        .unwrap();
    let account = learning::for_user(&db, user.id).await.unwrap();
    assert_eq!(
        learning::purge_anonymous(&db, "2000-01-01T00:00:00Z")
            .await
            .unwrap(),
        0
    );
    assert_eq!(
        learning::purge_anonymous(&db, "9999-01-01T00:00:00Z")
            .await
            .unwrap(),
        1,
        "only the anonymous learner goes"
    );
    assert_eq!(
        learning::for_user(&db, user.id).await.unwrap(),
        account,
        "accounts' learners stay"
    );
}
on_both!(purge_, stale_anonymous_learners_are_purged);

async fn certificates_are_issued_once(db: Db) {
    let user = users::create(&db, &reg("ada@example.org"), Role::Learner)
        .await
        .unwrap();
    let new = NewCertificate {
        user_id: user.id,
        course: COURSE,
        holder_name: "Ada",
        course_title: "MOOC CHATONS",
        language: "fr",
    };
    let first = learning::issue_certificate(&db, &new).await.unwrap();
    assert_eq!(first.id.len(), 32, "an unguessable id");
    let again = learning::issue_certificate(
        &db,
        &NewCertificate {
            holder_name: "Ada Lovelace",
            ..new
        },
    )
    .await
    .unwrap();
    assert_eq!(again, first, "the certificate does not change once issued");
    let found = learning::certificate(&db, &first.id)
        .await
        .unwrap()
        .unwrap();
    assert_eq!(found.holder_name, "Ada");
    assert_eq!(learning::certificate(&db, "nope").await.unwrap(), None);
    assert_eq!(
        learning::certificates_of(&db, user.id).await.unwrap(),
        [first]
    );
    users::delete(&db, user.id, "long enough pass")
        .await
        .unwrap();
    assert_eq!(
        learning::certificates_of(&db, user.id).await.unwrap(),
        [],
        "deleting the account deletes its certificates"
    );
}
on_both!(certificates_, certificates_are_issued_once);
