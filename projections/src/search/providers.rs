//! The search documents of the providers directory: one per provider whose
//! profile is published, made from the published version only (a change
//! waiting for review is not searchable until approved), and the full-text
//! filter of the directory page ([`provider_slugs`]).

use i18n::Lang;
use search_index::{DocText, Request, SearchDoc, SearchError, SearchIndex};
use store::directory::{Profile, Provider};

/// The document kind of providers.
pub const KIND: &str = "provider";

/// The id of a provider's document.
pub fn doc_id(slug: &str) -> String {
    format!("provider:{slug}")
}

/// The path of a provider's page, without the language prefix.
pub fn page_path(slug: &str) -> String {
    format!("/directory/{slug}")
}

/// The search document of a provider, or `None` when its profile is not
/// published. The name is the title of every text; each description is a
/// text in its own language (the original first); the kinds of help and
/// services, named in every interface language, take the place of topics so
/// that a query in any language finds them; facets are `kind/provider`,
/// the languages of the descriptions and the countries served.
pub fn provider_doc(p: &Provider) -> Option<SearchDoc> {
    let profile = p.public()?;
    Some(SearchDoc {
        id: doc_id(&p.slug),
        kind: KIND.into(),
        texts: texts(profile),
        topics: offered(profile),
        facets: facets(profile),
        path: page_path(&p.slug),
        date: p
            .reviewed_at
            .as_deref()
            .or(p.published_at.as_deref())
            .and_then(store::parse_time)
            .map(|t| (t.unix_timestamp_nanos() / 1000) as i64),
    })
}

fn texts(profile: &Profile) -> Vec<DocText> {
    let original = profile.original_language.as_str();
    let mut langs: Vec<&String> = profile.descriptions.keys().collect();
    langs.sort_by_key(|l| l.as_str() != original);
    let mut texts: Vec<DocText> = langs
        .into_iter()
        .map(|lang| DocText {
            lang: lang.clone(),
            title: profile.name.clone(),
            body: profile.descriptions[lang].clone(),
        })
        .collect();
    if texts.is_empty() {
        texts.push(DocText {
            lang: original.to_string(),
            title: profile.name.clone(),
            body: String::new(),
        });
    }
    texts
}

/// The names of what a provider offers (kinds of help, then services) in
/// `lang`.
pub fn offered_in(lang: Lang, profile: &Profile) -> Vec<String> {
    i18n::labels::offered(
        lang,
        profile.help.iter().map(|h| h.as_str()),
        profile.services.iter().map(|s| s.as_str()),
    )
}

/// The names of what a provider offers in every interface language.
fn offered(profile: &Profile) -> String {
    let mut words: Vec<String> = Vec::new();
    for lang in Lang::ALL {
        for name in offered_in(lang, profile) {
            if !words.contains(&name) {
                words.push(name);
            }
        }
    }
    words.join(" · ")
}

fn facets(profile: &Profile) -> Vec<String> {
    let mut facets = vec![format!("kind/{KIND}")];
    let mut push = |value: String| {
        if !facets.contains(&value) {
            facets.push(value);
        }
    };
    for lang in profile.descriptions.keys() {
        push(format!("lang/{lang}"));
    }
    for a in &profile.areas {
        push(format!("country/{}", a.country));
    }
    facets
}

/// Most providers one directory query can match: far above any real
/// directory, a bound on the work a query may cause.
const MAX_MATCHES: usize = 100_000;

/// The slugs of the published providers matching a full-text query `q`, as
/// the site's search matches it (every language's fields, the names of the
/// kinds of help and services, words close to unknown ones when the exact
/// words find almost nothing), for a reader of `lang`; every match, best
/// first. An empty query gives no slug: callers filter only when `q` has
/// words.
pub fn provider_slugs(
    index: &SearchIndex,
    q: &str,
    lang: &str,
) -> Result<Vec<String>, SearchError> {
    if q.trim().is_empty() {
        return Ok(Vec::new());
    }
    let found = index.find(&Request {
        text: q.to_string(),
        lang: lang.to_string(),
        filters: vec![format!("kind/{KIND}")],
        limit: MAX_MATCHES,
        offset: 0,
        ..Request::default()
    })?;
    Ok(found
        .hits
        .into_iter()
        .filter_map(|h| h.id.strip_prefix("provider:").map(str::to_string))
        .collect())
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeMap;

    use store::directory::{Area, HelpKind, LegalForm, Service, Status};

    use super::*;

    fn profile(name: &str, descriptions: &[(&str, &str)]) -> Profile {
        Profile {
            name: name.into(),
            original_language: descriptions[0].0.into(),
            descriptions: descriptions
                .iter()
                .map(|(l, d)| (l.to_string(), d.to_string()))
                .collect::<BTreeMap<_, _>>(),
            help: vec![HelpKind::Hosting],
            services: vec![Service::Nextcloud],
            areas: vec![Area {
                country: "FR".into(),
                region: Some("FRJ".into()),
            }],
            remote: true,
            on_site: false,
            languages: vec!["fr".into()],
            prices: Vec::new(),
            legal_form: LegalForm::Association,
            chatons: true,
            website: "https://example.org".into(),
            logo: None,
            commitments: Vec::new(),
            updated_at: "2026-03-01T00:00:00.000000Z".into(),
        }
    }

    fn provider(slug: &str, working: Profile, published: Option<Profile>) -> Provider {
        Provider {
            id: 1,
            slug: slug.into(),
            status: Status::Published,
            status_note: String::new(),
            contact_email: "contact@example.org".into(),
            created_at: "2026-01-01T00:00:00.000000Z".into(),
            updated_at: "2026-01-01T00:00:00.000000Z".into(),
            submitted_at: None,
            reviewed_at: Some("2026-03-02T00:00:00.000000Z".into()),
            published_at: Some("2026-03-02T00:00:00.000000Z".into()),
            confirmed_at: None,
            working,
            published,
        }
    }

    #[test]
    fn only_the_published_profile_is_searchable() {
        let published = profile(
            "La Ruche",
            &[("fr", "Hébergement associatif"), ("en", "Hosting")],
        );
        let working = profile("La Ruche renamed", &[("fr", "Brouillon secret")]);
        let doc = provider_doc(&provider("la-ruche", working.clone(), Some(published))).unwrap();
        assert_eq!(doc.id, "provider:la-ruche");
        assert_eq!(doc.kind, "provider");
        assert_eq!(doc.path, "/directory/la-ruche");
        assert_eq!(doc.texts[0].lang, "fr", "the original comes first");
        assert!(doc.texts.iter().all(|t| t.title == "La Ruche"));
        assert!(!doc.texts.iter().any(|t| t.body.contains("Brouillon")));
        assert_eq!(
            doc.facets,
            ["kind/provider", "lang/en", "lang/fr", "country/FR"]
        );
        assert!(doc.topics.contains("Nextcloud"), "{}", doc.topics);
        assert!(doc.date.is_some());
        assert!(provider_doc(&provider("draft", working, None)).is_none());
    }
}
