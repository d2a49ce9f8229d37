//! The HTTP surface: [`app`] builds the whole router from the shared state, so
//! tests drive it with `oneshot` exactly as the server runs it.

pub mod account_links;
pub mod account_page;
pub mod accounts;
pub mod admin;
pub mod admin_harvest;
pub mod api;
pub mod cache;
pub mod contribute;
pub mod csrf;
pub mod data;
pub mod directory;
pub mod discussions;
pub mod feed;
pub mod files;
pub mod form;
pub mod harvested;
pub mod learner;
pub mod learning;
pub mod library;
pub mod limiter;
pub mod linked;
pub mod logos;
pub mod moderation;
pub mod notifications;
pub mod oai;
pub mod pages;
pub mod partners;
pub mod providers;
pub mod reader;
pub mod render;
pub mod review;
pub mod search;
pub mod security;
pub mod session_store;
pub mod sitemap;
pub mod topics;

use std::time::Duration;

use axum::Router;
use axum::extract::{DefaultBodyLimit, Path, Query, Request, State};
use axum::http::{HeaderValue, StatusCode, header};
use axum::middleware;
use axum::response::{IntoResponse, Json, Redirect, Response};
use axum::routing::{get, post};
use i18n::Lang;
use serde::Deserialize;
use tower::ServiceBuilder;
use tower_http::CompressionLevel;
use tower_http::compression::CompressionLayer;
use tower_http::compression::predicate::{NotForContentType, Predicate, SizeAbove};
use tower_http::limit::RequestBodyLimitLayer;
use tower_http::services::ServeDir;
use tower_http::set_header::SetResponseHeaderLayer;
use tower_http::trace::TraceLayer;
use tower_sessions::cookie::SameSite;
use tower_sessions::{Expiry, SessionManagerLayer};

use crate::error::AppError;
use crate::state::AppState;

pub use reader::{LANG_COOKIE, reader_lang};

