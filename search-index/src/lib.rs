//! Archipel's full-text index (tantivy): one document per searchable thing
//! (partner, course, lesson, resource, provider), its text in the fields of its
//! language so that each language gets its own analysis. No HTTP here.
//!
//! The index is derived data: it can always be rebuilt from SQL.

pub mod analysis;

use std::path::Path;
use std::sync::Mutex;

use serde::{Deserialize, Serialize};
use tantivy::collector::{Count, TopDocs};
use tantivy::query::QueryParser;
use tantivy::schema::{
    Field, IndexRecordOption, STORED, STRING, Schema, TextFieldIndexing, TextOptions, Value,
};
use tantivy::snippet::SnippetGenerator;
use tantivy::{Index, IndexReader, IndexWriter, ReloadPolicy, TantivyDocument, Term, doc};

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

/// What is indexed about one thing.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SearchDoc {
    /// Unique across kinds, e.g. `partner:rete-civica-aperta`.
    pub id: String,
    /// `partner`, `course`, `lesson`, `resource`, `provider`.
    pub kind: String,
    /// BCP 47 tag of the text.
    pub lang: String,
    pub title: String,
    pub body: String,
    /// Path of the thing's page, without language prefix (`/partners/rete`).
    pub path: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Hit {
    pub id: String,
    pub kind: String,
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
}

#[derive(Clone, Copy)]
struct Fields {
    id: Field,
    kind: Field,
    lang: Field,
    title: Field,
    path: Field,
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
    b.add_text_field("lang", STRING | STORED);
    b.add_text_field("title", STORED);
    b.add_text_field("path", STORED);
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
            lang: field("lang"),
            title: field("title"),
            path: field("path"),
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
        for d in docs {
            writer.delete_term(Term::from_field_text(self.fields.id, &d.id));
            let key = analyser_key(&d.lang);
            let f = self.fields;
            writer.add_document(doc!(
                f.id => d.id.as_str(),
                f.kind => d.kind.as_str(),
                f.lang => d.lang.as_str(),
                f.title => d.title.as_str(),
                f.path => d.path.as_str(),
                self.text_field("title", key) => d.title.as_str(),
                self.text_field("body", key) => d.body.as_str(),
            ))?;
        }
        Ok(())
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
        let searcher = self.reader.searcher();
        let mut fields = Vec::new();
        for key in keys() {
            fields.push(self.text_field("title", key));
            fields.push(self.text_field("body", key));
        }
        let mut parser = QueryParser::for_index(&self.index, fields);
        for key in keys() {
            parser.set_field_boost(self.text_field("title", key), 3.0);
        }
        let (query, _errors) = parser.parse_query_lenient(query);
        let (total, top) = searcher.search(
            &query,
            &(
                Count,
                TopDocs::with_limit(limit.max(1))
                    .and_offset(offset)
                    .order_by_score(),
            ),
        )?;
        let mut hits = Vec::with_capacity(top.len());
        for (score, address) in top {
            let doc: TantivyDocument = searcher.doc(address)?;
            let text = |f: Field| {
                doc.get_first(f)
                    .and_then(|v| v.as_str())
                    .unwrap_or_default()
                    .to_string()
            };
            let lang = text(self.fields.lang);
            let body_field = self.text_field("body", analyser_key(&lang));
            let mut generator = SnippetGenerator::create(&searcher, &*query, body_field)?;
            generator.set_max_num_chars(200);
            let snippet = generator.snippet_from_doc(&doc);
            let snippet_html = if snippet.fragment().is_empty() {
                let body = text(body_field);
                escape(&body.chars().take(200).collect::<String>())
            } else {
                snippet.to_html()
            };
            hits.push(Hit {
                id: text(self.fields.id),
                kind: text(self.fields.kind),
                lang,
                title: text(self.fields.title),
                path: text(self.fields.path),
                snippet_html,
                score,
            });
        }
        Ok(Results { total, hits })
    }
}

