//! What the server hands to the renderer for one request: who is asking, in which
//! language, and which page with which data. Handlers load the data and check
//! permissions; components only render.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::i18n::Lang;
pub use crate::pages::account::{AccountView, UserRow};
pub use crate::pages::admin_harvest::{
    HarvestAdmin, HarvestProblem, HarvestRunView, HarvestSourceDetail, HarvestSourceRow,
    REJECTED_SHOWN, RUNS_SHOWN,
};
pub use crate::pages::directory::{
    AreaChoice, ChosenFilter, DirectoryView, FilterChoice, ProviderCard, ProviderPageView,
    RegionsView,
};
pub use crate::pages::discussion::{
    CourseModeration, DiscussionView, ModerationRow, ModerationView, NotificationRow,
    NotificationSettingRow, NotificationsView, PostEditView, PostView, Posting, QueueItemView,
    ThreadView, UnansweredRow, UnsubscribeView,
};
pub use crate::pages::harvested::HarvestedView;
use crate::pages::learning::{
    CatalogueView, CertificateView, CourseView, DashboardView, LessonView,
};
use crate::pages::library::{LibraryHome, ResourceEditor, ResourceView, ReviewQueue, TopicsView};
pub use crate::pages::partners::{MemberView, PartnerDetail, PartnerView};
pub use crate::pages::providers::{
    AdminRequestRow, CountryChoice, DiffRow, DueRow, HistoryEntry, InboxRow, MyProviders,
    ProfileField, ProviderEditorView, ProviderInbox, ProviderMemberRow, ProviderMembersView,
    ProviderOptions, ProviderQueue, ProviderReviewView, ProviderRow, QueueRow,
};
pub use crate::pages::search::{
    FacetGroupView, FacetValueView, SearchHit, SearchResults, SearchView,
};

/// The signed-in person as pages need them.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct SessionUser {
    pub id: i64,
    pub display_name: String,
    /// `learner`, `contributor`, `moderator` or `admin`.
    pub role: String,
    /// Unread notifications (the bell's count).
    pub unread: i64,
}

impl SessionUser {
    pub fn is_admin(&self) -> bool {
        self.role == "admin"
    }
}

/// A submitted form shown again: what was typed (never passwords) and what is
/// wrong with it, as `(field, error code)` pairs.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct FormState {
    /// Which form on the page was submitted (pages may hold several).
    pub form: String,
    pub values: BTreeMap<String, String>,
    pub errors: Vec<(String, String)>,
    /// A message about the whole form (an interface string key).
    pub message: Option<String>,
}

impl FormState {
    pub fn value(&self, field: &str) -> String {
        self.values.get(field).cloned().unwrap_or_default()
    }

    pub fn error(&self, field: &str) -> Option<String> {
        self.errors
            .iter()
            .find(|(f, _)| f == field)
            .map(|(_, c)| c.clone())
    }
}

/// Everything about the request that the layout needs.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct PageContext {
    pub lang: Lang,
    /// The path after the language prefix, starting with `/` (`/` for home).
    pub path: String,
    /// Public base URL without trailing slash, for canonical and alternate links.
    pub base_url: String,
    /// Where the running code can be read (the footer's "source" link).
    pub source_url: String,
    pub user: Option<SessionUser>,
    pub csrf: String,
    /// A one-time message key from the previous request (`flash-…`).
    pub flash: Option<String>,
    pub form: Option<FormState>,
    /// Nonce that the Content-Security-Policy allows for inline scripts.
    pub nonce: String,
    /// The page's thing as compact JSON-LD (pages of things published as
    /// linked data), embedded for crawlers and harvesters.
    pub json_ld: Option<String>,
    pub page: Page,
}

impl PageContext {
    /// A path under the current language: `href("/courses")` → `/fr/courses`.
    pub fn href(&self, path: &str) -> String {
        href(self.lang, path)
    }

    pub fn form_for(&self, form: &str) -> FormState {
        self.form
            .as_ref()
            .filter(|f| f.form == form)
            .cloned()
            .unwrap_or_default()
    }
}

/// `path` under the language prefix of `lang`.
pub fn href(lang: Lang, path: &str) -> String {
    let path = path.trim_start_matches('/');
    format!("/{}/{path}", lang.code())
}

