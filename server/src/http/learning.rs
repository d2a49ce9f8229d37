//! Learners' pages: the catalogue, courses, lessons with their quizzes,
//! marking lessons done, the dashboard and certificates.
//!
//! Nobody needs an account to learn: an anonymous visitor's progress is kept
//! against a random token in a cookie, set the first time they record
//! something, and merged into their account when they sign up or log in.

use crate::http::form::Form;
use app::Page;
use app::pages::learning::{
    CatalogueView, CourseCard, CourseFilters, CourseView, LessonView, Link, Progress, QuizView,
    SyllabusLesson, SyllabusModule, TocItem, TopicTag,
};
use axum::extract::{Path, Query, Request};
use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Redirect, Response};
use serde::Deserialize;
use store::learning::{self, CourseProgress, LearnerId, NewAttempt};
use tower::ServiceExt;

use super::render::{Ctx, PageResult};
use crate::error::AppError;
use crate::state::AppState;
use courses::catalogue::{Catalogue, CourseEntry};

fn set_cookie(state: &AppState, res: &mut Response, value: &str, max_age: u32) {
    let secure = state.settings.secure_cookies();
    let cookie = format!(
        "{}={value}; Path=/; Max-Age={max_age}; HttpOnly; SameSite=Lax{}",
        super::reader::learner_cookie_name(secure),
        if secure { "; Secure" } else { "" }
    );
    if let Ok(v) = HeaderValue::from_str(&cookie) {
        res.headers_mut().append(header::SET_COOKIE, v);
    }
}

/// Expires the anonymous learner's cookie (after its progress was merged).
pub fn forget_cookie(state: &AppState, res: &mut Response) {
    set_cookie(state, res, "", 0);
}

/// The learner of this request: the account's, or the anonymous visitor's.
/// With `create`, one is made for a visitor who has none yet, and the token
/// to set in their cookie is returned beside it.
pub(super) async fn learner(
    ctx: &Ctx,
    create: bool,
) -> Result<(Option<LearnerId>, Option<String>), AppError> {
    let db = &ctx.state.db;
    if let Some(user) = &ctx.user {
        let id = match (ctx.account_learner, create) {
            (Some(Some(id)), _) => Some(id),
            (Some(None), false) => None,
            (_, true) => Some(learning::for_user(db, user.id).await?),
            (None, false) => learning::existing_for_user(db, user.id).await?,
        };
        return Ok((id, None));
    }
    if let Some(token) = &ctx.learner_token
        && let Some(id) = learning::anonymous(db, token).await?
    {
        return Ok((Some(id), None));
    }
    if !create {
        return Ok((None, None));
    }
    let token = learning::new_token();
    let id = learning::create_anonymous(db, &token).await?;
    Ok((Some(id), Some(token)))
}

pub(super) fn passed(best: Option<&(i64, i64)>, pass_mark: u8) -> bool {
    best.is_some_and(|(s, t)| *t > 0 && s * 100 >= i64::from(pass_mark) * t)
}

/// All lessons done and every quiz passed.
pub(super) fn completed(course: &CourseEntry, p: &CourseProgress) -> bool {
    !course.lessons.is_empty()
        && course.lessons.iter().all(|l| p.done.contains(&l.id))
        && course
            .quiz_lessons()
            .all(|l| passed(p.best.get(&l.id), course.front.pass_mark))
}

pub(super) fn progress_of(course: &CourseEntry, p: &CourseProgress) -> Progress {
    Progress {
        done: course
            .lessons
            .iter()
            .filter(|l| p.done.contains(&l.id))
            .count(),
        total: course.lessons.len(),
    }
}

fn topic_tags(catalogue: &Catalogue, ids: &[String], lang: &str) -> Vec<TopicTag> {
    ids.iter()
        .filter_map(|id| catalogue.topics.get(id))
        .map(|c| TopicTag {
            id: c.id.clone(),
            label: c.label_in(lang).to_string(),
        })
        .collect()
}

