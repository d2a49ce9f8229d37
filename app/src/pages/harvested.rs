//! The page of a library entry harvested from another source: what the
//! source says about the resource, where it comes from, and a prominent
//! link to the original.

use leptos::prelude::*;
use serde::{Deserialize, Serialize};

use super::language_name;
use crate::i18n;
use crate::pages::learning::Link;
use crate::{ctx, tr};

/// A harvested entry as its page shows it.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct HarvestedView {
    pub id: i64,
    /// The title and description in the language shown.
    pub title: String,
    pub description: String,
    /// The language of the text shown (`und` when the source said none).
    pub lang: String,
    /// The other languages the source gave a text in.
    pub also_in: Vec<String>,
    /// A library kind code, when the source's type maps to one.
    pub kind: Option<String>,
    /// Languages of the resource itself.
    pub languages: Vec<String>,
    /// The licence's address and its name (the address when not offered here).
    pub licence: Option<(String, String)>,
    pub keywords: Vec<String>,
    pub creators: Vec<String>,
    pub issued: String,
    pub modified: String,
    /// The thing's identifier at the source.
    pub original_uri: String,
    /// Where "See the original" goes: the identifier when it is an address,
    /// else the landing page.
    pub original_href: Option<String>,
    /// A landing page besides the identifier.
    pub url: Option<String>,
    /// The harvest source's label.
    pub source: String,
    /// The partner credited with the source, if any.
    pub partner: Option<Link>,
    /// The day it was last harvested (`YYYY-MM-DD`).
    pub harvested_on: String,
    /// The description's beginning (for link previews).
    pub summary: String,
}

fn paragraphs(text: &str) -> impl IntoView + use<> {
    text.split("\n\n")
        .map(str::trim)
        .filter(|p| !p.is_empty())
        .map(|p| view! { <p>{p.to_string()}</p> })
        .collect_view()
}

#[component]
pub fn HarvestedPage(entry: HarvestedView) -> impl IntoView {
    let c = ctx();
    let lang = c.lang;
    let e = entry;
    let known = |l: &str| l != "und";
    let text_lang =
        (e.lang.split('-').next() != Some(lang.code()) && known(&e.lang)).then_some(e.lang.clone());
    let fallback = text_lang.as_ref().map(|shown| {
        let note = i18n::t_args(
            lang,
            "resource-not-translated",
            &[("language", language_name(shown))],
        );
        view! { <p class="note" role="note">{note}</p> }
    });
    let also_in = (!e.also_in.is_empty()).then(|| {
        let links = e
            .also_in
            .iter()
            .map(|l| {
                let href = format!("{}?in={l}", c.href(&format!("/library/harvested/{}", e.id)));
                let name = if known(l) {
                    language_name(l)
                } else {
                    l.clone()
                };
                view! { " "<a href=href hreflang=l.clone() lang=l.clone()>{name}</a> }
            })
            .collect_view();
        view! { <p>{tr("resource-also-in")}{links}</p> }
    });
    let from = i18n::t_args(lang, "harvested-from", &[("source", e.source.clone())]);
    let partner = e.partner.as_ref().map(|p| {
        view! {
            <dt>{tr("harvested-partner")}</dt>
            <dd><a href=c.href(&p.path)>{p.title.clone()}</a></dd>
        }
    });
    let original = e.original_href.as_ref().map(|href| {
        view! {
            <p class="original-link">
                <a class="button button-primary" href=href.clone() rel="external">
                    {tr("harvested-see-original")}
                </a>
            </p>
        }
    });
    let landing = e
        .url
        .as_ref()
        .filter(|u| Some(*u) != e.original_href.as_ref())
        .map(|u| {
            view! {
                <dt>{tr("harvested-landing-page")}</dt>
                <dd><a href=u.clone() rel="external">{u.clone()}</a></dd>
            }
        });
    let optional = |key: &'static str, value: String| {
        (!value.is_empty()).then(|| view! { <dt>{tr(key)}</dt><dd>{value}</dd> })
    };
    let languages = e
        .languages
        .iter()
        .map(|l| language_name(l))
        .collect::<Vec<_>>()
        .join(", ");
    let licence = match &e.licence {
        Some((uri, label)) => view! {
            <a class="badge" rel="license" href=uri.clone()>{label.clone()}</a>
        }
        .into_any(),
        None => view! { <span>{tr("harvested-licence-none")}</span> }.into_any(),
    };
    let keywords = (!e.keywords.is_empty()).then(|| {
        let items = e
            .keywords
            .iter()
            .map(|k| view! { <li>{k.clone()}</li> })
            .collect_view();
        view! {
            <h2>{tr("harvested-keywords")}</h2>
            <ul class="tags">{items}</ul>
        }
    });
    let kind = e
        .kind
        .as_ref()
        .map(|k| tr(&format!("kind-{k}")))
        .unwrap_or_else(|| tr("search-kind-resource"));
    let harvested = i18n::t_args(lang, "harvested-at", &[("date", e.harvested_on.clone())]);
    view! {
        <nav class="breadcrumb" aria-label=tr("breadcrumb-label")>
            <a href=c.href("/library")>{tr("library-title")}</a>
        </nav>
        <article class="resource harvested">
            <header class="page-header" lang=text_lang.clone()>
                <p class="meta">{kind}</p>
                <h1>{e.title.clone()}</h1>
                <p class="source-line"><strong>{from}</strong></p>
            </header>
            {fallback}
            <div class="prose" lang=text_lang>{paragraphs(&e.description)}</div>
            {original}
            {also_in}
            <dl class="facts">
                {partner}
                {optional("resource-authors", e.creators.join(", "))}
                {optional("harvested-issued", e.issued.clone())}
                {optional("harvested-modified", e.modified.clone())}
                {optional("harvested-languages", languages)}
                <dt>{tr("resource-licence")}</dt><dd>{licence}</dd>
                <dt>{tr("harvested-identifier")}</dt>
                <dd><code>{e.original_uri.clone()}</code></dd>
                {landing}
            </dl>
            {keywords}
            <p class="meta">{harvested}</p>
        </article>
    }
}
