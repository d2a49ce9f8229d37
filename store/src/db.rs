use std::path::Path;
use std::str::FromStr;
use std::time::Duration;

use sqlx::any::{AnyPoolOptions, install_default_drivers};
use sqlx::{AnyPool, Executor};

use crate::error::Result;

static SQLITE_MIGRATIONS: sqlx::migrate::Migrator = sqlx::migrate!("migrations/sqlite");
static POSTGRES_MIGRATIONS: sqlx::migrate::Migrator = sqlx::migrate!("migrations/postgres");

/// Which SQL engine a [`Db`] talks to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Backend {
    Sqlite,
    Postgres,
}

impl FromStr for Backend {
    type Err = String;

    fn from_str(url: &str) -> Result<Self, String> {
        if url.starts_with("sqlite:") {
            Ok(Self::Sqlite)
        } else if url.starts_with("postgres://") || url.starts_with("postgresql://") {
            Ok(Self::Postgres)
        } else {
            Err(format!(
                "unsupported database URL {:?}: expected sqlite:... or postgres://...",
                redact(url)
            ))
        }
    }
}

/// Hides the password of a database URL before it is shown anywhere.
pub fn redact(url: &str) -> String {
    match (url.find("://"), url.rfind('@')) {
        (Some(scheme), Some(at)) if at > scheme => {
            let creds = &url[scheme + 3..at];
            match creds.split_once(':') {
                Some((user, _)) => format!("{}{user}:***{}", &url[..scheme + 3], &url[at..]),
                None => url.to_string(),
            }
        }
        _ => url.to_string(),
    }
}

/// A connection pool to the source-of-truth database.
#[derive(Debug, Clone)]
pub struct Db {
    pool: AnyPool,
    backend: Backend,
}

impl Db {
    /// Connects to `url` (`sqlite://path?mode=rwc` or `postgres://...`).
    ///
    /// SQLite databases are opened in WAL mode with foreign keys on and a busy
    /// timeout, so readers never block the writer.
    pub async fn connect(url: &str, max_connections: u32) -> Result<Self> {
        install_default_drivers();
        let backend = Backend::from_str(url)
            .map_err(|e| crate::StoreError::Database(sqlx::Error::Configuration(e.into())))?;
        let mut options = AnyPoolOptions::new()
            .max_connections(max_connections.max(1))
            .acquire_timeout(Duration::from_secs(10));
        if backend == Backend::Sqlite {
            // A file does not go away between queries: no ping before each
            // one (it would double the round trips to SQLite's threads).
            options = options.test_before_acquire(false);
            options = options.after_connect(|conn, _meta| {
                Box::pin(async move {
                    conn.execute(
                        "PRAGMA journal_mode = WAL; PRAGMA foreign_keys = ON; \
                         PRAGMA busy_timeout = 5000; PRAGMA synchronous = NORMAL;",
                    )
                    .await?;
                    Ok(())
                })
            });
        }
        let pool = options.connect(url).await?;
        Ok(Self { pool, backend })
    }

    /// Applies every pending migration for this backend.
    pub async fn migrate(&self) -> Result<()> {
        match self.backend {
            Backend::Sqlite => SQLITE_MIGRATIONS.run(&self.pool).await?,
            Backend::Postgres => POSTGRES_MIGRATIONS.run(&self.pool).await?,
        }
        Ok(())
    }

    pub fn pool(&self) -> &AnyPool {
        &self.pool
    }

    pub fn backend(&self) -> Backend {
        self.backend
    }

    /// Writes a consistent copy of a SQLite database to `dest` while it stays in use
    /// (`VACUUM INTO`). Refused for PostgreSQL, which has its own tools (pg_dump).
    pub async fn backup_sqlite_to(&self, dest: &Path) -> Result<()> {
        if self.backend != Backend::Sqlite {
            return Err(crate::StoreError::Database(sqlx::Error::Configuration(
                "online backup is only built in for SQLite; use pg_dump for PostgreSQL".into(),
            )));
        }
        let dest = dest.to_string_lossy().replace('\'', "''");
        let sql = format!("VACUUM INTO '{dest}'");
        sqlx::query(sqlx::AssertSqlSafe(sql))
            .execute(&self.pool)
            .await?;
        Ok(())
    }

    pub async fn close(&self) {
        self.pool.close().await;
    }
}

/// A value of a query put together at run time (filters, positions).
#[derive(Debug, Clone)]
pub(crate) enum Bind {
    Text(String),
    Int(i64),
}

/// The query `sql` with its values bound in order (`$1`, `$2`…).
pub(crate) fn bound(
    sql: String,
    binds: Vec<Bind>,
) -> sqlx::query::Query<'static, sqlx::Any, sqlx::any::AnyArguments> {
    let mut q = sqlx::query(sqlx::AssertSqlSafe(sql));
    for b in binds {
        q = match b {
            Bind::Text(t) => q.bind(t),
            Bind::Int(i) => q.bind(i),
        };
    }
    q
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn recognises_backends_and_refuses_others() {
        assert_eq!(Backend::from_str("sqlite://x.db").unwrap(), Backend::Sqlite);
        assert_eq!(
            Backend::from_str("postgres://u@h/db").unwrap(),
            Backend::Postgres
        );
        let err = Backend::from_str("mysql://root:secret@h/db").unwrap_err();
        assert!(err.contains("unsupported"), "{err}");
        assert!(!err.contains("secret"), "password leaked: {err}");
    }

    #[test]
    fn redacts_passwords() {
        assert_eq!(
            redact("postgres://me:pw@host:5432/db"),
            "postgres://me:***@host:5432/db"
        );
        assert_eq!(redact("postgres://me@host/db"), "postgres://me@host/db");
        assert_eq!(
            redact("sqlite://data/archipel.db"),
            "sqlite://data/archipel.db"
        );
    }
}
