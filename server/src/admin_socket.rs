//! The admin socket: how operator commands reach a running server.
//!
//! With the embedded stores, the search index and the RDF store belong to
//! one process at a time, so `archipel import`, `archipel harvest run` and
//! `archipel reindex` cannot open them while `archipel serve` runs. The
//! server listens on a Unix socket in its data folder (`admin.sock`,
//! readable and writable by its owner only: whoever may open the data
//! folder's database may run these jobs anyway); the commands find it there,
//! send their job, and the server runs it with its own stores, telling the
//! command its progress, then its outcome. Without a server, the commands
//! run the job themselves as before.
//!
//! The protocol is JSON lines: the command writes one [`Job`]; the server
//! answers [`Message`]s, progress first, then one outcome or failure.

pub mod client;
pub mod jobs;
pub mod listen;

use serde::{Deserialize, Serialize};

use harvest::import::Summary;

/// The socket's name in the data folder.
pub const SOCKET_NAME: &str = "admin.sock";

/// What a command asks the server to do.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "job", rename_all = "kebab-case")]
pub enum Job {
    Import(ImportJob),
    HarvestRun { sources: Sources },
    Reindex,
}

/// `archipel import`: the file's text travels with the job, so the server
/// needs no access to the operator's files.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ImportJob {
    /// The file's name, for messages.
    pub name: String,
    pub text: String,
    pub partner: String,
    pub topics: Vec<String>,
    /// Submitted for review rather than published.
    pub review: bool,
}

/// The harvest sources of a run: one by id, or all of them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Sources {
    One(i64),
    All,
}

impl std::str::FromStr for Sources {
    type Err = String;

    fn from_str(s: &str) -> Result<Self, String> {
        if s == "all" {
            return Ok(Sources::All);
        }
        s.parse()
            .map(Sources::One)
            .map_err(|_| format!("{s:?} is neither a source id nor `all`"))
    }
}

/// One source's run, as the command prints it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct HarvestedRun {
    pub source: i64,
    /// `ok`, `failed` or `unchanged`.
    pub status: String,
    pub kept: i64,
    pub report: String,
}

/// What a job did.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "outcome", rename_all = "kebab-case")]
pub enum Outcome {
    Imported {
        summary: Summary,
    },
    Harvested {
        runs: Vec<HarvestedRun>,
    },
    Reindexed {
        documents: usize,
        index_seconds: f64,
        graphs: usize,
        rdf_seconds: f64,
    },
}

/// A line from the server.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "message", rename_all = "kebab-case")]
pub enum Message {
    /// How far the job is: `done` of `total` steps, on `item`.
    Progress {
        done: u64,
        total: u64,
        item: String,
    },
    Done {
        outcome: Outcome,
    },
    Failed {
        error: String,
    },
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn jobs_and_messages_read_back_as_written() {
        let jobs = [
            Job::Import(ImportJob {
                name: "records.json".into(),
                text: "[]".into(),
                partner: "p".into(),
                topics: vec!["backups".into()],
                review: true,
            }),
            Job::HarvestRun {
                sources: Sources::All,
            },
            Job::HarvestRun {
                sources: Sources::One(3),
            },
            Job::Reindex,
        ];
        for job in jobs {
            let line = serde_json::to_string(&job).unwrap();
            assert!(!line.contains('\n'));
            assert_eq!(serde_json::from_str::<Job>(&line).unwrap(), job);
        }
        let m = Message::Done {
            outcome: Outcome::Reindexed {
                documents: 3,
                index_seconds: 0.5,
                graphs: 2,
                rdf_seconds: 0.25,
            },
        };
        let line = serde_json::to_string(&m).unwrap();
        assert_eq!(serde_json::from_str::<Message>(&line).unwrap(), m);
    }

    #[test]
    fn sources_are_an_id_or_all() {
        assert_eq!("all".parse(), Ok(Sources::All));
        assert_eq!("12".parse(), Ok(Sources::One(12)));
        assert!("twelve".parse::<Sources>().is_err());
    }
}
