//! The public directory of providers: browsing with filters, a provider's
//! page and the "request help" form.

use app::Page;
use axum::Router;
use axum::response::Response;
use axum::routing::get;

use super::render::Ctx;
use crate::state::AppState;

pub fn routes() -> Router<AppState> {
    Router::new().route("/{lang}/directory", get(directory))
}

pub async fn directory(ctx: Ctx) -> Response {
    ctx.show(Page::Directory)
}
