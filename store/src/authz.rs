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
}

/// Whether `actor` (`None`: not signed in) may perform `action`.
pub fn can(actor: Option<&Actor>, action: Action) -> bool {
    let Some(actor) = actor else { return false };
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
    }
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
        ] {
            assert!(!can(None, action), "{action:?}");
        }
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
}
