//! The profile form with the profile's state, actions, preview and history;
//! the list of one's providers.

use leptos::prelude::*;

use super::{Choice, MyProviders, ProviderEditorView, history, provider_nav, status_badge};
use crate::forms::{CsrfField, ErrorSummary, Field, FieldFrame, described_by};
use crate::page::FormState;
use crate::pages::{PageHeader, data_table};
use crate::{ctx, i18n, tr};

/// The fields of the form with their names, for the error summary.
const LABELS: [(&str, &str); 17] = [
    ("name", "providers-field-name"),
    ("contact_email", "providers-field-contact-email"),
    ("original_language", "providers-field-original-language"),
    ("description", "providers-field-description"),
    ("descriptions", "providers-field-descriptions"),
    ("help", "providers-field-help"),
    ("services", "providers-field-services"),
    ("areas", "providers-field-areas"),
    ("delivery", "providers-field-delivery"),
    ("languages", "providers-field-languages"),
    ("prices", "providers-field-prices"),
    ("legal_form", "providers-field-legal-form"),
    ("website", "providers-field-website"),
    ("commitments", "providers-field-commitments"),
    ("status", "providers-field-status"),
    ("logo", "providers-field-logo"),
    ("member", "providers-field-member"),
];

/// The values of a multiple choice as the form state holds them.
fn chosen(state: &FormState, name: &str) -> Vec<String> {
    state
        .value(name)
        .split(',')
        .map(|v| v.trim().to_string())
        .filter(|v| !v.is_empty())
        .collect()
}

/// A group of checkboxes for a multiple choice.
fn checkboxes(
    state: &FormState,
    name: &'static str,
    legend: &'static str,
    help: Option<&'static str>,
    options: &[Choice],
) -> AnyView {
    let picked = chosen(state, name);
    let error = state.error(name);
    let boxes = options
        .iter()
        .map(|(code, label)| {
            let id = format!("{name}-{code}");
            let checked = picked.contains(code);
            view! {
                <div class="choice">
                    <input type="checkbox" id=id.clone() name=name value=code.clone() checked=checked />
                    <label for=id>{label.clone()}</label>
                </div>
            }
        })
        .collect_view();
    group(name, legend, help, error, boxes.into_any())
}

/// A fieldset of choices: its legend, help, the field's error and `body`.
fn group(
    id: &'static str,
    legend: &'static str,
    help: Option<&'static str>,
    error: Option<String>,
    body: AnyView,
) -> AnyView {
    let class = if error.is_some() {
        "field field-invalid"
    } else {
        "field"
    };
    view! {
        <fieldset class=class id=id>
            <legend>{tr(legend)}</legend>
            {help.map(|h| view! { <p class="field-help">{tr(h)}</p> })}
            {error.map(|code| view! { <p class="field-error">{tr(&format!("error-{code}"))}</p> })}
            {body}
        </fieldset>
    }
    .into_any()
}

/// One checkbox for a yes/no field.
fn flag(state: &FormState, name: &'static str, label: &'static str) -> AnyView {
    let checked = state.value(name) == "1";
    view! {
        <div class="choice">
            <input type="checkbox" id=name name=name value="1" checked=checked />
            <label for=name>{tr(label)}</label>
        </div>
    }
    .into_any()
}

/// A select of `(value, label)` options.
fn select(
    state: &FormState,
    name: &'static str,
    label: &'static str,
    options: &[Choice],
) -> AnyView {
    let error = state.error(name);
    let current = state.value(name);
    let described = described_by(name, false, error.is_some());
    let invalid = error.as_ref().map(|_| "true");
    let opts = options
        .iter()
        .map(|(value, text)| {
            let selected = *value == current;
            view! { <option value=value.clone() selected=selected>{text.clone()}</option> }
        })
        .collect_view();
    view! {
        <FieldFrame name label help=None error>
            <select id=name name=name aria-describedby=described aria-invalid=invalid>{opts}</select>
        </FieldFrame>
    }
    .into_any()
}

