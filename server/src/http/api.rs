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
        description = "Read access to an Archipel instance: partner organisations and search. Errors are RFC 9457 problem documents.",
        license(name = "AGPL-3.0-or-later")
    ),
    paths(list_partners, get_partner, search),
    components(schemas(Partner, Problem, SearchHit, SearchResponse))
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

/// One search result.
#[derive(Debug, Serialize, ToSchema)]
pub struct SearchHit {
    /// `resource:…`, `course:…`, `lesson:…`, `partner:…`.
    id: String,
    /// `resource`, `course`, `lesson`, `partner`.
    kind: String,
    /// In the requested language when the thing has a text in it.
    title: String,
    /// BCP 47 tag of the title and snippet.
    language: String,
    /// Absolute URL of its page, in the requested language.
    url: String,
    /// Plain-text excerpt; matched terms are between `<b>` and `</b>`, the
    /// rest is HTML-escaped.
    snippet: String,
    /// Relevance score (BM25 with field boosts); null when sorted by date.
    score: Option<f32>,
}

/// A page of search results with facet counts over every match.
#[derive(Debug, Serialize, ToSchema)]
pub struct SearchResponse {
    total: usize,
    page: usize,
    hits: Vec<SearchHit>,
    /// Facet group → value → number of matches.
    facets: std::collections::BTreeMap<String, std::collections::BTreeMap<String, u64>>,
    /// True when the words as typed found fewer than three things and
    /// matches for close words are included (after the exact ones).
    fuzzy: bool,
    /// When words typed are not in the index: the text with each replaced by
    /// the closest indexed word ("did you mean").
    suggestion: Option<String>,
}

/// Searches courses, lessons, library resources and partners in every language.
#[utoipa::path(
    get,
    path = "/api/v1/search",
    params(
        ("q" = Option<String>, Query, description = "What to look for; quotes for a phrase, -word to exclude"),
        ("lang" = Option<String>, Query, description = "The reader's language (fr, en, de, it, hr): titles and URLs in it"),
        ("kind" = Option<String>, Query, description = "course, lesson, resource or partner; repeatable"),
        ("type" = Option<String>, Query, description = "Resource type (guide, video…); repeatable"),
        ("language" = Option<String>, Query, description = "Language the thing can be read in; repeatable"),
        ("topic" = Option<String>, Query, description = "Topic id (narrower topics included); repeatable"),
        ("partner" = Option<String>, Query, description = "Partner slug; repeatable"),
        ("licence" = Option<String>, Query, description = "Licence name, e.g. CC BY-SA 4.0; repeatable"),
        ("country" = Option<String>, Query, description = "ISO country code; repeatable"),
        ("level" = Option<String>, Query, description = "Course level; repeatable"),
        ("page" = Option<usize>, Query, description = "Page of 20 results, from 1"),
        ("sort" = Option<String>, Query, description = "relevance (default) or newest"),
        ("prefix" = Option<bool>, Query, description = "Search as you type: the last word also matches the words it begins; such searches are not logged")
    ),
    responses((status = 200, description = "Results", body = SearchResponse))
)]
async fn search(
    State(state): State<AppState>,
    axum::extract::RawQuery(raw): axum::extract::RawQuery,
) -> Result<Json<SearchResponse>, Response> {
    let asked = search_index::address::parse(raw.as_deref());
    let pairs: Vec<(String, String)> =
        serde_urlencoded::from_str(raw.as_deref().unwrap_or_default()).unwrap_or_default();
    let offered = state.settings.langs();
    let lang = pairs
        .iter()
        .find(|(k, _)| k == "lang")
        .and_then(|(_, v)| i18n::Lang::from_code(v))
        .filter(|l| offered.contains(l))
        .unwrap_or_else(|| state.settings.default_lang());
    let found = super::search::execute(&state, &asked, lang.code())
        .await
        .map_err(|e| AppError::Internal(e).problem())?;
    let base = state.settings.public_url().to_string();
    Ok(Json(SearchResponse {
        total: found.total,
        page: asked.page,
        hits: found
            .hits
            .into_iter()
            .map(|h| SearchHit {
                url: format!("{base}/{}{}", lang.code(), h.path),
                id: h.id,
                kind: h.kind,
                title: h.title,
                language: h.lang,
                snippet: h.snippet_html,
                score: h.score,
            })
            .collect(),
        facets: found.facets,
        fuzzy: found.fuzzy,
        suggestion: found.suggestion,
    }))
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
        .route("/api/v1/search", get(search))
        .route("/api/v1/{*rest}", get(not_found).fallback(not_found))
}
