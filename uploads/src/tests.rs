use super::*;

const MB: usize = 1024 * 1024;
const PIXELS: u64 = 40_000_000;

fn jpeg(w: u32, h: u32) -> Vec<u8> {
    let img = image::RgbImage::from_fn(w, h, |x, y| {
        image::Rgb([(x % 256) as u8, (y % 256) as u8, 40])
    });
    let mut out = Vec::new();
    DynamicImage::ImageRgb8(img)
        .write_with_encoder(JpegEncoder::new_with_quality(&mut out, 90))
        .unwrap();
    out
}

fn png(w: u32, h: u32) -> Vec<u8> {
    let img = image::RgbaImage::from_fn(w, h, |x, _| image::Rgba([0, 0, 0, (x % 256) as u8]));
    let mut out = Vec::new();
    img.write_to(&mut Cursor::new(&mut out), ImageFormat::Png)
        .unwrap();
    out
}

/// A ZIP whose first entry is the stored `mimetype` of an OpenDocument.
fn zip_with_mimetype(mime: &str) -> Vec<u8> {
    let mut z = b"PK\x03\x04".to_vec();
    z.extend_from_slice(&[20, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0]);
    z.extend_from_slice(&(mime.len() as u32).to_le_bytes());
    z.extend_from_slice(&(mime.len() as u32).to_le_bytes());
    z.extend_from_slice(&8u16.to_le_bytes());
    z.extend_from_slice(&0u16.to_le_bytes());
    z.extend_from_slice(b"mimetype");
    z.extend_from_slice(mime.as_bytes());
    z.extend_from_slice(b"PK\x03\x04 rest of the archive");
    z
}

#[test]
fn types_come_from_the_bytes_not_the_name() {
    let cases: Vec<(Vec<u8>, &str, Option<&str>)> = vec![
        (
            b"%PDF-1.7\n...".to_vec(),
            "guide.txt",
            Some("application/pdf"),
        ),
        (jpeg(8, 8), "photo.png", Some("image/jpeg")),
        (png(8, 8), "drawing", Some("image/png")),
        (
            zip_with_mimetype("application/vnd.oasis.opendocument.text"),
            "kit.pdf",
            Some("application/vnd.oasis.opendocument.text"),
        ),
        (
            zip_with_mimetype("application/vnd.oasis.opendocument.spreadsheet"),
            "data.ods",
            Some("application/vnd.oasis.opendocument.spreadsheet"),
        ),
        (
            zip_with_mimetype("application/vnd.oasis.opendocument.text-template"),
            "x.ott",
            None,
        ),
        (b"PK\x03\x04 an ordinary zip".to_vec(), "archive.odt", None),
        (b"ID3\x04\x00 mp3".to_vec(), "talk.bin", Some("audio/mpeg")),
        (
            b"OggS\x00\x02 .... OpusHead".to_vec(),
            "talk.ogg",
            Some("audio/ogg"),
        ),
        (
            b"\x00\x00\x00\x18ftypisom....".to_vec(),
            "film",
            Some("video/mp4"),
        ),
        (
            b"\x1a\x45\xdf\xa3\x9f\x42\x86\x81\x01webm".to_vec(),
            "film",
            Some("video/webm"),
        ),
        (
            b"year,members\n2024,12\n".to_vec(),
            "members.csv",
            Some("text/csv"),
        ),
        (b"year,members\n2024,12\n".to_vec(), "members.exe", None),
        (
            b"<html><script>alert(1)</script></html>".to_vec(),
            "cat.png",
            None,
        ),
        (b"  <svg onload=alert(1)/>".to_vec(), "notes.txt", None),
        (b"MZ\x90\x00 a program".to_vec(), "setup.pdf", None),
    ];
    for (bytes, name, want) in cases {
        assert_eq!(
            sniff(&bytes, name).map(|s| s.media_type),
            want,
            "{name}: {:?}",
            String::from_utf8_lossy(&bytes[..bytes.len().min(16)])
        );
    }
}

