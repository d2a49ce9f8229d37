//! Logging in and creating an account.

use leptos::prelude::*;

use super::PageHeader;
use crate::forms::{CsrfField, ErrorSummary, Field, FieldFrame, described_by};
use crate::{ctx, i18n, islands::PasswordInput, tr};

#[component]
pub fn Login() -> impl IntoView {
    let c = ctx();
    let state = c.form_for("login");
    // Where to go back to after logging in travels in the form's address.
    let next = state.value("next");
    let action = if next.is_empty() {
        c.href("/login")
    } else {
        format!(
            "{}?next={}",
            c.href("/login"),
            crate::layout::encode_query(&next)
        )
    };
    view! {
        <PageHeader title="login-title" />
        <form class="form" method="post" action=action novalidate>
            <ErrorSummary state=state.clone() labels=vec![("email", "field-email"), ("password", "field-password")] />
            <CsrfField />
            <Field state=state.clone() name="email" label="field-email" kind="email" autocomplete="email" />
            <Field state=state name="password" label="field-password" kind="password" autocomplete="current-password" />
            <div class="form-actions">
                <button type="submit" class="button button-primary">{tr("login-submit")}</button>
            </div>
        </form>
        <p class="form-note"><a href=c.href("/password/forgot")>{tr("login-forgot")}</a></p>
        <p class="form-note">{tr("login-no-account")}" "<a href=c.href("/register")>{tr("nav-register")}</a></p>
    }
}

/// Asking for a link to choose a new password.
#[component]
pub fn ForgotPassword() -> impl IntoView {
    let c = ctx();
    let state = c.form_for("forgot");
    view! {
        <PageHeader title="forgot-title" intro="forgot-intro" />
        <form class="form" method="post" action=c.href("/password/forgot") novalidate>
            <ErrorSummary state=state.clone() labels=vec![("email", "field-email")] />
            <CsrfField />
            <Field state name="email" label="field-email" kind="email" autocomplete="email" maxlength=254 />
            <div class="form-actions">
                <button type="submit" class="button button-primary">{tr("forgot-submit")}</button>
            </div>
        </form>
    }
}

/// Choosing a new password with the link of a reset e-mail, or being told
/// the link no longer works (`token` is `None`).
#[component]
pub fn ResetPassword(token: Option<String>) -> impl IntoView {
    let c = ctx();
    let Some(token) = token else {
        return view! {
            <PageHeader title="reset-title" />
            <p class="notice" role="alert">{tr("reset-link-invalid")}</p>
            <p><a class="button" href=c.href("/password/forgot")>{tr("reset-ask-again")}</a></p>
        }
        .into_any();
    };
    let state = c.form_for("reset");
    view! {
        <PageHeader title="reset-title" intro="reset-intro" />
        <form class="form" method="post" action=c.href(&format!("/password/reset/{token}")) novalidate>
            <ErrorSummary state=state.clone() labels=vec![("new_password", "field-new-password")] />
            <CsrfField />
            <NewPasswordField state name="new_password" label="field-new-password" />
            <div class="form-actions">
                <button type="submit" class="button button-primary">{tr("reset-submit")}</button>
            </div>
        </form>
    }
    .into_any()
}

#[component]
pub fn Register() -> impl IntoView {
    let c = ctx();
    let state = c.form_for("register");
    view! {
        <PageHeader title="register-title" intro="register-intro" />
        <form class="form" method="post" action=c.href("/register") novalidate>
            <ErrorSummary
                state=state.clone()
                labels=vec![("email", "field-email"), ("display_name", "field-display-name"), ("password", "field-password")]
            />
            <CsrfField />
            <Field state=state.clone() name="email" label="field-email" kind="email" autocomplete="email" maxlength=254 />
            <Field state=state.clone() name="display_name" label="field-display-name" autocomplete="nickname" maxlength=80 />
            <NewPasswordField state name="password" label="field-password" />
            <div class="form-actions">
                <button type="submit" class="button button-primary">{tr("register-submit")}</button>
            </div>
        </form>
        <p class="form-note">{tr("register-have-account")}" "<a href=c.href("/login")>{tr("nav-login")}</a></p>
    }
}

/// A labelled new-password field with a live length hint (an island).
#[component]
pub fn NewPasswordField(
    state: crate::page::FormState,
    name: &'static str,
    label: &'static str,
) -> impl IntoView {
    let lang = crate::lang();
    let error = state.error(name);
    let invalid = error.is_some();
    view! {
        <FieldFrame name label help=Some("field-password-help") error>
            <PasswordInput
                name=name.to_string()
                autocomplete="new-password".to_string()
                described_by=described_by(name, true, invalid)
                invalid
                min=10
                count_template=i18n::t_args(lang, "password-hint-count", &[("count", "{count}".to_string())])
                ok_text=tr("password-hint-ok")
            />
        </FieldFrame>
    }
}