pub(super) fn lesson_link(course: &CourseEntry, index: usize, lang: &str) -> Link {
    let l = &course.lessons[index];
    Link {
        path: l.path.clone(),
        title: l.version(lang, course.original()).1.title.clone(),
    }
}

pub(super) fn course_link(course: &CourseEntry, lang: &str) -> Link {
    Link {
        path: format!("/courses/{}", course.slug),
        title: course.text(lang).1.0.clone(),
    }
}

#[derive(Deserialize, Default)]
pub struct Filters {
    #[serde(default)]
    language: String,
    #[serde(default)]
    level: String,
    #[serde(default)]
    topic: String,
}

/// Whether the course is about `topic` or a narrower concept of it.
fn about(catalogue: &Catalogue, course: &CourseEntry, topic: &str) -> bool {
    course.front.topics.iter().any(|t| {
        let mut at = Some(t.as_str());
        let mut steps = 0;
        while let Some(id) = at {
            if id == topic {
                return true;
            }
            steps += 1;
            if steps > catalogue.topics.concepts.len() {
                break;
            }
            at = catalogue.topics.get(id).and_then(|c| c.broader.as_deref());
        }
        false
    })
}

pub async fn catalogue(ctx: Ctx, Query(f): Query<Filters>) -> PageResult {
    let catalogue = ctx.state.courses.get();
    let lang = ctx.lang().code();
    let (me, _) = learner(&ctx, false).await?;
    let mut languages: Vec<String> = Vec::new();
    let mut levels: Vec<String> = Vec::new();
    let mut topic_ids: Vec<String> = Vec::new();
    for c in &catalogue.courses {
        for l in c.languages() {
            if !languages.contains(&l) {
                languages.push(l);
            }
        }
        let level = level_name(c);
        if !levels.contains(&level) {
            levels.push(level);
        }
        for t in &c.front.topics {
            let mut at = catalogue.topics.get(t);
            // A filter by a broader concept finds its narrower ones too.
            while let Some(concept) = at {
                if !topic_ids.contains(&concept.id) {
                    topic_ids.push(concept.id.clone());
                }
                at = concept
                    .broader
                    .as_deref()
                    .and_then(|b| catalogue.topics.get(b));
            }
        }
    }
    languages.sort();
    levels.sort_by_key(|l| {
        ["beginner", "intermediate", "advanced"]
            .iter()
            .position(|x| x == l)
    });
    let mut topics = topic_tags(&catalogue, &topic_ids, lang);
    topics.sort_by_cached_key(|t| courses::quiz::fold(&t.label));

    let mut cards = Vec::new();
    for c in &catalogue.courses {
        let keep = (f.language.is_empty() || c.languages().contains(&f.language))
            && (f.level.is_empty() || level_name(c) == f.level)
            && (f.topic.is_empty() || about(&catalogue, c, &f.topic));
        if !keep {
            continue;
        }
        let progress = match me {
            Some(me) => {
                let p = learning::course_progress(&ctx.state.db, me, &c.slug).await?;
                (!p.done.is_empty() || p.last_visited.is_some()).then(|| progress_of(c, &p))
            }
            None => None,
        };
        let (shown, (title, summary, _)) = c.text(lang);
        cards.push(CourseCard {
            slug: c.slug.clone(),
            title: title.clone(),
            lang: shown.to_string(),
            summary: summary.clone(),
            level: level_name(c),
            minutes: c.minutes(),
            languages: c.languages(),
            topics: topic_tags(&catalogue, &c.front.topics, lang),
            lessons: c.lessons.len(),
            progress,
            cover: c.cover.as_ref().map(picture),
        });
    }
    Ok(ctx.show(Page::Courses(CatalogueView {
        courses: cards,
        filters: CourseFilters {
            language: f.language,
            level: f.level,
            topic: f.topic,
        },
        languages,
        levels,
        topics,
        all: catalogue.courses.len(),
    })))
}

fn level_name(c: &CourseEntry) -> String {
    c.front.level.as_str().to_string()
}

