//! What the provider answers from: the database, the instance's addresses
//! and the `[oai]` settings.

use std::path::Path;

use serde::{Deserialize, Serialize};
use store::Db;

/// What the provider answers from: the database and the instance's settings.
pub struct Repository<'a> {
    pub db: &'a Db,
    /// The instance's public URL (records and the base URL are under it).
    pub public_url: &'a str,
    /// The interface language record pages are linked in.
    pub page_lang: &'a str,
    pub settings: &'a Settings,
    /// Where the token key is kept when the settings name none.
    pub data_dir: &'a Path,
}

/// The provider's settings (`[oai]` in the settings).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Settings {
    /// Records (or headers) in one answer; a list continues with a token.
    pub page_size: usize,
    /// How long a resumption token stays valid, in seconds.
    pub token_lifetime_s: u64,
    /// Identify's `adminEmail`; empty means `admin@` the public host.
    pub admin_email: String,
    /// The key that signs resumption tokens; empty means a random key kept
    /// in `<data_dir>/oai-token.key`. App nodes sharing one database and
    /// answering the same address need the same key.
    pub token_key: String,
}

impl Default for Settings {
    fn default() -> Self {
        Self {
            page_size: 100,
            token_lifetime_s: 86_400,
            admin_email: String::new(),
            token_key: String::new(),
        }
    }
}
