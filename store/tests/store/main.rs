//! The data layer against both engines: every test runs on a fresh SQLite file
//! and, when `ARCHIPEL_TEST_POSTGRES_URL` points at a server, on a fresh
//! PostgreSQL database. The test command always starts one.

use store::organisations::{self, OrgRole, OrganisationForm};
use store::users::{self, Registration, Role};
use store::{Db, StoreError, authz, sessions};

async fn sqlite() -> (Db, tempfile::TempDir) {
    let dir = tempfile::tempdir().unwrap();
    let url = format!("sqlite://{}?mode=rwc", dir.path().join("t.db").display());
    let db = Db::connect(&url, 4).await.unwrap();
    db.migrate().await.unwrap();
    (db, dir)
}

/// A new, empty database on the test PostgreSQL server, or `None` when none is
/// configured (refused under CI, where the server must be there).
async fn postgres() -> Option<Db> {
    let Ok(admin_url) = std::env::var("ARCHIPEL_TEST_POSTGRES_URL") else {
        assert!(
            std::env::var_os("CI").is_none(),
            "CI must run the PostgreSQL tests: set ARCHIPEL_TEST_POSTGRES_URL"
        );
        eprintln!("ARCHIPEL_TEST_POSTGRES_URL not set: PostgreSQL variant not run");
        return None;
    };
    let admin = Db::connect(&admin_url, 1).await.unwrap();
    let name = format!("archipel_test_{}", rand_suffix());
    sqlx::query(sqlx::AssertSqlSafe(format!("CREATE DATABASE {name}")))
        .execute(admin.pool())
        .await
        .unwrap();
    admin.close().await;
    let base = admin_url.rsplit_once('/').map(|(b, _)| b).unwrap();
    let db = Db::connect(&format!("{base}/{name}"), 4).await.unwrap();
    db.migrate().await.unwrap();
    Some(db)
}

fn rand_suffix() -> String {
    use std::time::{SystemTime, UNIX_EPOCH};
    let nanos = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .unwrap()
        .as_nanos();
    format!("{}_{}", std::process::id(), nanos % 1_000_000_000_000)
}

/// Runs one test body on SQLite and on PostgreSQL.
macro_rules! on_both {
    ($name:ident, $body:ident) => {
        mod $name {
            #[tokio::test]
            async fn sqlite() {
                let (db, _dir) = super::sqlite().await;
                super::$body(db).await;
            }
            #[tokio::test]
            async fn postgres() {
                if let Some(db) = super::postgres().await {
                    super::$body(db).await;
                }
            }
        }
    };
}

fn reg(email: &str) -> Registration {
    Registration {
        email: email.into(),
        display_name: "Ada".into(),
        password: "long enough pass".into(),
    }
}

fn org_form(name: &str) -> OrganisationForm {
    OrganisationForm {
        name: name.into(),
        country: "fr".into(),
        languages: "fr, en".into(),
        website: "https://example.org".into(),
    }
}

fn codes(err: StoreError) -> Vec<(&'static str, &'static str)> {
    match err {
        StoreError::Invalid(errors) => errors.into_iter().map(|e| (e.field, e.code)).collect(),
        other => panic!("expected invalid input, got {other}"),
    }
}

async fn registration_and_login(db: Db) {
    let user = users::create(&db, &reg(" Ada@Example.org "), Role::Learner)
        .await
        .unwrap();
    assert_eq!(user.email, "ada@example.org");
    assert_eq!(user.role, Role::Learner);
    let again = users::create(&db, &reg("ada@example.ORG"), Role::Learner)
        .await
        .unwrap_err();
    assert_eq!(codes(again), [("email", "email-taken")]);
    assert_eq!(
        users::count(&db).await.unwrap(),
        1,
        "the refused registration wrote nothing"
    );

    assert_eq!(
        users::authenticate(&db, "ADA@example.org", "long enough pass")
            .await
            .unwrap()
            .map(|u| u.id),
        Some(user.id)
    );
    assert!(
        users::authenticate(&db, "ada@example.org", "wrong password!")
            .await
            .unwrap()
            .is_none()
    );
    assert!(
        users::authenticate(&db, "bob@example.org", "long enough pass")
            .await
            .unwrap()
            .is_none()
    );

    let bad = users::create(
        &db,
        &Registration {
            email: "x".into(),
            display_name: "".into(),
            password: "short".into(),
        },
        Role::Learner,
    )
    .await
    .unwrap_err();
    assert_eq!(
        codes(bad),
        [
            ("email", "email-invalid"),
            ("display_name", "required"),
            ("password", "password-too-short")
        ]
    );
}
on_both!(registration, registration_and_login);

