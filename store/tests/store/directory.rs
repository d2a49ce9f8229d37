//! The providers directory on both engines: profiles and their review
//! cycle (the public sees the last approved version while changes wait),
//! members and yearly confirmation (filters: `directory_browse.rs`) (help requests: in
//! `provider_requests.rs`).

use store::directory::browse::{self, Filters};
use store::directory::{self, HelpKind, Provider, ProviderForm, Status, members, review};
use store::users::{self, Role};
use store::{Db, authz, outbox};

use super::{codes, org_form, postgres, reg, sqlite};

pub(super) fn form(name: &str) -> ProviderForm {
    ProviderForm {
        name: name.into(),
        original_language: "fr".into(),
        descriptions: [
            (
                "fr".to_string(),
                "Nous hébergeons des outils libres pour les associations de la région.".to_string(),
            ),
            (
                "en".to_string(),
                "We host free software tools for the associations of the region.".to_string(),
            ),
        ]
        .into(),
        help: vec!["hosting".into(), "training".into()],
        services: vec!["nextcloud".into(), "jitsi".into()],
        areas: vec!["FR".into()],
        remote: true,
        on_site: false,
        languages: "fr, en".into(),
        prices: vec!["paid".into()],
        legal_form: "association".into(),
        chatons: true,
        contact_email: "contact@nuage.example.org".into(),
        website: "https://nuage.example.org".into(),
        commitments: vec!["no-tracking".into(), "free-software".into()],
    }
}

pub(super) async fn people(db: &Db) -> (i64, i64, i64) {
    let owner = users::create(db, &reg("owner@example.org"), Role::Learner)
        .await
        .unwrap();
    let moderator = users::create(db, &reg("mod@example.org"), Role::Moderator)
        .await
        .unwrap();
    let admin = users::create(db, &reg("admin@example.org"), Role::Admin)
        .await
        .unwrap();
    (owner.id, moderator.id, admin.id)
}

/// A provider created, submitted and approved.
pub(super) async fn published(db: &Db, owner: i64, moderator: i64, f: &ProviderForm) -> Provider {
    let p = directory::create(db, owner, f).await.unwrap();
    review::submit(db, owner, p.id).await.unwrap();
    review::approve(db, moderator, p.id).await.unwrap()
}

pub(super) fn names(l: &browse::Listing) -> Vec<String> {
    l.providers
        .iter()
        .map(|p| p.public().unwrap().name.clone())
        .collect()
}

pub(super) async fn everything(db: &Db) -> browse::Listing {
    browse::list(db, &Filters::default(), 100, 0).await.unwrap()
}

