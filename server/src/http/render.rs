//! Turns a [`PageContext`] into an HTML response, and the request into a
//! [`Ctx`] that page handlers work with.

use std::collections::BTreeMap;
use std::collections::btree_map::Entry;
use std::sync::Arc;

use app::page::{FormState, SessionUser};
use app::{Lang, Page, PageContext};
use axum::extract::{FromRequestParts, Request, State};
use axum::http::request::Parts;
use axum::http::{Extensions, HeaderValue, StatusCode, header};
use axum::middleware::Next;
use axum::response::{Html, IntoResponse, Redirect, Response};
use hydration_context::{SharedContext, SsrSharedContext};
use leptos::prelude::*;
use store::learning::LearnerId;
use store::users::User;
use tower_sessions::Session;

use super::cache::{self, AnonymousRead};
use super::reader::{CsrfToken, path_lang};
use super::security::{self, random_token};
use super::session_store::{ACCOUNT, Account, FLASH, SEEN_DAY, USER_ID};
use crate::error::{AppError, Unrendered};
use crate::state::AppState;

/// What the page layer knows about the reader beyond the page context.
#[derive(Debug, Clone, Default)]
pub struct Reader {
    /// The CSRF token of the reader's cookie, if they have one.
    pub token: Option<String>,
    /// The request may be answered from the page cache (see
    /// [`super::cache`]): no session, no learner cookie.
    pub anonymous: bool,
}

impl Reader {
    fn of(extensions: &Extensions) -> Self {
        Reader {
            token: extensions.get::<CsrfToken>().map(|t| t.0.clone()),
            anonymous: extensions.get::<AnonymousRead>().is_some(),
        }
    }
}

/// Renders the whole document for `ctx`.
///
/// A page that looks the same for every anonymous reader is rendered without
/// a CSRF token (its forms rely on the browser's same-origin headers, see
/// [`super::csrf`]) and marked for the page cache. Any other page carries the
/// reader's token, made and set in a cookie here when they have none. Only a
/// page with an island gets a script nonce.
pub fn render(
    state: &AppState,
    mut ctx: PageContext,
    status: StatusCode,
    reader: &Reader,
) -> Response {
    if status.is_success() && ctx.page.is_linked_data() {
        ctx.json_ld = embedded_json_ld(state, &ctx.page, &ctx.path);
    }
    let shared_by_all = (reader.anonymous
        && status == StatusCode::OK
        && ctx.user.is_none()
        && ctx.flash.is_none()
        && ctx.form.is_none())
    .then(|| cache::depends_on(&ctx.page))
    .flatten();
    let new_token = match (&shared_by_all, &reader.token) {
        (Some(_), _) => {
            ctx.csrf = String::new();
            None
        }
        (None, Some(token)) => {
            ctx.csrf = token.clone();
            None
        }
        (None, None) => {
            ctx.csrf = random_token(24);
            Some(ctx.csrf.clone())
        }
    };
    let policy = ctx.page.has_islands().then(|| {
        ctx.nonce = random_token(18);
        security::policy(Some(&ctx.nonce))
    });
    let options = state.leptos.clone();
    let shared = Arc::new(SsrSharedContext::new()) as Arc<dyn SharedContext + Send + Sync>;
    let owner = Owner::new_root(Some(shared));
    let html = owner.with(|| app::shell(options, ctx).to_html());
    let mut res = (status, Html(html)).into_response();
    let h = res.headers_mut();
    h.insert(
        header::CACHE_CONTROL,
        HeaderValue::from_static("no-cache, private"),
    );
    h.insert(
        header::VARY,
        HeaderValue::from_static("Cookie, Accept-Language"),
    );
    if let Some(v) = policy.and_then(|p| HeaderValue::from_str(&p).ok()) {
        h.insert(header::CONTENT_SECURITY_POLICY, v);
    }
    if let Some(token) = new_token {
        super::reader::set_csrf_cookie(state, &mut res, &token);
    }
    if let Some(deps) = shared_by_all {
        res.extensions_mut().insert(cache::Cacheable(deps));
    }
    res
}