async fn profile_and_password(db: Db) {
    let user = users::create(&db, &reg("ada@example.org"), Role::Learner)
        .await
        .unwrap();
    let updated = users::update_profile(
        &db,
        user.id,
        &users::ProfileUpdate {
            display_name: "Ada L.".into(),
            preferred_languages: "it, FR".into(),
        },
    )
    .await
    .unwrap();
    assert_eq!(updated.display_name, "Ada L.");
    assert_eq!(updated.preferred_languages, ["it", "fr"]);

    sessions::save(&db, "keep", Some(user.id), "{}", i64::MAX / 2)
        .await
        .unwrap();
    sessions::save(&db, "other", Some(user.id), "{}", i64::MAX / 2)
        .await
        .unwrap();
    let wrong = users::change_password(&db, user.id, "not it at all", "another long pass", "keep")
        .await
        .unwrap_err();
    assert_eq!(codes(wrong), [("current_password", "password-wrong")]);
    users::change_password(
        &db,
        user.id,
        "long enough pass",
        "another long pass",
        "keep",
    )
    .await
    .unwrap();
    assert!(
        users::authenticate(&db, "ada@example.org", "another long pass")
            .await
            .unwrap()
            .is_some()
    );
    assert_eq!(
        sessions::count_for_user(&db, user.id).await.unwrap(),
        1,
        "other sessions ended"
    );
    let kept = sessions::load(&db, "keep", 0).await.unwrap().unwrap();
    assert_eq!(
        kept.account,
        Some(updated),
        "the account comes with its session"
    );
    assert_eq!(kept.learner, None, "no learner before the first lesson");
    let learner = store::learning::for_user(&db, user.id).await.unwrap();
    let kept = sessions::load(&db, "keep", 0).await.unwrap().unwrap();
    assert_eq!(kept.learner, Some(learner));
}
on_both!(profile, profile_and_password);

async fn account_deletion(db: Db) {
    let admin = users::create(&db, &reg("admin@example.org"), Role::Admin)
        .await
        .unwrap();
    let user = users::create(&db, &reg("ada@example.org"), Role::Learner)
        .await
        .unwrap();
    let org = organisations::create(&db, &org_form("Framasoft"))
        .await
        .unwrap();
    organisations::add_member(&db, org.id, "ada@example.org", OrgRole::Member)
        .await
        .unwrap();
    sessions::save(&db, "s1", Some(user.id), "{}", i64::MAX / 2)
        .await
        .unwrap();

    assert_eq!(
        codes(
            users::delete(&db, user.id, "bad password")
                .await
                .unwrap_err()
        ),
        [("password", "password-wrong")]
    );
    users::delete(&db, user.id, "long enough pass")
        .await
        .unwrap();
    assert!(users::find(&db, user.id).await.unwrap().is_none());
    assert!(
        organisations::members(&db, org.id)
            .await
            .unwrap()
            .is_empty()
    );
    assert!(sessions::load(&db, "s1", 0).await.unwrap().is_none());

    let last = users::delete(&db, admin.id, "long enough pass")
        .await
        .unwrap_err();
    assert_eq!(codes(last), [("password", "last-admin")]);
}
on_both!(deletion, account_deletion);

async fn organisations_and_members(db: Db) {
    let ada = users::create(&db, &reg("ada@example.org"), Role::Learner)
        .await
        .unwrap();
    let a = organisations::create(&db, &org_form("Réseau Éduc"))
        .await
        .unwrap();
    let b = organisations::create(&db, &org_form("Reseau educ"))
        .await
        .unwrap();
    assert_eq!(a.slug, "reseau-educ");
    assert_eq!(b.slug, "reseau-educ-2");
    assert_eq!(a.country, "FR");
    assert_eq!(a.languages, ["fr", "en"]);

    let bad = organisations::create(
        &db,
        &OrganisationForm {
            name: "".into(),
            country: "France".into(),
            languages: "".into(),
            website: "ftp://x".into(),
        },
    )
    .await
    .unwrap_err();
    assert_eq!(
        codes(bad),
        [
            ("name", "required"),
            ("country", "country-invalid"),
            ("languages", "required"),
            ("website", "url-invalid")
        ]
    );
    assert_eq!(organisations::list(&db).await.unwrap().len(), 2);

    let m = organisations::add_member(&db, a.id, "ada@example.org", OrgRole::Admin)
        .await
        .unwrap();
    assert_eq!(
        m.user.role,
        Role::Contributor,
        "members become contributors"
    );
    organisations::add_member(&db, b.id, "ada@example.org", OrgRole::Member)
        .await
        .unwrap();
    let actor = authz::actor_for(&db, &ada).await.unwrap();
    assert_eq!(actor.admin_of, [a.id]);
    assert_eq!(actor.member_of.len(), 2);
    assert!(authz::can(
        Some(&actor),
        authz::Action::ManageMembers { org_id: a.id }
    ));
    assert!(!authz::can(
        Some(&actor),
        authz::Action::ManageMembers { org_id: b.id }
    ));

    let unknown = organisations::add_member(&db, a.id, "nobody@example.org", OrgRole::Member)
        .await
        .unwrap_err();
    assert_eq!(codes(unknown), [("email", "no-such-account")]);

    organisations::remove_member(&db, a.id, ada.id)
        .await
        .unwrap();
    assert_eq!(
        users::get(&db, ada.id).await.unwrap().role,
        Role::Contributor,
        "still in b"
    );
    organisations::delete(&db, b.id).await.unwrap();
    assert_eq!(
        users::get(&db, ada.id).await.unwrap().role,
        Role::Learner,
        "belongs nowhere now"
    );

    let updated = organisations::update(
        &db,
        a.id,
        &OrganisationForm {
            name: "Réseau Éduc Pop".into(),
            ..org_form("x")
        },
    )
    .await
    .unwrap();
    assert_eq!(updated.name, "Réseau Éduc Pop");
    assert_eq!(updated.slug, "reseau-educ", "slugs are stable URLs");
    assert_eq!(
        organisations::set_logo(&db, a.id, Some("abc.png"))
            .await
            .unwrap(),
        None
    );
    assert_eq!(
        organisations::get_by_slug(&db, "reseau-educ")
            .await
            .unwrap()
            .logo
            .as_deref(),
        Some("abc.png")
    );
}
on_both!(organisations_, organisations_and_members);

