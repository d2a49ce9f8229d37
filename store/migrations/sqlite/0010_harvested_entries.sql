-- Library entries mapped from what harvest sources gave: one per described
-- thing (by its IRI) and source, replaced by each successful run, removed
-- with their source. Lists (languages, keywords, creators) are text with one
-- value per line.
CREATE TABLE harvested_entries (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    source_id INTEGER NOT NULL REFERENCES harvest_sources (id) ON DELETE CASCADE,
    -- The subject IRI at the source: what "See the original" links to.
    original_uri TEXT NOT NULL,
    -- A landing page, when the source gives one besides the IRI.
    url TEXT,
    -- A library kind code (guide, video, article…) when the source's type maps.
    kind TEXT,
    licence TEXT,
    languages TEXT NOT NULL DEFAULT '',
    keywords TEXT NOT NULL DEFAULT '',
    creators TEXT NOT NULL DEFAULT '',
    issued TEXT,
    modified TEXT,
    harvested_at TEXT NOT NULL,
    UNIQUE (source_id, original_uri)
);

-- An entry's title and description in one language.
CREATE TABLE harvested_entry_texts (
    entry_id INTEGER NOT NULL REFERENCES harvested_entries (id) ON DELETE CASCADE,
    lang TEXT NOT NULL,
    title TEXT NOT NULL,
    description TEXT NOT NULL DEFAULT '',
    position BIGINT NOT NULL DEFAULT 0,
    PRIMARY KEY (entry_id, lang)
);
