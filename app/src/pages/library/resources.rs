//! The library: its home (latest and most viewed resources) and a
//! resource's page.

use leptos::prelude::*;

use crate::pages::PageHeader;
use crate::pages::learning::language_name;
use crate::pages::library::{LibraryHome, ResourceCard, ResourceView};
use crate::{ctx, i18n, tr};

/// `kind-{kind}` keys, written out so every one is known to be used.
pub(super) const KINDS: [(&str, &str); 8] = [
    ("guide", "kind-guide"),
    ("video", "kind-video"),
    ("workshop-kit", "kind-workshop-kit"),
    ("article", "kind-article"),
    ("tool", "kind-tool"),
    ("course", "kind-course"),
    ("podcast", "kind-podcast"),
    ("dataset", "kind-dataset"),
];

fn kind_name(kind: &str) -> String {
    KINDS
        .iter()
        .find(|(k, _)| *k == kind)
        .map(|(_, key)| tr(key))
        .unwrap_or_else(|| kind.to_string())
}

const STATUSES: [(&str, &str); 5] = [
    ("draft", "resource-status-draft"),
    ("submitted", "resource-status-submitted"),
    ("changes-requested", "resource-status-changes-requested"),
    ("unpublished", "resource-status-unpublished"),
    ("withdrawn", "resource-status-withdrawn"),
];

#[component]
fn Card(card: ResourceCard) -> impl IntoView {
    let c = ctx();
    let href = c.href(&format!("/library/resources/{}", card.uid));
    let text_lang = (card.lang != c.lang.code()).then_some(card.lang.clone());
    let langs = card
        .languages
        .iter()
        .map(|l| language_name(l))
        .collect::<Vec<_>>()
        .join(", ");
    let thumbnail = card.thumbnail.as_ref().map(|t| {
        view! { <img class="card-thumbnail" src=c.href(t) alt="" loading="lazy" /> }
    });
    view! {
        <article class="card resource-card" lang=text_lang>
            {thumbnail}
            <p class="meta">{kind_name(&card.kind)}" · "{card.country.clone()}</p>
            <h3><a href=href>{card.title}</a></h3>
            <p>{card.excerpt}</p>
            <p class="meta">{card.publisher}" · "{langs}</p>
        </article>
    }
}

pub(crate) fn cards(list: Vec<ResourceCard>) -> impl IntoView {
    let items = list
        .into_iter()
        .map(|card| view! { <Card card /> })
        .collect_view();
    view! { <div class="cards">{items}</div> }
}

fn filter_form(f: &crate::pages::library::LibraryFilters) -> AnyView {
    let c = ctx();
    let kinds = KINDS
        .iter()
        .map(|(k, key)| (k.to_string(), tr(key)))
        .collect();
    let languages = f
        .languages
        .iter()
        .map(|l| (l.clone(), language_name(l)))
        .collect();
    let countries = f.countries.iter().map(|c| (c.clone(), c.clone())).collect();
    let topics = f
        .topics
        .iter()
        .map(|(t, depth)| {
            (
                t.id.clone(),
                format!("{}{}", "– ".repeat(usize::from(*depth)), t.label),
            )
        })
        .collect();
    let reset = f
        .any()
        .then(|| view! { <a href=c.href("/library")>{tr("filter-reset")}</a> });
    view! {
        <form class="form filters" method="get" action=c.href("/library")>
            {crate::pages::filter_select("kind", "field-kind", &f.kind, kinds)}
            {crate::pages::filter_select("language", "filter-language", &f.language, languages)}
            {crate::pages::filter_select("country", "field-country", &f.country, countries)}
            {crate::pages::filter_select("partner", "resource-publisher", &f.partner, f.partners.clone())}
            {crate::pages::filter_select("topic", "filter-topic", &f.topic, topics)}
            <div class="form-actions">
                <button type="submit" class="button">{tr("filter-apply")}</button>
                {reset}
            </div>
        </form>
    }
    .into_any()
}

