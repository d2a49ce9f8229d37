//! Files on library resources: uploaded with the resource form, checked by
//! their content, kept out of the web root, served under the resource's
//! rules; bad files refused with a clear message and nothing half-written.

use axum::http::{StatusCode, header};
use image::{DynamicImage, ImageFormat};

use crate::contribute::{resource_fields, setup, setup_with};
use crate::support::TestApp;

fn jpeg(w: u32, h: u32) -> Vec<u8> {
    let img = image::RgbImage::from_fn(w, h, |x, y| {
        image::Rgb([(x % 256) as u8, (y % 256) as u8, 9])
    });
    let mut out = std::io::Cursor::new(Vec::new());
    DynamicImage::ImageRgb8(img)
        .write_to(&mut out, ImageFormat::Jpeg)
        .unwrap();
    out.into_inner()
}

/// Every file under the uploads folder.
fn stored(app: &TestApp) -> Vec<String> {
    let root = app.dir.path().join("data/uploads");
    let mut out = Vec::new();
    for dir in ["resources", "thumbnails"] {
        if let Ok(list) = std::fs::read_dir(root.join(dir)) {
            out.extend(list.map(|e| format!("{dir}/{}", e.unwrap().file_name().to_string_lossy())));
        }
    }
    out
}

async fn resource_count(app: &TestApp) -> usize {
    store::library::with_status(&app.db, store::library::Status::ALL, 1000)
        .await
        .unwrap()
        .len()
}

#[tokio::test]
async fn an_image_travels_with_its_resource_and_follows_its_visibility() {
    let (mut app, a, _) = setup().await;
    app.login("a@example.org").await;
    app.get("/en/library/new").await;
    let photo = jpeg(1200, 800);
    let r = app
        .multipart(
            "/en/library/new",
            &resource_fields(a, "Atelier photo"),
            Some(("../Atelier du 12 mars.JPEG", &photo)),
        )
        .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
    let page = r.location().to_string();
    let uid = page.rsplit('/').next().unwrap().to_string();
    let res = store::library::get_by_uid(&app.db, &uid).await.unwrap();
    assert_eq!(res.files.len(), 1);
    let file = &res.files[0];
    assert_eq!(file.file_name, "Atelier du 12 mars.jpg");
    assert_eq!(file.media_type, "image/jpeg");
    assert_eq!(
        res.thumbnail, file.thumbnail,
        "the image gives the thumbnail"
    );
    assert_eq!(stored(&app).len(), 2, "the file and its thumbnail");

    let r = app.get(&page).await;
    assert!(
        r.body.contains("Atelier du 12 mars.jpg"),
        "listed on the page"
    );
    let href = format!(
        "/en/library/resources/{uid}/files/{}/Atelier%20du%2012%20mars.jpg",
        file.id
    );
    assert!(r.body.contains(&href), "{href}");
    let thumb = format!(
        "/en/library/resources/{uid}/thumbnails/{}",
        res.thumbnail.clone().unwrap()
    );
    assert!(r.body.contains(&thumb));

    let got = app.get(&href).await;
    assert_eq!(got.status, StatusCode::OK);
    assert_eq!(got.bytes, photo, "the bytes as uploaded");
    assert_eq!(got.headers[header::CONTENT_TYPE], "image/jpeg");
    let disposition = got.headers[header::CONTENT_DISPOSITION].to_str().unwrap();
    assert!(
        disposition.starts_with("inline; filename=\"Atelier du 12 mars.jpg\""),
        "{disposition}"
    );
    assert!(
        got.headers[header::CONTENT_SECURITY_POLICY]
            .to_str()
            .unwrap()
            .contains("sandbox")
    );
    assert_eq!(got.headers[header::CACHE_CONTROL], "private, no-store");
    let t = app.get(&thumb).await;
    assert_eq!(t.status, StatusCode::OK);
    let small = image::load_from_memory(&t.bytes).unwrap();
    assert_eq!((small.width(), small.height()), (480, 320));

    // A draft's files are not for strangers; once published they are.
    let mut stranger = app.browser();
    assert_eq!(stranger.get(&href).await.status, StatusCode::NOT_FOUND);
    assert_eq!(stranger.get(&thumb).await.status, StatusCode::NOT_FOUND);
    app.post(&format!("{page}/submit"), &[]).await;
    let mut moderator = app.browser();
    moderator.login("mod@example.org").await;
    moderator.post(&format!("{page}/publish"), &[]).await;
    let got = stranger.get(&href).await;
    assert_eq!(got.status, StatusCode::OK);
    assert_eq!(got.headers[header::CACHE_CONTROL], "public, max-age=86400");
    assert!(
        stranger.get("/en/library").await.body.contains(&thumb),
        "cards show it"
    );
    // Another resource's id, or a made-up thumbnail name, finds nothing.
    let wrong = format!("/en/library/resources/{uid}/files/{}/x.jpg", file.id + 1);
    assert_eq!(stranger.get(&wrong).await.status, StatusCode::NOT_FOUND);
    let wrong = format!(
        "/en/library/resources/{uid}/thumbnails/{}",
        file.stored_name
    );
    assert_eq!(stranger.get(&wrong).await.status, StatusCode::NOT_FOUND);
}

