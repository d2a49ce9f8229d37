//! Contributing to the library: partners' members create and edit their
//! organisation's resources and send them to review; moderators publish them
//! or send them back with a comment, and unpublish; members or moderators
//! withdraw. Every rule is asked of `store::authz` before acting.

use std::collections::BTreeMap;

use app::Page;
use app::library::ResourceEditor;
use app::page::FormState;
use axum::Form;
use axum::extract::Path;
use axum::http::StatusCode;
use store::StoreError;
use store::authz::{Action, Actor};
use store::library::{self, ResourceForm, Status};
use store::organisations;

use super::file_links;
use super::files;
use super::library::load;
use super::render::{Ctx, PageResult, form_state};
use super::topics::topic_tree;
use super::upload::Submission;
use crate::error::AppError;

pub(super) type Fields = Form<Vec<(String, String)>>;

pub(super) fn field(fields: &[(String, String)], name: &str) -> String {
    fields
        .iter()
        .find(|(k, _)| k == name)
        .map(|(_, v)| v.clone())
        .unwrap_or_default()
}

/// The licence select's value for "another licence", given in the text
/// field `licence_other` (a URI or an SPDX id).
const OTHER_LICENCE: &str = "other";

/// The licence chosen: the text field's when "another licence" (or
/// nothing) is selected, else the selected one.
fn chosen_licence(fields: &[(String, String)]) -> String {
    let selected = field(fields, "licence");
    if selected.is_empty() || selected == OTHER_LICENCE {
        field(fields, "licence_other").trim().to_string()
    } else {
        selected
    }
}

/// Whether a licence is one of the select's, else given as "another".
fn suggested(licence: &str) -> bool {
    licence.is_empty() || library::LICENCES.contains(&licence)
}

fn resource_form(fields: &[(String, String)]) -> ResourceForm {
    ResourceForm {
        kind: field(fields, "kind"),
        original_language: field(fields, "original_language"),
        title: field(fields, "title"),
        description: field(fields, "description"),
        audience: field(fields, "audience"),
        educational_level: field(fields, "educational_level"),
        licence: chosen_licence(fields),
        country: field(fields, "country"),
        authors: field(fields, "authors"),
        date_created: field(fields, "date_created"),
        url: field(fields, "url"),
        topics: fields
            .iter()
            .filter(|(k, _)| k == "topics")
            .map(|(_, v)| v.clone())
            .collect(),
    }
}

/// The select's value for a licence: itself, or "another licence".
fn licence_choice(licence: &str) -> &str {
    if suggested(licence) {
        licence
    } else {
        OTHER_LICENCE
    }
}

/// The form's values as shown again (`topics` comma-separated).
fn values(form: &ResourceForm, organisation: &str) -> BTreeMap<String, String> {
    BTreeMap::from([
        ("organisation".into(), organisation.to_string()),
        ("kind".into(), form.kind.clone()),
        ("original_language".into(), form.original_language.clone()),
        ("title".into(), form.title.clone()),
        ("description".into(), form.description.clone()),
        ("audience".into(), form.audience.clone()),
        ("educational_level".into(), form.educational_level.clone()),
        ("licence".into(), licence_choice(&form.licence).into()),
        (
            "licence_other".into(),
            if suggested(&form.licence) {
                String::new()
            } else {
                form.licence.clone()
            },
        ),
        ("country".into(), form.country.clone()),
        ("authors".into(), form.authors.clone()),
        ("date_created".into(), form.date_created.clone()),
        ("url".into(), form.url.clone()),
        ("topics".into(), form.topics.join(",")),
    ])
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
                .map(|f| file_links::file_view(uid, f))
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
            .map(|l| (l.to_string(), super::library::licence_name(ctx.lang(), l)))
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
    let state = FormState {
        form: "resource".into(),
        values: values(&defaults, &org_id.to_string()),
        ..Default::default()
    };
    Ok(ctx.show_with(Page::ResourceEditor(editor), StatusCode::OK, Some(state)))
}

fn refused_form(
    ctx: Ctx,
    editor: ResourceEditor,
    form: &ResourceForm,
    org: &str,
    errors: &[store::FieldError],
) -> PageResult {
    // A licence given in the text field is refused on that field.
    let errors: Vec<store::FieldError> = errors
        .iter()
        .map(|e| match e.field {
            "licence" if !suggested(&form.licence) => {
                store::FieldError::new("licence_other", e.code)
            }
            _ => e.clone(),
        })
        .collect();
    let mut state = form_state("resource", &[], &errors);
    state.values = values(form, org);
    Ok(ctx.show_with(
        Page::ResourceEditor(editor),
        StatusCode::UNPROCESSABLE_ENTITY,
        Some(state),
    ))
}

pub async fn create(ctx: Ctx, sub: Submission) -> PageResult {
    let actor = actor(&ctx).await?;
    let fields = &sub.fields;
    let form = resource_form(fields);
    let org = field(fields, "organisation");
    let Ok(org_id) = org.parse::<i64>() else {
        return Err(AppError::BadRequest("no organisation chosen".into()));
    };
    require(&actor, Action::CreateResource { org_id })?;
    let file = match files::accept(&ctx, &sub.file).await? {
        Ok(file) => file,
        Err(refused) => {
            let errors = with_problems(&ctx, &form, refused).await?;
            let editor = editor(&ctx, &actor, None, &[]).await?;
            return refused_form(ctx, editor, &form, &org, &errors);
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
            refused_form(ctx, editor, &form, &org, &errors)
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
    let state = FormState {
        form: "resource".into(),
        values: values(&form, &r.organisation_id.to_string()),
        ..Default::default()
    };
    let editor = editor(&ctx, &actor, Some(uid), &r.files).await?;
    Ok(ctx.show_with(Page::ResourceEditor(editor), StatusCode::OK, Some(state)))
}

pub async fn update(
    ctx: Ctx,
    Path((_lang, uid)): Path<(String, String)>,
    sub: Submission,
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
    let form = resource_form(&sub.fields);
    let org = r.organisation_id.to_string();
    let file = match files::accept(&ctx, &sub.file).await? {
        Ok(file) => file,
        Err(refused) => {
            let errors = with_problems(&ctx, &form, refused).await?;
            let editor = editor(&ctx, &actor, Some(uid), &r.files).await?;
            return refused_form(ctx, editor, &form, &org, &errors);
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
            refused_form(ctx, editor, &form, &org, &errors)
        }
        Err(e) => Err(e.into()),
    }
}
