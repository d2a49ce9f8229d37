//! The page cache: pages that look the same for every reader without an
//! account are rendered once per address (path and query; the language is in
//! the path), kept with their brotli and gzip bytes and a strong ETag, and
//! answered from memory before any session, CSRF or SQL work.
//!
//! - Who gets them: GET and HEAD requests for a page address that carry
//!   neither a session cookie nor an anonymous learner's cookie (their pages
//!   show their progress). Everyone else gets a page rendered for them.
//! - What is kept: a page the page layer marked [`Cacheable`] (see
//!   [`depends_on`]): rendered with status 200, no flash, no form state, no
//!   cookie set. Pages with islands, search results and private pages never
//!   are.
//! - How long: until something the page shows changes. Each page kind names
//!   the kinds of data it [`depends_on`]; the outbox (every change to a
//!   resource, topic, partner, provider or harvested entry) drops exactly
//!   the pages that show it: a write through this node's pages before its
//!   answer leaves, anything else (jobs, commands, other app nodes) when the
//!   search indexer applies it, so a page is never older than search. A
//!   content reload (the catalogue's generation) and a new data dump do the
//!   same for the pages that show them. A deploy starts empty, and the ETag is
//!   a hash of the bytes, so a proxy's old copy never matches a new page.
//!   Never a timer. Memory is bounded: least recently used pages go first.

use std::sync::Arc;

use anyhow::Context;

use app::Page;
use axum::extract::{Request, State};
use axum::http::{Method, StatusCode, header};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};

use super::reader::{learner_cookie_name, path_lang, read_cookie, session_cookie_name};
use crate::page_cache::{Deps, Entry, Versions};
use crate::state::AppState;

/// Marks a request that the cache may answer (set by [`serve`]): the page
/// layer then renders shared pages without a CSRF token.
#[derive(Debug, Clone, Copy)]
pub struct AnonymousRead;

/// Marks a rendered page that every anonymous reader would get alike, with
/// the kinds of data it shows.
#[derive(Debug, Clone, Copy)]
pub struct Cacheable(pub Deps);

/// The kinds of data a page shows when it is the same for every anonymous
/// reader; `None` for pages made for one reader or one query.
pub fn depends_on(page: &Page) -> Option<Deps> {
    let d = match page {
        // The home page names a little of everything.
        Page::Home => Deps::ALL,
        Page::About => Deps::COURSES,
        Page::Courses(_) => Deps::COURSES.and(Deps::TOPICS),
        // Both show how many questions wait for an answer.
        Page::Course(_) | Page::Lesson(_) => Deps::COURSES.and(Deps::TOPICS).and(Deps::DISCUSSIONS),
        Page::Library(_) => Deps::RESOURCES
            .and(Deps::TOPICS)
            .and(Deps::PARTNERS)
            .and(Deps::HARVESTED),
        // A resource names its publisher and topics and shows related ones.
        Page::Resource(_) => Deps::RESOURCES.and(Deps::TOPICS).and(Deps::PARTNERS),
        Page::Harvested(_) => Deps::HARVESTED.and(Deps::TOPICS).and(Deps::RESOURCES),
        Page::Topics(_) => Deps::TOPICS.and(Deps::RESOURCES),
        Page::Directory(_) | Page::DirectoryRegions(_) | Page::Provider(_) => {
            Deps::PROVIDERS.and(Deps::TOPICS).and(Deps::PARTNERS)
        }
        Page::Partners { .. } | Page::Partner(_) => {
            Deps::PARTNERS.and(Deps::RESOURCES).and(Deps::PROVIDERS)
        }
        Page::Data(d) if d.query.is_empty() && d.outcome.is_none() => Deps::DUMPS,
        _ => return None,
    };
    (!page.has_islands()).then_some(d)
}

/// The generations now.
pub fn versions(state: &AppState) -> Versions {
    Versions {
        courses: state.courses.generation(),
        dumps: state.rdf.dumps().generation(),
    }
}

