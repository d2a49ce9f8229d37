//! A lesson's discussion: reading it (anyone), asking, commenting and
//! replying (verified accounts), editing and deleting one's own posts,
//! reporting (anyone signed in), and the course moderators' actions on a
//! post (accept, pin, approve, hide, restore, remove, dismiss reports).

use std::sync::Arc;

use app::Page;
use app::page::{DiscussionView, FormState, PostEditView, Posting};
use axum::extract::{Path, Query};
use axum::http::StatusCode;
use courses::catalogue::Catalogue;
use serde::{Deserialize, Serialize};
use store::StoreError;
use store::authz::{self, Action};
use store::discussions::{self, Filter, Place, Post, PostKind, Writing, moderation};

use super::form::{Form, refill};
use super::render::{Ctx, PageResult};
use crate::error::AppError;

type LessonPath = Path<(String, String, String, String)>;

/// Where a lesson's discussion is, and what it is called.
struct Located {
    place: Place,
    course_title: String,
}

/// The lesson `lesson_id` of `course` in the reader's language.
fn locate(catalogue: &Catalogue, course: &str, lesson_id: &str, lang: &str) -> Option<Located> {
    let c = catalogue.course(course)?;
    let entry = c.lesson_by_id(lesson_id)?;
    let (_, page) = entry.version(lang, c.original());
    let (_, (course_title, _, _)) = c.text(lang);
    Some(Located {
        place: Place {
            course: c.slug.clone(),
            lesson: entry.id.clone(),
            lang: lang.to_string(),
            title: page.title.clone(),
            path: entry.path.clone(),
        },
        course_title: course_title.clone(),
    })
}

fn locate_path(
    catalogue: &Catalogue,
    (course, module, lesson): (&str, &str, &str),
    lang: &str,
) -> Option<Located> {
    let c = catalogue.course(course)?;
    let (_, entry) = c.lesson_by_path(&format!("/courses/{course}/{module}/{lesson}"))?;
    locate(catalogue, course, &entry.id.clone(), lang)
}

/// The post `id` with the place of its lesson.
async fn post_and_place(ctx: &Ctx, id: i64) -> Result<(Post, Located, Arc<Catalogue>), AppError> {
    let post = match discussions::get(&ctx.state.db, id).await {
        Ok(p) => p,
        Err(StoreError::NotFound) => return Err(AppError::NotFound),
        Err(e) => return Err(e.into()),
    };
    let catalogue = ctx.state.courses.get();
    let located = locate(&catalogue, &post.course, &post.lesson, ctx.lang().code())
        .ok_or(AppError::NotFound)?;
    Ok((post, located, catalogue))
}

/// What the reader may do in `course`'s discussions.
async fn reader(ctx: &Ctx, course: &str) -> Result<views::discussion::Reader, AppError> {
    let actor = ctx.actor().await?;
    Ok(views::discussion::Reader {
        user_id: ctx.user.as_ref().map(|u| u.id),
        may_post: authz::can(actor.as_ref(), Action::Post),
        moderates: authz::can_moderate_course(actor.as_ref(), course),
    })
}

#[derive(Deserialize, Default)]
pub struct DiscussionQuery {
    #[serde(default)]
    filter: Option<String>,
    #[serde(default)]
    page: Option<i64>,
}

/// The discussion page's view, with `form` shown again after a refusal.
async fn view(
    ctx: &Ctx,
    catalogue: &Catalogue,
    located: &Located,
    q: &DiscussionQuery,
) -> Result<DiscussionView, AppError> {
    let reader = reader(ctx, &located.place.course).await?;
    let filter = match q.filter.as_deref() {
        Some("unanswered") => Filter::Unanswered,
        _ => Filter::Newest,
    };
    let page = q.page.unwrap_or(1).max(1);
    let (threads, total) = discussions::threads(
        &ctx.state.db,
        &located.place.lesson,
        filter,
        discussions::Reader {
            user_id: reader.user_id,
            moderates: reader.moderates,
        },
        page,
    )
    .await?;
    let now = store::format_time(time::OffsetDateTime::now_utc());
    let posting = match (&ctx.user, reader.may_post) {
        (None, _) => Posting::SignIn,
        (Some(_), false) => Posting::Verify,
        (Some(_), true) => Posting::Allowed,
    };
    Ok(DiscussionView {
        course_title: located.course_title.clone(),
        lesson_title: located.place.title.clone(),
        lesson_path: located.place.path.clone(),
        threads: threads
            .iter()
            .map(|t| views::discussion::thread(catalogue, ctx.lang(), t, &reader, &now))
            .collect(),
        filter: if filter == Filter::Unanswered {
            "unanswered".into()
        } else {
            "newest".into()
        },
        page,
        pages: (total + discussions::THREADS_PER_PAGE - 1) / discussions::THREADS_PER_PAGE,
        total,
        posting,
        moderates: reader.moderates,
    })
}

