//! The query mix: what visitors of the open data page and harvesters ask,
//! most of it after `linked_data::examples::EXAMPLES`. `{base}`, `{lang}`,
//! `{uid}`, `{topic}` and `{partner}` change from one run to the next.
//!
//! Without Oxigraph's optimiser (see ARCHITECTURE), a group of patterns is
//! evaluated as the product of every solution of one pattern with every
//! solution of the next, in the order written. Two of the mix's questions
//! keep their natural form although they cost seconds that way ("topic +
//! language", "untranslated"); several examples of the data page, which join
//! two unselective patterns (`?r schema:about ?c ; schema:inLanguage ?l`),
//! run past any timeout over 100 000 resources, so the bench runs them once
//! each on their own and the mix asks the same questions in forms that
//! finish.

use linked_data::examples::{EXAMPLES, Example};

/// What a query answers.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Answer {
    /// SELECT or ASK: SPARQL results in JSON.
    Results,
    /// CONSTRUCT or DESCRIBE: N-Triples.
    Graph,
}

/// A query's text: its own (with the usual prefixes), or one of the data
/// page's examples as they are.
pub enum Text {
    Own(&'static str),
    Example(&'static str),
}

pub struct Query {
    pub name: &'static str,
    pub answer: Answer,
    pub text: Text,
}

const SCHEMA: &str = "PREFIX schema: <http://schema.org/>\n\
                      PREFIX skos: <http://www.w3.org/2004/02/skos/core#>\n";

/// The parameters of one run.
pub struct Params<'a> {
    pub base: &'a str,
    pub lang: &'a str,
    pub uid: &'a str,
    pub topic: &'a str,
    pub partner: &'a str,
}

impl Query {
    pub fn text(&self, p: &Params) -> String {
        match self.text {
            Text::Own(text) => {
                let text = text
                    .replace("{base}", p.base)
                    .replace("{lang}", p.lang)
                    .replace("{uid}", p.uid)
                    .replace("{topic}", p.topic)
                    .replace("{partner}", p.partner);
                format!("{SCHEMA}{text}")
            }
            Text::Example(id) => example(id).text(p.base, p.lang),
        }
    }
}

pub fn example(id: &str) -> &'static Example {
    EXAMPLES
        .iter()
        .find(|e| e.id == id)
        .unwrap_or_else(|| panic!("no example {id} on the data page"))
}

pub const MIX: [Query; 13] = [
    Query {
        name: "one resource by URI: titles",
        answer: Answer::Results,
        text: Text::Own(
            r#"SELECT ?title ?language WHERE {
  <{base}/library/resources/{uid}> schema:name ?title ;
                                   schema:inLanguage ?language .
  FILTER(lang(?title) = ?language)
}"#,
        ),
    },
    Query {
        name: "DESCRIBE one resource",
        answer: Answer::Graph,
        text: Text::Own("DESCRIBE <{base}/library/resources/{uid}>"),
    },
    Query {
        name: "topic + language, LIMIT 20",
        answer: Answer::Results,
        text: Text::Own(
            r#"SELECT ?resource ?title WHERE {
  ?resource schema:about <{base}/library/topics/{topic}> ;
            schema:inLanguage "{lang}" ;
            schema:name ?title .
  FILTER(lang(?title) = "{lang}")
}
LIMIT 20"#,
        ),
    },
    Query {
        name: "topic or narrower (broader*), count",
        answer: Answer::Results,
        text: Text::Own(
            r#"SELECT (COUNT(DISTINCT ?resource) AS ?resources) WHERE {
  ?concept skos:broader* <{base}/library/topics/{topic}> .
  ?resource schema:about ?concept .
}"#,
        ),
    },
    Query {
        name: "ASK topic in a language",
        answer: Answer::Results,
        text: Text::Own(
            r#"ASK {
  ?resource schema:about <{base}/library/topics/{topic}> ;
            schema:inLanguage "{lang}" .
}"#,
        ),
    },
    Query {
        name: "resources per topic (counts)",
        answer: Answer::Results,
        text: Text::Own(
            r#"SELECT ?concept (COUNT(?resource) AS ?resources) WHERE {
  ?resource schema:about ?concept .
}
GROUP BY ?concept
ORDER BY DESC(?resources)"#,
        ),
    },
    Query {
        name: "resources per language (counts)",
        answer: Answer::Results,
        text: Text::Own(
            r#"SELECT ?language (COUNT(?resource) AS ?resources) WHERE {
  ?resource schema:inLanguage ?language .
}
GROUP BY ?language
ORDER BY ?language"#,
        ),
    },
    Query {
        name: "partners and contributions (example)",
        answer: Answer::Results,
        text: Text::Example("partner-contributions"),
    },
    Query {
        name: "a partner's contributions (count)",
        answer: Answer::Results,
        text: Text::Own(
            r#"SELECT (COUNT(?resource) AS ?resources) WHERE {
  ?resource schema:publisher <{base}/partners/{partner}> .
}"#,
        ),
    },
    Query {
        name: "untranslated, LIMIT 20",
        answer: Answer::Results,
        text: Text::Own(
            r#"SELECT ?resource ?title WHERE {
  ?resource schema:publisher <{base}/partners/{partner}> ;
            schema:name ?title .
  FILTER NOT EXISTS { ?resource schema:inLanguage "{lang}" }
}
LIMIT 20"#,
        ),
    },
    Query {
        name: "latest 10 published",
        answer: Answer::Results,
        text: Text::Own(
            r#"SELECT ?resource ?published WHERE {
  ?resource schema:datePublished ?published .
}
ORDER BY DESC(?published)
LIMIT 10"#,
        ),
    },
    Query {
        name: "topic tree (example)",
        answer: Answer::Results,
        text: Text::Example("topic-tree"),
    },
    Query {
        name: "course outline (example)",
        answer: Answer::Results,
        text: Text::Example("course-outline"),
    },
];
