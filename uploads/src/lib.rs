//! Files contributors attach to library resources. The type is found from
//! the bytes, never from the name or the browser's word; only documents,
//! images, audio, video and plain-text data a reader can open safely are
//! kept. Images are decoded in full (a corrupt or truncated one is refused),
//! after their announced size was checked against a pixel budget, so a small
//! file claiming a huge picture is refused before it could fill the memory.
//! Files are stored outside the web root under generated names.

use std::io::Cursor;
use std::path::Path;

use image::codecs::jpeg::JpegEncoder;
use image::{DynamicImage, ImageDecoder, ImageFormat, ImageReader};
use rand::RngCore;
use store::library::files::NewFile;

/// Longest side of a thumbnail, in pixels.
pub const THUMBNAIL_SIDE: u32 = 480;
/// Folders under the uploads folder.
pub const FILES_DIR: &str = "resources";
pub const THUMBNAILS_DIR: &str = "thumbnails";

/// Why a file was refused; `code()` is the stable code the form shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum Refused {
    #[error("the file is empty")]
    Empty,
    #[error("the file is larger than allowed")]
    TooLarge,
    #[error("this type of file is not accepted")]
    TypeRefused,
    #[error("the image is damaged or incomplete")]
    ImageInvalid,
    #[error("the image has more pixels than allowed")]
    ImageTooBig,
}

impl Refused {
    pub fn code(self) -> &'static str {
        match self {
            Refused::Empty => "file-empty",
            Refused::TooLarge => "file-too-large",
            Refused::TypeRefused => "file-type-refused",
            Refused::ImageInvalid => "image-invalid",
            Refused::ImageTooBig => "image-too-big",
        }
    }
}

/// What a file is, found from its first bytes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Sniffed {
    pub media_type: &'static str,
    pub ext: &'static str,
}

const fn sniffed(media_type: &'static str, ext: &'static str) -> Option<Sniffed> {
    Some(Sniffed { media_type, ext })
}

/// The OpenDocument type of a ZIP whose first entry is the stored `mimetype`.
fn open_document(bytes: &[u8]) -> Option<Sniffed> {
    let name_len = u16::from_le_bytes([*bytes.get(26)?, *bytes.get(27)?]) as usize;
    let extra_len = u16::from_le_bytes([*bytes.get(28)?, *bytes.get(29)?]) as usize;
    if bytes.get(30..30 + name_len)? != b"mimetype" {
        return None;
    }
    let start = 30 + name_len + extra_len;
    let rest = bytes.get(start..(start + 80).min(bytes.len()))?;
    let odf = "application/vnd.oasis.opendocument.";
    let kinds = [
        ("text", "odt", "application/vnd.oasis.opendocument.text"),
        (
            "spreadsheet",
            "ods",
            "application/vnd.oasis.opendocument.spreadsheet",
        ),
        (
            "presentation",
            "odp",
            "application/vnd.oasis.opendocument.presentation",
        ),
        (
            "graphics",
            "odg",
            "application/vnd.oasis.opendocument.graphics",
        ),
    ];
    kinds.iter().find_map(|(kind, ext, media)| {
        let full = format!("{odf}{kind}");
        (rest.starts_with(full.as_bytes()) && rest[full.len()..].first().is_none_or(|c| *c != b'-'))
            .then_some(Sniffed {
                media_type: media,
                ext,
            })
    })
}

/// Plain-text data (CSV, text, Markdown), only under a name that says so,
/// valid UTF-8, and nothing a browser could take for markup.
fn text_data(bytes: &[u8], name: &str) -> Option<Sniffed> {
    let ext = name.rsplit_once('.')?.1.to_ascii_lowercase();
    let text = std::str::from_utf8(bytes).ok()?;
    if text.contains('\0')
        || text
            .trim_start_matches('\u{feff}')
            .trim_start()
            .starts_with('<')
    {
        return None;
    }
    match ext.as_str() {
        "csv" => sniffed("text/csv", "csv"),
        "txt" => sniffed("text/plain", "txt"),
        "md" => sniffed("text/markdown", "md"),
        _ => None,
    }
}

