//! The topic scheme in SQL: the concepts shipped in the content folder
//! (synchronised at start) and those administrators add. Resources cite
//! concepts by id; ids never change, labels may.

pub mod import;

use std::collections::BTreeMap;

use sqlx::Row;

use crate::error::Result;
use crate::{Db, FieldError, StoreError, now};

pub const OUTBOX_ENTITY: crate::outbox::Entity = crate::outbox::Entity::Concept;

/// A concept with its labels by language.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Concept {
    pub id: String,
    pub broader: Option<String>,
    /// Preferred label by language.
    pub labels: BTreeMap<String, String>,
    /// Other names by language.
    pub alt: BTreeMap<String, Vec<String>>,
    /// Whether it comes from the shipped scheme (`false`: added by an admin).
    pub shipped: bool,
}

impl Concept {
    /// The label in `lang`, else English, else any.
    pub fn label_in(&self, lang: &str) -> &str {
        self.labels
            .get(lang)
            .or_else(|| self.labels.get("en"))
            .or_else(|| self.labels.values().next())
            .map_or(self.id.as_str(), String::as_str)
    }
}

/// Every concept, ordered by id.
pub async fn list(db: &Db) -> Result<Vec<Concept>> {
    let rows = sqlx::query("SELECT id, broader, source FROM concepts ORDER BY id")
        .fetch_all(db.pool())
        .await?;
    let labels = sqlx::query(
        "SELECT concept_id, lang, label, alt FROM concept_labels ORDER BY concept_id, lang, label",
    )
    .fetch_all(db.pool())
    .await?;
    let mut out: Vec<Concept> = rows
        .iter()
        .map(|r| {
            Ok(Concept {
                id: r.try_get("id")?,
                broader: r.try_get("broader")?,
                labels: BTreeMap::new(),
                alt: BTreeMap::new(),
                shipped: r.try_get::<String, _>("source")? == "scheme",
            })
        })
        .collect::<Result<_>>()?;
    for r in labels {
        let id: String = r.try_get("concept_id")?;
        let Some(c) = out.iter_mut().find(|c| c.id == id) else {
            continue;
        };
        let lang: String = r.try_get("lang")?;
        let label: String = r.try_get("label")?;
        if r.try_get::<i64, _>("alt")? == 0 {
            c.labels.insert(lang, label);
        } else {
            c.alt.entry(lang).or_default().push(label);
        }
    }
    Ok(out)
}

/// Which of `ids` are not concepts.
pub async fn unknown(db: &Db, ids: &[String]) -> Result<Vec<String>> {
    let known: Vec<String> = sqlx::query("SELECT id FROM concepts")
        .fetch_all(db.pool())
        .await?
        .iter()
        .map(|r| r.try_get("id"))
        .collect::<Result<_, _>>()?;
    Ok(ids.iter().filter(|i| !known.contains(i)).cloned().collect())
}

/// Writes one concept and its labels (replacing them), inside a transaction.
async fn put(tx: &mut sqlx::Transaction<'_, sqlx::Any>, c: &Concept, source: &str) -> Result<()> {
    let at = now();
    sqlx::query(
        "INSERT INTO concepts (id, broader, source, created_at, updated_at) \
         VALUES ($1, NULL, $2, $3, $3) ON CONFLICT (id) DO UPDATE SET source = excluded.source, \
         updated_at = excluded.updated_at",
    )
    .bind(c.id.clone())
    .bind(source.to_string())
    .bind(at)
    .execute(&mut **tx)
    .await?;
    sqlx::query("DELETE FROM concept_labels WHERE concept_id = $1")
        .bind(c.id.clone())
        .execute(&mut **tx)
        .await?;
    // Collected first: an iterator of closures held across the awaits below
    // would keep the future from being provably `Send` (a web handler's).
    let rows: Vec<(String, String, i64)> = c
        .labels
        .iter()
        .map(|(l, v)| (l.clone(), v.clone(), 0))
        .chain(
            c.alt
                .iter()
                .flat_map(|(l, vs)| vs.iter().map(move |v| (l.clone(), v.clone(), 1))),
        )
        .collect();
    for (lang, label, is_alt) in rows {
        sqlx::query(
            "INSERT INTO concept_labels (concept_id, lang, label, alt) VALUES ($1, $2, $3, $4) \
             ON CONFLICT DO NOTHING",
        )
        .bind(c.id.clone())
        .bind(lang)
        .bind(label)
        .bind(is_alt)
        .execute(&mut **tx)
        .await?;
    }
    crate::outbox::record(&mut **tx, OUTBOX_ENTITY, &c.id).await?;
    Ok(())
}

