//! Partner organisations of the network and their members.

use serde::{Deserialize, Serialize};
use sqlx::Row;
use sqlx::any::AnyRow;

use crate::error::Result;
use crate::users::{self, Role, User};
use crate::validate::{self, ORG_NAME_MAX_CHARS};
use crate::{Db, FieldError, StoreError, now};

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Organisation {
    pub id: i64,
    pub slug: String,
    pub name: String,
    /// ISO 3166-1 alpha-2.
    pub country: String,
    pub languages: Vec<String>,
    pub website: String,
    /// File name of the logo under the data folder's `uploads/logos/`.
    pub logo: Option<String>,
}

const COLUMNS: &str = "id, slug, name, country, languages, website, logo";

/// The outbox entity name of organisations; the key is the slug.
pub const OUTBOX_ENTITY: crate::outbox::Entity = crate::outbox::Entity::Organisation;

fn from_row(row: &AnyRow) -> Result<Organisation> {
    let langs: String = row.try_get("languages")?;
    Ok(Organisation {
        id: row.try_get("id")?,
        slug: row.try_get("slug")?,
        name: row.try_get("name")?,
        country: row.try_get("country")?,
        languages: langs
            .split(',')
            .filter(|s| !s.is_empty())
            .map(str::to_owned)
            .collect(),
        website: row.try_get("website")?,
        logo: row.try_get("logo")?,
    })
}

/// What the organisation form submits.
#[derive(Debug, Clone, Default, Deserialize, serde::Serialize)]
#[serde(default)]
pub struct OrganisationForm {
    pub name: String,
    pub country: String,
    pub languages: String,
    pub website: String,
}

struct Checked {
    name: String,
    country: String,
    languages: String,
    website: String,
}

impl OrganisationForm {
    fn check(&self) -> Result<Checked> {
        let mut errors = Vec::new();
        validate::line("name", &self.name, ORG_NAME_MAX_CHARS, &mut errors);
        let country = validate::country("country", &self.country, &mut errors);
        let languages = validate::language_list("languages", &self.languages, &mut errors);
        if languages.is_empty() && !errors.iter().any(|e| e.field == "languages") {
            errors.push(FieldError::new("languages", "required"));
        }
        let website = validate::website("website", &self.website, &mut errors);
        if !errors.is_empty() {
            return Err(StoreError::Invalid(errors));
        }
        Ok(Checked {
            name: self.name.trim().to_string(),
            country,
            languages: languages.join(","),
            website,
        })
    }
}

/// A URL-safe identifier from a name: ASCII letters and digits, accents folded,
/// everything else collapsed to single hyphens.
pub fn slugify(name: &str) -> String {
    let mut slug = String::new();
    for c in name.chars().flat_map(fold) {
        if c.is_ascii_alphanumeric() {
            slug.push(c.to_ascii_lowercase());
        } else if !slug.ends_with('-') && !slug.is_empty() {
            slug.push('-');
        }
    }
    let slug = slug.trim_end_matches('-').to_string();
    if slug.is_empty() {
        "organisation".into()
    } else {
        slug
    }
}

fn fold(c: char) -> Vec<char> {
    let base = match c {
        'à' | 'á' | 'â' | 'ä' | 'ã' | 'å' | 'À' | 'Á' | 'Â' | 'Ä' => 'a',
        'ç' | 'Ç' | 'č' | 'ć' | 'Č' | 'Ć' => 'c',
        'è' | 'é' | 'ê' | 'ë' | 'È' | 'É' | 'Ê' | 'Ë' => 'e',
        'ì' | 'í' | 'î' | 'ï' | 'Î' | 'Ï' => 'i',
        'ò' | 'ó' | 'ô' | 'ö' | 'õ' | 'Ô' | 'Ö' => 'o',
        'ù' | 'ú' | 'û' | 'ü' | 'Ù' | 'Û' | 'Ü' => 'u',
        'š' | 'Š' => 's',
        'ž' | 'Ž' => 'z',
        'đ' | 'Đ' => 'd',
        'ñ' | 'Ñ' => 'n',
        'ß' => return vec!['s', 's'],
        'œ' | 'Œ' => return vec!['o', 'e'],
        'æ' | 'Æ' => return vec!['a', 'e'],
        other => other,
    };
    vec![base]
}

