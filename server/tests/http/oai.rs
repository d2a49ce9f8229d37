//! The OAI-PMH provider through the real router: every verb by GET and
//! POST, every error condition, paging with resumption tokens (to the end,
//! across a restart, expired, forged), dates at both granularities, sets,
//! deleted records; every answer validated against the OAI-PMH schemas
//! (the `oai_dc` metadata against oai_dc.xsd) with xmllint.

mod client;
mod providers;
mod xsd;

use std::collections::BTreeSet;

use oai_provider::token;
use store::library;
use store::library::review::{self, TranslationForm};

use axum::body::Body;
use axum::http::{Request, header};
use client::*;

#[tokio::test]
async fn identify_formats_and_sets() {
    let mut app = app(100).await;
    let w = world(&app).await;
    let r = resource(&app, &w, 0, "Héberger ses outils", "free-software", false).await;

    let body = oai(&mut app, "verb=Identify").await;
    assert!(body.contains("<request verb=\"Identify\">https://archipel.example.org/oai</request>"));
    assert_eq!(texts(&body, "deletedRecord"), ["persistent"]);
    assert_eq!(texts(&body, "granularity"), ["YYYY-MM-DDThh:mm:ssZ"]);
    assert_eq!(texts(&body, "protocolVersion"), ["2.0"]);
    assert_eq!(texts(&body, "repositoryIdentifier"), [HOST]);
    assert_eq!(texts(&body, "adminEmail"), [format!("admin@{HOST}")]);
    let earliest = &texts(&body, "earliestDatestamp")[0];
    let header = oai(&mut app, "verb=ListIdentifiers&metadataPrefix=oai_dc").await;
    assert_eq!(
        &texts(&header, "datestamp")[0],
        earliest,
        "the one record is the earliest"
    );
    // POST gives the same answer as GET.
    let posted = oai_post(&mut app, "verb=Identify").await;
    assert_eq!(&texts(&posted, "earliestDatestamp")[0], earliest);

    let body = oai(&mut app, "verb=ListMetadataFormats").await;
    assert_eq!(texts(&body, "metadataPrefix"), ["oai_dc", "oai_lrmi"]);
    assert!(body.contains("<metadataNamespace>http://schema.org/</metadataNamespace>"));
    let id = format!("oai:{HOST}:{}", r.uid);
    let body = oai(
        &mut app,
        &format!("verb=ListMetadataFormats&identifier={}", enc(&id)),
    )
    .await;
    assert_eq!(texts(&body, "metadataPrefix"), ["oai_dc", "oai_lrmi"]);

    let body = oai(&mut app, "verb=ListSets").await;
    let specs = texts(&body, "setSpec");
    for s in [
        "partner",
        "topic",
        "language",
        "partner:les-tisserands",
        "partner:rete-civica",
        "topic:digital",
        "topic:free-software",
        "topic:cooking",
        "language:fr",
    ] {
        assert!(specs.contains(&s.to_string()), "{s} in {specs:?}");
    }
    assert!(body.contains("<dc:title xml:lang=\"fr\">Logiciel libre</dc:title>"));
    assert!(texts(&body, "setName").contains(&"Rete Civica".to_string()));
}

