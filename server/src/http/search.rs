//! `/{lang}/search`: one search over partners and published resources (and
//! courses and lessons as they join the index), in every language, with
//! facets to narrow it and pages of results. A plain GET form: shareable
//! addresses, works without JavaScript; with it, the page's island fetches
//! the same addresses as the reader types (`prefix=1`: the last word may be
//! unfinished, and the search is not logged) and swaps the results in.

use app::Page;
use app::page::SearchView;
use axum::extract::RawQuery;
use search_index::address::{Asked, parse};
use search_index::{Request, Sort};

use std::sync::Arc;

use super::render::{Ctx, PageResult};
use crate::page_cache::Deps;
use crate::state::AppState;
use views::search::{Labels, facet_views};

pub use views::search::PER_PAGE;

/// Runs a search for a reader of `lang` and logs it (without who asked).
pub async fn execute(
    state: &AppState,
    asked: &Asked,
    lang: &str,
) -> anyhow::Result<search_index::Results> {
    let request = Request {
        text: asked.text.clone(),
        lang: lang.to_string(),
        filters: asked.filters.clone(),
        limit: PER_PAGE,
        offset: (asked.page - 1) * PER_PAGE,
        sort: asked.sort,
        prefix: asked.prefix,
    };
    let index = state.indexer.index().clone();
    let found = tokio::task::spawn_blocking(move || index.find(&request)).await??;
    if !asked.text.trim().is_empty() && asked.page == 1 && !asked.prefix {
        state.search_log.record(store::search_log::Search::now(
            &asked.text,
            lang,
            &asked.filters,
            found.total as i64,
        ));
    }
    Ok(found)
}

/// The names facets show (topics, partners, sources) in the reader's
/// language, kept until one of them changes.
async fn labels(ctx: &Ctx) -> Result<Arc<Labels>, crate::error::AppError> {
    let state = &ctx.state;
    let deps = Deps::TOPICS.and(Deps::PARTNERS).and(Deps::HARVESTED);
    super::cache::shared_fragment(
        state,
        format!("search-labels {}", ctx.lang().code()),
        deps,
        Labels::load(&state.db, ctx.lang()),
    )
    .await
    .map_err(crate::error::AppError::from)
}

pub async fn page(ctx: Ctx, RawQuery(raw): RawQuery) -> PageResult {
    let asked = parse(raw.as_deref());
    let lang = ctx.lang().code().to_string();
    let found = execute(&ctx.state, &asked, &lang).await?;
    let labels = labels(&ctx).await?;
    let sort = match asked.sort {
        Sort::Relevance => "relevance",
        Sort::Newest => "newest",
    }
    .to_string();
    if asked.text.trim().is_empty() && asked.filters.is_empty() {
        // Nothing asked yet: what there is to browse, by kind and by topic.
        let browse = facet_views(&found.facets, &asked, &labels, &["kind", "topic"]);
        return Ok(ctx.show(Page::Search(SearchView {
            query: asked.text,
            sort,
            results: None,
            browse,
        })));
    }
    let results = views::search::results(found, &asked, &labels, &lang);
    Ok(ctx.show(Page::Search(SearchView {
        query: asked.text,
        sort,
        results: Some(results),
        browse: Vec::new(),
    })))
}
