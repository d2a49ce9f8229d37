//! Archipel's full-text index (tantivy): one document per searchable thing
//! (partner, course, lesson, resource, provider), its text in the fields of its
//! language so that each language gets its own analysis. No HTTP here.
//!
//! The index is derived data: it can always be rebuilt from SQL. Opening it
//! therefore never fails on a damaged, missing or outdated index: it starts
//! again empty and says so ([`SearchIndex::opened`]), and the caller refills it.

pub mod address;
pub mod analysis;
pub mod croatian;
pub mod query;
mod recent;
mod suggest;
pub mod words;

use std::collections::BTreeMap;
use std::fs::File;
use std::path::Path;
use std::sync::Mutex;

use serde::{Deserialize, Serialize};
use tantivy::schema::{
    FAST, Facet, FacetOptions, Field, IndexRecordOption, STORED, STRING, Schema, TextFieldIndexing,
    TextOptions,
};
use tantivy::{Index, IndexReader, IndexWriter, ReloadPolicy, TantivyDocument, Term};

use analysis::{ANY, LANGUAGES, analyser, analyser_key};

/// Changes whenever what is indexed changes (schema, analysers, what a
/// document holds): an index written by another version is rebuilt.
pub const INDEX_VERSION: u32 = 6;
const VERSION_FILE: &str = "archipel-index-version";
const LOCK_FILE: &str = "archipel-index.lock";