#[tokio::test]
async fn documents_download_under_their_cleaned_name_and_can_be_removed() {
    let (mut app, a, _) = setup().await;
    app.login("a@example.org").await;
    app.get("/en/library/new").await;
    let r = app
        .multipart("/en/library/new", &resource_fields(a, "Kit"), None)
        .await;
    assert_eq!(
        r.status,
        StatusCode::SEE_OTHER,
        "a form without a file is fine"
    );
    let page = r.location().to_string();
    assert!(stored(&app).is_empty());
    let mut odt = b"PK\x03\x04\x14\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00".to_vec();
    odt.extend_from_slice(&[0; 8]);
    odt.extend_from_slice(&8u16.to_le_bytes());
    odt.extend_from_slice(&0u16.to_le_bytes());
    odt.extend_from_slice(b"mimetypeapplication/vnd.oasis.opendocument.text");
    odt.extend_from_slice(b"PK\x03\x04...");
    let mut fields = resource_fields(a, "Kit");
    fields.retain(|(k, _)| k != "organisation");
    let r = app
        .multipart(
            &format!("{page}/edit"),
            &fields,
            Some(("Kit (v2): atelier?.odt", &odt)),
        )
        .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
    let uid = page.rsplit('/').next().unwrap();
    let res = store::library::get_by_uid(&app.db, uid).await.unwrap();
    let file = res.files[0].clone();
    assert_eq!(file.media_type, "application/vnd.oasis.opendocument.text");
    assert!(
        res.thumbnail.is_none(),
        "documents get an icon, not a thumbnail"
    );
    let href = format!("/en/library/resources/{uid}/files/{}/x", file.id);
    let got = app.get(&href).await;
    assert_eq!(
        got.headers[header::CONTENT_DISPOSITION],
        "attachment; filename=\"Kit (v2)_ atelier_.odt\"; filename*=UTF-8''Kit%20%28v2%29_%20atelier_.odt"
    );
    let edit = app.get(&format!("{page}/edit")).await;
    assert!(edit.body.contains("Kit (v2)_ atelier_.odt") && edit.body.contains("ODT"));

    // Someone of another partner may not remove it; its member may.
    let remove = format!("{page}/files/{}/delete", file.id);
    let mut other = app.browser();
    other.login("b@example.org").await;
    assert_eq!(other.post(&remove, &[]).await.status, StatusCode::FORBIDDEN);
    let r = app.post(&remove, &[]).await;
    assert_eq!(r.status, StatusCode::SEE_OTHER);
    assert!(stored(&app).is_empty(), "its bytes are gone too");
    let res = store::library::get_by_uid(&app.db, uid).await.unwrap();
    assert!(res.files.is_empty());
    let history = store::library::history(&app.db, res.id).await.unwrap();
    let actions: Vec<&str> = history.iter().map(|e| e.action.as_str()).collect();
    assert!(
        actions.contains(&"file-added") && actions.contains(&"file-removed"),
        "{actions:?}"
    );
}

#[tokio::test]
async fn bad_files_are_refused_and_leave_nothing_behind() {
    let app = TestApp::with_settings("i18n", |s| s.limits.upload_bytes = 200_000).await;
    let (mut app, a, _) = setup_with(app).await;
    app.login("a@example.org").await;
    app.get("/en/library/new").await;
    let photo = jpeg(300, 200);
    let bomb = std::fs::read(
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/uploads/bomb.png"),
    )
    .unwrap();
    let cases: Vec<(&str, Vec<u8>, &str)> = vec![
        (
            "cat.png",
            b"<html><body><script>alert(document.cookie)</script>".to_vec(),
            "This type of file is not accepted",
        ),
        (
            "setup.pdf",
            b"MZ\x90\x00\x03 a program".to_vec(),
            "This type of file is not accepted",
        ),
        (
            "cut.jpg",
            photo[..photo.len() / 2].to_vec(),
            "The image is damaged or incomplete",
        ),
        ("bomb.png", bomb, "The image has too many pixels."),
        (
            "big.pdf",
            [b"%PDF-1.7\n".as_slice(), &vec![b'x'; 200_001]].concat(),
            "The file is too large.",
        ),
    ];
    for (name, bytes, message) in cases {
        let r = app
            .multipart(
                "/en/library/new",
                &resource_fields(a, "Fichier douteux"),
                Some((name, &bytes)),
            )
            .await;
        assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY, "{name}");
        assert!(r.body.contains(message), "{name}: {message}");
        assert!(
            r.body.contains("value=\"Fichier douteux\""),
            "{name}: the form keeps its values"
        );
        assert_eq!(resource_count(&app).await, 0, "{name}: no resource");
        assert!(stored(&app).is_empty(), "{name}: no file");
    }
    // A good file with a bad form: both stay unwritten, the form says why.
    let r = app
        .multipart(
            "/en/library/new",
            &resource_fields(a, ""),
            Some(("ok.jpg", &photo)),
        )
        .await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(resource_count(&app).await, 0);
    assert!(stored(&app).is_empty(), "the checked file was discarded");
    // A body far beyond the limit is cut off before it is read whole.
    let huge = vec![0u8; 3_000_000];
    let r = app
        .multipart(
            "/en/library/new",
            &resource_fields(a, "Énorme"),
            Some(("huge.pdf", &huge)),
        )
        .await;
    assert_eq!(r.status, StatusCode::PAYLOAD_TOO_LARGE);
    assert_eq!(resource_count(&app).await, 0);
}
