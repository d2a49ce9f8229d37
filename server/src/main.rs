//! `archipel`: the Archipel server and its operator commands.

use std::path::PathBuf;

use server::cli;

use clap::{Parser, Subcommand};

// Counts what each SPARQL query allocates, so that the store can stop one
// that passes `sparql.max_memory_mb` (see `linked_data::memory`).
#[global_allocator]
static ALLOCATOR: linked_data::memory::MeteredAllocator = linked_data::memory::MeteredAllocator;

#[derive(Parser)]
#[command(
    name = "archipel",
    version,
    about = "Learning platform and shared resource library for solidarity collectives"
)]
struct Cli {
    /// Settings file (TOML). Defaults to ./archipel.toml when present; every key
    /// can also be set with an ARCHIPEL_<KEY> environment variable.
    #[arg(long, global = true, value_name = "FILE")]
    config: Option<PathBuf>,
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Serve the site (runs pending migrations first).
    Serve,
    /// Fill the data folder with the demo partners and demo accounts (idempotent).
    Demo,
    /// Apply pending database migrations.
    Migrate,
    /// Import learning resources from a JSON file of schema.org/LRMI (AMB) records
    /// into the library; exits non-zero when some records were rejected.
    Import(cli::import::ImportArgs),
    /// Rebuild the search index and the RDF store from the database (in the
    /// running server when one serves this data folder).
    Reindex,
    /// Work with the content folder.
    Content {
        #[command(subcommand)]
        command: cli::content::ContentCommand,
    },
    /// Harvest registered sources (RDF dumps, other Archipel instances).
    Harvest {
        #[command(subcommand)]
        command: cli::harvest::HarvestCommand,
    },
    /// List the topic scheme, or import a partner's SKOS scheme into it.
    Topics {
        #[command(subcommand)]
        command: cli::topics::TopicsCommand,
    },
    /// Manage accounts.
    User {
        #[command(subcommand)]
        command: cli::user::UserCommand,
    },
    /// Write a backup archive: a consistent copy of the SQLite database and the data folder.
    Backup {
        /// Archive to write (.tar.gz). Defaults to <data_dir>/backups/archipel-<time>.tar.gz.
        #[arg(long, short)]
        output: Option<PathBuf>,
    },
    /// Restore a backup archive into an empty data folder (the server must be stopped).
    Restore {
        /// The archive written by `archipel backup`.
        archive: PathBuf,
        /// Replace the current database and files of a non-empty data folder.
        #[arg(long)]
        force: bool,
    },
}

fn main() -> std::process::ExitCode {
    let cli = Cli::parse();
    cli::init_tracing();
    let runtime = match tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
    {
        Ok(rt) => rt,
        Err(e) => {
            eprintln!("error: cannot start the runtime: {e}");
            return std::process::ExitCode::FAILURE;
        }
    };
    match runtime.block_on(run(cli)) {
        Ok(()) => std::process::ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("error: {e:#}");
            std::process::ExitCode::FAILURE
        }
    }
}

async fn run(cli: Cli) -> anyhow::Result<()> {
    let settings = settings::Settings::load(cli.config.as_deref())?;
    match cli.command {
        Command::Serve => cli::serve::run(settings).await,
        Command::Demo => cli::demo::run(settings).await,
        Command::Migrate => {
            let db = cli::open_db(&settings).await?;
            db.close().await;
            println!("database is up to date");
            Ok(())
        }
        Command::Reindex => cli::reindex(settings).await,
        Command::Import(args) => cli::import::run(settings, args).await,
        Command::Content { command } => cli::content::run(&settings, command),
        Command::Harvest { command } => cli::harvest::run(settings, command).await,
        Command::Topics { command } => cli::topics::run(settings, command).await,
        Command::User { command } => cli::user::run(settings, command).await,
        Command::Backup { output } => cli::backup::backup(settings, output).await,
        Command::Restore { archive, force } => {
            cli::backup::restore(settings, &archive, force).await
        }
    }
}
