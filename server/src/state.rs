//! What every request handler shares.

use std::sync::Arc;

use leptos::config::LeptosOptions;
use store::Db;

use anyhow::Context;
use search_index::SearchIndex;

use crate::http::limiter::FailureLimiter;
use crate::page_cache::{Deps, PageCache};
use crate::search_log::SearchLog;
use courses::catalogue::Courses;
use harvest::Harvester;
use mail::delivery::Delivery;
use projections::rdf::RdfProjection;
use projections::search::Indexer;
use settings::Settings;

/// What every handler shares, behind one pointer: axum clones the state for
/// every layer and extractor of every request, so a clone must cost one
/// reference count, not one per field.
#[derive(Clone)]
pub struct AppState(Arc<Shared>);

impl std::ops::Deref for AppState {
    type Target = Shared;

    fn deref(&self) -> &Shared {
        &self.0
    }
}

#[derive(Clone)]
pub struct Shared {
    pub db: Db,
    pub settings: Arc<Settings>,
    pub leptos: LeptosOptions,
    /// Whether the front-end assets carry content hashes (then cached for a year).
    pub hashed_assets: bool,
    pub login_limiter: Arc<FailureLimiter>,
    /// The search index and the task that keeps it current.
    pub indexer: Arc<Indexer>,
    /// The courses being served (empty until loaded, see [`Courses::replace`]).
    pub courses: Arc<Courses>,
    /// The RDF store and the task that keeps it current.
    pub rdf: Arc<RdfProjection>,
    /// SPARQL queries that may run at once, and those that may wait.
    pub sparql_slots: Arc<SparqlSlots>,
    /// Runs harvests: the administrators' "Harvest now" and the scheduler
    /// of `archipel serve` share it.
    pub harvester: Harvester,
    /// Sends the directory's help requests by e-mail (no mailer when
    /// `[mail] smtp_url` is empty; tests give a capture with
    /// [`Delivery::set_mailer`]).
    pub delivery: Arc<Delivery>,
    /// Searches waiting to be logged.
    pub search_log: Arc<SearchLog>,
    /// Anonymous pages kept rendered (see [`crate::page_cache`]).
    pub pages: Arc<PageCache>,
}

impl AppState {
    /// The same stores and tasks under other settings (a second endpoint
    /// over the same data, as a benchmark runs).
    pub fn with_settings(&self, settings: Settings) -> AppState {
        let mut shared = (*self.0).clone();
        shared.settings = Arc::new(settings);
        AppState(Arc::new(shared))
    }

    /// Opens the search index in the data folder; fails when another process
    /// holds it (a running server, for `archipel reindex`).
    pub fn new(db: Db, settings: Settings) -> anyhow::Result<Self> {
        let index_dir = settings.index_dir();
        let index = SearchIndex::open(&index_dir).with_context(|| {
            format!(
                "cannot open the search index in {} (is another archipel process running?)",
                index_dir.display()
            )
        })?;
        let courses = Arc::new(Courses::new(
            &settings.content_dir,
            &settings.data_dir.join("cache").join("images"),
        ));
        let indexer = Arc::new(Indexer::new(
            db.clone(),
            Arc::new(index),
            &index_dir,
            courses.clone(),
        ));
        let rdf_dir = settings.rdf_dir();
        let rdf = Arc::new(RdfProjection::new(
            db.clone(),
            rdf_store(&settings)?,
            &rdf_dir,
            &settings.dumps_dir(),
            linked_data::Uris::new(settings.public_url()),
            courses.clone(),
        ));
        let harvester = Harvester::new(
            db.clone(),
            rdf.store().clone(),
            settings.public_url(),
            &settings.harvest,
        );
        let sparql_slots = Arc::new(SparqlSlots {
            running: Arc::new(tokio::sync::Semaphore::new(
                settings.sparql.concurrent_queries,
            )),
            waiting: tokio::sync::Semaphore::new(settings.sparql.queued_queries),
        });
        let hash_file = std::env::current_exe()
            .ok()
            .and_then(|p| p.parent().map(|d| d.join("hash.txt")));
        let hashed_assets = hash_file.is_some_and(|p| p.exists());
        let leptos = LeptosOptions::builder()
            .output_name("archipel")
            .site_root(settings.site_root.to_string_lossy().to_string())
            .site_pkg_dir("pkg")
            .site_addr(settings.bind)
            .hash_files(hashed_assets)
            .build();
        let delivery = Arc::new(Delivery::new(
            db.clone(),
            mail::from_settings(&settings.mail)?,
            settings.public_url(),
            mail::from_address(
                &settings.mail,
                &linked_data::uris::host_of(settings.public_url()),
            ),
            settings.default_lang(),
        ));
        let limiter = FailureLimiter::new(
            settings.limits.login_attempts_per_minute,
            std::time::Duration::from_secs(60),
        );
        let pages = Arc::new(PageCache::new(settings.limits.page_cache_mb << 20));
        // Changes written elsewhere (jobs, commands, other app nodes) reach
        // the pages when they reach search, and again when they reach the
        // RDF store (linked-data pages embed their description from it).
        let drop_changed = |pages: Arc<PageCache>| move |b: &_| pages.invalidate(Deps::of_batch(b));
        indexer.on_applied(drop_changed(pages.clone()));
        rdf.on_applied(drop_changed(pages.clone()));
        Ok(Self(Arc::new(Shared {
            search_log: Arc::new(SearchLog::new(db.clone())),
            pages,
            db,
            courses,
            settings: Arc::new(settings),
            leptos,
            hashed_assets,
            login_limiter: Arc::new(limiter),
            indexer,
            rdf,
            sparql_slots,
            harvester,
            delivery,
        })))
    }
}

/// The RDF store the settings name: the embedded one in the data folder, or
/// a remote SPARQL server (nothing is opened in the data folder then but
/// the projection's cursor).
fn rdf_store(settings: &Settings) -> anyhow::Result<Arc<dyn linked_data::RdfStore>> {
    let rdf_dir = settings.rdf_dir();
    if let Some(remote) = settings.remote_rdf() {
        let store =
            linked_data::Remote::new(remote).context("invalid remote RDF store settings")?;
        std::fs::create_dir_all(&rdf_dir)
            .with_context(|| format!("cannot create {} for the RDF cursor", rdf_dir.display()))?;
        return Ok(Arc::new(store));
    }
    let store = linked_data::Embedded::open(&rdf_dir)
        .with_context(|| {
            format!(
                "cannot open the RDF store in {} (is another archipel process running?)",
                rdf_dir.display()
            )
        })?
        .with_query_memory(settings.sparql.max_memory_mb << 20);
    Ok(Arc::new(store))
}

/// The SPARQL endpoint's slots: `running` queries at once, and a bounded
/// line of `waiting` ones, so a burst waits rather than being turned away.
pub struct SparqlSlots {
    pub running: Arc<tokio::sync::Semaphore>,
    pub waiting: tokio::sync::Semaphore,
}
