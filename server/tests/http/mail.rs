//! E-mail delivery of help requests through a capturing mailer: each stored
//! request goes once to its own provider, Reply-To the sender, in the
//! request's language; a failure keeps it undelivered and counted, tried
//! again after a pause and given up after a bounded number of attempts.

use std::sync::Arc;

use axum::http::StatusCode;
use i18n::Lang;
use mail::delivery::{Delivery, MAX_ATTEMPTS, Pass};
use mail::{CaptureMailer, Mailer};
use store::directory::{ProviderForm, requests};

use crate::provider_linked::{people, provider_form, published};
use crate::support::TestApp;

const MESSAGE: &str =
    "Nous sommes une chorale de trente personnes et voulons des agendas partagés.";

fn form(name: &str, contact: &str) -> ProviderForm {
    ProviderForm {
        contact_email: contact.into(),
        ..provider_form(
            name,
            "Nous hébergeons des outils libres pour les associations lyonnaises.",
            "We host free software tools for associations around Lyon.",
        )
    }
}

fn request(lang: &str, email: &str) -> requests::HelpRequestForm {
    requests::HelpRequestForm {
        sender_name: "Jeanne Martin".into(),
        sender_email: email.into(),
        organisation: String::new(),
        message: MESSAGE.into(),
        lang: lang.into(),
    }
}

/// A delivery as another node (or the next start) would run it: the same
/// database, its own memory of pauses.
fn fresh(app: &TestApp, mailer: &Arc<CaptureMailer>) -> Delivery {
    let mailer: Arc<dyn Mailer> = mailer.clone();
    Delivery::new(
        app.db.clone(),
        Some(mailer),
        "http://127.0.0.1:3000",
        "Archipel <noreply@archipel.example.org>".into(),
        Lang::Fr,
    )
}

#[tokio::test]
async fn a_request_is_mailed_once_to_its_provider_in_its_language() {
    let mut app = TestApp::new().await;
    let (owner, moderator) = people(&app).await;
    let ruche = published(
        &app,
        owner,
        moderator,
        &form("La Ruche", "ruche@example.org"),
    )
    .await;
    let nuage = published(&app, owner, moderator, &form("Nuage", "nuage@example.org")).await;
    let capture = Arc::new(CaptureMailer::default());
    app.delivery.set_mailer(Some(capture.clone()));

    let page = format!("/de/directory/{}", ruche.slug);
    app.get(&page).await;
    let r = app
        .post(
            &format!("{page}/contact"),
            &[
                ("sender_name", "Jeanne Martin"),
                ("sender_email", "jeanne@chorale.example.org"),
                ("organisation", "Chorale des Pentes"),
                ("message", MESSAGE),
                ("lang", "de"),
                ("website", ""),
            ],
        )
        .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
    assert_eq!(
        app.delivery.deliver().await.unwrap(),
        Pass { sent: 1, failed: 0 }
    );

    let sent = capture.sent();
    assert_eq!(sent.len(), 1);
    let m = &sent[0];
    assert_eq!(
        m.to, "ruche@example.org",
        "to the provider written to, only"
    );
    assert!(!sent.iter().any(|m| m.to == nuage.contact_email));
    assert_eq!(
        m.from, "noreply@127.0.0.1",
        "no [mail] from: the public host's"
    );
    let reply_to = m.reply_to.as_deref().unwrap();
    assert!(
        reply_to.contains("Jeanne Martin") && reply_to.contains("<jeanne@chorale.example.org>"),
        "{reply_to}"
    );
    assert_eq!(m.subject, "Hilfeanfrage an La Ruche von Jeanne Martin");
    for needle in [
        "Jeanne Martin (jeanne@chorale.example.org) hat für Chorale des Pentes La Ruche",
        MESSAGE,
        "Ihre Antwort geht direkt an Jeanne Martin",
        &format!("http://127.0.0.1:3000/de/directory/{}/requests", ruche.slug),
    ] {
        assert!(m.body.contains(needle), "{needle} in {}", m.body);
    }
    let stored = requests::for_provider(&app.db, ruche.id, 10).await.unwrap();
    assert!(stored[0].delivered_at.is_some());

    // Delivered once: another pass, here or on another node, sends nothing.
    assert_eq!(app.delivery.deliver().await.unwrap(), Pass::default());
    assert_eq!(
        fresh(&app, &capture).deliver().await.unwrap(),
        Pass::default()
    );
    assert_eq!(capture.sent().len(), 1);

    // A French request to the other provider is in French, to that provider.
    let p = store::directory::get(&app.db, nuage.id).await.unwrap();
    requests::send(&app.db, &p, None, &request("fr", "paul@example.org"))
        .await
        .unwrap();
    assert_eq!(app.delivery.deliver().await.unwrap().sent, 1);
    let m = capture.sent().pop().unwrap();
    assert_eq!(m.to, "nuage@example.org");
    assert_eq!(
        m.subject,
        "Demande d’aide pour Nuage de la part de Jeanne Martin"
    );
    assert!(
        m.body
            .starts_with("Jeanne Martin (paul@example.org) a écrit à Nuage"),
        "{}",
        m.body
    );
}

