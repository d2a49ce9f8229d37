//! `archipel harvest`: register, list, run and remove harvest sources.
//!
//! `run` goes to the running server when one answers on the data folder's
//! admin socket, else opens the RDF store of the data folder itself.
//! `remove` always opens it, so with the embedded store it needs the server
//! stopped (the server harvests due sources itself, see
//! `harvest.check_every_min`).

use anyhow::{Context, bail};
use clap::Subcommand;
use store::harvest::{self, SourceForm};

use crate::admin_socket::{self, Sources, jobs};
use ::harvest::Harvester;
use settings::Settings;

#[derive(Subcommand)]
pub enum HarvestCommand {
    /// Register a source.
    Add {
        /// rdf-dump (an RDF file's address), archipel (another instance's
        /// base address: its N-Quads dump), archipel-sparql (another
        /// instance's base address or its /sparql endpoint: paged CONSTRUCT
        /// queries) or oai-pmh (an OAI-PMH base address, harvested in oai_dc;
        /// add ?set=SPEC to harvest one set).
        #[arg(long)]
        kind: String,
        #[arg(long)]
        url: String,
        #[arg(long)]
        label: String,
        /// The partner (organisation slug) the harvested entries are credited to.
        #[arg(long, value_name = "SLUG")]
        partner: Option<String>,
        /// Hours between scheduled runs; 0 (the default) means on demand only.
        #[arg(long, value_name = "HOURS", default_value_t = 0)]
        every: i64,
    },
    /// List the sources with their last run.
    List,
    /// Harvest a source (its id, or `all`) now and print the report; fails
    /// when a run fails.
    Run {
        #[arg(value_name = "ID|all")]
        sources: Sources,
    },
    /// Remove a source, its runs and its harvested graphs.
    Remove { id: i64 },
}

async fn harvester(settings: Settings) -> anyhow::Result<Harvester> {
    let db = super::open_db(&settings).await?;
    let state = crate::state::AppState::new(db.clone(), settings.clone())?;
    Ok(Harvester::new(
        db,
        state.rdf.store().clone(),
        settings.public_url(),
        &settings.harvest,
    ))
}

pub async fn run(settings: Settings, command: HarvestCommand) -> anyhow::Result<()> {
    match command {
        HarvestCommand::Add {
            kind,
            url,
            label,
            partner,
            every,
        } => {
            let db = super::open_db(&settings).await?;
            let organisation_id = match partner {
                Some(slug) => Some(
                    store::organisations::get_by_slug(&db, &slug)
                        .await
                        .with_context(|| format!("no partner with the slug {slug:?}"))?
                        .id,
                ),
                None => None,
            };
            let form = SourceForm {
                kind,
                url,
                label,
                organisation_id,
                interval_hours: every,
            };
            let source = harvest::add(&db, &form)
                .await
                .context("the source was not registered")?;
            db.close().await;
            println!(
                "source {} registered: {} {}",
                source.id,
                source.kind.as_str(),
                source.url
            );
            Ok(())
        }
        HarvestCommand::List => {
            let db = super::open_db(&settings).await?;
            let sources = harvest::list(&db).await?;
            db.close().await;
            if sources.is_empty() {
                println!("no harvest sources");
            }
            for (s, last) in sources {
                let every = match s.interval_hours {
                    0 => "on demand".to_string(),
                    h => format!("every {h} h"),
                };
                let last = match last {
                    Some(r) => format!(
                        "last run {} {}: {} kept, {} rejected",
                        r.finished_at,
                        r.status.as_str(),
                        r.kept,
                        r.rejected
                    ),
                    None => "never run".into(),
                };
                println!(
                    "{}\t{}\t{}\t{}\t{every}\t{last}",
                    s.id,
                    s.kind.as_str(),
                    s.label,
                    s.url
                );
            }
            Ok(())
        }
        HarvestCommand::Run { sources } => {
            let runs = if let Some(server) = admin_socket::client::connect(&settings).await? {
                let bar = super::progress_bar();
                let job = admin_socket::Job::HarvestRun { sources };
                let outcome = server
                    .run(&job, &admin_socket::client::bar_progress(&bar))
                    .await;
                bar.finish_and_clear();
                match outcome? {
                    admin_socket::Outcome::Harvested { runs } => runs,
                    other => bail!("the server answered a harvest with {other:?}"),
                }
            } else {
                let h = harvester(settings).await?;
                let ids = jobs::source_ids(&h.db, sources).await?;
                let mut runs = Vec::new();
                for id in ids {
                    runs.push(jobs::harvested_run(id, &h.run(id).await?));
                }
                h.db.close().await;
                runs
            };
            if runs.is_empty() {
                println!("no harvest sources");
            }
            for run in &runs {
                println!(
                    "source {}: {} ({} triples)\n{}",
                    run.source, run.status, run.kept, run.report
                );
            }
            if let Some(run) = runs.iter().find(|r| jobs::failed(r)) {
                bail!(
                    "the harvest of source {} failed: {}",
                    run.source,
                    run.report
                );
            }
            Ok(())
        }
        HarvestCommand::Remove { id } => {
            let h = harvester(settings).await?;
            h.remove(id).await?;
            h.db.close().await;
            println!("source {id} removed with its harvested data");
            Ok(())
        }
    }
}
