//! Keeps the RDF store a faithful projection of SQL and the content folder,
//! as the indexer does for the search index: the outbox after this node's
//! cursor is applied entity by entity, each entity's triples replacing its
//! named graph; `archipel reindex` rebuilds it all. The directory's
//! providers are projected from their published profile only.

use std::path::Path;
use std::sync::Arc;

use sha2::{Digest, Sha256};

use courses::catalogue::Courses;
use linked_data::{Graph, Limits, QueryRequest, RdfStore, Uris, map};
use store::{Db, StoreError, concepts, directory, library, organisations};

use crate::blocking::blocking;
use crate::cursor::Batch;
use crate::dumps::Dumps;
use crate::runner::{Projection, Runner};

/// The RDF store, kept current.
pub type RdfProjection = Runner<RdfGraphs>;

/// What the RDF store holds of this instance, one named graph per entity.
pub struct RdfGraphs {
    db: Db,
    store: Arc<dyn RdfStore>,
    uris: Uris,
    courses: Arc<Courses>,
    /// The mapping the store was last filled with ([`map::MAPPING_VERSION`]).
    mapping_file: std::path::PathBuf,
    /// A hash of the course and vocabulary graphs last written: a restart
    /// with the same content rewrites them but does not redo the dumps.
    courses_file: std::path::PathBuf,
    /// The dumps of the whole store, written again after changes.
    dumps: Arc<Dumps>,
}

/// The uids of the library resources a lesson's Markdown links to.
pub fn cited_resources(markdown: &str) -> Vec<String> {
    let mut uids: Vec<String> = markdown
        .match_indices("/library/resources/")
        .filter_map(|(at, marker)| {
            let rest = &markdown[at + marker.len()..];
            let uid: String = rest
                .chars()
                .take_while(|c| c.is_ascii_alphanumeric())
                .collect();
            (!uid.is_empty()).then_some(uid)
        })
        .collect();
    uids.sort();
    uids.dedup();
    uids
}

impl RdfProjection {
    /// The projection into `store`, its cursor and mapping version kept in
    /// `dir`, its dumps written to `dumps_dir`.
    pub fn new(
        db: Db,
        store: Arc<dyn RdfStore>,
        dir: &Path,
        dumps_dir: &Path,
        uris: Uris,
        courses: Arc<Courses>,
    ) -> Self {
        // Harvested graphs are other instances' data: not republished.
        let dumps = Arc::new(Dumps::new(
            dumps_dir.to_path_buf(),
            Some(format!("{}/harvest/", uris.base())),
        ));
        let graphs = RdfGraphs {
            db: db.clone(),
            store,
            uris,
            courses,
            mapping_file: dir.join("mapping-version"),
            courses_file: dir.join("courses.sha256"),
            dumps,
        };
        Runner::start(db, graphs, dir.join("outbox-cursor"))
    }
}

/// Adds graph `name` to `hash`, its triples in a stable order.
fn feed(hash: &mut Sha256, name: &str, g: &Graph) {
    let mut lines: Vec<String> = g.iter().map(|t| t.to_string()).collect();
    lines.sort_unstable();
    hash.update(name.as_bytes());
    for line in lines {
        hash.update(b"\n");
        hash.update(line.as_bytes());
    }
    hash.update(b"\n\n");
}

impl Projection for RdfGraphs {
    const NAME: &'static str = "RDF store";

    async fn apply(&self, batch: Batch) -> anyhow::Result<()> {
        for slug in &batch.partners {
            self.partner(slug).await?;
        }
        for uid in &batch.resources {
            self.resource(uid).await?;
        }
        if batch.topics {
            self.topics().await?;
        }
        for slug in &batch.providers {
            self.provider(slug).await?;
        }
        for lesson in &batch.discussions {
            self.discussion(lesson).await?;
        }
        Ok(())
    }

    fn caught_up(&self) {
        self.dumps.changed();
    }

