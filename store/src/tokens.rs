//! One-time tokens sent by e-mail: verifying an address, resetting a
//! forgotten password, confirming a new address. A token is 32 random bytes
//! (hex) given once to the caller, who mails it; only its SHA-256 is kept.
//! It works once, before it expires, and only for the address it was sent
//! to: an address changed since makes it useless.

use sqlx::Row;

use crate::error::Result;
use crate::users::{self, User};
use crate::{Db, StoreError, format_time, now, password, validate};

/// What a token allows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Purpose {
    VerifyEmail,
    ResetPassword,
    ChangeEmail,
}

impl Purpose {
    pub fn as_str(self) -> &'static str {
        match self {
            Purpose::VerifyEmail => "verify-email",
            Purpose::ResetPassword => "reset-password",
            Purpose::ChangeEmail => "change-email",
        }
    }

    /// How long a token of this kind works.
    pub fn lifetime(self) -> time::Duration {
        match self {
            Purpose::ResetPassword => time::Duration::hours(1),
            Purpose::VerifyEmail | Purpose::ChangeEmail => time::Duration::days(2),
        }
    }
}

/// Reset e-mails one account may be sent per hour; more requests are
/// answered the same way and send nothing.
pub const RESETS_PER_HOUR: i64 = 3;

fn hash(token: &str) -> String {
    crate::learning::hash_token(token)
}

/// A new token for `user_id`, sent to `email`; returns the token itself,
/// which is stored nowhere.
pub async fn issue(db: &Db, user_id: i64, purpose: Purpose, email: &str) -> Result<String> {
    let token = crate::learning::new_token();
    let created = time::OffsetDateTime::now_utc();
    sqlx::query(
        "INSERT INTO account_tokens (user_id, purpose, token_hash, email, created_at, expires_at) \
         VALUES ($1, $2, $3, $4, $5, $6)",
    )
    .bind(user_id)
    .bind(purpose.as_str())
    .bind(hash(&token))
    .bind(validate::normalise_email(email))
    .bind(format_time(created))
    .bind(format_time(created + purpose.lifetime()))
    .execute(db.pool())
    .await?;
    Ok(token)
}

/// How many tokens of `purpose` the account was given in the last hour.
pub async fn issued_last_hour(db: &Db, user_id: i64, purpose: Purpose) -> Result<i64> {
    let since = format_time(time::OffsetDateTime::now_utc() - time::Duration::hours(1));
    let row = sqlx::query(
        "SELECT COUNT(*) AS n FROM account_tokens \
         WHERE user_id = $1 AND purpose = $2 AND created_at > $3",
    )
    .bind(user_id)
    .bind(purpose.as_str())
    .bind(since)
    .fetch_one(db.pool())
    .await?;
    Ok(row.try_get("n")?)
}

/// Whether `token` is a live token of `purpose` (the reset form checks
/// before it asks for a new password). Uses nothing.
pub async fn is_live(db: &Db, token: &str, purpose: Purpose) -> Result<bool> {
    let row = sqlx::query(
        "SELECT t.id FROM account_tokens t JOIN users u ON u.id = t.user_id \
         WHERE t.token_hash = $1 AND t.purpose = $2 AND t.used_at IS NULL \
         AND t.expires_at > $3 AND (t.purpose = 'change-email' OR t.email = u.email)",
    )
    .bind(hash(token))
    .bind(purpose.as_str())
    .bind(now())
    .fetch_optional(db.pool())
    .await?;
    Ok(row.is_some())
}

/// Marks the token used in the transaction, if it is live; returns its
/// account and address. Two requests with one token: one wins.
async fn take(
    tx: &mut sqlx::Transaction<'_, sqlx::Any>,
    token: &str,
    purpose: Purpose,
) -> Result<Option<(i64, String)>> {
    let now = now();
    let row = sqlx::query(
        "UPDATE account_tokens SET used_at = $1 \
         WHERE token_hash = $2 AND purpose = $3 AND used_at IS NULL AND expires_at > $1 \
         RETURNING user_id, email",
    )
    .bind(now)
    .bind(hash(token))
    .bind(purpose.as_str())
    .fetch_optional(&mut **tx)
    .await?;
    let Some(row) = row else { return Ok(None) };
    let user_id: i64 = row.try_get("user_id")?;
    let email: String = row.try_get("email")?;
    // Any other token of the same kind goes with this one.
    sqlx::query(
        "UPDATE account_tokens SET used_at = $1 WHERE user_id = $2 AND purpose = $3 AND used_at IS NULL",
    )
    .bind(crate::now())
    .bind(user_id)
    .bind(purpose.as_str())
    .execute(&mut **tx)
    .await?;
    Ok(Some((user_id, email)))
}

