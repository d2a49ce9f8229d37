//! The public sections. Courses, library, search and directory list what the
//! instance holds; their content arrives with the issues that build them.

use leptos::prelude::*;

use super::PageHeader;
use crate::{ctx, tr};

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
