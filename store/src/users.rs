//! Accounts: registration, credentials, profile, roles and deletion.

use serde::{Deserialize, Serialize};
use sqlx::Row;
use sqlx::any::AnyRow;

use crate::error::Result;
use crate::validate::{self, DISPLAY_NAME_MAX_CHARS};
use crate::{Db, FieldError, StoreError, now, password};

/// What a person may do on the whole instance. Contributors are members of at
/// least one partner organisation; the role follows their memberships.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize, Hash)]
#[serde(rename_all = "lowercase")]
pub enum Role {
    Learner,
    Contributor,
    Moderator,
    Admin,
}

impl Role {
    pub const ALL: [Role; 4] = [
        Role::Learner,
        Role::Contributor,
        Role::Moderator,
        Role::Admin,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Role::Learner => "learner",
            Role::Contributor => "contributor",
            Role::Moderator => "moderator",
            Role::Admin => "admin",
        }
    }

    pub fn parse(s: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|r| r.as_str() == s)
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct User {
    pub id: i64,
    pub email: String,
    pub display_name: String,
    pub role: Role,
    pub preferred_languages: Vec<String>,
    pub created_at: String,
    /// Whether the account proved it reads its address (operators' and
    /// demo accounts are vouched for; self-registered ones follow a link).
    pub email_verified: bool,
}

const COLUMNS: &str =
    "id, email, display_name, role, preferred_languages, created_at, email_verified_at";

pub(crate) fn from_row(row: &AnyRow) -> Result<User> {
    let role: String = row.try_get("role")?;
    let langs: String = row.try_get("preferred_languages")?;
    Ok(User {
        id: row.try_get("id")?,
        email: row.try_get("email")?,
        display_name: row.try_get("display_name")?,
        role: Role::parse(&role).unwrap_or(Role::Learner),
        preferred_languages: langs
            .split(',')
            .filter(|s| !s.is_empty())
            .map(str::to_owned)
            .collect(),
        created_at: row.try_get("created_at")?,
        email_verified: row
            .try_get::<Option<String>, _>("email_verified_at")?
            .is_some(),
    })
}

/// What a registration form submits.
#[derive(Debug, Clone, Default, Deserialize, Serialize)]
#[serde(default)]
pub struct Registration {
    pub email: String,
    pub display_name: String,
    /// Never shown back on a refused form.
    #[serde(skip_serializing)]
    pub password: String,
}

impl Registration {
    pub fn validate(&self) -> Vec<FieldError> {
        let mut errors = Vec::new();
        validate::email("email", &self.email, &mut errors);
        validate::line(
            "display_name",
            &self.display_name,
            DISPLAY_NAME_MAX_CHARS,
            &mut errors,
        );
        validate::password("password", &self.password, &mut errors);
        errors
    }
}

/// Creates an account an operator vouches for (the command line, the demo
/// content): its address counts as verified. The address must be new.
pub async fn create(db: &Db, reg: &Registration, role: Role) -> Result<User> {
    insert(db, reg, role, true).await
}

/// Creates the account of someone signing up: a learner whose address waits
/// for verification (they learn at once; posting and contributing wait).
/// `lang`, the language of the page they signed up on, is their first
/// preferred language until they say otherwise (e-mails are written in it).
pub async fn register(db: &Db, reg: &Registration, lang: &str) -> Result<User> {
    let user = insert(db, reg, Role::Learner, false).await?;
    if validate::is_language_tag(lang) {
        sqlx::query("UPDATE users SET preferred_languages = $1 WHERE id = $2")
            .bind(lang.to_string())
            .bind(user.id)
            .execute(db.pool())
            .await?;
        return get(db, user.id).await;
    }
    Ok(user)
}

async fn insert(db: &Db, reg: &Registration, role: Role, verified: bool) -> Result<User> {
    let errors = reg.validate();
    if !errors.is_empty() {
        return Err(StoreError::Invalid(errors));
    }
    let hash = password::hash(&reg.password)?;
    let now = now();
    let row = sqlx::query(
        "INSERT INTO users (email, display_name, password_hash, role, preferred_languages, \
         created_at, updated_at, email_verified_at) \
         VALUES ($1, $2, $3, $4, '', $5, $5, $6) RETURNING id",
    )
    .bind(validate::normalise_email(&reg.email))
    .bind(reg.display_name.trim().to_string())
    .bind(hash)
    .bind(role.as_str())
    .bind(now.clone())
    .bind(verified.then_some(now))
    .fetch_one(db.pool())
    .await
    .map_err(|e| {
        if StoreError::is_unique_violation(&e) {
            StoreError::invalid("email", "email-taken")
        } else {
            e.into()
        }
    })?;
    let id: i64 = row.try_get("id")?;
    get(db, id).await
}

pub async fn get(db: &Db, id: i64) -> Result<User> {
    find(db, id).await?.ok_or(StoreError::NotFound)
}

pub async fn find(db: &Db, id: i64) -> Result<Option<User>> {
    let sql = format!("SELECT {COLUMNS} FROM users WHERE id = $1");
    let row = sqlx::query(sqlx::AssertSqlSafe(sql))
        .bind(id)
        .fetch_optional(db.pool())
        .await?;
    row.as_ref().map(from_row).transpose()
}

pub async fn find_by_email(db: &Db, email: &str) -> Result<Option<User>> {
    let sql = format!("SELECT {COLUMNS} FROM users WHERE email = $1");
    let row = sqlx::query(sqlx::AssertSqlSafe(sql))
        .bind(validate::normalise_email(email))
        .fetch_optional(db.pool())
        .await?;
    row.as_ref().map(from_row).transpose()
}