/// The page to render and its data.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub enum Page {
    #[default]
    Home,
    About,
    Courses(CatalogueView),
    Course(CourseView),
    Lesson(LessonView),
    Dashboard(DashboardView),
    Certificate(CertificateView),
    Library(LibraryHome),
    Resource(ResourceView),
    /// A library entry harvested from another source.
    Harvested(HarvestedView),
    ResourceEditor(ResourceEditor),
    ReviewQueue(ReviewQueue),
    TranslationRequests(Vec<crate::pages::library::RequestRow>),
    Topics(TopicsView),
    Search(SearchView),
    /// The providers directory, filtered.
    Directory(DirectoryView),
    /// The countries and regions the directory's providers serve.
    DirectoryRegions(RegionsView),
    /// A published provider's page.
    Provider(ProviderPageView),
    Data(crate::pages::data::DataView),
    Partners {
        partners: Vec<PartnerView>,
        can_create: bool,
    },
    Partner(PartnerDetail),
    Login,
    Register,
    /// Asking for a password reset link.
    ForgotPassword,
    /// Choosing a new password with a reset link (`None`: the link is dead).
    ResetPassword(Option<String>),
    Account(AccountView),
    AdminUsers {
        users: Vec<UserRow>,
    },
    /// The harvest sources (administrators).
    AdminHarvest(HarvestAdmin),
    /// One harvest source with its runs.
    AdminHarvestSource(HarvestSourceDetail),
    /// The confirmation before a harvest source is removed.
    AdminHarvestRemove(HarvestSourceRow),
    /// A provider's profile form (new or existing), for its members.
    ProviderEditor(ProviderEditorView),
    /// The providers the signed-in person is a member of.
    MyProviders(MyProviders),
    ProviderMembers(ProviderMembersView),
    /// A provider's inbox of help requests.
    ProviderInbox(ProviderInbox),
    /// The moderators' queue of provider profiles.
    ProviderQueue(ProviderQueue),
    /// One submitted profile, published and working versions side by side.
    ProviderReview(ProviderReviewView),
    /// Every help request on the instance (administrators).
    AdminHelpRequests(Vec<AdminRequestRow>),
    /// A lesson's discussion.
    Discussion(DiscussionView),
    /// One's own post, to edit.
    PostEdit(PostEditView),
    /// The moderators' queue and history.
    Moderation(ModerationView),
    /// The questions nobody answered on the courses one moderates.
    Unanswered(Vec<UnansweredRow>),
    Notifications(NotificationsView),
    NotificationSettings(Vec<NotificationSettingRow>),
    /// The page of an e-mail's unsubscribe link.
    Unsubscribe(UnsubscribeView),
    NotFound,
    Forbidden,
    BadRequest,
    ServerError,
}

