//! Searching: what was typed becomes a query over every language's fields,
//! facet values filter it, and the best matches come back with their facet
//! counts and a snippet in the language they matched in.

use std::collections::BTreeMap;
use std::collections::btree_map::Entry;
use std::ops::Range;

use tantivy::collector::{Count, FacetCollector, TopDocs};
use tantivy::query::{
    AllQuery, BooleanQuery, BoostQuery, FuzzyTermQuery, Occur, Query, QueryParser, TermQuery,
};
use tantivy::schema::{Facet, Field, IndexRecordOption, Value};
use tantivy::snippet::{Snippet, SnippetGenerator};
use tantivy::{DocAddress, Order, Searcher, TantivyDocument, Term};

use crate::analysis::{ANY, analyser_key};
use crate::words::query_syntax;
use crate::{
    FACET_GROUPS, Hit, Request, Results, SearchError, SearchIndex, Sort, escape, facet_of, keys,
};

/// Below this many matches for the words as typed, close words are tried too.
pub const FEW: usize = 3;

impl SearchIndex {
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
    ///
    /// When the words as typed find fewer than [`FEW`] things, words close
    /// to them are looked up too (the exact matches still rank first), and
    /// when they find nothing, each unknown word gets a suggestion.
    /// Searches; the same request on an unchanged index is answered from
    /// the results of recent searches.
    pub fn find(&self, req: &Request) -> Result<Results, SearchError> {
        let generation = self.reader.searcher().generation().generation_id();
        if let Some(kept) = self.recent.get(generation, req) {
            return Ok((*kept).clone());
        }
        let found = self.find_now(req)?;
        self.recent
            .put(generation, req, std::sync::Arc::new(found.clone()));
        Ok(found)
    }

    fn find_now(&self, req: &Request) -> Result<Results, SearchError> {
        let mut exact = self.run(req, self.text_query(&req.text, req.prefix))?;
        exact.exact_total = exact.total;
        if exact.total >= FEW || req.text.trim().is_empty() {
            return Ok(exact);
        }
        if exact.total == 0 {
            exact.suggestion = self.suggest(&req.text);
        }
        // Phrases and exclusions are taken as written.
        let plain =
            !req.text.contains('"') && !req.text.split_whitespace().any(|w| w.starts_with('-'));
        if plain && let Some(close) = self.fuzzy_query(&req.text) {
            let exact_first: Box<dyn Query> = Box::new(BoostQuery::new(
                self.text_query(&req.text, req.prefix),
                10.0,
            ));
            let either =
                BooleanQuery::new(vec![(Occur::Should, exact_first), (Occur::Should, close)]);
            let mut near = self.run(req, Box::new(either))?;
            if near.total > exact.total {
                near.fuzzy = true;
                near.exact_total = exact.total;
                near.suggestion = exact.suggestion;
                return Ok(near);
            }
        }
        Ok(exact)
    }

    /// What was typed as a query over every language's fields and topics.
    fn text_query(&self, text: &str, prefix: bool) -> Box<dyn Query> {
        if text.trim().is_empty() {
            return Box::new(AllQuery);
        }
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
        // Apostrophes inside words are words' (l'association), not quotes.
        let parse = |text: &str| parser.parse_query_lenient(&query_syntax(text)).0;
        match prefix.then(|| self.typing(text)).flatten() {
            Some(typing) => {
                // The last word as typed, or any word it begins.
                let last_word: Box<dyn Query> = Box::new(BooleanQuery::new(vec![
                    (Occur::Should, parse(typing.last)),
                    (Occur::Should, typing.begins),
                ]));
                if typing.head.trim().is_empty() {
                    last_word
                } else {
                    Box::new(BooleanQuery::new(vec![
                        (Occur::Should, parse(typing.head)),
                        (Occur::Must, last_word),
                    ]))
                }
            }
            None => parse(text),
        }
    }

