//! `/{lang}/directory`: published providers, narrowed by GET parameters
//! (repeatable: `q`, `help`, `service`, `area`, `language`, `price`,
//! `chatons=1`, `remote=1`, `on_site=1`, `page`). Values of one parameter
//! are alternatives; parameters narrow each other. Unknown values are
//! ignored, so an old or hand-made address still shows a page.

use std::collections::BTreeMap;

use app::page::DirectoryView;
use app::{Lang, Page, labels};
use axum::extract::RawQuery;
use store::directory::address::parse;
use store::directory::browse::{self, Filters};
use store::directory::{HelpKind, PriceModel, Provider, Service};

use super::super::render::{Ctx, PageResult};
use crate::state::AppState;
use views::directory::{area_choices, card, chips, coded, flag, language_choices};

/// Providers per page.
pub const PER_PAGE: usize = 20;

/// The slugs of the providers whose published texts match `text`, best
/// first, from the shared search index.
async fn search_slugs(state: &AppState, text: &str, lang: Lang) -> anyhow::Result<Vec<String>> {
    let index = state.indexer.index().clone();
    let (text, lang) = (text.to_string(), lang.code().to_string());
    let slugs = tokio::task::spawn_blocking(move || {
        projections::search::providers::provider_slugs(&index, &text, &lang)
    })
    .await??;
    Ok(slugs)
}

pub async fn directory(ctx: Ctx, RawQuery(query): RawQuery) -> PageResult {
    let asked = parse(query.as_deref());
    let lang = ctx.lang();
    let db = &ctx.state.db;
    let filters = asked.filters();
    let per_page = PER_PAGE as i64;
    let (total, found) = if asked.q.is_empty() {
        let offset = (asked.page as i64 - 1) * per_page;
        let listing = browse::list(db, &filters, per_page, offset).await?;
        (listing.total, listing.providers)
    } else {
        // The text narrows through the search index; the other filters
        // through SQL; results keep the search's order.
        let slugs = search_slugs(&ctx.state, &asked.q, lang).await?;
        let all = browse::list(db, &filters, i64::MAX, 0).await?;
        let mut matching: Vec<Provider> = all
            .providers
            .into_iter()
            .filter(|p| slugs.contains(&p.slug))
            .collect();
        matching.sort_by_key(|p| slugs.iter().position(|s| *s == p.slug));
        let total = matching.len() as i64;
        let page: Vec<Provider> = matching
            .into_iter()
            .skip((asked.page - 1) * PER_PAGE)
            .take(PER_PAGE)
            .collect();
        (total, page)
    };
    let pages = (total as usize).div_ceil(PER_PAGE).max(1);
    let counts = browse::counts(db).await?;
    let listed = browse::list(db, &Filters::default(), 0, 0).await?.total;
    let code = lang;
    let view = DirectoryView {
        q: asked.q.clone(),
        listed,
        total,
        cards: found.iter().filter_map(|p| card(p, lang)).collect(),
        help: coded(
            HelpKind::ALL,
            HelpKind::as_str,
            |c| labels::help_kind(code, c),
            counts.get("help"),
            &asked.help,
        ),
        services: coded(
            Service::ALL,
            Service::as_str,
            |c| labels::service(code, c),
            counts.get("service"),
            &asked.services,
        ),
        prices: coded(
            PriceModel::ALL,
            PriceModel::as_str,
            |c| labels::price_model(code, c),
            counts.get("price"),
            &asked.prices,
        ),
        languages: language_choices(db, counts.get("language"), &asked.languages).await?,
        areas: area_choices(
            db,
            lang,
            counts.get("country").unwrap_or(&BTreeMap::new()),
            &asked.areas,
        )
        .await?,
        chatons: flag(&counts, "chatons", asked.chatons),
        remote: flag(&counts, "remote", asked.remote),
        on_site: flag(&counts, "on_site", asked.on_site),
        chosen: chips(&asked, lang),
        page: asked.page,
        pages,
        prev: (asked.page > 1).then(|| asked.href((asked.page - 1).min(pages))),
        next: (asked.page < pages).then(|| asked.href(asked.page + 1)),
    };
    Ok(ctx.show(Page::Directory(view)))
}
