//! The public sections. Courses, library, search and directory list what the
//! instance holds; their content arrives with the issues that build them.

use leptos::prelude::*;

use super::PageHeader;
use crate::page::SearchResults;
use crate::{ctx, i18n, tr};

#[component]
pub fn Home() -> impl IntoView {
    let c = ctx();
    let cards = [
        ("/courses", "home-courses-title", "home-courses-text"),
        ("/library", "home-library-title", "home-library-text"),
        ("/data", "home-data-title", "home-data-text"),
    ]
    .into_iter()
    .map(|(path, title, text)| {
        view! {
            <article class="card">
                <h2><a href=c.href(path)>{tr(title)}</a></h2>
                <p>{tr(text)}</p>
            </article>
        }
    })
    .collect_view();
    view! {
        <PageHeader title="home-title" intro="home-intro" />
        <section class="cards">{cards}</section>
    }
}

#[component]
pub fn About() -> impl IntoView {
    view! {
        <PageHeader title="about-title" />
        <div class="prose">
            <p>{tr("about-what")}</p>
            <p>{tr("about-who")}</p>
            <p>{tr("about-licence")}</p>
            <p>{tr("about-privacy")}</p>
        </div>
    }
}

#[component]
pub fn Section(title: &'static str, intro: &'static str, empty: &'static str) -> impl IntoView {
    view! {
        <PageHeader title intro />
        <p class="empty">{tr(empty)}</p>
    }
}

#[component]
pub fn Search(query: String, results: Option<SearchResults>) -> impl IntoView {
    let c = ctx();
    let lang = c.lang;
    let results = results.map(|r| {
        let count = i18n::t_args(lang, "search-count", &[("count", r.total.to_string())]);
        let hits = r
            .hits
            .into_iter()
            .map(|h| {
                let in_lang = h.lang.map(|l| {
                    let label = format!("({l})");
                    view! { " " <span class="result-lang" lang=l>{label}</span> }
                });
                view! {
                    <li class="result">
                        <p class="result-kind">{tr(&format!("search-kind-{}", h.kind))}</p>
                        <h2><a href=c.href(&h.path)>{h.title}</a>{in_lang}</h2>
                        <p class="result-snippet" inner_html=h.snippet_html></p>
                    </li>
                }
            })
            .collect_view();
        view! {
            <p class="result-count" role="status">{count}</p>
            <ol class="results">{hits}</ol>
        }
    });
    view! {
        <PageHeader title="search-title" intro="search-intro" />
        <form class="form search-form" method="get" action=c.href("/search") role="search">
            <div class="field">
                <label for="q">{tr("search-label")}</label>
                <input id="q" name="q" type="search" value=query maxlength=200 />
            </div>
            <div class="form-actions">
                <button type="submit" class="button button-primary">{tr("search-submit")}</button>
            </div>
        </form>
        {results}
    }
}

#[component]
pub fn Data() -> impl IntoView {
    let c = ctx();
    let endpoints = [
        ("/healthz", "data-health"),
        ("/api/v1/openapi.json", "data-api"),
        ("/api/v1/partners", "data-partners"),
    ]
    .into_iter()
    .map(|(path, key)| {
        let url = format!("{}{path}", c.base_url);
        view! { <li><a href=path><code>{url}</code></a>" — "{tr(key)}</li> }
    })
    .collect_view();
    view! {
        <PageHeader title="data-title" intro="data-intro" />
        <ul class="endpoints">{endpoints}</ul>
    }
}
