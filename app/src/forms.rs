//! Form building blocks: every form posts to the server and works without
//! JavaScript; errors come back beside their fields and in a summary.

use leptos::prelude::*;

use crate::{ctx, page::FormState, tr};

/// The hidden anti-forgery token every state-changing form carries.
#[component]
pub fn CsrfField() -> impl IntoView {
    view! { <input type="hidden" name="_csrf" value=ctx().csrf /> }
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
    let help_id = help.map(|_| format!("{name}-help"));
    let error_id = error.as_ref().map(|_| format!("{name}-error"));
    let described = [help_id.clone(), error_id.clone()]
        .into_iter()
        .flatten()
        .collect::<Vec<_>>()
        .join(" ");
    let described = (!described.is_empty()).then_some(described);
    let class = if error.is_some() {
        "field field-invalid"
    } else {
        "field"
    };
    view! {
        <div class=class>
            <label for=name>{tr(label)}</label>
            {help.map(|h| view! { <p class="field-help" id=help_id.clone()>{tr(h)}</p> })}
            <input
                id=name
                name=name
                type=kind
                value=value
                autocomplete=autocomplete
                required=required
                maxlength=maxlength
                aria-describedby=described
                aria-invalid=error.as_ref().map(|_| "true")
            />
            {error.map(|code| view! { <p class="field-error" id=error_id.clone()>{tr(&format!("error-{code}"))}</p> })}
        </div>
    }
}
