//! A lesson's discussion, a post's edit form, the moderators' page and the
//! authors' list of unanswered questions. Every action is a plain form, so
//! all of it works without JavaScript.

pub mod model;

use leptos::prelude::*;

use super::PageHeader;
use crate::forms::{CsrfField, ErrorSummary};
use crate::{ctx, i18n, tr};
pub use model::*;

fn date(at: &str) -> String {
    at.get(..10).unwrap_or(at).to_string()
}

/// A textarea with its label, help and error, under a unique id.
#[component]
fn BodyField(
    id: String,
    label: &'static str,
    #[prop(optional)] value: String,
    #[prop(optional_no_strip)] error: Option<String>,
    #[prop(default = 8)] rows: u32,
) -> impl IntoView {
    let help_id = format!("{id}-help");
    let error_id = format!("{id}-error");
    let described = if error.is_some() {
        format!("{help_id} {error_id}")
    } else {
        help_id.clone()
    };
    let class = if error.is_some() {
        "field field-invalid"
    } else {
        "field"
    };
    view! {
        <div class=class>
            <label for=id.clone()>{tr(label)}</label>
            <p class="field-help" id=help_id>{tr("field-post-body-help")}</p>
            <textarea id=id name="body" rows=rows maxlength="10000" required=true aria-describedby=described aria-invalid=error.as_ref().map(|_| "true")>{value}</textarea>
            {error.map(|code| view! { <p class="field-error" id=error_id>{tr(&format!("error-{code}"))}</p> })}
        </div>
    }
}

/// One post with its actions.
#[component]
fn PostItem(post: PostView) -> impl IntoView {
    let c = ctx();
    let lang = c.lang;
    let id = post.id;
    let author = post
        .author
        .clone()
        .unwrap_or_else(|| tr("post-former-learner"));
    let byline = i18n::t_args(
        lang,
        "post-by",
        &[("name", author), ("date", date(&post.created_at))],
    );
    let status = match post.status.as_str() {
        "deleted" if post.deleted_by == "moderator" => {
            Some(view! { <p class="entry-status">{tr("post-deleted-moderator")}</p> }.into_any())
        }
        "deleted" => Some(view! { <p class="entry-status">{tr("post-deleted-author")}</p> }.into_any()),
        "hidden" => Some(
            view! { <p class="entry-status notice">{i18n::t_args(lang, "post-hidden", &[("note", post.note.clone())])}</p> }
                .into_any(),
        ),
        "pending" => Some(view! { <p class="entry-status notice">{tr("post-pending")}</p> }.into_any()),
        _ => None,
    };
    let form = |path: &str| c.href(&format!("/discussion/posts/{id}/{path}"));
    let edit = post.can_edit.then(|| {
        view! {
            <a class="button button-small" href=form("edit")>{tr("post-edit")}</a>
            <form class="inline-form" method="post" action=form("delete")>
                <CsrfField />
                <button type="submit" class="button button-small">{tr("post-delete")}</button>
            </form>
        }
    });
    // A one-button moderation form: `(action, label)` when `on`, else the other pair.
    let toggle = |on: bool, yes: (&'static str, &'static str), no: (&'static str, &'static str)| {
        let (action, label) = if on { yes } else { no };
        view! {
            <form class="inline-form" method="post" action=form("moderate")>
                <CsrfField />
                <input type="hidden" name="action" value=action />
                <button type="submit" class="button button-small">{tr(label)}</button>
            </form>
        }
    };
    let accept = post.can_accept.then(|| {
        toggle(
            post.accepted,
            ("unaccept", "post-unaccept"),
            ("accept", "post-accept"),
        )
    });
    let pin = (post.can_moderate && post.kind != "reply" && post.status == "visible")
        .then(|| toggle(post.pinned, ("unpin", "post-unpin"), ("pin", "post-pin")));
    let report = post.can_report.then(|| {
        let field = format!("reason-{id}");
        view! {
            <details class="entry-form">
                <summary>{tr("post-report")}</summary>
                <form method="post" action=form("report")>
                    <CsrfField />
                    <div class="field">
                        <label for=field.clone()>{tr("field-report-reason")}</label>
                        <textarea id=field name="reason" rows="3" maxlength="1000" required=true></textarea>
                    </div>
                    <button type="submit" class="button button-small">{tr("post-report-submit")}</button>
                </form>
            </details>
        }
    });
    let moderate = (post.can_moderate && post.status != "deleted").then(|| {
        let field = format!("note-{id}");
        let buttons = match post.status.as_str() {
            "pending" => vec![("approve", "moderation-approve"), ("hide", "moderation-hide"), ("remove", "moderation-remove")],
            "hidden" => vec![("restore", "moderation-restore"), ("remove", "moderation-remove")],
            _ => vec![("hide", "moderation-hide"), ("remove", "moderation-remove")],
        };
        let buttons = buttons
            .into_iter()
            .map(|(action, label)| view! { <button type="submit" name="action" value=action class="button button-small">{tr(label)}</button> })
            .collect_view();
        view! {
            <details class="entry-form">
                <summary>{tr("post-moderate")}</summary>
                <form method="post" action=form("moderate")>
                    <CsrfField />
                    {post.in_queue.then(|| view! { <input type="hidden" name="back" value="queue" /> })}
                    <div class="field">
                        <label for=field.clone()>{tr("field-moderation-note")}</label>
                        <textarea id=field name="note" rows="3" maxlength="1000"></textarea>
                    </div>
                    <div class="form-actions">{buttons}</div>
                </form>
            </details>
        }
    });
    let kind = (post.kind == "question")
        .then(|| view! { <span class="badge">{tr("post-question")}</span>" " });
    let pinned = post
        .pinned
        .then(|| view! { <span class="badge">{tr("post-pinned")}</span>" " });
    let accepted = post
        .accepted
        .then(|| view! { <span class="badge badge-success">{tr("post-accepted")}</span>" " });
    let edited = post.edited.then(|| view! { " · "{tr("post-edited")} });
    let class = format!("post post-{}", post.status);
    view! {
        <article id=format!("post-{id}") class=class lang=post.lang.clone()>
            <header class="entry-header">
                {kind}{pinned}{accepted}
                <span class="entry-byline">{byline}{edited}</span>
            </header>
            {status}
            <div class="entry-body" inner_html=post.html.clone()></div>
            <div class="entry-actions">{edit}{accept}{pin}</div>
            {report}
            {moderate}
        </article>
    }
}