#[derive(Debug, thiserror::Error)]
pub enum SearchError {
    #[error("search index error: {0}")]
    Tantivy(#[from] tantivy::TantivyError),
    #[error("cannot open the search index folder: {0}")]
    Io(#[from] std::io::Error),
    #[error("cannot open the search index folder: {0}")]
    Open(#[from] tantivy::directory::error::OpenDirectoryError),
    #[error("the search index is in use by another process")]
    Busy,
}

/// A title and text in one language.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DocText {
    /// BCP 47 tag; decides the analyser.
    pub lang: String,
    pub title: String,
    pub body: String,
}

/// What is indexed about one thing.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SearchDoc {
    /// Unique across kinds, e.g. `partner:rete-civica-aperta`.
    pub id: String,
    /// `partner`, `course`, `lesson`, `resource`, `provider`.
    pub kind: String,
    /// Its texts, the original first; each is analysed in its own language.
    pub texts: Vec<DocText>,
    /// The labels of its topics in every language, so that a search in any
    /// language finds it through its topics.
    pub topics: String,
    /// Facet values as `group/value` (`kind/resource`, `topic/free-software`,
    /// `lang/fr`…); a topic's broader topics are listed too.
    pub facets: Vec<String>,
    /// Path of the thing's page, without language prefix (`/partners/rete`).
    pub path: String,
    /// When it was published, in microseconds since the Unix epoch (for
    /// sorting by date, as precise as the database's times; things without a
    /// date come last).
    pub date: Option<i64>,
}

impl SearchDoc {
    /// A document with one text.
    pub fn single(id: &str, kind: &str, lang: &str, title: &str, body: &str, path: &str) -> Self {
        SearchDoc {
            id: id.into(),
            kind: kind.into(),
            texts: vec![DocText {
                lang: lang.into(),
                title: title.into(),
                body: body.into(),
            }],
            topics: String::new(),
            facets: vec![format!("kind/{kind}"), format!("lang/{lang}")],
            path: path.into(),
            date: None,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Hit {
    pub id: String,
    pub kind: String,
    /// The language of the title and snippet shown: the reader's when the
    /// thing matched in it, else the language it matched in, else the original.
    pub lang: String,
    pub title: String,
    pub path: String,
    /// An HTML excerpt with the matched terms in `<b>`; the text is escaped.
    pub snippet_html: String,
    /// The relevance score; none when sorted by date.
    pub score: Option<f32>,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Results {
    pub total: usize,
    pub hits: Vec<Hit>,
    /// Counts per facet group, over every match: group → value → count.
    pub facets: BTreeMap<String, BTreeMap<String, u64>>,
    /// Whether matches for words close to the ones typed are included (the
    /// words as typed found fewer than [`query::FEW`]).
    #[serde(default)]
    pub fuzzy: bool,
    /// How many matched the words as typed.
    #[serde(default)]
    pub exact_total: usize,
    /// When the words typed were not found as written: the same query with
    /// each unknown word replaced by the closest indexed word ("did you mean").
    #[serde(default)]
    pub suggestion: Option<String>,
}

/// How results are ordered.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Sort {
    /// Best match first (BM25 with field boosts).
    #[default]
    Relevance,
    /// Most recently published or changed first.
    Newest,
}

/// A search: what was typed, in which interface language, with which facet
/// values chosen (`group/value`; values of one group are alternatives,
/// groups narrow each other).
#[derive(Debug, Clone, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Request {
    pub text: String,
    pub lang: String,
    pub filters: Vec<String>,
    pub limit: usize,
    pub offset: usize,
    pub sort: Sort,
    /// Search as you type: the last word, unless followed by a space, also
    /// matches the words it begins.
    pub prefix: bool,
}

/// Facet groups counted in results.
pub const FACET_GROUPS: [&str; 9] = [
    "kind", "type", "lang", "topic", "partner", "licence", "country", "level", "source",
];

#[derive(Clone, Copy)]
struct Fields {
    id: Field,
    kind: Field,
    /// `lang\ttitle` per text, stored.
    titles: Field,
    path: Field,
    facet: Field,
    topics: Field,
    /// Every text's words, folded but not stemmed: for typo tolerance,
    /// prefixes and suggestions.
    words: Field,
    date: Field,
}

/// How [`SearchIndex::open`] found the folder.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Opened {
    /// A sound index of this version: bring it up to date.
    Existing,
    /// There was no index: fill it.
    Created,
    /// The index was damaged or from another version (the reason): it was
    /// replaced by an empty one to fill.
    Replaced(String),
}

pub struct SearchIndex {
    index: Index,
    reader: IndexReader,
    writer: Mutex<IndexWriter>,
    fields: Fields,
    opened: Opened,
    /// Results of recent searches on the current generation.
    recent: recent::Recent,
    /// Held while open, so that two processes never write the same folder.
    _lock: Option<File>,
}

fn keys() -> impl Iterator<Item = &'static str> {
    LANGUAGES.iter().copied().chain(std::iter::once(ANY))
}

fn schema() -> Schema {
    let mut b = Schema::builder();
    b.add_text_field("id", STRING | STORED);
    b.add_text_field("kind", STRING | STORED);
    b.add_text_field("titles", STORED);
    b.add_text_field("path", STORED);
    b.add_facet_field("facet", FacetOptions::default());
    b.add_i64_field("date", FAST);
    // Topic labels in every language: folded and lower-cased, not stemmed
    // (they are short names in many languages at once).
    let unstemmed = |record| {
        TextOptions::default().set_indexing_options(
            TextFieldIndexing::default()
                .set_tokenizer(&format!("text_{ANY}"))
                .set_index_option(record),
        )
    };
    b.add_text_field(
        "topics",
        unstemmed(IndexRecordOption::WithFreqsAndPositions),
    );
    b.add_text_field("words", unstemmed(IndexRecordOption::WithFreqs));
    for key in keys() {
        let indexing = TextFieldIndexing::default()
            .set_tokenizer(&format!("text_{key}"))
            .set_index_option(IndexRecordOption::WithFreqsAndPositions);
        b.add_text_field(
            &format!("title_{key}"),
            TextOptions::default().set_indexing_options(indexing.clone()),
        );
        b.add_text_field(
            &format!("body_{key}"),
            TextOptions::default()
                .set_indexing_options(indexing)
                .set_stored(),
        );
    }
    b.build()
}

impl SearchIndex {
    /// Opens the index in `dir`. A missing index is created; one that is
    /// damaged (unreadable files, failed checksums) or written by another
    /// [`INDEX_VERSION`] is replaced by an empty one. [`opened`](Self::opened)
    /// says which, so that the caller can fill it from SQL. Fails with
    /// [`SearchError::Busy`] when another process has it open.
    pub fn open(dir: &Path) -> Result<Self, SearchError> {
        std::fs::create_dir_all(dir)?;
        let lock = File::options()
            .create(true)
            .truncate(false)
            .write(true)
            .open(dir.join(LOCK_FILE))?;
        match lock.try_lock() {
            Ok(()) => {}
            Err(std::fs::TryLockError::WouldBlock) => return Err(SearchError::Busy),
            Err(std::fs::TryLockError::Error(e)) => return Err(e.into()),
        }
        let version = std::fs::read_to_string(dir.join(VERSION_FILE)).ok();
        let opened = match version.as_deref().map(str::trim) {
            None if !dir.join("meta.json").exists() => Opened::Created,
            None => Opened::Replaced("the index has no version".into()),
            Some(v) if v != INDEX_VERSION.to_string() => Opened::Replaced(format!(
                "the index was written by version {v}, this is version {INDEX_VERSION}"
            )),
            Some(_) => match Self::open_existing(dir) {
                Ok(mut index) => {
                    index._lock = Some(lock);
                    return Ok(index);
                }
                Err(e) => Opened::Replaced(format!("the index is damaged: {e}")),
            },
        };
        // Start again: everything in the folder but the lock goes.
        for entry in std::fs::read_dir(dir)? {
            let entry = entry?;
            if entry.file_name() == LOCK_FILE {
                continue;
            }
            if entry.file_type()?.is_dir() {
                std::fs::remove_dir_all(entry.path())?;
            } else {
                std::fs::remove_file(entry.path())?;
            }
        }
        let mut index = Self::with_index(Index::create_in_dir(dir, schema())?, opened)?;
        std::fs::write(dir.join(VERSION_FILE), INDEX_VERSION.to_string())?;
        index._lock = Some(lock);
        Ok(index)
    }