impl Page {
    /// The interface string key of the page's title.
    pub fn title_key(&self) -> &'static str {
        match self {
            Page::Home => "home-title",
            Page::About => "about-title",
            Page::Courses(_) | Page::Course(_) | Page::Lesson(_) => "courses-title",
            Page::Dashboard(_) => "dashboard-title",
            Page::Certificate(_) => "certificate-title",
            Page::Library(_) | Page::Resource(_) | Page::Harvested(_) => "library-title",
            Page::ResourceEditor(e) if e.uid.is_none() => "resource-new-title",
            Page::ResourceEditor(_) => "resource-edit-title",
            Page::ReviewQueue(_) => "review-title",
            Page::TranslationRequests(_) => "requests-title",
            Page::Topics(_) => "topics-title",
            Page::Search(_) => "search-title",
            Page::Directory(_) | Page::Provider(_) => "directory-title",
            Page::DirectoryRegions(_) => "directory-regions-title",
            Page::Data(_) => "data-title",
            Page::Partners { .. } | Page::Partner(_) => "partners-title",
            Page::Login => "login-title",
            Page::Register => "register-title",
            Page::ForgotPassword => "forgot-title",
            Page::ResetPassword(_) => "reset-title",
            Page::Account(_) => "account-title",
            Page::AdminUsers { .. } => "admin-users-title",
            Page::AdminHarvest(_) | Page::AdminHarvestSource(_) | Page::AdminHarvestRemove(_) => {
                "harvest-title"
            }
            Page::ProviderEditor(e) if e.slug.is_none() => "providers-new-title",
            Page::ProviderEditor(_) => "providers-edit-title",
            Page::MyProviders(_) => "providers-mine-title",
            Page::ProviderMembers(_) => "providers-members-title",
            Page::ProviderInbox(_) => "providers-inbox-title",
            Page::ProviderQueue(_) => "providers-queue-title",
            Page::ProviderReview(_) => "providers-review-title",
            Page::AdminHelpRequests(_) => "providers-admin-requests-title",
            Page::Discussion(_) => "discussion-title",
            Page::PostEdit(_) => "post-edit",
            Page::Moderation(_) => "moderation-title",
            Page::Unanswered(_) => "unanswered-title",
            Page::Notifications(_) => "notifications-title",
            Page::NotificationSettings(_) => "notifications-settings-title",
            Page::Unsubscribe(_) => "unsubscribe-title",
            Page::NotFound => "not-found-title",
            Page::Forbidden => "forbidden-title",
            Page::BadRequest => "bad-request-title",
            Page::ServerError => "error-title",
        }
    }

    /// Which header link the page belongs under, for `aria-current`.
    pub fn section(&self) -> &'static str {
        match self {
            Page::Courses(_)
            | Page::Course(_)
            | Page::Lesson(_)
            | Page::Certificate(_)
            | Page::Discussion(_)
            | Page::PostEdit(_)
            | Page::Moderation(_)
            | Page::Unanswered(_) => "/courses",
            Page::Notifications(_) | Page::NotificationSettings(_) => "/notifications",
            Page::Dashboard(_) => "/learning",
            Page::Library(_)
            | Page::Resource(_)
            | Page::Harvested(_)
            | Page::ResourceEditor(_)
            | Page::ReviewQueue(_)
            | Page::Topics(_)
            | Page::TranslationRequests(_) => "/library",
            Page::Search(_) => "/search",
            Page::Directory(_) | Page::DirectoryRegions(_) | Page::Provider(_) => "/directory",
            Page::Data(_) => "/data",
            Page::Partners { .. } | Page::Partner(_) => "/partners",
            Page::Account(_) => "/account",
            Page::AdminUsers { .. } => "/admin/users",
            Page::AdminHarvest(_) | Page::AdminHarvestSource(_) | Page::AdminHarvestRemove(_) => {
                "/admin/harvest"
            }
            Page::ProviderEditor(_)
            | Page::MyProviders(_)
            | Page::ProviderMembers(_)
            | Page::ProviderInbox(_)
            | Page::ProviderQueue(_)
            | Page::ProviderReview(_) => "/directory",
            _ => "",
        }
    }

    /// The page's own title when it has one (a course's, a lesson's).
    pub fn own_title(&self) -> Option<String> {
        match self {
            Page::Course(c) => Some(c.title.clone()),
            Page::Lesson(l) => Some(format!("{} · {}", l.title, l.course.title)),
            Page::Discussion(d) => Some(format!("{} · {}", d.lesson_title, d.course_title)),
            Page::Certificate(c) => Some(format!("{} · {}", c.holder, c.course.title)),
            Page::Resource(r) => Some(r.title.clone()),
            Page::Harvested(e) => Some(e.title.clone()),
            Page::Provider(p) => Some(p.name.clone()),
            Page::AdminHarvestSource(d) => Some(d.source.label.clone()),
            _ => None,
        }
    }

    /// A sentence about the page for link previews (OpenGraph), when it has one.
    pub fn description(&self) -> Option<String> {
        match self {
            Page::Course(c) => Some(c.summary.clone()),
            Page::Lesson(l) => l.summary.clone(),
            Page::Resource(r) => Some(r.summary.clone()).filter(|s| !s.is_empty()),
            Page::Harvested(e) => Some(e.summary.clone()).filter(|s| !s.is_empty()),
            Page::Provider(p) => Some(p.summary.clone()).filter(|s| !s.is_empty()),
            _ => None,
        }
    }

    /// Whether the page shows a thing published as linked data, whose URI
    /// is the page's address without the language (then the page links to
    /// its RDF: `.ttl`, `.jsonld`, `.rdf`, `.nt`).
    pub fn is_linked_data(&self) -> bool {
        matches!(
            self,
            Page::Course(_)
                | Page::Lesson(_)
                | Page::Resource(_)
                | Page::Partner(_)
                | Page::Provider(_)
        )
    }

    /// The OpenGraph type of the page.
    pub fn og_type(&self) -> &'static str {
        match self {
            Page::Lesson(_) | Page::Resource(_) | Page::Harvested(_) => "article",
            _ => "website",
        }
    }

    /// Whether the page renders an island (the live search, the new-password
    /// hint). Only these pages load the island script and its wasm: every
    /// other page is complete HTML and CSS. A test renders every page kind
    /// and checks this against the islands actually in the HTML.
    pub fn has_islands(&self) -> bool {
        matches!(
            self,
            Page::Search(_) | Page::Register | Page::Account(_) | Page::ResetPassword(Some(_))
        )
    }

    /// Whether search engines should leave the page out (accounts, errors).
    pub fn noindex(&self) -> bool {
        matches!(
            self,
            Page::Login
                | Page::ForgotPassword
                | Page::ResetPassword(_)
                | Page::ResourceEditor(_)
                | Page::ReviewQueue(_)
                | Page::TranslationRequests(_)
                | Page::Register
                | Page::Dashboard(_)
                | Page::Certificate(_)
                | Page::Account(_)
                | Page::AdminUsers { .. }
                | Page::AdminHarvest(_)
                | Page::AdminHarvestSource(_)
                | Page::AdminHarvestRemove(_)
                | Page::ProviderEditor(_)
                | Page::MyProviders(_)
                | Page::ProviderMembers(_)
                | Page::ProviderInbox(_)
                | Page::ProviderQueue(_)
                | Page::ProviderReview(_)
                | Page::AdminHelpRequests(_)
                | Page::PostEdit(_)
                | Page::Moderation(_)
                | Page::Unanswered(_)
                | Page::Notifications(_)
                | Page::NotificationSettings(_)
                | Page::Unsubscribe(_)
                | Page::NotFound
                | Page::Forbidden
                | Page::BadRequest
                | Page::ServerError
        )
    }
}