pub async fn create(db: &Db, form: &OrganisationForm) -> Result<Organisation> {
    let c = form.check()?;
    let base = slugify(&c.name);
    let now = now();
    // A name may fold to a slug that is taken: try base, base-2, base-3...
    for n in 1..=50 {
        let slug = if n == 1 {
            base.clone()
        } else {
            format!("{base}-{n}")
        };
        let mut tx = db.pool().begin().await?;
        let inserted = sqlx::query(
            "INSERT INTO organisations (slug, name, country, languages, website, created_at, updated_at) \
             VALUES ($1, $2, $3, $4, $5, $6, $6) ON CONFLICT (slug) DO NOTHING RETURNING id",
        )
        .bind(slug.clone())
        .bind(c.name.clone())
        .bind(c.country.clone())
        .bind(c.languages.clone())
        .bind(c.website.clone())
        .bind(now.clone())
        .fetch_optional(&mut *tx)
        .await?;
        if let Some(row) = inserted {
            crate::outbox::record(&mut *tx, OUTBOX_ENTITY, &slug).await?;
            tx.commit().await?;
            return get(db, row.try_get("id")?).await;
        }
    }
    Err(StoreError::invalid("name", "name-taken"))
}

pub async fn update(db: &Db, id: i64, form: &OrganisationForm) -> Result<Organisation> {
    let c = form.check()?;
    let slug = get(db, id).await?.slug;
    let mut tx = db.pool().begin().await?;
    let done = sqlx::query(
        "UPDATE organisations SET name = $1, country = $2, languages = $3, website = $4, updated_at = $5 WHERE id = $6",
    )
    .bind(c.name)
    .bind(c.country)
    .bind(c.languages)
    .bind(c.website)
    .bind(now())
    .bind(id)
    .execute(&mut *tx)
    .await?;
    if done.rows_affected() == 0 {
        return Err(StoreError::NotFound);
    }
    crate::outbox::record(&mut *tx, OUTBOX_ENTITY, &slug).await?;
    tx.commit().await?;
    get(db, id).await
}

/// Records the logo's file name; returns the previous one so the caller can
/// remove that file.
pub async fn set_logo(db: &Db, id: i64, logo: Option<&str>) -> Result<Option<String>> {
    let org = get(db, id).await?;
    let mut tx = db.pool().begin().await?;
    sqlx::query("UPDATE organisations SET logo = $1, updated_at = $2 WHERE id = $3")
        .bind(logo.map(str::to_owned))
        .bind(now())
        .bind(id)
        .execute(&mut *tx)
        .await?;
    crate::outbox::record(&mut *tx, OUTBOX_ENTITY, &org.slug).await?;
    tx.commit().await?;
    Ok(org.logo)
}

pub async fn get(db: &Db, id: i64) -> Result<Organisation> {
    let sql = format!("SELECT {COLUMNS} FROM organisations WHERE id = $1");
    let row = sqlx::query(sqlx::AssertSqlSafe(sql))
        .bind(id)
        .fetch_optional(db.pool())
        .await?;
    row.as_ref()
        .map(from_row)
        .transpose()?
        .ok_or(StoreError::NotFound)
}

pub async fn get_by_slug(db: &Db, slug: &str) -> Result<Organisation> {
    let sql = format!("SELECT {COLUMNS} FROM organisations WHERE slug = $1");
    let row = sqlx::query(sqlx::AssertSqlSafe(sql))
        .bind(slug.to_string())
        .fetch_optional(db.pool())
        .await?;
    row.as_ref()
        .map(from_row)
        .transpose()?
        .ok_or(StoreError::NotFound)
}

pub async fn list(db: &Db) -> Result<Vec<Organisation>> {
    let sql = format!("SELECT {COLUMNS} FROM organisations ORDER BY name");
    let rows = sqlx::query(sqlx::AssertSqlSafe(sql))
        .fetch_all(db.pool())
        .await?;
    rows.iter().map(from_row).collect()
}

