-- no-transaction
-- A fourth kind of harvest source: another Archipel instance harvested
-- through its SPARQL endpoint. SQLite cannot change a CHECK constraint, so
-- the table is rebuilt (create, copy, drop, rename). Foreign keys are off
-- meanwhile, which is only possible outside a transaction: with them on,
-- dropping the old table would delete every run. The rebuild itself is one
-- transaction.
PRAGMA foreign_keys = OFF;

BEGIN;

CREATE TABLE harvest_sources_new (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    kind TEXT NOT NULL CHECK (kind IN ('rdf-dump', 'archipel', 'oai-pmh', 'archipel-sparql')),
    url TEXT NOT NULL,
    label TEXT NOT NULL,
    -- The partner the harvested entries are credited to, if any.
    organisation_id INTEGER REFERENCES organisations (id) ON DELETE SET NULL,
    enabled BIGINT NOT NULL DEFAULT 1 CHECK (enabled IN (0, 1)),
    -- Hours between scheduled runs; 0 means on demand only.
    interval_hours BIGINT NOT NULL DEFAULT 0 CHECK (interval_hours >= 0),
    created_at TEXT NOT NULL
);

INSERT INTO harvest_sources_new (id, kind, url, label, organisation_id, enabled, interval_hours, created_at)
    SELECT id, kind, url, label, organisation_id, enabled, interval_hours, created_at FROM harvest_sources;

DROP TABLE harvest_sources;

ALTER TABLE harvest_sources_new RENAME TO harvest_sources;

COMMIT;

PRAGMA foreign_keys = ON;
