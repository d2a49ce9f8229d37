//! Example SPARQL queries over the mapping of this crate, shown on the data
//! page (titles are interface strings, `title_key`) and run against the demo
//! dump by the tests, so that a change of the mapping cannot leave them
//! answering nothing.

/// An example query: `{base}` is the instance's base URL, `{lang}` the
/// reader's language.
pub struct Example {
    pub id: &'static str,
    pub title_key: &'static str,
    pub query: &'static str,
}

pub const EXAMPLES: [Example; 11] = [
    Example {
        id: "topic-resources",
        title_key: "data-example-topic-resources",
        query: r#"PREFIX schema: <http://schema.org/>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
# Resources about system administration or any narrower topic,
# with their titles in every language they are published in.
SELECT ?resource ?title ?topic WHERE {
  ?resource a schema:LearningResource ;
            schema:about ?concept ;
            schema:name ?title .
  ?concept skos:broader* <{base}/library/topics/system-administration> ;
           skos:prefLabel ?topic .
  FILTER(lang(?topic) = "{lang}")
}
ORDER BY ?topic ?resource"#,
    },
    Example {
        id: "per-topic-language",
        title_key: "data-example-per-topic-language",
        query: r#"PREFIX schema: <http://schema.org/>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
# How many resources can be read in each language, per topic.
SELECT ?topic ?language (COUNT(DISTINCT ?resource) AS ?resources) WHERE {
  ?resource schema:about ?concept ;
            schema:inLanguage ?language .
  ?concept skos:prefLabel ?topic .
  FILTER(lang(?topic) = "{lang}")
}
GROUP BY ?topic ?language
ORDER BY ?topic ?language"#,
    },
    Example {
        id: "course-citations",
        title_key: "data-example-course-citations",
        query: r#"PREFIX schema: <http://schema.org/>
# The lessons of each course that cite resources of the library.
SELECT ?course ?lesson ?resource ?title WHERE {
  ?course schema:courseCode ?code ;
          schema:hasPart/schema:hasPart ?lesson .
  ?lesson schema:citation ?resource .
  ?resource schema:name ?title .
}
ORDER BY ?course ?lesson"#,
    },
    Example {
        id: "untranslated",
        title_key: "data-example-untranslated",
        query: r#"PREFIX schema: <http://schema.org/>
# Library resources not yet published in this language, with the
# languages they can be read in: what translators could take on.
SELECT ?resource (SAMPLE(?name) AS ?title)
       (GROUP_CONCAT(DISTINCT ?language; separator=", ") AS ?languages)
WHERE {
  ?resource schema:publisher ?partner ;
            schema:name ?name ;
            schema:inLanguage ?language .
  FILTER NOT EXISTS { ?resource schema:inLanguage "{lang}" }
}
GROUP BY ?resource
ORDER BY ?resource"#,
    },
    Example {
        id: "partner-contributions",
        title_key: "data-example-partner-contributions",
        query: r#"PREFIX schema: <http://schema.org/>
# Each partner with the number of resources it published
# (the directory's providers, organisations too, serve areas).
SELECT ?partner ?name (COUNT(DISTINCT ?resource) AS ?resources) WHERE {
  ?partner a schema:Organization ;
           schema:name ?name .
  FILTER NOT EXISTS { ?partner schema:areaServed ?area }
  OPTIONAL { ?resource schema:publisher ?partner }
}
GROUP BY ?partner ?name
ORDER BY DESC(?resources) ?name"#,
    },
    Example {
        id: "topic-tree",
        title_key: "data-example-topic-tree",
        query: r#"PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
# The topic scheme: each topic with its broader topic.
SELECT ?topic ?label ?broader WHERE {
  ?topic a skos:Concept ;
         skos:prefLabel ?label .
  FILTER(lang(?label) = "{lang}")
  OPTIONAL {
    ?topic skos:broader ?b .
    ?b skos:prefLabel ?broader .
    FILTER(lang(?broader) = "{lang}")
  }
}
ORDER BY ?broader ?label"#,
    },
    Example {
        id: "licences",
        title_key: "data-example-licences",
        query: r#"PREFIX schema: <http://schema.org/>
# Library resources per licence.
SELECT ?licence (COUNT(DISTINCT ?resource) AS ?resources) WHERE {
  ?resource schema:publisher ?partner ;
            schema:license ?licence .
}
GROUP BY ?licence
ORDER BY DESC(?resources)"#,
    },
    Example {
        id: "course-outline",
        title_key: "data-example-course-outline",
        query: r#"PREFIX schema: <http://schema.org/>
# The outline of a course: modules and lessons in order, titled in this
# language when there is a translation, else in the original.
SELECT ?module ?lesson ?title WHERE {
  <{base}/courses/mooc-chatons> schema:hasPart ?module .
  ?module schema:position ?m ;
          schema:hasPart ?lesson .
  ?lesson schema:position ?l .
  OPTIONAL { ?lesson schema:name ?here FILTER(lang(?here) = "{lang}") }
  OPTIONAL { ?lesson schema:name ?original FILTER(lang(?original) = "fr") }
  BIND(COALESCE(?here, ?original) AS ?title)
}
ORDER BY ?m ?l"#,
    },
    Example {
        id: "latest",
        title_key: "data-example-latest",
        query: r#"PREFIX schema: <http://schema.org/>
# The ten resources published last.
SELECT ?resource (SAMPLE(?name) AS ?title) ?published WHERE {
  ?resource schema:datePublished ?published ;
            schema:name ?name .
}
GROUP BY ?resource ?published
ORDER BY DESC(?published)
LIMIT 10"#,
    },
    Example {
        id: "ask-croatian",
        title_key: "data-example-ask-croatian",
        query: r#"PREFIX schema: <http://schema.org/>
# Is there a resource about backups that can be read in Croatian?
ASK {
  ?resource schema:about <{base}/library/topics/backups> ;
            schema:inLanguage "hr" .
}"#,
    },
    Example {
        id: "describe-topic",
        title_key: "data-example-describe-topic",
        query: r#"# Everything said about one topic, as a graph.
DESCRIBE <{base}/library/topics/backups>"#,
    },
];

impl Example {
    pub fn text(&self, base: &str, lang: &str) -> String {
        self.query.replace("{base}", base).replace("{lang}", lang)
    }
}
