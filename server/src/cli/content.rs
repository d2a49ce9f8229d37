//! `archipel content check`: validates the content folder without touching the
//! database, reporting each mistake with its file and line.

use std::path::PathBuf;

use anyhow::Context;
use clap::Subcommand;

#[derive(Subcommand)]
pub enum ContentCommand {
    /// Check every content file and report mistakes with file and line.
    Check {
        /// The content folder (default: the `content_dir` setting).
        #[arg(long)]
        dir: Option<PathBuf>,
    },
}

pub fn run(settings: &settings::Settings, command: ContentCommand) -> anyhow::Result<()> {
    match command {
        ContentCommand::Check { dir } => check(dir.as_deref().unwrap_or(&settings.content_dir)),
    }
}

fn check(dir: &std::path::Path) -> anyhow::Result<()> {
    if !dir.is_dir() {
        anyhow::bail!("{} is not a folder", dir.display());
    }
    let demo = dir.join("demo").join("demo.toml");
    let mut checked = 0;
    if demo.exists() {
        let text = std::fs::read_to_string(&demo)
            .with_context(|| format!("cannot read {}", demo.display()))?;
        let parsed = demo::parse(&text, &demo.display().to_string())?;
        println!(
            "{}: {} accounts, {} partners",
            demo.display(),
            parsed.account.len(),
            parsed.partner.len()
        );
        checked += 1;
    }
    if dir.join("courses").is_dir() {
        // Every problem of the tree at once, as the loader reports them.
        let library = courses::load(dir).map_err(|report| anyhow::anyhow!("{report}"))?;
        let lessons: usize = library.courses.iter().map(|c| c.lessons().count()).sum();
        println!(
            "{}: {} courses, {lessons} lessons",
            dir.join("courses").display(),
            library.courses.len()
        );
        checked += 1;
        let seed_dir = dir.join("library");
        if seed_dir.is_dir() {
            let ids: Vec<String> = library
                .topics
                .concepts
                .iter()
                .map(|c| c.id.clone())
                .collect();
            let seeds = demo::seed::read(&seed_dir, &ids)?;
            println!("{}: {} resources", seed_dir.display(), seeds.len());
            checked += 1;
        }
    }
    println!(
        "content is valid ({checked} part{} checked)",
        if checked == 1 { "" } else { "s" }
    );
    Ok(())
}
