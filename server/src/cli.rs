//! The operator commands.

pub mod backup;
pub mod content;
pub mod demo;
pub mod harvest;
pub mod import;
pub mod serve;
pub mod topics;
pub mod user;

use anyhow::Context;
use store::Db;

use settings::Settings;

pub fn init_tracing() {
    use tracing_subscriber::EnvFilter;
    let filter = EnvFilter::try_from_env("ARCHIPEL_LOG")
        .unwrap_or_else(|_| EnvFilter::new("info,sqlx=warn,tower_sessions=warn"));
    tracing_subscriber::fmt()
        .with_env_filter(filter)
        .with_writer(std::io::stderr)
        .init();
}

/// Creates the data folder, connects and applies pending migrations.
pub async fn open_db(settings: &Settings) -> anyhow::Result<Db> {
    std::fs::create_dir_all(&settings.data_dir).with_context(|| {
        format!(
            "cannot create the data folder {}",
            settings.data_dir.display()
        )
    })?;
    let url = settings.database_url();
    let db = Db::connect(&url, settings.limits.db_max_connections)
        .await
        .with_context(|| format!("cannot open the database {}", store::redact(&url)))?;
    db.migrate()
        .await
        .context("cannot apply the database migrations")?;
    Ok(db)
}

/// The progress bar of long commands (drawn only on a terminal).
pub fn progress_bar() -> indicatif::ProgressBar {
    let bar = indicatif::ProgressBar::new(0);
    bar.set_style(
        indicatif::ProgressStyle::with_template("{bar:40} {pos}/{len} {msg}")
            .expect("a valid template")
            .progress_chars("=> "),
    );
    bar
}

/// `archipel reindex`: empties the search index and the RDF store and fills
/// them again from SQL and the content folder; in the running server when
/// one answers on the data folder's admin socket (it keeps serving, searches
/// answering from the previous index until the new one is ready).
pub async fn reindex(settings: Settings) -> anyhow::Result<()> {
    if let Some(server) = crate::admin_socket::client::connect(&settings).await? {
        let bar = progress_bar();
        let outcome = server
            .run(
                &crate::admin_socket::Job::Reindex,
                &crate::admin_socket::client::bar_progress(&bar),
            )
            .await;
        bar.finish_and_clear();
        match outcome? {
            crate::admin_socket::Outcome::Reindexed {
                documents,
                index_seconds,
                graphs,
                rdf_seconds,
            } => {
                println!("search index rebuilt: {documents} documents in {index_seconds:.2} s");
                println!("RDF store rebuilt: {graphs} graphs in {rdf_seconds:.2} s");
                return Ok(());
            }
            other => anyhow::bail!("the server answered a reindex with {other:?}"),
        }
    }
    let db = open_db(&settings).await?;
    let library = load_courses(&settings)?;
    let state = crate::state::AppState::new(db.clone(), settings)?;
    state.courses.replace(&library);
    let started = std::time::Instant::now();
    let bar = progress_bar();
    bar.set_message("documents");
    let n = state
        .indexer
        .rebuild_with(&|done, total| {
            bar.set_length(total as u64);
            bar.set_position(done as u64);
        })
        .await?;
    bar.finish_and_clear();
    println!(
        "search index rebuilt: {n} documents in {:.2} s",
        started.elapsed().as_secs_f64()
    );
    let started = std::time::Instant::now();
    let graphs = state.rdf.rebuild().await?;
    db.close().await;
    println!(
        "RDF store rebuilt: {graphs} graphs in {:.2} s",
        started.elapsed().as_secs_f64()
    );
    Ok(())
}

/// The content folder's topic scheme as SQL keeps it.
pub fn shipped_concepts(library: &courses::Library) -> Vec<store::concepts::Concept> {
    library
        .topics
        .concepts
        .iter()
        .map(|c| store::concepts::Concept {
            id: c.id.clone(),
            broader: c.broader.clone(),
            labels: c.label.clone(),
            alt: c.alt.clone(),
            shipped: true,
        })
        .collect()
}

/// Makes the topic scheme in SQL match the content folder's `topics.toml`
/// (concepts added by administrators are kept).
pub async fn sync_topics(db: &store::Db, library: &courses::Library) -> anyhow::Result<()> {
    let scheme = shipped_concepts(library);
    let changed = store::concepts::sync_scheme(db, &scheme)
        .await
        .context("cannot store the topic scheme")?;
    if changed > 0 {
        tracing::info!(
            concepts = changed,
            "topic scheme updated from the content folder"
        );
    }
    Ok(())
}

/// Loads and checks the courses of the content folder; an invalid tree is an
/// error carrying the full report. No `courses/` folder means no courses.
pub fn load_courses(settings: &Settings) -> anyhow::Result<courses::Library> {
    if !settings.content_dir.join("courses").is_dir() {
        return Ok(courses::Library::default());
    }
    courses::load(&settings.content_dir).map_err(|report| {
        anyhow::anyhow!(
            "the content folder {} is invalid:\n\n{report}",
            settings.content_dir.display()
        )
    })
}
