//! The record as a whole: its JSON-LD context, identity, types, licence and
//! the links to other resources, and the assembly of a [`Record`].

use serde_json::Value;

use crate::agents::{self, CREATOR, FUNDER, PUBLISHER, provider};
use crate::check::{Checker, Node, item, quote};
use crate::concepts::{self, concept, concept_list};
use crate::dates::is_duration;
use crate::media::{self, language};
use crate::vocab::{
    AMB_CONTEXT, AMB_CONTEXTS, CREATIVE_WORK_TYPES, LEARNING_RESOURCE, is_allowed_licence,
};
use crate::{Licences, Problem, Record};

/// Checks `value` as an AMB record; see [`crate::check`].
pub(crate) fn check_record(value: &Value, licences: Licences) -> Result<Record, Vec<Problem>> {
    let mut ck = Checker {
        any_licence: licences == Licences::AnyIri,
        ..Checker::default()
    };
    let Some(root) = ck.object(value, "", "a JSON object describing one learning resource") else {
        return Err(ck.problems);
    };
    let record = read_record(&mut ck, &root);
    if ck.problems.is_empty() {
        Ok(record)
    } else {
        Err(ck.problems)
    }
}

/// Checks every member of the record, collecting what an importer needs.
fn read_record(ck: &mut Checker, root: &Node<'_>) -> Record {
    let default_language = match root.get("@context") {
        Some(context) => check_context(ck, context, "@context"),
        None => {
            ck.report(
                "@context",
                format!("is required but missing; it must reference the AMB context {AMB_CONTEXT}"),
            );
            None
        }
    };
    let id = ck.required(root, "id", Checker::owned_iri);
    let name = ck.required(root, "name", Checker::owned_string);
    let types = ck.required(root, "type", types);
    let description = ck.optional(root, "description", Checker::owned_string);
    let image = ck.optional(root, "image", Checker::owned_iri);
    let in_language = ck.optional(root, "inLanguage", |ck, v, p| {
        ck.each(
            v,
            p,
            "an array of language codes such as [\"de\"]",
            |ck, v, p| {
                language(ck, v, p)?;
                v.as_str().map(str::to_owned)
            },
        )
    });
    let keywords = ck.optional(root, "keywords", |ck, v, p| {
        ck.each(v, p, "an array of strings", Checker::owned_string)
    });
    let creators = ck.optional(root, "creator", |ck, v, p| {
        agents::agents(ck, v, p, CREATOR)
    });
    ck.optional(root, "contributor", |ck, v, p| {
        agents::agents(ck, v, p, CREATOR)
    });
    let publishers = ck.optional(root, "publisher", |ck, v, p| {
        agents::agents(ck, v, p, PUBLISHER)
    });
    ck.optional(root, "funder", |ck, v, p| agents::agents(ck, v, p, FUNDER));

    let about = ck.optional(root, "about", |ck, v, p| {
        concept_list(ck, v, p, concepts::ABOUT)
    });
    let learning_resource_types = ck.optional(root, "learningResourceType", |ck, v, p| {
        concept_list(ck, v, p, concepts::LEARNING_RESOURCE_TYPE)
    });
    let educational_level = ck.optional(root, "educationalLevel", |ck, v, p| {
        concept_list(ck, v, p, concepts::EDUCATIONAL_LEVEL)
    });
    let audience = ck.optional(root, "audience", |ck, v, p| {
        concept_list(ck, v, p, concepts::AUDIENCE)
    });
    for key in ["teaches", "assesses", "competencyRequired"] {
        ck.optional(root, key, |ck, v, p| {
            concept_list(ck, v, p, concepts::COMPETENCY)
        });
    }
    ck.optional(root, "conditionsOfAccess", |ck, v, p| {
        concept(ck, v, p, concepts::CONDITIONS)
    });
    ck.optional(root, "interactivityType", |ck, v, p| {
        concept(ck, v, p, concepts::INTERACTIVITY)
    });

    let licence = ck.optional(root, "license", licence);
    let date_created = ck.optional(root, "dateCreated", Checker::date);
    let date_published = ck.optional(root, "datePublished", Checker::date);
    ck.optional(root, "dateModified", Checker::date);
    ck.optional(root, "duration", |ck, v, p| {
        ck.matching(
            v,
            p,
            is_duration,
            "an ISO 8601 duration such as \"PT47M58S\" (P[n]Y[n]M[n]DT[n]H[n]M[n]S)",
        )
        .map(drop)
    });
    ck.optional(root, "isAccessibleForFree", Checker::boolean);

    ck.optional(root, "encoding", media::encodings);
    ck.optional(root, "trailer", media::trailer);
    ck.optional(root, "caption", media::captions);

    ck.optional(root, "mainEntityOfPage", |ck, v, p| {
        ck.each(
            v,
            p,
            "an array of objects describing metadata pages",
            metadata_page,
        )
    });
    ck.optional(root, "isBasedOn", |ck, v, p| {
        ck.each(
            v,
            p,
            "an array of objects naming the source resources",
            source,
        )
    });
    for key in ["isPartOf", "hasPart"] {
        ck.optional(root, key, |ck, v, p| {
            ck.each(
                v,
                p,
                "an array of objects, each with an \"id\"",
                related_part,
            )
        });
    }

    Record {
        id: id.unwrap_or_default(),
        name: name.unwrap_or_default(),
        description,
        language: default_language,
        in_language: in_language.unwrap_or_default(),
        types: types.unwrap_or_default(),
        learning_resource_types: learning_resource_types.unwrap_or_default(),
        about: about.unwrap_or_default(),
        keywords: keywords.unwrap_or_default(),
        audience: audience.unwrap_or_default(),
        educational_level: educational_level.unwrap_or_default(),
        licence,
        creators: creators.unwrap_or_default(),
        publishers: publishers.unwrap_or_default(),
        date_created,
        date_published,
        image,
    }
}

