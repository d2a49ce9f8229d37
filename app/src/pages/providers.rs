//! The providers' own space in the directory: their profile editor, their
//! list of providers, members and inbox of help requests; the moderators'
//! queue and review page; the administrators' list of every help request.
//! The server hands over labels already in the page's language.

mod editor;
mod inbox;
mod review;

pub use editor::{Editor, Mine};
pub use inbox::{AdminRequests, Inbox, Members};
pub use review::{Queue, Review};

use leptos::prelude::*;
use serde::{Deserialize, Serialize};

use crate::pages::data_table;
use crate::tr;

/// A code of one vocabulary with its words in the page's language.
pub type Choice = (String, String);

/// A country of the network whose regions a provider may pick one by one.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct CountryChoice {
    pub code: String,
    pub name: String,
    /// `(NUTS-1 code, name)`.
    pub regions: Vec<Choice>,
}

/// What the profile form offers to choose from.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct ProviderOptions {
    /// Languages a description may be written in: `(tag, name)`.
    pub languages: Vec<Choice>,
    pub help: Vec<Choice>,
    pub services: Vec<Choice>,
    pub prices: Vec<Choice>,
    pub legal_forms: Vec<Choice>,
    /// `(code, the sentence the provider subscribes to)`.
    pub commitments: Vec<Choice>,
    pub countries: Vec<CountryChoice>,
}

/// One field of a profile as a reader sees it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ProfileField {
    /// The interface key of the field's name.
    pub label: String,
    pub value: String,
}

/// One entry of a provider's history.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct HistoryEntry {
    /// As the store records it (`submitted`, `approved`…).
    pub action: String,
    pub who: String,
    /// What changed, or the moderator's note.
    pub detail: String,
    pub at: String,
}

/// The profile form, for a new provider (`slug` is `None`) or an existing one.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct ProviderEditorView {
    pub slug: Option<String>,
    pub name: String,
    /// The review state's code (`draft`, `pending`…).
    pub status: String,
    /// The moderator's note of the last refusal or unpublication.
    pub status_note: String,
    /// The public sees a version of the profile.
    pub published: bool,
    /// Published and unconfirmed for a year.
    pub due: bool,
    pub confirmed_at: Option<String>,
    pub logo_url: Option<String>,
    /// The working version as the public would see it once approved.
    pub preview: Vec<ProfileField>,
    pub history: Vec<HistoryEntry>,
    pub options: ProviderOptions,
    /// The form's values from the working version (or a new profile's
    /// defaults), shown unless the profile form itself comes back refused.
    pub saved: std::collections::BTreeMap<String, String>,
}

/// A provider in its members' list.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ProviderRow {
    pub slug: String,
    pub name: String,
    pub status: String,
    pub unread: i64,
    pub due: bool,
}

/// The providers the signed-in person is a member of.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct MyProviders {
    pub providers: Vec<ProviderRow>,
    /// For moderators and administrators: how many submissions wait.
    pub waiting: Option<i64>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ProviderMemberRow {
    pub user_id: i64,
    pub display_name: String,
    pub email: String,
    pub is_self: bool,
}

#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct ProviderMembersView {
    pub slug: String,
    pub name: String,
    pub members: Vec<ProviderMemberRow>,
}

/// One help request in a provider's inbox.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct InboxRow {
    pub id: i64,
    pub sender_name: String,
    pub sender_email: String,
    pub organisation: String,
    pub message: String,
    /// The message's language, as a name.
    pub lang: String,
    /// `new`, `read`, `answered` or `archived` (as it was before opening).
    pub status: String,
    pub created_at: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct ProviderInbox {
    pub slug: String,
    pub name: String,
    /// Requests not read before this page was opened.
    pub unread: i64,
    pub requests: Vec<InboxRow>,
}

/// A submission waiting for a moderator.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct QueueRow {
    pub slug: String,
    pub name: String,
    pub status: String,
    pub submitted_at: String,
    /// Whether one's own provider (shown, not reviewable).
    pub own: bool,
}

