//! One component per page; [`PageBody`] picks the one the server asked for.

pub(crate) mod account;
pub(crate) mod admin_harvest;
mod auth;
pub mod data;
pub(crate) mod directory;
pub mod discussion;
pub(crate) mod harvested;
pub mod learning;
pub mod library;
mod notifications;
pub(crate) mod partners;
pub(crate) mod providers;
pub(crate) mod search;
mod sections;

pub use learning::language_name;

use leptos::prelude::*;

use crate::page::Page;
use crate::{ctx, tr};

#[component]
pub fn PageBody() -> impl IntoView {
    // The one copy of the page's data: each page component owns its view.
    match ctx().page.clone() {
        Page::Home => sections::Home().into_any(),
        Page::About => sections::About().into_any(),
        Page::Courses(view) => view! { <learning::Catalogue view /> }.into_any(),
        Page::Course(course) => view! { <learning::CoursePage course /> }.into_any(),
        Page::Lesson(lesson) => view! { <learning::LessonPage lesson /> }.into_any(),
        Page::Dashboard(view) => view! { <learning::Dashboard view /> }.into_any(),
        Page::Certificate(view) => view! { <learning::Certificate view /> }.into_any(),
        Page::Library(home) => view! { <library::Library home /> }.into_any(),
        Page::Resource(resource) => view! { <library::ResourcePage resource /> }.into_any(),
        Page::Harvested(entry) => view! { <harvested::HarvestedPage entry /> }.into_any(),
        Page::ResourceEditor(editor) => view! { <library::Editor editor /> }.into_any(),
        Page::ReviewQueue(queue) => view! { <library::Queue queue /> }.into_any(),
        Page::TranslationRequests(rows) => view! { <library::Requests rows /> }.into_any(),
        Page::Topics(view) => view! { <library::Topics view /> }.into_any(),
        Page::Directory(view) => view! { <directory::Directory view /> }.into_any(),
        Page::DirectoryRegions(view) => view! { <directory::Regions view /> }.into_any(),
        Page::Provider(provider) => view! { <directory::ProviderPage provider /> }.into_any(),
        Page::Search(view) => view! { <search::Search view /> }.into_any(),
        Page::Data(view) => view! { <data::Data view /> }.into_any(),
        Page::Partners {
            partners,
            can_create,
        } => view! { <partners::PartnerList partners can_create /> }.into_any(),
        Page::Partner(detail) => view! { <partners::PartnerPage detail /> }.into_any(),
        Page::Login => auth::Login().into_any(),
        Page::ForgotPassword => auth::ForgotPassword().into_any(),
        Page::ResetPassword(token) => view! { <auth::ResetPassword token /> }.into_any(),
        Page::Register => auth::Register().into_any(),
        Page::Account(account) => view! { <account::Account account /> }.into_any(),
        Page::AdminUsers { users } => view! { <account::AdminUsers users /> }.into_any(),
        Page::AdminHarvest(view) => view! { <admin_harvest::HarvestSources view /> }.into_any(),
        Page::AdminHarvestSource(detail) => {
            view! { <admin_harvest::HarvestSourcePage detail /> }.into_any()
        }
        Page::AdminHarvestRemove(source) => {
            view! { <admin_harvest::HarvestRemove source /> }.into_any()
        }
        Page::ProviderEditor(editor) => view! { <providers::Editor editor /> }.into_any(),
        Page::MyProviders(view) => view! { <providers::Mine view /> }.into_any(),
        Page::ProviderMembers(members) => view! { <providers::Members members /> }.into_any(),
        Page::ProviderInbox(inbox) => view! { <providers::Inbox inbox /> }.into_any(),
        Page::ProviderQueue(queue) => view! { <providers::Queue queue /> }.into_any(),
        Page::ProviderReview(review) => view! { <providers::Review review /> }.into_any(),
        Page::AdminHelpRequests(rows) => view! { <providers::AdminRequests rows /> }.into_any(),
        Page::Discussion(view) => view! { <discussion::Discussion view /> }.into_any(),
        Page::PostEdit(view) => view! { <discussion::PostEdit view /> }.into_any(),
        Page::Moderation(view) => view! { <discussion::Moderation view /> }.into_any(),
        Page::Unanswered(rows) => view! { <discussion::Unanswered rows /> }.into_any(),
        Page::Notifications(view) => view! { <notifications::Notifications view /> }.into_any(),
        Page::NotificationSettings(rows) => {
            view! { <notifications::NotificationSettings rows /> }.into_any()
        }
        Page::Unsubscribe(view) => view! { <notifications::Unsubscribe view /> }.into_any(),
        Page::NotFound => {
            view! { <ErrorPage title="not-found-title" text="not-found-text" /> }.into_any()
        }
        Page::Forbidden => {
            view! { <ErrorPage title="forbidden-title" text="forbidden-text" /> }.into_any()
        }
        Page::BadRequest => {
            view! { <ErrorPage title="bad-request-title" text="bad-request-text" /> }.into_any()
        }
        Page::ServerError => {
            view! { <ErrorPage title="error-title" text="error-text" /> }.into_any()
        }
    }
}

#[component]
fn ErrorPage(title: &'static str, text: &'static str) -> impl IntoView {
    view! {
        <div class="error-page">
            <h1>{tr(title)}</h1>
            <p>{tr(text)}</p>
            <p><a href=ctx().href("/")>{tr("back-home")}</a></p>
        </div>
    }
}

/// A filter of a GET form: a labelled select whose empty choice means "any".
fn filter_select(
    name: &'static str,
    label: &'static str,
    chosen: &str,
    options: Vec<(String, String)>,
) -> AnyView {
    let opts = options
        .into_iter()
        .map(|(value, text)| {
            let selected = value == chosen;
            view! { <option value=value selected=selected>{text}</option> }
        })
        .collect_view();
    view! {
        <div class="field">
            <label for=name>{tr(label)}</label>
            <select id=name name=name>
                <option value="">{tr("filter-any")}</option>
                {opts}
            </select>
        </div>
    }
    .into_any()
}

/// A table of rows under one header row: each column named by an interface
/// string key, scrolling sideways on narrow screens.
fn data_table(columns: &[&'static str], rows: AnyView) -> AnyView {
    let heads = columns
        .iter()
        .map(|key| view! { <th scope="col">{tr(key)}</th> })
        .collect_view();
    view! {
        <div class="table-wrap">
            <table class="table">
                <thead>
                    <tr>{heads}</tr>
                </thead>
                <tbody>{rows}</tbody>
            </table>
        </div>
    }
    .into_any()
}

/// The heading block of a page.
#[component]
fn PageHeader(title: &'static str, #[prop(optional)] intro: Option<&'static str>) -> impl IntoView {
    view! {
        <div class="page-header">
            <h1>{tr(title)}</h1>
            {intro.map(|i| view! { <p class="lead">{tr(i)}</p> })}
        </div>
    }
}

/// The section that holds an irreversible action: a title, a warning, the form.
#[component]
fn DangerZone(title: &'static str, warning: &'static str, children: Children) -> impl IntoView {
    view! {
        <section class="panel danger-zone" aria-labelledby="delete-heading">
            <h2 id="delete-heading">{tr(title)}</h2>
            <p class="warning">{tr(warning)}</p>
            {children()}
        </section>
    }
}