/// Checks `@context`: an array that references the AMB context and holds an
/// object with the default `@language`. Gives that language.
fn check_context(ck: &mut Checker, value: &Value, path: &str) -> Option<String> {
    let entries = ck.array(
        value,
        path,
        &format!("an array holding \"{AMB_CONTEXT}\" and an object with a default @language such as {{\"@language\": \"de\"}}"),
    )?;
    if !entries
        .iter()
        .any(|e| e.as_str().is_some_and(|s| AMB_CONTEXTS.contains(&s)))
    {
        ck.report(
            path,
            format!("must reference the AMB context \"{AMB_CONTEXT}\""),
        );
    }
    let mut default_language = None;
    let mut found = false;
    for (i, entry) in entries.iter().enumerate() {
        let Some(tag) = entry.as_object().and_then(|o| o.get("@language")) else {
            continue;
        };
        found = true;
        let tag_path = format!("{}.@language", item(path, i));
        if language(ck, tag, &tag_path).is_some() && default_language.is_none() {
            default_language = tag.as_str().map(str::to_owned);
        }
    }
    if !found {
        ck.report(
            path,
            "must hold an object with the default language of the record, such as {\"@language\": \"de\"}",
        );
    }
    default_language
}

/// Checks a `type` array: allowed schema.org type names, including
/// `LearningResource`.
fn types(ck: &mut Checker, value: &Value, path: &str) -> Option<Vec<String>> {
    let names = ck.each(
        value,
        path,
        "an array of type names such as [\"LearningResource\"]",
        |ck, v, p| {
            let name = ck.string(v, p)?;
            if CREATIVE_WORK_TYPES.contains(&name) {
                Some(name.to_owned())
            } else {
                ck.report(
                    p,
                    format!(
                        "{} is not an allowed type; use a schema.org CreativeWork type name such as \"Course\"",
                        quote(name)
                    ),
                );
                None
            }
        },
    )?;
    let listed = value
        .as_array()
        .is_some_and(|items| items.iter().any(|v| v.as_str() == Some(LEARNING_RESOURCE)));
    if !listed {
        ck.report(path, format!("must include \"{LEARNING_RESOURCE}\""));
    }
    Some(names)
}

/// Checks a `license` object and gives its IRI.
fn licence(ck: &mut Checker, value: &Value, path: &str) -> Option<String> {
    let node = ck.object(
        value,
        path,
        "an object with an \"id\", such as {\"id\": \"https://creativecommons.org/licenses/by/4.0/\"}",
    )?;
    let id = ck.required(&node, "id", Checker::owned_iri)?;
    if ck.any_licence || is_allowed_licence(&id) {
        Some(id)
    } else {
        ck.report(
            &node.path_of("id"),
            format!(
                "{} is not an allowed licence; use a Creative Commons, Public Domain, GNU, Apache, MIT or BSD licence IRI",
                quote(&id)
            ),
        );
        None
    }
}

