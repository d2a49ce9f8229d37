//! The JSON API under `/api/v1`, described by an OpenAPI document. Errors are
//! RFC 9457 problem documents with a stable `code`.

use axum::extract::{Path, State};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use axum::{Json, Router};
use serde::Serialize;
use store::organisations::{self, Organisation};
use utoipa::{OpenApi, ToSchema};

use crate::error::AppError;
use crate::state::AppState;

/// A partner organisation of the network.
#[derive(Debug, Serialize, ToSchema)]
pub struct Partner {
    /// Stable identifier, used in URLs.
    slug: String,
    name: String,
    /// ISO 3166-1 alpha-2 country code.
    country: String,
    /// BCP 47 tags of the organisation's working languages.
    languages: Vec<String>,
    website: Option<String>,
    /// Absolute URL of the logo image.
    logo: Option<String>,
}

impl Partner {
    fn from_org(o: Organisation, base: &str) -> Self {
        Partner {
            slug: o.slug,
            name: o.name,
            country: o.country,
            languages: o.languages,
            website: (!o.website.is_empty()).then_some(o.website),
            logo: o.logo.map(|f| format!("{base}/media/logos/{f}")),
        }
    }
}

/// An error (RFC 9457 problem details).
#[derive(Debug, Serialize, ToSchema)]
pub struct Problem {
    #[serde(rename = "type")]
    kind: String,
    title: String,
    status: u16,
    /// Stable machine-readable error code, e.g. `not_found`.
    code: String,
}

#[derive(OpenApi)]
#[openapi(
    info(
        title = "Archipel API",
        description = "Read access to an Archipel instance: partner organisations. Errors are RFC 9457 problem documents.",
        license(name = "AGPL-3.0-or-later")
    ),
    paths(list_partners, get_partner),
    components(schemas(Partner, Problem))
)]
pub struct ApiDoc;

/// Every partner organisation, by name.
#[utoipa::path(get, path = "/api/v1/partners", responses((status = 200, description = "The partner organisations", body = Vec<Partner>)))]
async fn list_partners(State(state): State<AppState>) -> Result<Json<Vec<Partner>>, Response> {
    let base = state.settings.public_url().to_string();
    let orgs = organisations::list(&state.db)
        .await
        .map_err(|e| AppError::from(e).problem())?;
    Ok(Json(
        orgs.into_iter()
            .map(|o| Partner::from_org(o, &base))
            .collect(),
    ))
}

/// One partner organisation.
#[utoipa::path(
    get,
    path = "/api/v1/partners/{slug}",
    params(("slug" = String, Path, description = "The organisation's identifier")),
    responses(
        (status = 200, description = "The organisation", body = Partner),
        (status = 404, description = "No such organisation", body = Problem, content_type = "application/problem+json")
    )
)]
async fn get_partner(
    State(state): State<AppState>,
    Path(slug): Path<String>,
) -> Result<Json<Partner>, Response> {
    let base = state.settings.public_url().to_string();
    let org = organisations::get_by_slug(&state.db, &slug)
        .await
        .map_err(|e| AppError::from(e).problem())?;
    Ok(Json(Partner::from_org(org, &base)))
}

async fn openapi() -> Json<utoipa::openapi::OpenApi> {
    Json(ApiDoc::openapi())
}

async fn not_found() -> Response {
    AppError::NotFound.problem().into_response()
}

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/api/v1/openapi.json", get(openapi))
        .route("/api/v1/partners", get(list_partners))
        .route("/api/v1/partners/{slug}", get(get_partner))
        .route("/api/v1/{*rest}", get(not_found).fallback(not_found))
}
