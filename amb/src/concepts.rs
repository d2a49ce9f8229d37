//! SKOS concepts taken from controlled vocabularies: subjects, resource
//! types, educational levels, audiences, competencies and access terms.

use std::collections::BTreeMap;

use serde_json::Value;

use crate::Concept;
use crate::check::{Checker, alternatives, item, quote};
use crate::syntax::is_absolute_iri;
use crate::vocab::{
    CONDITIONS_OF_ACCESS, EDUCATIONAL_LEVEL_VOCABULARIES, INTERACTIVITY_TYPES,
    RESOURCE_TYPE_VOCABULARIES, SUBJECT_VOCABULARIES, is_language,
};

/// Which concept IRIs a property accepts.
#[derive(Debug, Clone, Copy)]
pub(crate) enum Vocabulary {
    /// Any absolute IRI.
    Open,
    /// Any IRI, as long as at least one concept of the list lies in one of
    /// these namespaces.
    SomeFrom(&'static [&'static str]),
    /// Only IRIs in these namespaces.
    AllFrom(&'static [&'static str]),
    /// Only these IRIs.
    OneOf(&'static [&'static str]),
}

/// How a property holding concepts is checked.
#[derive(Debug, Clone, Copy)]
pub(crate) struct ConceptRule {
    /// Whether a `type` member, if given, must be `"Concept"`.
    pub(crate) typed: bool,
    /// The IRIs the concepts may have.
    pub(crate) vocabulary: Vocabulary,
}

/// `about`: subjects, at least one from the school or higher-education
/// subject classification.
pub(crate) const ABOUT: ConceptRule = ConceptRule {
    typed: true,
    vocabulary: Vocabulary::SomeFrom(SUBJECT_VOCABULARIES),
};

/// `learningResourceType`: at least one from HCRT or the OpenEduHub list.
pub(crate) const LEARNING_RESOURCE_TYPE: ConceptRule = ConceptRule {
    typed: true,
    vocabulary: Vocabulary::SomeFrom(RESOURCE_TYPE_VOCABULARIES),
};

/// `educationalLevel`: only from the KIM educational-level vocabulary.
pub(crate) const EDUCATIONAL_LEVEL: ConceptRule = ConceptRule {
    typed: true,
    vocabulary: Vocabulary::AllFrom(EDUCATIONAL_LEVEL_VOCABULARIES),
};

/// `audience`: any vocabulary.
pub(crate) const AUDIENCE: ConceptRule = ConceptRule {
    typed: true,
    vocabulary: Vocabulary::Open,
};

/// `teaches`, `assesses` and `competencyRequired`: any competency framework.
pub(crate) const COMPETENCY: ConceptRule = ConceptRule {
    typed: false,
    vocabulary: Vocabulary::Open,
};

/// `conditionsOfAccess`: login needed or not.
pub(crate) const CONDITIONS: ConceptRule = ConceptRule {
    typed: true,
    vocabulary: Vocabulary::OneOf(CONDITIONS_OF_ACCESS),
};

/// `interactivityType`: active, expositive or mixed.
pub(crate) const INTERACTIVITY: ConceptRule = ConceptRule {
    typed: true,
    vocabulary: Vocabulary::OneOf(INTERACTIVITY_TYPES),
};

/// Whether `iri` lies in one of the `namespaces`.
fn in_namespaces(iri: &str, namespaces: &[&str]) -> bool {
    namespaces.iter().any(|ns| iri.starts_with(ns))
}

/// Checks an array of concepts at `path`, giving the valid ones.
pub(crate) fn concept_list(
    ck: &mut Checker,
    value: &Value,
    path: &str,
    rule: ConceptRule,
) -> Option<Vec<Concept>> {
    let items = ck.array(
        value,
        path,
        "an array of concept objects, each with an \"id\"",
    )?;
    let concepts = items
        .iter()
        .enumerate()
        .filter_map(|(i, v)| concept(ck, v, &item(path, i), rule))
        .collect();
    if let Vocabulary::SomeFrom(namespaces) = rule.vocabulary {
        let found = items.iter().any(|v| {
            v.get("id")
                .and_then(Value::as_str)
                .is_some_and(|id| is_absolute_iri(id) && in_namespaces(id, namespaces))
        });
        if !found {
            ck.report(
                path,
                format!(
                    "must contain at least one concept whose id starts with {}",
                    alternatives(namespaces)
                ),
            );
        }
    }
    Some(concepts)
}

