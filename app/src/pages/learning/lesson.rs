//! A lesson: its text with a table of contents, the quiz as a plain form that
//! the server grades, "mark as done", and the way to the previous and next
//! lessons.

use leptos::prelude::*;

use super::courses::{ProgressBar, duration, language_name};
use crate::forms::CsrfField;
use crate::pages::learning::{LessonView, QuestionView, QuizView};
use crate::{ctx, i18n, tr};

#[component]
pub fn LessonPage(lesson: LessonView) -> impl IntoView {
    let c = ctx();
    let lang = c.lang;
    let text_lang = (lesson.lang != lang.code()).then_some(lesson.lang.clone());
    let fallback = text_lang.as_ref().map(|shown| {
        let links = lesson
            .languages
            .iter()
            .filter_map(|l| {
                let ui = crate::Lang::from_code(l.split('-').next().unwrap_or(l))?;
                let href = crate::page::href(ui, &lesson.path);
                Some(view! { " " <a href=href hreflang=l.clone() lang=l.clone()>{language_name(l)}</a> })
            })
            .collect_view();
        let note = i18n::t_args(
            lang,
            "lesson-not-translated",
            &[("language", language_name(shown))],
        );
        view! { <p class="note lang-note" role="note">{note}" "{tr("lesson-available-in")}{links}</p> }
    });
    let toc = (lesson.toc.len() > 1).then(|| {
        let items = lesson
            .toc
            .iter()
            .map(|e| {
                let class = if e.level == 3 { "toc-sub" } else { "" };
                view! { <li class=class><a href=format!("#{}", e.id)>{e.text.clone()}</a></li> }
            })
            .collect_view();
        view! {
            <nav class="toc" aria-labelledby="toc-title">
                <h2 id="toc-title">{tr("lesson-toc")}</h2>
                <ol>{items}</ol>
            </nav>
        }
    });
    let position = i18n::t_args(
        lang,
        "lesson-position",
        &[
            ("position", lesson.position.0.to_string()),
            ("total", lesson.position.1.to_string()),
        ],
    );
    let reading = i18n::t_args(
        lang,
        "lesson-reading-time",
        &[("duration", duration(lang, lesson.minutes))],
    );
    let done_form = {
        let action = c.href(&format!("{}/done", lesson.path));
        let (value, label) = if lesson.done {
            ("false", "lesson-mark-undone")
        } else {
            ("true", "lesson-mark-done")
        };
        let state = lesson
            .done
            .then(|| view! { <p class="done-state">{tr("lesson-is-done")}</p> });
        view! {
            <section class="panel lesson-done" id="progress" aria-labelledby="progress-title">
                <h2 id="progress-title">{tr("lesson-your-progress")}</h2>
                {state}
                <form method="post" action=action>
                    <CsrfField />
                    <input type="hidden" name="done" value=value />
                    <button type="submit" class="button">{tr(label)}</button>
                </form>
                <ProgressBar progress=lesson.progress />
            </section>
        }
    };
    let quiz = lesson
        .quiz
        .clone()
        .map(|quiz| view! { <Quiz quiz path=lesson.path.clone() lang=text_lang.clone() /> });
    let pager = {
        let prev = lesson.prev.clone().map(|l| {
            view! { <a class="prev" rel="prev" href=c.href(&l.path)><span>{tr("lesson-previous")}</span>" "{l.title}</a> }
        });
        let next = lesson.next.clone().map(|l| {
            view! { <a class="next" rel="next" href=c.href(&l.path)><span>{tr("lesson-next")}</span>" "{l.title}</a> }
        });
        view! { <nav class="pager" aria-label=tr("lesson-pager")>{prev}{next}</nav> }
    };
    let summary = lesson
        .summary
        .clone()
        .map(|s| view! { <p class="lead">{s}</p> });
    let discussion = i18n::t_args(
        c.lang,
        "discussion-summary",
        &[
            ("threads", lesson.discussion.0.to_string()),
            ("unanswered", lesson.discussion.1.to_string()),
        ],
    );
    view! {
        <nav class="breadcrumb" aria-label=tr("breadcrumb-label")>
            <a href=c.href("/courses")>{tr("courses-title")}</a>" › "
            <a href=c.href(&lesson.course.path)>{lesson.course.title.clone()}</a>" › "
            <span>{lesson.module_title.clone()}</span>
        </nav>
        <article class="lesson">
            <header class="page-header" lang=text_lang.clone()>
                <p class="meta">{position}" · "{reading}</p>
                <h1>{lesson.title.clone()}</h1>
                {summary}
            </header>
            {fallback}
            {toc}
            <div class="prose" lang=text_lang.clone() inner_html=lesson.html.clone()></div>
            {quiz}
        </article>
        {done_form}
        <section class="panel" aria-labelledby="discussion-link">
            <h2 id="discussion-link">
                <a href=c.href(&format!("{}/discussion", lesson.path))>{tr("discussion-link")}</a>
            </h2>
            <p>{discussion}</p>
        </section>
        {pager}
    }
}