pub fn app(state: AppState) -> Router {
    let settings = state.settings.clone();
    let sessions = SessionManagerLayer::new(session_store::SqlSessionStore::new(state.db.clone()))
        .with_name(reader::session_cookie_name(settings.secure_cookies()))
        .with_http_only(true)
        .with_same_site(SameSite::Lax)
        .with_secure(settings.secure_cookies())
        .with_path("/")
        .with_expiry(Expiry::OnInactivity(time::Duration::days(
            settings.limits.session_days.into(),
        )));

    let pages = Router::new()
        .route("/{lang}", get(pages::home_slash))
        .route("/{lang}/", get(pages::home))
        .route("/{lang}/about", get(pages::about))
        .route("/{lang}/courses", get(learning::catalogue))
        .route("/{lang}/courses/{course}", get(learning::course))
        .route(
            "/{lang}/courses/{course}/certificate",
            post(learner::claim_certificate),
        )
        .route(
            "/{lang}/courses/{course}/{module}/{lesson}",
            get(learning::lesson),
        )
        .route(
            "/{lang}/courses/{course}/{module}/{lesson}/discussion",
            get(discussions::page).post(discussions::create),
        )
        .route(
            "/{lang}/discussion/posts/{id}/reply",
            post(discussions::reply),
        )
        .route(
            "/{lang}/discussion/posts/{id}/edit",
            get(discussions::edit_form).post(discussions::edit),
        )
        .route(
            "/{lang}/discussion/posts/{id}/delete",
            post(discussions::delete),
        )
        .route(
            "/{lang}/discussion/posts/{id}/report",
            post(discussions::report),
        )
        .route(
            "/{lang}/discussion/posts/{id}/moderate",
            post(discussions::moderate),
        )
        .route("/{lang}/discussion/moderation", get(moderation::queue))
        .route(
            "/{lang}/discussion/moderation/settings",
            post(moderation::settings),
        )
        .route(
            "/{lang}/discussion/moderation/authors",
            post(moderation::authors),
        )
        .route("/{lang}/discussion/unanswered", get(moderation::unanswered))
        .route("/{lang}/notifications", get(notifications::list))
        .route("/{lang}/notifications/read", post(notifications::read))
        .route(
            "/{lang}/notifications/settings",
            get(notifications::settings_form).post(notifications::save_settings),
        )
        .route(
            "/{lang}/unsubscribe/{key}/{kind}",
            get(notifications::unsubscribe_form).post(notifications::unsubscribe),
        )
        .route(
            "/{lang}/courses/{course}/{module}/{lesson}/done",
            post(learning::mark_done),
        )
        .route(
            "/{lang}/courses/{course}/{module}/{lesson}/quiz",
            post(learning::answer_quiz),
        )
        .route("/{lang}/certificates/{id}", get(learner::certificate))
        .route("/{lang}/learning", get(learner::dashboard))
        .route("/{lang}/library", get(library::home))
        .route("/{lang}/library/feed.atom", get(feed::library_feed))
        .route("/{lang}/library/resources/{uid}", get(library::resource))
        .route("/{lang}/library/harvested/{id}", get(harvested::entry))
        .route(
            "/{lang}/library/new",
            get(contribute::new_form).post(contribute::create),
        )
        .route("/{lang}/library/review", get(review::queue))
        .route(
            "/{lang}/library/topics",
            get(topics::page).post(topics::save),
        )
        .route("/{lang}/library/topics/import", post(topics::import))
        .route("/{lang}/library/requests", get(review::requests))
        .route(
            "/{lang}/library/requests/{id}/take",
            post(review::take_request),
        )
        .route(
            "/{lang}/library/resources/{uid}/request-translation",
            post(review::ask_translation),
        )
        .route(
            "/{lang}/library/resources/{uid}/edit",
            get(contribute::edit_form).post(contribute::update),
        )
        .route(
            "/{lang}/library/resources/{uid}/files/{file}/delete",
            post(files::remove),
        )
        .route(
            "/{lang}/library/resources/{uid}/files/{file}/{name}",
            get(files::download),
        )
        .route(
            "/{lang}/library/resources/{uid}/thumbnails/{name}",
            get(files::thumbnail),
        )
        .route(
            "/{lang}/library/resources/{uid}/submit",
            post(review::submit),
        )
        .route(
            "/{lang}/library/resources/{uid}/publish",
            post(review::publish),
        )
        .route(
            "/{lang}/library/resources/{uid}/request-changes",
            post(review::request_changes),
        )
        .route(
            "/{lang}/library/resources/{uid}/unpublish",
            post(review::unpublish),
        )
        .route(
            "/{lang}/library/resources/{uid}/withdraw",
            post(review::withdraw),
        )
        .route(
            "/{lang}/library/resources/{uid}/translations",
            post(review::save_translation),
        )
        .route(
            "/{lang}/library/resources/{uid}/translations/{text}/submit",
            post(review::submit_translation),
        )
        .route(
            "/{lang}/library/resources/{uid}/translations/{text}/publish",
            post(review::publish_translation),
        )
        .route(
            "/{lang}/library/resources/{uid}/translations/{text}/request-changes",
            post(review::request_translation_changes),
        )
        .route("/{lang}/search", get(search::page))
        .route("/{lang}/data", get(data::page))
        .route(
            "/{lang}/partners",
            get(partners::list).post(partners::create),
        )
        .route(
            "/{lang}/partners/{slug}",
            get(partners::page).post(partners::update),
        )
        .route("/{lang}/partners/{slug}/logo", post(partners::upload_logo))
        .route("/{lang}/partners/{slug}/delete", post(partners::delete))
        .route(
            "/{lang}/partners/{slug}/members",
            post(partners::add_member),
        )
        .route(
            "/{lang}/partners/{slug}/members/{user_id}/remove",
            post(partners::remove_member),
        )
        .route(
            "/{lang}/login",
            get(accounts::login_form).post(accounts::login),
        )
        .route(
            "/{lang}/register",
            get(accounts::register_form).post(accounts::register),
        )
        .route("/{lang}/logout", post(accounts::logout))
        .route("/{lang}/account", get(account_page::account))
        .route("/{lang}/account/profile", post(accounts::profile))
        .route("/{lang}/account/password", post(accounts::password))
        .route("/{lang}/account/delete", post(accounts::delete))
        .route("/{lang}/account/data.json", get(account_page::data))
        .route("/{lang}/account/verify", post(account_links::resend))
        .route("/{lang}/account/verify/{token}", get(account_links::verify))
        .route("/{lang}/account/email", post(account_links::change_email))
        .route(
            "/{lang}/account/email/{token}",
            get(account_links::confirm_email),
        )
        .route(
            "/{lang}/password/forgot",
            get(account_links::forgot_form).post(account_links::forgot),
        )
        .route(
            "/{lang}/password/reset/{token}",
            get(account_links::reset_form).post(account_links::reset),
        )
        .route("/{lang}/admin/users", get(admin::users))
        .route("/{lang}/admin/users/{id}/role", post(admin::set_role))
        .route(
            "/{lang}/admin/harvest",
            get(admin_harvest::list).post(admin_harvest::add),
        )
        .route(
            "/{lang}/admin/harvest/{id}",
            get(admin_harvest::detail).post(admin_harvest::schedule),
        )
        .route(
            "/{lang}/admin/harvest/{id}/run",
            post(admin_harvest::run_now),
        )
        .route(
            "/{lang}/admin/harvest/{id}/remove",
            get(admin_harvest::confirm_remove).post(admin_harvest::remove),
        )
        .merge(directory::routes())
        .merge(providers::routes());

    let immutable = HeaderValue::from_static("public, max-age=31536000, immutable");
    let revalidate = HeaderValue::from_static("no-cache");
    let pkg_cache = if state.hashed_assets {
        immutable.clone()
    } else {
        revalidate
    };
    let pkg = ServiceBuilder::new()
        .layer(SetResponseHeaderLayer::overriding(
            header::CACHE_CONTROL,
            pkg_cache,
        ))
        .service(ServeDir::new(settings.site_root.join("pkg")).precompressed_gzip());
    let media = ServiceBuilder::new()
        .layer(SetResponseHeaderLayer::overriding(
            header::CACHE_CONTROL,
            immutable,
        ))
        .layer(SetResponseHeaderLayer::overriding(
            header::CONTENT_SECURITY_POLICY,
            HeaderValue::from_static("default-src 'none'; sandbox"),
        ))
        .service(ServeDir::new(settings.uploads_dir().join("logos")));

    // Pages: sessions (the signed-in reader), error pages with the reader's
    // header, and the projections poked after a write. Unknown paths end here.
    let pages = pages
        .fallback(fallback)
        .layer(middleware::from_fn_with_state(state.clone(), poke_indexer))
        .layer(middleware::from_fn_with_state(
            state.clone(),
            render::error_pages,
        ))
        .layer(sessions);
    // Everything else reads no session: linked data, the API, OAI-PMH, files.
    let open = Router::new()
        .route("/", get(root))
        .route("/lang/{code}", get(choose_language))
        .route("/readyz", get(readyz))
        .route("/sitemap.xml", get(sitemap::sitemap))
        .route("/robots.txt", get(sitemap::robots))
        .route("/oai", get(oai::get).post(oai::post))
        .merge(api::routes())
        .merge(linked::routes())
        .nest_service("/pkg", pkg)
        .nest_service("/media/logos", media)
        .nest_service(
            courses::catalogue::MEDIA_PATH,
            ServiceBuilder::new()
                .layer(SetResponseHeaderLayer::overriding(
                    header::CACHE_CONTROL,
                    HeaderValue::from_static("public, max-age=31536000, immutable"),
                ))
                .service(ServeDir::new(state.courses.media())),
        )
        .route(
            "/course-files/{*path}",
            get(learning::course_file).layer(SetResponseHeaderLayer::overriding(
                header::CONTENT_SECURITY_POLICY,
                HeaderValue::from_static("default-src 'none'; img-src 'self'; sandbox"),
            )),
        )
        .layer(middleware::from_fn_with_state(
            state.clone(),
            render::error_pages,
        ));

    Router::new()
        // A load balancer's frequent check: nothing but the common layers.
        .route("/healthz", get(healthz))
        .merge(open)
        .merge(pages)
        .layer(middleware::from_fn_with_state(state.clone(), csrf::guard))
        // Security headers: the policy unless a handler set its own (a
        // page's nonce; uploaded files: sandbox), the others always.
        .layer({
            let fixed = |i: usize| {
                let (name, value) = security::FIXED[i];
                SetResponseHeaderLayer::overriding(
                    axum::http::HeaderName::from_static(name),
                    HeaderValue::from_static(value),
                )
            };
            ServiceBuilder::new()
                .layer(SetResponseHeaderLayer::if_not_present(
                    header::CONTENT_SECURITY_POLICY,
                    security::default_policy(),
                ))
                .layer(fixed(0))
                .layer(fixed(1))
                .layer(fixed(2))
                .layer(fixed(3))
                .layer(fixed(4))
        })
        .layer(DefaultBodyLimit::max(settings.max_upload_request_bytes()))
        .layer(RequestBodyLimitLayer::new(
            settings.max_upload_request_bytes(),
        ))
        .layer(middleware::from_fn_with_state(
            state.clone(),
            cache::serve,
        ))
        // Pages made for one reader are compressed at the fastest level: at
        // level 4, compression took a tenth of a signed-in lesson's time for
        // 8 % fewer bytes than level 1 (a 12 KB page: 3.9 KB against 4.3
        // KB). Pages kept for everyone, front-end files and the RDF dumps
        // come compressed at their best (never compressed twice).
        .layer(
            CompressionLayer::new()
                .quality(CompressionLevel::Fastest)
                .compress_when(
                    // Small answers are not worth the work (tower-http's
                    // default threshold is 32 bytes).
                    SizeAbove::new(1024)
                        .and(NotForContentType::GRPC)
                        .and(NotForContentType::IMAGES)
                        .and(NotForContentType::SSE)
                        .and(NotForContentType::const_new("application/gzip")),
                ),
        )
        .layer(TraceLayer::new_for_http().make_span_with(|req: &Request| {
            tracing::info_span!("request", method = %req.method(), path = %req.uri().path())
        }))
        .with_state(state)
}

