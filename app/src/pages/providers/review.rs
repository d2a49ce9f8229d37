//! The moderators' queue of submitted profiles and the review page:
//! published and working versions side by side, with the decisions.

use leptos::prelude::*;

use super::{ProviderQueue, ProviderReviewView, day, history, status_badge};
use crate::forms::{CsrfField, ErrorSummary, FieldFrame, described_by};
use crate::page::FormState;
use crate::pages::{PageHeader, data_table};
use crate::{ctx, tr};

#[component]
pub fn Queue(queue: ProviderQueue) -> impl IntoView {
    let c = ctx();
    let waiting_empty = queue.waiting.is_empty();
    let waiting = queue
        .waiting
        .into_iter()
        .map(|q| {
            let name = if q.own {
                view! { {q.name}" " <span class="badge">{tr("providers-queue-own")}</span> }
                    .into_any()
            } else {
                view! { <a href=c.href(&format!("/directory/review/{}", q.slug))>{q.name}</a> }
                    .into_any()
            };
            let kind = if q.status == "pending" {
                "providers-queue-first"
            } else {
                "providers-queue-changes"
            };
            view! {
                <tr>
                    <td>{name}</td>
                    <td>{status_badge(&q.status)}" "{tr(kind)}</td>
                    <td>{day(&q.submitted_at)}</td>
                </tr>
            }
        })
        .collect_view();
    let due_empty = queue.due.is_empty();
    let due = queue
        .due
        .into_iter()
        .map(|d| {
            view! {
                <tr>
                    <td><a href=c.href(&format!("/directory/review/{}", d.slug))>{d.name}</a></td>
                    <td>{day(&d.confirmed_at)}</td>
                </tr>
            }
        })
        .collect_view();
    view! {
        <PageHeader title="providers-queue-title" intro="providers-queue-intro" />
        <section class="panel" aria-labelledby="prov-waiting">
            <h2 id="prov-waiting">{tr("providers-queue-waiting")}</h2>
            {waiting_empty.then(|| view! { <p class="empty">{tr("providers-queue-empty")}</p> })}
            {data_table(&["providers-field-name", "providers-field-status", "providers-submitted"], waiting.into_any())}
        </section>
        <section class="panel" aria-labelledby="prov-due">
            <h2 id="prov-due">{tr("providers-queue-due")}</h2>
            <p class="field-help">{tr("providers-queue-due-help")}</p>
            {due_empty.then(|| view! { <p class="empty">{tr("providers-queue-due-empty")}</p> })}
            {data_table(&["providers-field-name", "providers-last-confirmed"], due.into_any())}
        </section>
    }
}

/// A decision that needs a written reason: its textarea and button.
fn with_note(
    state: &FormState,
    action: String,
    label: &'static str,
    help: &'static str,
    button: &'static str,
) -> AnyView {
    let error = state.error("note");
    let described = described_by("note", true, error.is_some());
    let invalid = error.as_ref().map(|_| "true");
    let value = state.value("note");
    view! {
        <form class="form" method="post" action=action novalidate>
            <CsrfField />
            <FieldFrame name="note" label=label help=Some(help) error>
                <textarea id="note" name="note" rows="4" maxlength="1000" required=true aria-describedby=described aria-invalid=invalid>{value}</textarea>
            </FieldFrame>
            <div class="form-actions">
                <button type="submit" class="button button-danger">{tr(button)}</button>
            </div>
        </form>
    }
    .into_any()
}

#[component]
pub fn Review(review: ProviderReviewView) -> impl IntoView {
    let c = ctx();
    let slug = review.slug.clone();
    let base = format!("/directory/review/{slug}");
    let decision = c.form_for("decision");
    let reject_state = c.form_for("reject");
    let unpublish_state = c.form_for("unpublish");
    let submitted = matches!(review.status.as_str(), "pending" | "changes-pending");
    let rows = review
        .rows
        .iter()
        .map(|r| {
            let class = if r.changed { "prov-changed" } else { "" };
            let mark = r
                .changed
                .then(|| view! { " " <span class="badge">{tr("providers-changed")}</span> });
            let published = r
                .published
                .clone()
                .unwrap_or_else(|| tr("providers-nothing-published"));
            view! {
                <tr class=class>
                    <th scope="row">{tr(&r.label)}{mark}</th>
                    <td class="prov-value">{published}</td>
                    <td class="prov-value">{r.working.clone()}</td>
                </tr>
            }
        })
        .collect_view();
    let logo = |src: Option<String>| {
        src.map(|src| view! { <img class="partner-logo" src=src alt=tr("providers-field-logo") /> })
    };
    let note = (!review.status_note.is_empty()).then(|| {
        view! { <p class="prov-note"><strong>{tr("providers-moderator-note")}</strong>" "{review.status_note.clone()}</p> }
    });
    let decide = submitted.then(|| {
        view! {
            <section class="panel" aria-labelledby="prov-decide">
                <h2 id="prov-decide">{tr("providers-decide")}</h2>
                <form class="inline-form" method="post" action=c.href(&format!("{base}/approve"))>
                    <CsrfField />
                    <button type="submit" class="button button-primary">{tr("providers-approve")}</button>
                </form>
                {with_note(&reject_state, c.href(&format!("{base}/reject")), "providers-reject-note", "providers-reject-help", "providers-reject")}
            </section>
        }
    });
    let unpublish = review.has_published.then(|| {
        view! {
            <section class="panel danger-zone" aria-labelledby="prov-unpublish">
                <h2 id="prov-unpublish">{tr("providers-unpublish")}</h2>
                {with_note(&unpublish_state, c.href(&format!("{base}/unpublish")), "providers-unpublish-note", "providers-unpublish-help", "providers-unpublish")}
            </section>
        }
    });
    let submitted_at = review.submitted_at.as_deref().map(day);
    view! {
        <PageHeader title="providers-review-title" />
        <p class="breadcrumb"><a href=c.href("/directory/review")>{tr("providers-queue-title")}</a></p>
        <h2>{review.name.clone()}" " {status_badge(&review.status)}</h2>
        {submitted_at.map(|d| view! { <p>{tr("providers-submitted")}": "{d}</p> })}
        {note}
        <ErrorSummary state=decision labels=vec![("status", "providers-field-status")] />
        <div class="table-wrap">
            <table class="table prov-diff">
                <thead>
                    <tr>
                        <th scope="col">{tr("providers-field")}</th>
                        <th scope="col">{tr("providers-published-version")}</th>
                        <th scope="col">{tr("providers-working-version")}</th>
                    </tr>
                </thead>
                <tbody>
                    {rows}
                    <tr>
                        <th scope="row">{tr("providers-field-logo")}</th>
                        <td>{logo(review.published_logo.clone())}</td>
                        <td>{logo(review.working_logo.clone())}</td>
                    </tr>
                </tbody>
            </table>
        </div>
        {decide}
        {unpublish}
        {history(review.history.clone())}
    }
}
