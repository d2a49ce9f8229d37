//! Discussion posts and notifications as pages show them: Markdown rendered
//! by the lessons' safe renderer with `@/` links turned into addresses in
//! the reader's language, and the actions the reader may take.

use app::Lang;
use app::page::{NotificationRow, PostView, ThreadView};
use courses::catalogue::Catalogue;
use store::discussions::{Post, PostKind, PostStatus, Thread};
use store::notifications::Notification;

/// Who reads, and what they may do in this course's discussions.
#[derive(Debug, Clone, Copy)]
pub struct Reader {
    pub user_id: Option<i64>,
    /// Signed in with a verified address.
    pub may_post: bool,
    pub moderates: bool,
}

/// A post's Markdown as safe HTML, its `@/` links made addresses in `lang`.
pub fn post_html(catalogue: &Catalogue, lang: Lang, markdown: &str) -> String {
    courses::render::post_html(markdown, |target| {
        catalogue
            .checked_path(target)
            .map(|p| format!("/{}{p}", lang.code()))
            .unwrap_or_default()
    })
}

/// The `@/` links of `markdown` that name no published lesson or course.
pub fn unknown_links(catalogue: &Catalogue, markdown: &str) -> Vec<String> {
    courses::render::checked_links(markdown)
        .into_iter()
        .filter(|t| catalogue.checked_path(t).is_none())
        .collect()
}

/// One post for `reader`; `accepted` is its question's accepted reply.
pub fn post(
    catalogue: &Catalogue,
    lang: Lang,
    p: &Post,
    reader: &Reader,
    now: &str,
    accepted: Option<i64>,
) -> PostView {
    let mine = p.author_id.is_some() && p.author_id == reader.user_id;
    let live = matches!(p.status, PostStatus::Visible | PostStatus::Pending);
    let shows_text = p.status != PostStatus::Deleted;
    PostView {
        id: p.id,
        author: p.author_name.clone(),
        mine,
        lang: p.lang.clone(),
        kind: p.kind.as_str().to_string(),
        html: if shows_text {
            post_html(catalogue, lang, &p.body)
        } else {
            String::new()
        },
        source: if mine { p.body.clone() } else { String::new() },
        status: p.status.as_str().to_string(),
        note: if mine || reader.moderates {
            p.status_note.clone()
        } else {
            String::new()
        },
        deleted_by: p.deleted_by.clone().unwrap_or_default(),
        pinned: p.pinned,
        accepted: accepted == Some(p.id),
        edited: p.edited_at.is_some(),
        created_at: p.created_at.clone(),
        can_edit: mine && reader.may_post && p.editable_at(now),
        can_report: reader.user_id.is_some() && !mine && live,
        can_moderate: reader.moderates,
        can_accept: reader.moderates
            && p.kind == PostKind::Reply
            && p.status == PostStatus::Visible,
        in_queue: false,
    }
}

/// A thread for `reader`.
pub fn thread(
    catalogue: &Catalogue,
    lang: Lang,
    t: &Thread,
    reader: &Reader,
    now: &str,
) -> ThreadView {
    let accepted = t.post.accepted_id;
    ThreadView {
        post: post(catalogue, lang, &t.post, reader, now, None),
        replies: t
            .replies
            .iter()
            .map(|r| {
                let mut view = post(catalogue, lang, r, reader, now, accepted);
                // Only a question's answer is accepted.
                view.can_accept &= t.post.kind == PostKind::Question;
                view
            })
            .collect(),
        can_reply: reader.may_post && t.post.status == PostStatus::Visible,
    }
}

/// A notification as its list shows it, in `lang`.
pub fn notification(lang: Lang, n: &Notification) -> NotificationRow {
    NotificationRow {
        id: n.id,
        text: i18n::labels::notification(lang, n.kind.as_str(), &n.actor, &n.subject),
        note: n.note.clone(),
        link: n.link.clone(),
        created_at: n.created_at.clone(),
        unread: n.read_at.is_none(),
    }
}
