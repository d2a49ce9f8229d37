//! Keeps the search index a faithful projection of SQL and the courses: the
//! outbox after this node's cursor (kept in the index folder) is applied by
//! the [`Runner`], and `archipel reindex` rebuilds it from scratch. What each
//! thing looks like to search is in [`docs`], [`harvested`] and [`providers`].

pub mod docs;
pub mod harvested;
pub mod providers;

use std::path::Path;
use std::sync::Arc;

use courses::catalogue::Courses;
use search_index::{SearchDoc, SearchIndex};
use store::{Db, StoreError, concepts, directory, harvest, library, organisations};

use crate::cursor::Batch;
use crate::runner::{Projection, Runner};
use docs::{course_docs, partner_doc, resource_doc};
use harvested::{entry_doc, source_facet};
use providers::{doc_id as provider_doc_id, provider_doc};

/// The search index, kept current.
pub type Indexer = Runner<SearchProjection>;

/// What the search index holds, written from SQL and the courses.
pub struct SearchProjection {
    db: Db,
    index: Arc<SearchIndex>,
    /// The courses being served: indexed from the content, not from SQL.
    courses: Arc<Courses>,
}

impl Indexer {
    /// The indexer of `index`, whose cursor is kept in `index_dir`.
    pub fn new(db: Db, index: Arc<SearchIndex>, index_dir: &Path, courses: Arc<Courses>) -> Self {
        let projection = SearchProjection {
            db: db.clone(),
            index,
            courses,
        };
        Runner::start(db, projection, index_dir.join("outbox-cursor"))
    }
}

impl Projection for SearchProjection {
    const NAME: &'static str = "search index";

    async fn apply(&self, mut batch: Batch) -> anyhow::Result<()> {
        for slug in &batch.partners {
            match organisations::get_by_slug(&self.db, slug).await {
                Ok(org) => self.index.upsert(&[partner_doc(&org)])?,
                Err(StoreError::NotFound) => self.index.delete(&format!("partner:{slug}")),
                Err(e) => return Err(e.into()),
            }
        }
        // A topic change reaches every tagged document (they carry the
        // topics' labels) and the courses.
        if batch.topics || !batch.resources.is_empty() {
            let scheme = concepts::list(&self.db).await?;
            if batch.topics {
                batch.resources.extend(self.published_uids().await?);
                self.put_courses(&scheme)?;
            }
            for uid in &batch.resources {
                self.resource(uid, &scheme).await?;
            }
        }
        for source_id in &batch.harvest_sources {
            self.harvested(*source_id).await?;
        }
        for slug in &batch.providers {
            self.provider(slug).await?;
        }
        self.index.commit()?;
        Ok(())
    }

    /// Empties the index and fills it again from SQL and the courses being
    /// served, then compacts it; returns the documents written. Until its
    /// commit, searches see the previous index, and a crash leaves that one.
    async fn rebuild(&self, progress: &(dyn Fn(usize, usize) + Sync)) -> anyhow::Result<usize> {
        self.index.clear()?;
        let orgs = organisations::list(&self.db).await?;
        let docs: Vec<SearchDoc> = orgs.iter().map(partner_doc).collect();
        self.index.upsert(&docs)?;
        let scheme = concepts::list(&self.db).await?;
        let uids = self.published_uids().await?;
        let sources = harvest::list(&self.db).await?;
        let providers: Vec<SearchDoc> = published_providers(&self.db)
            .await?
            .iter()
            .filter_map(provider_doc)
            .collect();
        self.index.upsert(&providers)?;
        // Partners, each resource, each harvest source, the courses, the commit.
        let total = docs.len() + uids.len() + sources.len() + 2;
        progress(docs.len(), total);
        for (i, uid) in uids.iter().enumerate() {
            self.resource(uid, &scheme).await?;
            progress(docs.len() + i + 1, total);
        }
        let mut entries = 0;
        for (i, (source, _)) in sources.iter().enumerate() {
            entries += self.harvested(source.id).await?;
            progress(docs.len() + uids.len() + i + 1, total);
        }
        let courses = self.put_courses(&scheme)?;
        progress(total - 1, total);
        self.index.commit()?;
        self.index.compact()?;
        progress(total, total);
        Ok(docs.len() + providers.len() + uids.len() + entries + courses)
    }

