//! Operator commands against real data folders: demo loading, backup and
//! restore, imports, content checks, search relevance and index recovery.

use server::cli;

#[path = "cli/amb_rdf.rs"]
mod amb_rdf;
#[path = "cli/clients.rs"]
mod clients;
#[path = "cli/harvest.rs"]
mod harvest;
#[path = "cli/harvest_entries.rs"]
mod harvest_entries;
#[path = "cli/harvest_oai.rs"]
mod harvest_oai;
#[path = "cli/harvest_sparql.rs"]
mod harvest_sparql;
#[path = "cli/licences.rs"]
mod licences;
#[path = "cli/live_ops.rs"]
mod live_ops;
#[path = "cli/memory.rs"]
mod memory;
#[path = "cli/open_data.rs"]
mod open_data;
#[path = "cli/process.rs"]
mod process;
#[path = "cli/recovery.rs"]
mod recovery;
#[path = "cli/relevance.rs"]
mod relevance;
#[path = "cli/two_instances.rs"]
mod two_instances;
use settings::Settings;
use store::users;

fn settings(dir: &std::path::Path) -> Settings {
    let repo = std::path::PathBuf::from(std::env::var_os("CARGO_MANIFEST_DIR").unwrap()).join("..");
    Settings {
        data_dir: dir.to_path_buf(),
        content_dir: repo.join("content"),
        ..Settings::default()
    }
}

#[tokio::test]
async fn demo_is_idempotent() {
    let dir = tempfile::tempdir().unwrap();
    cli::demo::run(settings(dir.path())).await.unwrap();
    cli::demo::run(settings(dir.path())).await.unwrap();
    let db = cli::open_db(&settings(dir.path())).await.unwrap();
    // The four demo accounts and one member per example provider.
    let providers = demo::providers::parse(demo::providers::PROVIDERS, "p.toml")
        .unwrap()
        .provider;
    assert_eq!(users::count(&db).await.unwrap(), 4 + providers.len() as i64);
    // The directory lists the published examples (loaded once), and the
    // moderators have the pending ones to review.
    let listed = store::directory::browse::list(&db, &Default::default(), 100, 0)
        .await
        .unwrap();
    let published = providers
        .iter()
        .filter(|p| matches!(p.status.as_str(), "published" | "changes-pending"))
        .count();
    assert_eq!(listed.total, published as i64);
    assert_eq!(store::directory::review::queue(&db).await.unwrap().len(), 2);
    let ruche = store::directory::get_by_slug(&db, "la-ruche-aux-octets")
        .await
        .unwrap();
    assert_eq!(
        store::directory::requests::for_provider(&db, ruche.id, 10)
            .await
            .unwrap()
            .len(),
        2
    );
    assert_eq!(store::organisations::list(&db).await.unwrap().len(), 5);
    let contributor = users::find_by_email(&db, "contributor@example.org")
        .await
        .unwrap()
        .unwrap();
    assert_eq!(contributor.role, users::Role::Contributor);

    // The topic scheme of the content folder is in SQL, with its hierarchy.
    let scheme = courses::load(&settings(dir.path()).content_dir)
        .unwrap()
        .topics;
    let concepts = store::concepts::list(&db).await.unwrap();
    assert_eq!(concepts.len(), scheme.concepts.len());
    let backups = concepts.iter().find(|c| c.id == "backups").unwrap();
    assert_eq!(backups.broader.as_deref(), Some("system-administration"));
    assert_eq!(backups.label_in("de"), "Datensicherung");

    // The demo learner has progress, recorded once.
    let sam = users::find_by_email(&db, "learner@example.org")
        .await
        .unwrap()
        .unwrap();
    let me = store::learning::existing_for_user(&db, sam.id)
        .await
        .unwrap()
        .expect("the demo learner has started a course");
    let p = store::learning::course_progress(&db, me, "mooc-chatons")
        .await
        .unwrap();
    assert_eq!(p.done.len(), 2);
    assert_eq!(
        p.last_visited.as_deref(),
        Some("courses/mooc-chatons/01-internet/03-platforms.md")
    );
    assert!(
        p.best.values().filter(|(s, t)| s == t).count() == 2,
        "two quizzes passed: {:?}",
        p.best
    );
    assert_eq!(
        store::learning::attempts(&db, me, None)
            .await
            .unwrap()
            .len(),
        3
    );
}

