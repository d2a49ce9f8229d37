//! Outgoing e-mail. A [`Mailer`] sends one message; [`SmtpMailer`] does it
//! over SMTP (lettre, rustls, tokio), [`CaptureMailer`] keeps the messages
//! in memory for tests. Without `[mail] smtp_url` there is no mailer at all
//! and [`delivery`] leaves help requests stored for the providers' inboxes.
//!
//! The SMTP URL carries credentials: it never appears in a log line or an
//! error message.

pub mod account;
pub mod delivery;
pub mod notify;
pub mod queue;

use std::sync::Mutex;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::Duration;

use anyhow::bail;
use lettre::message::Mailbox;
use lettre::message::header::{ContentType, HeaderName, HeaderValue};
use lettre::{AsyncSmtpTransport, AsyncTransport, Tokio1Executor};

use serde::{Deserialize, Serialize};

/// Outgoing e-mail (`[mail]` in the settings): account links,
/// notifications and the directory's help requests. Without `smtp_url` (or
/// `pickup_dir`) nothing is sent; help requests stay in the providers'
/// inboxes on the site.
#[derive(Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Settings {
    /// `smtps://user:pass@host:465` (implicit TLS), `smtp://user:pass@host:587`
    /// (STARTTLS required) or `smtp://localhost:25` (a local relay, plain).
    /// A secret: never logged.
    pub smtp_url: String,
    /// The sender of the messages, `Name <address>` or an address; empty
    /// means `noreply@` the public host.
    pub from: String,
    /// Instead of sending, write each message as an `.eml` file in this
    /// folder (for a relay that picks files up, or to read what would be
    /// sent). Used only without `smtp_url`.
    pub pickup_dir: String,
}

impl std::fmt::Debug for Settings {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let url = if self.smtp_url.is_empty() {
            ""
        } else {
            "(set)"
        };
        f.debug_struct("Mail")
            .field("smtp_url", &url)
            .field("from", &self.from)
            .field("pickup_dir", &self.pickup_dir)
            .finish()
    }
}

/// The pause before attempt `n + 1` after `n` failed ones: 30 s, doubled
/// each time, at most six hours.
pub fn backoff(failed: i64) -> Duration {
    let doublings = failed.clamp(1, 20) as u32 - 1;
    Duration::from_secs(30 * 2u64.pow(doublings)).min(Duration::from_secs(6 * 3600))
}

/// What one pass did.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct Pass {
    pub sent: usize,
    pub failed: usize,
}

/// One message to send.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Outgoing {
    /// `Name <address>` or an address.
    pub from: String,
    pub to: String,
    /// Where answers go (`Name <address>`), when not to the sender.
    pub reply_to: Option<String>,
    pub subject: String,
    /// Plain text.
    pub body: String,
    /// The one-click unsubscribe address (RFC 8058): sent as
    /// `List-Unsubscribe` with `List-Unsubscribe-Post`.
    pub unsubscribe: Option<String>,
}

