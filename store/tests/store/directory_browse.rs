//! Filters of the published providers directory on both engines: by kind of
//! help, service, area, language and words, with counts.

use store::Db;
use store::directory::browse::{self, Filters};
use store::directory::{self, HelpKind, PriceModel, Service};

use super::directory::{everything, form, names, people, published};
use super::{postgres, sqlite};

async fn filters_narrow_the_published_directory(db: Db) {
    let (owner, moderator, _) = people(&db).await;
    // A hoster for all of France, in French and English, CHATONS, paid.
    published(&db, owner, moderator, &form("Alpha Nuage")).await;
    // A trainer for Occitanie and Wallonia, on site, speaks de-AT and fr.
    let mut f = form("beta Formation");
    f.help = vec!["training".into(), "migration".into()];
    f.services.clear();
    f.areas = vec!["FRJ".into(), "BE3".into()];
    f.remote = false;
    f.on_site = true;
    f.languages = "fr, de-AT".into();
    f.prices = vec!["sliding-scale".into(), "donation".into()];
    f.chatons = false;
    published(&db, owner, moderator, &f).await;
    // A German developer, remote and on site.
    let mut f = form("Gamma Entwicklung");
    f.original_language = "de".into();
    f.descriptions = [(
        "de".to_string(),
        "Wir entwickeln freie Software für Vereine in ganz Deutschland.".to_string(),
    )]
    .into();
    f.help = vec!["development".into(), "audit".into()];
    f.services.clear();
    f.areas = vec!["DE".into(), "AT".into()];
    f.on_site = true;
    f.languages = "de".into();
    f.prices = vec!["paid".into()];
    f.chatons = false;
    published(&db, owner, moderator, &f).await;
    // A draft matches nothing.
    directory::create(&db, owner, &form("Delta Brouillon"))
        .await
        .unwrap();

    let all = everything(&db).await;
    assert_eq!(all.total, 3);
    assert_eq!(
        names(&all),
        ["Alpha Nuage", "beta Formation", "Gamma Entwicklung"],
        "by name, whatever the case"
    );
    let by = |f: Filters| {
        let db = db.clone();
        async move { names(&browse::list(&db, &f, 100, 0).await.unwrap()) }
    };
    assert_eq!(
        by(Filters {
            help: vec![HelpKind::Training],
            ..Filters::default()
        })
        .await,
        ["Alpha Nuage", "beta Formation"]
    );
    assert_eq!(
        by(Filters {
            help: vec![HelpKind::Audit, HelpKind::Migration],
            ..Filters::default()
        })
        .await,
        ["beta Formation", "Gamma Entwicklung"],
        "values of one filter are alternatives"
    );
    assert_eq!(
        by(Filters {
            services: vec![Service::Jitsi],
            ..Filters::default()
        })
        .await,
        ["Alpha Nuage"]
    );
    // Occitanie: the national hoster and the regional trainer.
    assert_eq!(
        by(Filters {
            areas: vec!["FRJ".into()],
            ..Filters::default()
        })
        .await,
        ["Alpha Nuage", "beta Formation"]
    );
    // Brittany: only the national hoster.
    assert_eq!(
        by(Filters {
            areas: vec!["FRH".into()],
            ..Filters::default()
        })
        .await,
        ["Alpha Nuage"]
    );
    // Belgium as a whole finds the one serving Wallonia.
    assert_eq!(
        by(Filters {
            areas: vec!["BE".into()],
            ..Filters::default()
        })
        .await,
        ["beta Formation"]
    );
    assert_eq!(
        by(Filters {
            areas: vec!["AT".into(), "BE".into()],
            ..Filters::default()
        })
        .await,
        ["beta Formation", "Gamma Entwicklung"]
    );
    assert_eq!(
        by(Filters {
            languages: vec!["de".into()],
            ..Filters::default()
        })
        .await,
        ["beta Formation", "Gamma Entwicklung"],
        "de finds de-AT"
    );
    assert_eq!(
        by(Filters {
            languages: vec!["DE-at".into()],
            ..Filters::default()
        })
        .await,
        ["beta Formation"],
        "tags compare without case"
    );
    assert_eq!(
        by(Filters {
            prices: vec![PriceModel::SlidingScale, PriceModel::Free],
            ..Filters::default()
        })
        .await,
        ["beta Formation"]
    );
    assert_eq!(
        by(Filters {
            chatons: Some(true),
            ..Filters::default()
        })
        .await,
        ["Alpha Nuage"]
    );
    assert_eq!(
        by(Filters {
            on_site: Some(true),
            remote: Some(true),
            ..Filters::default()
        })
        .await,
        ["Gamma Entwicklung"]
    );
    // Filters narrow each other: French speakers in Occitanie who train on site.
    assert_eq!(
        by(Filters {
            areas: vec!["FRJ".into()],
            languages: vec!["fr".into()],
            help: vec![HelpKind::Training],
            on_site: Some(true),
            ..Filters::default()
        })
        .await,
        ["beta Formation"]
    );
    assert!(
        by(Filters {
            areas: vec!["IT".into()],
            ..Filters::default()
        })
        .await
        .is_empty()
    );
    // Pages: the total stays, the page moves.
    let page = browse::list(&db, &Filters::default(), 2, 2).await.unwrap();
    assert_eq!(
        (page.total, names(&page)),
        (3, vec!["Gamma Entwicklung".to_string()])
    );

    let counts = browse::counts(&db).await.unwrap();
    assert_eq!(counts["help"]["training"], 2);
    assert_eq!(counts["service"]["nextcloud"], 1);
    assert_eq!(counts["country"]["FR"], 2);
    assert_eq!(counts["region"]["FRJ"], 1);
    assert_eq!(counts["language"]["de-AT"], 1);
    assert_eq!(counts["chatons"]["1"], 1);
    assert!(!counts["help"].contains_key("other"));
}
on_both!(filters, filters_narrow_the_published_directory);