/// `GET /{lang}/courses/{course}/{module}/{lesson}/discussion`.
pub async fn page(
    ctx: Ctx,
    Path((_, course, module, lesson)): LessonPath,
    Query(q): Query<DiscussionQuery>,
) -> PageResult {
    let catalogue = ctx.state.courses.get();
    let located = locate_path(&catalogue, (&course, &module, &lesson), ctx.lang().code())
        .ok_or(AppError::NotFound)?;
    let view = view(&ctx, &catalogue, &located, &q).await?;
    Ok(ctx.show(Page::Discussion(view)))
}

#[derive(Deserialize, Serialize, Default)]
pub struct PostForm {
    #[serde(default)]
    kind: String,
    #[serde(default)]
    body: String,
    /// The thread a reply answers (reply forms only).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    parent: Option<i64>,
}

/// Writes a post or shows the discussion again with what is wrong.
async fn write(
    ctx: Ctx,
    catalogue: &Catalogue,
    located: Located,
    form: PostForm,
    kind: PostKind,
) -> PageResult {
    let user = ctx.require_user()?;
    let actor = ctx.actor().await?;
    if !authz::can(actor.as_ref(), Action::Post) {
        return Err(AppError::Forbidden);
    }
    let mut errors = discussions::check_body(&form.body);
    if errors.is_empty() && !views::discussion::unknown_links(catalogue, &form.body).is_empty() {
        errors.push(store::FieldError::new("body", "post-link-unknown"));
    }
    let result = if errors.is_empty() {
        let writing = Writing {
            author: &user,
            trusted: authz::can_moderate_course(actor.as_ref(), &located.place.course),
            kind,
            parent: form.parent,
            body: &form.body,
        };
        discussions::create(&ctx.state.db, &located.place, &writing).await
    } else {
        Err(StoreError::Invalid(errors))
    };
    let discussion = format!("{}/discussion", located.place.path);
    match result {
        Ok(post) => {
            let flash = if post.status == discussions::PostStatus::Pending {
                "flash-post-pending"
            } else {
                "flash-post-created"
            };
            tracing::info!(post = post.id, user = user.id, "post written");
            ctx.redirect_with(&format!("{discussion}#post-{}", post.id), flash)
                .await
        }
        Err(StoreError::Invalid(errors)) => {
            let which = if form.parent.is_some() {
                "reply"
            } else {
                "post"
            };
            let mut state: FormState = refill(which, &form, &errors);
            if let Some(parent) = form.parent {
                state.values.insert("parent".into(), parent.to_string());
            }
            let view = view(&ctx, catalogue, &located, &DiscussionQuery::default()).await?;
            let status = if errors.iter().any(|e| e.code == "post-rate-limited") {
                StatusCode::TOO_MANY_REQUESTS
            } else {
                StatusCode::UNPROCESSABLE_ENTITY
            };
            Ok(ctx.show_with(Page::Discussion(view), status, Some(state)))
        }
        Err(e) => Err(e.into()),
    }
}

/// `POST /{lang}/courses/{course}/{module}/{lesson}/discussion`: a question
/// or a comment.
pub async fn create(
    ctx: Ctx,
    Path((_, course, module, lesson)): LessonPath,
    Form(mut form): Form<PostForm>,
) -> PageResult {
    let catalogue = ctx.state.courses.get();
    let located = locate_path(&catalogue, (&course, &module, &lesson), ctx.lang().code())
        .ok_or(AppError::NotFound)?;
    form.parent = None;
    let kind = if form.kind == "comment" {
        PostKind::Comment
    } else {
        PostKind::Question
    };
    write(ctx, &catalogue, located, form, kind).await
}

#[derive(Deserialize, Serialize, Default)]
pub struct BodyForm {
    #[serde(default)]
    body: String,
}

/// `POST /{lang}/discussion/posts/{id}/reply`.
pub async fn reply(
    ctx: Ctx,
    Path((_, id)): Path<(String, i64)>,
    Form(form): Form<BodyForm>,
) -> PageResult {
    let (parent, located, catalogue) = post_and_place(&ctx, id).await?;
    let form = PostForm {
        kind: "reply".into(),
        body: form.body,
        parent: Some(parent.id),
    };
    write(ctx, &catalogue, located, form, PostKind::Reply).await
}

/// The post `id`, if the signed-in person wrote it.
async fn own_post(ctx: &Ctx, id: i64) -> Result<(Post, Located, Arc<Catalogue>), AppError> {
    ctx.require_user()?;
    let (post, located, catalogue) = post_and_place(ctx, id).await?;
    ctx.authorize(Action::EditPost {
        author_id: post.author_id,
    })
    .await?;
    Ok((post, located, catalogue))
}

/// `GET /{lang}/discussion/posts/{id}/edit`.
pub async fn edit_form(ctx: Ctx, Path((_, id)): Path<(String, i64)>) -> PageResult {
    let (post, located, _) = own_post(&ctx, id).await?;
    Ok(ctx.show(Page::PostEdit(PostEditView {
        id: post.id,
        source: post.body,
        lesson_title: located.place.title.clone(),
        back: format!("{}/discussion#post-{id}", located.place.path),
    })))
}

