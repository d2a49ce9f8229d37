//! Reading providers back: the row, both versions of the profile with their
//! lists, and the history.

use std::collections::{BTreeMap, HashMap};

use serde::{Deserialize, Serialize};
use sqlx::Row;
use sqlx::any::AnyRow;

use super::{
    Area, Commitment, HelpKind, LegalForm, PriceModel, Profile, Provider, Service, Status, Version,
};
use crate::db::{Bind, bound};
use crate::error::Result;
use crate::{Db, StoreError};

pub(crate) const COLUMNS: &str = "id, slug, status, status_note, contact_email, created_at, \
    updated_at, submitted_at, reviewed_at, published_at, confirmed_at";

fn bad(what: &str) -> StoreError {
    StoreError::Database(sqlx::Error::Decode(what.to_string().into()))
}

/// The providers of `rows` (each with [`COLUMNS`]), in their order, with both
/// versions of their profiles read for all of them at once: four queries
/// whatever the number of providers.
pub(crate) async fn from_rows(db: &Db, rows: &[AnyRow]) -> Result<Vec<Provider>> {
    if rows.is_empty() {
        return Ok(Vec::new());
    }
    let ids = rows
        .iter()
        .map(|r| r.try_get::<i64, _>("id"))
        .collect::<Result<Vec<_>, _>>()?;
    // Bounded lists of values (SQL engines limit the number of parameters).
    let mut profiles = HashMap::new();
    for chunk in ids.chunks(500) {
        profiles.extend(self::profiles(db, chunk).await?);
    }
    rows.iter()
        .map(|r| {
            let id: i64 = r.try_get("id")?;
            let status: String = r.try_get("status")?;
            Ok(Provider {
                id,
                slug: r.try_get("slug")?,
                status: Status::parse(&status).ok_or_else(|| bad("status"))?,
                status_note: r.try_get("status_note")?,
                contact_email: r.try_get("contact_email")?,
                created_at: r.try_get("created_at")?,
                updated_at: r.try_get("updated_at")?,
                submitted_at: r.try_get("submitted_at")?,
                reviewed_at: r.try_get("reviewed_at")?,
                published_at: r.try_get("published_at")?,
                confirmed_at: r.try_get("confirmed_at")?,
                working: profiles
                    .remove(&(id, Version::Working))
                    .ok_or_else(|| bad("working profile"))?,
                published: profiles.remove(&(id, Version::Published)),
            })
        })
        .collect()
}

pub(crate) async fn from_row(db: &Db, r: &AnyRow) -> Result<Provider> {
    let mut one = from_rows(db, std::slice::from_ref(r)).await?;
    one.pop().ok_or_else(|| bad("provider"))
}

fn version_of(row: &AnyRow) -> Result<(i64, Version)> {
    let id: i64 = row.try_get("provider_id")?;
    let version: String = row.try_get("version")?;
    match version.as_str() {
        "working" => Ok((id, Version::Working)),
        "published" => Ok((id, Version::Published)),
        _ => Err(bad("version")),
    }
}

