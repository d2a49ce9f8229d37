//! The signed-in person's own account, and the administrators' account list.

use leptos::prelude::*;
use serde::{Deserialize, Serialize};

use super::auth::NewPasswordField;
use super::{DangerZone, PageHeader, data_table};
use crate::forms::{CsrfField, ErrorSummary, Field};
use crate::i18n;
use crate::{ctx, tr};

#[component]
pub fn Account(account: AccountView) -> impl IntoView {
    let c = ctx();
    let lang = c.lang;
    let role = i18n::t_args(
        lang,
        "account-role",
        &[("role", tr(&format!("role-{}", account.role)))],
    );
    let profile = c.form_for("profile");
    let password = c.form_for("password");
    let delete = c.form_for("delete");
    let email_change = c.form_for("email");
    let verification = if account.email_verified {
        view! { <p>{tr("account-email-verified")}</p> }.into_any()
    } else {
        view! {
            <p class="notice">{tr("account-email-unverified")}</p>
            <form class="inline-form" method="post" action=c.href("/account/verify")>
                <CsrfField />
                <button type="submit" class="button button-small">{tr("account-resend")}</button>
            </form>
        }
        .into_any()
    };
    let organisations = (!account.organisations.is_empty()).then(|| {
        let items = account
            .organisations
            .iter()
            .map(|(slug, name, org_role)| {
                view! {
                    <li>
                        <a href=c.href(&format!("/partners/{slug}"))>{name.clone()}</a>
                        " — "{tr(&format!("org-role-{org_role}"))}
                    </li>
                }
            })
            .collect_view();
        view! {
            <section class="panel">
                <h2>{tr("account-organisations")}</h2>
                <ul>{items}</ul>
            </section>
        }
    });
    let providers = {
        let items = account
            .providers
            .iter()
            .map(|(slug, name, status)| {
                view! {
                    <li>
                        <a href=c.href(&format!("/directory/{slug}/edit"))>{name.clone()}</a>
                        " — "{crate::labels::status(lang, status)}
                    </li>
                }
            })
            .collect_view();
        let reviews = account.provider_reviews.map(|n| {
            let text = i18n::t_args(lang, "providers-queue-link", &[("count", n.to_string())]);
            view! { <p><a href=c.href("/directory/review")>{text}</a></p> }
        });
        view! {
            <section class="panel" aria-labelledby="prov-account">
                <h2 id="prov-account">{tr("providers-account-title")}</h2>
                <p>{tr("providers-account-intro")}</p>
                <ul>{items}</ul>
                <p>
                    <a href=c.href("/directory/mine")>{tr("providers-mine-title")}</a>
                    " · "
                    <a href=c.href("/directory/new")>{tr("providers-new-title")}</a>
                </p>
                {reviews}
                {(account.role == "admin").then(|| view! {
                    <p><a href=c.href("/admin/help-requests")>{tr("providers-admin-requests-title")}</a></p>
                })}
            </section>
        }
    };
    view! {
        <PageHeader title="account-title" />
        <p>{account.email.clone()}" · "{role}</p>
        {organisations}
        {providers}
        <section class="panel" aria-labelledby="profile-heading">
            <h2 id="profile-heading">{tr("account-profile")}</h2>
            <form class="form" method="post" action=c.href("/account/profile") novalidate>
                <ErrorSummary
                    state=profile.clone()
                    labels=vec![("display_name", "field-display-name"), ("preferred_languages", "field-preferred-languages")]
                />
                <CsrfField />
                <Field state=profile.clone() name="display_name" label="field-display-name" value=account.display_name.clone() maxlength=80 autocomplete="nickname" />
                <Field
                    state=profile
                    name="preferred_languages"
                    label="field-preferred-languages"
                    help="field-preferred-languages-help"
                    value=account.preferred_languages.join(", ")
                    required=false
                />
                <div class="form-actions">
                    <button type="submit" class="button button-primary">{tr("account-profile-save")}</button>
                </div>
            </form>
        </section>
        <section class="panel" aria-labelledby="email-heading">
            <h2 id="email-heading">{tr("account-email-heading")}</h2>
            <p>{account.email.clone()}</p>
            {verification}
            <p>{tr("account-email-change-intro")}</p>
            <form class="form" method="post" action=c.href("/account/email") novalidate>
                <ErrorSummary
                    state=email_change.clone()
                    labels=vec![("new_email", "field-new-email"), ("confirm_password", "field-password")]
                />
                <CsrfField />
                <Field state=email_change.clone() name="new_email" label="field-new-email" kind="email" autocomplete="email" maxlength=254 />
                <Field state=email_change name="confirm_password" label="field-password" kind="password" autocomplete="current-password" />
                <div class="form-actions">
                    <button type="submit" class="button">{tr("account-email-change-submit")}</button>
                </div>
            </form>
        </section>
        <section class="panel" aria-labelledby="password-heading">
            <h2 id="password-heading">{tr("account-password")}</h2>
            <form class="form" method="post" action=c.href("/account/password") novalidate>
                <ErrorSummary
                    state=password.clone()
                    labels=vec![("current_password", "field-current-password"), ("new_password", "field-new-password")]
                />
                <CsrfField />
                <Field state=password.clone() name="current_password" label="field-current-password" kind="password" autocomplete="current-password" />
                <NewPasswordField state=password name="new_password" label="field-new-password" />
                <div class="form-actions">
                    <button type="submit" class="button button-primary">{tr("account-password-save")}</button>
                </div>
            </form>
        </section>
        <section class="panel" aria-labelledby="my-data">
            <h2 id="my-data">{tr("account-data-heading")}</h2>
            <p>{tr("account-data-intro")}</p>
            <p><a class="button" href=c.href("/account/data.json") download="">{tr("account-data-download")}</a></p>
            <p><a href=c.href("/notifications/settings")>{tr("notifications-settings-title")}</a></p>
        </section>
        <DangerZone title="account-delete" warning="account-delete-warning">
            <form class="form" method="post" action=c.href("/account/delete") novalidate>
                <ErrorSummary state=delete.clone() labels=vec![("password", "field-password")] />
                <CsrfField />
                <Field state=delete name="password" label="field-password" kind="password" autocomplete="current-password" />
                <div class="form-actions">
                    <button type="submit" class="button button-danger">{tr("account-delete-submit")}</button>
                </div>
            </form>
        </DangerZone>
    }
}

