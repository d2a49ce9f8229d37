//! The shared-resource library: resources that partner organisations
//! contribute, with a title and description per language, topics from the
//! concept scheme, and a review cycle (see [`review`]).
//!
//! Every write runs in one transaction that also records the change in the
//! outbox (for the search index and the RDF store) and in the resource's
//! history (who, when, what).

pub mod browse;
pub mod files;
mod form;
pub mod import;
pub mod oai;
mod read;
pub mod requests;
pub mod review;
pub mod vocab;

pub(crate) use form::text;
use form::{Checked, check};
pub(crate) use read::COLUMNS;
pub use read::{Event, get, get_by_uid, history, with_status};

use rand::RngCore;
use serde::{Deserialize, Serialize};
use sqlx::Row;

use crate::error::Result;

use crate::{Db, StoreError, now};

pub const OUTBOX_ENTITY: crate::outbox::Entity = crate::outbox::Entity::Resource;
pub const TITLE_MAX_CHARS: usize = 200;
pub const DESCRIPTION_MAX_CHARS: usize = 5000;
pub const AUTHORS_MAX: usize = 20;
pub const TOPICS_MAX: usize = 12;

macro_rules! str_enum {
    ($(#[$m:meta])* $name:ident { $($variant:ident = $text:literal),+ $(,)? }) => {
        $(#[$m])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
        pub enum $name { $($variant),+ }

        impl $name {
            pub const ALL: &'static [$name] = &[$($name::$variant),+];

            pub fn as_str(self) -> &'static str {
                match self { $($name::$variant => $text),+ }
            }

            pub fn parse(s: &str) -> Option<Self> {
                Self::ALL.iter().copied().find(|v| v.as_str() == s)
            }
        }
    };
}

str_enum!(
    /// What a resource is (mapped to LRMI `learningResourceType`).
    Kind {
        Guide = "guide",
        Video = "video",
        WorkshopKit = "workshop-kit",
        Article = "article",
        Tool = "tool",
        Course = "course",
        Podcast = "podcast",
        Dataset = "dataset",
    }
);

str_enum!(
    /// Where a resource is in its life.
    Status {
        Draft = "draft",
        Submitted = "submitted",
        ChangesRequested = "changes-requested",
        Published = "published",
        Unpublished = "unpublished",
        Withdrawn = "withdrawn",
    }
);

str_enum!(
    /// How a text came to be.
    Origin {
        Original = "original",
        Human = "human",
        MachineAssisted = "machine-assisted",
    }
);

/// Licences suggested by the contribution form, plus "all rights reserved"
/// (shown as such). Any other licence URI or SPDX id is accepted too (see
/// [`crate::licences`]).
pub const LICENCES: &[&str] = &[
    "https://creativecommons.org/licenses/by/4.0/",
    "https://creativecommons.org/licenses/by-sa/4.0/",
    "https://creativecommons.org/licenses/by-nc/4.0/",
    "https://creativecommons.org/licenses/by-nc-sa/4.0/",
    "https://creativecommons.org/licenses/by-nd/4.0/",
    "https://creativecommons.org/licenses/by-nc-nd/4.0/",
    "https://creativecommons.org/publicdomain/zero/1.0/",
    "https://www.gnu.org/licenses/gpl-3.0.html",
    "https://www.gnu.org/licenses/agpl-3.0.html",
    "https://www.gnu.org/licenses/fdl-1.3.html",
    "https://opensource.org/licenses/MIT",
    "https://artlibre.org/licence/lal/en/",
    ALL_RIGHTS_RESERVED,
];
pub const ALL_RIGHTS_RESERVED: &str = "all-rights-reserved";

/// The value a licence is stored as: "all rights reserved", the canonical
/// URI of a known licence (however written, URI or SPDX id), or any other
/// well-formed `http(s)` URI as given.
pub fn stored_licence(value: &str) -> std::result::Result<String, crate::licences::LicenceError> {
    let value = value.trim();
    if value == ALL_RIGHTS_RESERVED {
        return Ok(value.to_string());
    }
    crate::licences::resolve(value).map(|r| r.uri().to_string())
}

/// The short name of a stored licence, the same in every language
/// (`CC BY-SA 3.0`, or the host and path of a licence not in the
/// registry); empty for "all rights reserved".
pub fn licence_label(stored: &str) -> String {
    if stored == ALL_RIGHTS_RESERVED || stored.is_empty() {
        String::new()
    } else {
        crate::licences::label(stored).into_owned()
    }
}

/// A title and description in one language.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ResourceText {
    pub lang: String,
    pub title: String,
    pub description: String,
    pub origin: Origin,
    /// `draft`, `submitted`, `changes-requested` or `published`.
    pub status: Status,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Resource {
    pub id: i64,
    pub uid: String,
    pub kind: Kind,
    pub original_language: String,
    pub audience: String,
    pub educational_level: String,
    pub licence: String,
    pub country: String,
    pub organisation_id: i64,
    pub authors: Vec<String>,
    pub date_created: String,
    pub url: String,
    pub thumbnail: Option<String>,
    pub status: Status,
    pub status_reason: String,
    pub views: i64,
    pub created_at: String,
    pub updated_at: String,
    pub published_at: Option<String>,
    /// Every text, the original first.
    pub texts: Vec<ResourceText>,
    pub topics: Vec<String>,
    /// Uploaded files, oldest first (filled by [`get`], empty in lists).
    pub files: Vec<files::ResourceFile>,
}

impl Resource {
    pub fn original(&self) -> Option<&ResourceText> {
        self.texts.iter().find(|t| t.origin == Origin::Original)
    }

    /// The text in `lang` if published (or the original), for readers.
    pub fn text_for(&self, lang: &str) -> Option<&ResourceText> {
        self.texts
            .iter()
            .find(|t| t.lang == lang && t.status == Status::Published)
            .or_else(|| self.original())
    }
}

/// What a contributor submits to create or edit a resource.
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
pub struct ResourceForm {
    #[serde(default)]
    pub kind: String,
    #[serde(default)]
    pub original_language: String,
    #[serde(default)]
    pub title: String,
    #[serde(default)]
    pub description: String,
    #[serde(default)]
    pub audience: String,
    #[serde(default)]
    pub educational_level: String,
    #[serde(default)]
    pub licence: String,
    #[serde(default)]
    pub country: String,
    /// One per line.
    #[serde(default)]
    pub authors: String,
    #[serde(default)]
    pub date_created: String,
    #[serde(default)]
    pub url: String,
    /// Concept ids.
    #[serde(default)]
    pub topics: Vec<String>,
}

/// Appends to the resource's history, inside the caller's transaction.
pub(crate) async fn event(
    tx: &mut sqlx::Transaction<'_, sqlx::Any>,
    resource_id: i64,
    user_id: Option<i64>,
    action: &str,
    lang: &str,
    detail: &str,
) -> Result<()> {
    sqlx::query(
        "INSERT INTO resource_events (resource_id, user_id, action, lang, detail, created_at) \
         VALUES ($1, $2, $3, $4, $5, $6)",
    )
    .bind(resource_id)
    .bind(user_id)
    .bind(action.to_string())
    .bind(lang.to_string())
    .bind(detail.to_string())
    .bind(now())
    .execute(&mut **tx)
    .await?;
    Ok(())
}

async fn set_topics(
    tx: &mut sqlx::Transaction<'_, sqlx::Any>,
    id: i64,
    topics: &[String],
) -> Result<()> {
    sqlx::query("DELETE FROM resource_topics WHERE resource_id = $1")
        .bind(id)
        .execute(&mut **tx)
        .await?;
    for t in topics {
        sqlx::query("INSERT INTO resource_topics (resource_id, concept_id) VALUES ($1, $2)")
            .bind(id)
            .bind(t.clone())
            .execute(&mut **tx)
            .await?;
    }
    Ok(())
}

/// A new draft of `organisation_id`, by `user_id`.
pub async fn create(
    db: &Db,
    user_id: i64,
    organisation_id: i64,
    form: &ResourceForm,
) -> Result<Resource> {
    create_with(db, user_id, organisation_id, form, None).await
}

/// A new draft with a file already written to the data folder: both are
/// recorded in one transaction, or neither.
pub async fn create_with(
    db: &Db,
    user_id: i64,
    organisation_id: i64,
    form: &ResourceForm,
    file: Option<&files::NewFile>,
) -> Result<Resource> {
    let c = check(db, form).await?;
    let mut uid = [0u8; 6];
    rand::rng().fill_bytes(&mut uid);
    let uid = hex::encode(uid);
    let at = now();
    let mut tx = db.pool().begin().await?;
    let row = sqlx::query(
        "INSERT INTO resources (uid, kind, original_language, audience, educational_level, \
         licence, country, organisation_id, authors, date_created, url, status, created_by, \
         created_at, updated_at) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, 'draft', $12, $13, $13) RETURNING id",
    )
    .bind(uid.clone())
    .bind(c.kind.as_str())
    .bind(c.lang.clone())
    .bind(c.audience.clone())
    .bind(c.educational_level.clone())
    .bind(c.licence.clone())
    .bind(c.country.clone())
    .bind(organisation_id)
    .bind(c.authors.join("\n"))
    .bind(c.date_created.clone())
    .bind(c.url.clone())
    .bind(user_id)
    .bind(at.clone())
    .fetch_one(&mut *tx)
    .await?;
    let id: i64 = row.try_get("id")?;
    sqlx::query(
        "INSERT INTO resource_texts (resource_id, lang, title, description, origin, status, \
         created_at, updated_at) VALUES ($1, $2, $3, $4, 'original', 'draft', $5, $5)",
    )
    .bind(id)
    .bind(c.lang.clone())
    .bind(c.title.clone())
    .bind(c.description.clone())
    .bind(at)
    .execute(&mut *tx)
    .await?;
    set_topics(&mut tx, id, &c.topics).await?;
    event(&mut tx, id, Some(user_id), "created", &c.lang, &c.title).await?;
    if let Some(file) = file {
        files::attach(&mut tx, id, Some(user_id), file).await?;
    }
    crate::outbox::record(&mut *tx, OUTBOX_ENTITY, &uid).await?;
    tx.commit().await?;
    get(db, id).await
}

/// The problems of a form, without writing anything (to show them beside
/// a refused file).
pub async fn problems(db: &Db, form: &ResourceForm) -> Result<Vec<crate::FieldError>> {
    match check(db, form).await {
        Ok(_) => Ok(Vec::new()),
        Err(StoreError::Invalid(errors)) => Ok(errors),
        Err(e) => Err(e),
    }
}

/// Edits a resource's fields and original text. The original language is
/// fixed once created (translations hang on it).
pub async fn update(db: &Db, user_id: i64, id: i64, form: &ResourceForm) -> Result<Resource> {
    update_with(db, user_id, id, form, None).await
}

/// An edit that also adds a file already written to the data folder.
pub async fn update_with(
    db: &Db,
    user_id: i64,
    id: i64,
    form: &ResourceForm,
    file: Option<&files::NewFile>,
) -> Result<Resource> {
    let before = get(db, id).await?;
    let mut form = form.clone();
    form.original_language = before.original_language.clone();
    let c = check(db, &form).await?;
    let at = now();
    let mut tx = db.pool().begin().await?;
    sqlx::query(
        "UPDATE resources SET kind = $1, audience = $2, educational_level = $3, licence = $4, \
         country = $5, authors = $6, date_created = $7, url = $8, updated_at = $9 WHERE id = $10",
    )
    .bind(c.kind.as_str())
    .bind(c.audience.clone())
    .bind(c.educational_level.clone())
    .bind(c.licence.clone())
    .bind(c.country.clone())
    .bind(c.authors.join("\n"))
    .bind(c.date_created.clone())
    .bind(c.url.clone())
    .bind(at.clone())
    .bind(id)
    .execute(&mut *tx)
    .await?;
    sqlx::query(
        "UPDATE resource_texts SET title = $1, description = $2, updated_at = $3 \
         WHERE resource_id = $4 AND origin = 'original'",
    )
    .bind(c.title.clone())
    .bind(c.description.clone())
    .bind(at)
    .bind(id)
    .execute(&mut *tx)
    .await?;
    set_topics(&mut tx, id, &c.topics).await?;
    let changed = changes(&before, &c);
    event(&mut tx, id, Some(user_id), "edited", "", &changed).await?;
    if let Some(file) = file {
        files::attach(&mut tx, id, Some(user_id), file).await?;
    }
    crate::outbox::record(&mut *tx, OUTBOX_ENTITY, &before.uid).await?;
    tx.commit().await?;
    get(db, id).await
}

/// Which fields an edit changed, for the history.
fn changes(before: &Resource, c: &Checked) -> String {
    let original = before.original();
    let mut out = Vec::new();
    let mut diff = |name: &str, changed: bool| {
        if changed {
            out.push(name.to_string());
        }
    };
    diff("kind", before.kind != c.kind);
    diff("title", original.is_some_and(|o| o.title != c.title));
    diff(
        "description",
        original.is_some_and(|o| o.description != c.description),
    );
    diff("audience", before.audience != c.audience);
    diff(
        "educational_level",
        before.educational_level != c.educational_level,
    );
    diff("licence", before.licence != c.licence);
    diff("country", before.country != c.country);
    diff("authors", before.authors != c.authors);
    diff("date_created", before.date_created != c.date_created);
    diff("url", before.url != c.url);
    diff("topics", before.topics != c.topics);
    out.join(", ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_and_enums() {
        assert_eq!(Kind::parse("workshop-kit"), Some(Kind::WorkshopKit));
        assert_eq!(Kind::parse("book"), None);
        assert_eq!(Status::ChangesRequested.as_str(), "changes-requested");
        assert!(LICENCES.contains(&ALL_RIGHTS_RESERVED));
        for uri in LICENCES.iter().filter(|l| **l != ALL_RIGHTS_RESERVED) {
            assert!(crate::licences::known(uri).is_some(), "{uri} has a name");
            assert_eq!(stored_licence(uri).as_deref(), Ok(*uri));
        }
        assert_eq!(
            stored_licence("http://www.gnu.org/licenses/agpl-3.0").as_deref(),
            Ok("https://www.gnu.org/licenses/agpl-3.0.html")
        );
        assert_eq!(licence_label(ALL_RIGHTS_RESERVED), "");
        assert_eq!(
            licence_label("https://creativecommons.org/licenses/by-sa/3.0/"),
            "CC BY-SA 3.0"
        );
    }
}