pub(super) async fn course_state(
    ctx: &Ctx,
    course: &CourseEntry,
    me: Option<LearnerId>,
) -> Result<CourseProgress, AppError> {
    match me {
        Some(me) => learning::course_progress(&ctx.state.db, me, &course.slug)
            .await
            .map_err(AppError::from),
        None => Ok(CourseProgress::default()),
    }
}

/// The account's certificate for the course, if issued.
pub(super) async fn certificate_of(ctx: &Ctx, course: &str) -> Result<Option<String>, AppError> {
    let Some(user) = &ctx.user else {
        return Ok(None);
    };
    let all = learning::certificates_of(&ctx.state.db, user.id).await?;
    Ok(all.into_iter().find(|c| c.course == course).map(|c| c.id))
}

pub async fn course(ctx: Ctx, Path((_lang, slug)): Path<(String, String)>) -> PageResult {
    let catalogue = ctx.state.courses.get();
    let course = catalogue.course(&slug).ok_or(AppError::NotFound)?;
    let lang = ctx.lang().code();
    let (me, _) = learner(&ctx, false).await?;
    let p = course_state(&ctx, course, me).await?;
    let (shown, (title, summary, intro)) = course.text(lang);
    let counts = discussion_counts(&ctx, &course.slug).await?;
    let modules = course
        .modules
        .iter()
        .enumerate()
        .map(|(mi, m)| {
            let (mtitle, msummary) = course.module_text(mi, lang);
            let lessons = course
                .lessons
                .iter()
                .enumerate()
                .filter(|(_, l)| l.module == mi)
                .map(|(i, l)| SyllabusLesson {
                    link: lesson_link(course, i, lang),
                    minutes: l.version(lang, course.original()).1.minutes,
                    has_quiz: l.has_quiz(),
                    done: p.done.contains(&l.id),
                    best: p.best.get(&l.id).copied(),
                    passed: passed(p.best.get(&l.id), course.front.pass_mark),
                    unanswered: counts.get(&l.id).map_or(0, |c| c.unanswered),
                })
                .collect();
            SyllabusModule {
                id: format!("module-{}", m.slug),
                title: mtitle,
                summary: msummary,
                lessons,
            }
        })
        .collect();
    let resume = p
        .last_visited
        .as_deref()
        .and_then(|id| course.lessons.iter().position(|l| l.id == id))
        .map(|i| lesson_link(course, i, lang));
    let view = CourseView {
        slug: course.slug.clone(),
        title: title.clone(),
        summary: summary.clone(),
        lang: shown.to_string(),
        original: course.original().to_string(),
        languages: course.languages(),
        intro_html: intro.clone(),
        authors: course.front.authors.clone(),
        licence: course.front.licence.clone(),
        level: level_name(course),
        minutes: course.minutes(),
        pass_mark: course.front.pass_mark,
        topics: topic_tags(&catalogue, &course.front.topics, lang),
        modules,
        progress: progress_of(course, &p),
        start: if course.lessons.is_empty() {
            course_link(course, lang)
        } else {
            lesson_link(course, 0, lang)
        },
        resume,
        completed: completed(course, &p),
        certificate: certificate_of(&ctx, &course.slug).await?,
        cover: course.cover.as_ref().map(picture),
    };
    Ok(ctx.show(Page::Course(view)))
}

#[derive(Deserialize, Default)]
pub struct LessonQuery {
    #[serde(default)]
    retry: Option<String>,
}

type LessonPath = Path<(String, String, String, String)>;

/// The discussion counts of a course's lessons, the same for every reader:
/// kept with the page cache's fragments until a discussion changes, so a
/// signed-in lesson does not ask SQL for them each time.
async fn discussion_counts(
    ctx: &Ctx,
    course: &str,
) -> Result<std::sync::Arc<std::collections::HashMap<String, store::discussions::Counts>>, AppError>
{
    let db = ctx.state.db.clone();
    let slug = course.to_string();
    super::cache::shared_fragment(
        &ctx.state,
        format!("discussion-counts:{course}"),
        crate::page_cache::Deps::DISCUSSIONS,
        async move { store::discussions::counts(&db, &slug).await },
    )
    .await
    .map_err(AppError::from)
}