fn escape(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn doc(id: &str, lang: &str, title: &str, body: &str) -> SearchDoc {
        SearchDoc {
            id: id.into(),
            kind: "partner".into(),
            lang: lang.into(),
            title: title.into(),
            body: body.into(),
            path: format!("/partners/{id}"),
        }
    }

    fn index() -> SearchIndex {
        let idx = SearchIndex::in_memory().unwrap();
        idx.upsert(&[
            doc(
                "a",
                "fr",
                "Les Tisserands du Libre",
                "Association d'éducation populaire au numérique libre.",
            ),
            doc(
                "b",
                "it",
                "Rete Civica Aperta",
                "Formazione dell'educazione digitale per le associazioni.",
            ),
            doc(
                "c",
                "hr",
                "Udruga Otvoreni Kod",
                "Udruge za otvoreni kod i obrazovanje.",
            ),
            doc(
                "d",
                "de",
                "Bürgerbildung Digital",
                "Bildung für Vereine und Initiativen.",
            ),
        ])
        .unwrap();
        idx.commit().unwrap();
        idx
    }

    #[test]
    fn finds_across_languages_with_stemming_and_folding() {
        let idx = index();
        assert_eq!(idx.num_docs(), 4);
        let ids = |q: &str| {
            idx.search(q, 10, 0)
                .unwrap()
                .hits
                .into_iter()
                .map(|h| h.id)
                .collect::<Vec<_>>()
        };
        assert_eq!(
            ids("education"),
            ["a"],
            "accent folding and French stemming"
        );
        assert_eq!(ids("educazione"), ["b"], "Italian elision dell'");
        assert_eq!(ids("udrugama"), ["c"], "Croatian light stemming");
        assert_eq!(ids("Verein"), ["d"], "German stemming");
        assert!(ids("zzzz").is_empty());
    }

    #[test]
    fn titles_rank_first_and_snippets_are_escaped_html() {
        let idx = SearchIndex::in_memory().unwrap();
        idx.upsert(&[
            doc("x", "en", "Hosting guide", "About <b>servers</b>."),
            doc("y", "en", "Other", "A hosting guide inside."),
        ])
        .unwrap();
        idx.commit().unwrap();
        let r = idx.search("hosting", 10, 0).unwrap();
        assert_eq!(r.total, 2);
        assert_eq!(r.hits[0].id, "x");
        assert!(
            r.hits[1].snippet_html.contains("<b>hosting</b>"),
            "{}",
            r.hits[1].snippet_html
        );
        let r = idx.search("servers", 10, 0).unwrap();
        assert!(
            r.hits[0].snippet_html.contains("&lt;b&gt;"),
            "{}",
            r.hits[0].snippet_html
        );
    }

    #[test]
    fn upsert_replaces_delete_removes_and_bad_syntax_is_forgiven() {
        let idx = index();
        idx.upsert(&[doc("a", "fr", "Les Tisserands", "Atelier de couture")])
            .unwrap();
        idx.commit().unwrap();
        assert_eq!(idx.num_docs(), 4);
        assert_eq!(idx.search("couture", 10, 0).unwrap().total, 1);
        assert_eq!(idx.search("education", 10, 0).unwrap().total, 0);
        idx.delete("a");
        idx.commit().unwrap();
        assert_eq!(idx.num_docs(), 3);
        assert!(idx.search("title:(( AND \"", 10, 0).is_ok());
    }

    #[test]
    fn an_index_on_disk_survives_reopening() {
        let dir = tempfile::tempdir().unwrap();
        {
            let idx = SearchIndex::open(dir.path()).unwrap();
            idx.upsert(&[doc("a", "fr", "Titre", "Texte")]).unwrap();
            idx.commit().unwrap();
        }
        let idx = SearchIndex::open(dir.path()).unwrap();
        assert_eq!(idx.num_docs(), 1);
    }
}
