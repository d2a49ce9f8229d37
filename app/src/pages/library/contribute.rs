//! Contributing to the library: the resource form, the actions and history
//! on a resource's page, and the moderators' review queue.

use leptos::prelude::*;

use crate::forms::{CsrfField, ErrorSummary, Field, FieldFrame, described_by};
use crate::pages::PageHeader;
use crate::pages::library::{HistoryRow, ResourceActions, ResourceEditor, ReviewQueue};
use crate::{ctx, tr};

/// `event-{action}` keys, written out so every one is known to be used.
const EVENTS: [(&str, &str); 14] = [
    ("created", "event-created"),
    ("edited", "event-edited"),
    ("submitted", "event-submitted"),
    ("published", "event-published"),
    ("changes-requested", "event-changes-requested"),
    ("unpublished", "event-unpublished"),
    ("withdrawn", "event-withdrawn"),
    ("translation-saved", "event-translation-saved"),
    ("translation-submitted", "event-translation-submitted"),
    ("translation-published", "event-translation-published"),
    (
        "translation-changes-requested",
        "event-translation-changes-requested",
    ),
    ("file-added", "event-file-added"),
    ("file-removed", "event-file-removed"),
    ("imported", "event-imported"),
];

const LABELS: [(&str, &str); 13] = [
    ("organisation", "field-organisation"),
    ("kind", "field-kind"),
    ("original_language", "field-original-language"),
    ("title", "field-title"),
    ("description", "field-description"),
    ("licence", "field-licence"),
    ("licence_other", "field-licence-other"),
    ("country", "field-country"),
    ("authors", "field-authors"),
    ("date_created", "field-date-created"),
    ("url", "field-url"),
    ("topics", "field-topics"),
    ("file", "field-file"),
];

/// A select whose options are `(value, label)`.
fn choice(
    state: &crate::page::FormState,
    name: &'static str,
    label: &'static str,
    options: Vec<(String, String)>,
) -> AnyView {
    let error = state.error(name);
    let current = state.value(name);
    let described = described_by(name, false, error.is_some());
    let invalid = error.as_ref().map(|_| "true");
    let opts = options
        .into_iter()
        .map(|(value, text)| {
            let selected = value == current;
            view! { <option value=value selected=selected>{text}</option> }
        })
        .collect_view();
    view! {
        <FieldFrame name label help=None error>
            <select id=name name=name required=true aria-describedby=described aria-invalid=invalid>
                {opts}
            </select>
        </FieldFrame>
    }
    .into_any()
}

