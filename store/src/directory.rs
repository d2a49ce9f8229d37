//! The providers directory: hosters, trainers and consultancies that help
//! associations move to ethical digital tools. A provider is its own kind of
//! entity, distinct from the network's partner organisations: accounts
//! become its members ([`members`]) and edit its profile.
//!
//! A profile exists in two versions. Members edit the *working* version;
//! a moderator approves it ([`review`]), which copies it to the *published*
//! version that the public sees ([`browse`]). While later changes wait for
//! review, the public keeps seeing the last approved version. A published
//! profile that nobody confirmed for a year is due for confirmation.
//! Associations write to a provider through the directory ([`requests`]);
//! the provider's address is never shown.
//!
//! Every write runs in one transaction with its history entry; writes that
//! change what the public sees also record an outbox change (entity
//! [`OUTBOX_ENTITY`], keyed by slug).

pub mod address;
pub mod browse;
mod form;
pub mod members;
pub mod oai;
mod read;
pub mod requests;
pub mod review;
pub mod vocab;

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};
use sqlx::Row;

pub use form::{
    DESCRIPTION_MAX_CHARS, DESCRIPTION_MIN_CHARS, NAME_MAX_CHARS, ProviderForm, parse_area,
};
pub use read::{Event, get, get_by_slug, history, of_member};
pub use vocab::{Commitment, HelpKind, LegalForm, PriceModel, Service, Status};

use crate::error::Result;
use crate::{Db, StoreError, now};
use form::{Checked, check};

/// The outbox entity name of providers; the key is the slug.
pub const OUTBOX_ENTITY: crate::outbox::Entity = crate::outbox::Entity::Provider;

/// Slugs the directory's own pages use (`/directory/new`, `/directory/mine`,
/// `/directory/review`, `/directory/regions`): no provider gets one of them.
pub const RESERVED_SLUGS: &[&str] = &["new", "mine", "review", "regions"];

/// Days after which a published profile nobody confirmed is due for
/// confirmation.
pub const CONFIRM_AFTER_DAYS: i64 = 365;

/// Where a provider works: a whole country, or one NUTS-1 region of it.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct Area {
    /// ISO 3166-1 alpha-2.
    pub country: String,
    /// A NUTS-1 code from [`vocab::REGIONS`]; `None` for the whole country.
    pub region: Option<String>,
}

impl Area {
    /// The code the forms and filters use: `FR` or `FRJ`.
    pub fn code(&self) -> &str {
        self.region.as_deref().unwrap_or(&self.country)
    }
}

/// One version of a profile: everything the public may see of a provider.
/// (The contact address is not part of it: see [`Provider::contact_email`].)
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Profile {
    pub name: String,
    /// The language of the main description.
    pub original_language: String,
    /// The description per language tag; the original is always there.
    pub descriptions: BTreeMap<String, String>,
    pub help: Vec<HelpKind>,
    pub services: Vec<Service>,
    pub areas: Vec<Area>,
    pub remote: bool,
    pub on_site: bool,
    /// Languages spoken, as BCP 47 tags.
    pub languages: Vec<String>,
    pub prices: Vec<PriceModel>,
    pub legal_form: LegalForm,
    /// A member of the CHATONS collective of alternative hosters.
    pub chatons: bool,
    pub website: String,
    /// File name of the logo under the data folder's `uploads/logos/`.
    pub logo: Option<String>,
    pub commitments: Vec<Commitment>,
    pub updated_at: String,
}

impl Profile {
    /// The description to show a reader of `lang`: in that language, else
    /// the original; with the language it is in.
    pub fn description_for(&self, lang: &str) -> (&str, &str) {
        let (l, d) = self
            .descriptions
            .get_key_value(lang)
            .or_else(|| self.descriptions.get_key_value(&self.original_language))
            .or_else(|| self.descriptions.iter().next())
            .map(|(l, d)| (l.as_str(), d.as_str()))
            .unwrap_or((self.original_language.as_str(), ""));
        (l, d)
    }

    /// Whether a language is spoken, by tag or primary subtag (`de` matches
    /// `de-AT`).
    pub fn speaks(&self, lang: &str) -> bool {
        self.languages
            .iter()
            .any(|l| l == lang || l.split('-').next() == Some(lang))
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Provider {
    pub id: i64,
    /// The stable public id, part of the provider's URI.
    pub slug: String,
    /// Where the working version is in review.
    pub status: Status,
    /// The moderator's note of the last rejection (empty otherwise).
    pub status_note: String,
    /// Where help requests are delivered. Never shown publicly; changes to
    /// it take effect at once, without review.
    pub contact_email: String,
    pub created_at: String,
    pub updated_at: String,
    pub submitted_at: Option<String>,
    pub reviewed_at: Option<String>,
    pub published_at: Option<String>,
    pub confirmed_at: Option<String>,
    /// What the members edit.
    pub working: Profile,
    /// The last approved version, the one the public sees.
    pub published: Option<Profile>,
}

impl Provider {
    /// What the public sees, if anything.
    pub fn public(&self) -> Option<&Profile> {
        self.published.as_ref()
    }

    /// Whether the published profile went unconfirmed for a year at `at`.
    pub fn due_for_confirmation(&self, at: time::OffsetDateTime) -> bool {
        let Some(confirmed) = self.confirmed_at.as_deref().and_then(crate::parse_time) else {
            return false;
        };
        self.published.is_some() && at - confirmed > time::Duration::days(CONFIRM_AFTER_DAYS)
    }
}

/// The two versions of a profile, as SQL names them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub(crate) enum Version {
    Working,
    Published,
}

impl Version {
    pub(crate) fn as_str(self) -> &'static str {
        match self {
            Version::Working => "working",
            Version::Published => "published",
        }
    }
}