fn lesson_path(course: &str, module: &str, lesson: &str) -> String {
    format!("/courses/{course}/{module}/{lesson}")
}

pub async fn lesson(
    ctx: Ctx,
    Path((_lang, course_slug, module, slug)): LessonPath,
    Query(q): Query<LessonQuery>,
) -> PageResult {
    let catalogue = ctx.state.courses.get();
    let course = catalogue.course(&course_slug).ok_or(AppError::NotFound)?;
    let path = lesson_path(&course_slug, &module, &slug);
    let (index, entry) = course.lesson_by_path(&path).ok_or(AppError::NotFound)?;
    let lang = ctx.lang().code();
    let (shown, page) = entry.version(lang, course.original());
    // Visits are recorded for accounts, and for visitors who already started;
    // the lesson opened last, opened again within a minute (a reload), is
    // not written again.
    let (me, _) = learner(&ctx, ctx.user.is_some()).await?;
    let p = course_state(&ctx, course, me).await?;
    let minute_ago =
        store::format_time(time::OffsetDateTime::now_utc() - time::Duration::minutes(1));
    let reload = p.last_visited.as_deref() == Some(entry.id.as_str())
        && p.last_visited_at
            .as_deref()
            .is_some_and(|at| at > minute_ago.as_str());
    if let Some(me) = me
        && !reload
    {
        learning::visit(&ctx.state.db, me, &course.slug, &entry.id).await?;
    }
    let quiz = match &page.quiz {
        Some(quiz) => {
            let attempts: Vec<_> = p
                .attempts
                .iter()
                .filter(|a| a.lesson == entry.id)
                .cloned()
                .collect();
            let last = attempts.first().filter(|_| q.retry.is_none());
            let given: Option<Vec<(String, String)>> =
                last.and_then(|a| serde_json::from_str(&a.answers).ok());
            let score = given.as_ref().map(|g| courses::quiz::form::score(quiz, g));
            Some(QuizView {
                questions: views::quiz::views(quiz, &entry.id, given.as_deref()),
                passed: passed(score.as_ref(), course.front.pass_mark),
                score,
                pass_mark: course.front.pass_mark,
                attempts: attempts.len(),
                best: p.best.get(&entry.id).copied(),
            })
        }
        None => None,
    };
    let (module_title, _) = course.module_text(entry.module, lang);
    let view = LessonView {
        course: course_link(course, lang),
        module_title,
        path: entry.path.clone(),
        title: page.title.clone(),
        summary: page.summary.clone(),
        lang: shown.to_string(),
        languages: entry.versions.keys().cloned().collect(),
        html: page.html.clone(),
        toc: page
            .toc
            .iter()
            .map(|t| TocItem {
                level: t.level,
                id: t.id.clone(),
                text: t.text.clone(),
            })
            .collect(),
        minutes: page.minutes,
        position: (index + 1, course.lessons.len()),
        prev: index.checked_sub(1).map(|i| lesson_link(course, i, lang)),
        next: (index + 1 < course.lessons.len()).then(|| lesson_link(course, index + 1, lang)),
        done: p.done.contains(&entry.id),
        quiz,
        discussion: {
            let counts = discussion_counts(&ctx, &course.slug).await?;
            let c = counts.get(&entry.id).copied().unwrap_or_default();
            (c.threads, c.unanswered)
        },
        progress: progress_of(course, &p),
    };
    Ok(ctx.show(Page::Lesson(view)))
}

/// Redirects after a learner's write, setting the anonymous cookie if new.
fn after_write(ctx: &Ctx, to: &str, token: Option<String>) -> Response {
    let mut res = Redirect::to(to).into_response();
    if let Some(token) = token {
        set_cookie(&ctx.state, &mut res, &token, 365 * 24 * 3600);
    }
    res
}

#[derive(Deserialize)]
pub struct DoneForm {
    #[serde(default)]
    done: String,
}