/// Deletes an organisation; members who belong nowhere else become learners.
pub async fn delete(db: &Db, id: i64) -> Result<()> {
    let org = get(db, id).await?;
    let members = members(db, id).await?;
    let mut tx = db.pool().begin().await?;
    sqlx::query("DELETE FROM organisations WHERE id = $1")
        .bind(id)
        .execute(&mut *tx)
        .await?;
    crate::outbox::record(&mut *tx, OUTBOX_ENTITY, &org.slug).await?;
    tx.commit().await?;
    for m in members {
        sync_contributor_role(db, m.user.id).await?;
    }
    Ok(())
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum OrgRole {
    Member,
    Admin,
}

impl OrgRole {
    pub fn as_str(self) -> &'static str {
        match self {
            OrgRole::Member => "member",
            OrgRole::Admin => "admin",
        }
    }

    pub fn parse(s: &str) -> Option<Self> {
        match s {
            "member" => Some(OrgRole::Member),
            "admin" => Some(OrgRole::Admin),
            _ => None,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Member {
    pub user: User,
    pub org_role: OrgRole,
}

pub async fn members(db: &Db, org_id: i64) -> Result<Vec<Member>> {
    let rows = sqlx::query("SELECT user_id, org_role FROM memberships WHERE organisation_id = $1 ORDER BY created_at, user_id")
        .bind(org_id)
        .fetch_all(db.pool())
        .await?;
    let mut out = Vec::with_capacity(rows.len());
    for row in rows {
        let role: String = row.try_get("org_role")?;
        out.push(Member {
            user: users::get(db, row.try_get("user_id")?).await?,
            org_role: OrgRole::parse(&role).unwrap_or(OrgRole::Member),
        });
    }
    Ok(out)
}

/// The organisations a person belongs to, with their role in each.
pub async fn memberships_of(db: &Db, user_id: i64) -> Result<Vec<(Organisation, OrgRole)>> {
    let rows = sqlx::query("SELECT organisation_id, org_role FROM memberships WHERE user_id = $1")
        .bind(user_id)
        .fetch_all(db.pool())
        .await?;
    let mut out = Vec::with_capacity(rows.len());
    for row in rows {
        let role: String = row.try_get("org_role")?;
        out.push((
            get(db, row.try_get("organisation_id")?).await?,
            OrgRole::parse(&role).unwrap_or(OrgRole::Member),
        ));
    }
    out.sort_by(|a, b| a.0.name.cmp(&b.0.name));
    Ok(out)
}

/// Adds the account with this e-mail address to the organisation (or changes its
/// role there). Learners become contributors.
pub async fn add_member(db: &Db, org_id: i64, email: &str, org_role: OrgRole) -> Result<Member> {
    get(db, org_id).await?;
    let Some(user) = users::find_by_email(db, email).await? else {
        return Err(StoreError::invalid("email", "no-such-account"));
    };
    sqlx::query(
        "INSERT INTO memberships (organisation_id, user_id, org_role, created_at) VALUES ($1, $2, $3, $4) \
         ON CONFLICT (organisation_id, user_id) DO UPDATE SET org_role = excluded.org_role",
    )
    .bind(org_id)
    .bind(user.id)
    .bind(org_role.as_str())
    .bind(now())
    .execute(db.pool())
    .await?;
    let user = sync_contributor_role(db, user.id).await?;
    Ok(Member { user, org_role })
}

/// Removes a member; one who belongs nowhere else goes back to learner.
pub async fn remove_member(db: &Db, org_id: i64, user_id: i64) -> Result<()> {
    let done = sqlx::query("DELETE FROM memberships WHERE organisation_id = $1 AND user_id = $2")
        .bind(org_id)
        .bind(user_id)
        .execute(db.pool())
        .await?;
    if done.rows_affected() == 0 {
        return Err(StoreError::NotFound);
    }
    sync_contributor_role(db, user_id).await?;
    Ok(())
}

/// Keeps the learner/contributor role in step with memberships. Moderators and
/// administrators keep their role whatever their memberships.
async fn sync_contributor_role(db: &Db, user_id: i64) -> Result<User> {
    let user = users::get(db, user_id).await?;
    let row = sqlx::query("SELECT COUNT(*) AS n FROM memberships WHERE user_id = $1")
        .bind(user_id)
        .fetch_one(db.pool())
        .await?;
    let n: i64 = row.try_get("n")?;
    match (user.role, n > 0) {
        (Role::Learner, true) => users::set_role(db, user_id, Role::Contributor).await,
        (Role::Contributor, false) => users::set_role(db, user_id, Role::Learner).await,
        _ => Ok(user),
    }
}

#[cfg(test)]
mod tests {
    use super::slugify;

    #[test]
    fn slugs_fold_accents_and_punctuation() {
        assert_eq!(
            slugify("Réseau Éducation Populaire"),
            "reseau-education-populaire"
        );
        assert_eq!(slugify("  Zavod Đurđa & Co. "), "zavod-durda-co");
        assert_eq!(slugify("Straße"), "strasse");
        assert_eq!(slugify("!!!"), "organisation");
    }
}
