//! Who may do what. Every state-changing handler asks [`can`] before acting; the
//! rules live here, in one place, with a test for each.

use crate::users::Role;

/// The signed-in person, with the organisations they belong to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Actor {
    pub user_id: i64,
    pub role: Role,
    /// Organisations where the actor is a member (any role).
    pub member_of: Vec<i64>,
    /// Organisations where the actor is an organisation administrator.
    pub admin_of: Vec<i64>,
    /// Providers of the directory whose profile the actor edits.
    pub provider_of: Vec<i64>,
    /// Courses whose discussions the actor moderates as one of their
    /// authors (by slug).
    pub author_of: Vec<String>,
    /// Whether the account's address is verified: an account learns at
    /// once, but writes anything others read only once it is.
    pub verified: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Action {
    /// Edit one's own profile, password, or delete one's own account.
    ManageOwnAccount,
    /// Create, edit and delete partner organisations (and their logos).
    ManageOrganisations,
    /// See an organisation's member list.
    ViewMembers { org_id: i64 },
    /// Add and remove members of an organisation.
    ManageMembers { org_id: i64 },
    /// See every account on the instance.
    ListUsers,
    /// Change someone's instance-wide role.
    SetRole { target_user_id: i64 },
    /// Create a resource in the library for an organisation.
    CreateResource { org_id: i64 },
    /// Edit, submit or withdraw one of an organisation's resources.
    EditResource { org_id: i64 },
    /// Translate a resource (any partner may, whoever published it).
    TranslateResource,
    /// Ask for a resource in another language.
    RequestTranslation,
    /// Publish or send back submitted resources and translations; unpublish.
    ReviewResources,
    /// Add and rename concepts of the topic scheme.
    ManageTopics,
    /// Register, schedule, run and remove harvest sources, and read their
    /// run reports.
    ManageHarvest,
    /// Create a provider profile in the directory (becoming its first member).
    CreateProvider,
    /// Edit, submit, confirm a provider's profile and change its logo.
    EditProvider { provider_id: i64 },
    /// Add and remove the members of a provider.
    ManageProviderMembers { provider_id: i64 },
    /// See the directory's review queue and the profiles due for confirmation.
    ReviewProviders,
    /// Approve, reject or unpublish one provider's profile.
    ReviewProvider { provider_id: i64 },
    /// Read the help requests sent to a provider.
    ViewHelpRequests { provider_id: i64 },
    /// Read every help request on the instance.
    ViewAllHelpRequests,
    /// Ask, comment or reply in a lesson's discussion.
    Post,
    /// Edit or delete a post (one's own only, whatever one's role: others'
    /// words are hidden or removed by moderation, never rewritten).
    EditPost { author_id: Option<i64> },
    /// Report a post to the moderators.
    ReportPost,
    /// See every course's moderation queue and history.
    ModerateAllDiscussions,
    /// Choose the accounts who author a course.
    ManageCourseAuthors,
}

/// Whether `actor` (`None`: not signed in) may perform `action`.
pub fn can(actor: Option<&Actor>, action: Action) -> bool {
    let Some(actor) = actor else { return false };
    if !actor.verified && writes_for_others(action) {
        return false;
    }
    let admin = actor.role == Role::Admin;
    let moderator = actor.role == Role::Moderator;
    match action {
        Action::ManageOwnAccount => true,
        Action::ManageOrganisations | Action::ListUsers => admin,
        Action::ViewMembers { org_id } => admin || actor.member_of.contains(&org_id),
        Action::ManageMembers { org_id } => admin || actor.admin_of.contains(&org_id),
        // Administrators change other people's roles, never their own: an instance
        // must not lose its last administrator by a slip.
        Action::SetRole { target_user_id } => admin && target_user_id != actor.user_id,
        Action::CreateResource { org_id } | Action::EditResource { org_id } => {
            admin || actor.member_of.contains(&org_id)
        }
        Action::TranslateResource => admin || moderator || !actor.member_of.is_empty(),
        Action::RequestTranslation => true,
        Action::ReviewResources => admin || moderator,
        Action::ManageTopics => admin,
        Action::ManageHarvest => admin,
        Action::CreateProvider => true,
        Action::EditProvider { provider_id }
        | Action::ManageProviderMembers { provider_id }
        | Action::ViewHelpRequests { provider_id } => {
            admin || actor.provider_of.contains(&provider_id)
        }
        Action::ReviewProviders => admin || moderator,
        // Nobody approves their own provider's profile.
        Action::ReviewProvider { provider_id } => {
            (admin || moderator) && !actor.provider_of.contains(&provider_id)
        }
        Action::ViewAllHelpRequests => admin,
        Action::Post | Action::ReportPost => true,
        Action::EditPost { author_id } => author_id == Some(actor.user_id),
        Action::ModerateAllDiscussions => admin || moderator,
        Action::ManageCourseAuthors => admin,
    }
}

