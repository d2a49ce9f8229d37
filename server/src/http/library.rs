//! The library's pages: its home and each resource's page, in the reader's
//! language where a published translation exists.

use std::collections::BTreeMap;

use app::Page;
use app::pages::learning::{Link, TopicTag};
use app::pages::library::{
    HistoryRow, LibraryHome, LicenceView, ResourceActions, ResourceView, TranslationRow,
};
use axum::extract::{Path, Query};
use serde::Deserialize;
use store::authz::{self, Action};
use store::library::{self, Resource, Status};
use store::{concepts, organisations};

pub use courses::render::{description_html, plain_text};

use super::render::{Ctx, PageResult};
use crate::error::AppError;
use views::library::{card, citation, excerpt, licence_name, names_of};

/// Partner names by id, for resource cards.
pub(super) async fn publishers(ctx: &Ctx) -> Result<BTreeMap<i64, String>, AppError> {
    let orgs = organisations::list(&ctx.state.db).await?;
    Ok(names_of(&orgs))
}

/// A resource by its public id; the not-found page when there is none.
pub(super) async fn load(ctx: &Ctx, uid: &str) -> Result<Resource, AppError> {
    Ok(library::get_by_uid(&ctx.state.db, uid).await?)
}

#[derive(Deserialize, Default)]
pub struct Browse {
    #[serde(default)]
    kind: String,
    #[serde(default)]
    language: String,
    #[serde(default)]
    country: String,
    #[serde(default)]
    partner: String,
    #[serde(default)]
    topic: String,
}

pub async fn home(ctx: Ctx, Query(b): Query<Browse>) -> PageResult {
    let db = &ctx.state.db;
    let lang = ctx.lang().code();
    let orgs = organisations::list(db).await?;
    let names = names_of(&orgs);
    let (languages, countries) = library::browse::languages_and_countries(db).await?;
    let filters = app::pages::library::LibraryFilters {
        kind: b.kind.chars().take(40).collect(),
        language: b.language.chars().take(20).collect(),
        country: b.country.chars().take(2).collect(),
        partner: b.partner.chars().take(120).collect(),
        topic: b.topic.chars().take(60).collect(),
        languages,
        countries,
        partners: orgs
            .iter()
            .map(|o| (o.slug.clone(), o.name.clone()))
            .collect(),
        topics: super::topics::topic_tree(&ctx).await?,
    };
    let results = if filters.any() {
        let organisation_id = match filters.partner.as_str() {
            "" => None,
            // An unknown partner matches nothing.
            slug => Some(orgs.iter().find(|o| o.slug == slug).map_or(-1, |o| o.id)),
        };
        let filter = library::browse::Filter {
            topic: Some(filters.topic.clone()).filter(|t| !t.is_empty()),
            organisation_id,
            kind: Some(filters.kind.clone()).filter(|t| !t.is_empty()),
            lang: Some(filters.language.clone()).filter(|t| !t.is_empty()),
            country: Some(filters.country.to_uppercase()).filter(|t| !t.is_empty()),
        };
        let found = library::browse::filtered(db, &filter, 100).await?;
        let shown = if filters.language.is_empty() {
            lang
        } else {
            filters.language.as_str()
        };
        Some(
            found
                .iter()
                .filter_map(|r| card(r, shown, &names))
                .collect(),
        )
    } else {
        None
    };
    let latest = library::browse::latest(db, 12).await?;
    let popular = library::browse::most_viewed(db, 6).await?;
    let total = library::browse::count_by_kind(db)
        .await?
        .iter()
        .map(|(_, n)| n)
        .sum();
    let home = LibraryHome {
        latest: latest
            .iter()
            .filter_map(|r| card(r, lang, &names))
            .collect(),
        popular: popular
            .iter()
            .filter_map(|r| card(r, lang, &names))
            .collect(),
        total,
        filters,
        results,
    };
    Ok(ctx.show(Page::Library(home)))
}

#[derive(Deserialize, Default)]
pub struct ResourceQuery {
    /// Read the resource in this language rather than the page's.
    #[serde(default, rename = "in")]
    text_lang: Option<String>,
}

pub async fn resource(
    ctx: Ctx,
    Path((_lang, uid)): Path<(String, String)>,
    Query(q): Query<ResourceQuery>,
) -> PageResult {
    let view = resource_view(&ctx, &uid, q.text_lang.as_deref()).await?;
    Ok(ctx.show(Page::Resource(view)))
}

