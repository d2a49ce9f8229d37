//! Contributing to the library: partners' members create and edit their
//! organisation's resources and send them to review; moderators publish them
//! or send them back with a comment, and unpublish; members or moderators
//! withdraw. Every rule is asked of `store::authz` before acting.

use app::Page;
use app::pages::library::ResourceEditor;
use axum::extract::Path;
use axum::http::StatusCode;
use serde::{Deserialize, Serialize};
use store::StoreError;
use store::authz::{Action, Actor};
use store::library::{self, ResourceForm, Status};
use store::organisations;

use super::files;
use super::form::{Submission, refill};
use super::library::load;
use super::render::{Ctx, PageResult};
use super::topics::topic_tree;
use crate::error::AppError;

/// The licence select's value for "another licence", given in the text
/// field `licence_other` (a URI or an SPDX id).
const OTHER_LICENCE: &str = "other";

/// Whether a licence is one of the select's, else given as "another".
fn suggested(licence: &str) -> bool {
    licence.is_empty() || library::LICENCES.contains(&licence)
}

/// The resource editor's form as submitted, and as shown again.
#[derive(Debug, Default, Deserialize, Serialize)]
#[serde(default)]
pub struct ResourceFields {
    organisation: String,
    kind: String,
    original_language: String,
    title: String,
    description: String,
    audience: String,
    educational_level: String,
    /// One of the suggested licences, or [`OTHER_LICENCE`].
    licence: String,
    licence_other: String,
    country: String,
    authors: String,
    date_created: String,
    url: String,
    topics: Vec<String>,
}

impl ResourceFields {
    /// The store's form: the licence is the text field's when "another
    /// licence" (or nothing) is selected, else the selected one.
    fn resource_form(&self) -> ResourceForm {
        let licence = if self.licence.is_empty() || self.licence == OTHER_LICENCE {
            self.licence_other.trim().to_string()
        } else {
            self.licence.clone()
        };
        ResourceForm {
            kind: self.kind.clone(),
            original_language: self.original_language.clone(),
            title: self.title.clone(),
            description: self.description.clone(),
            audience: self.audience.clone(),
            educational_level: self.educational_level.clone(),
            licence,
            country: self.country.clone(),
            authors: self.authors.clone(),
            date_created: self.date_created.clone(),
            url: self.url.clone(),
            topics: self.topics.clone(),
        }
    }

    /// The form filled with a resource's values (a licence the select does
    /// not offer goes to the text field).
    fn of(form: ResourceForm, organisation: String) -> Self {
        let (licence, licence_other) = if suggested(&form.licence) {
            (form.licence, String::new())
        } else {
            (OTHER_LICENCE.into(), form.licence)
        };
        ResourceFields {
            organisation,
            kind: form.kind,
            original_language: form.original_language,
            title: form.title,
            description: form.description,
            audience: form.audience,
            educational_level: form.educational_level,
            licence,
            licence_other,
            country: form.country,
            authors: form.authors,
            date_created: form.date_created,
            url: form.url,
            topics: form.topics,
        }
    }
}

pub(super) async fn actor(ctx: &Ctx) -> Result<Actor, AppError> {
    ctx.actor().await?.ok_or(AppError::LoginRequired)
}

pub(super) fn require(actor: &Actor, action: Action) -> Result<(), AppError> {
    if store::authz::can(Some(actor), action) {
        Ok(())
    } else {
        Err(AppError::Forbidden)
    }
}

async fn editor(
    ctx: &Ctx,
    actor: &Actor,
    uid: Option<String>,
    attached: &[store::library::files::ResourceFile],
) -> Result<ResourceEditor, AppError> {
    let orgs = organisations::list(&ctx.state.db).await?;
    let organisations = orgs
        .into_iter()
        .filter(|o| store::authz::can(Some(actor), Action::CreateResource { org_id: o.id }))
        .map(|o| (o.id, o.name))
        .collect();
    let files = uid
        .as_ref()
        .map(|uid| {
            attached
                .iter()
                .map(|f| views::files::file_view(uid, f))
                .collect()
        })
        .unwrap_or_default();
    Ok(ResourceEditor {
        files,
        uid,
        organisations,
        topics: topic_tree(ctx).await?,
        licences: library::LICENCES
            .iter()
            .map(|l| (l.to_string(), views::library::licence_name(ctx.lang(), l)))
            .collect(),
    })
}

pub(super) fn resource_path(uid: &str) -> String {
    format!("/library/resources/{uid}")
}

pub async fn new_form(ctx: Ctx) -> PageResult {
    let actor = actor(&ctx).await?;
    let editor = editor(&ctx, &actor, None, &[]).await?;
    let Some((org_id, _)) = editor.organisations.first().cloned() else {
        return Err(AppError::Forbidden);
    };
    let org = organisations::get(&ctx.state.db, org_id).await?;
    let defaults = ResourceForm {
        kind: "guide".into(),
        original_language: ctx.lang().code().into(),
        licence: "https://creativecommons.org/licenses/by-sa/4.0/".into(),
        country: org.country.clone(),
        ..Default::default()
    };
    let state = refill(
        "resource",
        &ResourceFields::of(defaults, org_id.to_string()),
        &[],
    );
    Ok(ctx.show_with(Page::ResourceEditor(editor), StatusCode::OK, Some(state)))
}