/// The account whose e-mail and password match, if any. Takes as long for an
/// unknown address as for a wrong password.
pub async fn authenticate(db: &Db, email: &str, pass: &str) -> Result<Option<User>> {
    let row = sqlx::query("SELECT id, password_hash FROM users WHERE email = $1")
        .bind(validate::normalise_email(email))
        .fetch_optional(db.pool())
        .await?;
    let Some(row) = row else {
        password::verify_dummy(pass);
        return Ok(None);
    };
    let stored: String = row.try_get("password_hash")?;
    if password::verify(pass, &stored) {
        find(db, row.try_get("id")?).await
    } else {
        Ok(None)
    }
}

/// What the profile form submits.
#[derive(Debug, Clone, Default, Deserialize, Serialize)]
#[serde(default)]
pub struct ProfileUpdate {
    pub display_name: String,
    pub preferred_languages: String,
}

pub async fn update_profile(db: &Db, id: i64, update: &ProfileUpdate) -> Result<User> {
    let mut errors = Vec::new();
    validate::line(
        "display_name",
        &update.display_name,
        DISPLAY_NAME_MAX_CHARS,
        &mut errors,
    );
    let langs = validate::language_list(
        "preferred_languages",
        &update.preferred_languages,
        &mut errors,
    );
    if !errors.is_empty() {
        return Err(StoreError::Invalid(errors));
    }
    let done = sqlx::query("UPDATE users SET display_name = $1, preferred_languages = $2, updated_at = $3 WHERE id = $4")
        .bind(update.display_name.trim().to_string())
        .bind(langs.join(","))
        .bind(now())
        .bind(id)
        .execute(db.pool())
        .await?;
    if done.rows_affected() == 0 {
        return Err(StoreError::NotFound);
    }
    get(db, id).await
}

/// Replaces the password after checking the current one, and ends every other
/// session of the account.
pub async fn change_password(
    db: &Db,
    id: i64,
    current: &str,
    new: &str,
    keep_session: &str,
) -> Result<()> {
    let mut errors = Vec::new();
    validate::password("new_password", new, &mut errors);
    let stored: Option<String> = sqlx::query("SELECT password_hash FROM users WHERE id = $1")
        .bind(id)
        .fetch_optional(db.pool())
        .await?
        .map(|row| row.try_get("password_hash"))
        .transpose()?;
    let stored = stored.ok_or(StoreError::NotFound)?;
    if !password::verify(current, &stored) {
        errors.insert(0, FieldError::new("current_password", "password-wrong"));
    }
    if !errors.is_empty() {
        return Err(StoreError::Invalid(errors));
    }
    let hash = password::hash(new)?;
    let mut tx = db.pool().begin().await?;
    sqlx::query("UPDATE users SET password_hash = $1, updated_at = $2 WHERE id = $3")
        .bind(hash)
        .bind(now())
        .bind(id)
        .execute(&mut *tx)
        .await?;
    sqlx::query("DELETE FROM sessions WHERE user_id = $1 AND id <> $2")
        .bind(id)
        .bind(keep_session.to_string())
        .execute(&mut *tx)
        .await?;
    tx.commit().await?;
    Ok(())
}

/// Deletes an account after checking its password: its memberships and sessions
/// go with it. The last administrator cannot delete themself.
pub async fn delete(db: &Db, id: i64, pass: &str) -> Result<()> {
    let stored: String = sqlx::query("SELECT password_hash FROM users WHERE id = $1")
        .bind(id)
        .fetch_optional(db.pool())
        .await?
        .ok_or(StoreError::NotFound)?
        .try_get("password_hash")?;
    if !password::verify(pass, &stored) {
        return Err(StoreError::invalid("password", "password-wrong"));
    }
    let user = get(db, id).await?;
    if user.role == Role::Admin && count_with_role(db, Role::Admin).await? <= 1 {
        return Err(StoreError::invalid("password", "last-admin"));
    }
    let mut tx = db.pool().begin().await?;
    for sql in [
        "DELETE FROM sessions WHERE user_id = $1",
        "DELETE FROM memberships WHERE user_id = $1",
        "DELETE FROM users WHERE id = $1",
    ] {
        sqlx::query(sql).bind(id).execute(&mut *tx).await?;
    }
    tx.commit().await?;
    Ok(())
}

pub async fn count_with_role(db: &Db, role: Role) -> Result<i64> {
    let row = sqlx::query("SELECT COUNT(*) AS n FROM users WHERE role = $1")
        .bind(role.as_str())
        .fetch_one(db.pool())
        .await?;
    Ok(row.try_get("n")?)
}

/// Sets an account's role. Refuses to demote the last administrator.
pub async fn set_role(db: &Db, id: i64, role: Role) -> Result<User> {
    let user = get(db, id).await?;
    if user.role == Role::Admin
        && role != Role::Admin
        && count_with_role(db, Role::Admin).await? <= 1
    {
        return Err(StoreError::invalid("role", "last-admin"));
    }
    sqlx::query("UPDATE users SET role = $1, updated_at = $2 WHERE id = $3")
        .bind(role.as_str())
        .bind(now())
        .bind(id)
        .execute(db.pool())
        .await?;
    get(db, id).await
}

/// Accounts in order of creation, a page at a time.
pub async fn list(db: &Db, limit: i64, offset: i64) -> Result<Vec<User>> {
    let sql = format!("SELECT {COLUMNS} FROM users ORDER BY id LIMIT $1 OFFSET $2");
    let rows = sqlx::query(sqlx::AssertSqlSafe(sql))
        .bind(limit)
        .bind(offset)
        .fetch_all(db.pool())
        .await?;
    rows.iter().map(from_row).collect()
}

pub async fn count(db: &Db) -> Result<i64> {
    let row = sqlx::query("SELECT COUNT(*) AS n FROM users")
        .fetch_one(db.pool())
        .await?;
    Ok(row.try_get("n")?)
}
