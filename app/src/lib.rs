#![recursion_limit = "256"]
//! Archipel's Leptos application.
//!
//! Pages are rendered on the server from a [`PageContext`] that the HTTP layer
//! builds (language, signed-in person, CSRF token, page data). Only the
//! interactive widgets, Leptos *islands*, are hydrated in the browser, so a page
//! works fully without JavaScript and stays small with it.

pub mod forms;
pub mod islands;
pub mod layout;
#[cfg(feature = "hydrate")]
mod live_search;
pub mod page;
pub mod pages;

use leptos::prelude::*;

// The interface strings live in their own crate (no Leptos there), re-exported
// under the names pages have always used.
pub use ::i18n::{self, Lang, labels};
pub use page::{Page, PageContext};
pub use pages::language_name;

/// The whole HTML document for one request.
pub fn shell(options: LeptosOptions, ctx: PageContext) -> impl IntoView {
    #[cfg(feature = "ssr")]
    provide_context(leptos::nonce::Nonce::from_value(ctx.nonce.clone()));
    let lang = ctx.lang;
    let title = format!(
        "{} · {}",
        ctx.page
            .own_title()
            .unwrap_or_else(|| i18n::t(lang, ctx.page.title_key())),
        i18n::t(lang, "site-name")
    );
    let stylesheet = options_stylesheet(&options);
    let alternates = Lang::ALL
        .into_iter()
        .map(|l| {
            let href = format!("{}{}", ctx.base_url, page::href(l, &ctx.path));
            view! { <link rel="alternate" hreflang=l.code() href=href /> }
        })
        .collect_view();
    // The thing's RDF, one link per format (see the server's linked data).
    let rdf = ctx.page.is_linked_data().then(|| {
        [
            ("text/turtle", "ttl"),
            ("application/ld+json", "jsonld"),
            ("application/rdf+xml", "rdf"),
            ("application/n-triples", "nt"),
        ]
        .into_iter()
        .map(|(media, ext)| {
            let href = format!("{}{}.{ext}", ctx.base_url, ctx.path);
            view! { <link rel="alternate" type=media href=href /> }
        })
        .collect_view()
    });
    // A data block, never run; `<` is escaped so the text cannot end the
    // element early.
    let json_ld = ctx.json_ld.as_ref().map(|json| {
        let json = json.replace('<', "\\u003c");
        view! { <script type="application/ld+json" inner_html=json></script> }
    });
    let x_default = format!("{}/", ctx.base_url);
    let canonical = format!("{}{}", ctx.base_url, ctx.href(&ctx.path));
    let og_title = ctx
        .page
        .own_title()
        .unwrap_or_else(|| i18n::t(lang, ctx.page.title_key()));
    let description = ctx.page.description().map(|d| {
        view! {
            <meta name="description" content=d.clone() />
            {og("og:description", d)}
        }
    });
    // The loader and the wasm only where an island needs them.
    let scripts = ctx
        .page
        .has_islands()
        .then(|| view! { <HydrationScripts options islands=true /> });
    let robots = ctx
        .page
        .noindex()
        .then_some(view! { <meta name="robots" content="noindex" /> });
    provide_context(std::sync::Arc::new(ctx.clone()));
    view! {
        <!DOCTYPE html>
        <html lang=lang.code()>
            <head>
                <meta charset="utf-8" />
                <meta name="viewport" content="width=device-width, initial-scale=1" />
                <meta name="color-scheme" content="light dark" />
                <title>{title}</title>
                {robots}
                <link rel="stylesheet" href=stylesheet />
                <link rel="canonical" href=canonical.clone() />
                {og("og:site_name", i18n::t(lang, "site-name"))}
                {og("og:title", og_title)}
                {og("og:type", ctx.page.og_type().to_string())}
                {og("og:url", canonical)}
                {og("og:locale", lang.code().to_string())}
                {description}
                <meta name="twitter:card" content="summary" />
                {alternates}
                <link rel="alternate" hreflang="x-default" href=x_default />
                {rdf}
                {json_ld}
                {scripts}
            </head>
            <body>
                <layout::Layout />
            </body>
        </html>
    }
}

/// An OpenGraph `<meta property=… content=…>` (the view macro knows no
/// `property` attribute on `meta`).
fn og(property: &'static str, content: String) -> impl IntoView {
    use leptos::tachys::html::attribute::custom::CustomAttribute;
    leptos::html::meta()
        .attr("property", property)
        .attr("content", content)
}

/// The stylesheet's URL, with the content hash the build put in its name.
fn options_stylesheet(options: &LeptosOptions) -> String {
    let name = options.output_name.to_string();
    let hash = asset_hash("css");
    match hash {
        Some(h) => format!("/{}/{name}.{h}.css", options.site_pkg_dir),
        None => format!("/{}/{name}.css", options.site_pkg_dir),
    }
}

/// Reads one entry of the build's `hash.txt` (beside the server binary, as
/// cargo-leptos writes it), once.
#[cfg(feature = "ssr")]
pub fn asset_hash(kind: &str) -> Option<String> {
    use std::sync::OnceLock;
    static HASHES: OnceLock<Vec<(String, String)>> = OnceLock::new();
    let hashes = HASHES.get_or_init(|| {
        let path = std::env::current_exe()
            .ok()
            .and_then(|p| p.parent().map(|d| d.join("hash.txt")));
        path.and_then(|p| std::fs::read_to_string(p).ok())
            .map(|text| {
                text.lines()
                    .filter_map(|l| l.split_once(':'))
                    .map(|(k, v)| (k.trim().to_string(), v.trim().to_string()))
                    .collect()
            })
            .unwrap_or_default()
    });
    hashes
        .iter()
        .find(|(k, _)| k == kind)
        .map(|(_, v)| v.clone())
}

#[cfg(not(feature = "ssr"))]
pub fn asset_hash(_kind: &str) -> Option<String> {
    None
}

/// The request's context; every server-rendered component runs below [`shell`].
/// Shared, not copied: a page's data can be large (a lesson's text, a list of
/// resources) and components ask for the context many times.
pub fn ctx() -> std::sync::Arc<PageContext> {
    use_context::<std::sync::Arc<PageContext>>().unwrap_or_default()
}

/// The language of the page being rendered.
pub fn lang() -> Lang {
    with_context::<std::sync::Arc<PageContext>, _>(|c| c.lang).unwrap_or_default()
}

/// The interface string `key` in the page's language.
pub fn tr(key: &str) -> String {
    i18n::t(lang(), key)
}
