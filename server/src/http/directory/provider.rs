//! `/{lang}/directory/{slug}`: a published provider's page, and the
//! "request help" form posted to `/{lang}/directory/{slug}/contact`. The
//! provider's address never appears: the request is stored, and delivered
//! to the provider by mail and in its members' inbox.

use app::page::ProviderPageView;
use app::{Lang, Page, labels};
use axum::extract::Path;

use crate::http::form::Form;
use axum::response::Redirect;
use serde::{Deserialize, Serialize};
use store::StoreError;
use store::directory::requests::{self, HelpRequestForm};
use store::directory::{Provider, browse};

use super::super::render::{Ctx, PageResult};
use crate::error::AppError;
use views::directory::naming::{areas_named, excerpt, logo_url, spoken_language};

/// Characters of description in link previews.
const SUMMARY_CHARS: usize = 200;

/// A published provider by slug; the not-found page for drafts, profiles
/// never approved or taken off the directory, and unknown slugs.
async fn load(ctx: &Ctx, slug: &str) -> Result<Provider, AppError> {
    Ok(browse::published(&ctx.state.db, slug).await?)
}

/// The public page of a provider for a reader of `lang`.
pub(super) fn view(p: &Provider, lang: Lang) -> Option<ProviderPageView> {
    let profile = p.public()?;
    let (text_lang, description) = profile.description_for(lang.code());
    Some(ProviderPageView {
        slug: p.slug.clone(),
        name: profile.name.clone(),
        logo_url: logo_url(profile.logo.as_ref()),
        description_html: super::super::library::description_html(description),
        description_lang: text_lang.to_string(),
        summary: excerpt(description, SUMMARY_CHARS),
        help: profile
            .help
            .iter()
            .map(|x| labels::help_kind(lang, x.as_str()))
            .collect(),
        services: profile
            .services
            .iter()
            .map(|x| labels::service(lang, x.as_str()))
            .collect(),
        areas: areas_named(lang, &profile.areas),
        remote: profile.remote,
        on_site: profile.on_site,
        languages: profile
            .languages
            .iter()
            .map(|l| spoken_language(l))
            .collect(),
        prices: profile
            .prices
            .iter()
            .map(|x| labels::price_model(lang, x.as_str()))
            .collect(),
        legal_form: labels::legal_form(lang, profile.legal_form.as_str()),
        chatons: profile.chatons,
        website: profile.website.clone(),
        commitments: profile
            .commitments
            .iter()
            .map(|x| labels::commitment(lang, x.as_str()))
            .collect(),
        confirmed: p
            .confirmed_at
            .as_deref()
            .or(p.published_at.as_deref())
            .map(|d| d.get(..10).unwrap_or(d).to_string()),
        sender_name: String::new(),
        sender_email: String::new(),
    })
}

/// The page for the current reader: a signed-in person finds the form
/// filled with their name and address.
fn page_of(ctx: &Ctx, p: &Provider) -> Result<Page, AppError> {
    let mut v = view(p, ctx.lang()).ok_or(AppError::NotFound)?;
    if let Some(u) = &ctx.user {
        v.sender_name = u.display_name.clone();
        v.sender_email = u.email.clone();
    }
    Ok(Page::Provider(v))
}

pub async fn page(ctx: Ctx, Path((_lang, slug)): Path<(String, String)>) -> PageResult {
    let p = load(&ctx, &slug).await?;
    let page = page_of(&ctx, &p)?;
    Ok(ctx.show(page))
}

/// The form's address opened directly (a language switched after a
/// refused request): the provider's page, at its form.
pub async fn to_form(ctx: Ctx, Path((_lang, slug)): Path<(String, String)>) -> Redirect {
    Redirect::to(&format!(
        "{}#contact",
        ctx.href(&format!("/directory/{slug}"))
    ))
}

/// What the "request help" form posts: the request, and a field that only
/// robots fill.
#[derive(Debug, Default, Deserialize, Serialize)]
#[serde(default)]
pub struct ContactForm {
    sender_name: String,
    sender_email: String,
    organisation: String,
    message: String,
    lang: String,
    /// The trap: hidden from people, tempting to robots (never shown back).
    #[serde(skip_serializing)]
    website: String,
}

pub async fn contact(
    ctx: Ctx,
    Path((_lang, slug)): Path<(String, String)>,
    Form(form): Form<ContactForm>,
) -> PageResult {
    let p = load(&ctx, &slug).await?;
    let back = format!("/directory/{slug}");
    if !form.website.trim().is_empty() {
        // A robot: answer as if it worked, keep nothing.
        tracing::info!(provider = slug, "help request dropped by the trap field");
        return ctx
            .redirect_with(&back, "flash-directory-request-sent")
            .await;
    }
    let lang = if form.lang.trim().is_empty() {
        ctx.lang().code().to_string()
    } else {
        form.lang.clone()
    };
    let request = HelpRequestForm {
        sender_name: form.sender_name.clone(),
        sender_email: form.sender_email.clone(),
        organisation: form.organisation.clone(),
        message: form.message.clone(),
        lang,
    };
    let user_id = ctx.user.as_ref().map(|u| u.id);
    match requests::send(&ctx.state.db, &p, user_id, &request).await {
        Ok(_) => {
            ctx.redirect_with(&back, "flash-directory-request-sent")
                .await
        }
        Err(StoreError::Invalid(errors)) => {
            let page = page_of(&ctx, &p)?;
            Ok(ctx.invalid(page, "contact", &form, &errors))
        }
        Err(e) => Err(e.into()),
    }
}
