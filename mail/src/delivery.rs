//! Delivers e-mail: notifications due are written into the queue
//! (`super::notify`), then the queue is sent (`super::queue`: verification,
//! resets, notifications), then the directory's help requests.
//!
//! Help requests: each stored request
//! not delivered yet goes to its provider's contact address, Reply-To the
//! sender, in the language of the request, then is marked delivered. It
//! runs when poked (after every successful write, by the middleware that
//! pokes the indexer) and every [`TICK`] (other app nodes store requests
//! too).
//!
//! Each attempt is counted in SQL before the message goes (so of several
//! app nodes only one sends it); a failed one is tried again after a
//! growing pause ([`backoff`]); after [`MAX_ATTEMPTS`] the request is left to the
//! inbox on the site. Without a mailer nothing is sent and requests stay
//! undelivered, shown in the providers' inboxes all the same.

use std::collections::HashMap;
use std::sync::{Arc, RwLock};
use std::time::{Duration, Instant};

use i18n::Lang;
use lettre::message::Mailbox;
use store::Db;
use store::directory::{self, requests};
use tokio::sync::{Mutex, Notify};

use super::{Mailer, Outgoing};

/// Attempts after which a request is no longer sent.
pub const MAX_ATTEMPTS: i64 = requests::MAX_DELIVERY_ATTEMPTS;

/// How often the task looks for requests without being poked.
pub const TICK: Duration = Duration::from_secs(30);

/// Requests sent in one pass at most.
const BATCH: i64 = 50;

pub use super::{Pass, backoff};

pub struct Delivery {
    db: Db,
    mailer: RwLock<Option<Arc<dyn Mailer>>>,
    /// The instance's address, for the link to the inbox.
    public_url: String,
    /// The From of every message.
    from: String,
    /// The interface language used when a request's is not offered.
    default_lang: Lang,
    /// When each failed request may be tried again (this node's memory; a
    /// restart tries at once, the count in SQL still bounds the attempts).
    retry_at: std::sync::Mutex<HashMap<i64, Instant>>,
    wake: Notify,
    /// One pass at a time.
    running: Mutex<()>,
}

impl Delivery {
    pub fn new(
        db: Db,
        mailer: Option<Arc<dyn Mailer>>,
        public_url: &str,
        from: String,
        default_lang: Lang,
    ) -> Self {
        Self {
            db,
            mailer: RwLock::new(mailer),
            public_url: public_url.trim_end_matches('/').to_string(),
            from,
            default_lang,
            retry_at: std::sync::Mutex::new(HashMap::new()),
            wake: Notify::new(),
            running: Mutex::new(()),
        }
    }

    /// Whether messages are sent at all.
    pub fn enabled(&self) -> bool {
        self.mailer.read().expect("mailer lock").is_some()
    }

    /// Replaces the mailer (tests give a [`super::CaptureMailer`]).
    pub fn set_mailer(&self, mailer: Option<Arc<dyn Mailer>>) {
        *self.mailer.write().expect("mailer lock") = mailer;
    }

