//! Typed settings: built-in defaults (documented in `archipel.defaults.toml`),
//! then an optional TOML file, then `ARCHIPEL_*` environment variables.

use std::net::SocketAddr;
use std::path::{Path, PathBuf};

use anyhow::{Context, bail};
use figment::Figment;
use figment::providers::{Env, Format, Serialized, Toml};
use i18n::Lang;
use serde::{Deserialize, Deserializer, Serialize};

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Settings {
    pub public_url: String,
    pub bind: SocketAddr,
    pub data_dir: PathBuf,
    pub database_url: String,
    #[serde(deserialize_with = "languages")]
    pub languages: Vec<String>,
    pub site_root: PathBuf,
    pub content_dir: PathBuf,
    /// Reload the content when its files change, without a restart (for authors).
    pub watch_content: bool,
    pub source_url: String,
    pub limits: Limits,
    pub sparql: Sparql,
    pub rdf: Rdf,
    pub oai: oai_provider::Settings,
    pub harvest: harvest::Settings,
    pub mail: mail::Settings,
}

/// Where the RDF store lives.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Rdf {
    pub store: RdfBackend,
    /// The SPARQL 1.1 query endpoint of a remote store.
    pub query_url: String,
    /// The SPARQL 1.1 update endpoint of a remote store.
    pub update_url: String,
    /// How long one operation of a remote store (writing an entity's graph,
    /// a description, a count) may take; public queries have `sparql.timeout_ms`.
    pub timeout_ms: u64,
}

/// The RDF store implementations.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum RdfBackend {
    /// Oxigraph in `<data_dir>/rdf/`, in the server's process.
    Embedded,
    /// A SPARQL 1.1 Query + Update server whose default graph is the union
    /// of its graphs (see `linked_data::remote`).
    Remote,
}

impl Default for Rdf {
    fn default() -> Self {
        Self {
            store: RdfBackend::Embedded,
            query_url: String::new(),
            update_url: String::new(),
            timeout_ms: 30_000,
        }
    }
}

/// The public SPARQL endpoint's bounds.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Sparql {
    /// A query still running after this many milliseconds is stopped.
    pub timeout_ms: u64,
    /// Solutions (or triples) a query may return.
    pub max_results: usize,
    /// Queries evaluated at once; more wait for a slot.
    pub concurrent_queries: usize,
    /// Queries that may wait for a slot, each at most its timeout (the wait
    /// counts against it); more are asked to come back later.
    pub queued_queries: usize,
    /// Memory one query of the embedded store may hold (its intermediate
    /// results), in MB; a query that needs more is stopped.
    pub max_memory_mb: usize,
}

