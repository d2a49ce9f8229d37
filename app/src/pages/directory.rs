//! The public directory of providers: the filtered listing, the list of
//! countries and regions, and a provider's page with its "request help"
//! form (in [`provider`]).

mod provider;

pub use provider::{ProviderPage, ProviderPageView};

use leptos::prelude::*;
use serde::{Deserialize, Serialize};

use super::PageHeader;
use crate::{ctx, i18n, tr};

/// One value of a filter: its code, its words, how many published
/// providers have it, and whether the reader chose it.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct FilterChoice {
    pub code: String,
    pub label: String,
    pub count: i64,
    pub chosen: bool,
}

/// A country and its regions, as filter values (or on the region list).
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct AreaChoice {
    pub country: FilterChoice,
    pub regions: Vec<FilterChoice>,
}

/// A filter value the reader chose, with the address without it.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct ChosenFilter {
    pub label: String,
    /// The directory's address with this value removed (no language prefix).
    pub remove: String,
}

/// A provider in the listing.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct ProviderCard {
    pub slug: String,
    pub name: String,
    /// Address of the logo, when there is one.
    pub logo_url: Option<String>,
    /// The first sentences of the description.
    pub excerpt: String,
    /// The language of the excerpt.
    pub excerpt_lang: String,
    pub help: Vec<String>,
    pub areas: Vec<String>,
    pub languages: Vec<String>,
    pub prices: Vec<String>,
    pub chatons: bool,
}

/// The directory's listing page.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct DirectoryView {
    /// The words searched for.
    pub q: String,
    /// Published providers in all.
    pub listed: i64,
    /// Providers matching the filters.
    pub total: i64,
    pub cards: Vec<ProviderCard>,
    pub help: Vec<FilterChoice>,
    pub services: Vec<FilterChoice>,
    pub prices: Vec<FilterChoice>,
    pub languages: Vec<FilterChoice>,
    pub areas: Vec<AreaChoice>,
    pub chatons: FilterChoice,
    pub remote: FilterChoice,
    pub on_site: FilterChoice,
    pub chosen: Vec<ChosenFilter>,
    /// The page shown (from 1) and how many there are.
    pub page: usize,
    pub pages: usize,
    /// Addresses (without the language prefix) of the previous and next pages.
    pub prev: Option<String>,
    pub next: Option<String>,
}

/// The list of countries and regions with the providers serving each.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct RegionsView {
    pub countries: Vec<AreaChoice>,
}

/// A group of checkboxes for one filter.
fn checkboxes(name: &'static str, legend: &'static str, choices: &[FilterChoice]) -> AnyView {
    if choices.is_empty() {
        return ().into_any();
    }
    let items = choices
        .iter()
        .map(|c| checkbox(name, c, format!("{name}_{}", c.code)))
        .collect_view();
    view! {
        <fieldset class="choices">
            <legend>{tr(legend)}</legend>
            <ul>{items}</ul>
        </fieldset>
    }
    .into_any()
}

fn checkbox(name: &'static str, c: &FilterChoice, id: String) -> impl IntoView + use<> {
    view! {
        <li>
            <input type="checkbox" id=id.clone() name=name value=c.code.clone() checked=c.chosen />
            <label for=id>{c.label.clone()}" "<span class="count">{format!("({})", c.count)}</span></label>
        </li>
    }
}

/// The area filter: each country with its regions, opened when something
/// in it is chosen.
fn area_filter(areas: &[AreaChoice]) -> AnyView {
    if areas.is_empty() {
        return ().into_any();
    }
    let groups = areas
        .iter()
        .map(|a| {
            let open = a.country.chosen || a.regions.iter().any(|r| r.chosen);
            let whole = checkbox("area", &a.country, format!("area_{}", a.country.code));
            let regions = (!a.regions.is_empty()).then(|| {
                let items = a
                    .regions
                    .iter()
                    .map(|r| checkbox("area", r, format!("area_{}", r.code)))
                    .collect_view();
                view! {
                    <details open=open>
                        <summary>{i18n::t_args(crate::lang(), "directory-regions-of", &[("country", a.country.label.clone())])}</summary>
                        <ul class="nested">{items}</ul>
                    </details>
                }
            });
            view! { <ul>{whole}</ul>{regions} }
        })
        .collect_view();
    view! {
        <fieldset class="choices">
            <legend>{tr("directory-filter-area")}</legend>
            <p class="field-help">{tr("directory-filter-area-help")}</p>
            {groups}
        </fieldset>
    }
    .into_any()
}

