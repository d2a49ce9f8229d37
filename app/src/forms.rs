//! Form building blocks: every form posts to the server and works without
//! JavaScript; errors come back beside their fields and in a summary.

use leptos::prelude::*;

use crate::{ctx, page::FormState, tr};

/// The hidden anti-forgery token every state-changing form carries.
#[component]
pub fn CsrfField() -> impl IntoView {
    view! { <input type="hidden" name="_csrf" value=ctx().csrf.clone() /> }
}

/// The list of problems at the top of a form, each linking to its field.
#[component]
pub fn ErrorSummary(
    state: FormState,
    #[prop(into)] labels: Vec<(&'static str, &'static str)>,
) -> impl IntoView {
    if state.errors.is_empty() && state.message.is_none() {
        return None;
    }
    let message = state
        .message
        .as_deref()
        .map(|key| view! { <p>{tr(key)}</p> });
    let items = state
        .errors
        .iter()
        .map(|(field, code)| {
            let label = labels
                .iter()
                .find(|(f, _)| f == field)
                .map(|(_, l)| tr(l))
                .unwrap_or_default();
            let text = format!("{label}: {}", tr(&format!("error-{code}")));
            view! { <li><a href=format!("#{field}")>{text}</a></li> }
        })
        .collect_view();
    Some(view! {
        <div class="form-errors" role="alert" tabindex="-1">
            <h2>{tr("form-errors-title")}</h2>
            {message}
            <ul>{items}</ul>
        </div>
    })
}

/// The frame shared by every field: label, help text, the control itself,
/// and the error message. The control refers to the texts through
/// `aria-describedby` (see [`described_by`]).
#[component]
pub fn FieldFrame(
    name: &'static str,
    label: &'static str,
    help: Option<&'static str>,
    error: Option<String>,
    children: Children,
) -> impl IntoView {
    let class = if error.is_some() {
        "field field-invalid"
    } else {
        "field"
    };
    view! {
        <div class=class>
            <label for=name>{tr(label)}</label>
            {help.map(|h| view! { <p class="field-help" id=format!("{name}-help")>{tr(h)}</p> })}
            {children()}
            {error.map(|code| view! { <p class="field-error" id=format!("{name}-error")>{tr(&format!("error-{code}"))}</p> })}
        </div>
    }
}

/// The ids of a field's help and error texts, for its control's `aria-describedby`.
pub fn described_by(name: &str, help: bool, error: bool) -> Option<String> {
    let ids: Vec<String> = [
        help.then(|| format!("{name}-help")),
        error.then(|| format!("{name}-error")),
    ]
    .into_iter()
    .flatten()
    .collect();
    (!ids.is_empty()).then(|| ids.join(" "))
}

/// A labelled input with its help text and error message.
#[component]
pub fn Field(
    state: FormState,
    name: &'static str,
    label: &'static str,
    #[prop(default = "text")] kind: &'static str,
    #[prop(optional)] help: Option<&'static str>,
    #[prop(optional)] autocomplete: Option<&'static str>,
    #[prop(optional)] value: Option<String>,
    #[prop(default = true)] required: bool,
    #[prop(optional)] maxlength: Option<u32>,
) -> impl IntoView {
    let error = state.error(name);
    // What the person typed wins over the stored value; passwords are never echoed.
    let value = if kind == "password" {
        String::new()
    } else if state.values.contains_key(name) {
        state.value(name)
    } else {
        value.unwrap_or_default()
    };
    let described = described_by(name, help.is_some(), error.is_some());
    let invalid = error.as_ref().map(|_| "true");
    view! {
        <FieldFrame name label help error>
            <input
                id=name
                name=name
                type=kind
                value=value
                autocomplete=autocomplete
                required=required
                maxlength=maxlength
                aria-describedby=described
                aria-invalid=invalid
            />
        </FieldFrame>
    }
}
