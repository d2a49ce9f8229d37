//! Harvesting registered sources into the RDF store.
//!
//! A run fetches the source ([`fetch`]), reads it with limits ([`rdf`]) and
//! makes what it gave, as received, the content of ONE named graph,
//! `{public_url}/harvest/sources/{id}`, replaced in one step. Provenance
//! (PROV-O and DCT: where from, when, how many triples, the partner
//! credited) goes into a second graph, `{…}/provenance`, written after the
//! data. A refused or failed run records why and leaves both graphs as they
//! were. Kinds: `rdf-dump` (an RDF file), `archipel` (another instance,
//! whose N-Quads dump is fetched), `archipel-sparql` (another instance,
//! paged through its SPARQL endpoint, see [`sparql`]) and `oai-pmh` (an
//! OAI-PMH provider in `oai_dc`, incrementally, see [`oai`]). Each kind
//! gathers the source's complete new graph; writing it is shared.

pub mod fetch;
mod gather;
pub mod import;
pub mod map;
pub mod oai;
pub mod rdf;
pub mod settings;
pub mod sparql;

use std::sync::Arc;

use anyhow::Context;
use linked_data::{Graph, RdfStore};
use oxigraph::io::RdfFormat;
use oxigraph::model::vocab::{rdf as rdfv, xsd};
use oxigraph::model::{Literal, NamedNode, Triple};
use store::Db;
use store::harvest::{self, NewRun, Run, RunStatus, Source, SourceKind};

use gather::{Gathered, Harvested};
pub use gather::{
    Harvester, Problem, REJECTED_IN_REPORT, Report, fetch_url, graph_name, provenance_graph_name,
};
pub use map::Rejected;
pub use settings::Settings;

struct Ended {
    status: RunStatus,
    report: Report,
    validators: fetch::Validators,
    /// The source's new graph, after a successful run.
    graph: Option<Graph>,
}

impl Harvester {
    /// A harvester writing into `store`, naming graphs under `public_url`
    /// (the instance's own address).
    pub fn new(db: Db, store: Arc<dyn RdfStore>, public_url: &str, settings: &Settings) -> Self {
        Self {
            db,
            store,
            public_url: public_url.trim_end_matches('/').to_string(),
            settings: settings.clone(),
        }
    }

    /// Harvests one source now and records the run (a failed harvest is a
    /// recorded run with its reason, not an error; errors are SQL's). After
    /// a successful run the new graph is mapped into library entries
    /// ([`map`]) which replace the source's previous ones; an unchanged or
    /// failed run leaves them as they were.
    pub async fn run(&self, source_id: i64) -> anyhow::Result<Run> {
        let source = harvest::get(&self.db, source_id)
            .await
            .with_context(|| format!("no harvest source {source_id}"))?;
        let started_at = store::format_time(time::OffsetDateTime::now_utc());
        let (etag, last_modified) = harvest::validators(&self.db, source_id).await?;
        let partner = match source.organisation_id {
            Some(org) => Some(store::organisations::get(&self.db, org).await?.slug),
            None => None,
        };
        let this = self.clone();
        let src = source.clone();
        let ended = tokio::task::spawn_blocking(move || {
            this.harvest_blocking(
                &src,
                partner.as_deref(),
                fetch::Validators {
                    etag,
                    last_modified,
                },
            )
        })
        .await
        .context("the harvest task stopped")?;
        let mut ended = ended;
        let mut rejected = 0;
        if let (RunStatus::Ok, Some(graph)) = (ended.status, ended.graph.take()) {
            let mapped = tokio::task::spawn_blocking(move || map::entries(&graph))
                .await
                .context("the mapping task stopped")?;
            let counts = harvest::replace_entries(&self.db, source_id, &mapped.entries)
                .await
                .context("cannot store the harvested entries")?;
            tracing::info!(
                source = source_id,
                added = counts.added,
                updated = counts.updated,
                removed = counts.removed,
                rejected = mapped.rejected.len(),
                "harvested entries replaced"
            );
            ended.report.entries = counts.added + counts.updated;
            rejected = mapped.rejected.len() as i64;
            ended.report.rejected = mapped.rejected;
            ended.report.rejected.truncate(REJECTED_IN_REPORT);
        }
        let kept = ended.report.triples as i64;
        let run = harvest::record_run(
            &self.db,
            source_id,
            &NewRun {
                started_at,
                status: ended.status,
                kept,
                rejected,
                report: serde_json::to_string(&ended.report)?,
                etag: ended.validators.etag,
                last_modified: ended.validators.last_modified,
            },
        )
        .await
        .context("cannot record the harvest run")?;
        match &ended.report.error {
            Some(p) => tracing::warn!(
                source = source_id,
                code = p.code,
                "harvest failed: {}",
                p.message
            ),
            None => tracing::info!(
                source = source_id,
                status = run.status.as_str(),
                triples = kept,
                "harvested"
            ),
        }
        Ok(run)
    }

