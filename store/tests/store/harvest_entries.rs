//! Harvested library entries on both engines: a replacement adds, updates in
//! place and removes, in one step recorded in the outbox; removing the
//! source removes its entries.

use store::harvest::{self, EntryText, NewEntry, ReplaceCounts, SourceForm};
use store::{Db, StoreError, outbox};

use super::{postgres, sqlite};

async fn source(db: &Db, label: &str) -> i64 {
    harvest::add(
        db,
        &SourceForm {
            kind: "rdf-dump".into(),
            url: "https://partner.example.org/dump.ttl".into(),
            label: label.into(),
            organisation_id: None,
            interval_hours: 0,
        },
    )
    .await
    .unwrap()
    .id
}

fn text(lang: &str, title: &str, description: &str) -> EntryText {
    EntryText {
        lang: lang.into(),
        title: title.into(),
        description: description.into(),
    }
}

fn new_entry(uri: &str, title: &str) -> NewEntry {
    NewEntry {
        original_uri: uri.into(),
        texts: vec![text("fr", title, "Une description.")],
        languages: vec!["fr".into()],
        ..NewEntry::default()
    }
}

async fn changes_for(db: &Db, source_id: i64) -> usize {
    outbox::after(db, 0, 1000)
        .await
        .unwrap()
        .iter()
        .filter(|c| {
            c.entity == Some(harvest::OUTBOX_ENTITY) && c.entity_id == source_id.to_string()
        })
        .count()
}

async fn replace_update_remove(db: Db) {
    let a = source(&db, "Partner A").await;
    let b = source(&db, "Partner B").await;
    let full = NewEntry {
        original_uri: "https://a.example.org/res/1".into(),
        texts: vec![
            text("fr", "Héberger ses outils", "Un guide pratique."),
            text("en", "Hosting your tools", "A practical guide."),
        ],
        languages: vec!["fr".into(), "en".into()],
        licence: Some("https://creativecommons.org/licenses/by-sa/4.0/".into()),
        url: Some("https://a.example.org/landing/1".into()),
        kind: Some("guide".into()),
        keywords: vec!["hébergement".into(), "auto-hébergement, serveurs".into()],
        creators: vec!["Camille Martin".into(), "Luka Horvat".into()],
        issued: Some("2026-03-15".into()),
        modified: Some("2026-04-01T09:30:00Z".into()),
    };
    let first = harvest::replace_entries(
        &db,
        a,
        &[
            full.clone(),
            new_entry("https://a.example.org/res/2", "Sauvegardes"),
        ],
    )
    .await
    .unwrap();
    assert_eq!(
        first,
        ReplaceCounts {
            added: 2,
            updated: 0,
            removed: 0
        }
    );
    harvest::replace_entries(&db, b, &[new_entry("https://b.example.org/x", "Autre")])
        .await
        .unwrap();
    let listed = harvest::entries(&db, a).await.unwrap();
    assert_eq!(listed.len(), 2);
    let one = &listed[0];
    assert_eq!(one.original_uri, full.original_uri);
    assert_eq!(one.texts, full.texts, "texts in their order, per language");
    assert_eq!(one.languages, ["fr", "en"]);
    assert_eq!(
        one.keywords, full.keywords,
        "a comma inside a keyword stays"
    );
    assert_eq!(one.creators, full.creators);
    assert_eq!(one.licence, full.licence);
    assert_eq!(one.url, full.url);
    assert_eq!(one.kind.as_deref(), Some("guide"));
    assert_eq!(one.issued.as_deref(), Some("2026-03-15"));
    assert_eq!(one.modified, full.modified);
    assert!(store::parse_time(&one.harvested_at).is_some());
    assert_eq!(one.text("en").unwrap().title, "Hosting your tools");
    assert_eq!(
        one.text("de").unwrap().title,
        "Héberger ses outils",
        "another language falls back to the main one"
    );
    assert_eq!(harvest::get_entry(&db, one.id).await.unwrap(), *one);
    assert_eq!(harvest::count_entries(&db, a).await.unwrap(), 2);
    assert_eq!(changes_for(&db, a).await, 1);

    // The source changed: the first is retitled and loses its English text,
    // the second is gone, a third appears.
    let changed = NewEntry {
        texts: vec![text("fr", "Héberger ses outils (2e éd.)", "")],
        keywords: vec![],
        ..full.clone()
    };
    let second = harvest::replace_entries(
        &db,
        a,
        &[
            changed,
            new_entry("https://a.example.org/res/3", "Chiffrement"),
        ],
    )
    .await
    .unwrap();
    assert_eq!(
        second,
        ReplaceCounts {
            added: 1,
            updated: 1,
            removed: 1
        }
    );
    let kept = harvest::get_entry(&db, one.id).await.unwrap();
    assert_eq!(kept.id, one.id, "an updated entry keeps its address");
    assert_eq!(kept.texts, [text("fr", "Héberger ses outils (2e éd.)", "")]);
    assert!(kept.keywords.is_empty());
    let uris: Vec<String> = harvest::entries(&db, a)
        .await
        .unwrap()
        .into_iter()
        .map(|e| e.original_uri)
        .collect();
    assert_eq!(
        uris,
        ["https://a.example.org/res/1", "https://a.example.org/res/3"]
    );
    assert!(matches!(
        harvest::get_entry(&db, listed[1].id).await,
        Err(StoreError::NotFound)
    ));
    assert_eq!(changes_for(&db, a).await, 2);
    assert_eq!(
        harvest::count_entries(&db, b).await.unwrap(),
        1,
        "another source's entries are left alone"
    );

    // Nothing left at the source: every entry goes.
    let emptied = harvest::replace_entries(&db, a, &[]).await.unwrap();
    assert_eq!(emptied.removed, 2);
    assert_eq!(harvest::count_entries(&db, a).await.unwrap(), 0);

    assert!(matches!(
        harvest::replace_entries(&db, 9999, &[new_entry("https://x.example.org/1", "X")]).await,
        Err(StoreError::NotFound)
    ));
}
on_both!(replace_update_remove_, replace_update_remove);

async fn removing_the_source_removes_its_entries(db: Db) {
    let a = source(&db, "Partner A").await;
    harvest::replace_entries(
        &db,
        a,
        &[
            new_entry("https://a.example.org/res/1", "Un"),
            new_entry("https://a.example.org/res/2", "Deux"),
        ],
    )
    .await
    .unwrap();
    let id = harvest::entries(&db, a).await.unwrap()[0].id;
    let before = changes_for(&db, a).await;
    harvest::remove(&db, a).await.unwrap();
    assert!(matches!(
        harvest::get_entry(&db, id).await,
        Err(StoreError::NotFound)
    ));
    assert_eq!(harvest::count_entries(&db, a).await.unwrap(), 0);
    assert_eq!(
        changes_for(&db, a).await,
        before + 1,
        "the index is told the source's entries are gone"
    );
    let texts = sqlx::query("SELECT COUNT(*) AS n FROM harvested_entry_texts")
        .fetch_one(db.pool())
        .await
        .unwrap();
    let n: i64 = sqlx::Row::try_get(&texts, "n").unwrap();
    assert_eq!(n, 0, "no text is left behind");
}
on_both!(removal_, removing_the_source_removes_its_entries);