    fn open_existing(dir: &Path) -> Result<Self, SearchError> {
        let index = Index::open_in_dir(dir)?;
        if index.schema() != schema() {
            return Err(tantivy::TantivyError::SchemaError("another schema".into()).into());
        }
        let damaged = index.validate_checksum()?;
        if let Some(file) = damaged.iter().next() {
            return Err(tantivy::TantivyError::InvalidArgument(format!(
                "{} fails its checksum",
                file.display()
            ))
            .into());
        }
        Self::with_index(index, Opened::Existing)
    }

    /// An index in memory, for tests and benchmarks.
    pub fn in_memory() -> Result<Self, SearchError> {
        Self::with_index(Index::create_in_ram(schema()), Opened::Created)
    }

    fn with_index(index: Index, opened: Opened) -> Result<Self, SearchError> {
        for key in keys() {
            index
                .tokenizers()
                .register(&format!("text_{key}"), analyser(key));
        }
        let s = index.schema();
        let field = |n: &str| s.get_field(n).expect("field of our own schema");
        let fields = Fields {
            id: field("id"),
            kind: field("kind"),
            titles: field("titles"),
            path: field("path"),
            facet: field("facet"),
            topics: field("topics"),
            words: field("words"),
            date: field("date"),
        };
        // Opening the reader opens every segment: a missing file fails here.
        let reader = index
            .reader_builder()
            .reload_policy(ReloadPolicy::Manual)
            .try_into()?;
        let writer = index.writer_with_num_threads(1, 20_000_000)?;
        Ok(Self {
            index,
            reader,
            writer: Mutex::new(writer),
            fields,
            opened,
            recent: recent::Recent::new(),
            _lock: None,
        })
    }

    /// How the folder was found when opening.
    pub fn opened(&self) -> &Opened {
        &self.opened
    }

    fn text_field(&self, prefix: &str, key: &str) -> Field {
        self.index
            .schema()
            .get_field(&format!("{prefix}_{key}"))
            .expect("field of our own schema")
    }