/// `POST /{lang}/discussion/posts/{id}/edit`: within the edit window.
pub async fn edit(
    ctx: Ctx,
    Path((_, id)): Path<(String, i64)>,
    Form(form): Form<BodyForm>,
) -> PageResult {
    let (post, located, catalogue) = own_post(&ctx, id).await?;
    let back = format!("{}/discussion#post-{id}", located.place.path);
    let result = if views::discussion::unknown_links(&catalogue, &form.body).is_empty() {
        discussions::edit(&ctx.state.db, &post, &form.body).await
    } else {
        Err(StoreError::invalid("body", "post-link-unknown"))
    };
    match result {
        Ok(_) => ctx.redirect_with(&back, "flash-post-edited").await,
        Err(StoreError::Invalid(errors)) => {
            let view = PostEditView {
                id: post.id,
                source: post.body.clone(),
                lesson_title: located.place.title.clone(),
                back,
            };
            Ok(ctx.invalid(Page::PostEdit(view), "edit", &form, &errors))
        }
        Err(e) => Err(e.into()),
    }
}

/// `POST /{lang}/discussion/posts/{id}/delete`.
pub async fn delete(ctx: Ctx, Path((_, id)): Path<(String, i64)>) -> PageResult {
    let (post, located, _) = own_post(&ctx, id).await?;
    discussions::delete_own(&ctx.state.db, &post).await?;
    let back = format!("{}/discussion#post-{id}", located.place.path);
    ctx.redirect_with(&back, "flash-post-deleted").await
}

#[derive(Deserialize, Default)]
pub struct ReportForm {
    #[serde(default)]
    reason: String,
}

/// `POST /{lang}/discussion/posts/{id}/report`.
pub async fn report(
    ctx: Ctx,
    Path((_, id)): Path<(String, i64)>,
    Form(form): Form<ReportForm>,
) -> PageResult {
    let user = ctx.require_user()?;
    ctx.authorize(Action::ReportPost).await?;
    let (post, located, _) = post_and_place(&ctx, id).await?;
    let back = format!("{}/discussion#post-{id}", located.place.path);
    match moderation::report(&ctx.state.db, user.id, &post, &form.reason).await {
        Ok(()) => ctx.redirect_with(&back, "flash-post-reported").await,
        Err(StoreError::Invalid(errors)) => {
            let code = errors.first().map_or("note-required", |e| e.code);
            let flash = if code == "note-too-long" {
                "error-note-too-long"
            } else {
                "error-note-required"
            };
            ctx.redirect_with(&back, flash).await
        }
        Err(e) => Err(e.into()),
    }
}

#[derive(Deserialize, Default)]
pub struct ModerateForm {
    #[serde(default)]
    action: String,
    #[serde(default)]
    note: String,
    /// `queue` when sent from the moderators' page.
    #[serde(default)]
    back: String,
}

/// `POST /{lang}/discussion/posts/{id}/moderate`: the course's moderators.
pub async fn moderate(
    ctx: Ctx,
    Path((_, id)): Path<(String, i64)>,
    Form(form): Form<ModerateForm>,
) -> PageResult {
    let user = ctx.require_user()?;
    let (post, located, _) = post_and_place(&ctx, id).await?;
    let actor = ctx.actor().await?;
    if !authz::can_moderate_course(actor.as_ref(), &post.course) {
        return Err(AppError::Forbidden);
    }
    let action = moderation::Action::parse(&form.action)
        .ok_or_else(|| AppError::BadRequest("unknown moderation action".into()))?;
    let db = &ctx.state.db;
    let place = &located.place;
    let done = match action {
        moderation::Action::Accept | moderation::Action::Unaccept => {
            let question_id = post.parent_id.ok_or_else(|| {
                AppError::BadRequest("only a reply is accepted as an answer".into())
            })?;
            let question = discussions::get(db, question_id).await?;
            let reply = (action == moderation::Action::Accept).then_some(&post);
            moderation::accept(db, user.id, &question, reply, place).await
        }
        moderation::Action::Pin | moderation::Action::Unpin => {
            moderation::pin(db, user.id, &post, action == moderation::Action::Pin).await
        }
        _ => moderation::moderate(db, user.id, &post, action, &form.note, place).await,
    };
    let back = if form.back == "queue" {
        "/discussion/moderation".to_string()
    } else {
        format!("{}/discussion#post-{id}", place.path)
    };
    match done {
        Ok(()) => {
            tracing::info!(
                post = id,
                moderator = user.id,
                action = action.as_str(),
                "post moderated"
            );
            ctx.redirect_with(&back, "flash-post-moderated").await
        }
        Err(StoreError::Invalid(errors)) => {
            let flash = match errors.first().map(|e| e.code) {
                Some("note-required") => "error-note-required",
                Some("note-too-long") => "error-note-too-long",
                _ => "error-post-state-changed",
            };
            ctx.redirect_with(&back, flash).await
        }
        Err(e) => Err(e.into()),
    }
}