#[tokio::test]
async fn a_failure_keeps_the_request_counted_and_tried_again_within_bounds() {
    let app = TestApp::new().await;
    let (owner, moderator) = people(&app).await;
    let ruche = published(
        &app,
        owner,
        moderator,
        &form("La Ruche", "ruche@example.org"),
    )
    .await;
    let stored = requests::send(&app.db, &ruche, None, &request("en", "jeanne@example.org"))
        .await
        .unwrap();
    let attempts = |app: &TestApp| {
        let db = app.db.clone();
        async move { requests::get(&db, stored.id).await.unwrap() }
    };

    // Without a mailer nothing is sent: the request waits in the inbox.
    assert!(!app.delivery.enabled());
    assert_eq!(app.delivery.deliver().await.unwrap(), Pass::default());
    assert_eq!(attempts(&app).await.delivery_attempts, 0);

    let capture = Arc::new(CaptureMailer::default());
    capture.set_failing(true);
    app.delivery.set_mailer(Some(capture.clone()));
    assert_eq!(
        app.delivery.deliver().await.unwrap(),
        Pass { sent: 0, failed: 1 }
    );
    let r = attempts(&app).await;
    assert_eq!((r.delivered_at.clone(), r.delivery_attempts), (None, 1));
    // Right away, the same node waits before trying again.
    assert_eq!(app.delivery.deliver().await.unwrap(), Pass::default());
    assert_eq!(attempts(&app).await.delivery_attempts, 1);

    // Another node (or the next start) tries again; once the server takes
    // the message, it is delivered.
    capture.set_failing(false);
    assert_eq!(
        fresh(&app, &capture).deliver().await.unwrap(),
        Pass { sent: 1, failed: 0 }
    );
    let r = attempts(&app).await;
    assert!(r.delivered_at.is_some());
    assert_eq!(capture.sent().len(), 1);

    // A request that never gets through is given up after MAX_ATTEMPTS,
    // and stays in the provider's inbox.
    let stuck = requests::send(&app.db, &ruche, None, &request("en", "paul@example.org"))
        .await
        .unwrap();
    capture.set_failing(true);
    for _ in 0..MAX_ATTEMPTS + 2 {
        fresh(&app, &capture).deliver().await.unwrap();
    }
    let r = requests::get(&app.db, stuck.id).await.unwrap();
    assert_eq!(r.delivery_attempts, MAX_ATTEMPTS);
    assert!(r.delivered_at.is_none());
    capture.set_failing(false);
    assert_eq!(
        fresh(&app, &capture).deliver().await.unwrap(),
        Pass::default()
    );
    let inbox = requests::for_provider(&app.db, ruche.id, 10).await.unwrap();
    assert!(inbox.iter().any(|r| r.id == stuck.id));
}
