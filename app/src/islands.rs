//! The interactive widgets hydrated in the browser. Each renders complete,
//! working HTML on the server first; hydration only adds live feedback.

use leptos::prelude::*;

/// A new-password input with a live length hint. Without JavaScript it is a
/// plain password input and the server checks the length on submit.
#[island]
pub fn PasswordInput(
    name: String,
    autocomplete: String,
    described_by: Option<String>,
    invalid: bool,
    /// Minimum length in characters.
    min: usize,
    /// The hint while too short; `{count}` is replaced by the current length.
    count_template: String,
    /// The hint once long enough.
    ok_text: String,
) -> impl IntoView {
    let (length, set_length) = signal(0usize);
    let hint = move || {
        let n = length.get();
        if n >= min {
            ok_text.clone()
        } else {
            count_template.replace("{count}", &n.to_string())
        }
    };
    let class = move || {
        if length.get() >= min {
            "password-hint ok"
        } else {
            "password-hint"
        }
    };
    view! {
        <input
            id=name.clone()
            name=name
            type="password"
            autocomplete=autocomplete
            required=true
            aria-describedby=described_by
            aria-invalid=invalid.then_some("true")
            on:input=move |ev| set_length.set(event_target_value(&ev).chars().count())
        />
        <p class=class aria-live="polite">{hint}</p>
    }
}