    /// Indexes the courses and lessons being served, replacing the previous
    /// ones (after the content was loaded or reloaded).
    async fn courses_changed(&self) -> anyhow::Result<usize> {
        let scheme = concepts::list(&self.db).await?;
        let n = self.put_courses(&scheme)?;
        self.index.commit()?;
        Ok(n)
    }
}

impl SearchProjection {
    pub fn index(&self) -> &Arc<SearchIndex> {
        &self.index
    }

    fn put_courses(&self, scheme: &[concepts::Concept]) -> anyhow::Result<usize> {
        let docs = course_docs(&self.courses.get(), scheme);
        self.index.replace_kinds(&["course", "lesson"], &docs)?;
        Ok(docs.len())
    }

    /// Indexes resource `uid` as readers see it now (or removes it).
    async fn resource(&self, uid: &str, scheme: &[concepts::Concept]) -> anyhow::Result<()> {
        let doc_id = format!("resource:{uid}");
        let r = match library::get_by_uid(&self.db, uid).await {
            Ok(r) => r,
            Err(StoreError::NotFound) => {
                self.index.delete(&doc_id);
                return Ok(());
            }
            Err(e) => return Err(e.into()),
        };
        let org = organisations::get(&self.db, r.organisation_id).await?;
        match resource_doc(&r, scheme, &org.slug) {
            Some(doc) => self.index.upsert(&[doc])?,
            None => self.index.delete(&doc_id),
        }
        Ok(())
    }

    /// Replaces the documents of a harvest source's entries by its current
    /// ones (none when the source is gone); returns how many.
    async fn harvested(&self, source_id: i64) -> anyhow::Result<usize> {
        let facet = source_facet(source_id);
        let source = match harvest::get(&self.db, source_id).await {
            Ok(s) => s,
            Err(StoreError::NotFound) => {
                self.index.delete_facet(&facet);
                return Ok(0);
            }
            Err(e) => return Err(e.into()),
        };
        let partner = match source.organisation_id {
            Some(org) => match organisations::get(&self.db, org).await {
                Ok(o) => Some(o.slug),
                Err(StoreError::NotFound) => None,
                Err(e) => return Err(e.into()),
            },
            None => None,
        };
        let docs: Vec<SearchDoc> = harvest::entries(&self.db, source_id)
            .await?
            .iter()
            .map(|e| entry_doc(e, partner.as_deref()))
            .collect();
        self.index.replace_facet(&facet, &docs)?;
        Ok(docs.len())
    }

    /// Indexes provider `slug` as the directory shows it now (or removes it).
    async fn provider(&self, slug: &str) -> anyhow::Result<()> {
        let doc = match directory::get_by_slug(&self.db, slug).await {
            Ok(p) => provider_doc(&p),
            Err(StoreError::NotFound) => None,
            Err(e) => return Err(e.into()),
        };
        match doc {
            Some(doc) => self.index.upsert(&[doc])?,
            None => self.index.delete(&provider_doc_id(slug)),
        }
        Ok(())
    }

    async fn published_uids(&self) -> anyhow::Result<Vec<String>> {
        let mut all = Vec::new();
        loop {
            let page = library::browse::published_uids(&self.db, 1000, all.len() as i64).await?;
            let done = page.len() < 1000;
            all.extend(page);
            if done {
                return Ok(all);
            }
        }
    }
}

/// Every provider whose profile is published, by name.
pub async fn published_providers(db: &Db) -> Result<Vec<directory::Provider>, StoreError> {
    let all = directory::browse::Filters::default();
    Ok(directory::browse::list(db, &all, i64::MAX, 0)
        .await?
        .providers)
}
