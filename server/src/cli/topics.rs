//! `archipel topics`: list the topic scheme, or import a partner's SKOS
//! concept scheme into it (works while the server runs: it writes SQL only,
//! and the server's projections follow through the outbox).

use std::path::{Path, PathBuf};

use anyhow::Context;
use clap::Subcommand;
use store::concepts::import::{self, ImportError, Report};

use settings::Settings;

#[derive(Debug, Subcommand)]
pub enum TopicsCommand {
    /// List the topics with their broader topic and English label.
    List,
    /// Add or update topics from a SKOS file (Turtle, N-Triples or RDF/XML
    /// by its extension): labels in every language, broader links, exact and
    /// close matches, definitions. Nothing is written if the file has a
    /// problem; importing it again changes nothing.
    Import {
        file: PathBuf,
        /// Only the concepts of this concept scheme (its IRI).
        #[arg(long, value_name = "IRI")]
        scheme: Option<String>,
    },
}

/// Reads a SKOS file's bytes and imports its concepts (of `scheme` when
/// given) into the topic scheme.
pub async fn import_bytes(
    db: &store::Db,
    settings: &Settings,
    bytes: &[u8],
    name: &Path,
    scheme: Option<&str>,
) -> Result<Report, ImportError> {
    let format = linked_data::skos::format_of(name);
    let incoming = linked_data::skos::read(bytes, format, scheme).map_err(ImportError::Refused)?;
    let own = linked_data::Uris::new(settings.public_url()).concept("");
    import::import(db, &incoming, &settings.languages, &own).await
}

pub async fn run(settings: Settings, command: TopicsCommand) -> anyhow::Result<()> {
    let db = super::open_db(&settings).await?;
    match command {
        TopicsCommand::List => {
            for c in store::concepts::list(&db).await? {
                println!(
                    "{}\t{}\t{}",
                    c.id,
                    c.broader.as_deref().unwrap_or("-"),
                    c.label_in("en")
                );
            }
        }
        TopicsCommand::Import { file, scheme } => {
            let bytes =
                std::fs::read(&file).with_context(|| format!("cannot read {}", file.display()))?;
            match import_bytes(&db, &settings, &bytes, &file, scheme.as_deref()).await {
                Ok(report) => {
                    println!(
                        "{}: {} added, {} updated, {} unchanged",
                        file.display(),
                        report.added.len(),
                        report.updated.len(),
                        report.unchanged.len()
                    );
                    for (what, ids) in [("added", &report.added), ("updated", &report.updated)] {
                        if !ids.is_empty() {
                            println!("  {what}: {}", ids.join(", "));
                        }
                    }
                }
                Err(ImportError::Refused(problems)) => {
                    db.close().await;
                    for p in &problems {
                        eprintln!("{}: {p}", file.display());
                    }
                    anyhow::bail!(
                        "{}: {} problem(s); nothing was imported",
                        file.display(),
                        problems.len()
                    );
                }
                Err(ImportError::Store(e)) => return Err(e.into()),
            }
        }
    }
    db.close().await;
    Ok(())
}
