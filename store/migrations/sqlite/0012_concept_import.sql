-- Topics imported from a partner's SKOS concept scheme: the partner's
-- concept each came from (one topic per concept), its exact and close
-- matches elsewhere, and its definitions per language.
CREATE TABLE concept_sources (
    concept_id TEXT PRIMARY KEY REFERENCES concepts (id) ON DELETE CASCADE,
    iri TEXT NOT NULL UNIQUE,
    imported_at TEXT NOT NULL
);

CREATE TABLE concept_matches (
    concept_id TEXT NOT NULL REFERENCES concepts (id) ON DELETE CASCADE,
    kind TEXT NOT NULL CHECK (kind IN ('exact', 'close')),
    iri TEXT NOT NULL,
    PRIMARY KEY (concept_id, kind, iri)
);

CREATE TABLE concept_definitions (
    concept_id TEXT NOT NULL REFERENCES concepts (id) ON DELETE CASCADE,
    lang TEXT NOT NULL,
    text TEXT NOT NULL,
    PRIMARY KEY (concept_id, lang)
);