async fn the_public_sees_the_last_approved_version(db: Db) {
    let (owner, moderator, _) = people(&db).await;
    let p = directory::create(&db, owner, &form("Nuage Exemple"))
        .await
        .unwrap();
    assert_eq!(p.slug, "nuage-exemple");
    assert_eq!(p.status, Status::Draft);
    assert!(p.public().is_none());
    assert_eq!(p.working.help, [HelpKind::Hosting, HelpKind::Training]);
    assert_eq!(p.working.languages, ["en", "fr"]);
    assert_eq!(p.working.descriptions.len(), 2);
    assert!(matches!(
        browse::published(&db, "nuage-exemple").await,
        Err(store::StoreError::NotFound)
    ));
    assert_eq!(everything(&db).await.total, 0, "drafts are not listed");

    // Submitted, then edited again: back to draft, the moderator cannot act.
    let p = review::submit(&db, owner, p.id).await.unwrap();
    assert_eq!(p.status, Status::Pending);
    assert!(p.submitted_at.is_some());
    let mut f = form("Nuage Exemple");
    f.website = "https://nuage.example.net".into();
    let p = directory::update(&db, owner, p.id, &f).await.unwrap();
    assert_eq!(p.status, Status::Draft);
    let late = review::approve(&db, moderator, p.id).await.unwrap_err();
    assert_eq!(codes(late), [("status", "profile-state-invalid")]);

    // Rejected with a note (a note is required), submitted again, approved.
    review::submit(&db, owner, p.id).await.unwrap();
    let silent = review::reject(&db, moderator, p.id, "  ")
        .await
        .unwrap_err();
    assert_eq!(codes(silent), [("note", "required")]);
    let p = review::reject(&db, moderator, p.id, "Say which region you serve.")
        .await
        .unwrap();
    assert_eq!(p.status, Status::Rejected);
    assert_eq!(p.status_note, "Say which region you serve.");
    assert!(p.public().is_none());
    review::submit(&db, owner, p.id).await.unwrap();
    let before = outbox::last_id(&db).await.unwrap();
    let p = review::approve(&db, moderator, p.id).await.unwrap();
    assert_eq!(p.status, Status::Published);
    assert_eq!(p.status_note, "", "the old note is gone");
    assert_eq!(p.public(), Some(&p.working));
    assert!(p.published_at.is_some() && p.confirmed_at.is_some());
    let changes = outbox::after(&db, before, 10).await.unwrap();
    assert_eq!(changes.len(), 1);
    assert_eq!(
        (changes[0].entity, changes[0].entity_id.as_str()),
        (Some(directory::OUTBOX_ENTITY), "nuage-exemple")
    );
    let again = review::approve(&db, moderator, p.id).await.unwrap_err();
    assert_eq!(codes(again), [("status", "profile-state-invalid")]);
    let nothing = review::submit(&db, owner, p.id).await.unwrap_err();
    assert_eq!(codes(nothing), [("status", "profile-state-invalid")]);

    // A later change waits while the public keeps the approved version.
    let mut f = form("Nuage Exemple Coop");
    f.legal_form = "cooperative".into();
    f.website = "https://nuage.example.net".into();
    let p = directory::update(&db, owner, p.id, &f).await.unwrap();
    assert_eq!(p.status, Status::Draft);
    let p = review::submit(&db, owner, p.id).await.unwrap();
    assert_eq!(p.status, Status::ChangesPending);
    let queue = review::queue(&db).await.unwrap();
    assert_eq!(queue.iter().map(|q| q.id).collect::<Vec<_>>(), [p.id]);
    assert_eq!(review::waiting(&db).await.unwrap(), 1);
    let shown = browse::published(&db, "nuage-exemple").await.unwrap();
    assert_eq!(shown.public().unwrap().name, "Nuage Exemple");
    assert_eq!(names(&everything(&db).await), ["Nuage Exemple"]);
    let coops = browse::list(&db, &Filters::default(), 10, 0).await.unwrap();
    assert_eq!(coops.providers[0].working.name, "Nuage Exemple Coop");

    // Rejecting the change keeps the published version online.
    let p = review::reject(&db, moderator, p.id, "Not a cooperative yet?")
        .await
        .unwrap();
    assert_eq!(p.public().unwrap().name, "Nuage Exemple");
    assert_eq!(everything(&db).await.total, 1);
    review::submit(&db, owner, p.id).await.unwrap();
    let p = review::approve(&db, moderator, p.id).await.unwrap();
    assert_eq!(p.public().unwrap().name, "Nuage Exemple Coop");
    assert_eq!(p.slug, "nuage-exemple", "the slug never changes");
    assert!(review::queue(&db).await.unwrap().is_empty());

    let actions: Vec<String> = directory::history(&db, p.id)
        .await
        .unwrap()
        .into_iter()
        .map(|e| e.action)
        .collect();
    assert_eq!(
        actions,
        [
            "created",
            "submitted",
            "edited",
            "submitted",
            "rejected",
            "submitted",
            "approved",
            "edited",
            "submitted",
            "rejected",
            "submitted",
            "approved"
        ]
    );
    let history = directory::history(&db, p.id).await.unwrap();
    assert_eq!(history[2].detail, "website");
    assert_eq!(history[4].detail, "Say which region you serve.");
    assert_eq!(history[4].user_id, Some(moderator));
    assert_eq!(history[7].detail, "name, legal_form");
}
on_both!(versions, the_public_sees_the_last_approved_version);