#[tokio::test]
async fn backup_then_restore_gives_back_the_database_and_files() {
    let source = tempfile::tempdir().unwrap();
    cli::demo::run(settings(source.path())).await.unwrap();
    let logos = source.path().join("uploads/logos");
    std::fs::create_dir_all(&logos).unwrap();
    std::fs::write(logos.join("abc.png"), b"not really a png").unwrap();
    let archive = source.path().join("out/backup.tar.gz");
    cli::backup::backup(settings(source.path()), Some(archive.clone()))
        .await
        .unwrap();
    assert!(archive.exists());

    let target = tempfile::tempdir().unwrap();
    cli::backup::restore(settings(target.path()), &archive, false)
        .await
        .unwrap();
    assert_eq!(
        std::fs::read(target.path().join("uploads/logos/abc.png")).unwrap(),
        b"not really a png"
    );
    let db = cli::open_db(&settings(target.path())).await.unwrap();
    assert!(
        users::find_by_email(&db, "admin@example.org")
            .await
            .unwrap()
            .is_some()
    );
    db.close().await;

    let again = cli::backup::restore(settings(target.path()), &archive, false)
        .await
        .unwrap_err();
    assert!(again.to_string().contains("--force"), "{again}");
    cli::backup::restore(settings(target.path()), &archive, true)
        .await
        .unwrap();

    let broken = target.path().join("broken.tar.gz");
    std::fs::write(&broken, b"garbage").unwrap();
    let empty = tempfile::tempdir().unwrap();
    assert!(
        cli::backup::restore(settings(empty.path()), &broken, false)
            .await
            .is_err()
    );
    assert!(
        !empty.path().join("archipel.db").exists(),
        "a broken archive changes nothing"
    );
}

#[test]
fn content_check_reports_every_course_problem() {
    let fixtures = std::path::PathBuf::from(std::env::var_os("CARGO_MANIFEST_DIR").unwrap())
        .join("../courses/tests/fixtures");
    let bad = cli::content::ContentCommand::Check {
        dir: Some(fixtures.join("invalid")),
    };
    let err = format!(
        "{:#}",
        cli::content::run(&Settings::default(), bad).unwrap_err()
    );
    assert!(err.contains("courses/links/01-mod/01-a.md:8"), "{err}");
    assert!(err.ends_with("20 problems in the content tree"), "{err}");
    let good = cli::content::ContentCommand::Check {
        dir: Some(fixtures.join("valid")),
    };
    cli::content::run(&Settings::default(), good).unwrap();
}

#[test]
fn an_invalid_content_tree_is_refused_at_start() {
    let fixtures = std::path::PathBuf::from(std::env::var_os("CARGO_MANIFEST_DIR").unwrap())
        .join("../courses/tests/fixtures");
    let mut s = Settings {
        content_dir: fixtures.join("invalid"),
        ..Settings::default()
    };
    let err = cli::load_courses(&s).unwrap_err().to_string();
    assert!(
        err.contains("is invalid") && err.contains("20 problems"),
        "{err}"
    );
    s.content_dir = fixtures.join("valid");
    assert_eq!(cli::load_courses(&s).unwrap().courses.len(), 1);
    s.content_dir = std::path::PathBuf::from("/nonexistent");
    assert!(
        cli::load_courses(&s).unwrap().courses.is_empty(),
        "no courses folder, no courses"
    );
}

/// The AMB examples of the conformance folder, as one JSON array per kind.
fn amb_examples(kind: &str) -> Vec<(String, serde_json::Value)> {
    let dir = std::path::PathBuf::from(std::env::var_os("CARGO_MANIFEST_DIR").unwrap())
        .join("../../shared/conformance/amb/examples")
        .join(kind);
    let mut files: Vec<_> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("the AMB examples are expected in {}: {e}", dir.display()))
        .map(|e| e.unwrap().path())
        .collect();
    files.sort();
    files
        .iter()
        .map(|p| {
            let text = std::fs::read_to_string(p).unwrap();
            (
                p.file_name().unwrap().to_string_lossy().into_owned(),
                serde_json::from_str(&text).unwrap(),
            )
        })
        .collect()
}

async fn import_db(dir: &std::path::Path) -> store::Db {
    cli::demo::run(settings(dir)).await.unwrap();
    cli::open_db(&settings(dir)).await.unwrap()
}