#[component]
pub fn Editor(editor: ResourceEditor) -> impl IntoView {
    let c = ctx();
    let state = c.form_for("resource");
    let (title, action) = match &editor.uid {
        Some(uid) => (
            "resource-edit-title",
            c.href(&format!("/library/resources/{uid}/edit")),
        ),
        None => ("resource-new-title", c.href("/library/new")),
    };
    let organisation = (editor.uid.is_none()).then(|| {
        let options = editor
            .organisations
            .iter()
            .map(|(id, name)| (id.to_string(), name.clone()))
            .collect();
        choice(&state, "organisation", "field-organisation", options)
    });
    let kinds = super::resources::KINDS
        .iter()
        .map(|(k, key)| (k.to_string(), tr(key)))
        .collect();
    let licences = editor
        .licences
        .iter()
        .map(|(uri, name)| {
            let label = if name.is_empty() {
                tr("resource-all-rights-reserved")
            } else {
                name.clone()
            };
            (uri.clone(), label)
        })
        .chain([("other".to_string(), tr("field-licence-other-choice"))])
        .collect();
    let chosen: Vec<String> = state
        .value("topics")
        .split(',')
        .map(str::to_string)
        .collect();
    let topic_error = state.error("topics");
    let topic_described = topic_error.as_ref().map(|_| "topics-error");
    let topics = editor
        .topics
        .iter()
        .map(|(t, depth)| {
            let id = format!("topic-{}", t.id);
            let checked = chosen.contains(&t.id);
            let style = format!("margin-left: {}rem", f32::from(*depth) * 1.25);
            view! {
                <div class="choice" style=style>
                    <input type="checkbox" id=id.clone() name="topics" value=t.id.clone() checked=checked />
                    <label for=id>{t.label.clone()}</label>
                </div>
            }
        })
        .collect_view();
    let description_error = state.error("description");
    let description_value = state.value("description");
    let authors_value = state.value("authors");
    let authors_error = state.error("authors");
    let kind_select = choice(&state, "kind", "field-kind", kinds);
    let licence_select = choice(&state, "licence", "field-licence", licences);
    let original_language = editor.uid.is_none().then(|| {
        view! {
            <Field state=state.clone() name="original_language" label="field-original-language"
                help="field-original-language-help" maxlength=20 />
        }
    });
    let file_error = state.error("file");
    let files = (!editor.files.is_empty()).then(|| {
        let uid = editor.uid.clone().unwrap_or_default();
        let rows = editor
            .files
            .iter()
            .map(|f| {
                let remove = c.href(&format!("/library/resources/{uid}/files/{}/delete", f.id));
                let size = crate::pages::library::human_size(f.bytes);
                view! {
                    <li class="file">
                        <span class="file-icon" aria-hidden="true">{f.badge.clone()}</span>
                        <a href=c.href(&f.url)>{f.name.clone()}</a>
                        <span class="meta">{format!(" {size} ")}</span>
                        <form method="post" action=remove class="inline-form">
                            <CsrfField />
                            <button type="submit" class="button button-small">
                                {tr("file-remove")}<span class="visually-hidden">{format!(" {}", f.name)}</span>
                            </button>
                        </form>
                    </li>
                }
            })
            .collect_view();
        view! {
            <section class="panel" id="files" aria-labelledby="files-heading">
                <h2 id="files-heading">{tr("resource-files")}</h2>
                <ul class="files">{rows}</ul>
            </section>
        }
    });
    view! {
        <PageHeader title />
        <form class="form" method="post" action=action enctype="multipart/form-data" novalidate>
            <ErrorSummary state=state.clone() labels=LABELS.to_vec() />
            <CsrfField />
            {organisation}
            {kind_select}
            {original_language}
            <Field state=state.clone() name="title" label="field-title" maxlength=200 />
            <FieldFrame name="description" label="field-description" help=Some("field-description-help") error=description_error.clone()>
                <textarea id="description" name="description" rows="8" maxlength="5000"
                    aria-describedby=described_by("description", true, description_error.is_some())>
                    {description_value}
                </textarea>
            </FieldFrame>
            {licence_select}
            <Field state=state.clone() name="licence_other" label="field-licence-other"
                help="field-licence-other-help" required=false maxlength=300 />
            <Field state=state.clone() name="country" label="field-country" help="field-country-help" maxlength=2 />
            <FieldFrame name="authors" label="field-authors" help=Some("field-authors-help") error=authors_error>
                <textarea id="authors" name="authors" rows="3" aria-describedby="authors-help">{authors_value}</textarea>
            </FieldFrame>
            <Field state=state.clone() name="date_created" label="field-date-created" help="field-date-created-help" required=false maxlength=10 />
            <Field state=state.clone() name="url" label="field-url" kind="url" required=false maxlength=300 />
            <Field state=state.clone() name="audience" label="field-audience" required=false maxlength=120 />
            <Field state=state.clone() name="educational_level" label="field-educational-level" required=false maxlength=120 />
            <fieldset class="field" id="topics" aria-describedby=topic_described>
                <legend>{tr("field-topics")}</legend>
                {topics}
                {topic_error.map(|code| view! { <p class="field-error" id="topics-error">{tr(&format!("error-{code}"))}</p> })}
            </fieldset>
            <FieldFrame name="file" label="field-file" help=Some("field-file-help") error=file_error.clone()>
                <input type="file" id="file" name="file"
                    aria-describedby=described_by("file", true, file_error.is_some())
                    aria-invalid=file_error.as_ref().map(|_| "true") />
            </FieldFrame>
            <div class="form-actions">
                <button type="submit" class="button button-primary">{tr("resource-save")}</button>
            </div>
        </form>
        {files}
    }
}