async fn refused_profiles_write_nothing_and_edits_that_change_nothing_are_free(db: Db) {
    let (owner, moderator, _) = people(&db).await;
    let mut bad = form("Nuage");
    bad.help = vec!["hosting".into()];
    bad.services.clear();
    bad.remote = false;
    bad.contact_email = "nobody".into();
    bad.areas = vec!["FRZ".into()];
    let err = directory::create(&db, owner, &bad).await.unwrap_err();
    assert_eq!(
        codes(err),
        [
            ("services", "services-required"),
            ("areas", "area-invalid"),
            ("delivery", "delivery-required"),
            ("contact_email", "email-invalid"),
        ]
    );
    assert!(directory::of_member(&db, owner).await.unwrap().is_empty());

    let p = published(&db, owner, moderator, &form("Nuage")).await;
    // Saving the same profile again is no change and no review.
    let same = directory::update(&db, owner, p.id, &form("Nuage"))
        .await
        .unwrap();
    assert_eq!(same.status, Status::Published);
    // The contact address is never public and needs no review.
    let mut f = form("Nuage");
    f.contact_email = "Help@Nuage.example.org".into();
    let p = directory::update(&db, owner, p.id, &f).await.unwrap();
    assert_eq!(p.status, Status::Published);
    assert_eq!(p.contact_email, "help@nuage.example.org");
    let err = directory::update(&db, owner, p.id, &ProviderForm::default())
        .await
        .unwrap_err();
    assert!(codes(err).contains(&("name", "required")));
    assert_eq!(
        ProviderForm::of(&directory::get(&db, p.id).await.unwrap()),
        ProviderForm {
            contact_email: "help@nuage.example.org".into(),
            languages: "en, fr".into(),
            commitments: vec!["free-software".into(), "no-tracking".into()],
            ..form("Nuage")
        },
        "the edit form shows what was saved"
    );
    // Two providers with one name get two slugs.
    let twin = directory::create(&db, owner, &form("Nuage")).await.unwrap();
    assert_eq!(twin.slug, "nuage-2");
    // The directory's own pages keep their addresses.
    for (name, slug) in [
        ("New", "new-provider"),
        ("Mine", "mine-provider"),
        ("Review", "review-provider"),
        ("Régions", "regions-provider"),
    ] {
        let p = directory::create(&db, owner, &form(name)).await.unwrap();
        assert_eq!(p.slug, slug, "{name}");
    }

    // A logo is a change like any other; the old file is freed only when
    // no version shows it any more.
    assert_eq!(
        directory::set_logo(&db, owner, p.id, Some("a.png"))
            .await
            .unwrap(),
        None
    );
    review::submit(&db, owner, p.id).await.unwrap();
    review::approve(&db, moderator, p.id).await.unwrap();
    let freed = directory::set_logo(&db, owner, p.id, Some("b.png"))
        .await
        .unwrap();
    assert_eq!(freed, None, "a.png is still published");
    let freed = directory::set_logo(&db, owner, p.id, None).await.unwrap();
    assert_eq!(freed.as_deref(), Some("b.png"));
    let p = directory::get(&db, p.id).await.unwrap();
    assert_eq!(p.public().unwrap().logo.as_deref(), Some("a.png"));
    assert_eq!(p.working.logo, None);
    assert_eq!(p.status, Status::Draft);
    assert!(directory::logo_in_use(&db, "a.png").await.unwrap());
    assert!(!directory::logo_in_use(&db, "b.png").await.unwrap());
}
on_both!(
    refusals,
    refused_profiles_write_nothing_and_edits_that_change_nothing_are_free
);

async fn members_edit_their_provider_and_the_last_one_stays(db: Db) {
    let (owner, _, admin) = people(&db).await;
    let colleague = users::create(&db, &reg("colleague@example.org"), Role::Learner)
        .await
        .unwrap();
    let p = directory::create(&db, owner, &form("Nuage")).await.unwrap();
    let owner_user = users::get(&db, owner).await.unwrap();
    let actor = authz::actor_for(&db, &owner_user).await.unwrap();
    assert_eq!(actor.provider_of, [p.id]);
    assert!(authz::can(
        Some(&actor),
        authz::Action::EditProvider { provider_id: p.id }
    ));
    let outsider = authz::actor_for(&db, &colleague).await.unwrap();
    assert!(!authz::can(
        Some(&outsider),
        authz::Action::EditProvider { provider_id: p.id }
    ));
    // A partner organisation's members are not a provider's.
    let org = store::organisations::create(&db, &org_form("Les Tisserands"))
        .await
        .unwrap();
    store::organisations::add_member(
        &db,
        org.id,
        "colleague@example.org",
        store::organisations::OrgRole::Admin,
    )
    .await
    .unwrap();
    let partner = authz::actor_for(&db, &colleague).await.unwrap();
    assert!(partner.provider_of.is_empty());

    let unknown = members::add(&db, owner, p.id, "ghost@example.org")
        .await
        .unwrap_err();
    assert_eq!(codes(unknown), [("email", "no-such-account")]);
    members::add(&db, owner, p.id, "Colleague@Example.org")
        .await
        .unwrap();
    let twice = members::add(&db, owner, p.id, "colleague@example.org")
        .await
        .unwrap_err();
    assert_eq!(codes(twice), [("email", "already-member")]);
    let list: Vec<i64> = members::list(&db, p.id)
        .await
        .unwrap()
        .iter()
        .map(|u| u.id)
        .collect();
    assert_eq!(list, [owner, colleague.id]);
    let colleague_actor = authz::actor_for(&db, &colleague).await.unwrap();
    assert!(authz::can(
        Some(&colleague_actor),
        authz::Action::ViewHelpRequests { provider_id: p.id }
    ));
    assert_eq!(
        directory::of_member(&db, colleague.id).await.unwrap().len(),
        1
    );

    members::remove(&db, colleague.id, p.id, owner)
        .await
        .unwrap();
    let last = members::remove(&db, admin, p.id, colleague.id)
        .await
        .unwrap_err();
    assert_eq!(codes(last), [("member", "last-member")]);
    assert_eq!(members::list(&db, p.id).await.unwrap().len(), 1);
    assert!(matches!(
        members::remove(&db, admin, p.id, owner).await,
        Err(store::StoreError::NotFound)
    ));
    let actions: Vec<String> = directory::history(&db, p.id)
        .await
        .unwrap()
        .into_iter()
        .map(|e| e.action)
        .collect();
    assert_eq!(actions, ["created", "member-added", "member-removed"]);
}
on_both!(members_, members_edit_their_provider_and_the_last_one_stays);