    /// Empties the store of what this projection writes and fills it again;
    /// returns the graphs written. Harvested graphs (`/harvest/…`) are kept:
    /// they come from elsewhere and only a harvest replaces them.
    async fn rebuild(&self, progress: &(dyn Fn(usize, usize) + Sync)) -> anyhow::Result<usize> {
        blocking(|| self.drop_own_graphs())?;
        let orgs = organisations::list(&self.db).await?;
        let uids = library::browse::published_uids(&self.db, i64::MAX, 0).await?;
        let providers = crate::search::published_providers(&self.db).await?;
        // Each partner, resource and provider, then the topics, the courses
        // and the vocabularies.
        let total = orgs.len() + uids.len() + providers.len() + 3;
        let mut graphs = 0;
        for org in &orgs {
            self.partner(&org.slug).await?;
            graphs += 1;
            progress(graphs, total);
        }
        for uid in &uids {
            self.resource(uid).await?;
            graphs += 1;
            progress(graphs, total);
        }
        for p in &providers {
            self.provider(&p.slug).await?;
            graphs += 1;
            progress(graphs, total);
        }
        let steps = graphs;
        graphs += self.topics().await?;
        progress(steps + 1, total);
        let mut hash = Sha256::new();
        graphs += self.put_courses(&mut hash)?;
        progress(steps + 2, total);
        graphs += self.put_vocabularies(&mut hash)?;
        self.courses_moved(hash)?;
        graphs += self.discussions().await?;
        std::fs::write(&self.mapping_file, map::MAPPING_VERSION.to_string())?;
        self.dumps.changed();
        progress(total, total);
        Ok(graphs)
    }

    /// Writes the courses being served, replacing the previous ones; the
    /// dumps are redone only when that changed what the store holds.
    async fn courses_changed(&self) -> anyhow::Result<usize> {
        let mut hash = Sha256::new();
        let written = self.put_courses(&mut hash)? + self.put_vocabularies(&mut hash)?;
        if self.courses_moved(hash)? {
            self.dumps.changed();
        }
        Ok(written)
    }
}

impl RdfGraphs {
    /// Remembers the hash of the course and vocabulary graphs just written;
    /// whether it differs from the one remembered before.
    fn courses_moved(&self, hash: Sha256) -> anyhow::Result<bool> {
        let hash = hex::encode(hash.finalize());
        if std::fs::read_to_string(&self.courses_file).ok().as_deref() == Some(hash.as_str()) {
            return Ok(false);
        }
        std::fs::write(&self.courses_file, &hash)?;
        Ok(true)
    }

    pub fn store(&self) -> &Arc<dyn RdfStore> {
        &self.store
    }

    pub fn uris(&self) -> &Uris {
        &self.uris
    }

    pub fn dumps(&self) -> &Arc<Dumps> {
        &self.dumps
    }

    /// Whether the store was filled by another version of the mapping (or
    /// by none): its entities are then written again by a rebuild.
    pub fn mapping_outdated(&self) -> bool {
        std::fs::read_to_string(&self.mapping_file)
            .ok()
            .and_then(|v| v.trim().parse::<u32>().ok())
            != Some(map::MAPPING_VERSION)
    }

    /// Removes every graph but the harvested ones.
    fn drop_own_graphs(&self) -> anyhow::Result<()> {
        let harvested = format!("{}/harvest/", self.uris.base());
        let request = QueryRequest {
            query: "SELECT DISTINCT ?g WHERE { GRAPH ?g { ?s ?p ?o } }".into(),
            accept: Some("application/sparql-results+json".into()),
            ..QueryRequest::default()
        };
        let limits = Limits {
            timeout: std::time::Duration::from_secs(600),
            max_results: usize::MAX,
        };
        let answer = self
            .store
            .query(&request, limits)
            .map_err(|e| anyhow::anyhow!("cannot list the RDF store's graphs: {e}"))?;
        let json: serde_json::Value = serde_json::from_slice(&answer.body)?;
        let names = json["results"]["bindings"]
            .as_array()
            .cloned()
            .unwrap_or_default();
        let own: Vec<&str> = names
            .iter()
            .filter_map(|b| b["g"]["value"].as_str())
            .filter(|g| !g.starts_with(&harvested))
            .collect();
        if own.len() == names.len() {
            // Nothing harvested: one step instead of one per graph.
            self.store.clear()?;
        } else {
            for g in own {
                self.store.remove(g)?;
            }
        }
        Ok(())
    }

    /// The level scheme and the audience roles resources cite.
    fn put_vocabularies(&self, hash: &mut Sha256) -> anyhow::Result<usize> {
        let mut g = Graph::new();
        map::vocabularies(&mut g, &self.uris);
        feed(hash, &self.uris.levels(), &g);
        blocking(|| self.store.replace(&self.uris.levels(), &g))?;
        Ok(1)
    }

    fn put_courses(&self, hash: &mut Sha256) -> anyhow::Result<usize> {
        let catalogue = self.courses.get();
        for course in &catalogue.sources {
            let mut g = Graph::new();
            map::course(&mut g, &self.uris, course, &|lesson| {
                lesson
                    .versions
                    .values()
                    .flat_map(|v| cited_resources(&v.text.markdown))
                    .collect()
            });
            let name = self.uris.course(&course.slug);
            feed(hash, &name, &g);
            blocking(|| self.store.replace(&name, &g))?;
        }
        Ok(catalogue.sources.len())
    }

