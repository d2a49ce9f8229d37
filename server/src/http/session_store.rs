//! tower-sessions storage in the source-of-truth database, so sessions survive
//! restarts and are shared by every app node.

use async_trait::async_trait;
use serde::{Deserialize, Serialize};
use store::Db;
use store::users::User;
use tower_sessions::session::{Id, Record};
use tower_sessions::session_store::{self, ExpiredDeletion, SessionStore};

/// The session key that holds the signed-in account's id.
pub const USER_ID: &str = "uid";
/// The session key of the one-time message shown on the next page.
pub const FLASH: &str = "flash";
/// The session key of the last day (days since 1970) the session was used.
pub const SEEN_DAY: &str = "seen";
/// The key under which a loaded record carries its account (an [`Account`]),
/// read by the same statement as the record. Never written back.
pub const ACCOUNT: &str = "_account";

/// A signed-in session's account as it was when the record was read.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Account {
    pub user: User,
    /// The account's learner; none when it has not started anything yet.
    pub learner: Option<i64>,
    /// Unread notifications, for the bell.
    #[serde(default)]
    pub unread: i64,
}

#[derive(Debug, Clone)]
pub struct SqlSessionStore {
    db: Db,
}

impl SqlSessionStore {
    pub fn new(db: Db) -> Self {
        Self { db }
    }
}

fn backend(e: store::StoreError) -> session_store::Error {
    session_store::Error::Backend(e.to_string())
}

fn encode(record: &Record) -> session_store::Result<(Option<i64>, String)> {
    let user = record.data.get(USER_ID).and_then(|v| v.as_i64());
    let kept: std::collections::BTreeMap<_, _> =
        record.data.iter().filter(|(k, _)| *k != ACCOUNT).collect();
    let data =
        serde_json::to_string(&kept).map_err(|e| session_store::Error::Encode(e.to_string()))?;
    Ok((user, data))
}

#[async_trait]
impl SessionStore for SqlSessionStore {
    async fn create(&self, record: &mut Record) -> session_store::Result<()> {
        loop {
            let (user, data) = encode(record)?;
            let id = record.id.to_string();
            let expires = record.expiry_date.unix_timestamp();
            if store::sessions::insert_new(&self.db, &id, user, &data, expires)
                .await
                .map_err(backend)?
            {
                return Ok(());
            }
            record.id = Id::default();
        }
    }

    async fn save(&self, record: &Record) -> session_store::Result<()> {
        let (user, data) = encode(record)?;
        store::sessions::save(
            &self.db,
            &record.id.to_string(),
            user,
            &data,
            record.expiry_date.unix_timestamp(),
        )
        .await
        .map_err(backend)
    }

    async fn load(&self, id: &Id) -> session_store::Result<Option<Record>> {
        let now = time::OffsetDateTime::now_utc().unix_timestamp();
        let Some(loaded) = store::sessions::load(&self.db, &id.to_string(), now)
            .await
            .map_err(backend)?
        else {
            return Ok(None);
        };
        let mut data: std::collections::HashMap<String, serde_json::Value> =
            serde_json::from_str(&loaded.data)
                .map_err(|e| session_store::Error::Decode(e.to_string()))?;
        if let Some(user) = loaded.account {
            let account = Account {
                user,
                learner: loaded.learner.map(|l| l.0),
                unread: loaded.unread,
            };
            let value = serde_json::to_value(account)
                .map_err(|e| session_store::Error::Decode(e.to_string()))?;
            data.insert(ACCOUNT.to_string(), value);
        }
        let expiry_date = time::OffsetDateTime::from_unix_timestamp(loaded.expires_at)
            .map_err(|e| session_store::Error::Decode(e.to_string()))?;
        Ok(Some(Record {
            id: *id,
            data,
            expiry_date,
        }))
    }

    async fn delete(&self, id: &Id) -> session_store::Result<()> {
        store::sessions::delete(&self.db, &id.to_string())
            .await
            .map_err(backend)
    }
}

#[async_trait]
impl ExpiredDeletion for SqlSessionStore {
    async fn delete_expired(&self) -> session_store::Result<()> {
        let now = time::OffsetDateTime::now_utc().unix_timestamp();
        store::sessions::delete_expired(&self.db, now)
            .await
            .map(|_| ())
            .map_err(backend)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_account_read_with_a_record_is_never_written_back() {
        let mut data = std::collections::HashMap::new();
        data.insert(USER_ID.to_string(), serde_json::json!(7));
        data.insert(
            ACCOUNT.to_string(),
            serde_json::json!({"user": {"email": "a@b.c"}}),
        );
        let record = Record {
            id: Id::default(),
            data,
            expiry_date: time::OffsetDateTime::now_utc(),
        };
        let (user, stored) = encode(&record).unwrap();
        assert_eq!(user, Some(7));
        assert_eq!(stored, r#"{"uid":7}"#);
    }
}
