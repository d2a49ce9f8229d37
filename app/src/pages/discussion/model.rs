//! What the discussion pages show, built by the server (`views::discussion`)
//! from the store and the catalogue.

use serde::{Deserialize, Serialize};

/// One post as a reader sees it: text already rendered to safe HTML, and
/// what the reader may do with it.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct PostView {
    pub id: i64,
    /// `None`: a former learner (the account is gone).
    pub author: Option<String>,
    pub mine: bool,
    /// The language it was written in.
    pub lang: String,
    /// `question`, `comment` or `reply`.
    pub kind: String,
    pub html: String,
    /// The Markdown source, for its author's edit form.
    pub source: String,
    /// `visible`, `pending`, `hidden` or `deleted`.
    pub status: String,
    /// The moderator's note of a hidden post (shown to its author and the
    /// moderators).
    pub note: String,
    /// `author` or `moderator`, when deleted.
    pub deleted_by: String,
    pub pinned: bool,
    /// This reply is its question's accepted answer.
    pub accepted: bool,
    pub edited: bool,
    /// RFC 3339.
    pub created_at: String,
    pub can_edit: bool,
    pub can_report: bool,
    pub can_moderate: bool,
    /// The reader moderates and this reply answers a question: offer to
    /// accept it (or withdraw the acceptance).
    pub can_accept: bool,
    /// Shown in the moderators' queue: its moderation form returns there.
    pub in_queue: bool,
}

/// A thread: its first post, its replies, and whether the reader may reply.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct ThreadView {
    pub post: PostView,
    pub replies: Vec<PostView>,
    pub can_reply: bool,
}

/// Whether the reader may write.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
pub enum Posting {
    /// Not signed in: invited to.
    #[default]
    SignIn,
    /// Signed in, address not verified yet.
    Verify,
    Allowed,
}

/// A lesson's discussion page.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct DiscussionView {
    pub course_title: String,
    pub lesson_title: String,
    /// The lesson's path under the language prefix.
    pub lesson_path: String,
    pub threads: Vec<ThreadView>,
    /// `newest` or `unanswered`.
    pub filter: String,
    pub page: i64,
    pub pages: i64,
    pub total: i64,
    pub posting: Posting,
    /// The reader moderates this course's discussions.
    pub moderates: bool,
}

/// A post's edit form.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct PostEditView {
    pub id: i64,
    pub source: String,
    pub lesson_title: String,
    /// The discussion's path under the language prefix.
    pub back: String,
}

/// A post waiting in the moderators' queue.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct QueueItemView {
    pub post: PostView,
    pub lesson_title: String,
    /// The post's address under the language prefix.
    pub link: String,
    /// `(reason, RFC 3339 date)` of each open report.
    pub reports: Vec<(String, String)>,
}

/// One moderation action of the history.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct ModerationRow {
    pub moderator: String,
    pub action: String,
    pub post_id: i64,
    pub note: String,
    pub created_at: String,
    pub link: String,
}

/// The moderators' page: the queue, the history, and the settings of the
/// courses the reader moderates.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct ModerationView {
    pub queue: Vec<QueueItemView>,
    pub history: Vec<ModerationRow>,
    pub courses: Vec<CourseModeration>,
}

/// A course the reader moderates: its setting, and its authors for the
/// administrators who choose them.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct CourseModeration {
    pub slug: String,
    pub title: String,
    pub premoderated: bool,
    /// `(account id, display name, named by the course's files)`.
    pub authors: Vec<(i64, String, bool)>,
    pub manage_authors: bool,
}

/// An unanswered question, for its course's authors.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct UnansweredRow {
    pub course_title: String,
    pub lesson_title: String,
    pub link: String,
    pub author: Option<String>,
    pub created_at: String,
    pub excerpt: String,
}

/// One notification in the list.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct NotificationRow {
    pub id: i64,
    pub text: String,
    pub note: String,
    pub link: String,
    pub created_at: String,
    pub unread: bool,
}

#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct NotificationsView {
    pub rows: Vec<NotificationRow>,
    pub page: i64,
    pub pages: i64,
    pub unread: i64,
}

/// One kind's choice on the settings page.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct NotificationSettingRow {
    pub kind: String,
    pub label: String,
    pub in_app: bool,
    /// `off`, `instant` or `digest`.
    pub email: String,
    pub for_contributors: bool,
}

/// The page an unsubscribe link opens.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct UnsubscribeView {
    /// The kind's name; `None` for the digest.
    pub kind: Option<String>,
    pub valid: bool,
    pub done: bool,
}