    /// Writes the count of lesson `id`'s discussion, or removes it when
    /// nothing is visible (or the lesson is no longer served).
    async fn discussion(&self, id: &str) -> anyhow::Result<()> {
        let catalogue = self.courses.get();
        let Some(path) = catalogue
            .courses
            .iter()
            .find_map(|c| c.lesson_by_id(id).map(|l| l.path.clone()))
        else {
            return Ok(());
        };
        let name = self.uris.discussion(&path);
        let posts = store::discussions::lesson_counts(&self.db, id).await?.posts;
        if posts > 0 {
            let mut g = Graph::new();
            map::comment_count(&mut g, &self.uris, &path, posts);
            blocking(|| self.store.replace(&name, &g))?;
        } else {
            blocking(|| self.store.remove(&name))?;
        }
        Ok(())
    }

    /// Every discussion's count; returns the graphs written.
    async fn discussions(&self) -> anyhow::Result<usize> {
        let catalogue = self.courses.get();
        let mut written = 0;
        for course in &catalogue.courses {
            let counts = store::discussions::counts(&self.db, &course.slug).await?;
            for lesson in &course.lessons {
                let posts = counts.get(&lesson.id).map_or(0, |c| c.posts);
                if posts > 0 {
                    let mut g = Graph::new();
                    map::comment_count(&mut g, &self.uris, &lesson.path, posts);
                    let name = self.uris.discussion(&lesson.path);
                    blocking(|| self.store.replace(&name, &g))?;
                    written += 1;
                }
            }
        }
        Ok(written)
    }

    async fn partner(&self, slug: &str) -> anyhow::Result<()> {
        let name = self.uris.partner(slug);
        match organisations::get_by_slug(&self.db, slug).await {
            Ok(org) => {
                let mut g = Graph::new();
                map::partner(&mut g, &self.uris, &org);
                blocking(|| self.store.replace(&name, &g))?;
            }
            Err(StoreError::NotFound) => blocking(|| self.store.remove(&name))?,
            Err(e) => return Err(e.into()),
        }
        Ok(())
    }

    /// Writes resource `uid` as readers see it now, or removes it.
    async fn resource(&self, uid: &str) -> anyhow::Result<()> {
        let name = self.uris.resource(uid);
        let r = match library::get_by_uid(&self.db, uid).await {
            Ok(r) if r.status == library::Status::Published => r,
            Ok(_) | Err(StoreError::NotFound) => {
                blocking(|| self.store.remove(&name))?;
                return Ok(());
            }
            Err(e) => return Err(e.into()),
        };
        let org = organisations::get(&self.db, r.organisation_id).await?;
        let mut g = Graph::new();
        map::resource(&mut g, &self.uris, &r, &org.slug);
        blocking(|| self.store.replace(&name, &g))?;
        Ok(())
    }

    /// Writes provider `slug`'s published profile, or removes its graph when
    /// nothing of it is published (a draft, a first submission, a profile
    /// taken off the directory).
    async fn provider(&self, slug: &str) -> anyhow::Result<()> {
        let name = map::provider_uri(&self.uris, slug);
        let p = match directory::get_by_slug(&self.db, slug).await {
            Ok(p) => p,
            Err(StoreError::NotFound) => {
                blocking(|| self.store.remove(&name))?;
                return Ok(());
            }
            Err(e) => return Err(e.into()),
        };
        match p.public() {
            Some(profile) => {
                let mut g = Graph::new();
                map::provider(&mut g, &self.uris, &p.slug, profile);
                blocking(|| self.store.replace(&name, &g))?;
            }
            None => blocking(|| self.store.remove(&name))?,
        }
        Ok(())
    }

    /// The scheme in its graph, each concept in its own; returns how many.
    async fn topics(&self) -> anyhow::Result<usize> {
        let scheme = concepts::list(&self.db).await?;
        let details = concepts::import::details(&self.db).await?;
        let mut g = Graph::new();
        map::scheme_node(&mut g, &self.uris, &scheme);
        blocking(|| self.store.replace(&self.uris.scheme(), &g))?;
        for c in &scheme {
            let mut g = Graph::new();
            map::concept(&mut g, &self.uris, c, &scheme);
            if let Some(d) = details.get(&c.id) {
                map::concept_details(&mut g, &self.uris, &c.id, d);
            }
            blocking(|| self.store.replace(&self.uris.concept(&c.id), &g))?;
        }
        Ok(scheme.len() + 1)
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn lessons_cite_the_resources_they_link_to() {
        let md = "See [the kit](/fr/library/resources/ab12cd) and \
                  <https://archipel.example.org/library/resources/ef34>, again /library/resources/ab12cd.";
        assert_eq!(super::cited_resources(md), ["ab12cd", "ef34"]);
    }
}
