//! What providers' members and the directory's moderators do: editing a
//! profile, its members and logo, reading help requests, reviewing.
//! Every rule is asked of `store::authz` before acting; a refused form comes
//! back with status 422 and its errors, a done action redirects (303) with a
//! flash message.

mod access;
mod edit;
mod inbox;
mod review;

use axum::Router;
use axum::routing::{get, post};

use crate::state::AppState;

pub fn routes() -> Router<AppState> {
    Router::new()
        .route(
            "/{lang}/directory/new",
            get(edit::new_form).post(edit::create),
        )
        .route("/{lang}/directory/mine", get(edit::mine))
        .route("/{lang}/directory/review", get(review::queue))
        .route("/{lang}/directory/review/{slug}", get(review::page))
        .route(
            "/{lang}/directory/review/{slug}/approve",
            post(review::approve),
        )
        .route(
            "/{lang}/directory/review/{slug}/reject",
            post(review::reject),
        )
        .route(
            "/{lang}/directory/review/{slug}/unpublish",
            post(review::unpublish),
        )
        .route(
            "/{lang}/directory/{slug}/edit",
            get(edit::edit_form).post(edit::update),
        )
        .route("/{lang}/directory/{slug}/logo", post(edit::upload_logo))
        .route("/{lang}/directory/{slug}/submit", post(edit::submit))
        .route("/{lang}/directory/{slug}/confirm", post(edit::confirm))
        .route(
            "/{lang}/directory/{slug}/members",
            get(inbox::members).post(inbox::add_member),
        )
        .route(
            "/{lang}/directory/{slug}/members/{user_id}/remove",
            post(inbox::remove_member),
        )
        .route("/{lang}/directory/{slug}/requests", get(inbox::inbox))
        .route(
            "/{lang}/directory/{slug}/requests/{id}",
            post(inbox::set_request_status),
        )
        .route("/{lang}/admin/help-requests", get(inbox::admin_requests))
}