/// Whether `actor` moderates the discussions of `course` (accepts answers,
/// pins, hides, approves, sets pre-moderation): the instance's moderators
/// and administrators, and the course's authors.
pub fn can_moderate_course(actor: Option<&Actor>, course: &str) -> bool {
    let Some(actor) = actor else { return false };
    matches!(actor.role, Role::Admin | Role::Moderator)
        || (actor.verified && actor.author_of.iter().any(|c| c == course))
}

/// Whether `action` writes something other people read, which waits for
/// a verified address.
fn writes_for_others(action: Action) -> bool {
    matches!(
        action,
        Action::CreateResource { .. }
            | Action::EditResource { .. }
            | Action::TranslateResource
            | Action::RequestTranslation
            | Action::CreateProvider
            | Action::EditProvider { .. }
            | Action::Post
            | Action::EditPost { .. }
    )
}

/// The actor for a signed-in account already loaded: its role and memberships.
pub async fn actor_for(db: &crate::Db, user: &crate::users::User) -> crate::error::Result<Actor> {
    let memberships = crate::organisations::memberships_of(db, user.id).await?;
    Ok(Actor {
        user_id: user.id,
        role: user.role,
        member_of: memberships.iter().map(|(o, _)| o.id).collect(),
        admin_of: memberships
            .iter()
            .filter(|(_, r)| *r == crate::organisations::OrgRole::Admin)
            .map(|(o, _)| o.id)
            .collect(),
        provider_of: crate::directory::members::provider_ids_of(db, user.id).await?,
        author_of: crate::discussions::moderation::courses_of(db, user.id).await?,
        verified: user.email_verified,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn actor(role: Role, member_of: &[i64], admin_of: &[i64]) -> Actor {
        Actor {
            user_id: 1,
            role,
            member_of: member_of.to_vec(),
            admin_of: admin_of.to_vec(),
            provider_of: Vec::new(),
            author_of: Vec::new(),
            verified: true,
        }
    }

    fn provider_member(role: Role, provider_of: &[i64]) -> Actor {
        Actor {
            provider_of: provider_of.to_vec(),
            ..actor(role, &[], &[])
        }
    }

    #[test]
    fn anonymous_visitors_may_change_nothing() {
        for action in [
            Action::CreateResource { org_id: 1 },
            Action::EditResource { org_id: 1 },
            Action::TranslateResource,
            Action::RequestTranslation,
            Action::ReviewResources,
            Action::ManageTopics,
            Action::ManageOwnAccount,
            Action::ManageOrganisations,
            Action::ViewMembers { org_id: 1 },
            Action::ManageMembers { org_id: 1 },
            Action::ListUsers,
            Action::SetRole { target_user_id: 2 },
            Action::ManageHarvest,
            Action::CreateProvider,
            Action::EditProvider { provider_id: 1 },
            Action::ManageProviderMembers { provider_id: 1 },
            Action::ReviewProviders,
            Action::ReviewProvider { provider_id: 1 },
            Action::ViewHelpRequests { provider_id: 1 },
            Action::ViewAllHelpRequests,
            Action::Post,
            Action::EditPost { author_id: Some(1) },
            Action::ReportPost,
            Action::ModerateAllDiscussions,
            Action::ManageCourseAuthors,
        ] {
            assert!(!can(None, action), "{action:?}");
        }
        assert!(!can_moderate_course(None, "mooc-chatons"));
    }

    #[test]
    fn everyone_signed_in_manages_their_own_account() {
        for role in Role::ALL {
            assert!(can(Some(&actor(role, &[], &[])), Action::ManageOwnAccount));
        }
    }

    #[test]
    fn only_admins_manage_organisations_and_list_users() {
        for role in [Role::Learner, Role::Contributor, Role::Moderator] {
            let a = actor(role, &[7], &[7]);
            assert!(!can(Some(&a), Action::ManageOrganisations), "{role:?}");
            assert!(!can(Some(&a), Action::ListUsers), "{role:?}");
        }
        let admin = actor(Role::Admin, &[], &[]);
        assert!(can(Some(&admin), Action::ManageOrganisations));
        assert!(can(Some(&admin), Action::ListUsers));
    }

    #[test]
    fn members_see_their_organisation_only() {
        let member = actor(Role::Contributor, &[7], &[]);
        assert!(can(Some(&member), Action::ViewMembers { org_id: 7 }));
        assert!(!can(Some(&member), Action::ViewMembers { org_id: 8 }));
        assert!(can(
            Some(&actor(Role::Admin, &[], &[])),
            Action::ViewMembers { org_id: 8 }
        ));
    }

    #[test]
    fn organisation_admins_manage_their_own_members_only() {
        let org_admin = actor(Role::Contributor, &[7], &[7]);
        assert!(can(Some(&org_admin), Action::ManageMembers { org_id: 7 }));
        assert!(!can(Some(&org_admin), Action::ManageMembers { org_id: 8 }));
        let plain_member = actor(Role::Contributor, &[7], &[]);
        assert!(!can(
            Some(&plain_member),
            Action::ManageMembers { org_id: 7 }
        ));
        let moderator = actor(Role::Moderator, &[], &[]);
        assert!(!can(Some(&moderator), Action::ManageMembers { org_id: 7 }));
        assert!(can(
            Some(&actor(Role::Admin, &[], &[])),
            Action::ManageMembers { org_id: 7 }
        ));
    }

    #[test]
    fn admins_set_other_peoples_roles_not_their_own() {
        let admin = actor(Role::Admin, &[], &[]);
        assert!(can(Some(&admin), Action::SetRole { target_user_id: 2 }));
        assert!(!can(Some(&admin), Action::SetRole { target_user_id: 1 }));
        let moderator = actor(Role::Moderator, &[], &[]);
        assert!(!can(
            Some(&moderator),
            Action::SetRole { target_user_id: 2 }
        ));
    }

    #[test]
    fn contributors_work_on_their_organisations_resources_only() {
        let member = actor(Role::Contributor, &[7], &[]);
        assert!(can(Some(&member), Action::CreateResource { org_id: 7 }));
        assert!(can(Some(&member), Action::EditResource { org_id: 7 }));
        assert!(!can(Some(&member), Action::CreateResource { org_id: 8 }));
        assert!(!can(Some(&member), Action::EditResource { org_id: 8 }));
        assert!(
            !can(Some(&member), Action::ReviewResources),
            "no self-review"
        );
        let learner = actor(Role::Learner, &[], &[]);
        assert!(!can(Some(&learner), Action::CreateResource { org_id: 7 }));
        assert!(!can(Some(&learner), Action::EditResource { org_id: 7 }));
    }

    #[test]
    fn moderators_review_and_do_not_edit_others_resources() {
        let moderator = actor(Role::Moderator, &[], &[]);
        assert!(can(Some(&moderator), Action::ReviewResources));
        assert!(!can(Some(&moderator), Action::EditResource { org_id: 7 }));
        assert!(!can(Some(&moderator), Action::ManageTopics));
        let admin = actor(Role::Admin, &[], &[]);
        assert!(can(Some(&admin), Action::ReviewResources));
        assert!(can(Some(&admin), Action::EditResource { org_id: 7 }));
        assert!(can(Some(&admin), Action::ManageTopics));
    }

    #[test]
    fn partners_translate_and_anyone_signed_in_asks_for_a_translation() {
        let member = actor(Role::Contributor, &[7], &[]);
        let learner = actor(Role::Learner, &[], &[]);
        assert!(can(Some(&member), Action::TranslateResource));
        assert!(!can(Some(&learner), Action::TranslateResource));
        assert!(can(Some(&learner), Action::RequestTranslation));
        assert!(!can(Some(&learner), Action::ManageTopics));
    }

    #[test]
    fn only_instance_admins_manage_harvest_sources() {
        for role in [Role::Learner, Role::Contributor, Role::Moderator] {
            // Not even an organisation administrator: sources feed the whole instance.
            let a = actor(role, &[7], &[7]);
            assert!(!can(Some(&a), Action::ManageHarvest), "{role:?}");
        }
        assert!(can(
            Some(&actor(Role::Admin, &[], &[])),
            Action::ManageHarvest
        ));
    }

    #[test]
    fn anyone_signed_in_creates_a_provider_and_its_members_edit_it() {
        for role in Role::ALL {
            assert!(can(Some(&actor(role, &[], &[])), Action::CreateProvider));
        }
        let member = provider_member(Role::Learner, &[3]);
        for action in [
            Action::EditProvider { provider_id: 3 },
            Action::ManageProviderMembers { provider_id: 3 },
        ] {
            assert!(can(Some(&member), action), "{action:?}");
        }
        assert!(!can(Some(&member), Action::EditProvider { provider_id: 4 }));
        assert!(!can(
            Some(&member),
            Action::ManageProviderMembers { provider_id: 4 }
        ));
        // Belonging to a partner organisation gives no right on a provider.
        let partner = actor(Role::Contributor, &[3], &[3]);
        assert!(!can(
            Some(&partner),
            Action::EditProvider { provider_id: 3 }
        ));
        let moderator = actor(Role::Moderator, &[], &[]);
        assert!(
            !can(Some(&moderator), Action::EditProvider { provider_id: 3 }),
            "moderators review, they do not write profiles"
        );
        let admin = actor(Role::Admin, &[], &[]);
        assert!(can(Some(&admin), Action::EditProvider { provider_id: 3 }));
    }

    #[test]
    fn moderators_review_profiles_but_not_their_own_providers() {
        let moderator = actor(Role::Moderator, &[], &[]);
        assert!(can(Some(&moderator), Action::ReviewProviders));
        assert!(can(
            Some(&moderator),
            Action::ReviewProvider { provider_id: 3 }
        ));
        let member_moderator = provider_member(Role::Moderator, &[3]);
        assert!(!can(
            Some(&member_moderator),
            Action::ReviewProvider { provider_id: 3 }
        ));
        assert!(can(
            Some(&member_moderator),
            Action::ReviewProvider { provider_id: 4 }
        ));
        for role in [Role::Learner, Role::Contributor] {
            let a = provider_member(role, &[3]);
            assert!(!can(Some(&a), Action::ReviewProviders), "{role:?}");
            assert!(!can(Some(&a), Action::ReviewProvider { provider_id: 4 }));
        }
        let admin = actor(Role::Admin, &[], &[]);
        assert!(can(Some(&admin), Action::ReviewProvider { provider_id: 3 }));
    }

    #[test]
    fn help_requests_are_read_by_their_providers_members_and_admins() {
        let member = provider_member(Role::Learner, &[3]);
        assert!(can(
            Some(&member),
            Action::ViewHelpRequests { provider_id: 3 }
        ));
        assert!(!can(
            Some(&member),
            Action::ViewHelpRequests { provider_id: 4 }
        ));
        assert!(!can(Some(&member), Action::ViewAllHelpRequests));
        let moderator = actor(Role::Moderator, &[], &[]);
        assert!(!can(
            Some(&moderator),
            Action::ViewHelpRequests { provider_id: 3 }
        ));
        assert!(!can(Some(&moderator), Action::ViewAllHelpRequests));
        let admin = actor(Role::Admin, &[], &[]);
        assert!(can(
            Some(&admin),
            Action::ViewHelpRequests { provider_id: 3 }
        ));
        assert!(can(Some(&admin), Action::ViewAllHelpRequests));
    }

    #[test]
    fn an_unverified_address_learns_but_writes_nothing_for_others() {
        let unverified = |role| Actor {
            verified: false,
            ..provider_member(role, &[3])
        };
        for role in Role::ALL {
            let a = Actor {
                member_of: vec![7],
                ..unverified(role)
            };
            assert!(can(Some(&a), Action::ManageOwnAccount), "{role:?}");
            for action in [
                Action::CreateResource { org_id: 7 },
                Action::EditResource { org_id: 7 },
                Action::TranslateResource,
                Action::RequestTranslation,
                Action::CreateProvider,
                Action::EditProvider { provider_id: 3 },
                Action::Post,
                Action::EditPost { author_id: Some(1) },
            ] {
                assert!(!can(Some(&a), action), "{role:?} {action:?}");
                let verified = Actor {
                    verified: true,
                    ..a.clone()
                };
                assert!(can(Some(&verified), action), "{role:?} {action:?}");
            }
        }
    }

    #[test]
    fn verified_accounts_post_and_everyone_signed_in_reports() {
        for role in Role::ALL {
            let a = actor(role, &[], &[]);
            assert!(can(Some(&a), Action::Post), "{role:?}");
            assert!(can(Some(&a), Action::ReportPost), "{role:?}");
            let unverified = Actor {
                verified: false,
                ..a
            };
            assert!(!can(Some(&unverified), Action::Post), "{role:?}");
            assert!(can(Some(&unverified), Action::ReportPost), "{role:?}");
        }
    }

    #[test]
    fn a_post_is_edited_by_its_author_only_whatever_the_role() {
        for role in Role::ALL {
            let a = actor(role, &[], &[]);
            assert!(can(Some(&a), Action::EditPost { author_id: Some(1) }));
            assert!(
                !can(Some(&a), Action::EditPost { author_id: Some(2) }),
                "{role:?} edits someone else's post"
            );
            assert!(
                !can(Some(&a), Action::EditPost { author_id: None }),
                "a former learner's post stays as it is"
            );
        }
    }

    #[test]
    fn a_courses_discussions_are_moderated_by_its_authors_and_the_moderators() {
        let author = Actor {
            author_of: vec!["mooc-chatons".into()],
            ..actor(Role::Learner, &[], &[])
        };
        assert!(can_moderate_course(Some(&author), "mooc-chatons"));
        assert!(!can_moderate_course(Some(&author), "emancipasso"));
        assert!(!can(Some(&author), Action::ModerateAllDiscussions));
        let unverified = Actor {
            verified: false,
            ..author.clone()
        };
        assert!(!can_moderate_course(Some(&unverified), "mooc-chatons"));
        let learner = actor(Role::Learner, &[], &[]);
        assert!(!can_moderate_course(Some(&learner), "mooc-chatons"));
        let contributor = actor(Role::Contributor, &[7], &[7]);
        assert!(!can_moderate_course(Some(&contributor), "mooc-chatons"));
        for role in [Role::Moderator, Role::Admin] {
            let a = actor(role, &[], &[]);
            assert!(can_moderate_course(Some(&a), "emancipasso"), "{role:?}");
            assert!(can(Some(&a), Action::ModerateAllDiscussions), "{role:?}");
        }
        assert!(can(
            Some(&actor(Role::Admin, &[], &[])),
            Action::ManageCourseAuthors
        ));
        assert!(!can(
            Some(&actor(Role::Moderator, &[], &[])),
            Action::ManageCourseAuthors
        ));
    }
}