#[component]
pub fn Library(home: LibraryHome) -> impl IntoView {
    let lang = crate::lang();
    let filters = filter_form(&home.filters);
    let body = if let Some(results) = home.results.clone() {
        let count = i18n::t_args(
            lang,
            "library-found",
            &[("count", results.len().to_string())],
        );
        let list = if results.is_empty() {
            view! { <p class="empty">{tr("library-no-match")}</p> }.into_any()
        } else {
            cards(results).into_any()
        };
        view! { <p class="result-count" role="status">{count}</p>{list} }.into_any()
    } else if home.total == 0 {
        view! { <p class="empty">{tr("library-empty")}</p> }.into_any()
    } else {
        let count = i18n::t_args(lang, "library-count", &[("count", home.total.to_string())]);
        let popular = (!home.popular.is_empty()).then(|| {
            view! {
                <h2>{tr("library-popular")}</h2>
                {cards(home.popular.clone())}
            }
        });
        view! {
            <p class="result-count">{count}</p>
            <h2>{tr("library-latest")}</h2>
            {cards(home.latest.clone())}
            {popular}
        }
        .into_any()
    };
    let c = ctx();
    let links = c.user.as_ref().map(|u| {
        let requests = matches!(u.role.as_str(), "contributor" | "admin")
            .then(|| view! { <a class="button" href=c.href("/library/requests")>{tr("requests-title")}</a> });
        let review = matches!(u.role.as_str(), "moderator" | "admin")
            .then(|| view! { <a class="button" href=c.href("/library/review")>{tr("review-title")}</a> });
        let contribute = matches!(u.role.as_str(), "contributor" | "admin")
            .then(|| view! { <a class="button button-primary" href=c.href("/library/new")>{tr("resource-new-title")}</a> });
        view! { <p class="form-actions">{contribute}{requests}{review}</p> }
    });
    let feed = view! {
        <p>
            <a href=c.href("/library/topics")>{tr("library-browse-topics")}</a>" · "
            <a href=c.href("/library/feed.atom") type="application/atom+xml">{tr("library-feed")}</a>
        </p>
    };
    view! {
        <PageHeader title="library-title" intro="library-intro" />
        {links}
        {filters}
        {body}
        {feed}
    }
}