/// The type of `bytes` (uploaded under `name`), if it is one this library keeps.
pub fn sniff(bytes: &[u8], name: &str) -> Option<Sniffed> {
    let at = |offset: usize, magic: &[u8]| bytes.get(offset..offset + magic.len()) == Some(magic);
    if at(0, b"%PDF-") {
        return sniffed("application/pdf", "pdf");
    }
    if at(0, b"\x89PNG\r\n\x1a\n") {
        return sniffed("image/png", "png");
    }
    if at(0, b"\xff\xd8\xff") {
        return sniffed("image/jpeg", "jpg");
    }
    if at(0, b"GIF87a") || at(0, b"GIF89a") {
        return sniffed("image/gif", "gif");
    }
    if at(0, b"RIFF") && at(8, b"WEBP") {
        return sniffed("image/webp", "webp");
    }
    if at(0, b"RIFF") && at(8, b"WAVE") {
        return sniffed("audio/wav", "wav");
    }
    if at(0, b"PK\x03\x04") {
        return open_document(bytes);
    }
    if at(0, b"ID3")
        || (bytes.len() > 2 && bytes[0] == 0xff && bytes[1] & 0xe0 == 0xe0 && bytes[1] & 0x06 != 0)
    {
        return sniffed("audio/mpeg", "mp3");
    }
    if at(0, b"fLaC") {
        return sniffed("audio/flac", "flac");
    }
    if at(0, b"OggS") {
        let head = &bytes[..bytes.len().min(128)];
        let has = |m: &[u8]| head.windows(m.len()).any(|w| w == m);
        return if has(b"theora") {
            sniffed("video/ogg", "ogv")
        } else if has(b"OpusHead") {
            sniffed("audio/ogg", "opus")
        } else {
            sniffed("audio/ogg", "ogg")
        };
    }
    if at(4, b"ftyp") {
        return if at(8, b"M4A ") {
            sniffed("audio/mp4", "m4a")
        } else {
            sniffed("video/mp4", "mp4")
        };
    }
    if at(0, b"\x1a\x45\xdf\xa3") {
        let head = &bytes[..bytes.len().min(64)];
        return if head.windows(4).any(|w| w == b"webm") {
            sniffed("video/webm", "webm")
        } else {
            sniffed("video/x-matroska", "mkv")
        };
    }
    text_data(bytes, name)
}