    fn harvest_blocking(
        &self,
        source: &Source,
        partner: Option<&str>,
        validators: fetch::Validators,
    ) -> Ended {
        let mut report = Report::default();
        let gathered = match source.kind {
            SourceKind::RdfDump | SourceKind::Archipel => {
                self.gather_dump(source, &validators, &mut report)
            }
            SourceKind::OaiPmh => oai::harvest(self, source, &validators, &mut report),
            SourceKind::ArchipelSparql => sparql::harvest(self, source, &mut report),
        };
        let failed = |mut report: Report, problem: Problem| {
            report.error = Some(problem);
            Ended {
                status: RunStatus::Failed,
                report,
                validators: fetch::Validators::default(),
                graph: None,
            }
        };
        let harvested = match gathered {
            Ok(Gathered::New(h)) => *h,
            Ok(Gathered::Unchanged(validators)) => {
                return Ended {
                    status: RunStatus::Unchanged,
                    report,
                    validators,
                    graph: None,
                };
            }
            Err(problem) => return failed(report, problem),
        };
        report.fetched = Some(harvested.fetched.clone());
        report.format = Some(harvested.format.clone());
        if let Err(problem) = self.write(source, partner, &harvested) {
            return failed(report, problem);
        }
        report.triples = harvested.graph.len();
        Ended {
            status: RunStatus::Ok,
            report,
            validators: harvested.validators,
            graph: Some(harvested.graph),
        }
    }

    /// Replaces the source's data graph with what a run gave, then its
    /// provenance graph; either fails as a whole run.
    fn write(
        &self,
        source: &Source,
        partner: Option<&str>,
        harvested: &Harvested,
    ) -> Result<(), Problem> {
        let name = graph_name(&self.public_url, source.id);
        let provenance = self.provenance(
            &name,
            source,
            &harvested.fetched,
            partner,
            harvested.graph.len(),
        );
        self.store
            .replace(&name, &harvested.graph)
            .and_then(|()| {
                self.store.replace(
                    &provenance_graph_name(&self.public_url, source.id),
                    &provenance,
                )
            })
            .map_err(|e| Problem::new("store-error", e))
    }

    /// An RDF dump (`rdf-dump`) or an Archipel instance's N-Quads dump
    /// (`archipel`): one conditional fetch, read with the parse limits.
    fn gather_dump(
        &self,
        source: &Source,
        validators: &fetch::Validators,
        report: &mut Report,
    ) -> Result<Gathered, Problem> {
        let url = fetch_url(source);
        let limits = fetch::FetchLimits::from(&self.settings);
        let fetched = match fetch::fetch(&url, validators, &limits) {
            Ok(fetch::Outcome::NotModified) => return Ok(Gathered::Unchanged(validators.clone())),
            Ok(fetch::Outcome::Body(b)) => b,
            Err(e) => return Err(Problem::new(e.code(), &e)),
        };
        report.fetched = Some(fetched.url.clone());
        let format = match source.kind {
            SourceKind::Archipel => Some(RdfFormat::NQuads),
            _ => rdf::format_for(fetched.content_type.as_deref(), &fetched.url),
        };
        let Some(format) = format else {
            let e = rdf::ParseError::UnknownFormat {
                content_type: fetched.content_type.clone(),
            };
            return Err(Problem::new(e.code(), &e));
        };
        report.format = Some(format.name().to_string());
        let limits = rdf::ParseLimits::from(&self.settings);
        let graph = rdf::decompress(fetched.body, limits.max_bytes)
            .and_then(|body| rdf::parse(&body, format, &fetched.url, &limits))
            .map_err(|e| Problem::new(e.code(), &e))?;
        Ok(Gathered::New(Box::new(Harvested {
            graph,
            fetched: fetched.url,
            format: format.name().to_string(),
            validators: fetched.validators,
        })))
    }

