//! The signed-in person's notifications, their settings, and the page an
//! e-mail's unsubscribe link opens.

use leptos::prelude::*;

use super::PageHeader;
use super::discussion::{NotificationSettingRow, NotificationsView, UnsubscribeView};
use crate::forms::CsrfField;
use crate::{ctx, i18n, tr};

#[component]
pub fn Notifications(view: NotificationsView) -> impl IntoView {
    let c = ctx();
    let lang = c.lang;
    let empty = view
        .rows
        .is_empty()
        .then(|| view! { <p>{tr("notifications-empty")}</p> });
    let mark_all = (view.unread > 0).then(|| {
        view! {
            <form class="inline-form" method="post" action=c.href("/notifications/read")>
                <CsrfField />
                <button type="submit" class="button button-small">{tr("notifications-mark-all")}</button>
            </form>
        }
    });
    let rows = view
        .rows
        .into_iter()
        .map(|n| {
            let new = n.unread.then(|| view! { <span class="badge">{tr("notifications-new")}</span>" " });
            let note = (!n.note.is_empty()).then(|| view! { <p><q>{n.note.clone()}</q></p> });
            let mark = n.unread.then(|| {
                view! {
                    <form class="inline-form" method="post" action=c.href("/notifications/read")>
                        <CsrfField />
                        <input type="hidden" name="id" value=n.id.to_string() />
                        <button type="submit" class="button button-small">{tr("notifications-mark-read")}</button>
                    </form>
                }
            });
            let class = if n.unread { "notification unread" } else { "notification" };
            view! {
                <li class=class>
                    {new}<a href=c.href(&n.link)>{n.text.clone()}</a>
                    " · "<time datetime=n.created_at.clone()>{n.created_at.get(..10).unwrap_or_default().to_string()}</time>
                    {note}
                    {mark}
                </li>
            }
        })
        .collect_view();
    let pager = (view.pages > 1).then(|| {
        let label = i18n::t_args(lang, "discussion-pages", &[("page", view.page.to_string()), ("pages", view.pages.to_string())]);
        let prev = (view.page > 1).then(|| view! { <a rel="prev" href=format!("{}?page={}", c.href("/notifications"), view.page - 1)>{tr("discussion-previous")}</a> });
        let next = (view.page < view.pages).then(|| view! { <a rel="next" href=format!("{}?page={}", c.href("/notifications"), view.page + 1)>{tr("discussion-next")}</a> });
        let aria = label.clone();
        view! { <nav class="pager" aria-label=aria>{prev}" "<span>{label}</span>" "{next}</nav> }
    });
    view! {
        <PageHeader title="notifications-title" />
        <p><a href=c.href("/notifications/settings")>{tr("notifications-settings-title")}</a></p>
        {mark_all}
        {empty}
        <ul class="notifications">{rows}</ul>
        {pager}
    }
}

#[component]
pub fn NotificationSettings(rows: Vec<NotificationSettingRow>) -> impl IntoView {
    let c = ctx();
    let table = |contributors: bool| {
        let items = rows
            .iter()
            .filter(|r| r.for_contributors == contributors)
            .map(|r| {
                let in_app = format!("in_app-{}", r.kind);
                let email = format!("email-{}", r.kind);
                let options = [("off", "notifications-email-off"), ("instant", "notifications-email-instant"), ("digest", "notifications-email-digest")]
                    .into_iter()
                    .map(|(v, label)| view! { <option value=v selected=r.email == v>{tr(label)}</option> })
                    .collect_view();
                view! {
                    <tr>
                        <th scope="row">{r.label.clone()}</th>
                        <td>
                            <input type="checkbox" id=in_app.clone() name=in_app.clone() value="on" checked=r.in_app />
                            <label class="visually-hidden" for=in_app>{format!("{} — {}", tr("notifications-settings-in-app"), r.label)}</label>
                        </td>
                        <td>
                            <label class="visually-hidden" for=email.clone()>{format!("{} — {}", tr("notifications-settings-email"), r.label)}</label>
                            <select id=email.clone() name=email>{options}</select>
                        </td>
                    </tr>
                }
            })
            .collect_view();
        let caption = if contributors {
            "notify-group-contributors"
        } else {
            "notify-group-discussions"
        };
        view! {
            <table>
                <caption>{tr(caption)}</caption>
                <thead>
                    <tr>
                        <th scope="col">{tr("notifications-settings-kind")}</th>
                        <th scope="col">{tr("notifications-settings-in-app")}</th>
                        <th scope="col">{tr("notifications-settings-email")}</th>
                    </tr>
                </thead>
                <tbody>{items}</tbody>
            </table>
        }
    };
    view! {
        <PageHeader title="notifications-settings-title" intro="notifications-settings-intro" />
        <form class="form" method="post" action=c.href("/notifications/settings")>
            <CsrfField />
            {table(false)}
            {table(true)}
            <div class="form-actions">
                <button type="submit" class="button button-primary">{tr("notifications-settings-save")}</button>
            </div>
        </form>
    }
}

#[component]
pub fn Unsubscribe(view: UnsubscribeView) -> impl IntoView {
    let c = ctx();
    let lang = c.lang;
    let body = if !view.valid {
        view! { <p class="notice" role="alert">{tr("unsubscribe-invalid")}</p> }.into_any()
    } else if view.done {
        view! {
            <p role="status">{tr("unsubscribe-done")}</p>
            <p><a href=c.href("/notifications/settings")>{tr("notifications-settings-title")}</a></p>
        }
        .into_any()
    } else {
        let text = match &view.kind {
            Some(kind) => i18n::t_args(lang, "unsubscribe-confirm", &[("kind", kind.clone())]),
            None => tr("unsubscribe-confirm-digest"),
        };
        view! {
            <p>{text}</p>
            <form method="post">
                <input type="hidden" name="List-Unsubscribe" value="One-Click" />
                <button type="submit" class="button button-primary">{tr("unsubscribe-submit")}</button>
            </form>
        }
        .into_any()
    };
    view! {
        <PageHeader title="unsubscribe-title" />
        {body}
    }
}
