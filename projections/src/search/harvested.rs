//! The search documents of harvested library entries: library resources
//! found at a harvest source, searchable beside the library's own (which
//! carry the facet value `source/local`).

use search_index::{DocText, SearchDoc};
use store::harvest::Entry;
use store::library;

/// The facet value of a source's entries.
pub fn source_facet(source_id: i64) -> String {
    format!("source/{source_id}")
}

/// The facet value of the library's own resources.
pub const LOCAL_SOURCE: &str = "source/local";

/// The path of an entry's page, without the language prefix.
pub fn entry_path(id: i64) -> String {
    format!("/library/harvested/{id}")
}

/// The search document of a harvested entry: a `resource` with its texts
/// per language, its keywords beside the topics' labels, and the facets
/// local resources get where its values map (kind, language, offered
/// licence, the partner credited with the source), plus its source.
pub fn entry_doc(e: &Entry, partner_slug: Option<&str>) -> SearchDoc {
    let extra = e.creators.join(" ");
    let texts = e
        .texts
        .iter()
        .map(|t| DocText {
            lang: t.lang.clone(),
            title: t.title.clone(),
            body: format!("{} {extra}", t.description),
        })
        .collect();
    let mut facets = vec!["kind/resource".to_string(), source_facet(e.source_id)];
    if let Some(kind) = e.kind.as_deref().and_then(library::Kind::parse) {
        facets.push(format!("type/{}", kind.as_str()));
    }
    if let Some(label) = e.licence.as_deref().and_then(store::licences::known) {
        let label = label.label;
        facets.push(format!("licence/{label}"));
    }
    if let Some(slug) = partner_slug {
        facets.push(format!("partner/{slug}"));
    }
    let langs = e
        .languages
        .iter()
        .chain(e.texts.iter().map(|t| &t.lang))
        .filter(|l| l.as_str() != "und");
    for l in langs {
        let value = format!("lang/{l}");
        if !facets.contains(&value) {
            facets.push(value);
        }
    }
    let date = [&e.issued, &e.modified]
        .into_iter()
        .flatten()
        .find_map(|d| store::parse_time(d))
        .map(|t| (t.unix_timestamp_nanos() / 1000) as i64);
    SearchDoc {
        id: format!("harvested:{}", e.id),
        kind: "resource".into(),
        texts,
        topics: e.keywords.join(" · "),
        facets,
        path: entry_path(e.id),
        date,
    }
}

#[cfg(test)]
mod tests {
    use store::harvest::EntryText;

    use super::*;

    #[test]
    fn an_entry_is_a_resource_of_its_source() {
        let e = Entry {
            id: 7,
            source_id: 3,
            original_uri: "https://b.example.org/library/resources/x".into(),
            texts: vec![
                EntryText {
                    lang: "fr".into(),
                    title: "Héberger ses outils".into(),
                    description: "Un guide.".into(),
                },
                EntryText {
                    lang: "und".into(),
                    title: "Untagged".into(),
                    description: String::new(),
                },
            ],
            languages: vec!["fr".into(), "en".into()],
            licence: Some("https://creativecommons.org/licenses/by-sa/4.0/".into()),
            url: None,
            kind: Some("video".into()),
            keywords: vec!["Sauvegardes".into(), "Backups".into()],
            creators: vec!["Camille Martin".into()],
            issued: Some("2026-03-15".into()),
            modified: None,
            harvested_at: "2026-04-01T00:00:00.000000Z".into(),
        };
        let doc = entry_doc(&e, Some("rete"));
        assert_eq!(doc.id, "harvested:7");
        assert_eq!(doc.kind, "resource");
        assert_eq!(doc.path, "/library/harvested/7");
        assert_eq!(
            doc.facets,
            [
                "kind/resource",
                "source/3",
                "type/video",
                "licence/CC BY-SA 4.0",
                "partner/rete",
                "lang/fr",
                "lang/en"
            ]
        );
        assert_eq!(doc.topics, "Sauvegardes · Backups");
        assert!(doc.texts[0].body.contains("Camille Martin"));
        assert!(doc.date.is_some());
        let unknown = Entry {
            kind: Some("poster".into()),
            licence: Some("https://example.org/my-licence".into()),
            ..e
        };
        let doc = entry_doc(&unknown, None);
        assert_eq!(
            doc.facets,
            ["kind/resource", "source/3", "lang/fr", "lang/en"],
            "values that do not map give no facet"
        );
    }
}