/// The buttons a member or moderator sees on a resource's page.
#[component]
pub fn Actions(uid: String, actions: ResourceActions) -> impl IntoView {
    let c = ctx();
    let base = c.href(&format!("/library/resources/{uid}"));
    let simple = |path: &str, key: &'static str, primary: bool| {
        let class = if primary {
            "button button-primary"
        } else {
            "button"
        };
        view! {
            <form class="inline-form" method="post" action=format!("{base}/{path}")>
                <CsrfField />
                <button type="submit" class=class>{tr(key)}</button>
            </form>
        }
    };
    let with_text = |path: &str, field: &'static str, label: &'static str, button: &'static str| {
        let id = format!("{path}-{field}");
        view! {
            <form class="form" method="post" action=format!("{base}/{path}")>
                <CsrfField />
                <div class="field">
                    <label for=id.clone()>{tr(label)}</label>
                    <textarea id=id name=field rows="3" required=true maxlength="1000"></textarea>
                </div>
                <button type="submit" class="button">{tr(button)}</button>
            </form>
        }
    };
    view! {
        <section class="panel" aria-labelledby="actions-heading">
            <h2 id="actions-heading">{tr("resource-actions")}</h2>
            <div class="form-actions">
                {actions.edit.then(|| view! { <a class="button" href=format!("{base}/edit")>{tr("resource-edit")}</a> })}
                {actions.submit.then(|| simple("submit", "resource-submit", true))}
                {actions.review.then(|| simple("publish", "resource-publish", true))}
            </div>
            {actions.review.then(|| with_text("request-changes", "comment", "resource-comment", "resource-request-changes"))}
            {actions.unpublish.then(|| with_text("unpublish", "reason", "resource-reason", "resource-unpublish"))}
            {actions.withdraw.then(|| with_text("withdraw", "reason", "resource-withdraw-reason", "resource-withdraw"))}
        </section>
    }
}

#[component]
pub fn History(rows: Vec<HistoryRow>) -> impl IntoView {
    let items = rows
        .into_iter()
        .map(|h| {
            let what = EVENTS
                .iter()
                .find(|(a, _)| *a == h.action)
                .map(|(_, key)| tr(key))
                .unwrap_or(h.action.clone());
            let lang = (!h.lang.is_empty()).then(|| format!(" ({})", h.lang));
            let detail = (!h.detail.is_empty())
                .then(|| view! { <br /><span class="detail">{h.detail.clone()}</span> });
            view! {
                <li><span class="meta">{h.at.get(..16).unwrap_or(&h.at).replace('T', " ")}</span>" "
                    <strong>{h.who}</strong>" — "{what}{lang}{detail}</li>
            }
        })
        .collect_view();
    view! {
        <section class="panel history" aria-labelledby="history-heading">
            <h2 id="history-heading">{tr("resource-history")}</h2>
            <ol>{items}</ol>
        </section>
    }
}

#[component]
pub fn Queue(queue: ReviewQueue) -> impl IntoView {
    let c = ctx();
    let resources = if queue.resources.is_empty() {
        view! { <p class="empty">{tr("review-empty")}</p> }.into_any()
    } else {
        queue
            .resources
            .into_iter()
            .map(|r| {
                let href = c.href(&format!("/library/resources/{}", r.uid));
                view! { <li><a href=href>{r.title}</a>" — "{r.publisher}</li> }
            })
            .collect_view()
            .into_any()
    };
    let translations = (!queue.translations.is_empty()).then(|| {
        let items = queue
            .translations
            .into_iter()
            .map(|(r, lang)| {
                let href = format!(
                    "{}?in={lang}",
                    c.href(&format!("/library/resources/{}", r.uid))
                );
                view! { <li><a href=href>{r.title}</a>" (" {lang} ")"</li> }
            })
            .collect_view();
        view! { <h2>{tr("review-translations")}</h2><ul>{items}</ul> }
    });
    view! {
        <PageHeader title="review-title" intro="review-intro" />
        <h2>{tr("review-resources")}</h2>
        <ul>{resources}</ul>
        {translations}
    }
}

/// `translation-status-{status}` keys, written out so every one is known to be used.
const TRANSLATION_STATUSES: [(&str, &str); 4] = [
    ("draft", "translation-status-draft"),
    ("submitted", "translation-status-submitted"),
    ("changes-requested", "translation-status-changes-requested"),
    ("published", "translation-status-published"),
];

