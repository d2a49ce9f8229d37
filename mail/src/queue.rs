//! Sends the messages of the queue (`store::mail_queue`): address
//! verification, password resets and notifications, already written in
//! their recipients' languages. Each message is claimed in SQL before it
//! goes (the attempt is counted and the next one scheduled after
//! [`super::backoff`]), so of several app nodes one sends it, and
//! after a failure it waits, longer each time, until
//! [`mail_queue::MAX_ATTEMPTS`].

use std::sync::Arc;

use store::Db;
use store::mail_queue::{self, Queued};

use super::{Mailer, Outgoing, Pass, backoff};

/// Messages sent in one pass at most.
const BATCH: i64 = 50;

/// Sends every message that is due, from `from`.
pub async fn send_due(db: &Db, mailer: &Arc<dyn Mailer>, from: &str) -> anyhow::Result<Pass> {
    let mut pass = Pass::default();
    for message in mail_queue::due(db, BATCH).await? {
        let failed = message.attempts + 1;
        let pause = time::Duration::try_from(backoff(failed)).unwrap_or(time::Duration::HOUR);
        if !mail_queue::claim(db, &message, pause).await? {
            continue;
        }
        match mailer.send(&outgoing(&message, from)).await {
            Ok(()) => {
                mail_queue::sent(db, message.id).await?;
                pass.sent += 1;
            }
            Err(e) => {
                let given_up = failed >= mail_queue::MAX_ATTEMPTS;
                tracing::warn!(
                    message = message.id,
                    event = message.event_key,
                    attempts = failed,
                    given_up,
                    error = %e,
                    "a queued e-mail could not be sent"
                );
                pass.failed += 1;
            }
        }
    }
    mail_queue::wipe_given_up(db).await?;
    Ok(pass)
}

fn outgoing(m: &Queued, from: &str) -> Outgoing {
    Outgoing {
        from: from.to_string(),
        to: m.recipient.clone(),
        reply_to: None,
        subject: m.subject.clone(),
        body: m.body.clone(),
        unsubscribe: m.unsubscribe_url.clone(),
    }
}