/// The tables that hold one version of a profile, with their columns after
/// `provider_id, version`.
pub(crate) const VERSIONED: [(&str, &str); 4] = [
    (
        "provider_profiles",
        "name, original_language, legal_form, remote, on_site, chatons, website, logo, updated_at",
    ),
    ("provider_texts", "lang, description"),
    ("provider_codes", "facet, code"),
    ("provider_areas", "country, region"),
];

/// Appends to the provider's history, inside the caller's transaction.
pub(crate) async fn event(
    tx: &mut sqlx::Transaction<'_, sqlx::Any>,
    provider_id: i64,
    user_id: Option<i64>,
    action: &str,
    detail: &str,
) -> Result<()> {
    sqlx::query(
        "INSERT INTO provider_events (provider_id, user_id, action, detail, created_at) \
         VALUES ($1, $2, $3, $4, $5)",
    )
    .bind(provider_id)
    .bind(user_id)
    .bind(action.to_string())
    .bind(detail.to_string())
    .bind(now())
    .execute(&mut **tx)
    .await?;
    Ok(())
}

/// Replaces the working version with a checked form (the logo is kept).
async fn write_working(
    tx: &mut sqlx::Transaction<'_, sqlx::Any>,
    id: i64,
    c: &Checked,
    logo: Option<String>,
    at: &str,
) -> Result<()> {
    let v = Version::Working.as_str();
    for (table, _) in VERSIONED {
        sqlx::query(sqlx::AssertSqlSafe(format!(
            "DELETE FROM {table} WHERE provider_id = $1 AND version = $2"
        )))
        .bind(id)
        .bind(v)
        .execute(&mut **tx)
        .await?;
    }
    sqlx::query(
        "INSERT INTO provider_profiles (provider_id, version, name, original_language, \
         legal_form, remote, on_site, chatons, website, logo, updated_at) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)",
    )
    .bind(id)
    .bind(v)
    .bind(c.name.clone())
    .bind(c.original_language.clone())
    .bind(c.legal_form.as_str())
    .bind(i64::from(c.remote))
    .bind(i64::from(c.on_site))
    .bind(i64::from(c.chatons))
    .bind(c.website.clone())
    .bind(logo)
    .bind(at.to_string())
    .execute(&mut **tx)
    .await?;
    for (lang, description) in &c.descriptions {
        sqlx::query(
            "INSERT INTO provider_texts (provider_id, version, lang, description) \
             VALUES ($1, $2, $3, $4)",
        )
        .bind(id)
        .bind(v)
        .bind(lang.clone())
        .bind(description.clone())
        .execute(&mut **tx)
        .await?;
    }
    let coded = c
        .help
        .iter()
        .map(|x| ("help", x.as_str().to_string()))
        .chain(
            c.services
                .iter()
                .map(|x| ("service", x.as_str().to_string())),
        )
        .chain(c.languages.iter().map(|x| ("language", x.clone())))
        .chain(c.prices.iter().map(|x| ("price", x.as_str().to_string())))
        .chain(
            c.commitments
                .iter()
                .map(|x| ("commitment", x.as_str().to_string())),
        );
    for (facet, code) in coded {
        sqlx::query(
            "INSERT INTO provider_codes (provider_id, version, facet, code) VALUES ($1, $2, $3, $4)",
        )
        .bind(id)
        .bind(v)
        .bind(facet)
        .bind(code)
        .execute(&mut **tx)
        .await?;
    }
    for a in &c.areas {
        sqlx::query(
            "INSERT INTO provider_areas (provider_id, version, country, region) \
             VALUES ($1, $2, $3, $4)",
        )
        .bind(id)
        .bind(v)
        .bind(a.country.clone())
        .bind(a.region.clone().unwrap_or_default())
        .execute(&mut **tx)
        .await?;
    }
    Ok(())
}

