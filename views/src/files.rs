//! The addresses of a library resource's files and thumbnails, and what a
//! page shows of a file.

use store::library::files::ResourceFile;

/// Percent-encodes all but unreserved characters (RFC 3986).
pub fn encode(text: &str) -> String {
    text.bytes()
        .map(|b| {
            if b.is_ascii_alphanumeric() || b"-._~".contains(&b) {
                (b as char).to_string()
            } else {
                format!("%{b:02X}")
            }
        })
        .collect()
}

/// The address of a file, and of a thumbnail (without the language prefix).
pub fn file_url(uid: &str, f: &ResourceFile) -> String {
    format!(
        "/library/resources/{uid}/files/{}/{}",
        f.id,
        encode(&f.file_name)
    )
}

pub fn thumbnail_url(uid: &str, name: &str) -> String {
    format!("/library/resources/{uid}/thumbnails/{name}")
}

/// What a page shows of a file.
pub fn file_view(uid: &str, f: &ResourceFile) -> app::pages::library::FileView {
    app::pages::library::FileView {
        id: f.id,
        name: f.file_name.clone(),
        url: file_url(uid, f),
        badge: f
            .file_name
            .rsplit_once('.')
            .map(|(_, ext)| ext.to_ascii_uppercase())
            .unwrap_or_default(),
        bytes: f.bytes,
        thumbnail: f.thumbnail.as_ref().map(|t| thumbnail_url(uid, t)),
    }
}