async fn unconfirmed_profiles_are_due_after_a_year(db: Db) {
    let (owner, moderator, _) = people(&db).await;
    let p = published(&db, owner, moderator, &form("Nuage")).await;
    directory::create(&db, owner, &form("Brouillon"))
        .await
        .unwrap();
    let now = time::OffsetDateTime::now_utc();
    assert!(
        review::due_for_confirmation(&db, now)
            .await
            .unwrap()
            .is_empty()
    );
    assert!(!p.due_for_confirmation(now));
    let in_a_year = now + time::Duration::days(366);
    let due = review::due_for_confirmation(&db, in_a_year).await.unwrap();
    assert_eq!(due.iter().map(|d| d.id).collect::<Vec<_>>(), [p.id]);
    assert!(due[0].due_for_confirmation(in_a_year));

    // Confirming starts another year, without review.
    sqlx::query("UPDATE providers SET confirmed_at = '2024-01-01T00:00:00.000000Z' WHERE id = $1")
        .bind(p.id)
        .execute(db.pool())
        .await
        .unwrap();
    assert_eq!(
        review::due_for_confirmation(&db, now).await.unwrap().len(),
        1
    );
    let p = review::confirm(&db, owner, p.id).await.unwrap();
    assert_eq!(p.status, Status::Published);
    assert!(
        review::due_for_confirmation(&db, now)
            .await
            .unwrap()
            .is_empty()
    );
    assert!(p.confirmed_at.as_deref() > Some("2025"));

    // A draft has nothing to confirm.
    let draft = directory::create(&db, owner, &form("Autre")).await.unwrap();
    let err = review::confirm(&db, owner, draft.id).await.unwrap_err();
    assert_eq!(codes(err), [("status", "profile-state-invalid")]);
}
on_both!(confirmation, unconfirmed_profiles_are_due_after_a_year);

async fn a_moderator_takes_a_profile_off_the_directory(db: Db) {
    let (owner, moderator, _) = people(&db).await;
    let p = published(&db, owner, moderator, &form("Nuage")).await;
    let before = outbox::last_id(&db).await.unwrap();
    let p = review::unpublish(&db, moderator, p.id, "The website is gone.")
        .await
        .unwrap();
    assert!(p.public().is_none());
    assert_eq!(p.status, Status::Rejected);
    assert_eq!(everything(&db).await.total, 0);
    assert_eq!(outbox::after(&db, before, 10).await.unwrap().len(), 1);
    assert!(browse::published(&db, "nuage").await.is_err());
    let again = review::unpublish(&db, moderator, p.id, "Twice")
        .await
        .unwrap_err();
    assert_eq!(codes(again), [("status", "profile-state-invalid")]);
    // Submitted again, it is a first publication.
    let p = review::submit(&db, owner, p.id).await.unwrap();
    assert_eq!(p.status, Status::Pending);
}
on_both!(unpublish, a_moderator_takes_a_profile_off_the_directory);