/// A description per language; the original language's is required.
fn descriptions(state: &FormState, languages: &[Choice]) -> AnyView {
    let original = state.value("original_language");
    let error = state
        .error("description")
        .or_else(|| state.error("descriptions"));
    let areas = languages
        .iter()
        .map(|(tag, name)| {
            let field = format!("description_{tag}");
            let value = state.value(&field);
            let label = i18n::t_args(
                crate::lang(),
                "providers-description-in",
                &[("language", name.clone())],
            );
            let note = (*tag == original).then(|| tr("providers-description-original"));
            view! {
                <div class="field">
                    <label for=field.clone()>{label}" "{note.map(|n| view! { <strong>{n}</strong> })}</label>
                    <textarea id=field.clone() name=field rows="6" maxlength="5000">{value}</textarea>
                </div>
            }
        })
        .collect_view();
    let class = if error.is_some() {
        "field field-invalid"
    } else {
        "field"
    };
    view! {
        <fieldset class=class id="description">
            <legend>{tr("providers-field-descriptions")}</legend>
            <p class="field-help" id="descriptions">{tr("providers-descriptions-help")}</p>
            {error.map(|code| view! { <p class="field-error">{tr(&format!("error-{code}"))}</p> })}
            {areas}
        </fieldset>
    }
    .into_any()
}

/// Countries and their regions as grouped checkboxes, then a free list of
/// other countries' codes.
fn areas(state: &FormState, view_: &ProviderEditorView) -> AnyView {
    let picked = chosen(state, "areas");
    let error = state.error("areas");
    let groups = view_
        .options
        .countries
        .iter()
        .map(|country| {
            let any = picked.contains(&country.code)
                || country.regions.iter().any(|(r, _)| picked.contains(r));
            let whole_id = format!("areas-{}", country.code);
            let whole = i18n::t_args(
                crate::lang(),
                "providers-area-whole",
                &[("country", country.name.clone())],
            );
            let regions = country
                .regions
                .iter()
                .map(|(code, name)| {
                    let id = format!("areas-{code}");
                    view! {
                        <div class="choice">
                            <input type="checkbox" id=id.clone() name="areas" value=code.clone() checked=picked.contains(code) />
                            <label for=id>{name.clone()}</label>
                        </div>
                    }
                })
                .collect_view();
            view! {
                <details open=any>
                    <summary>{country.name.clone()}</summary>
                    <div class="choice">
                        <input type="checkbox" id=whole_id.clone() name="areas" value=country.code.clone() checked=picked.contains(&country.code) />
                        <label for=whole_id>{whole}</label>
                    </div>
                    {regions}
                </details>
            }
        })
        .collect_view();
    let body = view! {
        {groups}
        <Field state=state.clone() name="areas_other" label="providers-field-areas-other" help="providers-areas-other-help" required=false maxlength=400 />
    };
    group(
        "areas",
        "providers-field-areas",
        Some("providers-areas-help"),
        error,
        body.into_any(),
    )
}

