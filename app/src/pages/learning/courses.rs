//! The course catalogue and a course's page (syllabus, progress, start or
//! resume, certificate).

use leptos::prelude::*;

use crate::forms::CsrfField;
use crate::pages::PageHeader;
use crate::pages::learning::{CatalogueView, CourseCard, CourseView, Picture, Progress, TopicTag};
use crate::{ctx, i18n, tr};

/// A language tag as people read it: its own name when the interface knows it.
pub fn language_name(tag: &str) -> String {
    let primary = tag.split('-').next().unwrap_or(tag);
    crate::Lang::from_code(primary)
        .map(|l| l.native_name().to_string())
        .unwrap_or_else(|| tag.to_string())
}

/// "2 h 30 min" style duration.
pub fn duration(lang: crate::Lang, minutes: u32) -> String {
    let (h, m) = (minutes / 60, minutes % 60);
    match (h, m) {
        (0, m) => i18n::t_args(lang, "duration-minutes", &[("minutes", m.to_string())]),
        (h, 0) => i18n::t_args(lang, "duration-hours", &[("hours", h.to_string())]),
        (h, m) => i18n::t_args(
            lang,
            "duration-hours-minutes",
            &[("hours", h.to_string()), ("minutes", m.to_string())],
        ),
    }
}

/// A progress bar with its figures in words (for every reader).
#[component]
pub fn ProgressBar(progress: Progress) -> impl IntoView {
    let lang = crate::lang();
    let text = i18n::t_args(
        lang,
        "course-progress",
        &[
            ("done", progress.done.to_string()),
            ("total", progress.total.to_string()),
        ],
    );
    view! {
        <div class="progress">
            <progress max=progress.total.max(1).to_string() value=progress.done.to_string()>
                {format!("{} %", progress.percent())}
            </progress>
            <span>{text}</span>
        </div>
    }
}

/// A decorative picture (its course's title is beside it), in the size the layout gives it.
fn picture(p: Picture, sizes: &'static str) -> impl IntoView {
    view! {
        <img class="cover" src=p.src srcset=p.srcset sizes=sizes alt=""
            width=p.width.to_string() height=p.height.to_string() loading="lazy" decoding="async" />
    }
}

fn topic_list(topics: Vec<TopicTag>) -> impl IntoView {
    let c = ctx();
    let items = topics
        .into_iter()
        .map(|t| {
            let href = format!("{}?topic={}", c.href("/courses"), t.id);
            view! { <li><a href=href>{t.label}</a></li> }
        })
        .collect_view();
    view! { <ul class="tags">{items}</ul> }
}

#[component]
fn Card(card: CourseCard) -> impl IntoView {
    let c = ctx();
    let lang = c.lang;
    let href = c.href(&format!("/courses/{}", card.slug));
    let level = tr(&format!("level-{}", card.level));
    let langs = card
        .languages
        .iter()
        .map(|l| language_name(l))
        .collect::<Vec<_>>()
        .join(", ");
    let lessons = i18n::t_args(
        lang,
        "course-lessons",
        &[("count", card.lessons.to_string())],
    );
    let progress = card.progress.map(|p| view! { <ProgressBar progress=p /> });
    let text_lang = (card.lang != lang.code()).then_some(card.lang.clone());
    let cover = card
        .cover
        .map(|p| picture(p, "(min-width: 40rem) 22rem, 100vw"));
    view! {
        <article class="card course-card" lang=text_lang>
            {cover}
            <h2><a href=href>{card.title}</a></h2>
            <p>{card.summary}</p>
            <dl class="facts">
                <dt>{tr("course-level")}</dt><dd>{level}</dd>
                <dt>{tr("course-duration")}</dt><dd>{duration(lang, card.minutes)}</dd>
                <dt>{tr("course-lessons-label")}</dt><dd>{lessons}</dd>
                <dt>{tr("course-languages")}</dt><dd>{langs}</dd>
            </dl>
            {topic_list(card.topics)}
            {progress}
        </article>
    }
}

