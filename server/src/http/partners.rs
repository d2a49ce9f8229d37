//! Managing partner organisations, their logos and their members.

use app::Page;
use axum::Form;
use axum::extract::{Multipart, Path};
use serde::Deserialize;
use sha2::{Digest, Sha256};
use store::StoreError;
use store::authz::Action;
use store::organisations::{self, OrgRole, Organisation, OrganisationForm};

use super::pages::{partner_page, partner_view};
use super::providers::forget_logo;
use super::render::{Ctx, Failure, OrFail, PageResult};
use crate::error::AppError;

/// The organisation named in the path, or the not-found page.
async fn load(ctx: &Ctx, slug: &str) -> Result<Organisation, Failure> {
    organisations::get_by_slug(&ctx.state.db, slug)
        .await
        .or_fail(ctx)
}

fn org_values(form: &OrganisationForm) -> [(&'static str, &str); 4] {
    [
        ("name", &form.name),
        ("country", &form.country),
        ("languages", &form.languages),
        ("website", &form.website),
    ]
}

pub async fn create(ctx: Ctx, Form(form): Form<OrganisationForm>) -> PageResult {
    ctx.authorize(Action::ManageOrganisations).await?;
    match organisations::create(&ctx.state.db, &form).await {
        Ok(org) => {
            ctx.redirect_with(&format!("/partners/{}", org.slug), "flash-partner-saved")
                .await
        }
        Err(StoreError::Invalid(errors)) => {
            let list = organisations::list(&ctx.state.db).await.or_fail(&ctx)?;
            let page = Page::Partners {
                partners: list.iter().map(partner_view).collect(),
                can_create: true,
            };
            Ok(ctx.invalid(page, "partner", &org_values(&form), &errors))
        }
        Err(e) => Err(ctx.fail(e.into())),
    }
}

pub async fn update(
    ctx: Ctx,
    Path((_lang, slug)): Path<(String, String)>,
    Form(form): Form<OrganisationForm>,
) -> PageResult {
    let org = load(&ctx, &slug).await?;
    ctx.authorize(Action::ManageOrganisations).await?;
    match organisations::update(&ctx.state.db, org.id, &form).await {
        Ok(org) => {
            ctx.redirect_with(&format!("/partners/{}", org.slug), "flash-partner-saved")
                .await
        }
        Err(StoreError::Invalid(errors)) => {
            let page = partner_page(&ctx, &org).await?;
            Ok(ctx.invalid(page, "partner", &org_values(&form), &errors))
        }
        Err(e) => Err(ctx.fail(e.into())),
    }
}

pub async fn delete(ctx: Ctx, Path((_lang, slug)): Path<(String, String)>) -> PageResult {
    let org = load(&ctx, &slug).await?;
    ctx.authorize(Action::ManageOrganisations).await?;
    organisations::delete(&ctx.state.db, org.id)
        .await
        .or_fail(&ctx)?;
    if let Some(logo) = org.logo {
        forget_logo(&ctx, &logo).await;
    }
    ctx.redirect_with("/partners", "flash-partner-deleted")
        .await
}

#[derive(Deserialize)]
pub struct MemberForm {
    #[serde(default)]
    email: String,
    #[serde(default)]
    org_role: String,
}

pub async fn add_member(
    ctx: Ctx,
    Path((_lang, slug)): Path<(String, String)>,
    Form(form): Form<MemberForm>,
) -> PageResult {
    let org = load(&ctx, &slug).await?;
    ctx.authorize(Action::ManageMembers { org_id: org.id })
        .await?;
    let result = match OrgRole::parse(&form.org_role) {
        Some(role) => organisations::add_member(&ctx.state.db, org.id, &form.email, role).await,
        None => Err(StoreError::invalid("org_role", "role-invalid")),
    };
    match result {
        Ok(_) => {
            ctx.redirect_with(&format!("/partners/{slug}"), "flash-member-added")
                .await
        }
        Err(StoreError::Invalid(errors)) => {
            let page = partner_page(&ctx, &org).await?;
            Ok(ctx.invalid(page, "member", &[("email", &form.email)], &errors))
        }
        Err(e) => Err(ctx.fail(e.into())),
    }
}

pub async fn remove_member(
    ctx: Ctx,
    Path((_lang, slug, user_id)): Path<(String, String, i64)>,
) -> PageResult {
    let org = load(&ctx, &slug).await?;
    ctx.authorize(Action::ManageMembers { org_id: org.id })
        .await?;
    organisations::remove_member(&ctx.state.db, org.id, user_id)
        .await
        .or_fail(&ctx)?;
    ctx.redirect_with(&format!("/partners/{slug}"), "flash-member-removed")
        .await
}

/// Checks an uploaded logo: size, format (by content, not by name) and pixels.
/// Returns the file extension to store it under.
pub fn check_logo(
    bytes: &[u8],
    max_bytes: usize,
    max_side: u32,
) -> Result<&'static str, &'static str> {
    if bytes.len() > max_bytes {
        return Err("file-too-large");
    }
    let ext = match imagesize::image_type(bytes) {
        Ok(imagesize::ImageType::Png) => "png",
        Ok(imagesize::ImageType::Jpeg) => "jpg",
        Ok(imagesize::ImageType::Webp) => "webp",
        _ => return Err("image-invalid"),
    };
    let size = imagesize::blob_size(bytes).map_err(|_| "image-invalid")?;
    if size.width == 0 || size.height == 0 {
        return Err("image-invalid");
    }
    if size.width > max_side as usize || size.height > max_side as usize {
        return Err("image-too-big");
    }
    Ok(ext)
}

pub async fn upload_logo(
    ctx: Ctx,
    Path((_lang, slug)): Path<(String, String)>,
    mut multipart: Multipart,
) -> PageResult {
    let org = load(&ctx, &slug).await?;
    ctx.authorize(Action::ManageOrganisations).await?;
    let limits = ctx.state.settings.limits.clone();
    let mut file = None;
    while let Some(field) = multipart
        .next_field()
        .await
        .map_err(|e| ctx.fail(AppError::BadRequest(e.to_string())))?
    {
        if field.name() == Some("logo") {
            let bytes = field
                .bytes()
                .await
                .map_err(|e| ctx.fail(AppError::BadRequest(e.to_string())))?;
            file = Some(bytes);
        }
    }
    let bytes = file.unwrap_or_default();
    let checked = if bytes.is_empty() {
        Err("required")
    } else {
        check_logo(&bytes, limits.logo_bytes, limits.logo_max_side)
    };
    let ext = match checked {
        Ok(ext) => ext,
        Err(code) => {
            let page = partner_page(&ctx, &org).await?;
            return Ok(ctx.invalid(page, "logo", &[], &[store::FieldError::new("logo", code)]));
        }
    };
    let name = format!("{}.{ext}", &hex::encode(Sha256::digest(&bytes))[..32]);
    let dir = ctx.state.settings.uploads_dir().join("logos");
    crate::uploads::write_whole(&dir, &name, &bytes)
        .await
        .map_err(|e| {
            ctx.fail(AppError::Internal(
                anyhow::Error::new(e).context("saving a logo"),
            ))
        })?;
    let previous = organisations::set_logo(&ctx.state.db, org.id, Some(&name))
        .await
        .or_fail(&ctx)?;
    if let Some(prev) = previous.filter(|p| *p != name) {
        forget_logo(&ctx, &prev).await;
    }
    ctx.redirect_with(&format!("/partners/{slug}"), "flash-logo-saved")
        .await
}

#[cfg(test)]
mod tests {
    use super::check_logo;

    /// A valid 1×1 PNG.
    pub const PNG_1X1: &[u8] = &[
        0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00, 0x00, 0x0D, 0x49, 0x48, 0x44,
        0x52, 0x00, 0x00, 0x00, 0x01, 0x00, 0x00, 0x00, 0x01, 0x08, 0x06, 0x00, 0x00, 0x00, 0x1F,
        0x15, 0xC4, 0x89, 0x00, 0x00, 0x00, 0x0D, 0x49, 0x44, 0x41, 0x54, 0x78, 0x9C, 0x63, 0x00,
        0x01, 0x00, 0x00, 0x05, 0x00, 0x01, 0x0D, 0x0A, 0x2D, 0xB4, 0x00, 0x00, 0x00, 0x00, 0x49,
        0x45, 0x4E, 0x44, 0xAE, 0x42, 0x60, 0x82,
    ];

    #[test]
    fn logos_are_checked_by_content() {
        assert_eq!(check_logo(PNG_1X1, 1000, 10), Ok("png"));
        assert_eq!(check_logo(PNG_1X1, 10, 10), Err("file-too-large"));
        assert_eq!(
            check_logo(b"<svg xmlns='http://www.w3.org/2000/svg'/>", 1000, 10),
            Err("image-invalid")
        );
        let mut huge = PNG_1X1.to_vec();
        huge[16..20].copy_from_slice(&5000u32.to_be_bytes());
        assert_eq!(check_logo(&huge, 1000, 2000), Err("image-too-big"));
    }
}
