//! Turns a [`PageContext`] into an HTML response, and the request into a
//! [`Ctx`] that page handlers work with.

use std::collections::BTreeMap;
use std::collections::btree_map::Entry;
use std::sync::Arc;

use app::page::{FormState, SessionUser};
use app::{Lang, Page, PageContext};
use axum::extract::FromRequestParts;
use axum::http::request::Parts;
use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{Html, IntoResponse, Redirect, Response};
use hydration_context::{SharedContext, SsrSharedContext};
use leptos::prelude::*;
use store::users::User;
use tower_sessions::Session;

use super::reader::CsrfToken;
use super::security::CspNonce;
use super::session_store::{FLASH, USER_ID};
use crate::error::AppError;
use crate::state::AppState;

/// Renders the whole document for `ctx`.
pub fn render(state: &AppState, mut ctx: PageContext, status: StatusCode) -> Response {
    if status.is_success() && ctx.page.is_linked_data() {
        ctx.json_ld = embedded_json_ld(state, &ctx.path);
    }
    let options = state.leptos.clone();
    let shared = Arc::new(SsrSharedContext::new()) as Arc<dyn SharedContext + Send + Sync>;
    let owner = Owner::new_root(Some(shared));
    let html = owner.with(|| app::shell(options, ctx).to_html());
    let mut res = (status, Html(html)).into_response();
    res.headers_mut().insert(
        header::CACHE_CONTROL,
        HeaderValue::from_static("no-cache, private"),
    );
    res.headers_mut().insert(
        header::VARY,
        HeaderValue::from_static("Cookie, Accept-Language"),
    );
    res
}

/// The description of the thing a page shows (its URI is the page's path
/// under the base URL) as compact JSON-LD; none when the store has nothing
/// on it (a draft) or cannot be read.
fn embedded_json_ld(state: &AppState, path: &str) -> Option<String> {
    let uri = format!("{}{path}", state.rdf.uris().base());
    match projections::blocking::blocking(|| state.rdf.store().describe(&uri)) {
        Ok(graph) if !graph.is_empty() => {
            serde_json::to_string(&linked_data::jsonld::compact(&graph)).ok()
        }
        Ok(_) => None,
        Err(e) => {
            tracing::warn!(error = %e, uri, "no JSON-LD for the page");
            None
        }
    }
}

/// The interface language a request's path asks for, if it names one offered.
pub fn path_lang(state: &AppState, path: &str) -> Option<Lang> {
    let first = path.trim_start_matches('/').split('/').next()?;
    Lang::from_code(first).filter(|l| state.settings.langs().contains(l))
}

/// The page for an error, outside any handler (middleware, fallbacks).
pub async fn error_page(state: &AppState, parts: &Parts, err: AppError) -> Response {
    let lang = path_lang(state, parts.uri.path()).unwrap_or_else(|| state.settings.default_lang());
    error_response(state, base_context(state, lang, parts), err)
}

/// What every page of this request shares, before the user and page are known.
fn base_context(state: &AppState, lang: Lang, parts: &Parts) -> PageContext {
    let full_path = parts.uri.path();
    let prefix = format!("/{}", lang.code());
    let path = full_path
        .strip_prefix(&prefix)
        .filter(|p| p.is_empty() || p.starts_with('/'))
        .unwrap_or("/");
    PageContext {
        lang,
        path: if path.is_empty() {
            "/".into()
        } else {
            path.into()
        },
        base_url: state.settings.public_url().to_string(),
        source_url: state.settings.source_url.clone(),
        csrf: parts
            .extensions
            .get::<CsrfToken>()
            .map(|t| t.0.clone())
            .unwrap_or_default(),
        nonce: parts
            .extensions
            .get::<CspNonce>()
            .map(|n| n.0.clone())
            .unwrap_or_default(),
        ..PageContext::default()
    }
}

fn error_response(state: &AppState, mut ctx: PageContext, err: AppError) -> Response {
    let status = err.status();
    ctx.page = match err {
        AppError::NotFound => Page::NotFound,
        AppError::Forbidden => Page::Forbidden,
        AppError::LoginRequired => {
            let next = format!("/{}{}", ctx.lang.code(), ctx.path);
            return Redirect::to(&format!(
                "/{}/login?next={}",
                ctx.lang.code(),
                app::layout::encode_query(&next)
            ))
            .into_response();
        }
        AppError::Csrf | AppError::BadRequest(_) | AppError::Invalid(_) | AppError::TooLarge => {
            Page::BadRequest
        }
        AppError::Internal(e) => {
            tracing::error!(error = format!("{e:#}"), "internal error");
            Page::ServerError
        }
    };
    render(state, ctx, status)
}

/// Everything a page handler needs about its request.
pub struct Ctx {
    pub state: AppState,
    pub page: PageContext,
    pub session: Session,
    pub user: Option<User>,
    /// The anonymous learner's token from its cookie, if the browser has one.
    pub learner_token: Option<String>,
}

/// A handler's early answer: an error page or a redirect (boxed: responses
/// are large and this travels in every `Result`).
pub struct Failure(pub Box<Response>);

impl IntoResponse for Failure {
    fn into_response(self) -> Response {
        *self.0
    }
}

pub type PageResult = Result<Response, Failure>;

impl FromRequestParts<AppState> for Ctx {
    type Rejection = Response;