#[derive(Debug, thiserror::Error)]
pub enum MailError {
    #[error("invalid address in the {0} of the message")]
    Address(&'static str),
    #[error("the message cannot be built: {0}")]
    Build(String),
    #[error("the SMTP server did not take the message: {0}")]
    Send(String),
}

/// Sends one message.
#[async_trait::async_trait]
pub trait Mailer: Send + Sync {
    async fn send(&self, message: &Outgoing) -> Result<(), MailError>;
}

/// A mailbox from `Name <address>` or an address; a display name is
/// quoted as needed by lettre, so a sender's name cannot add headers.
fn mailbox(text: &str, what: &'static str) -> Result<Mailbox, MailError> {
    text.trim().parse().map_err(|_| MailError::Address(what))
}

/// Builds the message lettre sends (plain text, UTF-8).
pub fn build(m: &Outgoing) -> Result<lettre::Message, MailError> {
    let mut b = lettre::Message::builder()
        .from(mailbox(&m.from, "From")?)
        .to(mailbox(&m.to, "To")?)
        .subject(m.subject.replace(['\r', '\n'], " "))
        .header(ContentType::TEXT_PLAIN);
    if let Some(reply_to) = &m.reply_to {
        b = b.reply_to(mailbox(reply_to, "Reply-To")?);
    }
    if let Some(url) = &m.unsubscribe {
        if !url.starts_with("https://") && !url.starts_with("http://")
            || url.contains(['\r', '\n', '<', '>', ' '])
        {
            return Err(MailError::Build(
                "the unsubscribe address is not a URL".into(),
            ));
        }
        b = b
            .raw_header(HeaderValue::new(
                HeaderName::new_from_ascii_str("List-Unsubscribe"),
                format!("<{url}>"),
            ))
            .raw_header(HeaderValue::new(
                HeaderName::new_from_ascii_str("List-Unsubscribe-Post"),
                "List-Unsubscribe=One-Click".to_string(),
            ));
    }
    b.body(m.body.clone())
        .map_err(|e| MailError::Build(e.to_string()))
}

/// Sends over SMTP, with a pool of connections.
pub struct SmtpMailer {
    transport: AsyncSmtpTransport<Tokio1Executor>,
}

impl SmtpMailer {
    /// The mailer of an SMTP URL (see [`Settings::smtp_url`]).
    pub fn new(smtp_url: &str) -> anyhow::Result<Self> {
        let url = transport_url(smtp_url)?;
        let transport = AsyncSmtpTransport::<Tokio1Executor>::from_url(&url)
            // lettre's message may quote the URL: say what is wrong without it.
            .map_err(|_| anyhow::anyhow!("mail.smtp_url cannot be used as an SMTP address"))?
            .timeout(Some(std::time::Duration::from_secs(30)))
            .build();
        Ok(Self { transport })
    }
}

/// Builds `message` and hands it to a lettre transport.
async fn send_with<T>(transport: &T, message: &Outgoing) -> Result<(), MailError>
where
    T: AsyncTransport + Sync,
    T::Error: std::fmt::Display,
{
    let email = build(message)?;
    transport
        .send(email)
        .await
        .map(|_| ())
        .map_err(|e| MailError::Send(e.to_string()))
}

#[async_trait::async_trait]
impl Mailer for SmtpMailer {
    async fn send(&self, message: &Outgoing) -> Result<(), MailError> {
        send_with(&self.transport, message).await
    }
}

/// Writes each message as `{uuid}.eml` in a folder, whole (the file
/// appears complete or not at all).
pub struct PickupMailer {
    transport: lettre::AsyncFileTransport<Tokio1Executor>,
}

impl PickupMailer {
    /// The mailer writing into `dir`, created if missing.
    pub fn new(dir: &std::path::Path) -> anyhow::Result<Self> {
        std::fs::create_dir_all(dir)
            .map_err(|e| anyhow::anyhow!("mail.pickup_dir {}: {e}", dir.display()))?;
        Ok(Self {
            transport: lettre::AsyncFileTransport::new(dir),
        })
    }
}

#[async_trait::async_trait]
impl Mailer for PickupMailer {
    async fn send(&self, message: &Outgoing) -> Result<(), MailError> {
        send_with(&self.transport, message).await
    }
}

/// Keeps every message it is given, for tests; can be told to fail.
#[derive(Default)]
pub struct CaptureMailer {
    sent: Mutex<Vec<Outgoing>>,
    failing: AtomicBool,
}

impl CaptureMailer {
    /// The messages sent so far, oldest first.
    pub fn sent(&self) -> Vec<Outgoing> {
        self.sent.lock().expect("capture lock").clone()
    }

    /// From now on every message fails (`true`) or is taken (`false`).
    pub fn set_failing(&self, failing: bool) {
        self.failing.store(failing, Ordering::SeqCst);
    }
}

#[async_trait::async_trait]
impl Mailer for CaptureMailer {
    async fn send(&self, message: &Outgoing) -> Result<(), MailError> {
        // Checked as the SMTP mailer would, so tests see bad addresses too.
        build(message)?;
        if self.failing.load(Ordering::SeqCst) {
            return Err(MailError::Send("421 the test server is unavailable".into()));
        }
        self.sent
            .lock()
            .expect("capture lock")
            .push(message.clone());
        Ok(())
    }
}

/// The scheme, host and port of an SMTP URL, never its credentials.
struct Parts<'a> {
    scheme: &'a str,
    host: &'a str,
    port: Option<&'a str>,
    query: Option<&'a str>,
}