/// A published profile nobody confirmed for a year.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DueRow {
    pub slug: String,
    pub name: String,
    pub confirmed_at: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct ProviderQueue {
    pub waiting: Vec<QueueRow>,
    pub due: Vec<DueRow>,
}

/// One field of the review page: published and working versions.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DiffRow {
    pub label: String,
    /// `None` when nothing is published.
    pub published: Option<String>,
    pub working: String,
    pub changed: bool,
}

#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct ProviderReviewView {
    pub slug: String,
    pub name: String,
    pub status: String,
    pub status_note: String,
    pub submitted_at: Option<String>,
    pub has_published: bool,
    pub rows: Vec<DiffRow>,
    pub working_logo: Option<String>,
    pub published_logo: Option<String>,
    pub history: Vec<HistoryEntry>,
}

/// One help request in the administrators' list.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AdminRequestRow {
    pub id: i64,
    pub provider_slug: String,
    pub provider_name: String,
    pub sender_name: String,
    pub sender_email: String,
    pub organisation: String,
    /// The message's first words.
    pub excerpt: String,
    pub created_at: String,
    pub status: String,
    /// `delivered`, `waiting` or `failed` (tried, not sent yet).
    pub delivery: String,
    pub attempts: i64,
}

/// The interface key of a history action.
fn event_key(action: &str) -> &'static str {
    match action {
        "created" => "providers-event-created",
        "edited" => "providers-event-edited",
        "submitted" => "providers-event-submitted",
        "approved" => "providers-event-approved",
        "rejected" => "providers-event-rejected",
        "unpublished" => "providers-event-unpublished",
        "confirmed" => "providers-event-confirmed",
        "member-added" => "providers-event-member-added",
        "member-removed" => "providers-event-member-removed",
        _ => "providers-event-other",
    }
}

/// The interface key of a help request's state.
fn request_status_key(status: &str) -> &'static str {
    match status {
        "new" => "providers-request-new",
        "read" => "providers-request-read",
        "answered" => "providers-request-answered",
        _ => "providers-request-archived",
    }
}

/// A review state in words, in a badge.
fn status_badge(status: &str) -> impl IntoView + use<> {
    let class = format!("badge prov-{status}");
    view! { <span class=class>{crate::labels::status(crate::lang(), status)}</span> }
}

/// The date part of a stored time.
fn day(at: &str) -> String {
    at.get(..10).unwrap_or(at).to_string()
}

/// A provider's history, oldest first.
fn history(entries: Vec<HistoryEntry>) -> impl IntoView {
    let empty = entries.is_empty();
    let rows = entries
        .into_iter()
        .map(|e| {
            view! {
                <tr>
                    <td>{day(&e.at)}</td>
                    <td>{e.who}</td>
                    <td>{tr(event_key(&e.action))}</td>
                    <td>{e.detail}</td>
                </tr>
            }
        })
        .collect_view();
    view! {
        <section class="panel" aria-labelledby="prov-history">
            <h2 id="prov-history">{tr("providers-history")}</h2>
            {empty.then(|| view! { <p class="empty">{tr("providers-history-empty")}</p> })}
            {data_table(&["providers-date", "providers-who", "providers-action", "providers-detail"], rows.into_any())}
        </section>
    }
}

/// The links between a provider's own pages.
fn provider_nav(slug: &str, current: &'static str) -> AnyView {
    let c = crate::ctx();
    let link = |path: String, key: &'static str| {
        let here = (key == current).then_some("page");
        view! { <li><a href=c.href(&path) aria-current=here>{tr(key)}</a></li> }
    };
    view! {
        <nav class="prov-nav" aria-label=tr("providers-nav")>
            <ul>
                {link("/directory/mine".to_string(), "providers-mine-title")}
                {link(format!("/directory/{slug}/edit"), "providers-edit-title")}
                {link(format!("/directory/{slug}/requests"), "providers-inbox-title")}
                {link(format!("/directory/{slug}/members"), "providers-members-title")}
            </ul>
        </nav>
    }
    .into_any()
}
