//! `archipel import` keeps records under every licence partners use — a
//! documentation set under the GNU GPL 2.0 (its `old-licenses` address),
//! CC BY-SA 3.0 (a French deed's address), the Licence Art Libre and the
//! Public Domain Mark, none of them in the AMB profile's short list or the
//! form's suggestions — stores each as its licence's canonical URI, shows
//! the licence's name on the resource page, linked, and publishes the URI
//! as `schema:license` in the RDF; a value that is not a licence refuses
//! its record with the JSON path of the field.

use axum::body::Body;
use axum::http::{Request, StatusCode};
use oxigraph::model::{NamedNodeRef, Term};
use server::cli;
use tower::ServiceExt;

use super::{args, import_db, settings};

/// `(record id, canonical URI, name on the English page)`.
const KEPT: [(&str, &str, &str); 4] = [
    (
        "https://docs.example.org/handbook/backups",
        "https://www.gnu.org/licenses/old-licenses/gpl-2.0.html",
        "GNU GPL 2.0",
    ),
    (
        "https://atelier.example.fr/fiches/mots-de-passe",
        "https://creativecommons.org/licenses/by-sa/3.0/",
        "CC BY-SA 3.0",
    ),
    (
        "https://atelier.example.fr/affiches/vie-privee",
        "https://artlibre.org/licence/lal/en/",
        "Free Art License 1.3",
    ),
    (
        "https://archiv.example.de/plakate/1923",
        "https://creativecommons.org/publicdomain/mark/1.0/",
        "Public Domain Mark 1.0",
    ),
];

async fn page(router: &axum::Router, path: &str) -> String {
    let reply = router
        .clone()
        .oneshot(Request::get(path).body(Body::empty()).unwrap())
        .await
        .unwrap();
    assert_eq!(reply.status(), StatusCode::OK, "{path}");
    let bytes = axum::body::to_bytes(reply.into_body(), usize::MAX)
        .await
        .unwrap();
    String::from_utf8(bytes.to_vec()).unwrap()
}

#[tokio::test]
async fn records_under_any_licence_are_kept_named_and_linked() {
    let dir = tempfile::tempdir().unwrap();
    let db = import_db(dir.path()).await;
    db.close().await;
    let file = std::path::PathBuf::from(std::env::var_os("CARGO_MANIFEST_DIR").unwrap())
        .join("tests/fixtures/licences/records.json");

    let err = cli::import::run(settings(dir.path()), args(dir.path(), &file))
        .await
        .unwrap_err();
    assert_eq!(
        err.to_string(),
        "1 record(s) rejected; the others were imported"
    );
    let report: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(dir.path().join("report.json")).unwrap())
            .unwrap();
    assert_eq!(report["created"], 4, "{report}");
    let rejected = report["rejected"].as_array().unwrap();
    assert_eq!(rejected.len(), 1, "{report}");
    assert_eq!(rejected[0]["record"], 5);
    let reason = rejected[0]["reasons"][0].as_str().unwrap();
    assert!(
        reason.starts_with("license.id: ") && reason.contains("javascript:alert(1)"),
        "{reason}"
    );

    let db = cli::open_db(&settings(dir.path())).await.unwrap();
    let state = server::state::AppState::new(db.clone(), settings(dir.path())).unwrap();
    state.rdf.rebuild().await.unwrap();
    let rdf = state.rdf.store().clone();
    let uris = state.rdf.uris().clone();
    let router = server::http::app(state);
    for (id, uri, name) in KEPT {
        let uid = store::library::import::uid_for(id);
        let r = store::library::get_by_uid(&db, &uid).await.unwrap();
        assert_eq!(r.licence, uri, "{id} is stored as its licence's URI");

        let html = page(&router, &format!("/en/library/resources/{uid}")).await;
        let link = format!("rel=\"license\" href=\"{uri}\" class=\"badge\">{name}</a>");
        assert!(html.contains(&link), "{id}: {link} on its page");

        let me = uris.resource(&uid);
        let g = rdf.describe(&me).unwrap();
        let licences: Vec<Term> = g
            .objects_for_subject_predicate(
                NamedNodeRef::new(&me).unwrap(),
                NamedNodeRef::new("http://schema.org/license").unwrap(),
            )
            .map(|t| t.into_owned())
            .collect();
        assert_eq!(
            licences,
            [Term::NamedNode(
                NamedNodeRef::new(uri).unwrap().into_owned()
            )],
            "{id} in the RDF"
        );
    }
    // Names in the reader's language where the licence has one.
    let uid = store::library::import::uid_for(KEPT[2].0);
    let html = page(&router, &format!("/fr/library/resources/{uid}")).await;
    assert!(html.contains(">Licence Art Libre 1.3</a>"), "French name");
    let uid = store::library::import::uid_for(KEPT[3].0);
    let html = page(&router, &format!("/de/library/resources/{uid}")).await;
    assert!(
        html.contains(">Public-Domain-Kennzeichnung 1.0</a>"),
        "German name"
    );
}
