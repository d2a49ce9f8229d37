//! Logos of partner organisations and providers: one check, one way to
//! receive and store them (under a name made of their content, so the same
//! image is one file), and one rule for deleting a file nobody shows.

use axum::extract::Multipart;
use sha2::{Digest, Sha256};

use super::render::Ctx;
use crate::error::AppError;

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

/// Reads the `logo` field of a multipart form, checks it and writes it to
/// `<uploads>/logos/`. The outer error is a failed request; the inner one a
/// refused image, as a field error code; `what` names the write in logs.
pub async fn receive(
    ctx: &Ctx,
    multipart: &mut Multipart,
    what: &'static str,
) -> Result<Result<String, &'static str>, AppError> {
    let limits = &ctx.state.settings.limits;
    let mut file = None;
    while let Some(field) = multipart
        .next_field()
        .await
        .map_err(|e| AppError::BadRequest(e.to_string()))?
    {
        if field.name() == Some("logo") {
            let bytes = field
                .bytes()
                .await
                .map_err(|e| AppError::BadRequest(e.to_string()))?;
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
        Err(code) => return Ok(Err(code)),
    };
    let name = format!("{}.{ext}", &hex::encode(Sha256::digest(&bytes))[..32]);
    let dir = ctx.state.settings.uploads_dir().join("logos");
    uploads::write_whole(&dir, &name, &bytes)
        .await
        .map_err(|e| AppError::Internal(anyhow::Error::new(e).context(what)))?;
    Ok(Ok(name))
}

/// Deletes a logo file once neither a provider nor a partner organisation
/// shows it (files are named by their content, so two may share one).
pub async fn forget_logo(ctx: &Ctx, file: &str) {
    let providers = store::directory::logo_in_use(&ctx.state.db, file).await;
    let partners = store::organisations::list(&ctx.state.db)
        .await
        .map(|l| l.iter().any(|o| o.logo.as_deref() == Some(file)));
    if let (Ok(false), Ok(false)) = (providers, partners) {
        let path = ctx.state.settings.uploads_dir().join("logos").join(file);
        if let Err(e) = tokio::fs::remove_file(&path).await {
            tracing::warn!(error = %e, file = %path.display(), "could not remove an unused logo");
        }
    }
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