#[tokio::test]
async fn a_record_in_dublin_core_and_lrmi() {
    let mut app = app(100).await;
    let w = world(&app).await;
    let r = resource(&app, &w, 0, "Héberger ses outils", "free-software", false).await;
    let form = TranslationForm {
        lang: "en".into(),
        title: "Hosting your tools".into(),
        description: "A practical guide.".into(),
        origin: "human".into(),
    };
    review::save_translation(&app.db, w.users[0], r.id, &form)
        .await
        .unwrap();
    review::submit_translation(&app.db, w.users[0], r.id, "en")
        .await
        .unwrap();
    review::publish_translation(&app.db, w.moderator, r.id, "en")
        .await
        .unwrap();
    let id = enc(&format!("oai:{HOST}:{}", r.uid));

    let body = oai(
        &mut app,
        &format!("verb=GetRecord&identifier={id}&metadataPrefix=oai_dc"),
    )
    .await;
    assert_eq!(error_code(&body), None, "{body}");
    for part in [
        "<dc:title xml:lang=\"fr\">Héberger ses outils</dc:title>",
        "<dc:title xml:lang=\"en\">Hosting your tools</dc:title>",
        "<dc:description xml:lang=\"fr\">About Héberger ses outils &amp; &lt;more&gt;.</dc:description>",
        "<dc:creator>Ada Lovelace</dc:creator>",
        "<dc:subject xml:lang=\"en\">Free software</dc:subject>",
        "<dc:publisher>Les Tisserands</dc:publisher>",
        "<dc:date>2024-03</dc:date>",
        "<dc:type>Text</dc:type>",
        "<dc:language>en</dc:language>",
        "<dc:language>fr</dc:language>",
        "<dc:rights>https://creativecommons.org/licenses/by-sa/4.0/</dc:rights>",
        "<setSpec>topic:digital</setSpec>",
        "<setSpec>language:en</setSpec>",
    ] {
        assert!(body.contains(part), "{part} in {body}");
    }
    let identifiers = texts(&body, "dc:identifier");
    assert!(identifiers.contains(&format!("https://{HOST}/library/resources/{}", r.uid)));
    assert!(identifiers.contains(&format!("https://{HOST}/fr/library/resources/{}", r.uid)));

    let body = oai(
        &mut app,
        &format!("verb=GetRecord&identifier={id}&metadataPrefix=oai_lrmi"),
    )
    .await;
    assert_eq!(error_code(&body), None, "{body}");
    assert!(body.contains("<metadata><rdf:RDF"), "{body}");
    assert!(!body[body.find("<metadata>").unwrap()..].contains("<?xml"));
    assert!(body.contains("http://schema.org/"));
    assert!(body.contains("Hosting your tools"));

    // ListRecords in both formats, by POST too.
    for prefix in ["oai_dc", "oai_lrmi"] {
        let body = oai_post(
            &mut app,
            &format!("verb=ListRecords&metadataPrefix={prefix}"),
        )
        .await;
        assert_eq!(texts(&body, "identifier").len(), 1, "{body}");
        assert!(body.contains("<metadata>"));
    }
}

