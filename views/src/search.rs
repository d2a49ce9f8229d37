//! The search page's view: hits, pages and the facet groups, each value
//! named in the reader's language with the address that toggles it.

use std::collections::BTreeMap;

use app::page::{FacetGroupView, FacetValueView, SearchHit, SearchResults};
use i18n::Lang;
use search_index::address::{Asked, href};
use store::{Db, StoreError, concepts, harvest, library, organisations};

/// Results per page.
pub const PER_PAGE: usize = 20;

/// The page of results for what was `asked`, read by someone in `lang`
/// (a hit in another language says so).
pub fn results(
    found: search_index::Results,
    asked: &Asked,
    labels: &Labels,
    lang: &str,
) -> SearchResults {
    let hits = found
        .hits
        .into_iter()
        .map(|h| SearchHit {
            lang: (h.lang.split('-').next() != Some(lang)).then_some(h.lang),
            kind: h.kind,
            title: h.title,
            path: h.path,
            snippet_html: h.snippet_html,
        })
        .collect();
    let facets = facet_views(&found.facets, asked, labels, &search_index::FACET_GROUPS);
    let pages = found.total.div_ceil(PER_PAGE).max(1);
    let page = asked.page.min(pages);
    let at = |page| href(&asked.text, &asked.filters, asked.sort, page);
    SearchResults {
        total: found.total,
        hits,
        facets,
        page,
        pages,
        prev: (page > 1).then(|| at(page - 1)),
        next: (page < pages).then(|| at(page + 1)),
        fuzzy: found.fuzzy,
        exact_total: found.exact_total,
        suggestion: found.suggestion.map(|text| {
            let to = href(&text, &asked.filters, asked.sort, 1);
            (text, to)
        }),
        unfiltered: (found.total == 0 && !asked.filters.is_empty())
            .then(|| href(&asked.text, &[], asked.sort, 1)),
    }
}

/// The facet groups of some results, each value with the address that
/// toggles it, most frequent first.
pub fn facet_views(
    counts: &BTreeMap<String, BTreeMap<String, u64>>,
    asked: &Asked,
    labels: &Labels,
    groups: &[&str],
) -> Vec<FacetGroupView> {
    groups
        .iter()
        .filter_map(|group| {
            let counts = counts.get(*group)?;
            let mut values: Vec<FacetValueView> = counts
                .iter()
                .map(|(value, count)| {
                    let key = format!("{group}/{value}");
                    let chosen = asked.filters.contains(&key);
                    let toggled: Vec<String> = if chosen {
                        asked
                            .filters
                            .iter()
                            .filter(|f| **f != key)
                            .cloned()
                            .collect()
                    } else {
                        asked.filters.iter().cloned().chain([key.clone()]).collect()
                    };
                    FacetValueView {
                        label: labels.name(group, value),
                        count: *count,
                        chosen,
                        href: href(&asked.text, &toggled, asked.sort, 1),
                        key,
                        depth: 0,
                    }
                })
                .collect();
            values.sort_by(|a, b| b.count.cmp(&a.count).then(a.label.cmp(&b.label)));
            if *group == "topic" {
                values = labels.as_tree(values);
            }
            Some(FacetGroupView {
                group: group.to_string(),
                values,
            })
        })
        .collect()
}

/// Readable names of facet values in the page's language.
pub struct Labels {
    lang: Lang,
    topics: BTreeMap<String, String>,
    /// Each topic's broader topic.
    broader: BTreeMap<String, String>,
    partners: BTreeMap<String, String>,
    /// Harvest sources' labels by id (the `source` facet).
    sources: BTreeMap<String, String>,
}

impl Labels {
    /// The names of everything a facet may show, read once per page.
    pub async fn load(db: &Db, lang: Lang) -> Result<Self, StoreError> {
        let code = lang.code();
        let scheme = concepts::list(db).await?;
        let topics = scheme
            .iter()
            .map(|c| (c.id.clone(), c.label_in(code).to_string()))
            .collect();
        let broader = scheme
            .iter()
            .filter_map(|c| Some((c.id.clone(), c.broader.clone()?)))
            .collect();
        let partners = organisations::list(db)
            .await?
            .into_iter()
            .map(|o| (o.slug, o.name))
            .collect();
        let sources = harvest::list(db)
            .await?
            .into_iter()
            .map(|(s, _)| (s.id.to_string(), s.label))
            .collect();
        Ok(Labels {
            lang,
            topics,
            broader,
            partners,
            sources,
        })
    }

    /// Topic values as their tree: each under its broader topic when that
    /// one is among the values too, siblings in the order given (by count).
    fn as_tree(&self, values: Vec<FacetValueView>) -> Vec<FacetValueView> {
        let id = |v: &FacetValueView| v.key.trim_start_matches("topic/").to_string();
        let present: std::collections::BTreeSet<String> = values.iter().map(id).collect();
        let parent_of: BTreeMap<String, String> = values
            .iter()
            .filter_map(|v| {
                let topic = id(v);
                let broader = self.broader.get(&topic)?;
                (present.contains(broader) && *broader != topic).then(|| (topic, broader.clone()))
            })
            .collect();
        let mut ordered: Vec<FacetValueView> = Vec::with_capacity(values.len());
        let mut stack: Vec<(usize, &FacetValueView)> = values
            .iter()
            .rev()
            .filter(|v| !parent_of.contains_key(&id(v)))
            .map(|v| (0, v))
            .collect();
        while let Some((depth, v)) = stack.pop() {
            let me = id(v);
            let children = values.iter().filter(|c| parent_of.get(&id(c)) == Some(&me));
            stack.extend(children.rev().map(|c| (depth + 1, c)));
            ordered.push(FacetValueView { depth, ..v.clone() });
        }
        // A value the walk could not reach (a cycle in the scheme) still shows.
        for v in &values {
            if !ordered.iter().any(|o| o.key == v.key) {
                ordered.push(v.clone());
            }
        }
        ordered
    }

    fn name(&self, group: &str, value: &str) -> String {
        let t = |key: &str| i18n::t(self.lang, key);
        match group {
            "kind" => t(&format!("search-kind-{value}")),
            "type" => library::Kind::parse(value)
                .map(|k| t(&format!("kind-{}", k.as_str())))
                .unwrap_or_else(|| value.to_string()),
            "lang" => app::language_name(value),
            "topic" => self
                .topics
                .get(value)
                .cloned()
                .unwrap_or_else(|| value.into()),
            "partner" => self
                .partners
                .get(value)
                .cloned()
                .unwrap_or_else(|| value.into()),
            "licence" if value == "all-rights-reserved" => t("resource-all-rights-reserved"),
            "level" => t(&format!("level-{value}")),
            "source" if value == "local" => t("search-source-local"),
            "source" => self
                .sources
                .get(value)
                .cloned()
                .unwrap_or_else(|| value.into()),
            _ => value.to_string(),
        }
    }
}
