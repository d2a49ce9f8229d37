//! The public directory of providers: browsing with filters ([`listing`]),
//! the countries and regions served ([`regions`]), a provider's page and
//! the "request help" form ([`provider`]). Only published profiles are
//! ever shown here; members and moderators preview theirs elsewhere.

mod listing;
mod provider;
mod regions;

use axum::Router;
use axum::routing::get;

use crate::state::AppState;

pub use listing::PER_PAGE;

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/{lang}/directory", get(listing::directory))
        .route("/{lang}/directory/regions", get(regions::regions))
        .route("/{lang}/directory/{slug}", get(provider::page))
        .route(
            "/{lang}/directory/{slug}/contact",
            get(provider::to_form).post(provider::contact),
        )
}
