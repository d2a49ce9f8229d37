use serde::Serialize;

/// A problem with one field of something a person submitted.
///
/// `code` is a stable, localisable message key (e.g. `email-taken`); the UI turns
/// it into a sentence in the reader's language.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct FieldError {
    pub field: &'static str,
    pub code: &'static str,
}

impl FieldError {
    pub const fn new(field: &'static str, code: &'static str) -> Self {
        Self { field, code }
    }

    /// The error in words, for operators' reports (pages say it through
    /// the interface strings instead).
    pub fn describe(&self) -> String {
        let what = match self.code {
            "too-long" => "is too long",
            "required" => "is missing",
            "language-invalid" => "is not a language tag",
            "url-invalid" => "is not a web address",
            "date-invalid" => "is not a date",
            "invalid-characters" => "contains control characters",
            "topic-unknown" => "names a topic the scheme does not have",
            other => other,
        };
        format!("{} {what}", self.field)
    }
}

#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    /// The input was refused; nothing was written.
    #[error("invalid input: {}", .0.iter().map(|e| format!("{} ({})", e.field, e.code)).collect::<Vec<_>>().join(", "))]
    Invalid(Vec<FieldError>),
    #[error("not found")]
    NotFound,
    #[error("database error: {0}")]
    Database(#[from] sqlx::Error),
    #[error("migration failed: {0}")]
    Migrate(#[from] sqlx::migrate::MigrateError),
    #[error("password hashing failed: {0}")]
    Hashing(String),
}

impl StoreError {
    pub fn invalid(field: &'static str, code: &'static str) -> Self {
        Self::Invalid(vec![FieldError::new(field, code)])
    }

    /// Whether the database refused a write because of a unique constraint.
    pub(crate) fn is_unique_violation(err: &sqlx::Error) -> bool {
        matches!(err, sqlx::Error::Database(db) if db.is_unique_violation())
    }
}

pub type Result<T, E = StoreError> = std::result::Result<T, E>;