#[component]
pub fn ResourcePage(resource: ResourceView) -> impl IntoView {
    let c = ctx();
    let lang = c.lang;
    let r = resource;
    let text_lang = (r.lang != lang.code()).then_some(r.lang.clone());
    let fallback = text_lang.as_ref().map(|shown| {
        let note = i18n::t_args(
            lang,
            "resource-not-translated",
            &[("language", language_name(shown))],
        );
        view! { <p class="note" role="note">{note}</p> }
    });
    let status = STATUSES
        .iter()
        .find(|(s, _)| *s == r.status)
        .map(|(_, key)| {
            let reason = (!r.status_reason.is_empty())
                .then(|| view! { " "<span>{r.status_reason.clone()}</span> });
            view! { <p class="flash flash-error" role="status"><strong>{tr(key)}</strong>{reason}</p> }
        });
    let machine = (r.origin == "machine-assisted")
        .then(|| view! { <p class="note">{tr("resource-machine-assisted")}</p> });
    let also_in =
        (!r.also_in.is_empty()).then(|| {
            let links = r
            .also_in
            .iter()
            .map(|(l, _)| {
                let href = format!("{}?in={l}", c.href(&format!("/library/resources/{}", r.uid)));
                view! { " "<a href=href hreflang=l.clone() lang=l.clone()>{language_name(l)}</a> }
            })
            .collect_view();
            view! { <p>{tr("resource-also-in")}{links}</p> }
        });
    let licence = match &r.licence.uri {
        Some(uri) => view! {
            <a class="badge" rel="license" href=uri.clone()>{r.licence.label.clone()}</a>
        }
        .into_any(),
        None => {
            view! { <span class="badge">{tr("resource-all-rights-reserved")}</span> }.into_any()
        }
    };
    let visit = (!r.url.is_empty()).then(|| {
        view! {
            <p><a class="button button-primary" href=r.url.clone()>{tr("resource-visit")}</a></p>
        }
    });
    let optional = |key: &'static str, value: &str| {
        (!value.is_empty()).then(|| view! { <dt>{tr(key)}</dt><dd>{value.to_string()}</dd> })
    };
    let topics = r
        .topics
        .iter()
        .map(|t| {
            let href = format!("{}?topic={}", c.href("/library"), t.id);
            view! { <li><a href=href>{t.label.clone()}</a></li> }
        })
        .collect_view();
    let files = (!r.files.is_empty()).then(|| {
        let rows = r
            .files
            .iter()
            .map(|f| {
                let icon = match &f.thumbnail {
                    Some(t) => view! { <img class="file-thumbnail" src=c.href(t) alt="" /> }.into_any(),
                    None => view! { <span class="file-icon" aria-hidden="true">{f.badge.clone()}</span> }.into_any(),
                };
                let size = crate::pages::library::human_size(f.bytes);
                view! {
                    <li class="file">
                        {icon}
                        <a href=c.href(&f.url) download=f.name.clone()>{f.name.clone()}</a>
                        <span class="meta">{format!(" {} · {size}", f.badge)}</span>
                    </li>
                }
            })
            .collect_view();
        view! {
            <h2>{tr("resource-files")}</h2>
            <ul class="files">{rows}</ul>
        }
    });
    let picture = r.thumbnail.as_ref().map(|t| {
        view! { <img class="resource-thumbnail" src=c.href(t) alt="" /> }
    });
    let a = r.actions;
    let actions = (a.edit || a.submit || a.review || a.unpublish || a.withdraw)
        .then(|| view! { <super::contribute::Actions uid=r.uid.clone() actions=r.actions /> });
    let translations = (r.actions.translate || r.actions.review_translations).then(|| {
        view! {
            <super::contribute::Translations uid=r.uid.clone() rows=r.translations.clone() actions=r.actions />
        }
    });
    let ask = r.actions.request_translation.then(|| {
        view! {
            <section class="panel" aria-labelledby="ask-heading">
                <h2 id="ask-heading">{tr("request-title")}</h2>
                <super::contribute::AskTranslation uid=r.uid.clone() />
            </section>
        }
    });
    let history = (!r.history.is_empty())
        .then(|| view! { <super::contribute::History rows=r.history.clone() /> });
    let related = (!r.related.is_empty()).then(|| {
        view! {
            <h2>{tr("resource-related")}</h2>
            {cards(r.related.clone())}
        }
    });
    view! {
        <nav class="breadcrumb" aria-label=tr("breadcrumb-label")>
            <a href=c.href("/library")>{tr("library-title")}</a>
        </nav>
        {status}
        <article class="resource">
            <header class="page-header" lang=text_lang.clone()>
                <p class="meta">{kind_name(&r.kind)}</p>
                <h1>{r.title.clone()}</h1>
            </header>
            {fallback}
            {machine}
            {picture}
            <div class="prose" lang=text_lang inner_html=r.description_html.clone()></div>
            {visit}
            {files}
            {also_in}
            <dl class="facts">
                <dt>{tr("resource-publisher")}</dt>
                <dd><a href=c.href(&r.publisher.path)>{r.publisher.title.clone()}</a></dd>
                {optional("resource-authors", &r.authors.join(", "))}
                {optional("resource-date", &r.date_created)}
                <dt>{tr("resource-country")}</dt><dd>{r.country.clone()}</dd>
                <dt>{tr("resource-language")}</dt><dd>{language_name(&r.original)}</dd>
                {optional("resource-audience", &r.audience)}
                {optional("resource-level", &r.educational_level)}
                <dt>{tr("resource-licence")}</dt><dd>{licence}</dd>
            </dl>
            <h2>{tr("resource-topics")}</h2>
            <ul class="tags">{topics}</ul>
            <h2>{tr("resource-cite")}</h2>
            <p class="citation">{r.citation.clone()}</p>
        </article>
        {actions}
        {translations}
        {ask}
        {history}
        {related}
    }
}
