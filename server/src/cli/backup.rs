//! `archipel backup` and `archipel restore`: one .tar.gz holding a consistent
//! copy of the SQLite database (taken online, the server may keep running) and
//! every other file of the data folder.

use std::fs::File;
use std::path::{Path, PathBuf};

use anyhow::{Context, bail};
use flate2::Compression;
use flate2::read::GzDecoder;
use flate2::write::GzEncoder;

use settings::Settings;

const DB_ENTRY: &str = "archipel.db";

/// Files of the data folder that are not copied as they are (the RDF dumps
/// are written again from the store when missing).
fn skipped(rel: &Path) -> bool {
    let s = rel.to_string_lossy();
    s.starts_with("backups")
        || s.starts_with("dumps")
        || s.starts_with("archipel.db")
        || s.ends_with(".part")
}

pub async fn backup(settings: Settings, output: Option<PathBuf>) -> anyhow::Result<()> {
    let db = super::open_db(&settings).await?;
    let stamp = time::OffsetDateTime::now_utc()
        .format(&time::macros::format_description!(
            "[year][month][day]-[hour][minute][second]"
        ))
        .unwrap_or_else(|_| "now".into());
    let output = output.unwrap_or_else(|| {
        settings
            .data_dir
            .join("backups")
            .join(format!("archipel-{stamp}.tar.gz"))
    });
    if let Some(parent) = output.parent().filter(|p| !p.as_os_str().is_empty()) {
        std::fs::create_dir_all(parent)
            .with_context(|| format!("cannot create {}", parent.display()))?;
    }
    let work = tempfile::tempdir_in(
        output
            .parent()
            .filter(|p| !p.as_os_str().is_empty())
            .unwrap_or(Path::new(".")),
    )
    .context("cannot create a temporary folder beside the archive")?;
    let snapshot = work.path().join(DB_ENTRY);
    db.backup_sqlite_to(&snapshot)
        .await
        .context("cannot copy the database")?;
    db.close().await;

    let partial = output.with_extension("part");
    {
        let file = File::create(&partial)
            .with_context(|| format!("cannot write {}", partial.display()))?;
        let mut tar = tar::Builder::new(GzEncoder::new(file, Compression::default()));
        tar.append_path_with_name(&snapshot, DB_ENTRY)?;
        let mut files = 0;
        for entry in walk(&settings.data_dir)? {
            let rel = entry.strip_prefix(&settings.data_dir)?.to_path_buf();
            if skipped(&rel) {
                continue;
            }
            tar.append_path_with_name(&entry, Path::new("files").join(&rel))?;
            files += 1;
        }
        tar.into_inner()?.finish()?.sync_all()?;
        println!("{files} data files archived");
    }
    std::fs::rename(&partial, &output)?;
    println!("backup written to {}", output.display());
    Ok(())
}

fn walk(dir: &Path) -> anyhow::Result<Vec<PathBuf>> {
    let mut out = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        for entry in
            std::fs::read_dir(&d).with_context(|| format!("cannot read {}", d.display()))?
        {
            let entry = entry?;
            let kind = entry.file_type()?;
            if kind.is_dir() {
                stack.push(entry.path());
            } else if kind.is_file() {
                out.push(entry.path());
            }
        }
    }
    out.sort();
    Ok(out)
}

pub async fn restore(settings: Settings, archive: &Path, force: bool) -> anyhow::Result<()> {
    if !settings.database_url.is_empty() {
        bail!(
            "restore is for the embedded SQLite database; use your PostgreSQL tools (pg_restore) for {}",
            store::redact(&settings.database_url)
        );
    }
    let data = &settings.data_dir;
    let db_path = settings.sqlite_path();
    if db_path.exists() && !force {
        bail!(
            "{} already holds a database; stop the server and pass --force to replace it",
            data.display()
        );
    }
    // Unpack into a staging folder first: a broken archive changes nothing.
    std::fs::create_dir_all(data).with_context(|| format!("cannot create {}", data.display()))?;
    let staging = tempfile::tempdir_in(data).context("cannot create a staging folder")?;
    let file = File::open(archive).with_context(|| format!("cannot open {}", archive.display()))?;
    let mut tar = tar::Archive::new(GzDecoder::new(file));
    tar.unpack(staging.path())
        .with_context(|| format!("{} is not a readable backup archive", archive.display()))?;
    let staged_db = staging.path().join(DB_ENTRY);
    if !staged_db.exists() {
        bail!(
            "{} holds no database: not an Archipel backup",
            archive.display()
        );
    }
    for suffix in ["", "-wal", "-shm"] {
        let p = PathBuf::from(format!("{}{suffix}", db_path.display()));
        if p.exists() {
            std::fs::remove_file(&p).with_context(|| format!("cannot remove {}", p.display()))?;
        }
    }
    std::fs::rename(&staged_db, &db_path)?;
    let files = staging.path().join("files");
    let mut restored = 0;
    if files.exists() {
        for entry in walk(&files)? {
            let rel = entry.strip_prefix(&files)?;
            let dest = data.join(rel);
            if let Some(parent) = dest.parent() {
                std::fs::create_dir_all(parent)?;
            }
            std::fs::rename(&entry, &dest)?;
            restored += 1;
        }
    }
    println!(
        "restored the database and {restored} data files into {}",
        data.display()
    );
    Ok(())
}
