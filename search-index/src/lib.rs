//! Archipel's full-text index (tantivy): one document per searchable thing
//! (partner, course, lesson, resource, provider), its text in the fields of its
//! language so that each language gets its own analysis. No HTTP here.
//!
//! The index is derived data: it can always be rebuilt from SQL.

pub mod analysis;

use std::path::Path;
use std::sync::Mutex;

use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

use tantivy::collector::{Count, FacetCollector, TopDocs};
use tantivy::query::{
    AllQuery, BooleanQuery, FuzzyTermQuery, Occur, Query, QueryParser, TermQuery,
};
use tantivy::schema::{
    Facet, FacetOptions, Field, IndexRecordOption, STORED, STRING, Schema, TextFieldIndexing,
    TextOptions, Value,
};
use tantivy::snippet::SnippetGenerator;
use tantivy::{Index, IndexReader, IndexWriter, ReloadPolicy, TantivyDocument, Term};

use analysis::{ANY, LANGUAGES, analyser, analyser_key};

#[derive(Debug, thiserror::Error)]
pub enum SearchError {
    #[error("search index error: {0}")]
    Tantivy(#[from] tantivy::TantivyError),
    #[error("cannot open the search index folder: {0}")]
    Io(#[from] std::io::Error),
    #[error("cannot open the search index folder: {0}")]
    Open(#[from] tantivy::directory::error::OpenDirectoryError),
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
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Hit {
    pub id: String,
    pub kind: String,
    /// The language of the title and snippet shown (the reader's when the
    /// thing has a text in it).
    pub lang: String,
    pub title: String,
    pub path: String,
    /// An HTML excerpt with the matched terms in `<b>`; the text is escaped.
    pub snippet_html: String,
    pub score: f32,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Results {
    pub total: usize,
    pub hits: Vec<Hit>,
    /// Counts per facet group, over every match: group → value → count.
    pub facets: BTreeMap<String, BTreeMap<String, u64>>,
    /// Whether these are matches for words close to the ones typed (the
    /// exact words found nothing).
    #[serde(default)]
    pub fuzzy: bool,
}

/// A search: what was typed, in which interface language, with which facet
/// values chosen (`group/value`; values of one group are alternatives,
/// groups narrow each other).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Request {
    pub text: String,
    pub lang: String,
    pub filters: Vec<String>,
    pub limit: usize,
    pub offset: usize,
}

/// Facet groups counted in results.
pub const FACET_GROUPS: [&str; 8] = [
    "kind", "type", "lang", "topic", "partner", "licence", "country", "level",
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
    /// Every text's words, folded but not stemmed: for typo tolerance.
    words: Field,
}

pub struct SearchIndex {
    index: Index,
    reader: IndexReader,
    writer: Mutex<IndexWriter>,
    fields: Fields,
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
    // Topic labels in every language: folded and lower-cased, not stemmed
    // (they are short names in many languages at once).
    b.add_text_field(
        "topics",
        TextOptions::default().set_indexing_options(
            TextFieldIndexing::default()
                .set_tokenizer(&format!("text_{ANY}"))
                .set_index_option(IndexRecordOption::WithFreqsAndPositions),
        ),
    );
    b.add_text_field(
        "words",
        TextOptions::default().set_indexing_options(
            TextFieldIndexing::default()
                .set_tokenizer(&format!("text_{ANY}"))
                .set_index_option(IndexRecordOption::WithFreqs),
        ),
    );
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
    /// Opens the index in `dir`, creating it when the folder is empty. An index
    /// written with another schema is rebuilt empty (it is derived data).
    pub fn open(dir: &Path) -> Result<Self, SearchError> {
        std::fs::create_dir_all(dir)?;
        let schema = schema();
        let index = match Index::open_in_dir(dir) {
            Ok(index) if index.schema() == schema => index,
            Ok(_) => {
                for entry in std::fs::read_dir(dir)? {
                    let p = entry?.path();
                    if p.is_file() {
                        std::fs::remove_file(p)?;
                    }
                }
                Index::create_in_dir(dir, schema)?
            }
            Err(_) => Index::create_in_dir(dir, schema)?,
        };
        Self::with_index(index)
    }

    /// An index in memory, for tests and benchmarks.
    pub fn in_memory() -> Result<Self, SearchError> {
        Self::with_index(Index::create_in_ram(schema()))
    }

    fn with_index(index: Index) -> Result<Self, SearchError> {
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
        };
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
        })
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

    pub fn delete(&self, id: &str) {
        let writer = self.writer.lock().expect("index writer lock");
        writer.delete_term(Term::from_field_text(self.fields.id, id));
    }

    /// Removes every document (before a rebuild).
    pub fn clear(&self) -> Result<(), SearchError> {
        self.writer
            .lock()
            .expect("index writer lock")
            .delete_all_documents()?;
        Ok(())
    }

    /// Makes the changes so far durable and visible to searches.
    pub fn commit(&self) -> Result<(), SearchError> {
        self.writer.lock().expect("index writer lock").commit()?;
        self.reader.reload()?;
        Ok(())
    }

    pub fn num_docs(&self) -> u64 {
        self.reader.searcher().num_docs()
    }

    /// The best `limit` matches for what someone typed, in every language.
    /// Any input is accepted: query syntax errors are forgiven, not reported.
    pub fn search(&self, query: &str, limit: usize, offset: usize) -> Result<Results, SearchError> {
        self.find(&Request {
            text: query.to_string(),
            limit,
            offset,
            ..Request::default()
        })
    }

    /// A search with facet filters, counting every facet value over all
    /// matches. An empty text matches everything (browsing by facets).
    pub fn find(&self, req: &Request) -> Result<Results, SearchError> {
        let exact = self.run(req, self.text_query(&req.text))?;
        // Phrases and exclusions are taken as written.
        let plain = !req.text.contains('"')
            && !req.text.trim().is_empty()
            && !req.text.split_whitespace().any(|w| w.starts_with('-'));
        if exact.total == 0
            && plain
            && let Some(query) = self.fuzzy_query(&req.text)
        {
            let mut near = self.run(req, query)?;
            if near.total > exact.total {
                near.fuzzy = true;
                return Ok(near);
            }
        }
        Ok(exact)
    }

    /// What was typed as a query over every language's fields and topics.
    fn text_query(&self, text: &str) -> Box<dyn Query> {
        let f = self.fields;
        let mut fields = Vec::new();
        for key in keys() {
            fields.push(self.text_field("title", key));
            fields.push(self.text_field("body", key));
        }
        fields.push(f.topics);
        let mut parser = QueryParser::for_index(&self.index, fields);
        for key in keys() {
            parser.set_field_boost(self.text_field("title", key), 3.0);
        }
        parser.set_field_boost(f.topics, 2.0);
        if text.trim().is_empty() {
            Box::new(AllQuery)
        } else {
            parser.parse_query_lenient(text).0
        }
    }

    /// Words within one edit (five letters or more) or two (nine or more)
    /// of those typed, compared unstemmed so that a typo near a suffix counts
    /// like any other.
    fn fuzzy_query(&self, text: &str) -> Option<Box<dyn Query>> {
        let mut analyser = self.index.tokenizers().get(&format!("text_{ANY}"))?;
        let mut clauses: Vec<(Occur, Box<dyn Query>)> = Vec::new();
        let mut stream = analyser.token_stream(text);
        while stream.advance() {
            let token = stream.token().text.clone();
            let distance = match token.chars().count() {
                n if n >= 9 => 2,
                n if n >= 5 => 1,
                _ => continue,
            };
            let term = Term::from_field_text(self.fields.words, &token);
            let q: Box<dyn Query> = Box::new(FuzzyTermQuery::new(term, distance, true));
            clauses.push((Occur::Should, q));
        }
        (!clauses.is_empty()).then(|| Box::new(BooleanQuery::new(clauses)) as Box<dyn Query>)
    }

    fn run(&self, req: &Request, text_query: Box<dyn Query>) -> Result<Results, SearchError> {
        let searcher = self.reader.searcher();
        let f = self.fields;
        // Values of one group are alternatives; groups narrow each other.
        let mut groups: BTreeMap<&str, Vec<Facet>> = BTreeMap::new();
        for value in &req.filters {
            if let (Some((group, _)), Some(facet)) = (value.split_once('/'), facet_of(value)) {
                groups.entry(group).or_default().push(facet);
            }
        }
        let mut clauses: Vec<(Occur, Box<dyn Query>)> = vec![(Occur::Must, text_query.box_clone())];
        for facets in groups.into_values() {
            let alternatives: Vec<(Occur, Box<dyn Query>)> = facets
                .iter()
                .map(|facet| {
                    let q: Box<dyn Query> = Box::new(TermQuery::new(
                        Term::from_facet(f.facet, facet),
                        IndexRecordOption::Basic,
                    ));
                    (Occur::Should, q)
                })
                .collect();
            clauses.push((Occur::Must, Box::new(BooleanQuery::new(alternatives))));
        }
        let query = BooleanQuery::new(clauses);
        let mut counter = FacetCollector::for_field("facet");
        for group in FACET_GROUPS {
            counter.add_facet(Facet::from_path([group]));
        }
        let (total, top, counts) = searcher.search(
            &query,
            &(
                Count,
                TopDocs::with_limit(req.limit.max(1))
                    .and_offset(req.offset)
                    .order_by_score(),
                counter,
            ),
        )?;
        let mut facets = BTreeMap::new();
        for group in FACET_GROUPS {
            let values: BTreeMap<String, u64> = counts
                .get(&format!("/{group}"))
                .filter_map(|(facet, n)| {
                    let path = facet.to_path();
                    path.last().map(|v| (v.to_string(), n))
                })
                .collect();
            if !values.is_empty() {
                facets.insert(group.to_string(), values);
            }
        }
        let wanted = analyser_key(&req.lang);
        let mut generators: BTreeMap<Field, SnippetGenerator> = BTreeMap::new();
        let mut hits = Vec::with_capacity(top.len());
        for (score, address) in top {
            let doc: TantivyDocument = searcher.doc(address)?;
            let text = |field: Field| {
                doc.get_first(field)
                    .and_then(|v| v.as_str())
                    .unwrap_or_default()
                    .to_string()
            };
            let titles: Vec<(String, String)> = doc
                .get_all(f.titles)
                .filter_map(|v| v.as_str())
                .filter_map(|v| v.split_once('\t'))
                .map(|(l, t)| (l.to_string(), t.to_string()))
                .collect();
            let (lang, title) = titles
                .iter()
                .find(|(l, _)| analyser_key(l) == wanted && !req.lang.is_empty())
                .or(titles.first())
                .cloned()
                .unwrap_or_default();
            let body_field = self.text_field("body", analyser_key(&lang));
            // One generator per language field and search: making one reads
            // the statistics of every query term.
            let generator = match generators.entry(body_field) {
                std::collections::btree_map::Entry::Occupied(e) => e.into_mut(),
                std::collections::btree_map::Entry::Vacant(e) => {
                    let mut g = SnippetGenerator::create(&searcher, &*text_query, body_field)?;
                    g.set_max_num_chars(200);
                    e.insert(g)
                }
            };
            let snippet = generator.snippet_from_doc(&doc);
            let snippet_html = if snippet.fragment().is_empty() {
                let body = text(body_field);
                escape(&body.chars().take(200).collect::<String>())
            } else {
                snippet.to_html()
            };
            hits.push(Hit {
                id: text(f.id),
                kind: text(f.kind),
                lang,
                title,
                path: text(f.path),
                snippet_html,
                score,
            });
        }
        Ok(Results {
            total,
            hits,
            facets,
            fuzzy: false,
        })
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
