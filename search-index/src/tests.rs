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
    // What the words as typed match (close words may follow them).
    let ids = |q: &str| {
        let r = idx.search(q, 10, 0).unwrap();
        r.hits
            .into_iter()
            .take(r.exact_total)
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
    // Dated in the order they are listed below: fr1 is the newest.
    let date = match id {
        "de1" => Some(1_700_000_000),
        "fr1" => Some(1_750_000_000),
        _ => Some(1_720_000_000),
    };
    SearchDoc {
        date,
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
        ..Request::default()
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
fn a_facet_value_replaces_or_removes_exactly_its_documents() {
    let idx = library();
    let harvested = |id: &str, source: &str, title: &str| {
        let mut d = resource(id, &[("fr", title, "Trouvé ailleurs.")], "", &[]);
        d.id = format!("harvested:{id}");
        d.facets = vec!["kind/resource".into(), format!("source/{source}")];
        d
    };
    idx.upsert(&[
        harvested("1", "3", "Sauvegardes au quotidien"),
        harvested("2", "3", "Chiffrer ses disques"),
        harvested("3", "30", "Sauvegardes en réseau"),
    ])
    .unwrap();
    idx.commit().unwrap();
    assert_eq!(find(&idx, "", "fr", &["source/3"]).total, 2);
    assert_eq!(find(&idx, "", "fr", &[]).facets["source"]["3"], 2);

    idx.replace_facet(
        "source/3",
        &[harvested("2", "3", "Chiffrer ses disques (v2)")],
    )
    .unwrap();
    idx.commit().unwrap();
    let r = find(&idx, "sauvegardes", "fr", &[]);
    let ids: Vec<&str> = r.hits.iter().map(|h| h.id.as_str()).collect();
    assert_eq!(ids, ["harvested:3"], "source/30 is another value, kept");
    assert_eq!(find(&idx, "v2", "fr", &["source/3"]).total, 1);

    idx.delete_facet("source/3");
    idx.delete_facet("nonsense");
    idx.commit().unwrap();
    assert_eq!(find(&idx, "", "fr", &["source/3"]).total, 0);
    assert_eq!(idx.num_docs(), 4, "the library and source 30 stay");
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
fn few_exact_matches_bring_close_words_in_after_them() {
    let idx = SearchIndex::in_memory().unwrap();
    idx.upsert(&[
        doc(
            "exact",
            "en",
            "Nextcloud",
            "Sharing files in an association.",
        ),
        doc(
            "close",
            "en",
            "Files",
            "A Nextclod server, as the flyer misspells it.",
        ),
        doc("other", "en", "Nothing", "Unrelated text."),
    ])
    .unwrap();
    idx.commit().unwrap();
    let r = idx.search("nextcloud", 10, 0).unwrap();
    assert!(r.fuzzy, "one exact match is few");
    assert_eq!(r.exact_total, 1);
    let ids: Vec<&str> = r.hits.iter().map(|h| h.id.as_str()).collect();
    assert_eq!(ids, ["exact", "close"], "the exact match first");
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
fn the_snippet_comes_from_the_language_that_matched() {
    let idx = library();
    // fr1 has French and English texts; "outils" is only in the French one.
    let r = find(&idx, "outils", "en", &[]);
    let hit = &r.hits[0];
    assert_eq!(hit.id, "resource:fr1");
    assert_eq!(
        (hit.lang.as_str(), hit.title.as_str()),
        ("fr", "Héberger ses outils")
    );
    let r = find(&idx, "guide", "en", &[]);
    let hit = r.hits.iter().find(|h| h.id == "resource:fr1").unwrap();
    assert_eq!(
        hit.lang, "en",
        "the reader's language when it matched there too"
    );
    assert!(
        hit.snippet_html.contains("<b>guide</b>"),
        "{}",
        hit.snippet_html
    );
}

#[test]
fn newest_first_orders_by_date() {
    let idx = library();
    let ids = |text: &str| -> Vec<String> {
        let r = idx
            .find(&Request {
                text: text.into(),
                limit: 10,
                sort: Sort::Newest,
                ..Request::default()
            })
            .unwrap();
        assert!(r.hits.iter().all(|h| h.score.is_none()));
        r.hits.into_iter().map(|h| h.id).collect()
    };
    assert_eq!(ids(""), ["resource:fr1", "resource:it1", "resource:de1"]);
    assert_eq!(ids("guide video"), ["resource:fr1", "resource:it1"]);
}

#[test]
fn as_you_type_the_last_word_matches_the_words_it_begins() {
    let idx = library();
    let typed = |text: &str| -> Vec<String> {
        idx.find(&Request {
            text: text.into(),
            limit: 10,
            prefix: true,
            ..Request::default()
        })
        .unwrap()
        .hits
        .into_iter()
        .map(|h| h.id)
        .collect()
    };
    assert_eq!(typed("Datenspar"), ["resource:de1"]);
    assert_eq!(
        typed("hébergem"),
        ["resource:fr1"],
        "accents fold in prefixes"
    );
    assert_eq!(typed("video sul soft"), ["resource:it1"]);
    assert!(typed("Datenspar ").is_empty(), "a space ends the word");
    assert!(
        find(&idx, "Datenspar", "de", &[]).hits.is_empty(),
        "a submitted search takes words whole"
    );
}

#[test]
fn did_you_mean_corrects_unknown_words_only() {
    let idx = library();
    let r = find(&idx, "gide", "en", &[]);
    assert_eq!(r.total, 0);
    assert_eq!(
        r.suggestion.as_deref(),
        Some("guide"),
        "one edit on four letters"
    );
    let r = find(&idx, "hostnig tools", "en", &[]);
    assert_eq!(r.suggestion, None, "tools is found, so nothing to correct");
    let r = find(&idx, "hostnig", "en", &[]);
    assert!(r.fuzzy);
    assert_eq!(r.suggestion.as_deref(), Some("hosting"));
    let r = find(&idx, "\"softwre libero\" -vidoe", "en", &[]);
    assert_eq!(r.suggestion.as_deref(), Some("\"software libero\" -video"));
    assert_eq!(find(&idx, "qwertyuiop", "en", &[]).suggestion, None);
    assert_eq!(find(&idx, "guide", "en", &[]).suggestion, None);
}

#[test]
fn an_index_on_disk_survives_reopening() {
    let dir = tempfile::tempdir().unwrap();
    {
        let idx = SearchIndex::open(dir.path()).unwrap();
        assert_eq!(idx.opened(), &Opened::Created);
        idx.upsert(&[doc("a", "fr", "Titre", "Texte")]).unwrap();
        idx.commit().unwrap();
        assert!(
            matches!(SearchIndex::open(dir.path()), Err(SearchError::Busy)),
            "one process at a time"
        );
    }
    let idx = SearchIndex::open(dir.path()).unwrap();
    assert_eq!(idx.opened(), &Opened::Existing);
    assert_eq!(idx.num_docs(), 1);
}

fn filled(dir: &std::path::Path) {
    let idx = SearchIndex::open(dir).unwrap();
    idx.upsert(&[
        doc("a", "fr", "Titre", "Texte"),
        doc("b", "en", "Title", "Text"),
    ])
    .unwrap();
    idx.commit().unwrap();
    idx.compact().unwrap();
    assert_eq!(idx.segments(), 1);
}

fn reopened(dir: &std::path::Path) -> SearchIndex {
    let idx = SearchIndex::open(dir).expect("a broken index is replaced, not an error");
    assert!(
        matches!(idx.opened(), Opened::Replaced(_)),
        "{:?}",
        idx.opened()
    );
    assert_eq!(idx.num_docs(), 0, "empty, to be filled again");
    idx.upsert(&[doc("c", "de", "Titel", "Text")]).unwrap();
    idx.commit().unwrap();
    assert_eq!(idx.search("titel", 10, 0).unwrap().total, 1, "and usable");
    idx
}

fn segment_file(dir: &std::path::Path, ext: &str) -> std::path::PathBuf {
    std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .find(|p| p.extension().is_some_and(|e| e == ext))
        .unwrap_or_else(|| panic!("a .{ext} file"))
}

#[test]
fn an_index_of_another_version_is_replaced() {
    let dir = tempfile::tempdir().unwrap();
    filled(dir.path());
    std::fs::write(dir.path().join(VERSION_FILE), "1").unwrap();
    let idx = reopened(dir.path());
    assert!(matches!(idx.opened(), Opened::Replaced(why) if why.contains("version 1")));
    drop(idx);
    let idx = SearchIndex::open(dir.path()).unwrap();
    assert_eq!(idx.opened(), &Opened::Existing, "the new one is kept");
}

#[test]
fn a_damaged_or_half_missing_index_is_replaced() {
    // A segment file whose bytes changed.
    let dir = tempfile::tempdir().unwrap();
    filled(dir.path());
    let file = segment_file(dir.path(), "idx");
    let mut bytes = std::fs::read(&file).unwrap();
    let middle = bytes.len() / 2;
    bytes[middle] ^= 0xff;
    std::fs::write(&file, bytes).unwrap();
    reopened(dir.path());

    // A segment file gone.
    let dir = tempfile::tempdir().unwrap();
    filled(dir.path());
    std::fs::remove_file(segment_file(dir.path(), "store")).unwrap();
    reopened(dir.path());

    // The list of segments unreadable.
    let dir = tempfile::tempdir().unwrap();
    filled(dir.path());
    std::fs::write(dir.path().join("meta.json"), "{ not json").unwrap();
    reopened(dir.path());
}

#[test]
fn two_letter_terms_and_numbers_find_documents_in_every_language() {
    let idx = SearchIndex::in_memory().unwrap();
    let langs = ["fr", "en", "de", "it", "nl", "es", "pt", "hr", "sl"];
    let docs: Vec<SearchDoc> = langs
        .iter()
        .map(|l| doc(l, l, "IA", "Les règles de l'UE pour 2030."))
        .collect();
    idx.upsert(&docs).unwrap();
    idx.commit().unwrap();
    for q in ["IA", "ia", "UE", "2030"] {
        assert_eq!(idx.search(q, 20, 0).unwrap().total, langs.len(), "{q}");
    }
}

mod elisions;

#[test]
fn a_commit_is_seen_by_the_next_search_even_a_repeated_one() {
    let idx = index();
    let before = find(&idx, "associazioni", "it", &[]);
    assert_eq!(
        find(&idx, "associazioni", "it", &[]),
        before,
        "answered again alike"
    );
    idx.upsert(&[doc(
        "e",
        "it",
        "Associazioni in rete",
        "Strumenti liberi per le associazioni.",
    )])
    .unwrap();
    assert_eq!(
        find(&idx, "associazioni", "it", &[]).total,
        before.total,
        "nothing new before the commit"
    );
    idx.commit().unwrap();
    let after = find(&idx, "associazioni", "it", &[]);
    assert_eq!(after.total, before.total + 1);
    idx.delete("e");
    idx.commit().unwrap();
    assert_eq!(find(&idx, "associazioni", "it", &[]).total, before.total);
}
