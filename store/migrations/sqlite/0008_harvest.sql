-- Sources that administrators registered for harvesting (another Archipel
-- instance, an RDF dump, an OAI-PMH provider) and the record of each run.
-- What a source gave is kept in the RDF store, in a named graph per source.
CREATE TABLE harvest_sources (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    kind TEXT NOT NULL CHECK (kind IN ('rdf-dump', 'archipel', 'oai-pmh')),
    url TEXT NOT NULL,
    label TEXT NOT NULL,
    -- The partner the harvested entries are credited to, if any.
    organisation_id INTEGER REFERENCES organisations (id) ON DELETE SET NULL,
    enabled BIGINT NOT NULL DEFAULT 1 CHECK (enabled IN (0, 1)),
    -- Hours between scheduled runs; 0 means on demand only.
    interval_hours BIGINT NOT NULL DEFAULT 0 CHECK (interval_hours >= 0),
    created_at TEXT NOT NULL
);

CREATE TABLE harvest_runs (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    source_id INTEGER NOT NULL REFERENCES harvest_sources (id) ON DELETE CASCADE,
    started_at TEXT NOT NULL,
    finished_at TEXT NOT NULL,
    status TEXT NOT NULL CHECK (status IN ('ok', 'failed', 'unchanged')),
    -- Quads (or records) kept, and how many were rejected.
    kept BIGINT NOT NULL DEFAULT 0,
    rejected BIGINT NOT NULL DEFAULT 0,
    -- JSON: what was rejected and why, or why the run failed.
    report TEXT NOT NULL DEFAULT '{}',
    -- The source's validators, sent back on the next run.
    etag TEXT,
    last_modified TEXT
);
CREATE INDEX harvest_runs_source ON harvest_runs (source_id, id);