fn token_invalid() -> StoreError {
    StoreError::invalid("token", "token-invalid")
}

/// Sets a new password with a reset token and ends every session of the
/// account; returns the account. A used, expired or unknown token, or one
/// sent to an address the account no longer has, is `token-invalid`.
pub async fn reset_password(db: &Db, token: &str, new_password: &str) -> Result<User> {
    let mut errors = Vec::new();
    validate::password("new_password", new_password, &mut errors);
    if !errors.is_empty() {
        return Err(StoreError::Invalid(errors));
    }
    let hashed = password::hash(new_password)?;
    let mut tx = db.pool().begin().await?;
    let Some((user_id, email)) = take(&mut tx, token, Purpose::ResetPassword).await? else {
        return Err(token_invalid());
    };
    let done = sqlx::query(
        "UPDATE users SET password_hash = $1, updated_at = $2, \
         email_verified_at = COALESCE(email_verified_at, $2) WHERE id = $3 AND email = $4",
    )
    .bind(hashed)
    .bind(now())
    .bind(user_id)
    .bind(email)
    .execute(&mut *tx)
    .await?;
    if done.rows_affected() == 0 {
        return Err(token_invalid());
    }
    sqlx::query("DELETE FROM sessions WHERE user_id = $1")
        .bind(user_id)
        .execute(&mut *tx)
        .await?;
    tx.commit().await?;
    users::get(db, user_id).await
}

/// Marks the account's address verified with a verification token.
pub async fn verify_email(db: &Db, token: &str) -> Result<User> {
    let mut tx = db.pool().begin().await?;
    let Some((user_id, email)) = take(&mut tx, token, Purpose::VerifyEmail).await? else {
        return Err(token_invalid());
    };
    let done = sqlx::query(
        "UPDATE users SET email_verified_at = COALESCE(email_verified_at, $1), updated_at = $1 \
         WHERE id = $2 AND email = $3",
    )
    .bind(now())
    .bind(user_id)
    .bind(email)
    .execute(&mut *tx)
    .await?;
    if done.rows_affected() == 0 {
        return Err(token_invalid());
    }
    tx.commit().await?;
    users::get(db, user_id).await
}

/// What an address change did: the account as it is now and the address
/// it had (which is told of the change).
#[derive(Debug, Clone)]
pub struct EmailChanged {
    pub user: User,
    pub old_email: String,
}

/// Moves the account to the address a change token was sent to (which the
/// link proves it reads). Someone else having taken the address meanwhile
/// is `email-taken`.
pub async fn change_email(db: &Db, token: &str) -> Result<EmailChanged> {
    let mut tx = db.pool().begin().await?;
    let Some((user_id, email)) = take(&mut tx, token, Purpose::ChangeEmail).await? else {
        return Err(token_invalid());
    };
    let old: String = sqlx::query("SELECT email FROM users WHERE id = $1")
        .bind(user_id)
        .fetch_one(&mut *tx)
        .await?
        .try_get("email")?;
    sqlx::query(
        "UPDATE users SET email = $1, email_verified_at = $2, updated_at = $2 WHERE id = $3",
    )
    .bind(email)
    .bind(now())
    .bind(user_id)
    .execute(&mut *tx)
    .await
    .map_err(|e| {
        if StoreError::is_unique_violation(&e) {
            StoreError::invalid("email", "email-taken")
        } else {
            e.into()
        }
    })?;
    // Tokens sent to the old address are now useless.
    tx.commit().await?;
    Ok(EmailChanged {
        user: users::get(db, user_id).await?,
        old_email: old,
    })
}

/// The event a token's e-mail belongs to, for the mail queue: names the
/// token by a part of its hash, never by the token.
pub fn event_key(purpose: Purpose, token: &str) -> String {
    format!("{}:{}", purpose.as_str(), &hash(token)[..24])
}