/// The description of the thing a page shows (its URI is the page's path
/// under the base URL) as compact JSON-LD; none when the store has nothing
/// on it (a draft) or cannot be read. Kept between pages (signed-in readers
/// get theirs rendered each time) until the RDF store changes what it shows.
fn embedded_json_ld(state: &AppState, page: &Page, path: &str) -> Option<String> {
    let uri = format!("{}{path}", state.rdf.uris().base());
    let key = format!("json-ld {uri}");
    let now = cache::versions(state);
    if let Some(kept) = state.pages.fragment::<Option<String>>(&key, now) {
        return (*kept).clone();
    }
    let generation = state.pages.generation();
    let json = match projections::blocking::blocking(|| state.rdf.store().describe(&uri)) {
        Ok(graph) if !graph.is_empty() => {
            serde_json::to_string(&linked_data::jsonld::compact(&graph)).ok()
        }
        Ok(_) => None,
        Err(e) => {
            tracing::warn!(error = %e, uri, "no JSON-LD for the page");
            return None;
        }
    };
    if let Some(deps) = cache::depends_on(page) {
        state
            .pages
            .keep_fragment(key, (deps, now), Arc::new(json.clone()), generation);
    }
    json
}

/// The page for an error found before the page layer runs (the CSRF guard).
pub fn error_page(state: &AppState, parts: &Parts, err: AppError) -> Response {
    let status = err.status();
    if let AppError::Internal(e) = &err {
        tracing::error!(error = format!("{e:#}"), "internal error");
    }
    let lang = path_lang(state, parts.uri.path()).unwrap_or_else(|| state.settings.default_lang());
    let ctx = base_context(state, lang, parts.uri.path());
    error_response(state, ctx, status, &Reader::of(&parts.extensions))
}

/// The one place where errors become pages. A handler (or extractor, or the
/// fallback) answers `Err(AppError)`, which leaves a bare response marked
/// [`Unrendered`]; this layer replaces it with the error page in the
/// language of the path, with the reader's account in the header, or with
/// the login redirect. Everything else passes through untouched.
pub async fn error_pages(State(state): State<AppState>, req: Request, next: Next) -> Response {
    let path = req.uri().path().to_owned();
    let reader = Reader::of(req.extensions());
    let session = req.extensions().get::<Session>().cloned();
    let res = next.run(req).await;
    if res.extensions().get::<Unrendered>().is_none() {
        return res;
    }
    let lang = path_lang(&state, &path).unwrap_or_else(|| state.settings.default_lang());
    let mut ctx = base_context(&state, lang, &path);
    if let Some(session) = session {
        match signed_in(&state, &session).await {
            Ok(account) => {
                ctx.user = account
                    .as_ref()
                    .map(|(user, _, unread)| session_user(user, *unread))
            }
            Err(e) => tracing::warn!(error = format!("{e:#}"), "no account for the error page"),
        }
    }
    error_response(&state, ctx, res.status(), &reader)
}

/// What every page of this request shares, before the user and page are known.
fn base_context(state: &AppState, lang: Lang, full_path: &str) -> PageContext {
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
        ..PageContext::default()
    }
}

/// The error page for `status`, or the login redirect for 401.
fn error_response(
    state: &AppState,
    mut ctx: PageContext,
    status: StatusCode,
    reader: &Reader,
) -> Response {
    ctx.page = match status {
        StatusCode::NOT_FOUND => Page::NotFound,
        StatusCode::FORBIDDEN => Page::Forbidden,
        StatusCode::UNAUTHORIZED => {
            let next = format!("/{}{}", ctx.lang.code(), ctx.path);
            return Redirect::to(&format!(
                "/{}/login?next={}",
                ctx.lang.code(),
                app::layout::encode_query(&next)
            ))
            .into_response();
        }
        s if s.is_server_error() => Page::ServerError,
        _ => Page::BadRequest,
    };
    render(state, ctx, status, reader)
}

/// The account signed in on `session`, if any, with its learner when the
/// session read told it (`Some(None)`: the account has no learner yet;
/// `None`: not known); a session whose account is gone is forgotten.
async fn signed_in(
    state: &AppState,
    session: &Session,
) -> anyhow::Result<Option<(User, Option<Option<LearnerId>>, i64)>> {
    let Some(id) = session.get::<i64>(USER_ID).await? else {
        return Ok(None);
    };
    if let Some(account) = session.get::<Account>(ACCOUNT).await?
        && account.user.id == id
    {
        return Ok(Some((
            account.user,
            Some(account.learner.map(LearnerId)),
            account.unread,
        )));
    }
    let Some(user) = store::users::find(&state.db, id).await? else {
        session.flush().await?;
        return Ok(None);
    };
    let unread = store::notifications::unread(&state.db, user.id).await?;
    Ok(Some((user, None, unread)))
}