/// Checks a `mainEntityOfPage` entry: a web page holding metadata about the
/// resource.
fn metadata_page(ck: &mut Checker, value: &Value, path: &str) -> Option<()> {
    let node = ck.object(value, path, "an object with an \"id\"")?;
    ck.required(&node, "id", |ck, v, p| ck.iri(v, p).map(drop));
    ck.optional(&node, "type", |ck, v, p| {
        ck.one_of(v, p, &["WebContent"]).map(drop)
    });
    ck.optional(&node, "provider", provider);
    ck.optional(&node, "dateCreated", Checker::date);
    ck.optional(&node, "dateModified", Checker::date);
    Some(())
}

/// Checks an `isBasedOn` entry: a resource this one was derived from.
fn source(ck: &mut Checker, value: &Value, path: &str) -> Option<()> {
    let node = ck.object(value, path, "an object with a \"name\"")?;
    ck.required(&node, "name", |ck, v, p| ck.string(v, p).map(drop));
    ck.optional(&node, "id", |ck, v, p| ck.iri(v, p).map(drop));
    ck.optional(&node, "type", types);
    ck.optional(&node, "creator", |ck, v, p| {
        agents::agents(ck, v, p, CREATOR)
    });
    ck.optional(&node, "license", licence);
    ck.optional(&node, "provider", provider);
    Some(())
}

/// Checks an `isPartOf` or `hasPart` entry: a related resource.
fn related_part(ck: &mut Checker, value: &Value, path: &str) -> Option<()> {
    let node = ck.object(value, path, "an object with an \"id\"")?;
    ck.required(&node, "id", |ck, v, p| ck.iri(v, p).map(drop));
    ck.optional(&node, "type", types);
    ck.optional(&node, "name", |ck, v, p| ck.string(v, p).map(drop));
    Some(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn minimal() -> Value {
        json!({
            "@context": ["https://w3id.org/kim/amb/context.jsonld", {"@language": "de"}],
            "id": "https://example.org/oer",
            "name": "Beispiel",
            "type": ["LearningResource"]
        })
    }

    #[test]
    fn minimal_record() {
        let record = check_record(&minimal(), Licences::Profile).unwrap();
        assert_eq!(record.language.as_deref(), Some("de"));
        assert_eq!(record.types, ["LearningResource"]);
    }

    #[test]
    fn draft_context_is_accepted() {
        let mut value = minimal();
        value["@context"][0] = json!("https://w3id.org/kim/amb/draft/context.jsonld");
        assert!(check_record(&value, Licences::Profile).is_ok());
    }

    #[test]
    fn all_problems_are_reported() {
        let value = json!({"@context": "https://schema.org", "type": "Course", "license": "x"});
        let problems = check_record(&value, Licences::Profile).unwrap_err();
        let paths: Vec<&str> = problems.iter().map(|p| p.path.as_str()).collect();
        assert_eq!(paths, ["@context", "id", "name", "type", "license"]);
    }

    #[test]
    fn any_licence_iri_when_the_importer_checks_licences() {
        let mut value = minimal();
        value["license"] = json!({"id": "https://www.mozilla.org/MPL/2.0/"});
        let problems = check_record(&value, Licences::Profile).unwrap_err();
        assert_eq!(problems[0].path, "license.id");
        let record = check_record(&value, Licences::AnyIri).unwrap();
        assert_eq!(
            record.licence.as_deref(),
            Some("https://www.mozilla.org/MPL/2.0/")
        );
        value["license"] = json!({"id": "no licence"});
        let problems = check_record(&value, Licences::AnyIri).unwrap_err();
        assert_eq!(problems[0].path, "license.id", "still an IRI");
    }

    #[test]
    fn not_an_object_is_a_problem() {
        let problems = check_record(&json!([1]), Licences::Profile).unwrap_err();
        assert_eq!(problems.len(), 1);
        assert_eq!(
            problems[0].to_string(),
            "$: must be a JSON object describing one learning resource, found an array"
        );
    }
}