fn parts(url: &str) -> anyhow::Result<Parts<'_>> {
    let Some((scheme, rest)) = url.split_once("://") else {
        bail!("mail.smtp_url must start with smtp:// or smtps://");
    };
    if scheme != "smtp" && scheme != "smtps" {
        bail!("mail.smtp_url must start with smtp:// or smtps://");
    }
    let (before_query, query) = match rest.split_once('?') {
        Some((a, q)) => (a, Some(q)),
        None => (rest, None),
    };
    let authority = before_query.split('/').next().unwrap_or("");
    let host_port = authority.rsplit_once('@').map_or(authority, |(_, h)| h);
    let (host, port) = if let Some(v6) = host_port.strip_prefix('[') {
        let (h, after) = v6.split_once(']').unwrap_or((v6, ""));
        (h, after.strip_prefix(':'))
    } else {
        match host_port.split_once(':') {
            Some((h, p)) => (h, Some(p)),
            None => (host_port, None),
        }
    };
    if host.is_empty() {
        bail!("mail.smtp_url has no host");
    }
    if port.is_some_and(|p| p.parse::<u16>().is_err()) {
        bail!("mail.smtp_url has an invalid port");
    }
    Ok(Parts {
        scheme,
        host,
        port,
        query,
    })
}

fn is_loopback(host: &str) -> bool {
    host.eq_ignore_ascii_case("localhost")
        || host == "::1"
        || host
            .parse::<std::net::Ipv4Addr>()
            .is_ok_and(|a| a.is_loopback())
}

/// The URL as lettre reads it: `smtp://` to another host requires STARTTLS
/// (lettre would send in the clear), and a local relay listens on port 25.
fn transport_url(url: &str) -> anyhow::Result<String> {
    let p = parts(url)?;
    let says_tls = p
        .query
        .is_some_and(|q| q.split('&').any(|kv| kv.starts_with("tls=")));
    if p.scheme == "smtps" || says_tls {
        return Ok(url.to_string());
    }
    let sep = if p.query.is_some() { "&" } else { "?" };
    if is_loopback(p.host) {
        if p.port.is_none() {
            // Put the port after the host, before any path or query.
            let host_end = url.find(p.host).map(|at| at + p.host.len());
            if let Some(end) = host_end {
                let close = usize::from(url[end..].starts_with(']'));
                let (a, b) = url.split_at(end + close);
                return Ok(format!("{a}:25{b}"));
            }
        }
        return Ok(url.to_string());
    }
    Ok(format!("{url}{sep}tls=required"))
}

/// Refuses mail settings that cannot work, without quoting the URL.
pub fn check_settings(mail: &Settings) -> anyhow::Result<()> {
    if mail.smtp_url.is_empty() {
        return Ok(());
    }
    if !mail.pickup_dir.is_empty() {
        bail!("mail.smtp_url and mail.pickup_dir exclude each other: choose one");
    }
    parts(&mail.smtp_url)?;
    if !mail.from.is_empty() && mail.from.trim().parse::<Mailbox>().is_err() {
        bail!(
            "mail.from must be an address or \"Name <address>\" (got {:?})",
            mail.from
        );
    }
    Ok(())
}

/// The sender of the instance's messages: `[mail] from`, else `noreply@`
/// the public host (`host`, as in the instance's public URL).
pub fn from_address(mail: &Settings, host: &str) -> String {
    if mail.from.trim().is_empty() {
        format!("noreply@{host}")
    } else {
        mail.from.trim().to_string()
    }
}

/// The mailer the settings configure, if any.
pub fn from_settings(mail: &Settings) -> anyhow::Result<Option<std::sync::Arc<dyn Mailer>>> {
    if mail.smtp_url.is_empty() {
        if mail.pickup_dir.is_empty() {
            return Ok(None);
        }
        let dir = std::path::Path::new(&mail.pickup_dir);
        return Ok(Some(std::sync::Arc::new(PickupMailer::new(dir)?)));
    }
    Ok(Some(std::sync::Arc::new(SmtpMailer::new(&mail.smtp_url)?)))
}

#[cfg(test)]
mod tests {
    use super::*;

    // The SMTP pool lives on the tokio runtime.
    #[tokio::test]
    async fn urls_say_how_to_reach_the_server() {
        assert_eq!(
            transport_url("smtps://u:p@mail.example.org:465").unwrap(),
            "smtps://u:p@mail.example.org:465"
        );
        assert_eq!(
            transport_url("smtp://u:p@mail.example.org:587").unwrap(),
            "smtp://u:p@mail.example.org:587?tls=required",
            "never in the clear to another host"
        );
        assert_eq!(
            transport_url("smtp://mail.example.org?tls=opportunistic").unwrap(),
            "smtp://mail.example.org?tls=opportunistic"
        );
        assert_eq!(
            transport_url("smtp://localhost").unwrap(),
            "smtp://localhost:25"
        );
        assert_eq!(
            transport_url("smtp://127.0.0.1:2525").unwrap(),
            "smtp://127.0.0.1:2525"
        );
        assert_eq!(transport_url("smtp://[::1]").unwrap(), "smtp://[::1]:25");
        for bad in [
            "http://mail.example.org",
            "smtp://",
            "smtp://u:secret@mail.example.org:x",
        ] {
            let err = transport_url(bad).unwrap_err().to_string();
            assert!(!err.contains("secret"), "{err}");
        }
        assert!(SmtpMailer::new("smtp://u:p@mail.example.org:587").is_ok());
    }

