//! Elided articles, apostrophes and possessives: the total of a search does
//! not depend on the apostrophe typed, nor on the languages of the fields
//! the words are in.

use super::*;

/// A French-only index, and one where French words sit in fields of every
/// language (a partner's French name in an English description, a
/// multilingual resource).
fn indexes() -> [(&'static str, SearchIndex); 2] {
    let french = SearchIndex::in_memory().unwrap();
    french
        .upsert(&[
            doc(
                "f1",
                "fr",
                "L'association des CHATONS",
                "Une association d'hébergeurs.",
            ),
            doc(
                "f2",
                "fr",
                "Créer son association",
                "Les statuts, l’assemblée.",
            ),
            doc("f3", "fr", "Héberger un site", "L’hébergement associatif."),
        ])
        .unwrap();
    french.commit().unwrap();
    let mixed = SearchIndex::in_memory().unwrap();
    let mut multi = doc(
        "m1",
        "en",
        "The association's handbook",
        "For partners' guides.",
    );
    multi.texts.push(DocText {
        lang: "fr".into(),
        title: "Le guide de l’association".into(),
        body: "Pour les guides des partenaires.".into(),
    });
    mixed
        .upsert(&[
            multi,
            doc(
                "m2",
                "en",
                "Running an association",
                "A partner's guide to l'association loi 1901.",
            ),
            doc(
                "m3",
                "de",
                "Vereinsrecht",
                "Über die association d'éducation populaire.",
            ),
            doc(
                "m4",
                "it",
                "L'associazione di promozione sociale",
                "Un'associazione dell'educazione.",
            ),
            doc("m5", "hr", "Udruga", "Vodič za l’association i partnere."),
            doc(
                "m6",
                "fr",
                "L'association des CHATONS",
                "Une association d'hébergeurs.",
            ),
            doc(
                "m7",
                "it",
                "Rete civica",
                "Un'altra associazione sull'educazione.",
            ),
            doc("m8", "en", "The partner guide", "Nothing elided here."),
        ])
        .unwrap();
    mixed.commit().unwrap();
    [("French", french), ("mixed", mixed)]
}

fn total(idx: &SearchIndex, text: &str, lang: &str) -> usize {
    idx.find(&Request {
        text: text.into(),
        lang: lang.into(),
        limit: 20,
        ..Request::default()
    })
    .unwrap()
    .exact_total
}

#[test]
fn elided_articles_give_the_totals_of_the_bare_word_in_every_language() {
    let groups: [&[&str]; 4] = [
        &[
            "association",
            "l'association",
            "l’association",
            "Lʼassociation",
            "L'ASSOCIATION",
        ],
        &[
            "associazione",
            "l'associazione",
            "un'associazione",
            "un’associazione",
            "dell'associazione",
        ],
        &["educazione", "dell'educazione", "sull’educazione"],
        &["partner guide", "partner's guide", "partner’s guide"],
    ];
    for (name, idx) in indexes() {
        for group in groups {
            for lang in ["fr", "en", "it", "de"] {
                let expected = total(&idx, group[0], lang);
                for q in &group[1..] {
                    assert_eq!(total(&idx, q, lang), expected, "{name} index, {lang}: {q}");
                }
            }
        }
    }
    // The totals mean something: every document holding the word (or, in
    // French, a word of the same stem: associatif).
    let [(_, french), (_, mixed)] = indexes();
    assert_eq!(ids(&french, "l'association"), ["f1", "f2", "f3"]);
    assert_eq!(ids(&mixed, "l’association"), ["m1", "m2", "m3", "m5", "m6"]);
    assert_eq!(ids(&mixed, "un'associazione"), ["m4", "m7"]);
    // Croatian "partnere" has the same stem.
    assert_eq!(ids(&mixed, "partner's"), ["m1", "m2", "m5", "m8"]);
}

/// The documents matching the words as typed, by id.
fn ids(idx: &SearchIndex, text: &str) -> Vec<String> {
    let r = idx
        .find(&Request {
            text: text.into(),
            limit: 20,
            ..Request::default()
        })
        .unwrap();
    let mut ids: Vec<String> = r
        .hits
        .into_iter()
        .take(r.exact_total)
        .map(|h| h.id)
        .collect();
    ids.sort();
    ids
}

#[test]
fn plural_possessives_and_search_as_you_type() {
    let [_, (_, mixed)] = indexes();
    assert_eq!(
        total(&mixed, "partners' guides", "en"),
        total(&mixed, "partners guides", "en")
    );
    // Typing "l'assoc" looks for the words "assoc" begins, as "assoc" does.
    let typed = |text: &str| {
        let r = mixed
            .find(&Request {
                text: text.into(),
                lang: "fr".into(),
                limit: 20,
                prefix: true,
                ..Request::default()
            })
            .unwrap();
        let mut ids: Vec<String> = r.hits.into_iter().map(|h| h.id).collect();
        ids.sort();
        ids
    };
    assert_eq!(typed("l'assoc"), typed("assoc"));
    assert_eq!(typed("l’assoc").len(), 7, "{:?}", typed("l’assoc"));
}
