//! The public directory: published profiles only, filtered by kind of
//! help, hosted service, area served, language spoken, price model, CHATONS
//! membership and way of working. Values of one filter are alternatives;
//! filters narrow each other.

use std::collections::{BTreeMap, BTreeSet};

use serde::{Deserialize, Serialize};
use sqlx::Row;

use super::read::{COLUMNS, from_rows};
use super::{Area, HelpKind, PriceModel, Provider, Service, parse_area};
use crate::Db;
use crate::error::Result;

/// What a reader narrows the directory by (empty: everything).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Filters {
    pub help: Vec<HelpKind>,
    pub services: Vec<Service>,
    /// Country codes (`BE`) and NUTS-1 region codes (`FRJ`). A provider that
    /// serves a whole country serves each of its regions; one that serves a
    /// region is found by its country.
    pub areas: Vec<String>,
    /// Language tags; `de` also finds providers that speak `de-AT`.
    pub languages: Vec<String>,
    pub prices: Vec<PriceModel>,
    /// `Some(true)`: CHATONS members only.
    pub chatons: Option<bool>,
    /// `Some(true)`: those who work remotely.
    pub remote: Option<bool>,
    /// `Some(true)`: those who come on site.
    pub on_site: Option<bool>,
}

/// One page of the directory.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Listing {
    /// How many published providers match, on every page.
    pub total: i64,
    pub providers: Vec<Provider>,
}

/// A SQL condition with its text arguments, numbered from `$1`.
struct Query {
    conditions: Vec<String>,
    args: Vec<String>,
}

impl Query {
    fn arg(&mut self, value: impl Into<String>) -> String {
        self.args.push(value.into());
        format!("${}", self.args.len())
    }

    /// Providers with one of `codes` in `facet` of the published version.
    fn any_code(&mut self, facet: &str, codes: &[&str]) {
        if codes.is_empty() {
            return;
        }
        let facet = self.arg(facet);
        let list: Vec<String> = codes.iter().map(|c| self.arg(*c)).collect();
        self.conditions.push(format!(
            "EXISTS (SELECT 1 FROM provider_codes c WHERE c.provider_id = p.provider_id \
             AND c.version = 'published' AND c.facet = {facet} AND c.code IN ({}))",
            list.join(", ")
        ));
    }

    fn flag(&mut self, column: &str, value: Option<bool>) {
        if let Some(v) = value {
            self.conditions
                .push(format!("p.{column} = {}", i64::from(v)));
        }
    }
}

fn query(f: &Filters) -> Query {
    let mut q = Query {
        conditions: vec!["p.version = 'published'".into()],
        args: Vec::new(),
    };
    let help: Vec<&str> = f.help.iter().map(|c| c.as_str()).collect();
    q.any_code("help", &help);
    let services: Vec<&str> = f.services.iter().map(|c| c.as_str()).collect();
    q.any_code("service", &services);
    let prices: Vec<&str> = f.prices.iter().map(|c| c.as_str()).collect();
    q.any_code("price", &prices);
    let mut langs = Vec::new();
    for l in f.languages.iter().map(|l| l.trim().to_lowercase()) {
        if crate::validate::is_language_tag(&l) {
            let exact = q.arg(l.clone());
            let sub = q.arg(format!("{l}-%"));
            langs.push(format!(
                "LOWER(c.code) = {exact} OR LOWER(c.code) LIKE {sub}"
            ));
        }
    }
    if !langs.is_empty() {
        q.conditions.push(format!(
            "EXISTS (SELECT 1 FROM provider_codes c WHERE c.provider_id = p.provider_id \
             AND c.version = 'published' AND c.facet = 'language' AND ({}))",
            langs.join(" OR ")
        ));
    }
    let mut areas = Vec::new();
    for area in f.areas.iter().filter_map(|a| parse_area(a)) {
        let country = q.arg(area.country.clone());
        match &area.region {
            // A region: providers of that region or of its whole country.
            Some(region) => {
                let region = q.arg(region.clone());
                areas.push(format!(
                    "(a.country = {country} AND (a.region = '' OR a.region = {region}))"
                ));
            }
            // A country: providers of the country or of any region of it.
            None => areas.push(format!("a.country = {country}")),
        }
    }
    if !areas.is_empty() {
        q.conditions.push(format!(
            "EXISTS (SELECT 1 FROM provider_areas a WHERE a.provider_id = p.provider_id \
             AND a.version = 'published' AND ({}))",
            areas.join(" OR ")
        ));
    }
    q.flag("chatons", f.chatons);
    q.flag("remote", f.remote);
    q.flag("on_site", f.on_site);
    q
}