#[component]
pub fn Discussion(view: DiscussionView) -> impl IntoView {
    let c = ctx();
    let lang = c.lang;
    let base = c.href(&format!("{}/discussion", view.lesson_path));
    let state = c.form_for("post");
    let new_post = match view.posting {
        Posting::SignIn => {
            let next = crate::layout::encode_query(&base);
            view! { <p class="notice"><a href=format!("{}?next={next}", c.href("/login"))>{tr("discussion-sign-in")}</a></p> }.into_any()
        }
        Posting::Verify => view! { <p class="notice">{tr("discussion-verify")}</p> }.into_any(),
        Posting::Allowed => {
            let kind = state.value("kind");
            let comment = kind == "comment";
            view! {
                <section class="panel" aria-labelledby="new-post">
                    <h2 id="new-post">{tr("discussion-new")}</h2>
                    <form class="form" method="post" action=base.clone() novalidate>
                        <ErrorSummary state=state.clone() labels=vec![("body", "field-post-body"), ("parent", "field-post-body")] />
                        <CsrfField />
                        <fieldset class="field">
                            <legend>{tr("field-post-kind")}</legend>
                            <label><input type="radio" name="kind" value="question" checked=!comment />" "{tr("post-kind-question")}</label>
                            " "
                            <label><input type="radio" name="kind" value="comment" checked=comment />" "{tr("post-kind-comment")}</label>
                        </fieldset>
                        <BodyField id="body".to_string() label="field-post-body" value=state.value("body") error=state.error("body") />
                        <div class="form-actions">
                            <button type="submit" class="button button-primary">{tr("discussion-submit")}</button>
                        </div>
                    </form>
                </section>
            }
            .into_any()
        }
    };
    let filters = [
        ("newest", "discussion-filter-newest"),
        ("unanswered", "discussion-filter-unanswered"),
    ]
    .into_iter()
    .map(|(f, label)| {
        let current = (view.filter == f).then_some("page");
        let href = if f == "newest" {
            base.clone()
        } else {
            format!("{base}?filter={f}")
        };
        view! { <li><a href=href aria-current=current>{tr(label)}</a></li> }
    })
    .collect_view();
    let reply_state = c.form_for("reply");
    let threads = view
        .threads
        .into_iter()
        .map(|t| {
            let id = t.post.id;
            let count = (!t.replies.is_empty()).then(|| {
                let text = i18n::t_args(lang, "post-replies", &[("count", t.replies.len().to_string())]);
                view! { <p class="meta replies-count">{text}</p> }
            });
            let replies = t
                .replies
                .into_iter()
                .map(|post| view! { <li><PostItem post /></li> })
                .collect_view();
            let reply_form = t.can_reply.then(|| {
                let field = format!("reply-{id}");
                let mine = reply_state.value("parent") == id.to_string();
                let error = if mine { reply_state.error("body") } else { None };
                let value = if mine { reply_state.value("body") } else { String::new() };
                let open = error.is_some();
                view! {
                    <details class="entry-form" open=open>
                        <summary>{tr("discussion-reply-open")}</summary>
                        <form method="post" action=c.href(&format!("/discussion/posts/{id}/reply")) novalidate>
                            <CsrfField />
                            <BodyField id=field label="field-reply-body" value error rows=5 />
                            <button type="submit" class="button button-small">{tr("discussion-reply-submit")}</button>
                        </form>
                    </details>
                }
            });
            view! {
                <li class="thread">
                    <PostItem post=t.post />
                    {count}
                    <ol class="replies">{replies}</ol>
                    {reply_form}
                </li>
            }
        })
        .collect_view();
    let empty = (view.total == 0).then(|| view! { <p>{tr("discussion-empty")}</p> });
    let pager = (view.pages > 1).then(|| {
        let link = |p: i64| {
            let filter = if view.filter == "newest" {
                String::new()
            } else {
                format!("filter={}&", view.filter)
            };
            format!("{base}?{filter}page={p}")
        };
        let prev = (view.page > 1).then(
            || view! { <a rel="prev" href=link(view.page - 1)>{tr("discussion-previous")}</a> },
        );
        let next = (view.page < view.pages)
            .then(|| view! { <a rel="next" href=link(view.page + 1)>{tr("discussion-next")}</a> });
        let label = i18n::t_args(
            lang,
            "discussion-pages",
            &[
                ("page", view.page.to_string()),
                ("pages", view.pages.to_string()),
            ],
        );
        let aria = label.clone();
        view! { <nav class="pager" aria-label=aria>{prev}" "<span>{label}</span>" "{next}</nav> }
    });
    let moderation = view.moderates.then(|| {
        view! {
            <p>
                <a href=c.href("/discussion/moderation")>{tr("moderation-title")}</a>
                " · "
                <a href=c.href("/discussion/unanswered")>{tr("unanswered-title")}</a>
            </p>
        }
    });
    view! {
        <header class="page-header">
            <p class="eyebrow">{view.course_title.clone()}</p>
            <h1>{format!("{} — {}", tr("discussion-title"), view.lesson_title)}</h1>
            <p>{tr("discussion-intro")}</p>
            <p><a href=c.href(&view.lesson_path)>{tr("discussion-back")}</a></p>
        </header>
        {moderation}
        <nav aria-label=tr("discussion-filter")><ul class="tabs">{filters}</ul></nav>
        {new_post}
        {empty}
        <ol class="threads">{threads}</ol>
        {pager}
    }
}