pub async fn mark_done(
    ctx: Ctx,
    Path((_lang, course_slug, module, slug)): LessonPath,
    Form(form): Form<DoneForm>,
) -> PageResult {
    let catalogue = ctx.state.courses.get();
    let course = catalogue.course(&course_slug).ok_or(AppError::NotFound)?;
    let path = lesson_path(&course_slug, &module, &slug);
    let (_, entry) = course.lesson_by_path(&path).ok_or(AppError::NotFound)?;
    let done = match form.done.as_str() {
        "true" => true,
        "false" => false,
        _ => return Err(AppError::BadRequest("done must be true or false".into())),
    };
    let (me, token) = learner(&ctx, true).await?;
    let me = me.ok_or(AppError::NotFound)?;
    learning::set_done(&ctx.state.db, me, &course.slug, &entry.id, done).await?;
    let p = learning::course_progress(&ctx.state.db, me, &course.slug).await?;
    // Done with the last lesson of a finished course: show the course.
    let to = if done && completed(course, &p) {
        format!(
            "{}#progress",
            ctx.href(&format!("/courses/{}", course.slug))
        )
    } else {
        format!("{}#progress", ctx.href(&path))
    };
    Ok(after_write(&ctx, &to, token))
}

pub async fn answer_quiz(
    ctx: Ctx,
    Path((_lang, course_slug, module, slug)): LessonPath,
    Form(form): Form<Vec<(String, String)>>,
) -> PageResult {
    let catalogue = ctx.state.courses.get();
    let course = catalogue.course(&course_slug).ok_or(AppError::NotFound)?;
    let path = lesson_path(&course_slug, &module, &slug);
    let (_, entry) = course.lesson_by_path(&path).ok_or(AppError::NotFound)?;
    let lang = ctx.lang().code();
    let (shown, page) = entry.version(lang, course.original());
    let quiz = page.quiz.as_ref().ok_or(AppError::NotFound)?;
    let fields = courses::quiz::form::quiz_fields(form)
        .ok_or_else(|| AppError::BadRequest("too many quiz fields".into()))?;
    let (score, total) = courses::quiz::form::score(quiz, &fields);
    let answers = serde_json::to_string(&fields).map_err(AppError::internal)?;
    let (me, token) = learner(&ctx, true).await?;
    let me = me.ok_or(AppError::NotFound)?;
    learning::record_attempt(
        &ctx.state.db,
        me,
        &NewAttempt {
            course: &course.slug,
            lesson: &entry.id,
            language: shown,
            score,
            total,
            answers: &answers,
        },
    )
    .await?;
    Ok(after_write(
        &ctx,
        &format!("{}#quiz-result", ctx.href(&path)),
        token,
    ))
}

/// Files beside lessons (images, PDFs): served from the content folder, for
/// lessons' own folders only; Markdown sources and hidden files are not.
pub async fn course_file(
    axum::extract::State(state): axum::extract::State<AppState>,
    Path(path): Path<String>,
    req: Request,
) -> Response {
    let safe = path.starts_with("courses/")
        && path.split('/').all(|part| {
            !part.is_empty() && !part.starts_with('.') && part != ".." && !part.contains('\\')
        })
        && !path.ends_with(".md");
    if !safe {
        return StatusCode::NOT_FOUND.into_response();
    }
    let file = state.courses.root().join(&path);
    match tower_http::services::ServeFile::new(file)
        .oneshot(req)
        .await
    {
        Ok(mut res) => {
            res.headers_mut().insert(
                header::CACHE_CONTROL,
                HeaderValue::from_static("public, max-age=3600"),
            );
            res.into_response()
        }
        Err(never) => match never {},
    }
}

/// A course cover as the page shows it.
fn picture(p: &courses::catalogue::Picture) -> app::pages::learning::Picture {
    app::pages::learning::Picture {
        src: p.src.clone(),
        srcset: p.srcset.clone(),
        width: p.width,
        height: p.height,
    }
}