/// Every version of the profiles of providers `ids`.
async fn profiles(db: &Db, ids: &[i64]) -> Result<HashMap<(i64, Version), Profile>> {
    let list = (1..=ids.len())
        .map(|i| format!("${i}"))
        .collect::<Vec<_>>()
        .join(", ");
    let binds = || ids.iter().map(|&id| Bind::Int(id)).collect::<Vec<_>>();
    let select = |sql: String| bound(sql, binds()).fetch_all(db.pool());
    let mut out = HashMap::new();
    for row in select(format!(
        "SELECT provider_id, version, name, original_language, legal_form, remote, on_site, \
         chatons, website, logo, updated_at FROM provider_profiles \
         WHERE provider_id IN ({list})"
    ))
    .await?
    {
        let legal_form: String = row.try_get("legal_form")?;
        let p = Profile {
            name: row.try_get("name")?,
            original_language: row.try_get("original_language")?,
            descriptions: BTreeMap::new(),
            help: Vec::new(),
            services: Vec::new(),
            areas: Vec::new(),
            remote: row.try_get::<i64, _>("remote")? != 0,
            on_site: row.try_get::<i64, _>("on_site")? != 0,
            languages: Vec::new(),
            prices: Vec::new(),
            legal_form: LegalForm::parse(&legal_form).ok_or_else(|| bad("legal_form"))?,
            chatons: row.try_get::<i64, _>("chatons")? != 0,
            website: row.try_get("website")?,
            logo: row.try_get("logo")?,
            commitments: Vec::new(),
            updated_at: row.try_get("updated_at")?,
        };
        out.insert(version_of(&row)?, p);
    }
    for t in select(format!(
        "SELECT provider_id, version, lang, description FROM provider_texts \
         WHERE provider_id IN ({list})"
    ))
    .await?
    {
        if let Some(p) = out.get_mut(&version_of(&t)?) {
            p.descriptions
                .insert(t.try_get("lang")?, t.try_get("description")?);
        }
    }
    for c in select(format!(
        "SELECT provider_id, version, facet, code FROM provider_codes \
         WHERE provider_id IN ({list}) ORDER BY provider_id, version, facet, code"
    ))
    .await?
    {
        let Some(p) = out.get_mut(&version_of(&c)?) else {
            continue;
        };
        let facet: String = c.try_get("facet")?;
        let code: String = c.try_get("code")?;
        let unknown = || bad(&format!("{facet} {code}"));
        match facet.as_str() {
            "help" => p.help.push(HelpKind::parse(&code).ok_or_else(unknown)?),
            "service" => p.services.push(Service::parse(&code).ok_or_else(unknown)?),
            "price" => p.prices.push(PriceModel::parse(&code).ok_or_else(unknown)?),
            "commitment" => p
                .commitments
                .push(Commitment::parse(&code).ok_or_else(unknown)?),
            "language" => p.languages.push(code),
            _ => return Err(unknown()),
        }
    }
    for a in select(format!(
        "SELECT provider_id, version, country, region FROM provider_areas \
         WHERE provider_id IN ({list})"
    ))
    .await?
    {
        let Some(p) = out.get_mut(&version_of(&a)?) else {
            continue;
        };
        let region: String = a.try_get("region")?;
        p.areas.push(Area {
            country: a.try_get("country")?,
            region: (!region.is_empty()).then_some(region),
        });
    }
    // Codes sort as text; the vocabularies sort in their own order.
    for p in out.values_mut() {
        p.help.sort();
        p.services.sort();
        p.prices.sort();
        p.commitments.sort();
        p.areas.sort();
    }
    Ok(out)
}

pub async fn get(db: &Db, id: i64) -> Result<Provider> {
    let row = sqlx::query(sqlx::AssertSqlSafe(format!(
        "SELECT {COLUMNS} FROM providers WHERE id = $1"
    )))
    .bind(id)
    .fetch_optional(db.pool())
    .await?
    .ok_or(StoreError::NotFound)?;
    from_row(db, &row).await
}

pub async fn get_by_slug(db: &Db, slug: &str) -> Result<Provider> {
    let row = sqlx::query(sqlx::AssertSqlSafe(format!(
        "SELECT {COLUMNS} FROM providers WHERE slug = $1"
    )))
    .bind(slug.to_string())
    .fetch_optional(db.pool())
    .await?
    .ok_or(StoreError::NotFound)?;
    from_row(db, &row).await
}

/// The providers an account is a member of, by name.
pub async fn of_member(db: &Db, user_id: i64) -> Result<Vec<Provider>> {
    let rows = sqlx::query(sqlx::AssertSqlSafe(format!(
        "SELECT {COLUMNS} FROM providers WHERE id IN \
         (SELECT provider_id FROM provider_members WHERE user_id = $1) ORDER BY id"
    )))
    .bind(user_id)
    .fetch_all(db.pool())
    .await?;
    let mut out = from_rows(db, &rows).await?;
    out.sort_by_key(|p| p.working.name.to_lowercase());
    Ok(out)
}

/// One entry of a provider's history.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Event {
    pub user_id: Option<i64>,
    /// `created`, `edited`, `submitted`, `approved`, `rejected`,
    /// `unpublished`, `confirmed`, `member-added`, `member-removed`.
    pub action: String,
    /// What changed, or the moderator's note.
    pub detail: String,
    pub created_at: String,
}

/// A provider's history, oldest first.
pub async fn history(db: &Db, id: i64) -> Result<Vec<Event>> {
    let rows = sqlx::query(
        "SELECT user_id, action, detail, created_at FROM provider_events \
         WHERE provider_id = $1 ORDER BY id",
    )
    .bind(id)
    .fetch_all(db.pool())
    .await?;
    rows.iter()
        .map(|r| {
            Ok(Event {
                user_id: r.try_get("user_id")?,
                action: r.try_get("action")?,
                detail: r.try_get("detail")?,
                created_at: r.try_get("created_at")?,
            })
        })
        .collect()
}
