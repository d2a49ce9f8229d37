//! The e-mails of an account's life, written for the queue
//! (`store::mail_queue`): the link that verifies an address, the one that
//! resets a forgotten password, the one that confirms a new address, and
//! the notice to the old address that it was replaced. Each carries a
//! one-time link, so its body is wiped once sent; none offers to
//! unsubscribe (they answer the person's own request).

use i18n::Lang;
use store::mail_queue::NewMessage;
use store::tokens::{self, Purpose};
use store::users::User;

/// The language to write to `user` in: the first of their preferred
/// languages that the interface speaks, else `fallback` (the page they
/// were on).
pub fn language_of(user: &User, fallback: Lang) -> Lang {
    preferred(&user.preferred_languages, fallback)
}

/// The first of `languages` (codes, regions allowed) that the interface
/// speaks, else `fallback`.
pub fn preferred(languages: &[String], fallback: Lang) -> Lang {
    languages
        .iter()
        .find_map(|code| Lang::from_code(code.split('-').next().unwrap_or(code)))
        .unwrap_or(fallback)
}

fn link(public_url: &str, lang: Lang, path: &str, token: &str) -> String {
    format!(
        "{}/{}/{}/{token}",
        public_url.trim_end_matches('/'),
        lang.code(),
        path.trim_matches('/')
    )
}

/// A greeting, a paragraph and a link, then the footer.
fn letter(lang: Lang, name: &str, text: String, link: &str) -> String {
    let hello = i18n::t_args(lang, "mail-hello", &[("name", name.to_string())]);
    let footer = i18n::t(lang, "mail-account-footer");
    format!("{hello}\n\n{text}\n\n{link}\n\n-- \n{footer}\n")
}

fn message(
    purpose: Purpose,
    token: &str,
    to: &str,
    lang: Lang,
    (subject, text): (&str, &str),
    name: &str,
    link: &str,
) -> NewMessage {
    NewMessage {
        event_key: tokens::event_key(purpose, token),
        recipient: to.to_string(),
        subject: i18n::t(lang, subject),
        body: letter(lang, name, i18n::t(lang, text), link),
        unsubscribe_url: None,
        secret: true,
    }
}

/// The link that verifies `user`'s address.
pub fn verification(public_url: &str, lang: Lang, user: &User, token: &str) -> NewMessage {
    let url = link(public_url, lang, "account/verify", token);
    message(
        Purpose::VerifyEmail,
        token,
        &user.email,
        lang,
        ("mail-verify-subject", "mail-verify-text"),
        &user.display_name,
        &url,
    )
}

/// The link that resets `user`'s password (valid one hour).
pub fn password_reset(public_url: &str, lang: Lang, user: &User, token: &str) -> NewMessage {
    let url = link(public_url, lang, "password/reset", token);
    message(
        Purpose::ResetPassword,
        token,
        &user.email,
        lang,
        ("mail-reset-subject", "mail-reset-text"),
        &user.display_name,
        &url,
    )
}

/// The link, sent to `new_email`, that moves `user` to that address.
pub fn email_change(
    public_url: &str,
    lang: Lang,
    user: &User,
    new_email: &str,
    token: &str,
) -> NewMessage {
    let url = link(public_url, lang, "account/email", token);
    message(
        Purpose::ChangeEmail,
        token,
        new_email,
        lang,
        ("mail-change-subject", "mail-change-text"),
        &user.display_name,
        &url,
    )
}

/// The notice to the address an account just left.
pub fn email_changed_notice(
    public_url: &str,
    lang: Lang,
    user: &User,
    old_email: &str,
) -> NewMessage {
    let forgot = format!(
        "{}/{}/password/forgot",
        public_url.trim_end_matches('/'),
        lang.code()
    );
    let text = i18n::t_args(lang, "mail-changed-text", &[("email", user.email.clone())]);
    NewMessage {
        event_key: format!("email-changed:{}:{}", user.id, user.email),
        recipient: old_email.to_string(),
        subject: i18n::t(lang, "mail-changed-subject"),
        body: letter(lang, &user.display_name, text, &forgot),
        unsubscribe_url: None,
        secret: false,
    }
}