async fn roles(db: Db) {
    let admin = users::create(&db, &reg("admin@example.org"), Role::Admin)
        .await
        .unwrap();
    let ada = users::create(&db, &reg("ada@example.org"), Role::Learner)
        .await
        .unwrap();
    assert_eq!(
        users::set_role(&db, ada.id, Role::Moderator)
            .await
            .unwrap()
            .role,
        Role::Moderator
    );
    let refused = users::set_role(&db, admin.id, Role::Learner)
        .await
        .unwrap_err();
    assert_eq!(codes(refused), [("role", "last-admin")]);
    users::set_role(&db, ada.id, Role::Admin).await.unwrap();
    users::set_role(&db, admin.id, Role::Learner).await.unwrap();
    assert_eq!(users::count_with_role(&db, Role::Admin).await.unwrap(), 1);
    assert_eq!(users::list(&db, 10, 0).await.unwrap().len(), 2);
}
on_both!(roles_, roles);

async fn session_records(db: Db) {
    assert!(
        sessions::insert_new(&db, "a", None, "{\"k\":1}", 100)
            .await
            .unwrap()
    );
    assert!(
        !sessions::insert_new(&db, "a", None, "{}", 100)
            .await
            .unwrap(),
        "ids are unique"
    );
    let loaded = sessions::load(&db, "a", 50).await.unwrap().unwrap();
    assert_eq!(
        (loaded.data.as_str(), loaded.expires_at),
        ("{\"k\":1}", 100)
    );
    assert_eq!(loaded.account, None, "no owner");
    assert_eq!(
        sessions::load(&db, "a", 100).await.unwrap(),
        None,
        "expired"
    );
    sessions::save(&db, "a", None, "{\"k\":2}", 200)
        .await
        .unwrap();
    assert_eq!(
        sessions::load(&db, "a", 150).await.unwrap().unwrap().data,
        "{\"k\":2}"
    );
    sessions::save(&db, "b", None, "{}", 10).await.unwrap();
    assert_eq!(sessions::delete_expired(&db, 150).await.unwrap(), 1);
    sessions::delete(&db, "a").await.unwrap();
    assert_eq!(sessions::load(&db, "a", 0).await.unwrap(), None);
}
on_both!(sessions_, session_records);

async fn outbox_records_changes_with_their_transaction(db: Db) {
    use store::outbox;
    assert_eq!(outbox::last_id(&db).await.unwrap(), 0);
    let org = organisations::create(&db, &org_form("Rete")).await.unwrap();
    organisations::update(&db, org.id, &org_form("Rete Civica"))
        .await
        .unwrap();
    organisations::set_logo(&db, org.id, Some("x.png"))
        .await
        .unwrap();
    organisations::delete(&db, org.id).await.unwrap();
    let changes = outbox::after(&db, 0, 100).await.unwrap();
    assert_eq!(changes.len(), 4);
    assert!(
        changes
            .iter()
            .all(|c| c.entity == Some(store::outbox::Entity::Organisation) && c.entity_id == "rete")
    );
    assert_eq!(
        outbox::after(&db, changes[1].id, 100).await.unwrap().len(),
        2,
        "a cursor skips what it applied"
    );
    let refused = organisations::create(
        &db,
        &OrganisationForm {
            name: String::new(),
            ..org_form("x")
        },
    )
    .await;
    assert!(refused.is_err());
    assert_eq!(
        outbox::last_id(&db).await.unwrap(),
        changes[3].id,
        "refused input records nothing"
    );
}
on_both!(outbox_, outbox_records_changes_with_their_transaction);

mod account_life;
mod concept_import;
mod directory;
mod directory_browse;
mod discussions;
mod harvest;
mod harvest_entries;
mod harvest_kinds;
mod learning;
mod library;
mod library_files;
mod library_oai;
mod library_requests;
mod provider_oai;
mod provider_requests;