fn args(dir: &std::path::Path, file: &std::path::Path) -> cli::import::ImportArgs {
    cli::import::ImportArgs {
        file: file.to_path_buf(),
        partner: "burgerbildung-digital-e-v".into(),
        topics: vec!["digital-ethics".into()],
        review: false,
        report: Some(dir.join("report.json")),
    }
}

async fn published_count(db: &store::Db) -> usize {
    store::library::browse::published_uids(db, 10_000, 0)
        .await
        .unwrap()
        .len()
}

#[tokio::test]
async fn the_valid_amb_examples_are_imported_and_imported_again_in_place() {
    let dir = tempfile::tempdir().unwrap();
    let db = import_db(dir.path()).await;
    let seeded = published_count(&db).await;
    assert!(seeded >= 55, "the demo loads the seed library: {seeded}");
    let examples = amb_examples("valid");
    let records: Vec<serde_json::Value> = examples.iter().map(|(_, v)| v.clone()).collect();
    let distinct: std::collections::BTreeSet<&str> =
        records.iter().map(|r| r["id"].as_str().unwrap()).collect();
    let file = dir.path().join("catalogue.json");
    std::fs::write(&file, serde_json::to_string(&records).unwrap()).unwrap();

    cli::import::run(settings(dir.path()), args(dir.path(), &file))
        .await
        .unwrap();
    let db = cli::open_db(&settings(dir.path())).await.unwrap();
    assert_eq!(published_count(&db).await, seeded + distinct.len());
    let report: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(dir.path().join("report.json")).unwrap())
            .unwrap();
    assert_eq!(report["created"], distinct.len());
    assert_eq!(
        report["updated"],
        records.len() - distinct.len(),
        "same id, same resource"
    );
    assert_eq!(report["rejected"], serde_json::json!([]));

    // A video with its type, language and licence mapped.
    let uid = store::library::import::uid_for("https://av.tib.eu/media/32641");
    let video = store::library::get_by_uid(&db, &uid).await.unwrap();
    assert_eq!(video.kind, store::library::Kind::Video);
    assert_eq!(video.original_language, "en");
    assert_eq!(video.status, store::library::Status::Published);
    assert_eq!(video.url, "https://av.tib.eu/media/32641");
    assert_eq!(video.country, "DE", "the partner's country");
    assert_eq!(video.topics, vec!["digital-ethics"], "the --topic given");
    let history = store::library::history(&db, video.id).await.unwrap();
    assert_eq!(history[0].action, "imported");

    // Again: nothing new, the same pages.
    db.close().await;
    cli::import::run(settings(dir.path()), args(dir.path(), &file))
        .await
        .unwrap();
    let db = cli::open_db(&settings(dir.path())).await.unwrap();
    assert_eq!(published_count(&db).await, seeded + distinct.len());
}

