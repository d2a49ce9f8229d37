//! What the search index holds about each thing: partners, published
//! resources (every readable text in its own language, the labels of its
//! topics in every language, its facets), courses and lessons, and the
//! library entries harvested from other sources ([`super::harvested`]), and the
//! published providers of the directory ([`super::providers`]).

use search_index::{DocText, SearchDoc};
use store::concepts::Concept;
use store::library::{self, Origin, Resource, Status};
use store::organisations::Organisation;

use courses::catalogue::Catalogue;
use courses::render::{html_text, plain_text};

/// The search document of a partner organisation.
pub fn partner_doc(o: &Organisation) -> SearchDoc {
    let website = o
        .website
        .trim_start_matches("https://")
        .trim_start_matches("http://");
    let lang = o.languages.first().cloned().unwrap_or_else(|| "fr".into());
    let mut doc = SearchDoc::single(
        &format!("partner:{}", o.slug),
        "partner",
        &lang,
        &o.name,
        &format!("{} · {} · {website}", o.country, o.languages.join(", ")),
        &format!("/partners/{}", o.slug),
    );
    doc.facets.push(format!("country/{}", o.country));
    doc
}

/// A concept and its broader concepts, nearest first.
fn with_broader<'a>(id: &'a str, scheme: &'a [Concept]) -> Vec<&'a Concept> {
    let mut out = Vec::new();
    let mut at = scheme.iter().find(|c| c.id == id);
    while let Some(c) = at {
        if out.iter().any(|x: &&Concept| x.id == c.id) || out.len() > 16 {
            break;
        }
        out.push(c);
        at = c
            .broader
            .as_deref()
            .and_then(|b| scheme.iter().find(|x| x.id == b));
    }
    out
}

/// The labels and other names of `topics` in every language, and the facet
/// values of the topics with their broader ones.
pub fn topic_fields(topics: &[String], scheme: &[Concept]) -> (String, Vec<String>) {
    let mut labels = Vec::new();
    let mut facets = Vec::new();
    for id in topics {
        if let Some(c) = scheme.iter().find(|c| c.id == *id) {
            labels.extend(c.labels.values().cloned());
            labels.extend(c.alt.values().flatten().cloned());
        }
        for c in with_broader(id, scheme) {
            let value = format!("topic/{}", c.id);
            if !facets.contains(&value) {
                facets.push(value);
            }
        }
    }
    labels.dedup();
    (labels.join(" · "), facets)
}

/// The search document of a resource, or `None` when readers may not see it.
pub fn resource_doc(r: &Resource, scheme: &[Concept], partner_slug: &str) -> Option<SearchDoc> {
    if r.status != Status::Published {
        return None;
    }
    let readable: Vec<_> = r
        .texts
        .iter()
        .filter(|t| t.origin == Origin::Original || t.status == Status::Published)
        .collect();
    let texts: Vec<DocText> = readable
        .iter()
        .map(|t| DocText {
            lang: t.lang.clone(),
            title: t.title.clone(),
            body: format!("{} {}", plain_text(&t.description), r.authors.join(" ")),
        })
        .collect();
    let (topics, mut facets) = topic_fields(&r.topics, scheme);
    facets.extend([
        "kind/resource".to_string(),
        super::harvested::LOCAL_SOURCE.to_string(),
        format!("type/{}", r.kind.as_str()),
        format!("partner/{partner_slug}"),
        format!("country/{}", r.country),
        format!(
            "licence/{}",
            match library::licence_label(&r.licence) {
                l if l.is_empty() => library::ALL_RIGHTS_RESERVED.to_string(),
                l => l,
            }
        ),
    ]);
    facets.extend(readable.iter().map(|t| format!("lang/{}", t.lang)));
    Some(SearchDoc {
        id: format!("resource:{}", r.uid),
        kind: "resource".into(),
        texts,
        topics,
        facets,
        path: format!("/library/resources/{}", r.uid),
        date: r
            .published_at
            .as_deref()
            .and_then(store::parse_time)
            .map(|t| (t.unix_timestamp_nanos() / 1000) as i64),
    })
}

/// The documents of every course and lesson being served: one per course
/// (title, summary, introduction) and one per lesson, each with a text per
/// language version, the course's topics and level.
pub fn course_docs(catalogue: &Catalogue, scheme: &[Concept]) -> Vec<SearchDoc> {
    let mut docs = Vec::new();
    for course in &catalogue.courses {
        let (topics, topic_facets) = topic_fields(&course.front.topics, scheme);
        let shared: Vec<String> = topic_facets
            .into_iter()
            .chain([
                format!("level/{}", course.front.level.as_str()),
                format!(
                    "licence/{}",
                    store::licences::known(&course.front.licence)
                        .map_or_else(|| course.front.licence.clone(), |l| l.label)
                ),
            ])
            .collect();
        let langs = |keys: Vec<&String>| {
            keys.into_iter()
                .map(|l| format!("lang/{l}"))
                .collect::<Vec<_>>()
        };
        let texts = course
            .texts
            .iter()
            .map(|(lang, (title, summary, intro))| DocText {
                lang: lang.clone(),
                title: title.clone(),
                body: format!(
                    "{summary} {} {}",
                    html_text(intro),
                    course.front.authors.join(" ")
                ),
            })
            .collect();
        let mut facets = shared.clone();
        facets.push("kind/course".into());
        facets.extend(langs(course.texts.keys().collect()));
        docs.push(SearchDoc {
            id: format!("course:{}", course.slug),
            kind: "course".into(),
            texts,
            topics: topics.clone(),
            facets,
            path: format!("/courses/{}", course.slug),
            date: None,
        });
        for lesson in &course.lessons {
            let texts = lesson
                .versions
                .iter()
                .map(|(lang, page)| DocText {
                    lang: lang.clone(),
                    title: page.title.clone(),
                    body: html_text(&page.html),
                })
                .collect();
            let mut facets = shared.clone();
            facets.push("kind/lesson".into());
            facets.extend(langs(lesson.versions.keys().collect()));
            docs.push(SearchDoc {
                id: format!("lesson:{}", lesson.id),
                kind: "lesson".into(),
                texts,
                topics: topics.clone(),
                facets,
                path: lesson.path.clone(),
                date: None,
            });
        }
    }
    docs
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeMap;

    use super::*;

    fn concept(id: &str, broader: Option<&str>, labels: &[(&str, &str)]) -> Concept {
        Concept {
            id: id.into(),
            broader: broader.map(str::to_string),
            labels: labels
                .iter()
                .map(|(l, t)| (l.to_string(), t.to_string()))
                .collect(),
            alt: BTreeMap::from([("en".to_string(), vec!["GDPR".to_string()])]),
            shipped: true,
        }
    }

    #[test]
    fn topics_give_every_label_and_the_broader_facets() {
        let scheme = [
            concept("ethics", None, &[("en", "Digital ethics")]),
            concept(
                "data-protection",
                Some("ethics"),
                &[("en", "Data protection"), ("fr", "Protection des données")],
            ),
        ];
        let (labels, facets) = topic_fields(&["data-protection".into()], &scheme);
        assert!(labels.contains("Protection des données") && labels.contains("GDPR"));
        assert!(
            !labels.contains("Digital ethics"),
            "broader labels would blur results"
        );
        assert_eq!(facets, ["topic/data-protection", "topic/ethics"]);
    }
}