#[component]
pub fn Catalogue(view: CatalogueView) -> impl IntoView {
    let c = ctx();
    let lang = c.lang;
    let f = view.filters.clone();
    let languages = view
        .languages
        .iter()
        .map(|l| (l.clone(), language_name(l)))
        .collect();
    let levels = view
        .levels
        .iter()
        .map(|l| (l.clone(), tr(&format!("level-{l}"))))
        .collect();
    let topics = view
        .topics
        .iter()
        .map(|t| (t.id.clone(), t.label.clone()))
        .collect();
    let filtered = f != Default::default();
    let count = i18n::t_args(
        lang,
        "catalogue-count",
        &[
            ("count", view.courses.len().to_string()),
            ("all", view.all.to_string()),
        ],
    );
    let body = if view.courses.is_empty() {
        let key = if view.all == 0 {
            "courses-empty"
        } else {
            "catalogue-no-match"
        };
        view! { <p class="empty">{tr(key)}</p> }.into_any()
    } else {
        let cards = view
            .courses
            .into_iter()
            .map(|card| view! { <Card card /> })
            .collect_view();
        view! { <div class="cards">{cards}</div> }.into_any()
    };
    let reset = filtered.then(|| view! { <a href=c.href("/courses")>{tr("filter-reset")}</a> });
    view! {
        <PageHeader title="courses-title" intro="courses-intro" />
        <form class="form filters" method="get" action=c.href("/courses")>
            {crate::pages::filter_select("language", "filter-language", &f.language, languages)}
            {crate::pages::filter_select("level", "filter-level", &f.level, levels)}
            {crate::pages::filter_select("topic", "filter-topic", &f.topic, topics)}
            <div class="form-actions">
                <button type="submit" class="button">{tr("filter-apply")}</button>
                {reset}
            </div>
        </form>
        <p class="result-count" role="status">{count}</p>
        {body}
    }
}