/// Checks one concept object at `path`.
pub(crate) fn concept(
    ck: &mut Checker,
    value: &Value,
    path: &str,
    rule: ConceptRule,
) -> Option<Concept> {
    let node = ck.object(
        value,
        path,
        "a concept object with an \"id\" IRI and optionally a \"prefLabel\" language map",
    )?;
    let id = ck.required(&node, "id", Checker::owned_iri);
    if rule.typed {
        ck.optional(&node, "type", |ck, v, p| {
            ck.one_of(v, p, &["Concept"]).map(drop)
        });
    }
    let pref_label = ck.optional(&node, "prefLabel", language_map);
    let id = id?;
    let id_path = node.path_of("id");
    match rule.vocabulary {
        Vocabulary::AllFrom(namespaces) if !in_namespaces(&id, namespaces) => {
            ck.report(
                &id_path,
                format!(
                    "must be a concept whose id starts with {}, found {}",
                    alternatives(namespaces),
                    quote(&id)
                ),
            );
            None
        }
        Vocabulary::OneOf(allowed) if !allowed.contains(&id.as_str()) => {
            ck.report(
                &id_path,
                format!("must be {}, found {}", alternatives(allowed), quote(&id)),
            );
            None
        }
        _ => Some(Concept {
            id,
            pref_label: pref_label.unwrap_or_default(),
        }),
    }
}

/// Checks a language map (`{"de": "Kurs", "en": "Course"}`) at `path`: its
/// keys must be allowed language codes and its values strings.
pub(crate) fn language_map(
    ck: &mut Checker,
    value: &Value,
    path: &str,
) -> Option<BTreeMap<String, String>> {
    let node = ck.object(
        value,
        path,
        "a language map such as {\"de\": \"Kurs\", \"en\": \"Course\"}",
    )?;
    let mut labels = BTreeMap::new();
    for (language, label) in node.map {
        let label_path = node.path_of(language);
        if !is_language(language) {
            ck.report(
                &label_path,
                format!(
                    "{} is not an allowed language; use a two-letter ISO 639-1 code such as \"de\"",
                    quote(language)
                ),
            );
        } else if let Some(label) = ck.string(label, &label_path) {
            labels.insert(language.clone(), label.to_owned());
        }
    }
    Some(labels)
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn problems(f: impl FnOnce(&mut Checker)) -> Vec<String> {
        let mut ck = Checker::default();
        f(&mut ck);
        ck.problems.iter().map(ToString::to_string).collect()
    }

    #[test]
    fn concept_with_labels() {
        let mut ck = Checker::default();
        let value = json!({"id": "https://w3id.org/kim/hcrt/course", "prefLabel": {"de": "Kurs"}});
        let c = concept(&mut ck, &value, "x", LEARNING_RESOURCE_TYPE).unwrap();
        assert_eq!(c.id, "https://w3id.org/kim/hcrt/course");
        assert_eq!(c.pref_label["de"], "Kurs");
        assert!(ck.problems.is_empty());
    }

    #[test]
    fn concept_problems() {
        let shown = problems(|ck| {
            let value = json!([{"prefLabel": "active", "type": "Thing"}]);
            concept_list(ck, &value, "about", ABOUT);
        });
        assert_eq!(
            shown,
            [
                "about[0].id: is required but missing",
                "about[0].type: must be \"Concept\", found \"Thing\"",
                "about[0].prefLabel: must be a language map such as {\"de\": \"Kurs\", \"en\": \"Course\"}, found a string",
                "about: must contain at least one concept whose id starts with \
                 \"https://w3id.org/kim/hochschulfaechersystematik/\" or \"http://w3id.org/kim/schulfaecher/\"",
            ]
        );
    }

    #[test]
    fn closed_vocabularies() {
        let shown = problems(|ck| {
            concept(
                ck,
                &json!({"id": "https://w3id.org/kim/grundschule"}),
                "educationalLevel[0]",
                EDUCATIONAL_LEVEL,
            );
            concept(
                ck,
                &json!({"id": "http://example.org/x"}),
                "interactivityType",
                INTERACTIVITY,
            );
        });
        assert_eq!(shown.len(), 2);
        assert!(
            shown[0].starts_with("educationalLevel[0].id: must be a concept whose id starts with")
        );
        assert!(shown[1].starts_with("interactivityType.id: must be"));
    }

    #[test]
    fn language_map_keys() {
        let shown = problems(|ck| {
            language_map(ck, &json!({"de": "Kurs", "de-AT": "Kurs", "en": 1}), "p");
        });
        assert_eq!(shown.len(), 2);
        assert!(shown[0].starts_with("p.de-AT: \"de-AT\" is not an allowed language"));
        assert_eq!(shown[1], "p.en: must be a string, found a number");
    }
}