#[tokio::test]
async fn invalid_records_are_reported_with_their_reasons_and_the_rest_imported() {
    let dir = tempfile::tempdir().unwrap();
    let db = import_db(dir.path()).await;
    let before = published_count(&db).await;
    db.close().await;
    // The MPL example breaks only the profile's list of licences, which
    // the library does not keep to (see cli/licences.rs).
    let invalid: Vec<_> = amb_examples("invalid")
        .into_iter()
        .filter(|(name, _)| name != "Mozilla-Public-License.json")
        .collect();
    let mut records: Vec<serde_json::Value> = invalid.iter().map(|(_, v)| v.clone()).collect();
    // Two good records: one whose keyword names a topic of the scheme, one
    // that matches none and gets the --topic; and one whose licence is not
    // a licence.
    let good = |id: &str, keywords: &[&str], licence: &str| {
        serde_json::json!({
            "@context": ["https://w3id.org/kim/amb/context.jsonld", {"@language": "de"}],
            "id": id, "type": ["LearningResource"], "name": format!("Ressource {id}"),
            "keywords": keywords, "license": {"id": licence},
        })
    };
    records.push(good(
        "https://example.org/a",
        &["Datenschutz"],
        "https://creativecommons.org/licenses/by/4.0/",
    ));
    records.push(good(
        "https://example.org/b",
        &["Gartenbau"],
        "http://creativecommons.org/publicdomain/zero/1.0",
    ));
    records.push(good(
        "https://example.org/c",
        &[],
        "ftp://creativecommons.org/licenses/by/2.0/",
    ));
    let file = dir.path().join("mixed.json");
    std::fs::write(&file, serde_json::to_string(&records).unwrap()).unwrap();

    let err = cli::import::run(settings(dir.path()), args(dir.path(), &file))
        .await
        .unwrap_err()
        .to_string();
    assert_eq!(
        err,
        format!(
            "{} record(s) rejected; the others were imported",
            invalid.len() + 1
        )
    );
    let report: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(dir.path().join("report.json")).unwrap())
            .unwrap();
    let rejected = report["rejected"].as_array().unwrap();
    assert_eq!(rejected.len(), invalid.len() + 1);
    for (r, (name, _)) in rejected.iter().zip(&invalid) {
        let reasons = r["reasons"].as_array().unwrap();
        assert!(!reasons.is_empty(), "{name} has a reason");
    }
    let by_file = |name: &str| {
        let at = invalid.iter().position(|(n, _)| n == name).unwrap();
        rejected[at]["reasons"].to_string()
    };
    assert!(by_file("lrtWithoutArray.json").contains("learningResourceType"));
    assert!(by_file("noContext.json").contains("@context"));
    assert!(by_file("wrongDuration.json").contains("duration"));
    let last = rejected.last().unwrap();
    assert_eq!(last["id"], "https://example.org/c");
    assert!(
        last["reasons"][0]
            .as_str()
            .unwrap()
            .starts_with("license.id: ")
    );

    let db = cli::open_db(&settings(dir.path())).await.unwrap();
    assert_eq!(published_count(&db).await, before + 2);
    let a = store::library::get_by_uid(
        &db,
        &store::library::import::uid_for("https://example.org/a"),
    )
    .await
    .unwrap();
    assert_eq!(
        a.topics,
        vec!["data-protection"],
        "matched by its German name"
    );
    assert_eq!(a.licence, "https://creativecommons.org/licenses/by/4.0/");
    let b = store::library::get_by_uid(
        &db,
        &store::library::import::uid_for("https://example.org/b"),
    )
    .await
    .unwrap();
    assert_eq!(b.topics, vec!["digital-ethics"]);
    assert_eq!(
        b.licence,
        "https://creativecommons.org/publicdomain/zero/1.0/"
    );

    let broken = dir.path().join("broken.json");
    std::fs::write(&broken, "[{\"id\": ").unwrap();
    let err = format!(
        "{:#}",
        cli::import::run(settings(dir.path()), args(dir.path(), &broken))
            .await
            .unwrap_err()
    );
    assert!(err.contains("line 1"), "{err}");
}

#[tokio::test]
async fn topics_import_adds_a_partners_skos_scheme_and_refuses_a_broken_one() {
    use server::cli::topics::{TopicsCommand, run};
    let dir = tempfile::tempdir().unwrap();
    let s = settings(dir.path());
    cli::demo::run(s.clone()).await.unwrap();
    let file = dir.path().join("scheme.ttl");
    std::fs::write(
        &file,
        "@prefix skos: <http://www.w3.org/2004/02/skos/core#> .\n\
         <http://vocab.example.org/s> a skos:ConceptScheme .\n\
         <http://vocab.example.org/commons> a skos:Concept ; skos:inScheme <http://vocab.example.org/s> ;\n\
           skos:prefLabel \"Communs\"@fr, \"Commons\"@en .\n\
         <http://vocab.example.org/elsewhere> a skos:Concept ; skos:prefLabel \"Ailleurs\"@fr .\n",
    )
    .unwrap();
    let import = |scheme: Option<&str>| TopicsCommand::Import {
        file: file.clone(),
        scheme: scheme.map(str::to_string),
    };
    run(s.clone(), import(Some("http://vocab.example.org/s")))
        .await
        .unwrap();
    let db = cli::open_db(&s).await.unwrap();
    let all = store::concepts::list(&db).await.unwrap();
    assert!(
        all.iter()
            .any(|c| c.id == "commons" && c.labels["fr"] == "Communs")
    );
    assert!(!all.iter().any(|c| c.id == "elsewhere"), "another scheme's");
    db.close().await;
    let err = run(s.clone(), import(Some("http://vocab.example.org/none")))
        .await
        .unwrap_err();
    assert!(err.to_string().contains("nothing was imported"), "{err:#}");
}
