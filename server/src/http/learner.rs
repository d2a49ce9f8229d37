//! A learner's own pages: the dashboard of their courses and quiz history,
//! and certificates (claimed by an account once a course is complete, then
//! public at an unguessable address).

use app::Page;
use app::pages::learning::{AttemptRow, CertificateView, DashboardCourse, DashboardView, Link};
use axum::extract::Path;
use store::learning::{self, NewCertificate};

use super::learning::{
    certificate_of, completed, course_link, course_state, learner, lesson_link, passed, progress_of,
};
use super::render::{Ctx, PageResult};
use crate::error::AppError;

pub async fn claim_certificate(
    ctx: Ctx,
    Path((_lang, slug)): Path<(String, String)>,
) -> PageResult {
    let user = ctx.require_user()?;
    let catalogue = ctx.state.courses.get();
    let course = catalogue.course(&slug).ok_or(AppError::NotFound)?;
    let (me, _) = learner(&ctx, true).await?;
    let p = course_state(&ctx, course, me).await?;
    if !completed(course, &p) {
        return ctx
            .redirect_with(&format!("/courses/{slug}"), "flash-course-not-completed")
            .await;
    }
    let lang = ctx.lang().code();
    let (shown, (title, _, _)) = course.text(lang);
    let cert = learning::issue_certificate(
        &ctx.state.db,
        &NewCertificate {
            user_id: user.id,
            course: &course.slug,
            holder_name: &user.display_name,
            course_title: title,
            language: shown,
        },
    )
    .await?;
    tracing::info!(user = user.id, course = %course.slug, "certificate issued");
    ctx.redirect_with(
        &format!("/certificates/{}", cert.id),
        "flash-certificate-issued",
    )
    .await
}

pub async fn certificate(ctx: Ctx, Path((_lang, id)): Path<(String, String)>) -> PageResult {
    let cert = learning::certificate(&ctx.state.db, &id).await?;
    let cert = cert.ok_or(AppError::NotFound)?;
    let url = format!(
        "{}{}",
        ctx.state.settings.public_url(),
        ctx.href(&format!("/certificates/{}", cert.id))
    );
    let view = CertificateView {
        mine: ctx.user.as_ref().is_some_and(|u| u.id == cert.user_id),
        id: cert.id,
        holder: cert.holder_name,
        course: Link {
            path: format!("/courses/{}", cert.course),
            title: cert.course_title,
        },
        issued_at: cert.issued_at,
        url,
    };
    Ok(ctx.show(Page::Certificate(view)))
}

pub async fn dashboard(ctx: Ctx) -> PageResult {
    let catalogue = ctx.state.courses.get();
    let lang = ctx.lang().code();
    let (me, _) = learner(&ctx, false).await?;
    let mut courses = Vec::new();
    let mut attempts = Vec::new();
    if let Some(me) = me {
        let db = &ctx.state.db;
        for activity in learning::courses(db, me).await? {
            let Some(course) = catalogue.course(&activity.course) else {
                continue;
            };
            let p = learning::course_progress(db, me, &course.slug).await?;
            let resume = course
                .lessons
                .iter()
                .position(|l| l.id == activity.last_lesson)
                .map(|i| lesson_link(course, i, lang));
            courses.push(DashboardCourse {
                course: course_link(course, lang),
                progress: progress_of(course, &p),
                resume,
                completed: completed(course, &p),
                certificate: certificate_of(&ctx, &course.slug).await?,
            });
            for a in learning::attempts(db, me, Some(&course.slug))
                .await?
                .into_iter()
                .take(50)
            {
                let Some(i) = course.lessons.iter().position(|l| l.id == a.lesson) else {
                    continue;
                };
                let best = p.best.get(&a.lesson).copied().unwrap_or((a.score, a.total));
                attempts.push(AttemptRow {
                    lesson: lesson_link(course, i, lang),
                    course_title: course.text(lang).1.0.clone(),
                    score: a.score,
                    total: a.total,
                    passed: passed(Some(&best), course.front.pass_mark),
                    best,
                    at: a.created_at,
                });
            }
        }
    }
    attempts.sort_by(|a, b| b.at.cmp(&a.at));
    attempts.truncate(50);
    let anonymous = ctx.user.is_none();
    Ok(ctx.show(Page::Dashboard(DashboardView {
        courses,
        attempts,
        anonymous,
    })))
}