/// A file that passed the checks, with a thumbnail if it is an image.
#[derive(Debug)]
pub struct Checked {
    pub sniffed: Sniffed,
    /// Encoded thumbnail and its extension.
    pub thumbnail: Option<(Vec<u8>, &'static str)>,
}

/// Checks `bytes` uploaded under `name`.
pub fn check(
    bytes: &[u8],
    name: &str,
    max_bytes: usize,
    max_pixels: u64,
) -> Result<Checked, Refused> {
    if bytes.is_empty() {
        return Err(Refused::Empty);
    }
    if bytes.len() > max_bytes {
        return Err(Refused::TooLarge);
    }
    let sniffed = sniff(bytes, name).ok_or(Refused::TypeRefused)?;
    let thumbnail = if sniffed.media_type.starts_with("image/") {
        Some(thumbnail(bytes, max_pixels)?)
    } else {
        None
    };
    Ok(Checked { sniffed, thumbnail })
}

/// Decodes an image within the pixel budget and makes its thumbnail, upright
/// (EXIF orientation applied) and without the camera's metadata.
fn thumbnail(bytes: &[u8], max_pixels: u64) -> Result<(Vec<u8>, &'static str), Refused> {
    let size = imagesize::blob_size(bytes).map_err(|_| Refused::ImageInvalid)?;
    if size.width == 0 || size.height == 0 {
        return Err(Refused::ImageInvalid);
    }
    if (size.width as u64).saturating_mul(size.height as u64) > max_pixels {
        return Err(Refused::ImageTooBig);
    }
    // A JPEG cut short still decodes into a grey tail; its end marker tells.
    if bytes.starts_with(b"\xff\xd8") {
        let tail = &bytes[bytes.len().saturating_sub(32)..];
        if !tail.windows(2).any(|w| w == b"\xff\xd9") {
            return Err(Refused::ImageInvalid);
        }
    }
    let mut reader = ImageReader::new(Cursor::new(bytes))
        .with_guessed_format()
        .map_err(|_| Refused::ImageInvalid)?;
    let mut limits = image::Limits::default();
    limits.max_image_width = Some(size.width as u32);
    limits.max_image_height = Some(size.height as u32);
    limits.max_alloc = Some(max_pixels.saturating_mul(8));
    reader.limits(limits);
    let mut decoder = reader.into_decoder().map_err(|e| match e {
        image::ImageError::Limits(_) => Refused::ImageTooBig,
        _ => Refused::ImageInvalid,
    })?;
    let orientation = decoder.orientation().map_err(|_| Refused::ImageInvalid)?;
    let mut img = DynamicImage::from_decoder(decoder).map_err(|e| match e {
        image::ImageError::Limits(_) => Refused::ImageTooBig,
        _ => Refused::ImageInvalid,
    })?;
    img.apply_orientation(orientation);
    let small = if img.width() > THUMBNAIL_SIDE || img.height() > THUMBNAIL_SIDE {
        img.thumbnail(THUMBNAIL_SIDE, THUMBNAIL_SIDE)
    } else {
        img
    };
    let mut out = Vec::new();
    let ext = if small.color().has_alpha() {
        small
            .write_to(&mut Cursor::new(&mut out), ImageFormat::Png)
            .map_err(|_| Refused::ImageInvalid)?;
        "png"
    } else {
        DynamicImage::ImageRgb8(small.to_rgb8())
            .write_with_encoder(JpegEncoder::new_with_quality(&mut out, 80))
            .map_err(|_| Refused::ImageInvalid)?;
        "jpg"
    };
    Ok((out, ext))
}

/// The uploader's file name, kept for downloads: no folders, no control or
/// reserved characters, at most 100 characters, ending in the sniffed type's
/// extension.
pub fn clean_name(name: &str, ext: &str) -> String {
    let base = name.rsplit(['/', '\\']).next().unwrap_or("");
    let stem = match base.rsplit_once('.') {
        Some((stem, _)) => stem,
        None => base,
    };
    let mut clean: String = stem
        .chars()
        .map(|c| {
            if c.is_alphanumeric() || matches!(c, '-' | '_' | ' ' | '(' | ')' | ',' | '.') {
                c
            } else {
                '_'
            }
        })
        .collect();
    clean = clean
        .trim_matches(|c: char| c == '.' || c == ' ')
        .to_string();
    if clean.is_empty() {
        clean = "file".into();
    }
    let clean: String = clean.chars().take(100).collect();
    format!("{clean}.{ext}")
}

fn random_name(ext: &str) -> String {
    let mut id = [0u8; 16];
    rand::rng().fill_bytes(&mut id);
    format!("{}.{ext}", hex::encode(id))
}

/// Writes `bytes` as `dir/name`, whole or not at all.
pub async fn write_whole(dir: &Path, name: &str, bytes: &[u8]) -> std::io::Result<()> {
    tokio::fs::create_dir_all(dir).await?;
    // Written beside, then renamed: a reader never sees half a file.
    let tmp = dir.join(format!(".{name}.part"));
    tokio::fs::write(&tmp, bytes).await?;
    tokio::fs::rename(&tmp, dir.join(name)).await
}

/// Writes a checked file (and its thumbnail) under generated names in
/// `uploads`; the caller records it, or calls [`discard`] if that fails.
pub async fn save(
    uploads: &Path,
    original_name: &str,
    bytes: &[u8],
    checked: &Checked,
) -> std::io::Result<NewFile> {
    let stored_name = random_name(checked.sniffed.ext);
    write_whole(&uploads.join(FILES_DIR), &stored_name, bytes).await?;
    let mut thumbnail = None;
    if let Some((thumb, ext)) = &checked.thumbnail {
        let name = random_name(ext);
        if let Err(e) = write_whole(&uploads.join(THUMBNAILS_DIR), &name, thumb).await {
            let _ = tokio::fs::remove_file(uploads.join(FILES_DIR).join(&stored_name)).await;
            return Err(e);
        }
        thumbnail = Some(name);
    }
    Ok(NewFile {
        stored_name,
        file_name: clean_name(original_name, checked.sniffed.ext),
        media_type: checked.sniffed.media_type.to_string(),
        bytes: bytes.len() as i64,
        thumbnail,
    })
}

/// Removes a file's bytes and thumbnail (after a failed write, or when the
/// file is taken off its resource).
pub async fn discard(uploads: &Path, stored_name: &str, thumbnail: Option<&str>) {
    for (dir, name) in [(FILES_DIR, Some(stored_name)), (THUMBNAILS_DIR, thumbnail)] {
        if let Some(name) = name {
            let path = uploads.join(dir).join(name);
            if let Err(e) = tokio::fs::remove_file(&path).await {
                tracing::warn!(error = %e, file = %path.display(), "could not remove an uploaded file");
            }
        }
    }
}

#[cfg(test)]
mod tests;