/// The translations of a resource with their review state and the buttons
/// for translators and moderators, and the form to add one.
#[component]
pub fn Translations(
    uid: String,
    rows: Vec<crate::pages::library::TranslationRow>,
    actions: ResourceActions,
) -> impl IntoView {
    let c = ctx();
    let state = c.form_for("translation");
    let base = c.href(&format!("/library/resources/{uid}/translations"));
    let items = rows
        .into_iter()
        .map(|t| {
            let status = TRANSLATION_STATUSES
                .iter()
                .find(|(s, _)| *s == t.status)
                .map(|(_, key)| tr(key))
                .unwrap_or(t.status.clone());
            let button = |path: &str, key: &'static str| {
                view! {
                    <form class="inline-form" method="post" action=format!("{base}/{}/{path}", t.lang)>
                        <CsrfField />
                        <button type="submit" class="button button-small">{tr(key)}</button>
                    </form>
                }
            };
            let submit = (actions.translate && matches!(t.status.as_str(), "draft" | "changes-requested"))
                .then(|| button("submit", "resource-submit"));
            let review = (actions.review_translations && t.status == "submitted").then(|| {
                let id = format!("comment-{}", t.lang);
                view! {
                    {button("publish", "resource-publish")}
                    <form class="inline-form" method="post" action=format!("{base}/{}/request-changes", t.lang)>
                        <CsrfField />
                        <label class="visually-hidden" for=id.clone()>{tr("resource-comment")}</label>
                        <input id=id name="comment" type="text" required=true maxlength="1000" />
                        <button type="submit" class="button button-small">{tr("resource-request-changes")}</button>
                    </form>
                }
            });
            view! {
                <li lang=t.lang.clone()>
                    <strong>{t.lang.clone()}</strong>" — "{t.title.clone()}" "
                    <span class="meta">"("{status}")"</span>
                    {submit}
                    {review}
                </li>
            }
        })
        .collect_view();
    let form = actions.translate.then(|| {
        let origins = vec![
            ("human".to_string(), tr("origin-human")),
            ("machine-assisted".to_string(), tr("origin-machine-assisted")),
        ];
        let description_value = state.value("description");
        let origin_select = choice(&state, "origin", "field-origin", origins);
        view! {
            <form class="form" method="post" action=base.clone() novalidate>
                <h3>{tr("translation-add")}</h3>
                <ErrorSummary state=state.clone() labels=vec![("lang", "field-translation-language"), ("title", "field-title"), ("description", "field-description"), ("origin", "field-origin")] />
                <CsrfField />
                <Field state=state.clone() name="lang" label="field-translation-language" help="field-original-language-help" maxlength=20 />
                <Field state=state.clone() name="title" label="field-title" maxlength=200 />
                <div class="field">
                    <label for="translation-description">{tr("field-description")}</label>
                    <textarea id="translation-description" name="description" rows="6" maxlength="5000">{description_value}</textarea>
                </div>
                {origin_select}
                <div class="form-actions">
                    <button type="submit" class="button">{tr("translation-save")}</button>
                </div>
            </form>
        }
    });
    view! {
        <section class="panel" id="translations" aria-labelledby="translations-heading">
            <h2 id="translations-heading">{tr("resource-translations")}</h2>
            <ul>{items}</ul>
            {form}
        </section>
    }
}

/// The form to ask for a resource in another language.
#[component]
pub fn AskTranslation(uid: String) -> impl IntoView {
    let c = ctx();
    let state = c.form_for("request");
    let action = c.href(&format!("/library/resources/{uid}/request-translation"));
    view! {
        <form class="form" method="post" action=action novalidate>
            <ErrorSummary state=state.clone() labels=vec![("lang", "field-translation-language")] />
            <CsrfField />
            <Field state name="lang" label="field-translation-language" help="field-original-language-help" maxlength=20 />
            <div class="form-actions">
                <button type="submit" class="button">{tr("request-ask")}</button>
            </div>
        </form>
    }
}

/// Open translation requests in the languages of the reader's organisations.
#[component]
pub fn Requests(rows: Vec<crate::pages::library::RequestRow>) -> impl IntoView {
    let c = ctx();
    let body = if rows.is_empty() {
        view! { <p class="empty">{tr("requests-empty")}</p> }.into_any()
    } else {
        rows.into_iter()
            .map(|r| {
                let href = c.href(&format!("/library/resources/{}#translations", r.resource.uid));
                let action = (r.open).then(|| {
                    view! {
                        <form class="inline-form" method="post" action=c.href(&format!("/library/requests/{}/take", r.id))>
                            <CsrfField />
                            <button type="submit" class="button button-small">{tr("request-take")}</button>
                        </form>
                    }
                });
                let state = (!r.open).then(|| view! { <span class="meta">{tr("request-taken")}</span> });
                view! {
                    <li><a href=href>{r.resource.title}</a>" → "<strong>{r.lang}</strong>" "{action}{state}</li>
                }
            })
            .collect_view()
            .into_any()
    };
    view! {
        <PageHeader title="requests-title" intro="requests-intro" />
        <ul>{body}</ul>
    }
}