    /// Adds or replaces documents (by id). Visible after [`commit`](Self::commit).
    pub fn upsert(&self, docs: &[SearchDoc]) -> Result<(), SearchError> {
        let writer = self.writer.lock().expect("index writer lock");
        let f = self.fields;
        for d in docs {
            writer.delete_term(Term::from_field_text(f.id, &d.id));
            let mut doc = TantivyDocument::default();
            doc.add_text(f.id, &d.id);
            doc.add_text(f.kind, &d.kind);
            doc.add_text(f.path, &d.path);
            doc.add_text(f.topics, &d.topics);
            if let Some(date) = d.date {
                doc.add_i64(f.date, date);
            }
            for t in &d.texts {
                let key = analyser_key(&t.lang);
                doc.add_text(f.titles, format!("{}\t{}", t.lang, t.title));
                doc.add_text(self.text_field("title", key), &t.title);
                doc.add_text(self.text_field("body", key), &t.body);
                doc.add_text(f.words, &t.title);
                doc.add_text(f.words, &t.body);
            }
            for value in &d.facets {
                if let Some(facet) = facet_of(value) {
                    doc.add_facet(f.facet, facet);
                }
            }
            writer.add_document(doc)?;
        }
        Ok(())
    }

    /// Replaces every document of `kinds` by `docs` (things indexed from the
    /// content folder rather than one by one). Visible after a commit.
    pub fn replace_kinds(&self, kinds: &[&str], docs: &[SearchDoc]) -> Result<(), SearchError> {
        {
            let writer = self.writer.lock().expect("index writer lock");
            for kind in kinds {
                writer.delete_term(Term::from_field_text(self.fields.kind, kind));
            }
        }
        self.upsert(docs)
    }

    /// Removes every document carrying the facet value `group/value` (the
    /// entries of a harvest source, `source/3`). Visible after a commit.
    pub fn delete_facet(&self, value: &str) {
        if let Some(facet) = facet_of(value) {
            let writer = self.writer.lock().expect("index writer lock");
            writer.delete_term(Term::from_facet(self.fields.facet, &facet));
        }
    }

    /// Replaces every document carrying the facet value `group/value` by
    /// `docs`. Visible after a commit.
    pub fn replace_facet(&self, value: &str, docs: &[SearchDoc]) -> Result<(), SearchError> {
        self.delete_facet(value);
        self.upsert(docs)
    }

    pub fn delete(&self, id: &str) {
        let writer = self.writer.lock().expect("index writer lock");
        writer.delete_term(Term::from_field_text(self.fields.id, id));
    }

    /// Removes every document (before a rebuild). Visible after a commit;
    /// documents added after it are kept. (A delete of everything, ordered
    /// like any other operation: `delete_all_documents` rewinds the
    /// operation stamps, and documents added after it could then be lost
    /// to deletes queued before it.)
    pub fn clear(&self) -> Result<(), SearchError> {
        self.writer
            .lock()
            .expect("index writer lock")
            .delete_query(Box::new(tantivy::query::AllQuery))?;
        Ok(())
    }

    /// Makes the changes so far durable and visible to searches.
    pub fn commit(&self) -> Result<(), SearchError> {
        self.writer.lock().expect("index writer lock").commit()?;
        self.reader.reload()?;
        Ok(())
    }

    /// Merges every segment into one (after a rebuild: fewer segments make
    /// faster searches), then drops the files no longer used.
    pub fn compact(&self) -> Result<(), SearchError> {
        // A merge the writer started on its own may hold some segments; it
        // then refuses ours until that one is done, so try again a while.
        for _ in 0..100 {
            let ids = self.index.searchable_segment_ids()?;
            if ids.len() <= 1 {
                break;
            }
            let merged = self
                .writer
                .lock()
                .expect("index writer lock")
                .merge(&ids)
                .wait();
            if merged.is_ok() {
                break;
            }
            std::thread::sleep(std::time::Duration::from_millis(100));
        }
        self.writer
            .lock()
            .expect("index writer lock")
            .garbage_collect_files()
            .wait()?;
        self.reader.reload()?;
        Ok(())
    }

    pub fn num_docs(&self) -> u64 {
        self.reader.searcher().num_docs()
    }

    /// How many segments searches go through.
    pub fn segments(&self) -> usize {
        self.reader.searcher().segment_readers().len()
    }
}

/// The facet of a `group/value` string.
fn facet_of(value: &str) -> Option<Facet> {
    let (group, rest) = value.split_once('/')?;
    (!group.is_empty() && !rest.is_empty()).then(|| Facet::from_path([group, rest]))
}

fn escape(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

#[cfg(test)]
mod tests;
