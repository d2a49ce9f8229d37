//! Files on library resources over HTTP: the resource form arrives as a
//! multipart body with an optional file (or as a plain form without one);
//! files are served from outside the web root under the resource's rules
//! (a draft's files only to its organisation and moderators), with their
//! sniffed type, a `Content-Disposition` carrying the cleaned name, and a
//! sandboxing Content-Security-Policy.

use axum::body::Body;
use axum::extract::{Path, Request};
use axum::http::{HeaderValue, header};
use axum::response::Response;
use bytes::Bytes;
use store::authz::{self, Action};
use store::library::files::{self, NewFile, ResourceFile};
use store::library::{Resource, Status};
use store::{FieldError, StoreError};
use tower::ServiceExt;
use tower_http::services::ServeFile;

use super::library::load;
use super::render::{Ctx, PageResult};
use crate::error::AppError;
use views::files::encode;

/// Checks the submitted file and writes it under a generated name: `Ok(None)`
/// without a file, the field's error when it is refused.
pub async fn accept(
    ctx: &Ctx,
    file: &Option<(String, Bytes)>,
) -> Result<Result<Option<NewFile>, FieldError>, AppError> {
    let Some((name, bytes)) = file else {
        return Ok(Ok(None));
    };
    let limits = &ctx.state.settings.limits;
    let (upload_bytes, max_pixels) = (limits.upload_bytes, limits.image_max_pixels);
    let data = bytes.clone();
    let owned_name = name.clone();
    // Decoding a large image is CPU work: off the request threads.
    let checked = tokio::task::spawn_blocking(move || {
        uploads::check(&data, &owned_name, upload_bytes, max_pixels)
    })
    .await
    .map_err(|e| AppError::Internal(anyhow::Error::new(e).context("checking an upload")))?;
    let checked = match checked {
        Ok(c) => c,
        Err(refused) => {
            tracing::info!(file = %name, reason = %refused, "upload refused");
            return Ok(Err(FieldError::new("file", refused.code())));
        }
    };
    let saved = uploads::save(&ctx.state.settings.uploads_dir(), name, bytes, &checked)
        .await
        .map_err(|e| AppError::Internal(anyhow::Error::new(e).context("saving an upload")))?;
    Ok(Ok(Some(saved)))
}

/// Removes the bytes of a file whose recording failed.
pub async fn forget(ctx: &Ctx, file: &Option<NewFile>) {
    if let Some(f) = file {
        uploads::discard(
            &ctx.state.settings.uploads_dir(),
            &f.stored_name,
            f.thumbnail.as_deref(),
        )
        .await;
    }
}

/// Takes a file off a resource (its organisation's members).
pub async fn remove(
    ctx: Ctx,
    Path((_lang, uid, file_id)): Path<(String, String, i64)>,
) -> PageResult {
    let actor = ctx.actor().await?.ok_or(AppError::LoginRequired)?;
    let r = load(&ctx, &uid).await?;
    if !authz::can(
        Some(&actor),
        Action::EditResource {
            org_id: r.organisation_id,
        },
    ) || r.status == Status::Withdrawn
    {
        return Err(AppError::Forbidden);
    }
    match files::remove(&ctx.state.db, actor.user_id, r.id, file_id).await {
        Ok(f) => {
            uploads::discard(
                &ctx.state.settings.uploads_dir(),
                &f.stored_name,
                f.thumbnail.as_deref(),
            )
            .await;
            ctx.redirect_with(
                &format!("/library/resources/{uid}/edit#files"),
                "flash-file-removed",
            )
            .await
        }
        Err(StoreError::NotFound) => Err(AppError::NotFound),
        Err(e) => Err(e.into()),
    }
}