#[component]
pub fn PostEdit(view: PostEditView) -> impl IntoView {
    let c = ctx();
    let state = c.form_for("edit");
    let value = if state.values.contains_key("body") {
        state.value("body")
    } else {
        view.source.clone()
    };
    view! {
        <PageHeader title="post-edit" />
        <p><a href=c.href(&view.back)>{view.lesson_title.clone()}</a></p>
        <form class="form" method="post" action=c.href(&format!("/discussion/posts/{}/edit", view.id)) novalidate>
            <ErrorSummary state=state.clone() labels=vec![("body", "field-post-body")] />
            <CsrfField />
            <BodyField id="body".to_string() label="field-post-body" value error=state.error("body") />
            <div class="form-actions">
                <button type="submit" class="button button-primary">{tr("post-edit-submit")}</button>
            </div>
        </form>
    }
}

#[component]
pub fn Moderation(view: ModerationView) -> impl IntoView {
    let c = ctx();
    let lang = c.lang;
    let empty = view.queue.is_empty();
    let queue = view
        .queue
        .into_iter()
        .map(|item| {
            let reports = (!item.reports.is_empty()).then(|| {
                let rows = item
                    .reports
                    .iter()
                    .map(|(reason, at)| view! { <li>{reason.clone()}" ("{date(at)}")"</li> })
                    .collect_view();
                view! { <h3>{tr("moderation-reports")}</h3><ul>{rows}</ul> }
            });
            let dismiss = (!item.reports.is_empty() && item.post.status == "visible").then(|| {
                view! {
                    <form class="inline-form" method="post" action=c.href(&format!("/discussion/posts/{}/moderate", item.post.id))>
                        <CsrfField />
                        <input type="hidden" name="back" value="queue" />
                        <button type="submit" name="action" value="dismiss" class="button button-small">{tr("moderation-dismiss")}</button>
                    </form>
                }
            });
            let place = i18n::t_args(lang, "moderation-in", &[("lesson", item.lesson_title.clone())]);
            view! {
                <li class="panel">
                    <p><a href=c.href(&item.link)>{place}</a></p>
                    <PostItem post=item.post />
                    {reports}
                    {dismiss}
                </li>
            }
        })
        .collect_view();
    let no_history = view.history.is_empty();
    let history = view
        .history
        .into_iter()
        .map(|row| {
            let text = i18n::t_args(
                lang,
                "moderation-history-row",
                &[
                    ("moderator", row.moderator.clone()),
                    ("action", tr(&format!("moderation-action-{}", row.action))),
                    ("post", row.post_id.to_string()),
                ],
            );
            let note = (!row.note.is_empty()).then(|| view! { " — "<q>{row.note.clone()}</q> });
            view! { <li>{date(&row.created_at)}" · "<a href=c.href(&row.link)>{text}</a>{note}</li> }
        })
        .collect_view();
    let settings = (!view.courses.is_empty()).then(|| {
        let rows = view
            .courses
            .into_iter()
            .map(|course| {
                let slug = course.slug.clone();
                let id = format!("premoderation-{slug}");
                let label = i18n::t_args(lang, "moderation-premoderation", &[("course", course.title.clone())]);
                let authors = course.manage_authors.then(|| {
                    let heading = i18n::t_args(lang, "moderation-authors", &[("course", course.title.clone())]);
                    let list = course
                        .authors
                        .iter()
                        .map(|(uid, name, from_content)| {
                            let action = if *from_content {
                                view! { <span class="meta">{tr("moderation-author-from-content")}</span> }.into_any()
                            } else {
                                view! {
                                    <form class="inline-form" method="post" action=c.href("/discussion/moderation/authors")>
                                        <CsrfField />
                                        <input type="hidden" name="course" value=slug.clone() />
                                        <input type="hidden" name="remove" value=uid.to_string() />
                                        <button type="submit" class="button button-small">{tr("moderation-author-remove")}</button>
                                    </form>
                                }
                                .into_any()
                            };
                            view! { <li>{name.clone()}" "{action}</li> }
                        })
                        .collect_view();
                    let field = format!("author-{slug}");
                    view! {
                        <h3>{heading}</h3>
                        <ul>{list}</ul>
                        <form class="inline-form" method="post" action=c.href("/discussion/moderation/authors")>
                            <CsrfField />
                            <input type="hidden" name="course" value=slug.clone() />
                            <label for=field.clone()>{tr("field-author-email")}</label>" "
                            <input type="email" id=field name="email" required=true autocomplete="off" />" "
                            <button type="submit" class="button button-small">{tr("moderation-author-add")}</button>
                        </form>
                    }
                });
                view! {
                    <form class="inline-form" method="post" action=c.href("/discussion/moderation/settings")>
                        <CsrfField />
                        <input type="hidden" name="course" value=slug.clone() />
                        <input type="hidden" name="premoderation" value="off" />
                        <input type="checkbox" id=id.clone() name="premoderation" value="on" checked=course.premoderated />
                        " "<label for=id>{label}</label>" "
                        <button type="submit" class="button button-small">{tr("moderation-settings-save")}</button>
                    </form>
                    {authors}
                }
            })
            .collect_view();
        view! {
            <section class="panel" aria-labelledby="mod-settings">
                <h2 id="mod-settings">{tr("moderation-settings")}</h2>
                {rows}
            </section>
        }
    });
    view! {
        <PageHeader title="moderation-title" intro="moderation-intro" />
        <p><a href=c.href("/discussion/unanswered")>{tr("unanswered-title")}</a></p>
        {empty.then(|| view! { <p>{tr("moderation-empty")}</p> })}
        <ol class="queue-list">{queue}</ol>
        {settings}
        <section aria-labelledby="mod-history">
            <h2 id="mod-history">{tr("moderation-history")}</h2>
            {no_history.then(|| view! { <p>{tr("moderation-history-empty")}</p> })}
            <ul>{history}</ul>
        </section>
    }
}

#[component]
pub fn Unanswered(rows: Vec<UnansweredRow>) -> impl IntoView {
    let c = ctx();
    let empty = rows
        .is_empty()
        .then(|| view! { <p>{tr("unanswered-empty")}</p> });
    let items = rows
        .into_iter()
        .map(|r| {
            let author = r
                .author
                .clone()
                .unwrap_or_else(|| tr("post-former-learner"));
            view! {
                <li>
                    <a href=c.href(&r.link)>{format!("{} — {}", r.course_title, r.lesson_title)}</a>
                    <p>{r.excerpt.clone()}</p>
                    <p class="entry-byline">{author}", "{date(&r.created_at)}</p>
                </li>
            }
        })
        .collect_view();
    view! {
        <PageHeader title="unanswered-title" intro="unanswered-intro" />
        {empty}
        <ul class="unanswered">{items}</ul>
    }
}