/// The editor again with what was sent and what is wrong with it.
fn refused_form(
    ctx: Ctx,
    editor: ResourceEditor,
    fields: &ResourceFields,
    errors: &[store::FieldError],
) -> PageResult {
    // A licence given in the text field is refused on that field.
    let typed = !suggested(&fields.resource_form().licence);
    let errors: Vec<store::FieldError> = errors
        .iter()
        .map(|e| match e.field {
            "licence" if typed => store::FieldError::new("licence_other", e.code),
            _ => e.clone(),
        })
        .collect();
    let state = refill("resource", fields, &errors);
    Ok(ctx.show_with(
        Page::ResourceEditor(editor),
        StatusCode::UNPROCESSABLE_ENTITY,
        Some(state),
    ))
}

pub async fn create(ctx: Ctx, sub: Submission<ResourceFields>) -> PageResult {
    let actor = actor(&ctx).await?;
    let fields = &sub.form;
    let form = fields.resource_form();
    let Ok(org_id) = fields.organisation.parse::<i64>() else {
        return Err(AppError::BadRequest("no organisation chosen".into()));
    };
    require(&actor, Action::CreateResource { org_id })?;
    let file = match files::accept(&ctx, &sub.file).await? {
        Ok(file) => file,
        Err(refused) => {
            let errors = with_problems(&ctx, &form, refused).await?;
            let editor = editor(&ctx, &actor, None, &[]).await?;
            return refused_form(ctx, editor, &sub.form, &errors);
        }
    };
    let created =
        library::create_with(&ctx.state.db, actor.user_id, org_id, &form, file.as_ref()).await;
    if created.is_err() {
        files::forget(&ctx, &file).await;
    }
    match created {
        Ok(r) => {
            tracing::info!(resource = %r.uid, user = actor.user_id, "resource created");
            ctx.redirect_with(&resource_path(&r.uid), "flash-resource-saved")
                .await
        }
        Err(StoreError::Invalid(errors)) => {
            let editor = editor(&ctx, &actor, None, &[]).await?;
            refused_form(ctx, editor, &sub.form, &errors)
        }
        Err(e) => Err(e.into()),
    }
}

/// A refused file's error first, then the form's own problems.
async fn with_problems(
    ctx: &Ctx,
    form: &ResourceForm,
    refused: store::FieldError,
) -> Result<Vec<store::FieldError>, AppError> {
    let mut errors = vec![refused];
    errors.extend(library::problems(&ctx.state.db, form).await?);
    Ok(errors)
}

pub async fn edit_form(ctx: Ctx, Path((_lang, uid)): Path<(String, String)>) -> PageResult {
    let actor = actor(&ctx).await?;
    let r = load(&ctx, &uid).await?;
    require(
        &actor,
        Action::EditResource {
            org_id: r.organisation_id,
        },
    )?;
    let original = r.original().cloned();
    let form = ResourceForm {
        kind: r.kind.as_str().into(),
        original_language: r.original_language.clone(),
        title: original
            .as_ref()
            .map(|t| t.title.clone())
            .unwrap_or_default(),
        description: original.map(|t| t.description).unwrap_or_default(),
        audience: r.audience.clone(),
        educational_level: r.educational_level.clone(),
        licence: r.licence.clone(),
        country: r.country.clone(),
        authors: r.authors.join("\n"),
        date_created: r.date_created.clone(),
        url: r.url.clone(),
        topics: r.topics.clone(),
    };
    let state = refill(
        "resource",
        &ResourceFields::of(form, r.organisation_id.to_string()),
        &[],
    );
    let editor = editor(&ctx, &actor, Some(uid), &r.files).await?;
    Ok(ctx.show_with(Page::ResourceEditor(editor), StatusCode::OK, Some(state)))
}

pub async fn update(
    ctx: Ctx,
    Path((_lang, uid)): Path<(String, String)>,
    mut sub: Submission<ResourceFields>,
) -> PageResult {
    let actor = actor(&ctx).await?;
    let r = load(&ctx, &uid).await?;
    require(
        &actor,
        Action::EditResource {
            org_id: r.organisation_id,
        },
    )?;
    if r.status == Status::Withdrawn {
        return ctx
            .redirect_with(&resource_path(&uid), "flash-action-refused")
            .await;
    }
    // The organisation of an existing resource is not the form's to change.
    sub.form.organisation = r.organisation_id.to_string();
    let form = sub.form.resource_form();
    let file = match files::accept(&ctx, &sub.file).await? {
        Ok(file) => file,
        Err(refused) => {
            let errors = with_problems(&ctx, &form, refused).await?;
            let editor = editor(&ctx, &actor, Some(uid), &r.files).await?;
            return refused_form(ctx, editor, &sub.form, &errors);
        }
    };
    let updated =
        library::update_with(&ctx.state.db, actor.user_id, r.id, &form, file.as_ref()).await;
    if updated.is_err() {
        files::forget(&ctx, &file).await;
    }
    match updated {
        Ok(_) => {
            ctx.redirect_with(&resource_path(&uid), "flash-resource-saved")
                .await
        }
        Err(StoreError::Invalid(errors)) => {
            let editor = editor(&ctx, &actor, Some(uid), &r.files).await?;
            refused_form(ctx, editor, &sub.form, &errors)
        }
        Err(e) => Err(e.into()),
    }
}