#[tokio::test]
async fn every_error_condition() {
    let mut app = app(2).await;
    let w = world(&app).await;
    let live = resource(&app, &w, 0, "Un", "cooking", false).await;
    let gone = resource(&app, &w, 0, "Deux", "cooking", false).await;
    resource(&app, &w, 0, "Trois", "cooking", false).await;
    review::unpublish(&app.db, w.moderator, gone.id, "outdated")
        .await
        .unwrap();

    for (query, code) in [
        ("", "badVerb"),
        ("verb=Sing", "badVerb"),
        ("verb=Identify&verb=Identify", "badVerb"),
        ("verb=Identify&color=red", "badArgument"),
        ("verb=ListRecords", "badArgument"),
        (
            "verb=ListRecords&metadataPrefix=oai_dc&metadataPrefix=oai_dc",
            "badArgument",
        ),
        (
            "verb=ListRecords&metadataPrefix=oai_dc&from=yesterday",
            "badArgument",
        ),
        (
            "verb=ListRecords&metadataPrefix=oai_dc&from=2026-01-01T00:00:00.5Z",
            "badArgument",
        ),
        (
            "verb=ListRecords&metadataPrefix=oai_dc&from=2026-01-01&until=2026-02-01T00:00:00Z",
            "badArgument",
        ),
        (
            "verb=ListRecords&metadataPrefix=oai_dc&from=2026-02-01&until=2026-01-01",
            "badArgument",
        ),
        (
            "verb=ListRecords&metadataPrefix=oai_dc&set=not%20a%20set",
            "badArgument",
        ),
        (
            "verb=ListIdentifiers&metadataPrefix=oai_dc&resumptionToken=x",
            "badArgument",
        ),
        ("verb=GetRecord&metadataPrefix=oai_dc", "badArgument"),
        ("verb=GetRecord&identifier=x", "badArgument"),
        ("verb=ListSets&set=partner", "badArgument"),
        (
            "verb=ListRecords&metadataPrefix=marc21",
            "cannotDisseminateFormat",
        ),
        (
            "verb=ListIdentifiers&metadataPrefix=oai_dc&from=2999-01-01",
            "noRecordsMatch",
        ),
        (
            "verb=ListIdentifiers&metadataPrefix=oai_dc&until=2000-01-01T00:00:00Z",
            "noRecordsMatch",
        ),
        (
            "verb=ListIdentifiers&metadataPrefix=oai_dc&set=topic:nothing",
            "noRecordsMatch",
        ),
        (
            "verb=ListIdentifiers&metadataPrefix=oai_dc&set=colour:red",
            "noRecordsMatch",
        ),
        (
            "verb=ListRecords&resumptionToken=garbage",
            "badResumptionToken",
        ),
        (
            "verb=ListSets&resumptionToken=anything",
            "badResumptionToken",
        ),
        (
            "verb=ListMetadataFormats&identifier=oai:other.example.org:abc",
            "idDoesNotExist",
        ),
        (
            "verb=ListMetadataFormats&identifier=nonsense",
            "idDoesNotExist",
        ),
    ] {
        let body = oai(&mut app, query).await;
        expect_error(&body, code);
        if matches!(code, "badVerb" | "badArgument") {
            assert!(
                body.contains("<request>https://archipel.example.org/oai</request>"),
                "{body}"
            );
        } else {
            assert!(body.contains("<request verb="), "{query}: {body}");
        }
    }
    let id = |uid: &str| enc(&format!("oai:{HOST}:{uid}"));
    let body = oai(
        &mut app,
        &format!(
            "verb=GetRecord&identifier={}&metadataPrefix=oai_dc",
            id("ffffffffffff")
        ),
    )
    .await;
    expect_error(&body, "idDoesNotExist");
    let body = oai(
        &mut app,
        &format!(
            "verb=GetRecord&identifier={}&metadataPrefix=mods",
            id(&live.uid)
        ),
    )
    .await;
    expect_error(&body, "cannotDisseminateFormat");
    let body = oai(
        &mut app,
        &format!("verb=ListMetadataFormats&identifier={}", id(&gone.uid)),
    )
    .await;
    expect_error(&body, "noMetadataFormats");
    // A POST that is not a form.
    let req = Request::post("/oai")
        .header(header::CONTENT_TYPE, "application/json")
        .body(Body::from("{\"verb\":\"Identify\"}"))
        .unwrap();
    let r = app.send(req).await;
    expect_error(&check_reply(r.status, &r.headers, &r.body), "badArgument");

    // Tokens: a ListIdentifiers token is not a ListRecords one; a forged
    // one (signed with another key) and an expired one are refused.
    let body = oai(&mut app, "verb=ListIdentifiers&metadataPrefix=oai_dc").await;
    let (text, _) = resumption(&body).unwrap();
    let other = oai(
        &mut app,
        &format!("verb=ListRecords&resumptionToken={}", enc(&text)),
    )
    .await;
    expect_error(&other, "badResumptionToken");
    let settings = settings::Settings {
        data_dir: app.dir.path().join("data"),
        ..Default::default()
    };
    let key = token::key(&settings.oai, &settings.data_dir).unwrap();
    let mut t = token::decode(&text, &key, 0).unwrap();
    let forged = token::encode(&t, b"another instance's key, long enough to pass");
    let body = oai(
        &mut app,
        &format!("verb=ListIdentifiers&resumptionToken={}", enc(&forged)),
    )
    .await;
    expect_error(&body, "badResumptionToken");
    let (payload, signature) = text.split_once('.').unwrap();
    let tampered = format!("{}x.{signature}", &payload[..payload.len() - 1]);
    let body = oai(
        &mut app,
        &format!("verb=ListIdentifiers&resumptionToken={}", enc(&tampered)),
    )
    .await;
    expect_error(&body, "badResumptionToken");
    t.expires = time::OffsetDateTime::now_utc().unix_timestamp() - 1;
    let expired = token::encode(&t, &key);
    let body = oai(
        &mut app,
        &format!("verb=ListIdentifiers&resumptionToken={}", enc(&expired)),
    )
    .await;
    expect_error(&body, "badResumptionToken");
    assert!(body.contains("expired"), "{body}");
}