/// `/`: to the remembered language, else the browser's, else the default.
async fn root(State(state): State<AppState>, req: Request) -> Response {
    let lang = reader_lang(&state, req.headers());
    let mut res = Redirect::to(&format!("/{}/", lang.code())).into_response();
    res.headers_mut().insert(
        header::VARY,
        HeaderValue::from_static("Accept-Language, Cookie"),
    );
    res
}

#[derive(Deserialize)]
struct NextPath {
    next: Option<String>,
}

/// Remembers an explicit language choice and goes to the page in that language.
async fn choose_language(
    State(state): State<AppState>,
    Path(code): Path<String>,
    Query(q): Query<NextPath>,
) -> Response {
    let Some(lang) = Lang::from_code(&code).filter(|l| state.settings.langs().contains(l)) else {
        return StatusCode::NOT_FOUND.into_response();
    };
    let prefix = format!("/{}/", lang.code());
    let next = q
        .next
        .filter(|n| n.starts_with(&prefix) && !n.contains("//") && !n.contains('\\'))
        .unwrap_or(prefix);
    let secure = if state.settings.secure_cookies() {
        "; Secure"
    } else {
        ""
    };
    let cookie = format!(
        "{LANG_COOKIE}={}; Path=/; Max-Age=31536000; SameSite=Lax{secure}",
        lang.code()
    );
    let mut res = Redirect::to(&next).into_response();
    if let Ok(v) = HeaderValue::from_str(&cookie) {
        res.headers_mut().insert(header::SET_COOKIE, v);
    }
    res
}

