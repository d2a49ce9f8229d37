//! A provider's inbox of help requests and its members; the
//! administrators' list of every help request.

use leptos::prelude::*;

use super::{
    AdminRequestRow, ProviderInbox, ProviderMembersView, day, provider_nav, request_status_key,
};
use crate::forms::{CsrfField, ErrorSummary, Field};
use crate::pages::{PageHeader, data_table};
use crate::{ctx, i18n, tr};

#[component]
pub fn Inbox(inbox: ProviderInbox) -> impl IntoView {
    let c = ctx();
    let slug = inbox.slug.clone();
    let unread = i18n::t_args(
        c.lang,
        "providers-inbox-unread",
        &[("count", inbox.unread.to_string())],
    );
    let empty = inbox.requests.is_empty();
    let items = inbox
        .requests
        .into_iter()
        .map(|r| {
            let action = c.href(&format!("/directory/{slug}/requests/{}", r.id));
            let fresh = r.status == "new";
            let class = if fresh {
                "card prov-request prov-unread"
            } else {
                "card prov-request"
            };
            let org = (!r.organisation.is_empty()).then(|| view! { " · "{r.organisation.clone()} });
            let mailto = format!("mailto:{}", r.sender_email);
            let button = |status: &'static str, key: &'static str| {
                view! {
                    <form class="inline-form" method="post" action=action.clone()>
                        <CsrfField />
                        <input type="hidden" name="status" value=status />
                        <button type="submit" class="button button-small">{tr(key)}</button>
                    </form>
                }
            };
            let answered = (r.status != "answered")
                .then(|| button("answered", "providers-request-mark-answered"));
            let archive =
                (r.status != "archived").then(|| button("archived", "providers-request-archive"));
            view! {
                <article class=class id=format!("request-{}", r.id)>
                    <h2>
                        {r.sender_name.clone()}{org}
                        " " <span class="badge">{tr(request_status_key(&r.status))}</span>
                    </h2>
                    <p class="prov-meta">
                        <a href=mailto>{r.sender_email.clone()}</a>
                        " · "{day(&r.created_at)}" · "{r.lang.clone()}
                    </p>
                    <p class="prov-value">{r.message.clone()}</p>
                    <div class="form-actions">{answered}{archive}</div>
                </article>
            }
        })
        .collect_view();
    view! {
        <PageHeader title="providers-inbox-title" />
        <p class="lead">{inbox.name.clone()}</p>
        {provider_nav(&inbox.slug, "providers-inbox-title")}
        <p>{unread}</p>
        <p class="field-help">{tr("providers-inbox-help")}</p>
        {empty.then(|| view! { <p class="empty">{tr("providers-inbox-empty")}</p> })}
        <div class="prov-requests">{items}</div>
    }
}

#[component]
pub fn Members(members: ProviderMembersView) -> impl IntoView {
    let c = ctx();
    let state = c.form_for("member");
    let removal = c.form_for("remove");
    let slug = members.slug.clone();
    let only_one = members.members.len() == 1;
    let rows = members
        .members
        .into_iter()
        .map(|m| {
            let label = if m.is_self {
                tr("providers-member-leave")
            } else {
                tr("providers-member-remove")
            };
            let remove = (!only_one).then(|| {
                view! {
                    <form class="inline-form" method="post" action=c.href(&format!("/directory/{slug}/members/{}/remove", m.user_id))>
                        <CsrfField />
                        <button type="submit" class="button button-small button-danger">{label}</button>
                    </form>
                }
            });
            view! {
                <tr>
                    <td>{m.display_name}</td>
                    <td>{m.email}</td>
                    <td>{remove}</td>
                </tr>
            }
        })
        .collect_view();
    view! {
        <PageHeader title="providers-members-title" />
        <p class="lead">{members.name.clone()}</p>
        {provider_nav(&members.slug, "providers-members-title")}
        <ErrorSummary state=removal labels=vec![("member", "providers-field-member")] />
        <div class="table-wrap">
            <table class="table">
                <thead>
                    <tr>
                        <th scope="col">{tr("field-display-name")}</th>
                        <th scope="col">{tr("field-email")}</th>
                        <th scope="col"><span class="visually-hidden">{tr("providers-member-remove")}</span></th>
                    </tr>
                </thead>
                <tbody>{rows}</tbody>
            </table>
        </div>
        {only_one.then(|| view! { <p class="field-help">{tr("providers-members-last")}</p> })}
        <section class="panel" aria-labelledby="members-heading">
            <h2 id="members-heading">{tr("providers-member-add")}</h2>
            <form class="form" method="post" action=c.href(&format!("/directory/{}/members", members.slug)) novalidate>
                <ErrorSummary state=state.clone() labels=vec![("email", "field-email")] />
                <CsrfField />
                <Field state=state name="email" label="field-email" kind="email" help="providers-member-add-help" />
                <div class="form-actions">
                    <button type="submit" class="button button-primary">{tr("providers-member-add")}</button>
                </div>
            </form>
        </section>
    }
}

fn delivery_key(delivery: &str) -> &'static str {
    match delivery {
        "delivered" => "providers-delivery-delivered",
        "failed" => "providers-delivery-failed",
        _ => "providers-delivery-waiting",
    }
}

#[component]
pub fn AdminRequests(rows: Vec<AdminRequestRow>) -> impl IntoView {
    let c = ctx();
    let empty = rows.is_empty();
    let rows = rows
        .into_iter()
        .map(|r| {
            let tries = (r.delivery == "failed").then(|| {
                i18n::t_args(c.lang, "providers-delivery-attempts", &[("count", r.attempts.to_string())])
            });
            view! {
                <tr>
                    <td>{day(&r.created_at)}</td>
                    <td><a href=c.href(&format!("/directory/review/{}", r.provider_slug))>{r.provider_name}</a></td>
                    <td>{r.sender_name}<br />{r.sender_email}{(!r.organisation.is_empty()).then(|| view! { <br />{r.organisation} })}</td>
                    <td>{r.excerpt}</td>
                    <td>{tr(request_status_key(&r.status))}</td>
                    <td><span class="badge">{tr(delivery_key(&r.delivery))}</span>" "{tries}</td>
                </tr>
            }
        })
        .collect_view();
    view! {
        <PageHeader title="providers-admin-requests-title" intro="providers-admin-requests-intro" />
        {empty.then(|| view! { <p class="empty">{tr("providers-inbox-empty")}</p> })}
        {data_table(&["providers-date", "providers-provider", "providers-sender", "providers-message", "providers-field-status", "providers-delivery"], rows.into_any())}
    }
}