/// The resource if the current person may see its files (404 otherwise).
async fn visible(ctx: &Ctx, uid: &str) -> Result<Resource, AppError> {
    let r = load(ctx, uid).await?;
    if r.status != Status::Published {
        let actor = ctx.actor().await?;
        let member = authz::can(
            actor.as_ref(),
            Action::EditResource {
                org_id: r.organisation_id,
            },
        );
        if !member && !authz::can(actor.as_ref(), Action::ReviewResources) {
            return Err(AppError::NotFound);
        }
    }
    Ok(r)
}

/// `attachment; filename="…"; filename*=UTF-8''…`, or `inline` for what a
/// browser shows itself.
fn disposition(file: &ResourceFile) -> HeaderValue {
    let inline = ["image/", "audio/", "video/", "application/pdf"]
        .iter()
        .any(|p| file.media_type.starts_with(p));
    let ascii: String = file
        .file_name
        .chars()
        .map(|c| {
            if c.is_ascii_graphic() && c != '"' && c != '\\' || c == ' ' {
                c
            } else {
                '_'
            }
        })
        .collect();
    let encoded = encode(&file.file_name);
    let kind = if inline { "inline" } else { "attachment" };
    HeaderValue::from_str(&format!(
        "{kind}; filename=\"{ascii}\"; filename*=UTF-8''{encoded}"
    ))
    .unwrap_or_else(|_| HeaderValue::from_static("attachment"))
}

async fn send(
    req: Request,
    path: std::path::PathBuf,
    media_type: &str,
    public: bool,
) -> Result<Response, AppError> {
    let mut res = ServeFile::new(path)
        .oneshot(req)
        .await
        .map_err(|e| AppError::Internal(anyhow::Error::new(e).context("reading an uploaded file")))?
        .map(Body::new);
    if res.status() == axum::http::StatusCode::NOT_FOUND {
        return Err(AppError::NotFound);
    }
    let h = res.headers_mut();
    if let Ok(v) = HeaderValue::from_str(media_type) {
        h.insert(header::CONTENT_TYPE, v);
    }
    h.insert(
        header::CONTENT_SECURITY_POLICY,
        HeaderValue::from_static("default-src 'none'; img-src 'self'; media-src 'self'; sandbox"),
    );
    h.insert(
        header::X_CONTENT_TYPE_OPTIONS,
        HeaderValue::from_static("nosniff"),
    );
    h.insert(
        header::CACHE_CONTROL,
        HeaderValue::from_static(if public {
            "public, max-age=86400"
        } else {
            "private, no-store"
        }),
    );
    Ok(res)
}

/// `/{lang}/library/resources/{uid}/files/{id}/{name}`: a file of a resource.
pub async fn download(
    ctx: Ctx,
    Path((_lang, uid, file_id, _name)): Path<(String, String, i64, String)>,
    req: Request,
) -> PageResult {
    let r = visible(&ctx, &uid).await?;
    let Some(file) = r.files.iter().find(|f| f.id == file_id) else {
        return Err(AppError::NotFound);
    };
    let path = ctx
        .state
        .settings
        .uploads_dir()
        .join(uploads::FILES_DIR)
        .join(&file.stored_name);
    let public = r.status == Status::Published;
    let mut res = send(req, path, &file.media_type, public).await?;
    res.headers_mut()
        .insert(header::CONTENT_DISPOSITION, disposition(file));
    Ok(res)
}

/// `/{lang}/library/resources/{uid}/thumbnails/{name}`: an image's thumbnail.
pub async fn thumbnail(
    ctx: Ctx,
    Path((_lang, uid, name)): Path<(String, String, String)>,
    req: Request,
) -> PageResult {
    let r = visible(&ctx, &uid).await?;
    if !r
        .files
        .iter()
        .any(|f| f.thumbnail.as_deref() == Some(&name))
    {
        return Err(AppError::NotFound);
    }
    let media = if name.ends_with(".png") {
        "image/png"
    } else {
        "image/jpeg"
    };
    let path = ctx
        .state
        .settings
        .uploads_dir()
        .join(uploads::THUMBNAILS_DIR)
        .join(&name);
    send(req, path, media, r.status == Status::Published).await
}
