//! Library figures: `cargo bench -p server --bench library`. Checking uploads
//! (a 12-megapixel photo decoded and thumbnailed, a decompression bomb
//! refused), loading the seed library into a fresh SQLite database, and
//! importing AMB records. Reports medians; no test asserts a time.

use std::path::Path;
use std::time::Instant;

use image::DynamicImage;
use image::codecs::jpeg::JpegEncoder;

fn median(mut times: Vec<f64>) -> f64 {
    times.sort_by(f64::total_cmp);
    times[times.len() / 2]
}

fn time<T>(runs: usize, mut f: impl FnMut() -> T) -> f64 {
    median(
        (0..runs)
            .map(|_| {
                let t = Instant::now();
                std::hint::black_box(f());
                t.elapsed().as_secs_f64() * 1000.0
            })
            .collect(),
    )
}

fn photo(w: u32, h: u32) -> Vec<u8> {
    let img = image::RgbImage::from_fn(w, h, |x, y| {
        image::Rgb([
            (x / 7 % 256) as u8,
            (y / 5 % 256) as u8,
            ((x + y) % 256) as u8,
        ])
    });
    let mut out = Vec::new();
    DynamicImage::ImageRgb8(img)
        .write_with_encoder(JpegEncoder::new_with_quality(&mut out, 85))
        .unwrap();
    out
}

fn main() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
    let big = photo(4000, 3000);
    let ms = time(5, || {
        uploads::check(&big, "photo.jpg", 50 << 20, 40_000_000).unwrap()
    });
    println!(
        "upload check of a 4000x3000 JPEG ({} KB): decode, orient, 480 px thumbnail: median {ms:.0} ms",
        big.len() / 1024
    );
    let bomb = std::fs::read(root.join("server/tests/fixtures/uploads/bomb.png")).unwrap();
    let ms = time(200, || {
        uploads::check(&bomb, "bomb.png", 50 << 20, 40_000_000).unwrap_err()
    });
    println!(
        "refusing a 400-megapixel PNG bomb ({} KB) from its header: median {:.1} µs",
        bomb.len() / 1024,
        ms * 1000.0
    );

    let rt = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .unwrap();
    rt.block_on(async {
        let content = root.join("content");
        let scheme = courses::load(&content).unwrap().topics;
        let ids: Vec<String> = scheme.concepts.iter().map(|c| c.id.clone()).collect();
        let t = Instant::now();
        let seeds = demo::seed::read(&content.join("library"), &ids).unwrap();
        let read_ms = t.elapsed().as_secs_f64() * 1000.0;

        // The demo's partners, accounts and topics, without the seed library
        // (a content folder of links to all but it), so the seeds are timed alone.
        let dir = tempfile::tempdir().unwrap();
        let bare = dir.path().join("content");
        std::fs::create_dir(&bare).unwrap();
        for part in ["courses", "demo", "topics.toml"] {
            std::os::unix::fs::symlink(content.join(part), bare.join(part)).unwrap();
        }
        let settings = settings::Settings {
            data_dir: dir.path().join("data"),
            content_dir: bare,
            ..Default::default()
        };
        server::cli::demo::run(settings.clone()).await.unwrap();
        let db = server::cli::open_db(&settings).await.unwrap();
        let t = Instant::now();
        let added = demo::seed::load(&db, &seeds).await.unwrap();
        let load_ms = t.elapsed().as_secs_f64() * 1000.0;
        println!(
            "seed library: read and check {} resources {read_ms:.1} ms; write {added} into SQLite {load_ms:.0} ms ({:.1} ms each)",
            seeds.len(),
            load_ms / added.max(1) as f64
        );

        // 1 000 AMB records built from the valid examples with distinct ids.
        let examples = root.join("../shared/conformance/amb/examples/valid");
        let mut base = Vec::new();
        for e in std::fs::read_dir(&examples).unwrap() {
            let text = std::fs::read_to_string(e.unwrap().path()).unwrap();
            base.push(serde_json::from_str::<serde_json::Value>(&text).unwrap());
        }
        let records: Vec<serde_json::Value> = (0..1000)
            .map(|i| {
                let mut r = base[i % base.len()].clone();
                r["id"] = serde_json::Value::String(format!("https://example.org/bench/{i}"));
                r
            })
            .collect();
        let text = serde_json::to_string(&records).unwrap();
        let org = store::organisations::get_by_slug(&db, "rete-civica-aperta").await.unwrap();
        let t = Instant::now();
        let summary = harvest::import::import_text(
            &db,
            &text,
            &org,
            &["digital-ethics".to_string()],
            store::library::Status::Published,
            &|_, _, _| {},
        )
        .await
        .unwrap();
        let secs = t.elapsed().as_secs_f64();
        println!(
            "AMB import of 1000 records ({} KB): {} created in {secs:.2} s ({:.0} records/s)",
            text.len() / 1024,
            summary.created,
            summary.created as f64 / secs
        );
        db.close().await;
    });
}
