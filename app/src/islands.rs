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

/// Live results on the search page. The page works as a plain GET form with
/// links; once hydrated, this island fetches the same addresses as the reader
/// types (debounced, the last word may be unfinished), when the sort changes
/// and when a facet, page or suggestion link is followed, and swaps the
/// results in without a reload, keeping the address and history current.
/// It renders nothing itself: the form and results are the page's.
#[island]
pub fn LiveSearch(
    /// Ids of the search form, the results region and the result count.
    form: String,
    results: String,
    count: String,
) -> impl IntoView {
    #[cfg(feature = "hydrate")]
    Effect::new(move |_| crate::live_search::install(&form, &results, &count));
    #[cfg(not(feature = "hydrate"))]
    let _ = (form, results, count);
}
