//! What providers' members and the directory's moderators do: editing a
//! profile, its members and logo, reading help requests, reviewing.

use axum::Router;

use crate::state::AppState;

pub fn routes() -> Router<AppState> {
    Router::new()
}
