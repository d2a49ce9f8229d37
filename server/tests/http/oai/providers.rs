//! The directory's providers in OAI-PMH: the `providers` set, records in
//! `oai_dc` and schema.org, paging, and a provider taken off the directory
//! as a deleted record. Every answer is validated against the schemas.

use store::directory::{self, review};

use super::client::*;
use crate::provider_linked::{people, provider_form, published};

#[tokio::test]
async fn the_providers_set_holds_published_profiles_and_keeps_deletions() {
    let mut app = app(2).await;
    let (owner, moderator) = people(&app).await;
    let mut slugs = Vec::new();
    for name in ["La Ruche aux octets", "Nuage solidaire", "Octets libres"] {
        let form = provider_form(
            name,
            "Nous hébergeons des outils libres pour les associations lyonnaises.",
            "We host free software tools for associations around Lyon.",
        );
        slugs.push(published(&app, owner, moderator, &form).await.slug);
    }
    let draft = directory::create(
        &app.db,
        owner,
        &provider_form("Brouillon", &"b".repeat(50), &"c".repeat(50)),
    )
    .await
    .unwrap();
    let id = |slug: &str| format!("oai:{HOST}:provider:{slug}");

    let body = oai(&mut app, "verb=ListSets").await;
    assert!(texts(&body, "setSpec").contains(&"providers".to_string()));
    assert!(texts(&body, "setName").contains(&"Providers directory".to_string()));

    // Paged to the end: every published provider once, never the draft.
    let (ids, sizes) = harvest(
        &mut app,
        "verb=ListIdentifiers&metadataPrefix=oai_dc&set=providers",
    )
    .await;
    let mut expected: Vec<String> = slugs.iter().map(|s| id(s)).collect();
    let mut got = ids.clone();
    got.sort();
    expected.sort();
    assert_eq!(got, expected);
    assert!(!ids.contains(&id(&draft.slug)));
    assert_eq!(sizes, ["3", "3"]);

    // The library's lists do not mix providers in.
    let body = oai(&mut app, "verb=ListIdentifiers&metadataPrefix=oai_dc").await;
    expect_error(&body, "noRecordsMatch");

    // One record in Dublin Core: names, texts per language, type, where.
    let body = oai(
        &mut app,
        &format!(
            "verb=GetRecord&metadataPrefix=oai_dc&identifier={}",
            enc(&id(&slugs[0]))
        ),
    )
    .await;
    assert_eq!(texts(&body, "setSpec"), ["providers"]);
    assert_eq!(texts(&body, "dc:title"), ["La Ruche aux octets"]);
    for needle in [
        "<dc:description xml:lang=\"fr\">Nous hébergeons",
        "<dc:description xml:lang=\"en\">We host",
        "<dc:subject xml:lang=\"fr\">Hébergement de services</dc:subject>",
        "<dc:subject xml:lang=\"en\">Hosting of services</dc:subject>",
        "<dc:type>Service</dc:type>",
        "<dc:coverage>BE</dc:coverage>",
        "<dc:language>fr</dc:language>",
        "<dc:relation>https://ruche.example.org</dc:relation>",
        &format!(
            "<dc:identifier>https://{HOST}/directory/{}</dc:identifier>",
            slugs[0]
        ),
    ] {
        assert!(body.contains(needle), "{needle} in {body}");
    }
    assert!(
        body.contains("(FRJ)</dc:coverage>"),
        "the region by name and code"
    );
    assert!(!body.contains("contact@ruche.example.org"));
    // And as schema.org.
    let body = oai(
        &mut app,
        &format!(
            "verb=GetRecord&metadataPrefix=oai_lrmi&identifier={}",
            enc(&id(&slugs[0]))
        ),
    )
    .await;
    assert!(
        body.contains("http://schema.org/Organization") || body.contains("schema:Organization"),
        "{body}"
    );
    let datestamp = texts(&body, "datestamp")[0].clone();

    // A draft has no record.
    let body = oai(
        &mut app,
        &format!(
            "verb=GetRecord&metadataPrefix=oai_dc&identifier={}",
            enc(&id(&draft.slug))
        ),
    )
    .await;
    expect_error(&body, "idDoesNotExist");

    // Taken off the directory: a deleted record, with a later datestamp.
    let p = directory::get_by_slug(&app.db, &slugs[0]).await.unwrap();
    tokio::time::sleep(std::time::Duration::from_millis(1100)).await;
    review::unpublish(&app.db, moderator, p.id, "Closed down")
        .await
        .unwrap();
    let body = oai(
        &mut app,
        &format!(
            "verb=GetRecord&metadataPrefix=oai_dc&identifier={}",
            enc(&id(&slugs[0]))
        ),
    )
    .await;
    assert!(body.contains("<header status=\"deleted\">"), "{body}");
    assert!(!body.contains("<metadata>"));
    assert!(texts(&body, "datestamp")[0] > datestamp);
    let body = oai(
        &mut app,
        &format!(
            "verb=ListMetadataFormats&identifier={}",
            enc(&id(&slugs[0]))
        ),
    )
    .await;
    expect_error(&body, "noMetadataFormats");

    // Harvesting from the unpublishing on gives the deletion alone.
    let since = texts(
        &oai(
            &mut app,
            &format!(
                "verb=GetRecord&metadataPrefix=oai_dc&identifier={}",
                enc(&id(&slugs[0]))
            ),
        )
        .await,
        "datestamp",
    )[0]
    .clone();
    let body = oai(
        &mut app,
        &format!(
            "verb=ListRecords&metadataPrefix=oai_dc&set=providers&from={}",
            enc(&since)
        ),
    )
    .await;
    assert_eq!(texts(&body, "identifier"), [id(&slugs[0])]);
    assert!(body.contains("status=\"deleted\""));

    // Identify's earliest datestamp is a provider's when there is no resource.
    let body = oai(
        &mut app,
        "verb=ListIdentifiers&metadataPrefix=oai_dc&set=providers",
    )
    .await;
    let oldest = texts(&body, "datestamp").into_iter().min().unwrap();
    let body = oai(&mut app, "verb=Identify").await;
    assert_eq!(texts(&body, "earliestDatestamp"), [oldest]);
}
