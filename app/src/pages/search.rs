//! The search page: a GET form, results with snippets in their language,
//! facets with counts that narrow the search, pages.

use leptos::prelude::*;

use super::PageHeader;
use crate::page::{FacetGroupView, SearchResults};
use crate::{ctx, i18n, tr};

/// Facet group headings, written out so that every key is known to be used.
const GROUPS: [(&str, &str); 8] = [
    ("kind", "search-facet-kind"),
    ("type", "search-facet-type"),
    ("lang", "search-facet-lang"),
    ("topic", "search-facet-topic"),
    ("partner", "search-facet-partner"),
    ("licence", "search-facet-licence"),
    ("country", "search-facet-country"),
    ("level", "search-facet-level"),
];

fn facet_group(g: FacetGroupView) -> AnyView {
    let c = ctx();
    let heading = GROUPS
        .iter()
        .find(|(k, _)| *k == g.group)
        .map(|(_, key)| tr(key))
        .unwrap_or(g.group.clone());
    let id = format!("facet-{}", g.group);
    let values = g
        .values
        .into_iter()
        .map(|v| {
            let current = v.chosen.then_some("true");
            let class = if v.chosen { "facet chosen" } else { "facet" };
            view! {
                <li>
                    <a class=class href=c.href(&v.href) aria-current=current>
                        {v.label}" "<span class="count">{format!("({})", v.count)}</span>
                    </a>
                </li>
            }
        })
        .collect_view();
    view! {
        <section class="facet-group" aria-labelledby=id.clone()>
            <h2 id=id.clone()>{heading}</h2>
            <ul>{values}</ul>
        </section>
    }
    .into_any()
}

fn results_view(r: SearchResults) -> AnyView {
    let c = ctx();
    let lang = c.lang;
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
    let facets = r.facets.into_iter().map(facet_group).collect_view();
    let pager = (r.pages > 1).then(|| {
        let position = i18n::t_args(
            lang,
            "search-page",
            &[("page", r.page.to_string()), ("pages", r.pages.to_string())],
        );
        view! {
            <nav class="pager" aria-label=tr("search-pages")>
                {r.prev.map(|p| view! { <a rel="prev" href=c.href(&p)>{tr("search-previous")}</a> })}
                " "<span>{position}</span>" "
                {r.next.map(|n| view! { <a rel="next" href=c.href(&n)>{tr("search-next")}</a> })}
            </nav>
        }
    });
    let fuzzy = r
        .fuzzy
        .then(|| view! { <p class="note" role="note">{tr("search-fuzzy")}</p> });
    view! {
        <p class="result-count" role="status">{count}</p>
        {fuzzy}
        <div class="search-layout">
            <aside class="facets" aria-label=tr("search-facets")>{facets}</aside>
            <div>
                <ol class="results">{hits}</ol>
                {pager}
            </div>
        </div>
    }
    .into_any()
}

#[component]
pub fn Search(query: String, results: Option<SearchResults>) -> impl IntoView {
    let c = ctx();
    let results = results.map(results_view);
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