/// What the profile's state means for its members.
fn status_panel(v: &ProviderEditorView) -> AnyView {
    let c = ctx();
    let Some(slug) = v.slug.clone() else {
        return ().into_any();
    };
    let explain = match v.status.as_str() {
        "draft" if v.published => "providers-status-draft-published",
        "draft" => "providers-status-draft",
        "pending" => "providers-status-pending",
        "changes-pending" => "providers-status-changes-pending",
        "rejected" => "providers-status-rejected",
        _ => "providers-status-published",
    };
    let can_submit = matches!(v.status.as_str(), "draft" | "rejected");
    let note = (!v.status_note.is_empty()).then(|| {
        view! {
            <div class="prov-note">
                <h3>{tr("providers-moderator-note")}</h3>
                <p>{v.status_note.clone()}</p>
            </div>
        }
    });
    let submit = can_submit.then(|| {
        view! {
            <form class="inline-form" method="post" action=c.href(&format!("/directory/{slug}/submit"))>
                <CsrfField />
                <button type="submit" class="button button-primary">{tr("providers-submit")}</button>
            </form>
        }
    });
    let due = v.due.then(
        || view! { <p class="prov-due" role="note"><strong>{tr("providers-due")}</strong></p> },
    );
    let confirm = v.published.then(|| {
        let when = v
            .confirmed_at
            .as_deref()
            .map(|at| {
                i18n::t_args(
                    c.lang,
                    "providers-confirmed-at",
                    &[("date", super::day(at))],
                )
            })
            .unwrap_or_default();
        view! {
            <p>{when}</p>
            <form class="inline-form" method="post" action=c.href(&format!("/directory/{slug}/confirm"))>
                <CsrfField />
                <button type="submit" class="button">{tr("providers-confirm")}</button>
            </form>
        }
    });
    let public = v.published.then(|| {
        view! { <p><a href=c.href(&format!("/directory/{slug}"))>{tr("providers-public-page")}</a></p> }
    });
    view! {
        <section class="panel" aria-labelledby="prov-status">
            <h2 id="prov-status">{tr("providers-field-status")}" "{status_badge(&v.status)}</h2>
            <p>{tr(explain)}</p>
            {note}
            {due}
            {submit}
            {confirm}
            {public}
        </section>
    }
    .into_any()
}

/// The logo of the working version and the upload form.
fn logo_panel(v: &ProviderEditorView) -> AnyView {
    let c = ctx();
    let Some(slug) = v.slug.clone() else {
        return ().into_any();
    };
    let state = c.form_for("logo");
    let error = state.error("logo");
    let class = if error.is_some() {
        "field field-invalid"
    } else {
        "field"
    };
    let current = v
        .logo_url
        .clone()
        .map(|src| view! { <img class="partner-logo" src=src alt=tr("providers-logo-current") /> });
    view! {
        <section class="panel" aria-labelledby="logo-heading">
            <h2 id="logo-heading">{tr("providers-field-logo")}</h2>
            {current}
            <form class="form" method="post" enctype="multipart/form-data" action=c.href(&format!("/directory/{slug}/logo"))>
                <CsrfField />
                <div class=class>
                    <label for="logo">{tr("providers-logo-choose")}</label>
                    <p class="field-help" id="logo-help">{tr("providers-logo-help")}</p>
                    <input type="file" id="logo" name="logo" accept="image/png,image/jpeg,image/webp" aria-describedby="logo-help" />
                    {error.map(|code| view! { <p class="field-error">{tr(&format!("error-{code}"))}</p> })}
                </div>
                <div class="form-actions">
                    <button type="submit" class="button">{tr("providers-logo-upload")}</button>
                </div>
            </form>
        </section>
    }
    .into_any()
}

