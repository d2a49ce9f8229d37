//! `archipel import FILE --partner SLUG`: brings a partner's catalogue of
//! learning resources (AMB records) into the library through
//! `harvest::import`, into the running server when one answers on the admin
//! socket, else directly. A progress bar shows the way and a report lists
//! every rejected record with its reasons.

use std::path::{Path, PathBuf};

use anyhow::{Context, bail};
use harvest::import::{Summary, check_args, import_text};
use store::library::Status;

use crate::admin_socket::{self, ImportJob, Job};
use settings::Settings;

#[derive(Debug, clap::Args)]
pub struct ImportArgs {
    /// JSON file of AMB records (one object or an array).
    pub file: PathBuf,
    /// Slug of the partner organisation that publishes these resources.
    #[arg(long)]
    pub partner: String,
    /// Topic (concept id) for records whose subjects match none; repeatable.
    #[arg(long = "topic", value_name = "ID")]
    pub topics: Vec<String>,
    /// Send the resources to the review queue instead of publishing them.
    #[arg(long)]
    pub review: bool,
    /// Also write the rejected records and their reasons to this JSON file.
    #[arg(long, value_name = "FILE")]
    pub report: Option<PathBuf>,
}

/// Imports the file into the running server when one answers on the data
/// folder's admin socket, else directly.
pub async fn run(settings: Settings, args: ImportArgs) -> anyhow::Result<()> {
    let text = std::fs::read_to_string(&args.file)
        .with_context(|| format!("cannot read {}", args.file.display()))?;
    let bar = super::progress_bar();
    let status = if args.review {
        Status::Submitted
    } else {
        Status::Published
    };
    let summary = if let Some(server) = crate::admin_socket::client::connect(&settings).await? {
        let job = Job::Import(ImportJob {
            name: args.file.display().to_string(),
            text,
            partner: args.partner.clone(),
            topics: args.topics.clone(),
            review: args.review,
        });
        match server
            .run(&job, &crate::admin_socket::client::bar_progress(&bar))
            .await?
        {
            admin_socket::Outcome::Imported { summary } => summary,
            other => bail!("the server answered an import with {other:?}"),
        }
    } else {
        let db = super::open_db(&settings).await?;
        let org = check_args(&db, &args.partner, &args.topics).await?;
        let summary = import_text(&db, &text, &org, &args.topics, status, &|d, t, name| {
            bar.set_length(t as u64);
            bar.set_position(d as u64);
            bar.set_message(name.to_string());
        })
        .await
        .with_context(|| args.file.display().to_string())?;
        db.close().await;
        summary
    };
    bar.finish_and_clear();
    print_report(&args.file, &summary);
    if let Some(path) = &args.report {
        write_report(path, &summary)?;
    }
    if !summary.rejected.is_empty() {
        bail!(
            "{} record(s) rejected; the others were imported",
            summary.rejected.len()
        );
    }
    Ok(())
}

fn print_report(file: &Path, s: &Summary) {
    println!(
        "{}: {} created, {} updated, {} rejected",
        file.display(),
        s.created,
        s.updated,
        s.rejected.len()
    );
    for r in &s.rejected {
        let id = if r.id.is_empty() {
            String::new()
        } else {
            format!(" ({})", r.id)
        };
        println!("record {}{id} rejected:", r.record);
        for reason in &r.reasons {
            println!("  - {reason}");
        }
    }
}

fn write_report(path: &Path, s: &Summary) -> anyhow::Result<()> {
    let json = serde_json::to_string_pretty(s)?;
    std::fs::write(path, json).with_context(|| format!("cannot write {}", path.display()))
}