impl Default for Sparql {
    fn default() -> Self {
        Self {
            timeout_ms: 5000,
            max_results: 10_000,
            concurrent_queries: 2,
            queued_queries: 64,
            max_memory_mb: 96,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Limits {
    pub body_bytes: usize,
    pub logo_bytes: usize,
    pub logo_max_side: u32,
    pub upload_bytes: usize,
    pub image_max_pixels: u64,
    pub login_attempts_per_minute: u32,
    pub session_days: u32,
    pub db_max_connections: u32,
    /// Memory for anonymous pages kept rendered and compressed, in MiB
    /// (0: every page is rendered for every request).
    pub page_cache_mb: usize,
}

impl Default for Settings {
    fn default() -> Self {
        Self {
            public_url: "http://127.0.0.1:3000".into(),
            bind: "127.0.0.1:3000".parse().expect("valid default address"),
            data_dir: "data".into(),
            database_url: String::new(),
            languages: Lang::ALL.iter().map(|l| l.code().to_string()).collect(),
            site_root: "target/site".into(),
            content_dir: "content".into(),
            watch_content: false,
            source_url: "https://codeberg.org/archipel/archipel".into(),
            limits: Limits::default(),
            sparql: Sparql::default(),
            rdf: Rdf::default(),
            oai: oai_provider::Settings::default(),
            harvest: harvest::Settings::default(),
            mail: mail::Settings::default(),
        }
    }
}

impl Default for Limits {
    fn default() -> Self {
        Self {
            body_bytes: 2 * 1024 * 1024,
            logo_bytes: 1024 * 1024,
            logo_max_side: 2000,
            upload_bytes: 25 * 1024 * 1024,
            image_max_pixels: 40_000_000,
            login_attempts_per_minute: 5,
            session_days: 30,
            db_max_connections: 8,
            page_cache_mb: 64,
        }
    }
}

/// Accepts a TOML list or, from the environment, `fr,en,de`.
fn languages<'de, D: Deserializer<'de>>(d: D) -> Result<Vec<String>, D::Error> {
    #[derive(Deserialize)]
    #[serde(untagged)]
    enum Either {
        List(Vec<String>),
        Text(String),
    }
    Ok(match Either::deserialize(d)? {
        Either::List(l) => l,
        Either::Text(t) => t
            .split(',')
            .map(|s| s.trim().to_string())
            .filter(|s| !s.is_empty())
            .collect(),
    })
}

impl Settings {
    /// Defaults, then `file` (when given, it must exist; otherwise `archipel.toml`
    /// in the working folder when present), then the environment.
    pub fn load(file: Option<&Path>) -> anyhow::Result<Self> {
        let mut figment = Figment::from(Serialized::defaults(Settings::default()));
        match file {
            Some(path) => {
                if !path.exists() {
                    bail!("settings file {} does not exist", path.display());
                }
                figment = figment.merge(Toml::file_exact(path));
            }
            None if Path::new("archipel.toml").exists() => {
                figment = figment.merge(Toml::file_exact("archipel.toml"))
            }
            None => {}
        }
        // Only variables that name a setting: ARCHIPEL_LOG and the test tools'
        // own ARCHIPEL_* variables are not settings.
        let known = Self::keys();
        let env = Env::prefixed("ARCHIPEL_")
            .split("__")
            .filter(move |k| known.iter().any(|x| x.eq_ignore_ascii_case(k.as_str())));
        Self::from_figment(figment.merge(env))
    }

    /// Every setting's dotted key (`bind`, `limits.body_bytes`, …).
    pub fn keys() -> Vec<String> {
        let value = toml::Table::try_from(Settings::default()).expect("settings serialise");
        let mut keys = Vec::new();
        for (k, v) in value {
            match v {
                toml::Value::Table(sub) => keys.extend(sub.keys().map(|s| format!("{k}.{s}"))),
                _ => keys.push(k),
            }
        }
        keys
    }

    fn from_figment(figment: Figment) -> anyhow::Result<Self> {
        let settings: Settings = figment.extract().context("invalid settings")?;
        settings.check()?;
        Ok(settings)
    }

    fn check(&self) -> anyhow::Result<()> {
        if !(self.public_url.starts_with("http://") || self.public_url.starts_with("https://")) {
            bail!(
                "public_url must start with http:// or https:// (got {:?})",
                self.public_url
            );
        }
        if self.languages.is_empty() {
            bail!("languages must name at least one interface language");
        }
        for code in &self.languages {
            if Lang::from_code(code).is_none() {
                let known: Vec<_> = Lang::ALL.iter().map(|l| l.code()).collect();
                bail!(
                    "unknown interface language {code:?} in languages (known: {})",
                    known.join(", ")
                );
            }
        }
        if self.sparql.concurrent_queries == 0
            || self.sparql.timeout_ms == 0
            || self.sparql.max_memory_mb == 0
        {
            bail!(
                "sparql.concurrent_queries, sparql.timeout_ms and sparql.max_memory_mb must be more than 0"
            );
        }
        self.rdf.check()?;
        if self.oai.page_size == 0 || self.oai.token_lifetime_s == 0 {
            bail!("oai.page_size and oai.token_lifetime_s must be more than 0");
        }
        if self.limits.image_max_pixels == 0 {
            bail!("limits.image_max_pixels must be more than 0");
        }
        if self.limits.body_bytes < self.limits.logo_bytes {
            bail!("limits.body_bytes must be at least limits.logo_bytes");
        }
        mail::check_settings(&self.mail)?;
        Ok(())
    }

    pub fn public_url(&self) -> &str {
        self.public_url.trim_end_matches('/')
    }

    /// Whether cookies must be `Secure` (the instance is served over https).
    pub fn secure_cookies(&self) -> bool {
        self.public_url.starts_with("https://")
    }

    /// The configured interface languages, the default first.
    pub fn langs(&self) -> Vec<Lang> {
        self.languages
            .iter()
            .filter_map(|c| Lang::from_code(c))
            .collect()
    }

    pub fn default_lang(&self) -> Lang {
        self.langs().first().copied().unwrap_or_default()
    }

    pub fn database_url(&self) -> String {
        if self.database_url.is_empty() {
            format!("sqlite://{}?mode=rwc", self.sqlite_path().display())
        } else {
            self.database_url.clone()
        }
    }

    /// The SQLite file used when no database URL is set.
    pub fn sqlite_path(&self) -> PathBuf {
        self.data_dir.join("archipel.db")
    }

    /// The search index, derived from the database (`archipel reindex` rebuilds it).
    pub fn index_dir(&self) -> PathBuf {
        self.data_dir.join("index")
    }

    /// The embedded RDF store, derived like the index; with a remote store,
    /// only this node's cursor in the outbox.
    pub fn rdf_dir(&self) -> PathBuf {
        self.data_dir.join("rdf")
    }

    /// The remote RDF store's settings, when one is configured.
    pub fn remote_rdf(&self) -> Option<linked_data::RemoteConfig> {
        (self.rdf.store == RdfBackend::Remote).then(|| linked_data::RemoteConfig {
            query_url: self.rdf.query_url.clone(),
            update_url: self.rdf.update_url.clone(),
            timeout: std::time::Duration::from_millis(self.rdf.timeout_ms),
        })
    }

    /// The RDF dumps, written from the store (see `projections::dumps`).
    pub fn dumps_dir(&self) -> PathBuf {
        self.data_dir.join("dumps")
    }

    pub fn sparql_limits(&self) -> linked_data::Limits {
        linked_data::Limits {
            timeout: std::time::Duration::from_millis(self.sparql.timeout_ms),
            max_results: self.sparql.max_results,
        }
    }

    /// The largest request body: a form, or a multipart upload of one file
    /// with the form around it.
    pub fn max_upload_request_bytes(&self) -> usize {
        self.limits
            .body_bytes
            .max(self.limits.upload_bytes.saturating_add(1024 * 1024))
    }

    pub fn uploads_dir(&self) -> PathBuf {
        self.data_dir.join("uploads")
    }
}

impl Rdf {
    fn check(&self) -> anyhow::Result<()> {
        match self.store {
            RdfBackend::Embedded => {
                if !self.query_url.is_empty() || !self.update_url.is_empty() {
                    bail!(
                        "rdf.query_url and rdf.update_url are only used with rdf.store = \"remote\" \
                         (rdf.store is \"embedded\"): set rdf.store = \"remote\" or remove them"
                    );
                }
            }
            RdfBackend::Remote => {
                for (key, url) in [
                    ("rdf.query_url", &self.query_url),
                    ("rdf.update_url", &self.update_url),
                ] {
                    if url.is_empty() {
                        bail!("rdf.store = \"remote\" needs {key}, the SPARQL 1.1 endpoint's URL");
                    }
                    if !(url.starts_with("http://") || url.starts_with("https://")) {
                        bail!("{key} must start with http:// or https://");
                    }
                }
                if self.timeout_ms == 0 {
                    bail!("rdf.timeout_ms must be more than 0");
                }
            }
        }
        Ok(())
    }
}

#[cfg(test)]
// figment's test jail has its own large error type.
#[allow(clippy::result_large_err)]
mod tests {
    use super::*;

    const DOCUMENTED: &str = include_str!("../archipel.defaults.toml");

    #[test]
    fn documented_defaults_match_the_code() {
        let documented: Settings =
            toml::from_str(DOCUMENTED).expect("the defaults file parses as settings");
        assert_eq!(
            documented,
            Settings::default(),
            "archipel.defaults.toml drifted from Settings::default()"
        );
    }

    #[test]
    fn every_setting_is_documented() {
        let documented: toml::Table = toml::from_str(DOCUMENTED).unwrap();
        let code: toml::Table =
            toml::from_str(&toml::to_string(&Settings::default()).unwrap()).unwrap();
        fn keys(t: &toml::Table, prefix: &str, out: &mut Vec<String>) {
            for (k, v) in t {
                match v {
                    toml::Value::Table(sub) => keys(sub, &format!("{prefix}{k}."), out),
                    _ => out.push(format!("{prefix}{k}")),
                }
            }
        }
        let (mut a, mut b) = (Vec::new(), Vec::new());
        keys(&documented, "", &mut a);
        keys(&code, "", &mut b);
        a.sort();
        b.sort();
        assert_eq!(a, b);
    }

    #[test]
    fn environment_overrides_the_file() {
        figment::Jail::expect_with(|jail| {
            jail.create_file(
                "custom.toml",
                "bind = \"127.0.0.1:4000\"\ndata_dir = \"/srv/a\"\n[limits]\nsession_days = 7\n",
            )?;
            jail.set_env("ARCHIPEL_DATA_DIR", "/srv/b");
            jail.set_env("ARCHIPEL_LANGUAGES", "en,fr");
            jail.set_env("ARCHIPEL_LIMITS__BODY_BYTES", "4194304");
            jail.set_env("ARCHIPEL_PUBLIC_URL", "https://archipel.example.org/");
            jail.set_env("ARCHIPEL_LOG", "debug");
            jail.set_env("ARCHIPEL_TEST_POSTGRES_URL", "postgres://elsewhere/db");
            let s = Settings::load(Some(Path::new("custom.toml"))).map_err(|e| e.to_string())?;
            assert_eq!(s.bind.port(), 4000);
            assert_eq!(s.data_dir, PathBuf::from("/srv/b"));
            assert_eq!(s.languages, ["en", "fr"]);
            assert_eq!(s.default_lang(), Lang::En);
            assert_eq!(s.limits.body_bytes, 4194304);
            assert_eq!(s.limits.session_days, 7);
            assert_eq!(s.public_url(), "https://archipel.example.org");
            assert!(s.secure_cookies());
            assert_eq!(s.database_url(), "sqlite:///srv/b/archipel.db?mode=rwc");
            Ok(())
        });
    }

    #[test]
    fn bad_settings_are_refused_with_the_key() {
        figment::Jail::expect_with(|jail| {
            jail.set_env("ARCHIPEL_LANGUAGES", "fr,xx");
            let err = Settings::load(None).unwrap_err().to_string();
            assert!(err.contains("xx"), "{err}");
            Ok(())
        });
        figment::Jail::expect_with(|jail| {
            jail.create_file("bad.toml", "bnid = \"x\"\n")?;
            let err = format!(
                "{:#}",
                Settings::load(Some(Path::new("bad.toml"))).unwrap_err()
            );
            assert!(err.contains("bnid"), "{err}");
            Ok(())
        });
        assert!(Settings::load(Some(Path::new("/nonexistent/archipel.toml"))).is_err());
    }

    #[test]
    fn a_remote_rdf_store_is_configured_whole() {
        figment::Jail::expect_with(|jail| {
            jail.set_env("ARCHIPEL_RDF__STORE", "remote");
            jail.set_env(
                "ARCHIPEL_RDF__QUERY_URL",
                "https://u:pw@sparql.example.org/query",
            );
            jail.set_env(
                "ARCHIPEL_RDF__UPDATE_URL",
                "https://u:pw@sparql.example.org/update",
            );
            let s = Settings::load(None).map_err(|e| e.to_string())?;
            let remote = s.remote_rdf().expect("a remote store");
            assert_eq!(remote.update_url, "https://u:pw@sparql.example.org/update");
            assert_eq!(remote.timeout, std::time::Duration::from_secs(30));
            Ok(())
        });
        assert!(Settings::default().remote_rdf().is_none());
        let refused = |env: &[(&str, &str)], expected: &str| {
            figment::Jail::expect_with(|jail| {
                for (k, v) in env {
                    jail.set_env(k, v);
                }
                let err = format!("{:#}", Settings::load(None).unwrap_err());
                assert!(err.contains(expected), "{err}");
                assert!(!err.contains("pw@"), "no credentials in {err}");
                Ok(())
            });
        };
        refused(&[("ARCHIPEL_RDF__STORE", "remote")], "rdf.query_url");
        refused(
            &[
                ("ARCHIPEL_RDF__STORE", "remote"),
                (
                    "ARCHIPEL_RDF__QUERY_URL",
                    "http://u:pw@127.0.0.1:7878/query",
                ),
            ],
            "rdf.update_url",
        );
        refused(
            &[
                ("ARCHIPEL_RDF__STORE", "remote"),
                ("ARCHIPEL_RDF__QUERY_URL", "u:pw@127.0.0.1:7878/query"),
                ("ARCHIPEL_RDF__UPDATE_URL", "http://127.0.0.1:7878/update"),
            ],
            "http://",
        );
        refused(
            &[(
                "ARCHIPEL_RDF__QUERY_URL",
                "http://u:pw@127.0.0.1:7878/query",
            )],
            "rdf.store = \"remote\"",
        );
        refused(&[("ARCHIPEL_RDF__STORE", "qlever")], "qlever");
    }
}