/// A part of pages made for one reader that is the same for all of them (a
/// list of names, a tree of topics): the kept one while nothing it `deps` on
/// changed, else what `make` gives, kept for the next page.
pub async fn shared_fragment<T, E>(
    state: &AppState,
    key: String,
    deps: Deps,
    make: impl std::future::Future<Output = Result<T, E>>,
) -> Result<Arc<T>, E>
where
    T: std::any::Any + Send + Sync,
{
    let now = versions(state);
    if let Some(kept) = state.pages.fragment::<T>(&key, now) {
        return Ok(kept);
    }
    // Read before `make` runs: a change meanwhile keeps nothing.
    let generation = state.pages.generation();
    let value = Arc::new(make.await?);
    state
        .pages
        .keep_fragment(key, (deps, now), value.clone(), generation);
    Ok(value)
}

/// Whether the request may be answered from the cache: a page read by
/// someone with neither a session nor an anonymous learner's progress.
fn eligible(state: &AppState, req: &Request) -> bool {
    if !matches!(*req.method(), Method::GET | Method::HEAD) || !state.pages.enabled() {
        return false;
    }
    if path_lang(state, req.uri().path()).is_none() {
        return false;
    }
    let secure = state.settings.secure_cookies();
    [session_cookie_name(secure), learner_cookie_name(secure)]
        .into_iter()
        .all(|name| read_cookie(req.headers(), name).is_none())
}

/// The largest page kept.
const MAX_PAGE_BYTES: usize = 4 << 20;

/// The layer: answers from the cache, or renders and keeps what may be kept.
pub async fn serve(State(state): State<AppState>, mut req: Request, next: Next) -> Response {
    if !eligible(&state, &req) {
        return next.run(req).await;
    }
    let head = req.method() == Method::HEAD;
    let key = req
        .uri()
        .path_and_query()
        .map_or_else(|| req.uri().path().to_owned(), |p| p.as_str().to_owned());
    let versions = versions(&state);
    if let Some(entry) = state.pages.get(&key, versions) {
        return entry.respond(req.headers(), head);
    }
    let generation = state.pages.generation();
    let asked = req.headers().clone();
    req.extensions_mut().insert(AnonymousRead);
    let res = next.run(req).await;
    let Some(Cacheable(deps)) = res.extensions().get::<Cacheable>().copied() else {
        return res;
    };
    if res.status() != StatusCode::OK || res.headers().contains_key(header::SET_COOKIE) || head {
        return res;
    }
    match keep(
        &state,
        key,
        res,
        MAX_PAGE_BYTES,
        (deps, versions),
        generation,
        &asked,
    )
    .await
    {
        Ok(res) => res,
        Err(e) => {
            tracing::error!(
                error = format!("{e:#}"),
                "a rendered page could not be kept"
            );
            StatusCode::INTERNAL_SERVER_ERROR.into_response()
        }
    }
}

/// Keeps a rendered answer of at most `limit` bytes under `key`: reads its
/// body, compresses it off the runtime and keeps it unless something changed
/// since `generation` was read (before rendering); the entry answers the
/// request that `asked`. When every compression turn is taken, the answer
/// goes out as rendered and a later request keeps it.
pub async fn keep(
    state: &AppState,
    key: String,
    res: Response,
    limit: usize,
    (deps, versions): (Deps, Versions),
    generation: u64,
    asked: &axum::http::HeaderMap,
) -> anyhow::Result<Response> {
    let Some(_turn) = state.pages.compression_slot() else {
        return Ok(res);
    };
    let (parts, body) = res.into_parts();
    let bytes = axum::body::to_bytes(body, limit)
        .await
        .context("the answer could not be read")?;
    let headers = parts.headers;
    let entry = tokio::task::spawn_blocking(move || Entry::new(headers, bytes, deps, versions))
        .await
        .context("the answer could not be compressed")?;
    let entry = Arc::new(entry);
    state.pages.put(key, entry.clone(), generation);
    Ok(entry.respond(asked, false))
}