fn filter_form(v: &DirectoryView) -> impl IntoView + use<> {
    let c = ctx();
    let flags = [
        ("chatons", "directory-filter-chatons", &v.chatons),
        ("remote", "directory-filter-remote", &v.remote),
        ("on_site", "directory-filter-on-site", &v.on_site),
    ]
    .into_iter()
    .map(|(name, key, choice)| {
        let id = format!("flag_{name}");
        view! {
            <li>
                <input type="checkbox" id=id.clone() name=name value="1" checked=choice.chosen />
                <label for=id>{tr(key)}" "<span class="count">{format!("({})", choice.count)}</span></label>
            </li>
        }
    })
    .collect_view();
    view! {
        <form class="form filters" method="get" action=c.href("/directory") aria-labelledby="filters_heading">
            <h2 id="filters_heading">{tr("directory-filters")}</h2>
            <div class="field">
                <label for="q">{tr("directory-filter-q")}</label>
                <input id="q" name="q" type="search" value=v.q.clone() maxlength="200" />
            </div>
            {checkboxes("help", "directory-filter-help", &v.help)}
            {area_filter(&v.areas)}
            {checkboxes("language", "directory-filter-language", &v.languages)}
            {checkboxes("service", "directory-filter-service", &v.services)}
            {checkboxes("price", "directory-filter-price", &v.prices)}
            <fieldset class="choices">
                <legend>{tr("directory-filter-more")}</legend>
                <ul>{flags}</ul>
            </fieldset>
            <div class="form-actions">
                <button type="submit" class="button button-primary">{tr("filter-apply")}</button>
            </div>
        </form>
    }
}

#[component]
fn Card(card: ProviderCard) -> impl IntoView {
    let c = ctx();
    let href = c.href(&format!("/directory/{}", card.slug));
    let other_lang = (card.excerpt_lang != c.lang.code()).then(|| card.excerpt_lang.clone());
    let written_in = other_lang.as_ref().map(|l| {
        let note = i18n::t_args(
            c.lang,
            "directory-excerpt-in",
            &[("language", super::language_name(l))],
        );
        view! { <p class="meta">{note}</p> }
    });
    let logo = card.logo_url.as_ref().map(|u| {
        view! { <img class="logo" src=u.clone() alt="" loading="lazy" width="64" height="64" /> }
    });
    let chatons = card
        .chatons
        .then(|| view! { <span class="badge">{tr("directory-chatons-badge")}</span> });
    let line = |key: &'static str, values: &[String]| {
        (!values.is_empty()).then(|| {
            view! { <dt>{tr(key)}</dt><dd>{values.join(", ")}</dd> }
        })
    };
    view! {
        <article class="card provider">
            {logo}
            <h3><a href=href>{card.name.clone()}</a></h3>
            {chatons}
            <p lang=other_lang.clone()>{card.excerpt.clone()}</p>
            {written_in}
            <dl class="facts">
                {line("directory-help", &card.help)}
                {line("directory-areas", &card.areas)}
                {line("directory-languages", &card.languages)}
                {line("directory-prices", &card.prices)}
            </dl>
        </article>
    }
}

