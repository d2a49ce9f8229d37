//! The demo providers of the directory (`content/demo/providers.toml`):
//! each one with a member account, loaded through the store's profile
//! checks and review cycle, so that the directory, its review queue and a
//! provider's help requests can be tried at once. Running it again changes
//! nothing that is already there.

use std::collections::BTreeMap;

use anyhow::{Context, bail};
use serde::Deserialize;
use store::Db;
use store::directory::requests::{self, HelpRequestForm};
use store::directory::{self, ProviderForm, review};
use store::users::{self, Registration, Role};

pub const PROVIDERS: &str = include_str!("../../content/demo/providers.toml");
const FILE: &str = "content/demo/providers.toml";

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DemoProviders {
    /// The password of every provider's member account.
    pub password: String,
    #[serde(default)]
    pub provider: Vec<DemoProvider>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DemoMember {
    pub email: String,
    pub display_name: String,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DemoProvider {
    pub name: String,
    pub member: DemoMember,
    /// `draft`, `pending`, `published` or `changes-pending` (published, with
    /// `pending_descriptions` submitted as a change).
    pub status: String,
    pub original_language: String,
    pub descriptions: BTreeMap<String, String>,
    #[serde(default)]
    pub pending_descriptions: BTreeMap<String, String>,
    pub help: Vec<String>,
    #[serde(default)]
    pub services: Vec<String>,
    pub areas: Vec<String>,
    pub remote: bool,
    pub on_site: bool,
    pub languages: String,
    pub prices: Vec<String>,
    pub legal_form: String,
    pub chatons: bool,
    pub contact_email: String,
    #[serde(default)]
    pub website: String,
    #[serde(default)]
    pub commitments: Vec<String>,
    /// Help requests associations sent it.
    #[serde(default)]
    pub request: Vec<HelpRequestForm>,
}

impl DemoProvider {
    pub fn form(&self) -> ProviderForm {
        ProviderForm {
            name: self.name.clone(),
            original_language: self.original_language.clone(),
            descriptions: self.descriptions.clone(),
            help: self.help.clone(),
            services: self.services.clone(),
            areas: self.areas.clone(),
            remote: self.remote,
            on_site: self.on_site,
            languages: self.languages.clone(),
            prices: self.prices.clone(),
            legal_form: self.legal_form.clone(),
            chatons: self.chatons,
            contact_email: self.contact_email.clone(),
            website: self.website.clone(),
            commitments: self.commitments.clone(),
        }
    }

    /// The slug the store gives this provider on a fresh instance.
    pub fn slug(&self) -> String {
        store::organisations::slugify(&self.name)
    }
}

/// Parses the demo providers, naming the line of any mistake. The profiles
/// themselves are checked by the store when they are loaded.
pub fn parse(text: &str, file: &str) -> anyhow::Result<DemoProviders> {
    let demo: DemoProviders = toml::from_str(text).map_err(|e| {
        let line = e.span().map(|s| text[..s.start].matches('\n').count() + 1);
        match line {
            Some(l) => anyhow::anyhow!("{file}:{l}: {}", e.message()),
            None => anyhow::anyhow!("{file}: {}", e.message()),
        }
    })?;
    let mut slugs = Vec::new();
    for p in &demo.provider {
        if !matches!(
            p.status.as_str(),
            "draft" | "pending" | "published" | "changes-pending"
        ) {
            bail!(
                "{file}: provider {:?}: unknown status {:?}",
                p.name,
                p.status
            );
        }
        if (p.status == "changes-pending") == p.pending_descriptions.is_empty() {
            bail!(
                "{file}: provider {:?}: pending_descriptions go with status \"changes-pending\", and only with it",
                p.name
            );
        }
        if !p.request.is_empty() && !matches!(p.status.as_str(), "published" | "changes-pending") {
            bail!(
                "{file}: provider {:?}: only a published provider receives requests",
                p.name
            );
        }
        let slug = p.slug();
        if slugs.contains(&slug) {
            bail!("{file}: two providers are named {:?}", p.name);
        }
        slugs.push(slug);
    }
    Ok(demo)
}

/// Loads the demo providers; `reviewer` approves the published ones.
/// Returns how many records were created.
pub async fn load(db: &Db, demo: &DemoProviders, reviewer: i64) -> anyhow::Result<usize> {
    let mut created = 0;
    for p in &demo.provider {
        let member = match users::find_by_email(db, &p.member.email).await? {
            Some(u) => u,
            None => {
                created += 1;
                let reg = Registration {
                    email: p.member.email.clone(),
                    display_name: p.member.display_name.clone(),
                    password: demo.password.clone(),
                };
                users::create(db, &reg, Role::Learner)
                    .await
                    .with_context(|| format!("demo provider account {}", p.member.email))?
            }
        };
        if directory::get_by_slug(db, &p.slug()).await.is_ok() {
            continue;
        }
        let what = || format!("{FILE}: provider {:?}", p.name);
        let provider = directory::create(db, member.id, &p.form())
            .await
            .with_context(what)?;
        created += 1;
        if provider.slug != p.slug() {
            bail!("{}: got the slug {:?}", what(), provider.slug);
        }
        if p.status == "draft" {
            continue;
        }
        review::submit(db, member.id, provider.id)
            .await
            .with_context(what)?;
        if p.status == "pending" {
            continue;
        }
        review::approve(db, reviewer, provider.id)
            .await
            .with_context(what)?;
        for r in &p.request {
            let published = directory::get(db, provider.id).await?;
            requests::send(db, &published, None, r)
                .await
                .with_context(|| format!("{}: request from {}", what(), r.sender_email))?;
            created += 1;
        }
        if p.status == "changes-pending" {
            let change = ProviderForm {
                descriptions: p.pending_descriptions.clone(),
                ..p.form()
            };
            directory::update(db, member.id, provider.id, &change)
                .await
                .with_context(what)?;
            review::submit(db, member.id, provider.id)
                .await
                .with_context(what)?;
        }
    }
    Ok(created)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_shipped_demo_providers_are_varied_examples() {
        let demo = parse(PROVIDERS, FILE).unwrap();
        assert!(demo.provider.len() >= 20, "about twenty providers");
        let mut countries: Vec<&str> = demo
            .provider
            .iter()
            .flat_map(|p| p.areas.iter().map(|a| &a[..2]))
            .collect();
        countries.sort();
        countries.dedup();
        for c in ["AT", "BE", "CH", "DE", "FR", "HR", "IT"] {
            assert!(countries.contains(&c), "a provider works in {c}");
        }
        for p in &demo.provider {
            // Clearly fictional: example.org addresses, and every
            // description says it is an example.
            assert!(p.member.email.ends_with("example.org"), "{}", p.name);
            assert!(p.contact_email.ends_with(".example.org"), "{}", p.name);
            assert!(
                p.website.is_empty() || p.website.ends_with(".example.org"),
                "{}",
                p.name
            );
            assert!(p.descriptions.contains_key("en"), "{} in English", p.name);
            assert!(
                p.descriptions.contains_key(&p.original_language),
                "{} in its own language",
                p.name
            );
            for (lang, d) in p.descriptions.iter().chain(&p.pending_descriptions) {
                assert!(
                    [
                        "(fictional)",
                        "(fictif)",
                        "(fiktiv)",
                        "(fittizio)",
                        "(izmišljen)",
                        "(fictief)"
                    ]
                    .iter()
                    .any(|m| d.contains(m)),
                    "{} ({lang}) says it is an example",
                    p.name
                );
            }
        }
        for status in ["draft", "pending", "published", "changes-pending"] {
            assert!(
                demo.provider.iter().any(|p| p.status == status),
                "a provider is {status}"
            );
        }
        for price in ["free", "donation", "paid", "sliding-scale"] {
            assert!(
                demo.provider
                    .iter()
                    .any(|p| p.prices.iter().any(|x| x == price)),
                "{price}"
            );
        }
        assert!(demo.provider.iter().any(|p| !p.request.is_empty()));
    }

    #[test]
    fn mistakes_name_the_file_and_line() {
        let err = parse("password = 'p'\n[[provider]]\nnmae = 'x'\n", "p.toml")
            .unwrap_err()
            .to_string();
        assert!(err.starts_with("p.toml:3:"), "{err}");
        let text = PROVIDERS.replacen("status = \"published\"", "status = \"live\"", 1);
        let err = parse(&text, "p.toml").unwrap_err().to_string();
        assert!(err.contains("unknown status"), "{err}");
    }
}