#[component]
pub fn Editor(editor: ProviderEditorView) -> impl IntoView {
    let c = ctx();
    let state = c
        .form
        .clone()
        .filter(|f| f.form == "provider")
        .unwrap_or_else(|| FormState {
            form: "provider".into(),
            values: editor.saved.clone(),
            ..Default::default()
        });
    let (title, action) = match &editor.slug {
        Some(slug) => (
            "providers-edit-title",
            c.href(&format!("/directory/{slug}/edit")),
        ),
        None => ("providers-new-title", c.href("/directory/new")),
    };
    let nav = editor
        .slug
        .as_deref()
        .map(|s| provider_nav(s, "providers-edit-title"));
    let decision = c.form_for("status");
    let decision = (!decision.errors.is_empty())
        .then(|| view! { <ErrorSummary state=decision labels=LABELS.to_vec() /> });
    let preview = (!editor.preview.is_empty()).then(|| {
        let rows = editor
            .preview
            .iter()
            .map(|f| view! { <dt>{tr(&f.label)}</dt><dd class="prov-value">{f.value.clone()}</dd> })
            .collect_view();
        view! {
            <section class="panel" aria-labelledby="prov-preview">
                <h2 id="prov-preview">{tr("providers-preview")}</h2>
                <p class="field-help">{tr("providers-preview-help")}</p>
                <dl class="prov-fields">{rows}</dl>
            </section>
        }
    });
    let o = &editor.options;
    let history = editor
        .slug
        .is_some()
        .then(|| history(editor.history.clone()));
    view! {
        <PageHeader title=title intro="providers-form-intro" />
        {nav}
        {decision}
        {status_panel(&editor)}
        <form class="form" method="post" action=action novalidate>
            <ErrorSummary state=state.clone() labels=LABELS.to_vec() />
            <CsrfField />
            <Field state=state.clone() name="name" label="providers-field-name" maxlength=120 />
            <Field state=state.clone() name="contact_email" label="providers-field-contact-email" kind="email" help="providers-contact-email-help" autocomplete="email" />
            {select(&state, "original_language", "providers-field-original-language", &o.languages)}
            {descriptions(&state, &o.languages)}
            {checkboxes(&state, "help", "providers-field-help", None, &o.help)}
            {checkboxes(&state, "services", "providers-field-services", Some("providers-services-help"), &o.services)}
            {areas(&state, &editor)}
            <fieldset class=if state.error("delivery").is_some() { "field field-invalid" } else { "field" } id="delivery">
                <legend>{tr("providers-field-delivery")}</legend>
                {state.error("delivery").map(|code| view! { <p class="field-error">{tr(&format!("error-{code}"))}</p> })}
                {flag(&state, "remote", "providers-remote")}
                {flag(&state, "on_site", "providers-on-site")}
            </fieldset>
            <Field state=state.clone() name="languages" label="providers-field-languages" help="providers-languages-help" maxlength=200 />
            {checkboxes(&state, "prices", "providers-field-prices", None, &o.prices)}
            {select(&state, "legal_form", "providers-field-legal-form", &o.legal_forms)}
            <fieldset class="field">
                <legend>{tr("providers-field-chatons")}</legend>
                {flag(&state, "chatons", "providers-chatons")}
            </fieldset>
            <Field state=state.clone() name="website" label="providers-field-website" kind="url" required=false help="providers-website-help" />
            {checkboxes(&state, "commitments", "providers-field-commitments", Some("providers-commitments-help"), &o.commitments)}
            <div class="form-actions">
                <button type="submit" class="button button-primary">{tr(if editor.slug.is_some() { "providers-save" } else { "providers-create" })}</button>
            </div>
        </form>
        {logo_panel(&editor)}
        {preview}
        {history}
    }
}

#[component]
pub fn Mine(view: MyProviders) -> impl IntoView {
    let c = ctx();
    let empty = view.providers.is_empty();
    let rows = view
        .providers
        .into_iter()
        .map(|p| {
            let unread = i18n::t_args(
                c.lang,
                "providers-unread",
                &[("count", p.unread.to_string())],
            );
            let due = p
                .due
                .then(|| view! { " " <span class="badge">{tr("providers-due-short")}</span> });
            let slug = p.slug.clone();
            view! {
                <tr>
                    <td><a href=c.href(&format!("/directory/{slug}/edit"))>{p.name}</a></td>
                    <td>{status_badge(&p.status)}{due}</td>
                    <td><a href=c.href(&format!("/directory/{slug}/requests"))>{unread}</a></td>
                    <td><a href=c.href(&format!("/directory/{slug}/members"))>{tr("providers-members-title")}</a></td>
                </tr>
            }
        })
        .collect_view();
    let review = view.waiting.map(|n| {
        let text = i18n::t_args(c.lang, "providers-queue-link", &[("count", n.to_string())]);
        view! { <p><a class="button" href=c.href("/directory/review")>{text}</a></p> }
    });
    view! {
        <PageHeader title="providers-mine-title" intro="providers-mine-intro" />
        {review}
        <p><a class="button button-primary" href=c.href("/directory/new")>{tr("providers-new-title")}</a></p>
        {empty.then(|| view! { <p class="empty">{tr("providers-mine-empty")}</p> })}
        {(!empty).then(|| view! {
            {data_table(&["providers-field-name", "providers-field-status", "providers-inbox-title", "providers-members-title"], rows.into_any())}
        })}
    }
}