/// A new provider with `user_id` as its first member; its profile starts
/// as a draft that nobody but its members and moderators sees.
pub async fn create(db: &Db, user_id: i64, form: &ProviderForm) -> Result<Provider> {
    let c = check(form)?;
    let mut base = crate::organisations::slugify(&c.name);
    if base == "organisation" {
        base = "provider".into();
    } else if RESERVED_SLUGS.contains(&base.as_str()) {
        base = format!("{base}-provider");
    }
    let at = now();
    // A name may fold to a slug that is taken: try base, base-2, base-3...
    for n in 1..=50 {
        let slug = if n == 1 {
            base.clone()
        } else {
            format!("{base}-{n}")
        };
        let mut tx = db.pool().begin().await?;
        let inserted = sqlx::query(
            "INSERT INTO providers (slug, status, contact_email, created_by, created_at, updated_at) \
             VALUES ($1, 'draft', $2, $3, $4, $4) ON CONFLICT (slug) DO NOTHING RETURNING id",
        )
        .bind(slug.clone())
        .bind(c.contact_email.clone())
        .bind(user_id)
        .bind(at.clone())
        .fetch_optional(&mut *tx)
        .await?;
        let Some(row) = inserted else {
            continue;
        };
        let id: i64 = row.try_get("id")?;
        sqlx::query(
            "INSERT INTO provider_members (provider_id, user_id, created_at) VALUES ($1, $2, $3)",
        )
        .bind(id)
        .bind(user_id)
        .bind(at.clone())
        .execute(&mut *tx)
        .await?;
        write_working(&mut tx, id, &c, None, &at).await?;
        event(&mut tx, id, Some(user_id), "created", &c.name).await?;
        tx.commit().await?;
        return get(db, id).await;
    }
    Err(StoreError::invalid("name", "name-taken"))
}

/// Replaces the working version of a profile. A profile in review or
/// reviewed goes back to draft: its members submit it again, and until a
/// moderator approves it the public keeps seeing the published version.
pub async fn update(db: &Db, user_id: i64, id: i64, form: &ProviderForm) -> Result<Provider> {
    let before = get(db, id).await?;
    let c = check(form)?;
    let changed = changes(&before, &c);
    if changed.is_empty() {
        return Ok(before);
    }
    let at = now();
    let mut tx = db.pool().begin().await?;
    // Only the address changed: nothing the public sees, nothing to review.
    let status = if changed == "contact_email" {
        before.status
    } else {
        Status::Draft
    };
    sqlx::query(
        "UPDATE providers SET status = $1, contact_email = $2, updated_at = $3 WHERE id = $4",
    )
    .bind(status.as_str())
    .bind(c.contact_email.clone())
    .bind(at.clone())
    .bind(id)
    .execute(&mut *tx)
    .await?;
    write_working(&mut tx, id, &c, before.working.logo.clone(), &at).await?;
    event(&mut tx, id, Some(user_id), "edited", &changed).await?;
    tx.commit().await?;
    get(db, id).await
}

/// Sets or removes the logo of the working version (reviewed like any
/// change). Gives back the previous logo's file name when no version uses it
/// any more, for the caller to delete the file.
pub async fn set_logo(
    db: &Db,
    user_id: i64,
    id: i64,
    logo: Option<&str>,
) -> Result<Option<String>> {
    let before = get(db, id).await?;
    if before.working.logo.as_deref() == logo {
        return Ok(None);
    }
    let at = now();
    let mut tx = db.pool().begin().await?;
    sqlx::query(
        "UPDATE provider_profiles SET logo = $1, updated_at = $2 \
         WHERE provider_id = $3 AND version = 'working'",
    )
    .bind(logo.map(str::to_string))
    .bind(at.clone())
    .bind(id)
    .execute(&mut *tx)
    .await?;
    sqlx::query("UPDATE providers SET status = 'draft', updated_at = $1 WHERE id = $2")
        .bind(at)
        .bind(id)
        .execute(&mut *tx)
        .await?;
    let what = if logo.is_some() {
        "logo"
    } else {
        "logo removed"
    };
    event(&mut tx, id, Some(user_id), "edited", what).await?;
    tx.commit().await?;
    let previous = before.working.logo;
    let still_published = before
        .published
        .as_ref()
        .is_some_and(|p| p.logo == previous);
    Ok(previous.filter(|_| !still_published))
}

/// Whether any version of any provider still shows this logo file (the
/// caller deletes the file when none does).
pub async fn logo_in_use(db: &Db, logo: &str) -> Result<bool> {
    let row = sqlx::query("SELECT COUNT(*) AS n FROM provider_profiles WHERE logo = $1")
        .bind(logo.to_string())
        .fetch_one(db.pool())
        .await?;
    Ok(row.try_get::<i64, _>("n")? > 0)
}

/// Which fields an edit changes, for the history (empty: none).
fn changes(before: &Provider, c: &Checked) -> String {
    let w = &before.working;
    let mut out = Vec::new();
    let mut diff = |name: &str, changed: bool| {
        if changed {
            out.push(name.to_string());
        }
    };
    diff("name", w.name != c.name);
    diff(
        "original_language",
        w.original_language != c.original_language,
    );
    diff("descriptions", w.descriptions != c.descriptions);
    diff("help", w.help != c.help);
    diff("services", w.services != c.services);
    diff("areas", w.areas != c.areas);
    diff("remote", w.remote != c.remote);
    diff("on_site", w.on_site != c.on_site);
    diff("languages", w.languages != c.languages);
    diff("prices", w.prices != c.prices);
    diff("legal_form", w.legal_form != c.legal_form);
    diff("chatons", w.chatons != c.chatons);
    diff("website", w.website != c.website);
    diff("commitments", w.commitments != c.commitments);
    diff("contact_email", before.contact_email != c.contact_email);
    out.join(", ")
}
