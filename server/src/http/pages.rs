//! The home and about pages.

use app::Page;
use axum::response::{IntoResponse, Redirect, Response};

use super::render::Ctx;

pub async fn home(ctx: Ctx) -> Response {
    ctx.show(Page::Home)
}

/// `/fr` → `/fr/`.
pub async fn home_slash(ctx: Ctx) -> Response {
    Redirect::permanent(&ctx.href("/")).into_response()
}

pub async fn about(ctx: Ctx) -> Response {
    ctx.show(Page::About)
}
