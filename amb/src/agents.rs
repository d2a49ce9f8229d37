//! People and organisations: creators, contributors, publishers, funders,
//! affiliations and providers.

use serde_json::Value;

use crate::check::Checker;

/// How a list of people or organisations is checked.
#[derive(Debug, Clone, Copy)]
pub(crate) struct AgentRule {
    /// The values allowed for each entry's required `type`.
    pub(crate) types: &'static [&'static str],
    /// Whether `honorificPrefix` and `affiliation` are checked.
    pub(crate) personal_details: bool,
}

/// `creator` and `contributor`.
pub(crate) const CREATOR: AgentRule = AgentRule {
    types: &["Person", "Organization"],
    personal_details: true,
};

/// `publisher`.
pub(crate) const PUBLISHER: AgentRule = AgentRule {
    types: &["Organization", "Person"],
    personal_details: false,
};

/// `funder`.
pub(crate) const FUNDER: AgentRule = AgentRule {
    types: &["Person", "FundingScheme", "Organization"],
    personal_details: false,
};

/// Checks an array of people or organisations, giving their names.
pub(crate) fn agents(
    ck: &mut Checker,
    value: &Value,
    path: &str,
    rule: AgentRule,
) -> Option<Vec<String>> {
    ck.each(
        value,
        path,
        "an array of objects, each with a \"name\" and a \"type\"",
        |ck, v, p| agent(ck, v, p, rule),
    )
}

/// Checks one person or organisation, giving its name.
fn agent(ck: &mut Checker, value: &Value, path: &str, rule: AgentRule) -> Option<String> {
    let node = ck.object(value, path, "an object with a \"name\" and a \"type\"")?;
    let name = ck.required(&node, "name", Checker::owned_string);
    ck.required(&node, "type", |ck, v, p| {
        ck.one_of(v, p, rule.types).map(drop)
    });
    ck.optional(&node, "id", |ck, v, p| ck.iri(v, p).map(drop));
    if rule.personal_details {
        ck.optional(&node, "honorificPrefix", |ck, v, p| {
            ck.string(v, p).map(drop)
        });
        ck.optional(&node, "affiliation", affiliation);
    }
    name
}

/// Checks the organisation a person was affiliated with.
fn affiliation(ck: &mut Checker, value: &Value, path: &str) -> Option<()> {
    let node = ck.object(
        value,
        path,
        "an object with a \"name\" and the type \"Organization\"",
    )?;
    ck.required(&node, "name", |ck, v, p| ck.string(v, p).map(drop));
    ck.required(&node, "type", |ck, v, p| {
        ck.one_of(v, p, &["Organization"]).map(drop)
    });
    ck.optional(&node, "id", |ck, v, p| ck.iri(v, p).map(drop));
    Some(())
}

/// Checks the source that provides a resource or its metadata.
pub(crate) fn provider(ck: &mut Checker, value: &Value, path: &str) -> Option<()> {
    let node = ck.object(value, path, "an object with an \"id\" IRI")?;
    ck.required(&node, "id", |ck, v, p| ck.iri(v, p).map(drop));
    ck.optional(&node, "type", |ck, v, p| ck.string(v, p).map(drop));
    ck.optional(&node, "name", |ck, v, p| ck.string(v, p).map(drop));
    Some(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn names_of_valid_agents() {
        let mut ck = Checker::default();
        let value = json!([
            {"name": "Hans", "type": "Person", "affiliation": {"name": "Uni", "type": "Organization"}},
            {"name": "Tutory", "type": "Organization", "id": "https://www.tutory.de"}
        ]);
        let names = agents(&mut ck, &value, "creator", CREATOR).unwrap();
        assert_eq!(names, ["Hans", "Tutory"]);
        assert!(ck.problems.is_empty(), "{:?}", ck.problems);
    }

    #[test]
    fn agent_problems() {
        let mut ck = Checker::default();
        let value = json!([
            {"type": "Offer", "id": "not an iri", "name": "Programme"},
            {"name": "Caro", "type": "Person", "affiliation": {"name": "TH", "type": "Person"}},
            "Jane"
        ]);
        agents(&mut ck, &value, "funder", FUNDER);
        agents(&mut ck, &value, "creator", CREATOR);
        let shown: Vec<String> = ck.problems.iter().map(ToString::to_string).collect();
        assert!(shown[0].starts_with(
            "funder[0].type: must be \"Person\", \"FundingScheme\" or \"Organization\""
        ));
        assert!(shown[1].starts_with("funder[0].id: must be an absolute IRI"));
        assert!(shown.contains(
            &"creator[1].affiliation.type: must be \"Organization\", found \"Person\"".to_owned()
        ));
        assert!(
            shown.contains(
                &"creator[2]: must be an object with a \"name\" and a \"type\", found a string"
                    .to_owned()
            )
        );
    }
}