    fn provenance(
        &self,
        name: &str,
        source: &Source,
        fetched: &str,
        partner: Option<&str>,
        triples: usize,
    ) -> Graph {
        let mut g = Graph::new();
        let node = |iri: &str| NamedNode::new(iri).ok();
        let Some(subject) = node(name) else {
            return g;
        };
        let prov = |l: &str| NamedNode::new_unchecked(format!("http://www.w3.org/ns/prov#{l}"));
        let dct = |l: &str| NamedNode::new_unchecked(format!("http://purl.org/dc/terms/{l}"));
        let now = store::format_time(time::OffsetDateTime::now_utc());
        let mut add = |p: NamedNode, o: oxigraph::model::Term| {
            g.insert(&Triple::new(subject.clone(), p, o));
        };
        add(rdfv::TYPE.into_owned(), prov("Entity").into());
        if let Some(n) = node(fetched) {
            add(prov("wasDerivedFrom"), n.into());
        }
        if let Some(n) = node(&source.url) {
            add(dct("source"), n.into());
        }
        add(
            dct("title"),
            Literal::new_simple_literal(&source.label).into(),
        );
        add(
            prov("generatedAtTime"),
            Literal::new_typed_literal(now, xsd::DATE_TIME).into(),
        );
        add(
            NamedNode::new_unchecked("http://rdfs.org/ns/void#triples"),
            Literal::new_typed_literal(triples.to_string(), xsd::INTEGER).into(),
        );
        if let Some(n) =
            partner.and_then(|slug| node(&format!("{}/partners/{slug}", self.public_url)))
        {
            add(dct("publisher"), n.into());
        }
        g
    }

    /// Removes a source, its runs, its two graphs and its library entries
    /// (recorded in the outbox, so the search index drops them).
    pub async fn remove(&self, source_id: i64) -> anyhow::Result<()> {
        harvest::get(&self.db, source_id)
            .await
            .with_context(|| format!("no harvest source {source_id}"))?;
        let store = self.store.clone();
        let names = [
            graph_name(&self.public_url, source_id),
            provenance_graph_name(&self.public_url, source_id),
        ];
        tokio::task::spawn_blocking(move || names.iter().try_for_each(|n| store.remove(n)))
            .await
            .context("the removal task stopped")?
            .context("cannot remove the source's graphs from the RDF store")?;
        harvest::remove(&self.db, source_id)
            .await
            .context("cannot remove the harvest source")?;
        Ok(())
    }

    /// Runs every source due by its interval; returns how many ran.
    pub async fn run_due(&self) -> anyhow::Result<usize> {
        let due = harvest::due(&self.db, time::OffsetDateTime::now_utc()).await?;
        for source in &due {
            self.run(source.id).await?;
        }
        Ok(due.len())
    }

    /// The task of `archipel serve`: runs due sources every
    /// `harvest.check_every_min` minutes (0 turns it off).
    pub fn spawn_scheduler(self) -> Option<tokio::task::JoinHandle<()>> {
        let minutes = self.settings.check_every_min;
        if minutes == 0 {
            return None;
        }
        Some(tokio::spawn(async move {
            let mut tick = tokio::time::interval(std::time::Duration::from_secs(minutes * 60));
            loop {
                tick.tick().await;
                if let Err(e) = self.run_due().await {
                    tracing::error!("scheduled harvest: {e:#}");
                }
            }
        }))
    }
}