/// The quiz: a form that works without JavaScript. Once answered, each
/// question shows whether it was right, the feedback and the explanation.
#[component]
fn Quiz(quiz: QuizView, path: String, lang: Option<String>) -> impl IntoView {
    let c = ctx();
    let ui = c.lang;
    let answered = quiz.score.is_some();
    let action = c.href(&format!("{path}/quiz"));
    let result = quiz.score.map(|(score, total)| {
        let text = i18n::t_args(
            ui,
            "quiz-score",
            &[("score", score.to_string()), ("total", total.to_string())],
        );
        let verdict = if quiz.passed {
            tr("quiz-passed")
        } else {
            i18n::t_args(
                ui,
                "quiz-not-passed",
                &[("percent", quiz.pass_mark.to_string())],
            )
        };
        let retry = format!("{}?retry=1#quiz", c.href(&path));
        view! {
            <div class="quiz-result" id="quiz-result" role="status" tabindex="-1">
                <p><strong>{text}</strong>" "{verdict}</p>
                <p><a href=retry>{tr("quiz-retry")}</a></p>
            </div>
        }
    });
    let best = quiz.best.map(|(s, t)| {
        let text = i18n::t_args(
            ui,
            "quiz-history",
            &[
                ("count", quiz.attempts.to_string()),
                ("score", s.to_string()),
                ("total", t.to_string()),
            ],
        );
        view! { <p class="meta">{text}</p> }
    });
    let questions = quiz
        .questions
        .into_iter()
        .enumerate()
        .map(|(i, q)| view! { <Question index=i question=q disabled=answered /> })
        .collect_view();
    let submit = (!answered).then(|| {
        view! {
            <div class="form-actions">
                <button type="submit" class="button button-primary">{tr("quiz-submit")}</button>
            </div>
        }
    });
    view! {
        <section class="quiz" id="quiz" aria-labelledby="quiz-title">
            <h2 id="quiz-title">{tr("quiz-title")}</h2>
            {best}
            {result}
            <form class="form" method="post" action=action lang=lang>
                <CsrfField />
                {questions}
                {submit}
            </form>
        </section>
    }
}

#[component]
fn Question(index: usize, question: QuestionView, disabled: bool) -> impl IntoView {
    let ui = crate::lang();
    let field = format!("q{index}");
    let legend_id = format!("{field}-legend");
    let number = i18n::t_args(ui, "quiz-question", &[("number", (index + 1).to_string())]);
    let q = question.clone();
    let control = match q.kind.as_str() {
        "single" | "multiple" | "true-false" => {
            let kind = if q.kind == "multiple" {
                "checkbox"
            } else {
                "radio"
            };
            let options = if q.kind == "true-false" {
                vec![
                    ("true".to_string(), tr("quiz-true")),
                    ("false".to_string(), tr("quiz-false")),
                ]
            } else {
                q.options.clone()
            };
            options
                .into_iter()
                .enumerate()
                .map(|(n, (value, label))| {
                    let id = format!("{field}-{n}");
                    let checked = q.is_given(&field, &value);
                    view! {
                        <div class="choice">
                            <input type=kind id=id.clone() name=field.clone() value=value checked=checked disabled=disabled />
                            <label for=id>{label}</label>
                        </div>
                    }
                })
                .collect_view()
                .into_any()
        }
        "text" | "numeric" => {
            let value = q.given(&field).unwrap_or_default().to_string();
            let mode = if q.kind == "numeric" {
                "decimal"
            } else {
                "text"
            };
            view! {
                <label class="visually-hidden" for=field.clone()>{tr("quiz-your-answer")}</label>
                <input id=field.clone() name=field.clone() type="text" inputmode=mode value=value
                    autocomplete="off" disabled=disabled aria-describedby=legend_id.clone() />
            }
            .into_any()
        }
        "ordering" => {
            let n = q.options.len();
            q.options
                .iter()
                .map(|(value, label)| {
                    let name = format!("{field}-{value}");
                    let chosen = q.given(&name).unwrap_or_default().to_string();
                    let opts = (1..=n)
                        .map(|p| {
                            let p = p.to_string();
                            let selected = p == chosen;
                            view! { <option value=p.clone() selected=selected>{p.clone()}</option> }
                        })
                        .collect_view();
                    view! {
                        <div class="pair">
                            <label for=name.clone()>{label.clone()}</label>
                            <select id=name.clone() name=name disabled=disabled>
                                <option value="">{tr("quiz-position")}</option>
                                {opts}
                            </select>
                        </div>
                    }
                })
                .collect_view()
                .into_any()
        }
        _ => q
            .lefts
            .iter()
            .map(|(value, label)| {
                let name = format!("{field}-{value}");
                let chosen = q.given(&name).unwrap_or_default().to_string();
                let opts = q
                    .options
                    .iter()
                    .map(|(v, l)| {
                        let selected = *v == chosen;
                        view! { <option value=v.clone() selected=selected>{l.clone()}</option> }
                    })
                    .collect_view();
                view! {
                    <div class="pair">
                        <label for=name.clone()>{label.clone()}</label>
                        <select id=name.clone() name=name disabled=disabled>
                            <option value="">{tr("quiz-choose")}</option>
                            {opts}
                        </select>
                    </div>
                }
            })
            .collect_view()
            .into_any(),
    };
    let hint = match question.kind.as_str() {
        "multiple" => Some("quiz-hint-multiple"),
        "ordering" => Some("quiz-hint-ordering"),
        "matching" => Some("quiz-hint-matching"),
        _ => None,
    }
    .map(|k| view! { <p class="field-help">{tr(k)}</p> });
    let verdict = question.correct.map(|right| {
        let (class, key) = if right {
            ("verdict right", "quiz-right")
        } else {
            ("verdict wrong", "quiz-wrong")
        };
        let feedback = question
            .feedback
            .iter()
            .map(|f| view! { <p>{f.clone()}</p> })
            .collect_view();
        let explanation = question
            .explanation
            .clone()
            .map(|e| view! { <p class="explanation">{e}</p> });
        view! {
            <div class=class>
                <p><strong>{tr(key)}</strong></p>
                {feedback}
                {explanation}
            </div>
        }
    });
    view! {
        <fieldset class="question">
            <legend id=legend_id><span class="number">{number}</span>" "{question.prompt.clone()}</legend>
            {hint}
            {control}
            {verdict}
        </fieldset>
    }
}
