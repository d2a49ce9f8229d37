//! Harvesting another Archipel instance through its SPARQL endpoint
//! (`archipel-sparql`): a real demo instance served on loopback, paged
//! under its result cap, its resources found by SPARQL in the harvesting
//! store, and the triple limit refusing a run while the previous graph stays.

use std::time::Duration;

use linked_data::store::{Limits, QueryRequest};
use server::state::AppState;
use store::harvest::RunStatus;

use super::harvest::setup;
use super::harvest_oai::demo_instance_with;

/// The library resources of `state`'s own graphs (not what it harvested).
fn own_resources(state: &AppState) -> usize {
    let request = QueryRequest {
        query: "SELECT (COUNT(DISTINCT ?s) AS ?n) WHERE { GRAPH ?g { ?s a <http://schema.org/LearningResource> } \
                FILTER(!CONTAINS(STR(?g), \"/harvest/sources/\")) }"
            .into(),
        accept: Some("application/sparql-results+json".into()),
        ..QueryRequest::default()
    };
    let limits = Limits {
        timeout: Duration::from_secs(5),
        max_results: 10,
    };
    let answer = state.rdf.store().query(&request, limits).unwrap();
    let v: serde_json::Value = serde_json::from_slice(&answer.body).unwrap();
    v["results"]["bindings"][0]["n"]["value"]
        .as_str()
        .unwrap()
        .parse()
        .unwrap()
}

fn count(json: &str) -> usize {
    let v: serde_json::Value = serde_json::from_str(json).unwrap();
    v["results"]["bindings"][0]["n"]["value"]
        .as_str()
        .unwrap()
        .parse()
        .unwrap()
}

#[tokio::test(flavor = "multi_thread")]
async fn an_archipel_instance_is_harvested_over_sparql() {
    // A small result cap on the instance: the first pages are refused and
    // asked again smaller.
    let (_a, base, a) = demo_instance_with(|s| s.sparql.max_results = 150).await;
    let expected = own_resources(&a);
    assert!(expected > 5, "the demo has resources: {expected}");

    let mut s = setup().await;
    s.harvester.settings.max_triples = 100_000;
    s.harvester.settings.max_bytes = 10_000_000;
    let by_base = s.add_url("archipel-sparql", &base).await;
    let by_endpoint = s
        .add_url("archipel-sparql", &format!("{base}/sparql"))
        .await;
    for id in [by_base, by_endpoint] {
        let run = s.harvester.run(id).await.unwrap();
        assert_eq!(run.status, RunStatus::Ok, "{}", run.report);
        assert!(
            run.report.contains(&format!("{base}/sparql")),
            "{}",
            run.report
        );
        let name = harvest::graph_name(s.settings.public_url(), id);
        let found = s.select(&format!(
            "SELECT (COUNT(DISTINCT ?r) AS ?n) WHERE {{ GRAPH <{name}> {{ ?r a <http://schema.org/LearningResource> ; \
             <http://schema.org/name> ?title }} FILTER(STRSTARTS(STR(?r), \"{base}/\")) }}"
        ));
        assert_eq!(count(&found), expected, "every resource, named: {found}");
        assert_eq!(run.kept as usize, s.graphs(id).0.len());
        let provenance = s.select(&format!(
            "SELECT ?from WHERE {{ <{name}> <http://www.w3.org/ns/prov#wasDerivedFrom> ?from }}"
        ));
        assert!(
            provenance.contains(&format!("{base}/sparql")),
            "{provenance}"
        );
    }
    assert_eq!(s.graphs(by_base).0, s.graphs(by_endpoint).0);

    // Over the triple limit: the run fails and the graph stays.
    let before = s.graphs(by_base);
    let mut small = s.harvester.clone();
    small.settings.max_triples = 50;
    let run = small.run(by_base).await.unwrap();
    assert_eq!(run.status, RunStatus::Failed);
    assert!(
        run.report.contains("\"code\":\"too-many-triples\""),
        "{}",
        run.report
    );
    assert!(s.graphs(by_base) == before);

    // Loopback is refused without harvest.allow_private.
    let mut strict = s.harvester.clone();
    strict.settings.allow_private = false;
    let run = strict.run(by_base).await.unwrap();
    assert!(run.report.contains("address-refused"), "{}", run.report);
    assert!(s.graphs(by_base) == before);
}
