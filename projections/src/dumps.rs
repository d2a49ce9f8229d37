//! Dumps of the whole dataset, for partners and aggregators that would
//! rather download everything than ask SPARQL: every quad as N-Quads (named
//! graphs kept, so provenance survives) and the union as Turtle, both
//! gzipped, with a summary of what they hold (the figures the DCAT catalogue
//! and the VoID description give).
//!
//! They are written again a little while after the RDF store changed (one
//! write for a burst of changes), whole and then renamed into place, so a
//! download never sees half a file, and a failed write leaves the previous
//! dump served.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::Duration;

use anyhow::Context;
use flate2::Compression;
use flate2::write::GzEncoder;
use linked_data::{DumpFormat, Limits, QueryRequest, RdfStore};
use serde::{Deserialize, Serialize};
use tokio::sync::Notify;

/// One dump file.
#[derive(Debug, Clone, Copy)]
pub struct DumpFile {
    pub name: &'static str,
    pub format: DumpFormat,
    /// The media type of the content once uncompressed.
    pub media_type: &'static str,
    /// W3C's URI for the format (`void:feature`, `dct:format`).
    pub format_uri: &'static str,
}

pub const FILES: [DumpFile; 2] = [
    DumpFile {
        name: "archipel.nq.gz",
        format: DumpFormat::NQuads,
        media_type: "application/n-quads",
        format_uri: "http://www.w3.org/ns/formats/N-Quads",
    },
    DumpFile {
        name: "archipel.ttl.gz",
        format: DumpFormat::Turtle,
        media_type: "text/turtle",
        format_uri: "http://www.w3.org/ns/formats/Turtle",
    },
];

pub fn file(name: &str) -> Option<&'static DumpFile> {
    FILES.iter().find(|f| f.name == name)
}

/// What the dumps of one moment hold; written beside them.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Summary {
    /// When the dumps were written (RFC 3339, UTC).
    pub written: String,
    /// Quads in the store.
    pub quads: u64,
    /// Named graphs (one per entity).
    pub graphs: u64,
    /// Subjects with a type.
    pub entities: u64,
    /// `(class IRI, subjects of that class)`, most frequent first.
    pub classes: Vec<(String, u64)>,
    /// `(file name, bytes)` of each dump.
    pub files: Vec<(String, u64)>,
}

impl Summary {
    pub fn bytes(&self, name: &str) -> Option<u64> {
        self.files.iter().find(|(n, _)| n == name).map(|(_, b)| *b)
    }
}

pub struct Dumps {
    dir: PathBuf,
    /// Graphs left out (the harvested ones: other instances' data).
    skip: Option<String>,
    wake: Notify,
    /// One write at a time (a write is blocking: it runs off the runtime).
    writing: std::sync::Mutex<()>,
    /// Moves after each write: what showed the older summary is out of date.
    generation: std::sync::atomic::AtomicU64,
}

const SUMMARY: &str = "summary.json";

impl Dumps {
    /// Dumps in `dir`, leaving out the graphs whose name starts with `skip`.
    pub fn new(dir: PathBuf, skip: Option<String>) -> Self {
        Self {
            dir,
            skip,
            wake: Notify::new(),
            writing: std::sync::Mutex::new(()),
            generation: std::sync::atomic::AtomicU64::new(0),
        }
    }

    /// Where a dump file is, when it has been written.
    pub fn path(&self, name: &str) -> Option<PathBuf> {
        let f = file(name)?;
        let path = self.dir.join(f.name);
        path.is_file().then_some(path)
    }

    /// What the current dumps hold; `None` before the first write.
    pub fn summary(&self) -> Option<Summary> {
        let text = std::fs::read_to_string(self.dir.join(SUMMARY)).ok()?;
        serde_json::from_str(&text).ok()
    }

    /// Moves on each write of the dumps.
    pub fn generation(&self) -> u64 {
        self.generation.load(std::sync::atomic::Ordering::Acquire)
    }

    /// Says that the store changed: the dumps are written again soon.
    pub fn changed(&self) {
        self.wake.notify_one();
    }

    /// Writes every dump and the summary from the store as it is now.
    /// Blocking.
    pub fn write(&self, store: &dyn RdfStore) -> anyhow::Result<Summary> {
        let _one = self.writing.lock().unwrap_or_else(|e| e.into_inner());
        std::fs::create_dir_all(&self.dir)
            .with_context(|| format!("cannot create {}", self.dir.display()))?;
        let mut summary = count(store, self.skip.as_deref())?;
        for f in FILES {
            let bytes = write_whole(&self.dir.join(f.name), |out| {
                let mut gz = GzEncoder::new(out, Compression::default());
                store.dump_except(f.format, self.skip.as_deref(), &mut gz)?;
                gz.finish()?.flush()?;
                Ok(())
            })
            .with_context(|| format!("cannot write the dump {}", f.name))?;
            summary.files.push((f.name.to_string(), bytes));
        }
        summary.written = now();
        let json = serde_json::to_vec_pretty(&summary)?;
        write_whole(&self.dir.join(SUMMARY), |out| Ok(out.write_all(&json)?))?;
        self.generation
            .fetch_add(1, std::sync::atomic::Ordering::Release);
        Ok(summary)
    }

