//! Importing a partner's SKOS scheme into the topics: added, updated in
//! place, enriching a topic it matches, unchanged when imported again, and
//! refused whole, with every reason, on cycles, unknown languages, unknown
//! or several broader concepts.

use std::collections::BTreeMap;

use store::Db;
use store::concepts::import::{ImportError, Incoming, Problem, details, import};
use store::concepts::{self, Concept, ConceptForm};

use super::{postgres, sqlite};

const OWN: &str = "https://archipel.example.org/library/topics/";

fn langs() -> Vec<String> {
    ["fr", "en", "de"].map(String::from).to_vec()
}

fn incoming(iri: &str, labels: &[(&str, &str)], broader: &[&str]) -> Incoming {
    Incoming {
        iri: iri.into(),
        labels: labels
            .iter()
            .map(|(l, t)| (l.to_string(), t.to_string()))
            .collect(),
        broader: broader.iter().map(|b| b.to_string()).collect(),
        ..Default::default()
    }
}

async fn shipped(db: &Db) {
    concepts::sync_scheme(
        db,
        &[Concept {
            id: "free-software".into(),
            broader: None,
            labels: BTreeMap::from([("en".to_string(), "Free software".to_string())]),
            alt: BTreeMap::new(),
            shipped: true,
        }],
    )
    .await
    .unwrap();
    concepts::save(
        db,
        &ConceptForm {
            id: "cooperatives".into(),
            broader: String::new(),
            labels: "en: Co-operatives".into(),
        },
    )
    .await
    .unwrap();
}

fn refused(r: Result<store::concepts::import::Report, ImportError>) -> Vec<Problem> {
    match r {
        Err(ImportError::Refused(p)) => p,
        other => panic!("refused: {other:?}"),
    }
}

async fn skos_schemes_are_imported_in_place(db: Db) {
    shipped(&db).await;
    let commons = "http://vocab.example.org/commons";
    let wiki = "http://vocab.example.org/wiki";
    let mut w = incoming(wiki, &[("fr", "Wiki"), ("en", "Wiki")], &[commons]);
    w.alt = BTreeMap::from([("fr".into(), vec!["wikis".into()])]);
    w.definitions = BTreeMap::from([("fr".into(), "Un site que ses lecteurs écrivent.".into())]);
    w.exact = vec!["http://www.wikidata.org/entity/Q171".into()];
    let mut libre = incoming(
        "http://vocab.example.org/logiciel-libre",
        &[
            ("fr", "Logiciel libre"),
            ("de", "Freie Software"),
            ("en", "Libre software"),
        ],
        &[commons],
    );
    libre.exact = vec![format!("{OWN}free-software")];
    let mut coops = incoming(
        "http://vocab.example.org/cooperatives",
        &[("fr", "Coopératives"), ("de", "Genossenschaften")],
        &[commons],
    );
    coops.exact = vec![format!("{OWN}cooperatives")];
    let file = vec![
        incoming(commons, &[("fr", "Communs"), ("en", "Commons")], &[]),
        w,
        libre,
        coops,
    ];
    let report = import(&db, &file, &langs(), OWN).await.unwrap();
    assert_eq!(report.added, ["commons", "wiki"]);
    assert_eq!(report.updated, ["free-software", "cooperatives"]);
    let all = concepts::list(&db).await.unwrap();
    let get = |id: &str| all.iter().find(|c| c.id == id).unwrap().clone();
    assert_eq!(get("wiki").broader.as_deref(), Some("commons"));
    assert_eq!(get("wiki").alt["fr"], ["wikis"]);
    // A topic added here keeps its name, gains languages and a place; one of
    // the content folder's scheme stays as the folder says, the match noted.
    let co = get("cooperatives");
    assert_eq!(co.labels["en"], "Co-operatives");
    assert_eq!(co.labels["de"], "Genossenschaften");
    assert_eq!(co.broader.as_deref(), Some("commons"));
    let fs = get("free-software");
    assert_eq!(fs.labels.len(), 1);
    assert_eq!(fs.broader, None);
    assert!(fs.shipped);
    let d = details(&db).await.unwrap();
    assert_eq!(d["wiki"].iri.as_deref(), Some(wiki));
    assert_eq!(d["wiki"].exact, ["http://www.wikidata.org/entity/Q171"]);
    assert!(d["wiki"].definitions["fr"].starts_with("Un site"));

    // The same file again changes nothing; a new label updates in place.
    let again = import(&db, &file, &langs(), OWN).await.unwrap();
    assert_eq!(again.unchanged.len(), 4, "{again:?}");
    assert!(again.added.is_empty() && again.updated.is_empty());
    let mut renamed = file.clone();
    renamed[0].labels.insert("de".into(), "Gemeingüter".into());
    let r = import(&db, &renamed, &langs(), OWN).await.unwrap();
    assert_eq!(r.updated, ["commons"]);
    assert_eq!(concepts::list(&db).await.unwrap().len(), 4);

    // Refused whole: a cycle, a language the site does not serve, a broader
    // concept nowhere, two broader concepts.
    let before = concepts::list(&db).await.unwrap();
    let bad = vec![
        incoming(commons, &[("fr", "Communs")], &[wiki]),
        incoming(wiki, &[("fr", "Wiki"), ("es", "Wiki")], &[commons]),
        incoming(
            "http://x.org/a",
            &[("fr", "A")],
            &["http://nowhere.example/b"],
        ),
        incoming("http://x.org/c", &[("fr", "C")], &[commons, wiki]),
    ];
    let problems = refused(import(&db, &bad, &langs(), OWN).await);
    assert!(
        problems
            .iter()
            .any(|p| matches!(p, Problem::Cycle { concepts } if concepts.len() == 3)),
        "{problems:?}"
    );
    assert!(problems.contains(&Problem::UnknownLanguage {
        iri: wiki.into(),
        lang: "es".into(),
        accepted: langs(),
    }));
    assert!(problems.contains(&Problem::UnknownBroader {
        iri: "http://x.org/a".into(),
        broader: "http://nowhere.example/b".into(),
    }));
    assert!(
        problems
            .iter()
            .any(|p| matches!(p, Problem::SeveralBroader { iri, .. } if iri == "http://x.org/c"))
    );
    assert_eq!(
        concepts::list(&db).await.unwrap(),
        before,
        "nothing written"
    );
    assert_eq!(
        refused(import(&db, &[], &langs(), OWN).await),
        [Problem::NoConcept]
    );
}

on_both!(skos_import, skos_schemes_are_imported_in_place);