async fn set_broader(
    tx: &mut sqlx::Transaction<'_, sqlx::Any>,
    id: &str,
    broader: Option<&str>,
) -> Result<()> {
    sqlx::query("UPDATE concepts SET broader = $1 WHERE id = $2")
        .bind(broader.map(str::to_string))
        .bind(id.to_string())
        .execute(&mut **tx)
        .await?;
    Ok(())
}

/// Makes the shipped concepts match the content folder's scheme (labels and
/// broader links), in one transaction. Concepts added by admins are kept;
/// shipped concepts no longer in the file stay (resources may cite them).
pub async fn sync_scheme(db: &Db, scheme: &[Concept]) -> Result<usize> {
    let existing = list(db).await?;
    let mut tx = db.pool().begin().await?;
    let mut changed = 0;
    for c in scheme {
        // Other names come back from SQL in alphabetical order.
        let sorted = |alt: &BTreeMap<String, Vec<String>>| {
            let mut alt = alt.clone();
            alt.values_mut().for_each(|v| v.sort());
            alt
        };
        let same = existing.iter().any(|e| {
            e.id == c.id
                && e.labels == c.labels
                && sorted(&e.alt) == sorted(&c.alt)
                && e.broader == c.broader
        });
        if !same {
            put(&mut tx, c, "scheme").await?;
            changed += 1;
        }
    }
    // Broader links once every concept exists.
    for c in scheme {
        set_broader(&mut tx, &c.id, c.broader.as_deref()).await?;
    }
    tx.commit().await?;
    Ok(changed)
}

/// What an administrator submits to add or rename a concept.
#[derive(Debug, Clone, Default, PartialEq, Eq, serde::Deserialize, serde::Serialize)]
pub struct ConceptForm {
    pub id: String,
    #[serde(default)]
    pub broader: String,
    /// `lang: label` lines.
    #[serde(default)]
    pub labels: String,
}

/// Adds (or updates) a concept from an administrator's form.
pub async fn save(db: &Db, form: &ConceptForm) -> Result<Concept> {
    let mut errors = Vec::new();
    let id = form.id.trim().to_string();
    if id.is_empty() {
        errors.push(FieldError::new("id", "required"));
    } else if !id
        .chars()
        .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
        || id.len() > 60
    {
        errors.push(FieldError::new("id", "concept-id-invalid"));
    }
    let mut labels = BTreeMap::new();
    for line in form.labels.lines().map(str::trim).filter(|l| !l.is_empty()) {
        match line.split_once(':') {
            Some((lang, label))
                if crate::validate::is_language_tag(lang.trim())
                    && !label.trim().is_empty()
                    && label.trim().chars().count() <= 120 =>
            {
                labels.insert(lang.trim().to_string(), label.trim().to_string());
            }
            _ => {
                errors.push(FieldError::new("labels", "labels-invalid"));
                break;
            }
        }
    }
    if labels.is_empty() && !errors.iter().any(|e| e.field == "labels") {
        errors.push(FieldError::new("labels", "required"));
    }
    let broader = Some(form.broader.trim().to_string()).filter(|b| !b.is_empty());
    let existing = list(db).await?;
    if let Some(b) = &broader {
        // The broader concept must exist and must not be this one or below it.
        let mut at = Some(b.as_str());
        let mut steps = 0;
        let mut ok = existing.iter().any(|c| c.id == *b);
        while let Some(x) = at {
            if x == id || steps > existing.len() {
                ok = false;
                break;
            }
            steps += 1;
            at = existing
                .iter()
                .find(|c| c.id == x)
                .and_then(|c| c.broader.as_deref());
        }
        if !ok {
            errors.push(FieldError::new("broader", "broader-invalid"));
        }
    }
    if !errors.is_empty() {
        return Err(StoreError::Invalid(errors));
    }
    let concept = Concept {
        id,
        broader,
        labels,
        alt: existing
            .iter()
            .find(|c| c.id == form.id.trim())
            .map(|c| c.alt.clone())
            .unwrap_or_default(),
        shipped: false,
    };
    let source = if existing.iter().any(|c| c.id == concept.id && c.shipped) {
        "scheme"
    } else {
        "admin"
    };
    let mut tx = db.pool().begin().await?;
    put(&mut tx, &concept, source).await?;
    set_broader(&mut tx, &concept.id, concept.broader.as_deref()).await?;
    tx.commit().await?;
    Ok(concept)
}
