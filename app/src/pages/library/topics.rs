//! The topic scheme as a tree to browse the library by, with the number of
//! resources under each topic; administrators add and rename topics here.

use leptos::prelude::*;

use crate::forms::{CsrfField, ErrorSummary, Field, FieldFrame, described_by};
use crate::pages::PageHeader;
use crate::pages::library::{TopicImport, TopicNode, TopicsView};
use crate::{ctx, i18n, tr};

const LABELS: [(&str, &str); 3] = [
    ("id", "field-topic-id"),
    ("broader", "field-topic-broader"),
    ("labels", "field-topic-labels"),
];

fn branch(nodes: Vec<TopicNode>, manage: bool) -> AnyView {
    let c = ctx();
    let items = nodes
        .into_iter()
        .map(|n| {
            let href = format!("{}?topic={}", c.href("/library"), n.id);
            let count = i18n::t_args(c.lang, "topics-count", &[("count", n.count.to_string())]);
            let edit = manage.then(|| {
                let href = format!("{}?edit={}#topic-form", c.href("/library/topics"), n.id);
                view! {
                    " "<a class="button button-small" href=href>
                        {tr("topics-edit")}<span class="visually-hidden">{format!(" {}", n.label)}</span>
                    </a>
                }
            });
            let added = (manage && n.added).then(|| view! { " "<span class="badge">{tr("topics-added")}</span> });
            let children = (!n.children.is_empty()).then(|| branch(n.children, manage));
            view! {
                <li>
                    <a href=href>{n.label}</a>" "<span class="meta">{count}</span>{added}{edit}
                    {children}
                </li>
            }
        })
        .collect_view();
    view! { <ul class="topic-tree">{items}</ul> }.into_any()
}

/// The administrators' form to import a partner's SKOS scheme, with what
/// the last file did.
fn import_form(outcome: Option<TopicImport>) -> impl IntoView {
    let c = ctx();
    let outcome = outcome.map(|o| {
        if o.problems.is_empty() {
            let counts = [
                ("added", o.added.to_string()),
                ("updated", o.updated.to_string()),
                ("unchanged", o.unchanged.to_string()),
            ];
            view! {
                <div class="flash flash-success" role="status" id="skosreport">
                    {i18n::t_args(c.lang, "topics-import-done", &counts)}
                </div>
            }
            .into_any()
        } else {
            let items = o
                .problems
                .into_iter()
                .map(|p| view! { <li>{p}</li> })
                .collect_view();
            view! {
                <div class="form-errors" role="alert" tabindex="-1" id="skosreport">
                    <h3>{tr("topics-import-refused")}</h3>
                    <ul>{items}</ul>
                </div>
            }
            .into_any()
        }
    });
    view! {
        <section class="panel" id="skosimport" aria-labelledby="skosimport-heading">
            <h2 id="skosimport-heading">{tr("topics-import-title")}</h2>
            <p>{tr("topics-import-intro")}</p>
            {outcome}
            <form class="form" method="post" action=c.href("/library/topics/import") enctype="multipart/form-data">
                <CsrfField />
                <div class="field">
                    <label for="skosfile">{tr("topics-import-file")}</label>
                    <p class="field-help" id="skosfile-help">{tr("topics-import-file-help")}</p>
                    <input type="file" id="skosfile" name="file" required aria-describedby="skosfile-help"
                        accept=".ttl,.nt,.rdf,.owl,text/turtle,application/n-triples,application/rdf+xml" />
                </div>
                <div class="form-actions">
                    <button type="submit" class="button button-primary">{tr("topics-import-submit")}</button>
                </div>
            </form>
        </section>
    }
}

#[component]
pub fn Topics(view: TopicsView) -> impl IntoView {
    let c = ctx();
    let tree = branch(view.tree, view.manage);
    let import = view.manage.then(|| import_form(view.import.clone()));
    let form = view.manage.then(|| {
        let state = c.form_for("topic");
        let broader_error = state.error("broader");
        let current = state.value("broader");
        let options = view
            .broader
            .iter()
            .map(|(id, label)| {
                let selected = *id == current;
                view! { <option value=id.clone() selected=selected>{label.clone()}</option> }
            })
            .collect_view();
        let labels_error = state.error("labels");
        let labels_value = state.value("labels");
        view! {
            <section class="panel" id="topic-form" aria-labelledby="topic-form-heading">
                <h2 id="topic-form-heading">{tr("topics-form-title")}</h2>
                <p>{tr("topics-form-intro")}</p>
                <form class="form" method="post" action=c.href("/library/topics") novalidate>
                    <ErrorSummary state=state.clone() labels=LABELS.to_vec() />
                    <CsrfField />
                    <Field state=state.clone() name="id" label="field-topic-id" help="field-topic-id-help" maxlength=60 />
                    <FieldFrame name="broader" label="field-topic-broader" help=None error=broader_error.clone()>
                        <select id="broader" name="broader"
                            aria-describedby=described_by("broader", false, broader_error.is_some())
                            aria-invalid=broader_error.as_ref().map(|_| "true")>
                            <option value="">{tr("topics-no-broader")}</option>
                            {options}
                        </select>
                    </FieldFrame>
                    <FieldFrame name="labels" label="field-topic-labels" help=Some("field-topic-labels-help") error=labels_error.clone()>
                        <textarea id="labels" name="labels" rows="5"
                            aria-describedby=described_by("labels", true, labels_error.is_some())
                            aria-invalid=labels_error.as_ref().map(|_| "true")>
                            {labels_value}
                        </textarea>
                    </FieldFrame>
                    <div class="form-actions">
                        <button type="submit" class="button button-primary">{tr("topics-save")}</button>
                    </div>
                </form>
            </section>
        }
    });
    view! {
        <nav class="breadcrumb" aria-label=tr("breadcrumb-label")>
            <a href=c.href("/library")>{tr("library-title")}</a>
        </nav>
        <PageHeader title="topics-title" intro="topics-intro" />
        {tree}
        {form}
        {import}
    }
}