/// Alive: the process answers (no work, for a load balancer's frequent checks).
async fn healthz() -> Response {
    static BODY: &str = concat!(
        "{\"status\":\"ok\",\"version\":\"",
        env!("CARGO_PKG_VERSION"),
        "\"}"
    );
    (
        [
            (header::CONTENT_TYPE, "application/json"),
            (header::CACHE_CONTROL, "no-store"),
        ],
        BODY,
    )
        .into_response()
}

/// Ready: the database answers within two seconds.
async fn readyz(State(state): State<AppState>) -> Response {
    let db = tokio::time::timeout(
        Duration::from_secs(2),
        sqlx::query("SELECT 1").execute(state.db.pool()),
    )
    .await;
    let ok = matches!(db, Ok(Ok(_)));
    let body = serde_json::json!({
        "status": if ok { "ok" } else { "unavailable" },
        "version": env!("CARGO_PKG_VERSION"),
        "database": if ok { "ok" } else { "unreachable" },
    });
    let status = if ok {
        StatusCode::OK
    } else {
        StatusCode::SERVICE_UNAVAILABLE
    };
    let mut res = (status, Json(body)).into_response();
    res.headers_mut()
        .insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    res
}

/// After a write that succeeded, the page cache drops the pages it changed
/// before the answer leaves (so the writer's next page is current), the
/// indexer applies the outbox at once rather than at its next periodic pass,
/// and help requests just stored go out by e-mail.
async fn poke_indexer(
    State(state): State<AppState>,
    req: Request,
    next: middleware::Next,
) -> Response {
    let write = !matches!(
        *req.method(),
        axum::http::Method::GET | axum::http::Method::HEAD
    );
    let res = next.run(req).await;
    if write && res.status().as_u16() < 400 {
        if let Err(e) = state.pages.follow(&state.db).await {
            tracing::warn!(error = %e, "the page cache could not read the outbox");
            state.pages.invalidate(crate::page_cache::Deps::ALL);
        }
        state.indexer.poke();
        state.rdf.poke();
        state.delivery.poke();
    }
    res
}

/// Any other path: the page layer shows "not found" in the path's language.
async fn fallback() -> AppError {
    AppError::NotFound
}