#[component]
pub fn Directory(view: DirectoryView) -> impl IntoView {
    let c = ctx();
    let lang = c.lang;
    let v = view;
    let count = i18n::t_args(lang, "directory-found", &[("count", v.total.to_string())]);
    let chips = (!v.chosen.is_empty()).then(|| {
        let items = v
            .chosen
            .iter()
            .map(|f| {
                let label = i18n::t_args(lang, "directory-remove-filter", &[("filter", f.label.clone())]);
                view! {
                    <li><a class="chip" href=c.href(&f.remove) aria-label=label>{f.label.clone()}" ×"</a></li>
                }
            })
            .collect_view();
        view! {
            <div class="chips">
                <h2 class="visually-hidden">{tr("directory-chosen")}</h2>
                <ul>{items}</ul>
                <a href=c.href("/directory")>{tr("directory-clear")}</a>
            </div>
        }
    });
    let results = if v.listed == 0 {
        view! { <p class="empty">{tr("directory-empty")}</p> }.into_any()
    } else if v.cards.is_empty() {
        view! {
            <div class="empty">
                <p>{tr("directory-no-match")}</p>
                <p>{tr("directory-no-match-hint")}</p>
                <p><a href=c.href("/directory")>{tr("directory-clear")}</a></p>
            </div>
        }
        .into_any()
    } else {
        let cards = v
            .cards
            .iter()
            .cloned()
            .map(|card| view! { <Card card /> })
            .collect_view();
        view! { <div class="cards">{cards}</div> }.into_any()
    };
    let pager = (v.pages > 1).then(|| {
        let prev = v.prev.as_ref().map(|p| {
            view! { <a rel="prev" href=c.href(p)>{tr("directory-prev")}</a> }
        });
        let next = v.next.as_ref().map(|p| {
            view! { <a rel="next" href=c.href(p)>{tr("directory-next")}</a> }
        });
        let at = i18n::t_args(
            lang,
            "directory-page-of",
            &[("page", v.page.to_string()), ("pages", v.pages.to_string())],
        );
        view! { <nav class="pager" aria-label=tr("directory-pages")>{prev}<span>{at}</span>{next}</nav> }
    });
    view! {
        <div class="directory">
            <PageHeader title="directory-title" intro="directory-intro" />
            <p class="form-actions">
                <a class="button button-primary" href=c.href("/directory/new")>{tr("directory-add")}</a>
                <a class="button" href=c.href("/directory/regions")>{tr("directory-regions-link")}</a>
            </p>
            <div class="search-layout">
                <aside>
                    <p class="jump"><a href="#results">{tr("directory-to-results")}</a></p>
                    {filter_form(&v)}
                </aside>
                <section aria-labelledby="results_heading" id="results" tabindex="-1">
                    <h2 id="results_heading" class="visually-hidden">{tr("directory-results")}</h2>
                    <p class="result-count" role="status">{count}</p>
                    {chips}
                    {results}
                    {pager}
                </section>
            </div>
        </div>
    }
}

#[component]
pub fn Regions(view: RegionsView) -> impl IntoView {
    let c = ctx();
    let link = |f: &FilterChoice| {
        let href = format!("{}?area={}", c.href("/directory"), f.code);
        let n = i18n::t_args(
            c.lang,
            "directory-providers-count",
            &[("count", f.count.to_string())],
        );
        view! { <a href=href>{f.label.clone()}</a>" "<span class="count">{n}</span> }
    };
    let list = if view.countries.is_empty() {
        view! { <p class="empty">{tr("directory-empty")}</p> }.into_any()
    } else {
        view.countries
            .iter()
            .map(|a| {
                let regions = (!a.regions.is_empty()).then(|| {
                    let items = a
                        .regions
                        .iter()
                        .map(|r| view! { <li>{link(r)}</li> })
                        .collect_view();
                    view! { <ul>{items}</ul> }
                });
                view! {
                    <section class="regions">
                        <h2>{link(&a.country)}</h2>
                        {regions}
                    </section>
                }
            })
            .collect_view()
            .into_any()
    };
    view! {
        <nav class="breadcrumb" aria-label=tr("breadcrumb-label")>
            <a href=c.href("/directory")>{tr("directory-title")}</a>
        </nav>
        <PageHeader title="directory-regions-title" intro="directory-regions-intro" />
        {list}
    }
}
