//! What the library pages show: resource cards and the resource page. The
//! server fills these from SQL, in the reader's language where a published
//! translation exists.

use serde::{Deserialize, Serialize};

use crate::pages::learning::{Link, TopicTag};

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ResourceCard {
    pub uid: String,
    pub title: String,
    /// The language the title and excerpt are in.
    pub lang: String,
    /// `guide`, `video`, … (an interface string `kind-{kind}`).
    pub kind: String,
    pub excerpt: String,
    pub publisher: String,
    pub country: String,
    /// Languages it can be read in.
    pub languages: Vec<String>,
    /// Address of its thumbnail (without the language prefix), if it has one.
    pub thumbnail: Option<String>,
}

/// A file attached to a resource.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct FileView {
    pub id: i64,
    /// The cleaned name it is downloaded under.
    pub name: String,
    /// Address (without the language prefix).
    pub url: String,
    /// The type as shown on its icon: `PDF`, `ODT`, `JPG`…
    pub badge: String,
    pub bytes: i64,
    /// Address of the thumbnail of an image.
    pub thumbnail: Option<String>,
}

/// `12 KB`, `3.4 MB`: a file's size as people read it.
pub fn human_size(bytes: i64) -> String {
    const KB: f64 = 1000.0;
    let b = bytes as f64;
    if b < KB {
        format!("{bytes} B")
    } else if b < KB * KB {
        format!("{:.0} KB", b / KB)
    } else if b < KB * KB * KB {
        format!("{:.1} MB", b / KB / KB)
    } else {
        format!("{:.1} GB", b / KB / KB / KB)
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct LibraryHome {
    pub latest: Vec<ResourceCard>,
    pub popular: Vec<ResourceCard>,
    /// Published resources in all.
    pub total: i64,
    /// The browsing filters as chosen, and what each offers.
    pub filters: LibraryFilters,
    /// Resources matching the filters, when any is chosen.
    pub results: Option<Vec<ResourceCard>>,
}

/// Browsing the library by kind, language, country, partner and topic.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct LibraryFilters {
    pub kind: String,
    pub language: String,
    pub country: String,
    pub partner: String,
    pub topic: String,
    /// Languages and countries that published resources have.
    pub languages: Vec<String>,
    pub countries: Vec<String>,
    /// Partners as `(slug, name)`.
    pub partners: Vec<(String, String)>,
    /// The topic tree as `(topic, depth)`.
    pub topics: Vec<(crate::pages::learning::TopicTag, u8)>,
}

impl LibraryFilters {
    pub fn any(&self) -> bool {
        [
            &self.kind,
            &self.language,
            &self.country,
            &self.partner,
            &self.topic,
        ]
        .iter()
        .any(|v| !v.is_empty())
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct LicenceView {
    /// The licence's address, when it has one.
    pub uri: Option<String>,
    /// Its short name (`CC BY-SA 4.0`); empty for "all rights reserved".
    pub label: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ResourceView {
    pub uid: String,
    pub title: String,
    pub lang: String,
    pub original: String,
    /// Sanitised HTML of the description (Markdown).
    pub description_html: String,
    /// The description's beginning as plain text (for link previews).
    pub summary: String,
    /// Other languages with a published text, as `(lang, origin)`.
    pub also_in: Vec<(String, String)>,
    /// How the text shown came to be: `original`, `human`, `machine-assisted`.
    pub origin: String,
    pub kind: String,
    pub audience: String,
    pub educational_level: String,
    pub licence: LicenceView,
    pub country: String,
    pub publisher: Link,
    pub authors: Vec<String>,
    pub date_created: String,
    pub url: String,
    pub files: Vec<FileView>,
    /// Address of the thumbnail, if it has one.
    pub thumbnail: Option<String>,
    pub topics: Vec<TopicTag>,
    pub related: Vec<ResourceCard>,
    /// A ready-to-copy reference.
    pub citation: String,
    /// `published`, or the state a member or moderator sees it in.
    pub status: String,
    pub status_reason: String,
    pub actions: ResourceActions,
    /// Shown to the organisation and moderators only (empty otherwise).
    pub history: Vec<HistoryRow>,
    /// Translations and their review state, for translators and moderators.
    pub translations: Vec<TranslationRow>,
}

/// What the signed-in person may do on a resource's page.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct ResourceActions {
    pub edit: bool,
    pub submit: bool,
    pub review: bool,
    pub unpublish: bool,
    pub withdraw: bool,
    /// Add or edit translations, and send them for review.
    pub translate: bool,
    /// Publish or send back submitted translations.
    pub review_translations: bool,
    /// Ask for the resource in another language.
    pub request_translation: bool,
}

/// A translation as its translators and moderators see it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TranslationRow {
    pub lang: String,
    pub title: String,
    /// `human` or `machine-assisted`.
    pub origin: String,
    /// `draft`, `submitted`, `changes-requested` or `published`.
    pub status: String,
}

/// One entry of a resource's history, for its organisation and moderators.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct HistoryRow {
    pub who: String,
    /// `created`, `edited`, `submitted`, … (an interface string `event-{action}`).
    pub action: String,
    pub lang: String,
    pub detail: String,
    pub at: String,
}

/// The form to create or edit a resource. Values and errors travel in the
/// page's `FormState` (`topics` as a comma-separated list).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ResourceEditor {
    /// `None` for a new resource.
    pub uid: Option<String>,
    /// Organisations the person may publish for, as `(id, name)`.
    pub organisations: Vec<(i64, String)>,
    /// The topic scheme as `(topic, depth)` in tree order.
    pub topics: Vec<(TopicTag, u8)>,
    /// Offered licences as `(uri, name)`; the empty name is "all rights reserved".
    pub licences: Vec<(String, String)>,
    /// Files already attached (when editing).
    pub files: Vec<FileView>,
}

/// A moderator's list of what waits for review.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReviewQueue {
    pub resources: Vec<ResourceCard>,
    /// Translations of published resources, as `(card, lang)`.
    pub translations: Vec<(ResourceCard, String)>,
}

/// Translation requests a partner's members may take on.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RequestRow {
    pub id: i64,
    pub resource: ResourceCard,
    pub lang: String,
    /// Whether it is still open (otherwise taken by the reader's organisation).
    pub open: bool,
}

/// A topic of the scheme, with the published resources filed under it or
/// under a narrower topic.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TopicNode {
    pub id: String,
    pub label: String,
    pub count: usize,
    /// Added on this instance by an administrator (not from the shipped scheme).
    pub added: bool,
    pub children: Vec<TopicNode>,
}

/// The topic tree, and for administrators the form to add or change a topic.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TopicsView {
    pub tree: Vec<TopicNode>,
    /// Whether the reader may add and change topics.
    pub manage: bool,
    /// Topics a new one may sit under, as `(id, label)` in tree order.
    pub broader: Vec<(String, String)>,
    /// What the SKOS file an administrator just sent did.
    #[serde(default)]
    pub import: Option<TopicImport>,
}

/// The outcome of importing a SKOS scheme: counts, or the reasons (already
/// worded in the reader's language) it was refused.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct TopicImport {
    pub added: usize,
    pub updated: usize,
    pub unchanged: usize,
    pub problems: Vec<String>,
}
