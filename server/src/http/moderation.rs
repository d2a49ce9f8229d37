//! The moderators' side of discussions: the queue of held and reported
//! posts with the history of actions, each course's setting "posts wait for
//! approval", and the list of unanswered questions of the courses one
//! moderates.

use app::Page;
use app::page::{CourseModeration, ModerationRow, ModerationView, QueueItemView, UnansweredRow};
use serde::Deserialize;
use store::authz::{self, Action, Actor};
use store::discussions::{self, moderation};

use super::form::Form;
use super::render::{Ctx, PageResult};
use crate::error::AppError;

/// The reader, and the courses whose discussions they moderate (`None`:
/// all of them); forbidden when none.
async fn moderated(ctx: &Ctx) -> Result<(Actor, Option<Vec<String>>), AppError> {
    ctx.require_user()?;
    let Some(actor) = ctx.actor().await? else {
        return Err(AppError::LoginRequired);
    };
    if authz::can(Some(&actor), Action::ModerateAllDiscussions) {
        return Ok((actor, None));
    }
    let courses: Vec<String> = actor
        .author_of
        .iter()
        .filter(|c| authz::can_moderate_course(Some(&actor), c))
        .cloned()
        .collect();
    if courses.is_empty() {
        return Err(AppError::Forbidden);
    }
    Ok((actor, Some(courses)))
}

/// A lesson's title and its discussion's path, by content id.
fn lesson_of(ctx: &Ctx, course: &str, lesson: &str) -> (String, String) {
    let catalogue = ctx.state.courses.get();
    catalogue
        .course(course)
        .and_then(|c| {
            let entry = c.lesson_by_id(lesson)?;
            let (_, page) = entry.version(ctx.lang().code(), c.original());
            Some((page.title.clone(), format!("{}/discussion", entry.path)))
        })
        .unwrap_or_else(|| (lesson.to_string(), format!("/courses/{course}")))
}

/// `GET /{lang}/discussion/moderation`.
pub async fn queue(ctx: Ctx) -> PageResult {
    let (actor, courses) = moderated(&ctx).await?;
    let db = &ctx.state.db;
    let catalogue = ctx.state.courses.get();
    let reader = views::discussion::Reader {
        user_id: ctx.user.as_ref().map(|u| u.id),
        may_post: false,
        moderates: true,
    };
    let now = store::format_time(time::OffsetDateTime::now_utc());
    let queue = moderation::queue(db, courses.as_deref())
        .await?
        .into_iter()
        .map(|w| {
            let (lesson_title, path) = lesson_of(&ctx, &w.post.course, &w.post.lesson);
            let mut post =
                views::discussion::post(&catalogue, ctx.lang(), &w.post, &reader, &now, None);
            post.can_accept = false;
            post.in_queue = true;
            QueueItemView {
                link: format!("{path}#post-{}", w.post.id),
                lesson_title,
                post,
                reports: w
                    .reports
                    .into_iter()
                    .map(|r| (r.reason, r.created_at))
                    .collect(),
            }
        })
        .collect();
    let history = moderation::history(db, courses.as_deref(), 50)
        .await?
        .into_iter()
        .map(|e| {
            let (_, path) = lesson_of(&ctx, &e.course, &e.lesson);
            ModerationRow {
                moderator: e.moderator.unwrap_or_default(),
                action: e.action.as_str().to_string(),
                post_id: e.post_id,
                note: e.note,
                created_at: e.created_at,
                link: format!("{path}#post-{}", e.post_id),
            }
        })
        .collect();
    let manage_authors = authz::can(Some(&actor), Action::ManageCourseAuthors);
    let mut settings = Vec::new();
    for c in &catalogue.courses {
        if courses.as_ref().is_none_or(|list| list.contains(&c.slug)) {
            let (_, (title, _, _)) = c.text(ctx.lang().code());
            let authors = if manage_authors {
                moderation::authors(db, &c.slug)
                    .await?
                    .into_iter()
                    .map(|a| (a.id, a.display_name, a.from_content))
                    .collect()
            } else {
                Vec::new()
            };
            settings.push(CourseModeration {
                slug: c.slug.clone(),
                title: title.clone(),
                premoderated: moderation::premoderated(db, &c.slug).await?,
                authors,
                manage_authors,
            });
        }
    }
    Ok(ctx.show(Page::Moderation(ModerationView {
        queue,
        history,
        courses: settings,
    })))
}

#[derive(Deserialize, Default)]
pub struct SettingsForm {
    #[serde(default)]
    course: String,
    /// `off` always, and `on` when the box is ticked.
    #[serde(default)]
    premoderation: Vec<String>,
}

/// `POST /{lang}/discussion/moderation/settings`.
pub async fn settings(ctx: Ctx, Form(form): Form<SettingsForm>) -> PageResult {
    ctx.require_user()?;
    let actor = ctx.actor().await?;
    if ctx.state.courses.get().course(&form.course).is_none() {
        return Err(AppError::NotFound);
    }
    if !authz::can_moderate_course(actor.as_ref(), &form.course) {
        return Err(AppError::Forbidden);
    }
    let on = form.premoderation.iter().any(|v| v == "on");
    moderation::set_premoderation(&ctx.state.db, &form.course, on).await?;
    ctx.redirect_with("/discussion/moderation", "flash-moderation-saved")
        .await
}

/// `GET /{lang}/discussion/unanswered`.
pub async fn unanswered(ctx: Ctx) -> PageResult {
    let courses = match moderated(&ctx).await?.1 {
        Some(list) => list,
        None => ctx
            .state
            .courses
            .get()
            .courses
            .iter()
            .map(|c| c.slug.clone())
            .collect(),
    };
    let catalogue = ctx.state.courses.get();
    let rows = discussions::unanswered(&ctx.state.db, &courses)
        .await?
        .into_iter()
        .map(|p| {
            let (lesson_title, path) = lesson_of(&ctx, &p.course, &p.lesson);
            let course_title = catalogue
                .course(&p.course)
                .map(|c| c.text(ctx.lang().code()).1.0.clone())
                .unwrap_or_default();
            UnansweredRow {
                course_title,
                lesson_title,
                link: format!("{path}#post-{}", p.id),
                author: p.author_name.clone(),
                created_at: p.created_at.clone(),
                excerpt: views::library::excerpt(&p.body),
            }
        })
        .collect();
    Ok(ctx.show(Page::Unanswered(rows)))
}

#[derive(Deserialize, Default)]
pub struct AuthorsForm {
    #[serde(default)]
    course: String,
    #[serde(default)]
    email: String,
    /// The account to remove; otherwise the address is added.
    #[serde(default)]
    remove: Option<i64>,
}

/// `POST /{lang}/discussion/moderation/authors`: administrators choose the
/// accounts who author a course (they moderate its discussions and hear of
/// its new questions).
pub async fn authors(ctx: Ctx, Form(form): Form<AuthorsForm>) -> PageResult {
    ctx.authorize(Action::ManageCourseAuthors).await?;
    if ctx.state.courses.get().course(&form.course).is_none() {
        return Err(AppError::NotFound);
    }
    let db = &ctx.state.db;
    if let Some(id) = form.remove {
        moderation::remove_author(db, &form.course, id).await?;
    } else {
        let Some(user) = store::users::find_by_email(db, &form.email).await? else {
            return ctx
                .redirect_with("/discussion/moderation", "error-account-unknown")
                .await;
        };
        moderation::add_author(db, &form.course, user.id).await?;
    }
    ctx.redirect_with("/discussion/moderation", "flash-authors-saved")
        .await
}
