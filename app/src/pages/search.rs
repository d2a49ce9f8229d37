//! The search page: a GET form, results with snippets in their language,
//! facets with counts that narrow the search, pages, sort. Without
//! JavaScript every step is a link or a form; with it, the `LiveSearch`
//! island updates the results as the reader types and when a facet is chosen.

use leptos::prelude::*;
use serde::{Deserialize, Serialize};

use super::PageHeader;
use crate::islands::LiveSearch;
use crate::{ctx, i18n, tr};

/// Facet group headings, written out so that every key is known to be used.
const GROUPS: [(&str, &str); 9] = [
    ("kind", "search-facet-kind"),
    ("type", "search-facet-type"),
    ("lang", "search-facet-lang"),
    ("topic", "search-facet-topic"),
    ("partner", "search-facet-partner"),
    ("licence", "search-facet-licence"),
    ("country", "search-facet-country"),
    ("level", "search-facet-level"),
    ("source", "search-facet-source"),
];

/// The form's id, for the chosen facets kept as hidden fields in the results.
const FORM: &str = "search-form";

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
            let nested = (v.depth > 0).then(|| format!("depth-{}", v.depth.min(3)));
            view! {
                <li class=nested>
                    <a class=class href=c.href(&v.href) aria-current=current data-key=v.key>
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

/// A small pictogram per kind of result; the kind is also written out.
fn kind_icon(kind: &str) -> AnyView {
    let path = match kind {
        // A mortarboard.
        "course" => "M12 3 1 9l11 6 9-4.9V17h2V9L12 3zm-6 9.2v4L12 20l6-3.8v-4L12 16l-6-3.8z",
        // A page with lines.
        "lesson" => "M6 2h9l5 5v15H6V2zm8 1.5V8h4.5M9 12h8M9 15h8M9 18h5",
        // A book.
        "resource" => "M5 3h11a3 3 0 0 1 3 3v15H8a3 3 0 0 1-3-3V3zm0 15a3 3 0 0 1 3-3h11",
        // Two people.
        _ => {
            "M8 11a3 3 0 1 0 0-6 3 3 0 0 0 0 6zm8 0a3 3 0 1 0 0-6 3 3 0 0 0 0 6zM2 20c0-3.3 2.7-6 6-6s6 2.7 6 6m0-5.5c.6-.3 1.3-.5 2-.5 3.3 0 6 2.7 6 6"
        }
    };
    view! {
        <svg class=format!("kind-icon kind-{kind}") viewBox="0 0 24 24" width="20" height="20"
            aria-hidden="true" focusable="false">
            <path d=path fill="none" stroke="currentColor" stroke-width="1.6"
                stroke-linejoin="round" />
        </svg>
    }
    .into_any()
}

/// Ways to search, shown before a search and when one found nothing.
fn tips() -> AnyView {
    view! {
        <section class="search-tips" aria-labelledby="search-tips">
            <h2 id="search-tips">{tr("search-tips-title")}</h2>
            <ul>
                <li>{tr("search-tip-languages")}</li>
                <li>{tr("search-tip-phrase")}</li>
                <li>{tr("search-tip-exclude")}</li>
                <li>{tr("search-tip-facets")}</li>
            </ul>
        </section>
    }
    .into_any()
}

fn results_view(query: &str, r: SearchResults) -> AnyView {
    let c = ctx();
    let lang = c.lang;
    let kept = r
        .facets
        .iter()
        .flat_map(|g| g.values.iter().filter(|v| v.chosen))
        .filter_map(|v| v.key.split_once('/'))
        .map(|(group, value)| {
            let name = if group == "lang" { "language" } else { group }.to_string();
            view! { <input type="hidden" form=FORM name=name value=value.to_string() /> }
        })
        .collect_view();
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
                    <p class="result-kind">{kind_icon(&h.kind)}" "{tr(&format!("search-kind-{}", h.kind))}</p>
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
    let fuzzy = r.fuzzy.then(|| {
        let key = if r.exact_total == 0 {
            "search-fuzzy"
        } else {
            "search-fuzzy-more"
        };
        view! { <p class="note" role="note">{tr(key)}</p> }
    });
    let suggestion = r.suggestion.map(|(text, to)| {
        view! {
            <p class="note did-you-mean">
                {tr("search-did-you-mean")}" "<a href=c.href(&to)><strong>{text}</strong></a>
            </p>
        }
    });
    let nothing = (r.total == 0).then(|| {
        let none = i18n::t_args(lang, "search-none", &[("query", query.to_string())]);
        let unfiltered = r.unfiltered.map(|to| {
            view! { <p><a href=c.href(&to)>{tr("search-none-unfiltered")}</a></p> }
        });
        view! {
            <div class="no-results">
                <p>{none}</p>
                {unfiltered}
                {tips()}
            </div>
        }
    });
    view! {
        {kept}
        {fuzzy}
        {suggestion}
        {nothing}
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

/// Before anything is asked: what there is, by kind and by topic.
fn browse_view(groups: Vec<FacetGroupView>) -> AnyView {
    let groups = groups.into_iter().map(facet_group).collect_view();
    view! {
        <section class="search-browse" aria-labelledby="search-browse">
            <h2 id="search-browse">{tr("search-browse-title")}</h2>
            <div class="browse-groups">{groups}</div>
        </section>
        {tips()}
    }
    .into_any()
}

#[component]
pub fn Search(view: SearchView) -> impl IntoView {
    let c = ctx();
    let count = view
        .results
        .as_ref()
        .map(|r| i18n::t_args(c.lang, "search-count", &[("count", r.total.to_string())]));
    let body = match view.results {
        Some(r) => results_view(&view.query, r),
        None => browse_view(view.browse),
    };
    let sort_option = |value: &'static str, key: &str| {
        let selected = view.sort == value;
        view! { <option value=value selected=selected>{tr(key)}</option> }
    };
    view! {
        <PageHeader title="search-title" intro="search-intro" />
        <form id=FORM class="form search-form" method="get" action=c.href("/search") role="search">
            <div class="field">
                <label for="q">{tr("search-label")}</label>
                <input id="q" name="q" type="search" value=view.query.clone() maxlength=200
                    autocomplete="off" aria-controls="search-results" />
            </div>
            <div class="field field-inline">
                <label for="sort">{tr("search-sort-label")}</label>
                <select id="sort" name="sort">
                    {sort_option("relevance", "search-sort-relevance")}
                    {sort_option("newest", "search-sort-newest")}
                </select>
            </div>
            <div class="form-actions">
                <button type="submit" class="button button-primary">{tr("search-submit")}</button>
            </div>
        </form>
        <LiveSearch form=FORM.to_string() results="search-results".to_string()
            count="search-count".to_string() />
        <p id="search-count" class="result-count" role="status">{count}</p>
        <div id="search-results" aria-live="off">{body}</div>
    }
}

/// One search result.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SearchHit {
    /// `partner`, `course`, … (an interface string `search-kind-{kind}`).
    pub kind: String,
    pub title: String,
    /// Page path without the language prefix.
    pub path: String,
    /// Escaped excerpt with the matched terms in `<b>`, made by the index.
    pub snippet_html: String,
    /// The language of the result when it differs from the page's.
    pub lang: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SearchResults {
    pub total: usize,
    pub hits: Vec<SearchHit>,
    /// Facet groups with their values' counts over every match.
    pub facets: Vec<FacetGroupView>,
    /// The page shown (from 1) and how many there are.
    pub page: usize,
    pub pages: usize,
    /// Addresses (without the language prefix) of the previous and next pages.
    pub prev: Option<String>,
    pub next: Option<String>,
    /// Results for words close to those typed are included.
    pub fuzzy: bool,
    /// How many matched the words as typed.
    pub exact_total: usize,
    /// "Did you mean": the corrected text and its search's address.
    pub suggestion: Option<(String, String)>,
    /// Nothing found with the chosen facets: the same search without them.
    pub unfiltered: Option<String>,
}

/// The search page: the form's values, and either results or, before
/// anything is asked, what there is to browse.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SearchView {
    pub query: String,
    /// `relevance` or `newest`.
    pub sort: String,
    pub results: Option<SearchResults>,
    /// Before a search: kinds and topics with their counts, to browse.
    pub browse: Vec<FacetGroupView>,
}

/// One facet group (`kind`, `topic`…) of search results.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct FacetGroupView {
    pub group: String,
    pub values: Vec<FacetValueView>,
}

/// One value of a facet: its name, how many results have it, whether it is
/// chosen, and the address that toggles it (without the language prefix).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct FacetValueView {
    pub label: String,
    pub count: u64,
    pub chosen: bool,
    pub href: String,
    /// `group/value`, so that the live search finds the same facet again.
    pub key: String,
    /// Nesting under a broader value shown too (topics), from 0.
    pub depth: usize,
}
