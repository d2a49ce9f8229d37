//! The server's side of the admin socket.

use std::os::unix::fs::PermissionsExt;
use std::path::{Path, PathBuf};

use anyhow::{Context, bail};
use tokio::io::{AsyncBufReadExt, AsyncReadExt, AsyncWriteExt, BufReader};
use tokio::net::{UnixListener, UnixStream};
use tokio::sync::mpsc;

use super::{Job, Message, SOCKET_NAME, jobs};
use crate::state::AppState;

/// The largest job a command may send (an import's file travels in it).
const MAX_JOB_BYTES: u64 = 1 << 30;

/// The listening socket; dropping it stops listening and removes the file.
pub struct Socket {
    path: PathBuf,
    task: tokio::task::JoinHandle<()>,
}

impl Socket {
    pub fn path(&self) -> &Path {
        &self.path
    }
}

impl Drop for Socket {
    fn drop(&mut self) {
        self.task.abort();
        let _ = std::fs::remove_file(&self.path);
    }
}

/// Listens on the data folder's admin socket, running each job a command
/// sends. A socket file left by a server that is gone is replaced; one a
/// live server answers on is not.
pub fn open(state: AppState) -> anyhow::Result<Socket> {
    let path = state.settings.data_dir.join(SOCKET_NAME);
    if path.exists() {
        if std::os::unix::net::UnixStream::connect(&path).is_ok() {
            bail!("another server answers on {}", path.display());
        }
        std::fs::remove_file(&path)
            .with_context(|| format!("cannot remove the stale {}", path.display()))?;
    }
    let listener = UnixListener::bind(&path)
        .with_context(|| format!("cannot listen on {}", path.display()))?;
    // The owner only: the same people who can open the data folder itself.
    std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o600))?;
    let task = tokio::spawn(async move {
        loop {
            match listener.accept().await {
                Ok((stream, _)) => {
                    let state = state.clone();
                    tokio::spawn(async move {
                        if let Err(e) = serve(state, stream).await {
                            tracing::warn!(error = format!("{e:#}"), "admin socket connection");
                        }
                    });
                }
                Err(e) => {
                    tracing::error!(error = %e, "admin socket");
                    tokio::time::sleep(std::time::Duration::from_millis(100)).await;
                }
            }
        }
    });
    Ok(Socket { path, task })
}

/// Reads one job, runs it, and writes its progress and outcome.
async fn serve(state: AppState, stream: UnixStream) -> anyhow::Result<()> {
    let (read, mut write) = stream.into_split();
    let mut line = String::new();
    // An import carries its file: a large line, but not an endless one.
    let mut reader = BufReader::new(read).take(MAX_JOB_BYTES);
    reader.read_line(&mut line).await?;
    let job: Job = match serde_json::from_str(&line) {
        Ok(job) => job,
        Err(e) => {
            let failed = Message::Failed {
                error: format!("not a job this server knows: {e}"),
            };
            return send(&mut write, &failed).await;
        }
    };
    tracing::info!(job = job_name(&job), "admin job started");
    let (tx, mut rx) = mpsc::unbounded_channel::<Message>();
    let progress_tx = tx.clone();
    let worker = tokio::spawn(async move {
        let progress = move |done: u64, total: u64, item: &str| {
            let _ = progress_tx.send(Message::Progress {
                done,
                total,
                item: item.to_string(),
            });
        };
        let name = job_name(&job);
        let outcome = jobs::run(&state, job, &progress).await;
        let message = match outcome {
            Ok(outcome) => {
                tracing::info!(job = name, "admin job done");
                Message::Done { outcome }
            }
            Err(e) => {
                tracing::warn!(job = name, error = format!("{e:#}"), "admin job failed");
                Message::Failed {
                    error: format!("{e:#}"),
                }
            }
        };
        let _ = tx.send(message);
    });
    // A command that went away does not stop the job: it runs to its end.
    let mut gone = false;
    while let Some(message) = rx.recv().await {
        if !gone && send(&mut write, &message).await.is_err() {
            gone = true;
        }
    }
    worker.await?;
    Ok(())
}

async fn send(write: &mut (impl AsyncWriteExt + Unpin), message: &Message) -> anyhow::Result<()> {
    let mut line = serde_json::to_string(message)?;
    line.push('\n');
    write.write_all(line.as_bytes()).await?;
    Ok(())
}

fn job_name(job: &Job) -> &'static str {
    match job {
        Job::Import(_) => "import",
        Job::HarvestRun { .. } => "harvest run",
        Job::Reindex => "reindex",
    }
}
