//! Images beside lessons: checked at load time (a missing or undecodable image
//! is a content error), then resized into responsive variants for `srcset`.
//!
//! Variants are cached under a name derived from the source's bytes, so they
//! are made once and made again only when the source changes. The camera's
//! EXIF orientation is applied, so a portrait photo stays upright.

use std::fs;
use std::io::BufWriter;
use std::path::{Path, PathBuf};

use image::codecs::jpeg::JpegEncoder;
use image::imageops::FilterType;
use image::{DynamicImage, ImageDecoder, ImageFormat, ImageReader};
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

/// Widths of the variants, in pixels (never wider than the source).
pub const WIDTHS: [u32; 3] = [480, 800, 1200];
/// Quality of JPEG variants (photos); PNG sources stay PNG (drawings, transparency).
const JPEG_QUALITY: u8 = 82;

#[derive(Debug, thiserror::Error)]
pub enum ImageError {
    #[error("cannot read the image: {0}")]
    Io(#[from] std::io::Error),
    #[error("the file is not an image this site can show (PNG, JPEG, GIF or WebP): {0}")]
    Decode(#[from] image::ImageError),
    #[error("cannot record the image variants: {0}")]
    Index(#[from] serde_json::Error),
}

/// One resized copy.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Variant {
    pub width: u32,
    pub height: u32,
    /// File name in the cache folder.
    pub file: String,
}

/// The variants of one source image, narrowest first.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Responsive {
    pub variants: Vec<Variant>,
}

impl Responsive {
    /// The variant for `src`: the widest up to 800 pixels.
    pub fn default_variant(&self) -> &Variant {
        self.variants
            .iter()
            .rev()
            .find(|v| v.width <= 800)
            .or(self.variants.first())
            .expect("at least one variant")
    }
}

fn open(path: &Path) -> Result<DynamicImage, ImageError> {
    let mut decoder = ImageReader::open(path)?
        .with_guessed_format()?
        .into_decoder()?;
    let orientation = decoder.orientation()?;
    let mut img = DynamicImage::from_decoder(decoder)?;
    img.apply_orientation(orientation);
    Ok(img)
}

/// The file an image source written in a lesson names, relative to the
/// content root (`None` when it leaves the lesson's folder).
pub fn source_path(lesson_dir: &Path, src: &str) -> Option<PathBuf> {
    let clean = src.split(['?', '#']).next().unwrap_or_default();
    let mut out = lesson_dir.to_path_buf();
    for part in clean.split('/') {
        match part {
            "" | "." => {}
            ".." => return None,
            p => out.push(p),
        }
    }
    Some(out)
}

/// Checks every image the lessons of `library` show.
pub(crate) fn check_all(
    root: &Path,
    library: &crate::model::Library,
    problems: &mut Vec<crate::report::Problem>,
) {
    for course in &library.courses {
        if let Some(cover) = &course.front.cover {
            let dir = Path::new("courses").join(&course.slug);
            let file = dir.join("_index.md");
            check_one(root, &dir, cover, &file, 1, problems);
        }
        for lesson in course.lessons() {
            for version in lesson.versions.values() {
                for (line, src) in crate::render::image_sources(&version.text.markdown) {
                    let at = version.text.line + line - 1;
                    check_one(root, &lesson.dir, &src, &version.text.file, at, problems);
                }
            }
        }
    }
}

fn check_one(
    root: &Path,
    dir: &Path,
    src: &str,
    file: &Path,
    line: usize,
    problems: &mut Vec<crate::report::Problem>,
) {
    let Some(path) = source_path(dir, src) else {
        problems.push(
            crate::report::Problem::new(
                file,
                line,
                format!("image {src:?} is outside the lesson's folder"),
            )
            .hint("put images beside the lesson (or in its folder) and name them without ../"),
        );
        return;
    };
    if let Err(e) = check(&root.join(&path)) {
        problems.push(
            crate::report::Problem::new(file, line, format!("image {}: {e}", path.display())).hint(
                "check the file name, and that it is a PNG, JPEG, GIF or WebP file that opens",
            ),
        );
    }
}

/// Decodes the whole image: what the content check does for each one.
pub fn check(path: &Path) -> Result<(u32, u32), ImageError> {
    let img = open(path)?;
    Ok((img.width(), img.height()))
}

/// The variants of `source`, made in `cache` unless already there.
pub fn prepare(source: &Path, cache: &Path) -> Result<Responsive, ImageError> {
    let bytes = fs::read(source)?;
    let key = hex::encode(&Sha256::digest(&bytes)[..12]);
    let index = cache.join(format!("{key}.json"));
    if let Ok(text) = fs::read_to_string(&index)
        && let Ok(found) = serde_json::from_str::<Responsive>(&text)
        && !found.variants.is_empty()
        && found.variants.iter().all(|v| cache.join(&v.file).exists())
    {
        return Ok(found);
    }
    fs::create_dir_all(cache)?;
    let img = open(source)?;
    let format = ImageReader::open(source)?.with_guessed_format()?.format();
    let (ext, png) = match format {
        Some(ImageFormat::Png) | Some(ImageFormat::Gif) => ("png", true),
        _ => ("jpg", false),
    };
    let mut widths: Vec<u32> = WIDTHS
        .iter()
        .copied()
        .filter(|w| *w < img.width())
        .collect();
    // The source's own width when it is narrower than the widest variant.
    if img.width() <= *WIDTHS.last().expect("widths") || widths.is_empty() {
        widths.push(img.width().min(*WIDTHS.last().expect("widths")));
    }
    widths.dedup();
    let mut variants = Vec::new();
    for width in widths {
        let resized = if width == img.width() {
            img.clone()
        } else {
            let height =
                (u64::from(img.height()) * u64::from(width) / u64::from(img.width())).max(1) as u32;
            img.resize_exact(width, height, FilterType::Lanczos3)
        };
        let file = format!("{key}-{width}.{ext}");
        let tmp: PathBuf = cache.join(format!(".{file}.tmp"));
        {
            let mut out = BufWriter::new(fs::File::create(&tmp)?);
            if png {
                resized.write_to(&mut out, ImageFormat::Png)?;
            } else {
                let rgb = DynamicImage::ImageRgb8(resized.to_rgb8());
                rgb.write_with_encoder(JpegEncoder::new_with_quality(&mut out, JPEG_QUALITY))?;
            }
        }
        // Renamed into place whole, so a reader never sees half a file.
        fs::rename(&tmp, cache.join(&file))?;
        variants.push(Variant {
            width: resized.width(),
            height: resized.height(),
            file,
        });
    }
    let found = Responsive { variants };
    let tmp = cache.join(format!(".{key}.json.tmp"));
    fs::write(&tmp, serde_json::to_string(&found)?)?;
    fs::rename(&tmp, &index)?;
    Ok(found)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn png(path: &Path, w: u32, h: u32) {
        let img = image::RgbImage::from_fn(w, h, |x, y| {
            image::Rgb([(x % 256) as u8, (y % 256) as u8, 90])
        });
        img.save(path).unwrap();
    }

    #[test]
    fn variants_are_made_once_and_again_when_the_source_changes() {
        let dir = tempfile::tempdir().unwrap();
        let src = dir.path().join("diagram.png");
        let cache = dir.path().join("cache");
        png(&src, 1000, 500);
        let r = prepare(&src, &cache).unwrap();
        let widths: Vec<u32> = r.variants.iter().map(|v| v.width).collect();
        assert_eq!(widths, [480, 800, 1000]);
        assert_eq!(r.variants[0].height, 240, "the aspect ratio is kept");
        assert_eq!(r.default_variant().width, 800);
        let first = fs::metadata(cache.join(&r.variants[0].file))
            .unwrap()
            .modified()
            .unwrap();

        std::thread::sleep(std::time::Duration::from_millis(20));
        let again = prepare(&src, &cache).unwrap();
        assert_eq!(again, r);
        let still = fs::metadata(cache.join(&r.variants[0].file))
            .unwrap()
            .modified()
            .unwrap();
        assert_eq!(first, still, "cached variants are not made again");

        png(&src, 300, 300);
        let changed = prepare(&src, &cache).unwrap();
        assert_ne!(changed.variants[0].file, r.variants[0].file);
        assert_eq!(changed.variants.len(), 1, "a small image is not enlarged");
        assert_eq!(changed.variants[0].width, 300);
    }

    #[test]
    fn exif_orientation_is_applied() {
        // A 40×20 JPEG marked "rotate 90° clockwise" shows as 20×40.
        let dir = tempfile::tempdir().unwrap();
        let plain = dir.path().join("plain.jpg");
        image::RgbImage::from_pixel(40, 20, image::Rgb([200, 10, 10]))
            .save(&plain)
            .unwrap();
        let bytes = fs::read(&plain).unwrap();
        // APP1 Exif segment with one IFD entry: Orientation (0x0112) = 6.
        let mut exif: Vec<u8> =
            b"Exif\0\0II*\0\x08\0\0\0\x01\0\x12\x01\x03\0\x01\0\0\0\x06\0\0\0\0\0\0\0".to_vec();
        let mut segment = vec![0xFF, 0xE1];
        segment.extend(((exif.len() + 2) as u16).to_be_bytes());
        segment.append(&mut exif);
        let mut rotated = bytes[..2].to_vec();
        rotated.extend(segment);
        rotated.extend(&bytes[2..]);
        let path = dir.path().join("rotated.jpg");
        fs::write(&path, rotated).unwrap();
        assert_eq!(check(&plain).unwrap(), (40, 20));
        assert_eq!(check(&path).unwrap(), (20, 40));
    }

    #[test]
    fn broken_images_are_errors() {
        let dir = tempfile::tempdir().unwrap();
        let bad = dir.path().join("bad.png");
        fs::write(&bad, b"not an image at all").unwrap();
        assert!(matches!(check(&bad), Err(ImageError::Decode(_))));
        assert!(matches!(
            check(&dir.path().join("missing.png")),
            Err(ImageError::Io(_))
        ));
        let mut truncated = Vec::new();
        image::RgbImage::from_pixel(64, 64, image::Rgb([1, 2, 3]))
            .write_to(&mut std::io::Cursor::new(&mut truncated), ImageFormat::Png)
            .unwrap();
        truncated.truncate(truncated.len() / 2);
        let cut = dir.path().join("cut.png");
        fs::write(&cut, truncated).unwrap();
        assert!(check(&cut).is_err(), "a truncated image is refused");
    }
}
