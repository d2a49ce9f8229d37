//! The commands' side of the admin socket.

use anyhow::{Context, bail};
use tokio::io::{AsyncBufReadExt, AsyncWriteExt, BufReader};
use tokio::net::UnixStream;

use super::{Job, Message, Outcome, SOCKET_NAME};
use settings::Settings;

/// A connection to the server serving a data folder.
pub struct Client {
    stream: UnixStream,
}

/// The server serving `settings.data_dir`, if one answers on its socket.
pub async fn connect(settings: &Settings) -> anyhow::Result<Option<Client>> {
    let path = settings.data_dir.join(SOCKET_NAME);
    match UnixStream::connect(&path).await {
        Ok(stream) => Ok(Some(Client { stream })),
        // No server, or one that stopped without removing its socket.
        Err(e)
            if matches!(
                e.kind(),
                std::io::ErrorKind::NotFound | std::io::ErrorKind::ConnectionRefused
            ) =>
        {
            Ok(None)
        }
        Err(e) => Err(e).with_context(|| format!("cannot reach the server on {}", path.display())),
    }
}

impl Client {
    /// Sends `job` and waits for its outcome, telling `progress` as the
    /// server reports it.
    pub async fn run(
        self,
        job: &Job,
        progress: &(dyn Fn(u64, u64, &str) + Sync),
    ) -> anyhow::Result<Outcome> {
        let (read, mut write) = self.stream.into_split();
        let mut line = serde_json::to_string(job)?;
        line.push('\n');
        write
            .write_all(line.as_bytes())
            .await
            .context("cannot send the job to the server")?;
        let mut lines = BufReader::new(read).lines();
        while let Some(line) = lines.next_line().await? {
            match serde_json::from_str::<Message>(&line)
                .with_context(|| format!("the server answered {line:?}"))?
            {
                Message::Progress { done, total, item } => progress(done, total, &item),
                Message::Done { outcome } => return Ok(outcome),
                Message::Failed { error } => bail!("the server could not do it: {error}"),
            }
        }
        bail!("the server closed the connection before the job ended (see its log)")
    }
}

/// Shows a job's progress on a progress bar.
pub fn bar_progress(bar: &indicatif::ProgressBar) -> impl Fn(u64, u64, &str) + Sync + '_ {
    move |done, total, item| {
        bar.set_length(total);
        bar.set_position(done);
        bar.set_message(item.to_string());
    }
}