#[tokio::test]
async fn lists_page_to_the_end_and_tokens_survive_a_restart() {
    let mut app = app(2).await;
    let w = world(&app).await;
    let mut uids = BTreeSet::new();
    for i in 0..5 {
        uids.insert(
            resource(&app, &w, i % 2, &format!("R{i}"), "cooking", false)
                .await
                .uid,
        );
    }
    resource(&app, &w, 0, "Never published", "cooking", true).await;
    let expected: BTreeSet<String> = uids.iter().map(|u| format!("oai:{HOST}:{u}")).collect();
    for first in [
        "verb=ListIdentifiers&metadataPrefix=oai_dc",
        "verb=ListRecords&metadataPrefix=oai_lrmi",
    ] {
        let (ids, sizes) = harvest(&mut app, first).await;
        assert_eq!(ids.len(), 5, "no duplicates: {ids:?}");
        assert_eq!(ids.iter().cloned().collect::<BTreeSet<_>>(), expected);
        assert_eq!(sizes, ["5", "5", "5"]);
    }

    // A token issued before a restart works on the new instance.
    let body = oai(&mut app, "verb=ListIdentifiers&metadataPrefix=oai_dc").await;
    let mut seen = texts(&body, "identifier");
    let (text, _) = resumption(&body).unwrap();
    let mut again = restart(app).await;
    let body = oai(
        &mut again,
        &format!("verb=ListIdentifiers&resumptionToken={}", enc(&text)),
    )
    .await;
    assert_eq!(error_code(&body), None, "{body}");
    seen.extend(texts(&body, "identifier"));
    assert_eq!(seen.len(), 4);
    assert_eq!(seen.iter().collect::<BTreeSet<_>>().len(), 4);
}

#[tokio::test]
async fn from_and_until_at_both_granularities() {
    let mut app = app(100).await;
    let w = world(&app).await;
    let a = resource(&app, &w, 0, "A", "cooking", false).await;
    let b = resource(&app, &w, 0, "B", "cooking", false).await;
    let c = resource(&app, &w, 1, "C", "cooking", false).await;
    stamp(&app, &a.uid, "2025-01-01T10:00:00.500000Z").await;
    stamp(&app, &b.uid, "2025-01-02T12:30:00.000000Z").await;
    stamp(&app, &c.uid, "2025-01-03T00:00:00.000000Z").await;
    let id = |r: &library::Resource| format!("oai:{HOST}:{}", r.uid);
    let list = |q: &str| format!("verb=ListIdentifiers&metadataPrefix=oai_dc&{q}");
    for (q, want) in [
        ("from=2025-01-02", vec![id(&b), id(&c)]),
        ("until=2025-01-02", vec![id(&a), id(&b)]),
        ("from=2025-01-02&until=2025-01-02", vec![id(&b)]),
        (
            "from=2025-01-01T10:00:00Z&until=2025-01-01T10:00:00Z",
            vec![id(&a)],
        ),
        ("from=2025-01-01T10:00:01Z", vec![id(&b), id(&c)]),
        ("until=2025-01-02T12:29:59Z", vec![id(&a)]),
        (
            "from=2025-01-02T12:30:00Z&until=2025-01-03T00:00:00Z",
            vec![id(&b), id(&c)],
        ),
    ] {
        let body = oai(&mut app, &list(q)).await;
        assert_eq!(texts(&body, "identifier"), want, "{q}: {body}");
    }
    let body = oai(&mut app, &list("from=2025-01-01")).await;
    assert_eq!(
        texts(&body, "datestamp"),
        [
            "2025-01-01T10:00:00Z",
            "2025-01-02T12:30:00Z",
            "2025-01-03T00:00:00Z"
        ]
    );
    let body = oai(&mut app, "verb=Identify").await;
    assert_eq!(texts(&body, "earliestDatestamp"), ["2025-01-01T10:00:00Z"]);
}