#[component]
pub fn AdminUsers(users: Vec<UserRow>) -> impl IntoView {
    let c = ctx();
    let form = c.form_for("role");
    let summary = view! { <ErrorSummary state=form labels=vec![("role", "field-role")] /> };
    let rows = users
        .into_iter()
        .map(|u| {
            let role_label = tr(&format!("role-{}", u.role));
            let control = (!u.is_self).then(|| {
                let select_id = format!("role-{}", u.id);
                let options = ["learner", "contributor", "moderator", "admin"]
                    .into_iter()
                    .map(|r| view! { <option value=r selected=r == u.role>{tr(&format!("role-{r}"))}</option> })
                    .collect_view();
                view! {
                    <form class="inline-form" method="post" action=c.href(&format!("/admin/users/{}/role", u.id))>
                        <CsrfField />
                        <label class="visually-hidden" for=select_id.clone()>{format!("{} — {}", tr("field-role"), u.email)}</label>
                        <select id=select_id name="role">{options}</select>
                        <button type="submit" class="button button-small">{tr("admin-users-set-role")}</button>
                    </form>
                }
            });
            view! {
                <tr>
                    <td>{u.display_name}</td>
                    <td>{u.email.clone()}</td>
                    <td>{role_label}</td>
                    <td>{u.created_at.get(..10).unwrap_or_default().to_string()}</td>
                    <td>{control}</td>
                </tr>
            }
        })
        .collect_view();
    view! {
        <PageHeader title="admin-users-title" />
        {summary}
        {data_table(&["field-display-name", "field-email", "field-role", "admin-users-joined", "admin-users-set-role"], rows.into_any())}
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AccountView {
    pub email: String,
    /// Whether the address is verified (posting and contributing wait for it).
    pub email_verified: bool,
    pub display_name: String,
    pub role: String,
    pub preferred_languages: Vec<String>,
    /// `(slug, name, org_role)` of each organisation the person belongs to.
    pub organisations: Vec<(String, String, String)>,
    /// `(slug, name, review state)` of each directory provider the person
    /// is a member of.
    pub providers: Vec<(String, String, String)>,
    /// For moderators and administrators: provider profiles waiting for review.
    pub provider_reviews: Option<i64>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct UserRow {
    pub id: i64,
    pub email: String,
    pub display_name: String,
    pub role: String,
    pub created_at: String,
    pub is_self: bool,
}
