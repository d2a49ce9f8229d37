//! `archipel serve`.

use std::net::SocketAddr;
use std::time::Duration;

use anyhow::Context;
use axum::serve::ListenerExt;
use tower_sessions::session_store::ExpiredDeletion;

use crate::http;
use crate::state::AppState;
use settings::Settings;

/// Days after which an anonymous learner who did not come back is forgotten.
const ANONYMOUS_DAYS: i64 = 180;

/// How long the RDF dumps wait after a change before they are written
/// again, so that a burst of changes (a moderation session, an import)
/// costs one write.
const DUMP_SETTLE: Duration = Duration::from_secs(30);

pub async fn run(settings: Settings) -> anyhow::Result<()> {
    // An invalid content tree is refused before anything else starts.
    let library = super::load_courses(&settings)?;
    let lessons: usize = library.courses.iter().map(|c| c.lessons().count()).sum();
    tracing::info!(courses = library.courses.len(), lessons, "content loaded");
    let db = super::open_db(&settings).await?;
    super::sync_topics(&db, &library).await?;
    projections::content::sync_authors(&db, &library).await?;
    if !settings.site_root.join("pkg").exists() {
        tracing::warn!(site_root = %settings.site_root.display(), "no built front end found: pages work, but without styles and islands");
    }
    let bind = settings.bind;
    let public = settings.public_url().to_string();
    let (content_dir, watch_content) = (settings.content_dir.clone(), settings.watch_content);
    let state = AppState::new(db.clone(), settings)?;
    state.courses.replace(&library);
    match state.indexer.index().opened().clone() {
        search_index::Opened::Existing => {
            let indexed = state.indexer.index_courses().await?;
            tracing::info!(documents = indexed, "courses and lessons indexed");
            // Changes written while the server was down (or by `archipel
            // demo`, or lost to a crash before a commit) are searchable from
            // the first request.
            match state.indexer.catch_up().await {
                Ok(0) => {}
                Ok(n) => tracing::info!(changes = n, "search index caught up"),
                Err(e) => {
                    tracing::error!(error = format!("{e:#}"), "search index catch-up failed")
                }
            }
        }
        opened => {
            if let search_index::Opened::Replaced(why) = &opened {
                tracing::warn!(reason = %why, "the search index is rebuilt from the database");
            }
            let started = std::time::Instant::now();
            let n = state.indexer.rebuild().await?;
            tracing::info!(
                documents = n,
                seconds = started.elapsed().as_secs_f64(),
                "search index built"
            );
        }
    }
    // The RDF store: filled when new (or after `archipel reindex` emptied
    // it, or when this version maps entities otherwise), else brought up to
    // date from the outbox.
    let rdf_empty = state.rdf.store().is_empty()? || state.rdf.mapping_outdated();
    let rdf_result = if rdf_empty {
        state.rdf.rebuild().await
    } else {
        let courses = state.rdf.index_courses().await;
        courses.and(state.rdf.catch_up().await)
    };
    match rdf_result {
        Ok(n) => tracing::info!(changes = n, rebuilt = rdf_empty, "RDF store up to date"),
        Err(e) => tracing::error!(error = format!("{e:#}"), "RDF store update failed"),
    }
    let indexer = state.indexer.clone().spawn();
    let rdf = state.rdf.clone().spawn();
    let dumps = state
        .rdf
        .dumps()
        .clone()
        .spawn(state.rdf.store().clone(), DUMP_SETTLE);
    let harvests = state.harvester.clone().spawn_scheduler();
    if state.delivery.enabled() {
        tracing::info!("help requests are sent by e-mail");
    } else {
        tracing::info!(
            "e-mail is off ([mail] smtp_url is empty): help requests wait in the providers' inboxes"
        );
    }
    let delivery = state.delivery.clone().spawn();
    let watcher = watch_content.then(|| {
        tracing::info!(dir = %content_dir.display(), "watching the content folder for changes");
        projections::content::spawn(
            state.courses.clone(),
            content_dir,
            Some(state.indexer.clone()),
            Some(state.rdf.clone()),
            Some(db.clone()),
        )
    });

    // Expired sessions are swept in the background.
    let sessions = http::session_store::SqlSessionStore::new(db.clone());
    let sweep_db = db.clone();
    let sweeper = tokio::spawn(async move {
        let mut every = tokio::time::interval(Duration::from_secs(3600));
        loop {
            every.tick().await;
            if let Err(e) = sessions.delete_expired().await {
                tracing::warn!(error = %e, "could not sweep expired sessions");
            }
            // Anonymous learners who have not come back for half a year.
            let cutoff = time::OffsetDateTime::now_utc() - time::Duration::days(ANONYMOUS_DAYS);
            // Search logs are kept a year.
            let year_ago = time::OffsetDateTime::now_utc() - time::Duration::days(365);
            if let Err(e) =
                store::search_log::forget_before(&sweep_db, &store::format_time(year_ago)).await
            {
                tracing::warn!(error = %e, "could not sweep old search logs");
            }
            match store::learning::purge_anonymous(&sweep_db, &store::format_time(cutoff)).await {
                Ok(0) => {}
                Ok(n) => tracing::info!(learners = n, "forgot inactive anonymous learners"),
                Err(e) => tracing::warn!(error = %e, "could not sweep anonymous learners"),
            }
        }
    });

    // Operator commands (import, harvest run, reindex) reach this server
    // here; without the socket they would fail on the locked index and store.
    let admin = match crate::admin_socket::listen::open(state.clone()) {
        Ok(socket) => {
            tracing::info!(path = %socket.path().display(), "admin socket listening");
            Some(socket)
        }
        Err(e) => {
            tracing::warn!(
                error = format!("{e:#}"),
                "no admin socket: import, harvest run and reindex cannot reach this server"
            );
            None
        }
    };
    let listener = tokio::net::TcpListener::bind(bind)
        .await
        .with_context(|| format!("cannot listen on {bind}"))?
        // Without TCP_NODELAY, a file sent as headers then body waits for the
        // peer's delayed acknowledgement (about 40 ms) on every request.
        .tap_io(|tcp| {
            if let Err(e) = tcp.set_nodelay(true) {
                tracing::debug!(error = %e, "cannot set TCP_NODELAY");
            }
        });
    tracing::info!(%bind, "listening");
    println!("Archipel is serving on {public} (listening on {bind})");
    axum::serve(
        listener,
        http::app(state).into_make_service_with_connect_info::<SocketAddr>(),
    )
    .with_graceful_shutdown(shutdown_signal())
    .await
    .context("server error")?;
    drop(admin);
    sweeper.abort();
    if let Some(w) = watcher {
        w.abort();
    }
    indexer.abort();
    rdf.abort();
    delivery.abort();
    dumps.abort();
    if let Some(h) = harvests {
        h.abort();
    }
    tokio::time::timeout(Duration::from_secs(5), db.close())
        .await
        .ok();
    tracing::info!("stopped");
    Ok(())
}

/// Resolves on Ctrl-C or SIGTERM; in-flight requests then finish.
async fn shutdown_signal() {
    let ctrl_c = async {
        tokio::signal::ctrl_c().await.ok();
    };
    #[cfg(unix)]
    let terminate = async {
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(mut s) => {
                s.recv().await;
            }
            Err(_) => std::future::pending::<()>().await,
        }
    };
    #[cfg(not(unix))]
    let terminate = std::future::pending::<()>();
    tokio::select! {
        _ = ctrl_c => {},
        _ = terminate => {},
    }
    tracing::info!("shutting down");
}
