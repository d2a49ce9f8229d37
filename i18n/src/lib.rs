//! The interface languages and their strings (Fluent files in `i18n/locales/`).
//!
//! Everything that speaks to people needs these: pages, e-mails, OAI records,
//! dumps, search documents. They live here rather than in the Leptos `app`
//! so that none of those needs Leptos.
//!
//! Strings are looked up on the server only (feature `strings`): pages are
//! rendered there, and the few islands that run in the browser receive their
//! texts as props, which keeps the WebAssembly bundle free of translation
//! tables.

pub mod labels;

use serde::{Deserialize, Serialize};

/// A language the interface is translated into.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
pub enum Lang {
    #[default]
    Fr,
    En,
    De,
    It,
    Hr,
}

impl Lang {
    /// Every interface language, the default (French) first.
    pub const ALL: [Lang; 5] = [Lang::Fr, Lang::En, Lang::De, Lang::It, Lang::Hr];

    pub fn code(self) -> &'static str {
        match self {
            Lang::Fr => "fr",
            Lang::En => "en",
            Lang::De => "de",
            Lang::It => "it",
            Lang::Hr => "hr",
        }
    }

    /// The language's name in itself, as shown in the language switcher.
    pub fn native_name(self) -> &'static str {
        match self {
            Lang::Fr => "Français",
            Lang::En => "English",
            Lang::De => "Deutsch",
            Lang::It => "Italiano",
            Lang::Hr => "Hrvatski",
        }
    }

    pub fn from_code(code: &str) -> Option<Lang> {
        Lang::ALL
            .into_iter()
            .find(|l| l.code().eq_ignore_ascii_case(code))
    }

    /// The best interface language for an `Accept-Language` header among
    /// `offered`, honouring q-values and matching `de-AT` to `de`.
    pub fn negotiate(accept_language: &str, offered: &[Lang]) -> Option<Lang> {
        let mut ranges: Vec<(f32, usize, &str)> = accept_language
            .split(',')
            .enumerate()
            .filter_map(|(i, part)| {
                let mut bits = part.split(';');
                let range = bits.next()?.trim();
                let q = bits
                    .find_map(|b| b.trim().strip_prefix("q="))
                    .map(|q| q.trim().parse::<f32>().unwrap_or(0.0))
                    .unwrap_or(1.0);
                (!range.is_empty() && q > 0.0).then_some((q, i, range))
            })
            .collect();
        ranges.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)));
        ranges.into_iter().find_map(|(_, _, range)| {
            let primary = range.split('-').next().unwrap_or(range);
            offered
                .iter()
                .copied()
                .find(|l| l.code().eq_ignore_ascii_case(primary))
        })
    }
}

#[cfg(feature = "strings")]
mod lookup {
    use super::Lang;
    use fluent_templates::{Loader, static_loader};
    use std::collections::HashMap;
    use std::sync::OnceLock;

    static_loader! {
        static LOCALES = {
            locales: "./locales",
            fallback_language: "fr",
            customise: |bundle| bundle.set_use_isolating(false),
        };
    }

    fn langid(lang: Lang) -> &'static unic_langid::LanguageIdentifier {
        static IDS: OnceLock<Vec<unic_langid::LanguageIdentifier>> = OnceLock::new();
        let ids = IDS.get_or_init(|| {
            Lang::ALL
                .iter()
                .map(|l| l.code().parse().expect("valid language code"))
                .collect()
        });
        &ids[Lang::ALL.iter().position(|l| *l == lang).unwrap_or(0)]
    }

    pub fn t(lang: Lang, key: &str) -> String {
        LOCALES.lookup(langid(lang), key)
    }

    /// The string, or `None` when no language has the key.
    pub fn try_t(lang: Lang, key: &str) -> Option<String> {
        LOCALES.try_lookup(langid(lang), key)
    }

    pub fn t_args(lang: Lang, key: &str, args: &[(&'static str, String)]) -> String {
        let args: HashMap<
            std::borrow::Cow<'static, str>,
            fluent_templates::fluent_bundle::FluentValue,
        > = args
            .iter()
            .map(|(k, v)| {
                // Numbers stay numbers, so that plural selectors work.
                let value = match v.parse::<i64>() {
                    Ok(n) => n.into(),
                    Err(_) => v.clone().into(),
                };
                ((*k).into(), value)
            })
            .collect();
        LOCALES.lookup_with_args(langid(lang), key, &args)
    }
}

/// The interface string `key` in `lang` (French when missing there).
#[cfg(feature = "strings")]
pub use lookup::{t, t_args, try_t};

/// In the browser, only islands run, and they get their texts as props.
#[cfg(not(feature = "strings"))]
pub fn t(_lang: Lang, key: &str) -> String {
    key.to_string()
}

#[cfg(not(feature = "strings"))]
pub fn try_t(_lang: Lang, _key: &str) -> Option<String> {
    None
}

#[cfg(not(feature = "strings"))]
pub fn t_args(_lang: Lang, key: &str, _args: &[(&'static str, String)]) -> String {
    key.to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn negotiation_follows_quality_and_primary_subtags() {
        let all = &Lang::ALL;
        assert_eq!(
            Lang::negotiate("it-IT,it;q=0.9,en;q=0.8", all),
            Some(Lang::It)
        );
        assert_eq!(
            Lang::negotiate("ja, en;q=0.5, de;q=0.7", all),
            Some(Lang::De)
        );
        assert_eq!(Lang::negotiate("ja", all), None);
        assert_eq!(Lang::negotiate("", all), None);
        assert_eq!(Lang::negotiate("hr;q=0, en", all), Some(Lang::En));
        assert_eq!(Lang::negotiate("de", &[Lang::Fr]), None);
    }

    #[test]
    fn codes_round_trip() {
        for l in Lang::ALL {
            assert_eq!(Lang::from_code(l.code()), Some(l));
        }
        assert_eq!(Lang::from_code("xx"), None);
    }
}