/// A resource's page as the current person may see it (404 when they may not).
pub(super) async fn resource_view(
    ctx: &Ctx,
    uid: &str,
    text_lang: Option<&str>,
) -> Result<ResourceView, AppError> {
    let db = &ctx.state.db;
    let r = load(ctx, uid).await?;
    let actor = ctx.actor().await?;
    let may_edit = authz::can(
        actor.as_ref(),
        Action::EditResource {
            org_id: r.organisation_id,
        },
    );
    let may_review = authz::can(actor.as_ref(), Action::ReviewResources);
    let may_translate = authz::can(actor.as_ref(), Action::TranslateResource);
    if r.status != Status::Published {
        // Drafts and reviews are seen by their organisation and moderators only.
        if !may_edit && !may_review {
            return Err(AppError::NotFound);
        }
    } else {
        library::browse::record_view(db, r.id).await?;
    }
    let live = r.status != Status::Withdrawn;
    let actions = ResourceActions {
        edit: may_edit && live,
        submit: may_edit
            && matches!(
                r.status,
                Status::Draft | Status::ChangesRequested | Status::Unpublished
            ),
        review: may_review && r.status == Status::Submitted,
        unpublish: may_review && r.status == Status::Published,
        withdraw: (may_edit || may_review) && live,
        translate: may_translate && live,
        review_translations: may_review && r.status == Status::Published,
        request_translation: ctx.user.is_some() && r.status == Status::Published,
    };
    let translations = if actions.translate || actions.review_translations {
        r.texts
            .iter()
            .filter(|t| t.origin != library::Origin::Original)
            .map(|t| TranslationRow {
                lang: t.lang.clone(),
                title: t.title.clone(),
                origin: t.origin.as_str().to_string(),
                status: t.status.as_str().to_string(),
            })
            .collect()
    } else {
        Vec::new()
    };
    let mut history = Vec::new();
    if may_edit || may_review {
        let mut names: BTreeMap<i64, String> = BTreeMap::new();
        for e in library::history(db, r.id).await? {
            let who = ctx.name_of(&mut names, e.user_id).await?;
            history.push(HistoryRow {
                who,
                action: e.action,
                lang: e.lang,
                detail: e.detail,
                at: e.created_at,
            });
        }
        history.reverse();
    }
    let page_lang = ctx.lang().code();
    let wanted = text_lang.unwrap_or(page_lang);
    let text = r
        .text_for(wanted)
        .or_else(|| r.texts.first())
        .cloned()
        .ok_or(AppError::NotFound)?;
    let org = organisations::get(db, r.organisation_id).await?;
    let labels = concepts::list(db).await?;
    let topics = r
        .topics
        .iter()
        .filter_map(|id| labels.iter().find(|c| c.id == *id))
        .map(|c| TopicTag {
            id: c.id.clone(),
            label: c.label_in(page_lang).to_string(),
        })
        .collect();
    let names = publishers(ctx).await?;
    let related = library::browse::related(db, &r, 4)
        .await?
        .iter()
        .filter_map(|x| card(x, page_lang, &names))
        .collect();
    let page_url = format!(
        "{}{}",
        ctx.state.settings.public_url(),
        ctx.href(&format!("/library/resources/{}", r.uid))
    );
    let view = ResourceView {
        uid: r.uid.clone(),
        title: text.title.clone(),
        lang: text.lang.clone(),
        original: r.original_language.clone(),
        description_html: description_html(&text.description),
        summary: excerpt(&text.description),
        also_in: r
            .texts
            .iter()
            .filter(|t| t.lang != text.lang)
            .filter(|t| t.origin == library::Origin::Original || t.status == Status::Published)
            .map(|t| (t.lang.clone(), t.origin.as_str().to_string()))
            .collect(),
        origin: text.origin.as_str().to_string(),
        kind: r.kind.as_str().to_string(),
        audience: r.audience.clone(),
        educational_level: r.educational_level.clone(),
        licence: LicenceView {
            uri: (r.licence != library::ALL_RIGHTS_RESERVED).then(|| r.licence.clone()),
            label: licence_name(ctx.lang(), &r.licence),
        },
        country: r.country.clone(),
        publisher: Link {
            path: format!("/partners/{}", org.slug),
            title: org.name.clone(),
        },
        authors: r.authors.clone(),
        date_created: r.date_created.clone(),
        url: r.url.clone(),
        files: r
            .files
            .iter()
            .map(|f| views::files::file_view(&r.uid, f))
            .collect(),
        thumbnail: r
            .thumbnail
            .as_ref()
            .map(|t| views::files::thumbnail_url(&r.uid, t)),
        topics,
        related,
        citation: citation(&r, &text.title, &org.name, &page_url),
        status: r.status.as_str().to_string(),
        status_reason: r.status_reason.clone(),
        actions,
        history,
        translations,
    };
    Ok(view)
}