/// Published providers matching `filters`, by name, `limit` from `offset`.
pub async fn list(db: &Db, filters: &Filters, limit: i64, offset: i64) -> Result<Listing> {
    let q = query(filters);
    let conditions = q.conditions.join(" AND ");
    let mut count = sqlx::query(sqlx::AssertSqlSafe(format!(
        "SELECT COUNT(*) AS n FROM provider_profiles p WHERE {conditions}"
    )));
    for a in &q.args {
        count = count.bind(a.clone());
    }
    let total: i64 = count.fetch_one(db.pool()).await?.try_get("n")?;
    let n = q.args.len();
    let mut page = sqlx::query(sqlx::AssertSqlSafe(format!(
        "SELECT {COLUMNS} FROM providers JOIN (SELECT p.provider_id, p.name \
         FROM provider_profiles p WHERE {conditions}) m ON m.provider_id = providers.id \
         ORDER BY LOWER(m.name), providers.id LIMIT ${} OFFSET ${}",
        n + 1,
        n + 2
    )));
    for a in &q.args {
        page = page.bind(a.clone());
    }
    let rows = page
        .bind(limit.max(0))
        .bind(offset.max(0))
        .fetch_all(db.pool())
        .await?;
    let providers = from_rows(db, &rows).await?;
    Ok(Listing { total, providers })
}

/// A published provider by slug; `NotFound` for a draft, a profile waiting
/// for its first approval, or one taken off the directory.
pub async fn published(db: &Db, slug: &str) -> Result<Provider> {
    let p = super::get_by_slug(db, slug).await?;
    if p.published.is_none() {
        return Err(crate::StoreError::NotFound);
    }
    Ok(p)
}

/// How many published providers have each value, per filter (`help`,
/// `service`, `language`, `price`, `commitment`, `country`, `region`,
/// `chatons`, `remote`, `on_site`), for the filter lists: only values some
/// provider has are worth offering.
pub async fn counts(db: &Db) -> Result<BTreeMap<String, BTreeMap<String, i64>>> {
    let mut out: BTreeMap<String, BTreeMap<String, i64>> = BTreeMap::new();
    let rows = sqlx::query(
        "SELECT facet, code, COUNT(*) AS n FROM provider_codes WHERE version = 'published' \
         GROUP BY facet, code",
    )
    .fetch_all(db.pool())
    .await?;
    for r in rows {
        out.entry(r.try_get("facet")?)
            .or_default()
            .insert(r.try_get("code")?, r.try_get("n")?);
    }
    let rows = sqlx::query(
        "SELECT country, COUNT(DISTINCT provider_id) AS n FROM provider_areas \
         WHERE version = 'published' GROUP BY country",
    )
    .fetch_all(db.pool())
    .await?;
    for r in rows {
        out.entry("country".into())
            .or_default()
            .insert(r.try_get("country")?, r.try_get("n")?);
    }
    let rows = sqlx::query(
        "SELECT region, COUNT(*) AS n FROM provider_areas \
         WHERE version = 'published' AND region <> '' GROUP BY region",
    )
    .fetch_all(db.pool())
    .await?;
    for r in rows {
        out.entry("region".into())
            .or_default()
            .insert(r.try_get("region")?, r.try_get("n")?);
    }
    for flag in ["chatons", "remote", "on_site"] {
        let row = sqlx::query(sqlx::AssertSqlSafe(format!(
            "SELECT COUNT(*) AS n FROM provider_profiles WHERE version = 'published' AND {flag} = 1"
        )))
        .fetch_one(db.pool())
        .await?;
        out.entry(flag.into())
            .or_default()
            .insert("1".into(), row.try_get("n")?);
    }
    Ok(out)
}

/// Who serves where, among published providers: for the counts of a filter
/// on each area without one query per area.
#[derive(Debug, Clone, Default)]
pub struct AreaServed {
    whole_country: BTreeMap<String, BTreeSet<i64>>,
    region: BTreeMap<String, BTreeSet<i64>>,
}

impl AreaServed {
    /// How many providers a filter on `region` of `country` finds: those of
    /// the region and those of the whole country, as [`list`] counts them.
    pub fn count(&self, country: &str, region: &str) -> i64 {
        let empty = BTreeSet::new();
        let whole = self.whole_country.get(country).unwrap_or(&empty);
        let here = self.region.get(region).unwrap_or(&empty);
        whole.union(here).count() as i64
    }
}

/// The areas of every published profile, in one query.
pub async fn areas_served(db: &Db) -> Result<AreaServed> {
    let rows = sqlx::query(
        "SELECT a.provider_id, a.country, a.region FROM provider_areas a \
         JOIN provider_profiles p ON p.provider_id = a.provider_id AND p.version = 'published' \
         WHERE a.version = 'published'",
    )
    .fetch_all(db.pool())
    .await?;
    let mut out = AreaServed::default();
    for r in rows {
        let id: i64 = r.try_get("provider_id")?;
        let region: String = r.try_get("region")?;
        let key = if region.is_empty() {
            out.whole_country.entry(r.try_get("country")?)
        } else {
            out.region.entry(region)
        };
        key.or_default().insert(id);
    }
    Ok(out)
}

/// The areas of a profile grouped by country, for a region list without a
/// map: `(country, regions)`, an empty list meaning the whole country.
pub fn areas_by_country(areas: &[Area]) -> Vec<(String, Vec<String>)> {
    let mut out: Vec<(String, Vec<String>)> = Vec::new();
    for a in areas {
        match out.iter_mut().find(|(c, _)| *c == a.country) {
            Some((_, regions)) => regions.extend(a.region.clone()),
            None => out.push((a.country.clone(), a.region.iter().cloned().collect())),
        }
    }
    out
}
