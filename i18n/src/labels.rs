//! The words for the directory's codes: kinds of help, services, price
//! models, legal forms, charter commitments, review states and countries.
//! The codes are stable (stored, in filter addresses, in RDF); the words
//! live in `locales/*/vocab.ftl` under one prefix per vocabulary.

use crate::{Lang, t, try_t};

fn label(lang: Lang, prefix: &str, code: &str) -> String {
    t(lang, &format!("{prefix}{code}"))
}

/// A kind of help (`hosting`, `training`…).
pub fn help_kind(lang: Lang, code: &str) -> String {
    label(lang, "dir-help-", code)
}

/// A hosted service (`nextcloud`, `mailing-lists`…).
pub fn service(lang: Lang, code: &str) -> String {
    label(lang, "dir-service-", code)
}

/// The names of what a provider offers in `lang`: its kinds of help, then
/// its services, from their codes.
pub fn offered<'a>(
    lang: Lang,
    help: impl IntoIterator<Item = &'a str>,
    services: impl IntoIterator<Item = &'a str>,
) -> Vec<String> {
    let help = help.into_iter().map(|h| help_kind(lang, h));
    help.chain(services.into_iter().map(|s| service(lang, s)))
        .collect()
}

/// A price model (`free`, `sliding-scale`…).
pub fn price_model(lang: Lang, code: &str) -> String {
    label(lang, "dir-price-", code)
}

/// A legal form (`association`, `cooperative`…).
pub fn legal_form(lang: Lang, code: &str) -> String {
    label(lang, "dir-legal-", code)
}

/// A charter commitment, as the sentence a provider subscribes to.
pub fn commitment(lang: Lang, code: &str) -> String {
    label(lang, "dir-commitment-", code)
}

/// Where a profile is in review (`draft`, `changes-pending`…).
pub fn status(lang: Lang, code: &str) -> String {
    label(lang, "dir-status-", code)
}

/// A country's name from its ISO 3166-1 code (`FR`, `hr`); the code itself
/// for the countries the interface does not name.
pub fn country(lang: Lang, code: &str) -> String {
    try_t(lang, &format!("country-{}", code.to_ascii_lowercase()))
        .unwrap_or_else(|| code.to_ascii_uppercase())
}

/// The countries the interface names, by code: those of Europe, where the
/// network works. Forms offer these first.
pub const NAMED_COUNTRIES: &[&str] = &[
    "AD", "AL", "AT", "BA", "BE", "BG", "CH", "CY", "CZ", "DE", "DK", "EE", "ES", "FI", "FR", "GB",
    "GR", "HR", "HU", "IE", "IS", "IT", "LI", "LT", "LU", "LV", "MC", "MD", "ME", "MK", "MT", "NL",
    "NO", "PL", "PT", "RO", "RS", "SE", "SI", "SK", "SM", "UA", "VA", "XK",
];

#[cfg(all(test, feature = "strings"))]
mod tests {
    use super::*;

    #[test]
    fn codes_become_words_in_each_language() {
        assert_eq!(help_kind(Lang::En, "hosting"), "Hosting of services");
        assert_eq!(
            price_model(Lang::Fr, "sliding-scale"),
            "Prix libre ou modulé"
        );
        assert_eq!(country(Lang::De, "HR"), "Kroatien");
        assert_eq!(country(Lang::Hr, "hr"), "Hrvatska");
        assert_eq!(
            country(Lang::En, "JP"),
            "JP",
            "unnamed countries keep their code"
        );
        for lang in Lang::ALL {
            for code in NAMED_COUNTRIES {
                assert_ne!(country(lang, code), *code, "{code} in {}", lang.code());
            }
        }
    }
}

/// A notification as a sentence (the bell's list, an e-mail's subject):
/// `kind` is its stored code (`reply`, `post-hidden`…), `actor` who did it
/// and `subject` the title of what it is about.
pub fn notification(lang: Lang, kind: &str, actor: &str, subject: &str) -> String {
    crate::t_args(
        lang,
        &format!("notify-{kind}"),
        &[
            ("actor", actor.to_string()),
            ("subject", subject.to_string()),
        ],
    )
}

/// The name of a kind of notification, on the settings page.
pub fn notification_kind(lang: Lang, kind: &str) -> String {
    label(lang, "notify-kind-", kind)
}
