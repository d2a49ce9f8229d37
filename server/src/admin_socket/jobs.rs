//! Running a job in the server, with its stores.

use anyhow::Context;
use store::harvest::{self, Run, RunStatus};
use store::library::Status;

use super::{HarvestedRun, ImportJob, Job, Outcome, Sources};
use crate::state::AppState;
use ::harvest::Harvester;
use ::harvest::import::{check_args, import_text};

/// Tells how far a job is: `(done, total, item)`.
pub type Progress<'a> = &'a (dyn Fn(u64, u64, &str) + Sync);

/// Runs `job` on the server's state; what it wrote reaches the search index
/// and the RDF store as any other write does (through the outbox).
pub async fn run(state: &AppState, job: Job, progress: Progress<'_>) -> anyhow::Result<Outcome> {
    match job {
        Job::Import(job) => import(state, job, progress).await,
        Job::HarvestRun { sources } => harvest_run(state, sources, progress).await,
        Job::Reindex => reindex(state, progress).await,
    }
}

async fn import(
    state: &AppState,
    job: ImportJob,
    progress: Progress<'_>,
) -> anyhow::Result<Outcome> {
    let org = check_args(&state.db, &job.partner, &job.topics).await?;
    let status = if job.review {
        Status::Submitted
    } else {
        Status::Published
    };
    let summary = import_text(
        &state.db,
        &job.text,
        &org,
        &job.topics,
        status,
        &|d, t, name| progress(d as u64, t as u64, name),
    )
    .await
    .with_context(|| job.name.clone())?;
    state.indexer.poke();
    state.rdf.poke();
    Ok(Outcome::Imported { summary })
}

async fn harvest_run(
    state: &AppState,
    sources: Sources,
    progress: Progress<'_>,
) -> anyhow::Result<Outcome> {
    let harvester = Harvester::new(
        state.db.clone(),
        state.rdf.store().clone(),
        state.settings.public_url(),
        &state.settings.harvest,
    );
    let ids = source_ids(&state.db, sources).await?;
    let total = ids.len() as u64;
    let mut runs = Vec::new();
    for (i, id) in ids.into_iter().enumerate() {
        progress(i as u64, total, &format!("source {id}"));
        runs.push(harvested_run(id, &harvester.run(id).await?));
    }
    progress(total, total, "");
    state.indexer.poke();
    state.rdf.poke();
    Ok(Outcome::Harvested { runs })
}

async fn reindex(state: &AppState, progress: Progress<'_>) -> anyhow::Result<Outcome> {
    let started = std::time::Instant::now();
    let documents = state
        .indexer
        .rebuild_with(&|done, total| progress(done as u64, total as u64, "documents"))
        .await?;
    let index_seconds = started.elapsed().as_secs_f64();
    let started = std::time::Instant::now();
    progress(0, 1, "RDF graphs");
    let graphs = state.rdf.rebuild().await?;
    progress(1, 1, "RDF graphs");
    Ok(Outcome::Reindexed {
        documents,
        index_seconds,
        graphs,
        rdf_seconds: started.elapsed().as_secs_f64(),
    })
}

/// The ids of the sources a run names.
pub async fn source_ids(db: &store::Db, sources: Sources) -> anyhow::Result<Vec<i64>> {
    Ok(match sources {
        Sources::One(id) => vec![id],
        Sources::All => harvest::list(db)
            .await?
            .into_iter()
            .map(|(s, _)| s.id)
            .collect(),
    })
}

/// A run as the command shows it.
pub fn harvested_run(source: i64, run: &Run) -> HarvestedRun {
    HarvestedRun {
        source,
        status: run.status.as_str().to_string(),
        kept: run.kept,
        report: run.report.clone(),
    }
}

pub fn failed(run: &HarvestedRun) -> bool {
    RunStatus::parse(&run.status) == Some(RunStatus::Failed)
}
