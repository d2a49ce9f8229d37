//! The index's behaviour: analysis across languages, facets, phrases,
//! typo tolerance, replacement and reopening.

use super::*;

fn doc(id: &str, lang: &str, title: &str, body: &str) -> SearchDoc {
    SearchDoc::single(id, "partner", lang, title, body, &format!("/partners/{id}"))
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
    let old = idx.search("education", 10, 0).unwrap();
    assert!(old.hits.iter().all(|h| h.id != "a"), "the old text is gone");
    idx.delete("a");
    idx.commit().unwrap();
    assert_eq!(idx.num_docs(), 3);
    assert!(idx.search("title:(( AND \"", 10, 0).is_ok());
}

fn resource(id: &str, texts: &[(&str, &str, &str)], topics: &str, facets: &[&str]) -> SearchDoc {
    SearchDoc {
        id: format!("resource:{id}"),
        kind: "resource".into(),
        texts: texts
            .iter()
            .map(|(lang, title, body)| DocText {
                lang: lang.to_string(),
                title: title.to_string(),
                body: body.to_string(),
            })
            .collect(),
        topics: topics.into(),
        facets: facets.iter().map(|f| f.to_string()).collect(),
        path: format!("/library/resources/{id}"),
    }
}

fn library() -> SearchIndex {
    let idx = SearchIndex::in_memory().unwrap();
    idx.upsert(&[
        resource(
            "de1",
            &[("de", "Datensparsamkeit im Verein", "Wie ein Verein wenig Daten sammelt.")],
            "Datenschutz Data protection Protection des données Protezione dei dati Zaštita podataka",
            &["kind/resource", "type/guide", "lang/de", "topic/digital-ethics", "topic/data-protection", "country/DE"],
        ),
        resource(
            "fr1",
            &[
                ("fr", "Héberger ses outils", "Un guide pour les associations."),
                ("en", "Hosting your tools", "A guide for associations."),
            ],
            "Hébergement alternatif Alternative hosting",
            &["kind/resource", "type/guide", "lang/fr", "lang/en", "topic/alternative-hosting", "country/FR"],
        ),
        resource(
            "it1",
            &[("it", "Video sul software libero", "Un video per le associazioni.")],
            "Software libero Free software Logiciel libre",
            &["kind/resource", "type/video", "lang/it", "topic/digital-ethics", "topic/free-software", "country/IT"],
        ),
    ])
    .unwrap();
    idx.commit().unwrap();
    idx
}

fn find(idx: &SearchIndex, text: &str, lang: &str, filters: &[&str]) -> Results {
    idx.find(&Request {
        text: text.into(),
        lang: lang.into(),
        filters: filters.iter().map(|f| f.to_string()).collect(),
        limit: 10,
        offset: 0,
    })
    .unwrap()
}

#[test]
fn topics_carry_a_search_across_languages() {
    let idx = library();
    let r = find(&idx, "protection des données", "fr", &[]);
    assert_eq!(
        r.hits[0].id, "resource:de1",
        "a German resource found in French by its topic"
    );
    assert_eq!(r.hits[0].lang, "de", "shown in the only language it has");
}

#[test]
fn the_title_is_shown_in_the_readers_language() {
    let idx = library();
    let r = find(&idx, "guide", "en", &[]);
    let hit = r.hits.iter().find(|h| h.id == "resource:fr1").unwrap();
    assert_eq!(
        (hit.lang.as_str(), hit.title.as_str()),
        ("en", "Hosting your tools")
    );
    let r = find(&idx, "guide", "de", &[]);
    let hit = r.hits.iter().find(|h| h.id == "resource:fr1").unwrap();
    assert_eq!(hit.title, "Héberger ses outils", "else the original");
}

#[test]
fn facets_count_every_match_and_filters_combine() {
    let idx = library();
    let all = find(&idx, "", "en", &[]);
    assert_eq!(all.total, 3, "an empty text browses everything");
    assert_eq!(all.facets["type"]["guide"], 2);
    assert_eq!(all.facets["topic"]["digital-ethics"], 2);
    assert_eq!(all.facets["lang"]["en"], 1);
    let r = find(&idx, "", "en", &["topic/digital-ethics"]);
    assert_eq!(r.total, 2);
    let r = find(&idx, "", "en", &["topic/digital-ethics", "type/guide"]);
    assert_eq!(r.total, 1, "groups narrow each other");
    let r = find(&idx, "", "en", &["country/DE", "country/IT"]);
    assert_eq!(r.total, 2, "values of a group are alternatives");
    assert_eq!(r.facets["country"]["DE"], 1);
    let r = find(&idx, "associazioni", "en", &["type/video"]);
    assert_eq!(r.total, 1);
    assert_eq!(r.hits[0].id, "resource:it1");
    assert_eq!(find(&idx, "", "en", &["type/podcast"]).total, 0);
}

#[test]
fn a_typo_still_finds_when_the_exact_word_finds_too_little() {
    let idx = library();
    let r = find(&idx, "Datenspasamkeit", "de", &[]);
    assert!(r.fuzzy, "close words were used");
    assert_eq!(r.hits[0].id, "resource:de1");
    let r = find(&idx, "hostnig", "en", &[]);
    assert_eq!(
        r.hits[0].id, "resource:fr1",
        "one edit on a word of 7 letters"
    );
    let r = find(&idx, "gide", "en", &[]);
    assert_eq!(r.total, 0, "short words must be exact");
    let r = find(&idx, "guide", "en", &[]);
    assert!(!r.fuzzy);
}

#[test]
fn quotes_ask_for_a_phrase_and_a_minus_excludes() {
    let idx = library();
    let ids = |q: &str| -> Vec<String> {
        find(&idx, q, "en", &[])
            .hits
            .into_iter()
            .map(|h| h.id)
            .collect()
    };
    assert_eq!(ids("guide video").len(), 2, "words are alternatives");
    assert_eq!(ids("\"guide for associations\""), ["resource:fr1"]);
    assert!(
        ids("\"associations guide\"").is_empty(),
        "words in another order"
    );
    let without = ids("associazioni -video");
    assert!(
        !without.contains(&"resource:it1".to_string()),
        "{without:?}"
    );
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