    /// For search as you type: the text split before its last word, with a
    /// query for the words that one begins. None when the text ends with a
    /// space or the last word is a phrase, an exclusion or one letter (an
    /// elided article before it does not count: `l'as` begins `as`).
    fn typing<'t>(&self, text: &'t str) -> Option<Typing<'t>> {
        if text.ends_with(char::is_whitespace) {
            return None;
        }
        let start = text.rfind(char::is_whitespace).map_or(0, |i| i + 1);
        let (head, last) = text.split_at(start);
        if last.starts_with(['-', '\'']) || last.contains('"') || head.matches('"').count() % 2 == 1
        {
            return None;
        }
        let folded = self.words_of(last).pop()?;
        if folded.chars().count() < 2 {
            return None;
        }
        let term = Term::from_field_text(self.fields.words, &folded);
        let begins: Box<dyn Query> = Box::new(FuzzyTermQuery::new_prefix(term, 0, false));
        Some(Typing { head, last, begins })
    }

    /// `text` lower-cased, folded and split as the unstemmed fields are.
    pub(crate) fn words_of(&self, text: &str) -> Vec<String> {
        self.word_spans(text).into_iter().map(|(w, _)| w).collect()
    }

    /// The words of `text` as in [`words_of`](Self::words_of), each with
    /// the bytes of `text` it was read from (without an elided article or
    /// a possessive ending).
    pub(crate) fn word_spans(&self, text: &str) -> Vec<(String, Range<usize>)> {
        let Some(mut analyser) = self.index.tokenizers().get(&format!("text_{ANY}")) else {
            return Vec::new();
        };
        let mut stream = analyser.token_stream(text);
        let mut words = Vec::new();
        while stream.advance() {
            let t = stream.token();
            words.push((t.text.clone(), t.offset_from..t.offset_to));
        }
        words
    }

    /// Words within one edit (five letters or more) or two (nine or more)
    /// of those typed, compared unstemmed so that a typo near a suffix counts
    /// like any other.
    fn fuzzy_query(&self, text: &str) -> Option<Box<dyn Query>> {
        let clauses: Vec<(Occur, Box<dyn Query>)> = self
            .words_of(text)
            .into_iter()
            .filter_map(|word| {
                let distance = match word.chars().count() {
                    n if n >= 9 => 2,
                    n if n >= 5 => 1,
                    _ => return None,
                };
                let term = Term::from_field_text(self.fields.words, &word);
                let q: Box<dyn Query> = Box::new(FuzzyTermQuery::new(term, distance, true));
                Some((Occur::Should, q))
            })
            .collect();
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
                        tantivy::Term::from_facet(f.facet, facet),
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
        let top = TopDocs::with_limit(req.limit.max(1)).and_offset(req.offset);
        let (total, top, counts): (usize, Vec<(Option<f32>, DocAddress)>, _) = match req.sort {
            Sort::Relevance => {
                let (total, top, counts) =
                    searcher.search(&query, &(Count, top.order_by_score(), counter))?;
                let top = top.into_iter().map(|(s, a)| (Some(s), a)).collect();
                (total, top, counts)
            }
            Sort::Newest => {
                let by_date = top.order_by_fast_field::<i64>("date", Order::Desc);
                let (total, top, counts) = searcher.search(&query, &(Count, by_date, counter))?;
                let top = top.into_iter().map(|(_, a)| (None, a)).collect();
                (total, top, counts)
            }
        };
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
        let mut snippets = Snippets {
            searcher: &searcher,
            query: &*text_query,
            generators: BTreeMap::new(),
        };
        let mut hits = Vec::with_capacity(top.len());
        for (score, address) in top {
            let doc: TantivyDocument = searcher.doc(address)?;
            hits.push(self.hit(&doc, score, &req.lang, &mut snippets)?);
        }
        Ok(Results {
            total,
            hits,
            facets,
            ..Results::default()
        })
    }

    /// A result as shown: the text in the reader's language when the thing
    /// matched in it (or only through its topics), else the first text that
    /// matched, with a snippet of that text.
    fn hit(
        &self,
        doc: &TantivyDocument,
        score: Option<f32>,
        reader_lang: &str,
        snippets: &mut Snippets,
    ) -> Result<Hit, SearchError> {
        let f = self.fields;
        let text = |field: Field| {
            doc.get_first(field)
                .and_then(|v| v.as_str())
                .unwrap_or_default()
                .to_string()
        };
        let mut titles: Vec<(String, String)> = doc
            .get_all(f.titles)
            .filter_map(|v| v.as_str())
            .filter_map(|v| v.split_once('\t'))
            .map(|(l, t)| (l.to_string(), t.to_string()))
            .collect();
        let wanted = analyser_key(reader_lang);
        if let Some(i) = titles
            .iter()
            .position(|(l, _)| !reader_lang.is_empty() && analyser_key(l) == wanted)
        {
            let mine = titles.remove(i);
            titles.insert(0, mine);
        }
        let mut chosen = None;
        for (lang, title) in &titles {
            let key = analyser_key(lang);
            let snippet = snippets.of(self.text_field("body", key), doc)?;
            let in_title = snippets.of_text(self.text_field("title", key), title)?;
            if !snippet.highlighted().is_empty() || !in_title.highlighted().is_empty() {
                let html = if snippet.fragment().is_empty() {
                    let body = text(self.text_field("body", key));
                    escape(&body.chars().take(200).collect::<String>())
                } else {
                    snippet.to_html()
                };
                chosen = Some((lang.clone(), title.clone(), html));
                break;
            }
        }
        let (lang, title, snippet_html) = match chosen {
            Some(c) => c,
            None => {
                let (lang, title) = titles.first().cloned().unwrap_or_default();
                let body = text(self.text_field("body", analyser_key(&lang)));
                let start = escape(&body.chars().take(200).collect::<String>());
                (lang, title, start)
            }
        };
        Ok(Hit {
            id: text(f.id),
            kind: text(f.kind),
            lang,
            title,
            path: text(f.path),
            snippet_html,
            score,
        })
    }
}

/// A text being typed: the words before the last, the last one, and a query
/// for the indexed words it begins.
struct Typing<'t> {
    head: &'t str,
    last: &'t str,
    begins: Box<dyn Query>,
}

/// Snippet generators of one search, one per language field: making one
/// reads the statistics of every query term, so each is made once.
struct Snippets<'a> {
    searcher: &'a Searcher,
    query: &'a dyn Query,
    generators: BTreeMap<Field, SnippetGenerator>,
}

impl Snippets<'_> {
    fn generator(&mut self, field: Field) -> Result<&SnippetGenerator, SearchError> {
        Ok(match self.generators.entry(field) {
            Entry::Occupied(e) => e.into_mut(),
            Entry::Vacant(e) => {
                let mut g = SnippetGenerator::create(self.searcher, self.query, field)?;
                g.set_max_num_chars(200);
                e.insert(g)
            }
        })
    }

    /// An excerpt of the document's stored text in `field`.
    fn of(&mut self, field: Field, doc: &TantivyDocument) -> Result<Snippet, SearchError> {
        Ok(self.generator(field)?.snippet_from_doc(doc))
    }

    /// The matches of `field`'s query terms in `text` (a title, not stored
    /// in its field).
    fn of_text(&mut self, field: Field, text: &str) -> Result<Snippet, SearchError> {
        Ok(self.generator(field)?.snippet(text))
    }
}
