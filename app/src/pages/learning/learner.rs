//! The learner's own pages: the dashboard of their courses and quiz history,
//! and the public certificate page.

use leptos::prelude::*;

use super::courses::ProgressBar;
use crate::pages::learning::{CertificateView, DashboardView};
use crate::pages::{PageHeader, data_table};
use crate::{ctx, i18n, tr};

const MONTHS: [&str; 12] = [
    "month-1", "month-2", "month-3", "month-4", "month-5", "month-6", "month-7", "month-8",
    "month-9", "month-10", "month-11", "month-12",
];

/// The date part of an RFC 3339 time, in the page's language.
fn date(lang: crate::Lang, rfc3339: &str) -> String {
    let day = rfc3339.get(..10).unwrap_or(rfc3339);
    let mut parts = day.split('-');
    let (Some(y), Some(m), Some(d)) = (parts.next(), parts.next(), parts.next()) else {
        return day.to_string();
    };
    let month = m.parse::<usize>().unwrap_or(1).clamp(1, 12);
    i18n::t_args(
        lang,
        "date-long",
        &[
            ("day", d.trim_start_matches('0').to_string()),
            ("month", i18n::t(lang, MONTHS[month - 1])),
            ("year", y.to_string()),
        ],
    )
}

#[component]
pub fn Dashboard(view: DashboardView) -> impl IntoView {
    let c = ctx();
    let lang = c.lang;
    let anonymous = view.anonymous.then(|| {
        view! {
            <p class="note">
                {tr("dashboard-anonymous")}" "
                <a href=c.href("/register")>{tr("nav-register")}</a>" · "
                <a href=c.href("/login")>{tr("nav-login")}</a>
            </p>
        }
    });
    let courses = if view.courses.is_empty() {
        view! {
            <p class="empty">{tr("dashboard-empty")}" "<a href=c.href("/courses")>{tr("dashboard-browse")}</a></p>
        }
        .into_any()
    } else {
        view.courses
            .into_iter()
            .map(|d| {
                let resume = d.resume.map(|l| {
                    view! {
                        <p><a class="button" href=c.href(&l.path)>{tr("course-resume")}</a>" "<span>{l.title}</span></p>
                    }
                });
                let cert = d.certificate.map(|id| {
                    view! { <p class="completed"><a href=c.href(&format!("/certificates/{id}"))>{tr("course-certificate-open")}</a></p> }
                });
                let completed = (d.completed && cert.is_none())
                    .then(|| view! { <p class="completed">{tr("course-completed")}</p> });
                view! {
                    <article class="card">
                        <h3><a href=c.href(&d.course.path)>{d.course.title}</a></h3>
                        <ProgressBar progress=d.progress />
                        {resume}
                        {completed}
                        {cert}
                    </article>
                }
            })
            .collect_view()
            .into_any()
    };
    let attempts = (!view.attempts.is_empty()).then(|| {
        let rows = view
            .attempts
            .into_iter()
            .map(|a| {
                let score = format!("{} / {}", a.score, a.total);
                let best = format!("{} / {}", a.best.0, a.best.1);
                let state = if a.passed { tr("quiz-passed") } else { String::new() };
                view! {
                    <tr>
                        <td><a href=c.href(&a.lesson.path)>{a.lesson.title}</a><br /><span class="meta">{a.course_title}</span></td>
                        <td>{date(lang, &a.at)}</td>
                        <td>{score}</td>
                        <td>{best}" "{state}</td>
                    </tr>
                }
            })
            .collect_view();
        view! {
            <h2>{tr("dashboard-quizzes")}</h2>
            {data_table(&["dashboard-lesson", "dashboard-date", "dashboard-score", "dashboard-best"], rows.into_any())}
        }
    });
    view! {
        <PageHeader title="dashboard-title" intro="dashboard-intro" />
        {anonymous}
        <h2>{tr("dashboard-courses")}</h2>
        <div class="cards">{courses}</div>
        {attempts}
    }
}

#[component]
pub fn Certificate(view: CertificateView) -> impl IntoView {
    let c = ctx();
    let lang = c.lang;
    let statement = i18n::t_args(
        lang,
        "certificate-statement",
        &[
            ("name", view.holder.clone()),
            ("course", view.course.title.clone()),
        ],
    );
    let issued = i18n::t_args(
        lang,
        "certificate-issued",
        &[("date", date(lang, &view.issued_at))],
    );
    let share = view.mine.then(|| {
        view! {
            <p class="no-print">{tr("certificate-share")}" "<code>{view.url.clone()}</code></p>
        }
    });
    view! {
        <article class="certificate">
            <p class="certificate-site">{tr("site-name")}</p>
            <h1>{tr("certificate-title")}</h1>
            <p class="certificate-holder">{view.holder.clone()}</p>
            <p>{statement}</p>
            <p><a href=c.href(&view.course.path)>{view.course.title.clone()}</a></p>
            <p>{issued}</p>
            <p class="meta">{tr("certificate-verify")}" "<code>{view.id.clone()}</code></p>
        </article>
        {share}
    }
}