#[component]
pub fn CoursePage(course: CourseView) -> impl IntoView {
    let c = ctx();
    let lang = c.lang;
    let text_lang = (course.lang != lang.code()).then_some(course.lang.clone());
    let fallback = text_lang.as_ref().map(|shown| {
        let note = i18n::t_args(
            lang,
            "course-in-original",
            &[("language", language_name(shown))],
        );
        view! { <p class="note">{note}</p> }
    });
    let start = match &course.resume {
        Some(link) => view! {
            <a class="button button-primary" href=c.href(&link.path)>{tr("course-resume")}</a>
            " "<span class="resume-at">{link.title.clone()}</span>
        }
        .into_any(),
        None => view! {
            <a class="button button-primary" href=c.href(&course.start.path)>{tr("course-start")}</a>
        }
        .into_any(),
    };
    let certificate = certificate_block(&course);
    let modules = course
        .modules
        .iter()
        .map(|m| {
            let lessons = m
                .lessons
                .iter()
                .map(|l| {
                    let state = if l.done {
                        tr("lesson-state-done")
                    } else {
                        tr("lesson-state-todo")
                    };
                    let class = if l.done {
                        "lesson-item done"
                    } else {
                        "lesson-item"
                    };
                    let quiz = l.has_quiz.then(|| {
                        let text = match l.best {
                            Some((s, t)) => i18n::t_args(
                                lang,
                                "quiz-best",
                                &[("score", s.to_string()), ("total", t.to_string())],
                            ),
                            None => tr("quiz-not-taken"),
                        };
                        let class = if l.passed {
                            "quiz-state passed"
                        } else {
                            "quiz-state"
                        };
                        view! { <span class=class>{text}</span> }
                    });
                    let unanswered = (l.unanswered > 0).then(|| {
                        let text = i18n::t_args(lang, "course-unanswered", &[("count", l.unanswered.to_string())]);
                        view! { <a class="badge" href=c.href(&format!("{}/discussion?filter=unanswered", l.link.path))>{text}</a> }
                    });
                    view! {
                        <li class=class>
                            <span class="state">{state}</span>
                            <a href=c.href(&l.link.path)>{l.link.title.clone()}</a>
                            <span class="meta">{duration(lang, l.minutes)}</span>
                            {quiz}
                            {unanswered}
                        </li>
                    }
                })
                .collect_view();
            let summary = m.summary.clone().map(|s| view! { <p>{s}</p> });
            view! {
                <section class="module" id=m.id.clone()>
                    <h3>{m.title.clone()}</h3>
                    {summary}
                    <ol class="syllabus">{lessons}</ol>
                </section>
            }
        })
        .collect_view();
    let other_langs = course
        .languages
        .iter()
        .filter(|l| **l != course.lang)
        .map(|l| language_name(l))
        .collect::<Vec<_>>()
        .join(", ");
    let langs_line = (!other_langs.is_empty()).then(|| {
        view! { <dt>{tr("course-also-in")}</dt><dd>{other_langs}</dd> }
    });
    let pass_mark = i18n::t_args(
        lang,
        "course-pass-mark",
        &[("percent", course.pass_mark.to_string())],
    );
    view! {
        <nav class="breadcrumb" aria-label=tr("breadcrumb-label")>
            <a href=c.href("/courses")>{tr("courses-title")}</a>
        </nav>
        {course.cover.clone().map(|p| picture(p, "(min-width: 44rem) 42rem, 100vw"))}
        <div class="page-header" lang=text_lang.clone()>
            <h1>{course.title.clone()}</h1>
            <p class="lead">{course.summary.clone()}</p>
        </div>
        {fallback}
        <div class="course-actions">
            <ProgressBar progress=course.progress />
            <p>{start}</p>
            {certificate}
        </div>
        <dl class="facts">
            <dt>{tr("course-level")}</dt><dd>{tr(&format!("level-{}", course.level))}</dd>
            <dt>{tr("course-duration")}</dt><dd>{duration(lang, course.minutes)}</dd>
            <dt>{tr("course-authors")}</dt><dd>{course.authors.join(", ")}</dd>
            <dt>{tr("course-licence")}</dt><dd>{course.licence.clone()}</dd>
            {langs_line}
        </dl>
        {topic_list(course.topics.clone())}
        <div class="prose" lang=text_lang.clone() inner_html=course.intro_html.clone()></div>
        <h2>{tr("course-syllabus")}</h2>
        <p class="note">{pass_mark}</p>
        <div lang=text_lang>{modules}</div>
    }
}

fn certificate_block(course: &CourseView) -> Option<AnyView> {
    let c = ctx();
    if let Some(id) = &course.certificate {
        let href = c.href(&format!("/certificates/{id}"));
        return Some(
            view! { <p class="completed"><a href=href>{tr("course-certificate-open")}</a></p> }
                .into_any(),
        );
    }
    if !course.completed {
        return None;
    }
    Some(if c.user.is_some() {
        let action = c.href(&format!("/courses/{}/certificate", course.slug));
        view! {
            <p class="completed">{tr("course-completed")}</p>
            <form method="post" action=action>
                <CsrfField />
                <button type="submit" class="button">{tr("course-certificate-get")}</button>
            </form>
        }
        .into_any()
    } else {
        let next = format!("/courses/{}", course.slug);
        let login = format!(
            "{}?next={}",
            c.href("/login"),
            crate::layout::encode_query(&c.href(&next))
        );
        view! {
            <p class="completed">{tr("course-completed")}</p>
            <p>
                {tr("course-certificate-sign-in")}" "
                <a href=c.href("/register")>{tr("nav-register")}</a>" · "
                <a href=login>{tr("nav-login")}</a>
            </p>
        }
        .into_any()
    })
}
