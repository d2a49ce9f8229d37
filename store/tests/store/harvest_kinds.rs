//! Migration 0009 admits the `archipel-sparql` kind on both engines; on
//! SQLite it rebuilds `harvest_sources`, and every source and run of a
//! database migrated before it survives, with the foreign keys still
//! enforced afterwards.

use std::path::Path;

use sqlx::migrate::Migrator;
use store::Db;
use store::harvest::{self, NewRun, RunStatus, SourceForm, SourceKind};

/// A migrator with the migrations before 0009 only.
async fn up_to_0008(engine: &str) -> (Migrator, tempfile::TempDir) {
    let dir = tempfile::tempdir().unwrap();
    let from = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("migrations")
        .join(engine);
    for entry in std::fs::read_dir(&from).unwrap() {
        let path = entry.unwrap().path();
        let name = path.file_name().unwrap().to_string_lossy().to_string();
        if name.as_str() < "0009" {
            std::fs::copy(&path, dir.path().join(&name)).unwrap();
        }
    }
    (Migrator::new(dir.path()).await.unwrap(), dir)
}

fn form(kind: &str, url: &str) -> SourceForm {
    SourceForm {
        kind: kind.into(),
        url: url.into(),
        label: "Partner".into(),
        organisation_id: None,
        interval_hours: 24,
    }
}

fn new_run(status: RunStatus) -> NewRun {
    NewRun {
        started_at: "2026-01-01T00:00:00.000000Z".into(),
        status,
        kept: 3,
        rejected: 0,
        report: "{}".into(),
        etag: None,
        last_modified: Some("2026-01-01T00:00:00Z".into()),
    }
}

async fn runs_survive_the_new_kind(db: Db, engine: &str) {
    let (before, _dir) = up_to_0008(engine).await;
    before.run(db.pool()).await.unwrap();
    let old = harvest::add(&db, &form("oai-pmh", "https://a.example.org/oai"))
        .await
        .unwrap();
    let other = harvest::add(&db, &form("rdf-dump", "https://b.example.org/d.ttl"))
        .await
        .unwrap();
    for status in [RunStatus::Ok, RunStatus::Failed] {
        harvest::record_run(&db, old.id, &new_run(status))
            .await
            .unwrap();
    }
    harvest::record_run(&db, other.id, &new_run(RunStatus::Ok))
        .await
        .unwrap();

    db.migrate().await.unwrap();

    assert_eq!(harvest::get(&db, old.id).await.unwrap(), old);
    assert_eq!(harvest::count_runs(&db, old.id).await.unwrap(), 2);
    assert_eq!(harvest::count_runs(&db, other.id).await.unwrap(), 1);
    assert_eq!(
        harvest::validators(&db, old.id).await.unwrap().1.as_deref(),
        Some("2026-01-01T00:00:00Z")
    );
    let sparql = harvest::add(
        &db,
        &form("archipel-sparql", "https://c.example.org/sparql"),
    )
    .await
    .unwrap();
    assert_eq!(sparql.kind, SourceKind::ArchipelSparql);
    assert!(sparql.id > other.id, "ids keep counting up");
    let refused = sqlx::query(
        "INSERT INTO harvest_sources (kind, url, label, created_at) VALUES ('gopher', 'x', 'x', 'x')",
    )
    .execute(db.pool())
    .await;
    assert!(refused.is_err(), "the CHECK still holds");
    // The runs still belong to their source: a run of an unknown source is
    // refused, and removing the source removes its runs.
    let orphan = sqlx::query(
        "INSERT INTO harvest_runs (source_id, started_at, finished_at, status) \
         VALUES (9999, 'x', 'x', 'ok')",
    )
    .execute(db.pool())
    .await;
    assert!(orphan.is_err(), "foreign keys are enforced again");
    harvest::remove(&db, old.id).await.unwrap();
    assert_eq!(harvest::count_runs(&db, old.id).await.unwrap(), 0);
    assert_eq!(harvest::count_runs(&db, other.id).await.unwrap(), 1);
}

#[tokio::test]
async fn sqlite() {
    let dir = tempfile::tempdir().unwrap();
    let url = format!("sqlite://{}?mode=rwc", dir.path().join("t.db").display());
    let db = Db::connect(&url, 4).await.unwrap();
    runs_survive_the_new_kind(db, "sqlite").await;
}

#[tokio::test]
async fn postgres() {
    let Ok(admin_url) = std::env::var("ARCHIPEL_TEST_POSTGRES_URL") else {
        assert!(
            std::env::var_os("CI").is_none(),
            "CI must run the PostgreSQL tests: set ARCHIPEL_TEST_POSTGRES_URL"
        );
        eprintln!("ARCHIPEL_TEST_POSTGRES_URL not set: PostgreSQL variant not run");
        return;
    };
    let admin = Db::connect(&admin_url, 1).await.unwrap();
    let name = format!("archipel_test_{}", super::rand_suffix());
    sqlx::query(sqlx::AssertSqlSafe(format!("CREATE DATABASE {name}")))
        .execute(admin.pool())
        .await
        .unwrap();
    admin.close().await;
    let base = admin_url.rsplit_once('/').map(|(b, _)| b).unwrap();
    let db = Db::connect(&format!("{base}/{name}"), 4).await.unwrap();
    runs_survive_the_new_kind(db, "postgres").await;
}