    /// Writes the dumps now when they are missing, then again `settle`
    /// after each change (changes within that time are written together).
    pub fn spawn(
        self: Arc<Self>,
        store: Arc<dyn RdfStore>,
        settle: Duration,
    ) -> tokio::task::JoinHandle<()> {
        let missing = self.summary().is_none() || FILES.iter().any(|f| self.path(f.name).is_none());
        tokio::spawn(async move {
            let mut pause = if missing { Some(Duration::ZERO) } else { None };
            loop {
                if let Some(pause) = pause.take() {
                    tokio::time::sleep(pause).await;
                    let (me, store) = (self.clone(), store.clone());
                    match tokio::task::spawn_blocking(move || me.write(store.as_ref())).await {
                        Ok(Ok(s)) => tracing::info!(quads = s.quads, "RDF dumps written"),
                        Ok(Err(e)) => {
                            tracing::error!(error = format!("{e:#}"), "RDF dumps not written");
                        }
                        Err(e) => tracing::error!(error = %e, "RDF dump task failed"),
                    }
                }
                // A change during the pause or the write leaves a permit:
                // one more write, a burst of changes gives one write.
                self.wake.notified().await;
                pause = Some(settle);
            }
        })
    }
}

impl Summary {
    /// The catalogue's figures and distributions from this summary.
    pub fn facts(&self, uris: &linked_data::Uris) -> linked_data::catalogue::Facts {
        linked_data::catalogue::Facts {
            modified: Some(self.written.clone()).filter(|w| !w.is_empty()),
            triples: self.quads,
            entities: self.entities,
            classes: self.classes.clone(),
            dumps: FILES
                .iter()
                .map(|f| linked_data::catalogue::Dump {
                    url: format!("{}{}", uris.base(), url_path(f.name)),
                    media_type: f.media_type.to_string(),
                    format_uri: f.format_uri.to_string(),
                    compression: Some("application/gzip".into()),
                    bytes: self.bytes(f.name),
                })
                .collect(),
            page_languages: i18n::Lang::ALL
                .iter()
                .map(|l| l.code().to_string())
                .collect(),
        }
    }
}

/// Where a dump is downloaded, under the site.
pub fn url_path(name: &str) -> String {
    format!("/data/dumps/{name}")
}

/// Writes a file through `fill` into a temporary name beside it, flushed to
/// disk, then renamed over the old one; returns its size.
fn write_whole(
    path: &Path,
    fill: impl FnOnce(&mut std::io::BufWriter<std::fs::File>) -> anyhow::Result<()>,
) -> anyhow::Result<u64> {
    let tmp = path.with_extension("part");
    let result = (|| {
        let mut out = std::io::BufWriter::new(std::fs::File::create(&tmp)?);
        fill(&mut out)?;
        let file = out.into_inner().map_err(|e| e.into_error())?;
        file.sync_all()?;
        Ok(file.metadata()?.len())
    })();
    match result {
        Ok(bytes) => {
            std::fs::rename(&tmp, path)?;
            Ok(bytes)
        }
        Err(e) => {
            let _ = std::fs::remove_file(&tmp);
            Err(e)
        }
    }
}

fn now() -> String {
    time::OffsetDateTime::now_utc()
        .format(&time::format_description::well_known::Rfc3339)
        .unwrap_or_default()
}

/// Asks the store what it holds, by SPARQL so that any store answers.
fn count(store: &dyn RdfStore, skip: Option<&str>) -> anyhow::Result<Summary> {
    // Only the graphs the dumps hold.
    let kept = match skip {
        Some(prefix) => format!(
            "FILTER(!STRSTARTS(STR(?g), \"{}\"))",
            prefix.replace('\\', "\\\\").replace('"', "\\\"")
        ),
        None => String::new(),
    };
    let ask = |query: &str| -> anyhow::Result<Vec<serde_json::Value>> {
        let request = QueryRequest {
            query: query.to_string(),
            accept: Some("application/sparql-results+json".into()),
            ..Default::default()
        };
        let limits = Limits {
            timeout: Duration::from_secs(120),
            max_results: 100_000,
        };
        let answer = store
            .query(&request, limits)
            .map_err(|e| anyhow::anyhow!("{e}"))?;
        let json: serde_json::Value = serde_json::from_slice(&answer.body)?;
        Ok(json["results"]["bindings"]
            .as_array()
            .cloned()
            .unwrap_or_default())
    };
    let number = |row: &serde_json::Value, var: &str| -> u64 {
        row[var]["value"]
            .as_str()
            .and_then(|v| v.parse().ok())
            .unwrap_or(0)
    };
    let mut summary = Summary::default();
    let quads = ask(&format!(
        "SELECT (COUNT(*) AS ?n) WHERE {{ GRAPH ?g {{ ?s ?p ?o }} {kept} }}"
    ))?;
    summary.quads = quads.first().map_or(0, |row| number(row, "n"));
    let totals = ask(&format!(
        "SELECT (COUNT(DISTINCT ?g) AS ?graphs) (COUNT(DISTINCT ?s) AS ?entities) \
         WHERE {{ GRAPH ?g {{ ?s a ?class }} {kept} }}"
    ))?;
    if let Some(row) = totals.first() {
        summary.graphs = number(row, "graphs");
        summary.entities = number(row, "entities");
    }
    for row in ask(&format!(
        "SELECT ?class (COUNT(DISTINCT ?s) AS ?n) WHERE {{ GRAPH ?g {{ ?s a ?class }} {kept} }} \
         GROUP BY ?class ORDER BY DESC(?n) ?class"
    ))? {
        if let Some(class) = row["class"]["value"].as_str() {
            summary.classes.push((class.to_string(), number(&row, "n")));
        }
    }
    Ok(summary)
}