#[tokio::test]
async fn sets_select_by_partner_topic_with_narrower_and_language() {
    let mut app = app(100).await;
    let w = world(&app).await;
    let free = resource(&app, &w, 0, "Libre", "free-software", false).await;
    let digital = resource(&app, &w, 1, "Digitale", "digital", false).await;
    let cooking = resource(&app, &w, 1, "Cucina", "cooking", false).await;
    let form = TranslationForm {
        lang: "de".into(),
        title: "Kochen".into(),
        description: String::new(),
        origin: "human".into(),
    };
    review::save_translation(&app.db, w.users[1], cooking.id, &form)
        .await
        .unwrap();
    review::submit_translation(&app.db, w.users[1], cooking.id, "de")
        .await
        .unwrap();
    review::publish_translation(&app.db, w.moderator, cooking.id, "de")
        .await
        .unwrap();
    let id = |r: &library::Resource| format!("oai:{HOST}:{}", r.uid);
    let set = |s: &str| format!("verb=ListIdentifiers&metadataPrefix=oai_dc&set={s}");
    for (s, want) in [
        ("partner:les-tisserands", vec![id(&free)]),
        ("partner:rete-civica", vec![id(&digital), id(&cooking)]),
        ("partner", vec![id(&free), id(&digital), id(&cooking)]),
        ("topic:digital", vec![id(&free), id(&digital)]),
        ("topic:free-software", vec![id(&free)]),
        ("topic", vec![id(&free), id(&digital), id(&cooking)]),
        ("language:de", vec![id(&cooking)]),
        ("language:it", vec![id(&digital), id(&cooking)]),
        ("language:fr", vec![id(&free)]),
    ] {
        let body = oai(&mut app, &set(s)).await;
        let got: BTreeSet<String> = texts(&body, "identifier").into_iter().collect();
        assert_eq!(
            got,
            want.into_iter().collect::<BTreeSet<_>>(),
            "{s}: {body}"
        );
    }
    let body = oai(&mut app, &set("topic:free-software")).await;
    assert_eq!(
        texts(&body, "setSpec"),
        [
            "partner:les-tisserands",
            "topic:digital",
            "topic:free-software",
            "language:fr"
        ]
    );
}

#[tokio::test]
async fn unpublished_and_withdrawn_resources_are_deleted_records() {
    let mut app = app(100).await;
    let w = world(&app).await;
    let kept = resource(&app, &w, 0, "Gardé", "cooking", false).await;
    let gone = resource(&app, &w, 0, "Parti", "cooking", false).await;
    let withdrawn = resource(&app, &w, 1, "Ritirato", "cooking", false).await;
    resource(&app, &w, 0, "Brouillon", "cooking", true).await;
    let draft_withdrawn = resource(&app, &w, 0, "Jamais", "cooking", true).await;
    review::withdraw(&app.db, w.users[0], draft_withdrawn.id, "no")
        .await
        .unwrap();
    review::unpublish(&app.db, w.moderator, gone.id, "outdated")
        .await
        .unwrap();
    review::withdraw(&app.db, w.moderator, withdrawn.id, "wrong")
        .await
        .unwrap();
    let left_at: String =
        sqlx::query_scalar::<_, String>("SELECT left_at FROM resources WHERE id = $1")
            .bind(gone.id)
            .fetch_one(app.db.pool())
            .await
            .unwrap();
    // Later edits of the unpublished resource do not move its datestamp.
    let history = store::library::history(&app.db, gone.id).await.unwrap();
    assert_eq!(history.last().unwrap().action, "unpublished");

    let body = oai(&mut app, "verb=ListRecords&metadataPrefix=oai_dc").await;
    let ids = texts(&body, "identifier");
    assert_eq!(
        ids.len(),
        3,
        "drafts never published are not records: {body}"
    );
    assert_eq!(
        body.matches("<header status=\"deleted\">").count(),
        2,
        "{body}"
    );
    assert_eq!(
        body.matches("<metadata>").count(),
        1,
        "deleted records carry no metadata"
    );
    assert!(ids.contains(&format!("oai:{HOST}:{}", kept.uid)));

    let id = enc(&format!("oai:{HOST}:{}", gone.uid));
    let body = oai(
        &mut app,
        &format!("verb=GetRecord&identifier={id}&metadataPrefix=oai_dc"),
    )
    .await;
    assert!(body.contains("<header status=\"deleted\">"), "{body}");
    assert!(!body.contains("<metadata>"));
    let expected = &left_at[..19];
    assert_eq!(texts(&body, "datestamp"), [format!("{expected}Z")]);
    // The deleted record stays in its sets.
    let body = oai(
        &mut app,
        "verb=ListIdentifiers&metadataPrefix=oai_dc&set=partner:rete-civica",
    )
    .await;
    assert!(body.contains("<header status=\"deleted\">"), "{body}");

    // Published again, it is a live record again.
    review::submit(&app.db, w.users[0], gone.id).await.unwrap();
    review::publish(&app.db, w.moderator, gone.id)
        .await
        .unwrap();
    let body = oai(
        &mut app,
        &format!("verb=GetRecord&identifier={id}&metadataPrefix=oai_dc"),
    )
    .await;
    assert!(!body.contains("status=\"deleted\""), "{body}");
    assert!(body.contains("<dc:title xml:lang=\"fr\">Parti</dc:title>"));
}
