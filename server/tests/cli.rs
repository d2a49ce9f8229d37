//! Operator commands against real data folders: demo loading, backup and restore.

use server::cli;
use server::config::Settings;
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
    assert_eq!(users::count(&db).await.unwrap(), 4);
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
    assert!(err.ends_with("19 problems in the content tree"), "{err}");
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
        err.contains("is invalid") && err.contains("19 problems"),
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