#[test]
fn bad_files_are_refused_with_a_reason() {
    let refused = |bytes: &[u8], name: &str, max: usize| check(bytes, name, max, PIXELS).err();
    assert_eq!(refused(b"", "empty.pdf", MB), Some(Refused::Empty));
    assert_eq!(
        refused(&vec![b'%'; 2 * MB], "big.pdf", MB),
        Some(Refused::TooLarge)
    );
    assert_eq!(
        refused(b"<!doctype html><p>hi", "image.jpg", MB),
        Some(Refused::TypeRefused)
    );
    let bomb = include_bytes!("../../server/tests/fixtures/uploads/bomb.png");
    assert_eq!(refused(bomb, "bomb.png", MB), Some(Refused::ImageTooBig));
    let whole = jpeg(300, 200);
    assert!(refused(&whole, "ok.jpg", MB).is_none());
    let cut = &whole[..whole.len() / 2];
    assert_eq!(refused(cut, "cut.jpg", MB), Some(Refused::ImageInvalid));
    let whole = png(300, 200);
    let cut = &whole[..whole.len() * 2 / 3];
    assert_eq!(refused(cut, "cut.png", MB), Some(Refused::ImageInvalid));
    // A PNG header that lies about its size.
    let mut liar = png(4, 4);
    liar[16..20].copy_from_slice(&4000u32.to_be_bytes());
    assert!(matches!(
        refused(&liar, "liar.png", MB),
        Some(Refused::ImageInvalid)
    ));
}

#[test]
fn images_get_a_small_upright_thumbnail() {
    let checked = check(&jpeg(1600, 900), "wide.jpg", 10 * MB, PIXELS).unwrap();
    let (thumb, ext) = checked.thumbnail.unwrap();
    assert_eq!(ext, "jpg");
    let t = image::load_from_memory(&thumb).unwrap();
    assert_eq!((t.width(), t.height()), (480, 270));
    // Transparency is kept as PNG; small images are not enlarged.
    let checked = check(&png(40, 30), "icon.png", MB, PIXELS).unwrap();
    let (thumb, ext) = checked.thumbnail.unwrap();
    assert_eq!(ext, "png");
    let t = image::load_from_memory(&thumb).unwrap();
    assert_eq!((t.width(), t.height()), (40, 30));
    // Documents have none.
    assert!(
        check(b"%PDF-1.4 x", "a.pdf", MB, PIXELS)
            .unwrap()
            .thumbnail
            .is_none()
    );
}

#[test]
fn names_are_cleaned_and_take_the_real_extension() {
    assert_eq!(clean_name("../../etc/passwd", "txt"), "passwd.txt");
    assert_eq!(
        clean_name("C:\\Users\\me\\Kit atelier (v2).odt", "odt"),
        "Kit atelier (v2).odt"
    );
    assert_eq!(clean_name("photo.php.png", "jpg"), "photo.php.jpg");
    assert_eq!(
        clean_name("\"quoted\";\r\nX-Header: y.pdf", "pdf"),
        "_quoted____X-Header_ y.pdf"
    );
    assert_eq!(clean_name("...", "pdf"), "file.pdf");
    assert_eq!(
        clean_name("Ćevapi i žlikrofi.pdf", "pdf"),
        "Ćevapi i žlikrofi.pdf"
    );
    assert_eq!(clean_name(&"a".repeat(300), "pdf").chars().count(), 104);
}

#[tokio::test]
async fn saved_files_get_generated_names_and_can_be_discarded() {
    let dir = tempfile::tempdir().unwrap();
    let bytes = jpeg(600, 400);
    let checked = check(&bytes, "Our workshop.jpeg", MB, PIXELS).unwrap();
    let f = save(dir.path(), "Our workshop.jpeg", &bytes, &checked)
        .await
        .unwrap();
    assert_eq!(f.file_name, "Our workshop.jpg");
    assert_eq!(f.media_type, "image/jpeg");
    assert!(f.stored_name.ends_with(".jpg") && f.stored_name.len() == 36);
    let thumb = f.thumbnail.clone().unwrap();
    assert!(dir.path().join(FILES_DIR).join(&f.stored_name).exists());
    assert!(dir.path().join(THUMBNAILS_DIR).join(&thumb).exists());
    discard(dir.path(), &f.stored_name, Some(&thumb)).await;
    assert!(!dir.path().join(FILES_DIR).join(&f.stored_name).exists());
    assert!(!dir.path().join(THUMBNAILS_DIR).join(&thumb).exists());
}
