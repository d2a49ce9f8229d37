//! Directory figures: `cargo bench -p server --bench directory`. A SQLite
//! database with 3 000 published providers of varied profiles (kinds of
//! help, services, areas over the NUTS-1 regions, languages, prices), then
//! the public listing with the filters readers combine, and the counts the
//! filter form shows. Reports medians; no test asserts a time.

use std::time::Instant;

use store::directory::browse::{self, Filters};
use store::directory::vocab::{REGIONS, countries};
use store::directory::{self, HelpKind, PriceModel, ProviderForm, Service, review};
use store::users::{self, Registration, Role};

const PROVIDERS: usize = 3000;

fn median(mut times: Vec<f64>) -> f64 {
    times.sort_by(f64::total_cmp);
    times[times.len() / 2]
}

/// The `i`-th synthetic profile: every vocabulary value occurs, spread so
/// that filters keep between a few and most of the providers.
fn profile(i: usize) -> ProviderForm {
    let pick = |all: &[&str], n: usize, step: usize| -> Vec<String> {
        (0..n)
            .map(|k| all[(i * step + k * 7) % all.len()].to_string())
            .collect()
    };
    let help: Vec<&str> = HelpKind::ALL.iter().map(|h| h.as_str()).collect();
    let services: Vec<&str> = Service::ALL.iter().map(|s| s.as_str()).collect();
    let prices: Vec<&str> = PriceModel::ALL.iter().map(|p| p.as_str()).collect();
    let country_list: Vec<&str> = countries()
        .filter(|c| REGIONS.iter().any(|r| r.country == *c))
        .collect();
    // Half serve regions, half whole countries.
    let areas = if i.is_multiple_of(2) {
        vec![REGIONS[i % REGIONS.len()].code.to_string()]
    } else {
        vec![country_list[i % country_list.len()].to_string()]
    };
    let languages = [
        "fr", "en", "de", "it", "hr", "nl", "es", "pt", "de-AT", "oc",
    ];
    ProviderForm {
        name: format!("Provider {i:05}"),
        original_language: "en".into(),
        descriptions: [(
            "en".to_string(),
            format!(
                "Example provider number {i}: we host and teach free software to associations."
            ),
        )]
        .into(),
        help: pick(&help, 1 + i % 3, 1),
        services: pick(&services, 1 + i % 5, 3),
        areas,
        remote: !i.is_multiple_of(3),
        on_site: i.is_multiple_of(3) || i.is_multiple_of(4),
        languages: format!("{}, {}", languages[i % 10], languages[(i / 10) % 10]),
        prices: pick(&prices, 1 + i % 2, 1),
        legal_form: "association".into(),
        chatons: i.is_multiple_of(5),
        contact_email: format!("contact{i}@providers.example.org"),
        website: format!("https://p{i}.example.org"),
        commitments: vec!["free-software".into()],
    }
}

fn main() {
    let rt = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .unwrap();
    rt.block_on(async {
        let dir = tempfile::tempdir().unwrap();
        let url = format!("sqlite://{}?mode=rwc", dir.path().join("d.db").display());
        let db = store::Db::connect(&url, 4).await.unwrap();
        db.migrate().await.unwrap();
        let reg = |email: &str| Registration {
            email: email.into(),
            display_name: "Bench".into(),
            password: "long enough pass".into(),
        };
        let owner = users::create(&db, &reg("owner@example.org"), Role::Learner)
            .await
            .unwrap()
            .id;
        let moderator = users::create(&db, &reg("mod@example.org"), Role::Moderator)
            .await
            .unwrap()
            .id;
        let t = Instant::now();
        for i in 0..PROVIDERS {
            let p = directory::create(&db, owner, &profile(i)).await.unwrap();
            review::submit(&db, owner, p.id).await.unwrap();
            review::approve(&db, moderator, p.id).await.unwrap();
        }
        let secs = t.elapsed().as_secs_f64();
        println!(
            "{PROVIDERS} providers created, submitted and approved in {secs:.1} s ({:.1} ms each)",
            secs * 1000.0 / PROVIDERS as f64
        );

        let cases: Vec<(&str, Filters)> = vec![
            ("no filter", Filters::default()),
            (
                "a region (FRJ, with its country's whole-country providers)",
                Filters {
                    areas: vec!["FRJ".into()],
                    ..Default::default()
                },
            ),
            (
                "a country and a language",
                Filters {
                    areas: vec!["DE".into()],
                    languages: vec!["de".into()],
                    ..Default::default()
                },
            ),
            (
                "kind of help, service, price, CHATONS",
                Filters {
                    help: vec![HelpKind::Hosting],
                    services: vec![Service::Nextcloud, Service::Jitsi],
                    prices: vec![PriceModel::Free, PriceModel::Donation],
                    chatons: Some(true),
                    ..Default::default()
                },
            ),
            (
                "help, areas, language and remote work",
                Filters {
                    help: vec![HelpKind::Training],
                    areas: vec!["FR".into(), "BE3".into()],
                    languages: vec!["fr".into()],
                    remote: Some(true),
                    ..Default::default()
                },
            ),
        ];
        for (what, f) in &cases {
            let mut times = Vec::new();
            let mut total = 0;
            for _ in 0..30 {
                let t = Instant::now();
                let page = browse::list(&db, f, 20, 0).await.unwrap();
                times.push(t.elapsed().as_secs_f64() * 1000.0);
                total = page.total;
            }
            println!(
                "listing, {what}: {total} match, first page of 20: median {:.1} ms",
                median(times)
            );
        }
        let mut times = Vec::new();
        for _ in 0..30 {
            let t = Instant::now();
            std::hint::black_box(browse::counts(&db).await.unwrap());
            times.push(t.elapsed().as_secs_f64() * 1000.0);
        }
        println!(
            "counts of every filter value over {PROVIDERS} providers: median {:.1} ms",
            median(times)
        );
        db.close().await;
    });
}