    /// Sends every queued message and help request that is due; returns what
    /// was sent and what failed.
    pub async fn deliver(&self) -> anyhow::Result<Pass> {
        let _one = self.running.lock().await;
        let Some(mailer) = self.mailer.read().expect("mailer lock").clone() else {
            return Ok(Pass::default());
        };
        super::notify::queue_due(&self.db, &self.public_url, self.default_lang).await?;
        let mut pass = super::queue::send_due(&self.db, &mailer, &self.from).await?;
        let due = requests::due_for_delivery(&self.db, BATCH).await?;
        for request in due {
            let waiting = {
                let retry = self.retry_at.lock().expect("retry lock");
                retry
                    .get(&request.id)
                    .is_some_and(|at| *at > Instant::now())
            };
            if waiting {
                continue;
            }
            // Counted before sending: another node reading the same
            // request then leaves it.
            if !requests::claim_delivery(&self.db, request.id, request.delivery_attempts).await? {
                continue;
            }
            let sent = match self.message(&request).await {
                Ok(message) => mailer.send(&message).await.map_err(anyhow::Error::from),
                Err(e) => Err(e),
            };
            match sent {
                Ok(()) => {
                    requests::delivered(&self.db, request.id).await?;
                    self.retry_at
                        .lock()
                        .expect("retry lock")
                        .remove(&request.id);
                    pass.sent += 1;
                }
                Err(e) => {
                    let failed = request.delivery_attempts + 1;
                    let given_up = failed >= MAX_ATTEMPTS;
                    tracing::warn!(
                        request = request.id,
                        attempts = failed,
                        given_up,
                        error = format!("{e:#}"),
                        "a help request could not be sent by e-mail"
                    );
                    self.retry_at
                        .lock()
                        .expect("retry lock")
                        .insert(request.id, Instant::now() + backoff(failed));
                    pass.failed += 1;
                }
            }
        }
        Ok(pass)
    }

    /// The message of a request, to its provider's contact address.
    async fn message(&self, r: &requests::HelpRequest) -> anyhow::Result<Outgoing> {
        let p = directory::get(&self.db, r.provider_id).await?;
        let lang = r
            .lang
            .split('-')
            .next()
            .and_then(Lang::from_code)
            .unwrap_or(self.default_lang);
        let name = p.public().map_or(&p.working.name, |pr| &pr.name).clone();
        let sender = r.sender_name.trim().to_string();
        let args = |extra: &[(&'static str, String)]| {
            let mut all = vec![
                ("provider", name.clone()),
                ("sender", sender.clone()),
                ("email", r.sender_email.clone()),
                ("organisation", r.organisation.trim().to_string()),
            ];
            all.extend_from_slice(extra);
            all
        };
        let subject = i18n::t_args(lang, "mail-request-subject", &args(&[]));
        let intro = if r.organisation.trim().is_empty() {
            i18n::t_args(lang, "mail-request-intro", &args(&[]))
        } else {
            i18n::t_args(lang, "mail-request-intro-organisation", &args(&[]))
        };
        let inbox = format!(
            "{}/{}/directory/{}/requests",
            self.public_url,
            lang.code(),
            p.slug
        );
        let reply = i18n::t_args(lang, "mail-request-reply", &args(&[]));
        let footer = i18n::t_args(lang, "mail-request-inbox", &args(&[("inbox", inbox)]));
        let body = format!(
            "{intro}\n\n{}\n\n-- \n{reply}\n{footer}\n",
            r.message.trim()
        );
        let reply_to = Mailbox::new(
            (!sender.is_empty()).then_some(sender),
            r.sender_email
                .parse()
                .map_err(|_| anyhow::anyhow!("the sender's address is not valid"))?,
        );
        Ok(Outgoing {
            from: self.from.clone(),
            to: p.contact_email.clone(),
            reply_to: Some(reply_to.to_string()),
            subject,
            body,
            unsubscribe: None,
        })
    }

    /// Asks the background task to deliver now.
    pub fn poke(&self) {
        self.wake.notify_one();
    }

    /// Delivers when poked and every [`TICK`].
    pub fn spawn(self: Arc<Self>) -> tokio::task::JoinHandle<()> {
        tokio::spawn(async move {
            loop {
                if let Err(e) = self.deliver().await {
                    tracing::error!(error = format!("{e:#}"), "e-mail delivery failed");
                }
                tokio::select! {
                    _ = self.wake.notified() => {},
                    _ = tokio::time::sleep(TICK) => {},
                }
            }
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_pause_grows_and_stays_bounded() {
        assert_eq!(backoff(1), Duration::from_secs(30));
        assert_eq!(backoff(2), Duration::from_secs(60));
        assert_eq!(backoff(4), Duration::from_secs(240));
        assert_eq!(backoff(40), Duration::from_secs(6 * 3600));
    }
}