    #[test]
    fn settings_are_checked_and_never_show_the_secret() {
        let mail = Settings {
            smtp_url: "smtps://u:secret@mail.example.org".into(),
            from: "Archipel <noreply@example.org>".into(),
            pickup_dir: String::new(),
        };
        assert!(check_settings(&mail).is_ok());
        assert!(!format!("{mail:?}").contains("secret"));
        let bad = Settings {
            from: "not an address".into(),
            ..mail.clone()
        };
        assert!(check_settings(&bad).is_err());
        assert_eq!(
            from_address(&Settings::default(), "archipel.example.org"),
            "noreply@archipel.example.org"
        );
        assert!(from_settings(&Settings::default()).unwrap().is_none());
    }

    #[test]
    fn a_sender_name_cannot_add_headers() {
        let m = Outgoing {
            from: "noreply@example.org".into(),
            to: "contact@provider.example.org".into(),
            reply_to: Some("\"Eve\r\nBcc: x@evil.example\" <eve@example.org>".into()),
            subject: "Hello\r\nBcc: x@evil.example".into(),
            body: "Body".into(),
            unsubscribe: None,
        };
        match build(&m) {
            Ok(email) => {
                let raw = String::from_utf8(email.formatted()).unwrap();
                assert!(!raw.contains("\r\nBcc:"), "{raw}");
            }
            Err(MailError::Address(_)) => {}
            Err(e) => panic!("{e}"),
        }
    }

    #[test]
    fn notifications_offer_a_one_click_unsubscribe() {
        let mut m = Outgoing {
            from: "noreply@example.org".into(),
            to: "learner@example.org".into(),
            reply_to: None,
            subject: "Une réponse".into(),
            body: "Body".into(),
            unsubscribe: Some("https://archipel.example.org/unsubscribe/abc".into()),
        };
        let raw = String::from_utf8(build(&m).unwrap().formatted()).unwrap();
        assert!(
            raw.contains("List-Unsubscribe: <https://archipel.example.org/unsubscribe/abc>\r\n"),
            "{raw}"
        );
        assert!(raw.contains("List-Unsubscribe-Post: List-Unsubscribe=One-Click\r\n"));
        m.unsubscribe = Some("https://x.example/a>\r\nBcc: x@evil.example".into());
        assert!(build(&m).is_err(), "a header cannot ride in the address");
        m.unsubscribe = None;
        let raw = String::from_utf8(build(&m).unwrap().formatted()).unwrap();
        assert!(!raw.contains("List-Unsubscribe"));
    }

    #[tokio::test]
    async fn a_pickup_folder_receives_each_message_as_a_file() {
        let dir = tempfile::tempdir().unwrap();
        let settings = Settings {
            pickup_dir: dir.path().join("out").display().to_string(),
            ..Settings::default()
        };
        check_settings(&settings).unwrap();
        let mailer = from_settings(&settings).unwrap().expect("a mailer");
        let m = Outgoing {
            from: "noreply@example.org".into(),
            to: "learner@example.org".into(),
            reply_to: None,
            subject: "Vérifiez votre adresse".into(),
            body: "https://archipel.example.org/fr/account/verify/abc".into(),
            unsubscribe: None,
        };
        mailer.send(&m).await.unwrap();
        let files: Vec<_> = std::fs::read_dir(dir.path().join("out"))
            .unwrap()
            .map(|e| e.unwrap().path())
            .collect();
        assert_eq!(files.len(), 1);
        assert!(files[0].extension().is_some_and(|e| e == "eml"));
        let raw = std::fs::read_to_string(&files[0]).unwrap();
        assert!(raw.contains("To: learner@example.org"), "{raw}");
        assert!(raw.contains("/fr/account/verify/abc"), "{raw}");
        let both = Settings {
            smtp_url: "smtp://localhost".into(),
            ..settings
        };
        assert!(check_settings(&both).is_err());
    }
}