    async fn from_request_parts(parts: &mut Parts, state: &AppState) -> Result<Self, Response> {
        let Some(lang) = path_lang(state, parts.uri.path()) else {
            return Err(error_page(state, parts, AppError::NotFound).await);
        };
        let session = Session::from_request_parts(parts, state)
            .await
            .map_err(|(status, msg)| (status, msg).into_response())?;
        let mut ctx = base_context(state, lang, parts);
        let base = ctx.clone();
        let fail = |e: anyhow::Error| error_response(state, base.clone(), AppError::Internal(e));

        let user_id: Option<i64> = session.get(USER_ID).await.map_err(|e| fail(e.into()))?;
        let user = match user_id {
            Some(id) => {
                let user = store::users::find(&state.db, id)
                    .await
                    .map_err(|e| fail(e.into()))?;
                if user.is_none() {
                    // The account is gone: forget it.
                    session.flush().await.map_err(|e| fail(e.into()))?;
                }
                user
            }
            None => None,
        };
        ctx.user = user.as_ref().map(|u| SessionUser {
            id: u.id,
            display_name: u.display_name.clone(),
            role: u.role.as_str().into(),
        });
        if user_id.is_some() || !session.is_empty().await {
            ctx.flash = session
                .remove::<String>(FLASH)
                .await
                .map_err(|e| fail(e.into()))?;
        }
        let learner_token = super::reader::read_cookie(
            &parts.headers,
            super::reader::learner_cookie_name(state.settings.secure_cookies()),
        )
        .filter(|t| t.len() == 64 && t.bytes().all(|b| b.is_ascii_hexdigit()));
        Ok(Ctx {
            state: state.clone(),
            page: ctx,
            session,
            user,
            learner_token,
        })
    }
}

impl Ctx {
    pub fn lang(&self) -> Lang {
        self.page.lang
    }

    pub fn href(&self, path: &str) -> String {
        self.page.href(path)
    }

    /// Renders `page` with status 200.
    pub fn show(self, page: Page) -> Response {
        self.show_with(page, StatusCode::OK, None)
    }

    /// Renders `page` again with a submitted form's values and errors.
    pub fn show_with(
        mut self,
        page: Page,
        status: StatusCode,
        form: Option<FormState>,
    ) -> Response {
        self.page.page = page;
        self.page.form = form;
        render(&self.state, self.page, status)
    }

    /// Shows `page` again after a refused form: what was typed (pass no
    /// passwords in `values`) and what is wrong, with status 422.
    pub fn invalid(
        self,
        page: Page,
        form: &str,
        values: &[(&str, &str)],
        errors: &[store::FieldError],
    ) -> Response {
        let state = form_state(form, values, errors);
        self.show_with(page, StatusCode::UNPROCESSABLE_ENTITY, Some(state))
    }

    /// The error page (or login redirect) for `err`.
    pub fn fail(&self, err: AppError) -> Failure {
        Failure(Box::new(error_response(
            &self.state,
            self.page.clone(),
            err,
        )))
    }

    /// The signed-in account, or a redirect to the login page.
    pub fn require_user(&self) -> Result<User, Failure> {
        self.user
            .clone()
            .ok_or_else(|| self.fail(AppError::LoginRequired))
    }

    pub async fn actor(&self) -> Result<Option<store::authz::Actor>, Failure> {
        match &self.user {
            Some(u) => store::authz::actor_for(&self.state.db, u)
                .await
                .map(Some)
                .map_err(|e| self.fail(e.into())),
            None => Ok(None),
        }
    }

    /// The display name of whoever did something in a history (empty for
    /// nobody or a deleted account); `known` keeps the names already read,
    /// so each account is read once per history.
    pub async fn name_of(
        &self,
        known: &mut BTreeMap<i64, String>,
        user_id: Option<i64>,
    ) -> Result<String, Failure> {
        let Some(id) = user_id else {
            return Ok(String::new());
        };
        if let Entry::Vacant(slot) = known.entry(id) {
            let name = store::users::find(&self.state.db, id)
                .await
                .map_err(|e| self.fail(e.into()))?
                .map(|u| u.display_name)
                .unwrap_or_default();
            slot.insert(name);
        }
        Ok(known[&id].clone())
    }

    /// Whether the signed-in person may do `action`; the error page otherwise.
    pub async fn authorize(&self, action: store::authz::Action) -> Result<(), Failure> {
        let actor = self.actor().await?;
        if store::authz::can(actor.as_ref(), action) {
            Ok(())
        } else if actor.is_none() {
            Err(self.fail(AppError::LoginRequired))
        } else {
            Err(self.fail(AppError::Forbidden))
        }
    }

    /// Redirects (303) to a path under the current language, with a one-time message.
    pub async fn redirect_with(&self, path: &str, flash: &str) -> PageResult {
        self.session
            .insert(FLASH, flash)
            .await
            .map_err(|e| self.fail(AppError::Internal(e.into())))?;
        Ok(Redirect::to(&self.href(path)).into_response())
    }
}

/// Lets `?` turn store and app errors into the matching error page.
pub trait OrFail<T> {
    fn or_fail(self, ctx: &Ctx) -> Result<T, Failure>;
}

impl<T, E: Into<AppError>> OrFail<T> for Result<T, E> {
    fn or_fail(self, ctx: &Ctx) -> Result<T, Failure> {
        self.map_err(|e| ctx.fail(e.into()))
    }
}

/// A form's values to show again (never passwords or the token) and its errors.
pub fn form_state(form: &str, values: &[(&str, &str)], errors: &[store::FieldError]) -> FormState {
    FormState {
        form: form.into(),
        values: values
            .iter()
            .map(|(k, v)| ((*k).to_string(), (*v).to_string()))
            .collect(),
        errors: errors
            .iter()
            .map(|e| (e.field.to_string(), e.code.to_string()))
            .collect(),
        message: None,
    }
}