/// Extends a signed-in session's life (`[limits] session_days` without
/// activity) on its first request of each day: one write a day, not one per
/// page.
async fn keep_alive(session: &Session) -> Result<(), AppError> {
    let today = time::OffsetDateTime::now_utc().unix_timestamp() / 86_400;
    if session
        .get::<i64>(SEEN_DAY)
        .await
        .map_err(AppError::internal)?
        != Some(today)
    {
        session
            .insert(SEEN_DAY, today)
            .await
            .map_err(AppError::internal)?;
    }
    Ok(())
}

fn session_user(u: &User, unread: i64) -> SessionUser {
    SessionUser {
        unread,
        id: u.id,
        display_name: u.display_name.clone(),
        role: u.role.as_str().into(),
    }
}

/// Everything a page handler needs about its request.
pub struct Ctx {
    pub state: AppState,
    pub page: PageContext,
    pub session: Session,
    pub user: Option<User>,
    /// The account's learner when the session read told it: `Some(None)` for
    /// an account that has not started anything yet, `None` when unknown.
    pub account_learner: Option<Option<LearnerId>>,
    /// The anonymous learner's token from its cookie, if the browser has one.
    pub learner_token: Option<String>,
    pub reader: Reader,
}

/// What a page handler answers: its page, or the error the page layer shows.
pub type PageResult = Result<Response, AppError>;

impl FromRequestParts<AppState> for Ctx {
    type Rejection = AppError;

    async fn from_request_parts(parts: &mut Parts, state: &AppState) -> Result<Self, AppError> {
        let lang = path_lang(state, parts.uri.path()).ok_or(AppError::NotFound)?;
        let session = Session::from_request_parts(parts, state)
            .await
            .map_err(|(_, msg)| AppError::Internal(anyhow::anyhow!(msg)))?;
        let mut ctx = base_context(state, lang, parts.uri.path());
        let (user, account_learner, unread) = match signed_in(state, &session).await? {
            Some((user, learner, unread)) => (Some(user), learner, unread),
            None => (None, None, 0),
        };
        ctx.user = user.as_ref().map(|u| session_user(u, unread));
        // Removing a value marks the session changed, and a changed
        // session is written back: read first, so a page view writes
        // nothing unless there was a message.
        if (user.is_some() || !session.is_empty().await)
            && session
                .get::<String>(FLASH)
                .await
                .map_err(AppError::internal)?
                .is_some()
        {
            ctx.flash = session
                .remove::<String>(FLASH)
                .await
                .map_err(AppError::internal)?;
        }
        if user.is_some() {
            keep_alive(&session).await?;
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
            account_learner,
            learner_token,
            reader: Reader::of(&parts.extensions),
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
        render(&self.state, self.page, status, &self.reader)
    }

    /// Shows `page` again after a refused form: what was sent in `sent`
    /// (the struct the form was read into; its `skip_serializing` fields,
    /// passwords, are not shown) and what is wrong, with status 422.
    pub fn invalid(
        self,
        page: Page,
        form: &str,
        sent: &impl serde::Serialize,
        errors: &[store::FieldError],
    ) -> Response {
        let state = super::form::refill(form, sent, errors);
        self.show_with(page, StatusCode::UNPROCESSABLE_ENTITY, Some(state))
    }

    /// The signed-in account, or a redirect to the login page.
    pub fn require_user(&self) -> Result<User, AppError> {
        self.user.clone().ok_or(AppError::LoginRequired)
    }

    pub async fn actor(&self) -> Result<Option<store::authz::Actor>, AppError> {
        match &self.user {
            Some(u) => store::authz::actor_for(&self.state.db, u)
                .await
                .map(Some)
                .map_err(AppError::from),
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
    ) -> Result<String, AppError> {
        let Some(id) = user_id else {
            return Ok(String::new());
        };
        if let Entry::Vacant(slot) = known.entry(id) {
            let name = store::users::find(&self.state.db, id)
                .await?
                .map(|u| u.display_name)
                .unwrap_or_default();
            slot.insert(name);
        }
        Ok(known[&id].clone())
    }

    /// Whether the signed-in person may do `action`; the error page otherwise.
    pub async fn authorize(&self, action: store::authz::Action) -> Result<(), AppError> {
        let actor = self.actor().await?;
        if store::authz::can(actor.as_ref(), action) {
            Ok(())
        } else if actor.is_none() {
            Err(AppError::LoginRequired)
        } else {
            Err(AppError::Forbidden)
        }
    }

    /// Redirects (303) to a path under the current language, with a one-time message.
    pub async fn redirect_with(&self, path: &str, flash: &str) -> PageResult {
        self.session
            .insert(FLASH, flash)
            .await
            .map_err(AppError::internal)?;
        Ok(Redirect::to(&self.href(path)).into_response())
    }
}
