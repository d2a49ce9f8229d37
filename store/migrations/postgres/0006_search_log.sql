-- Searches as people typed them, without who or from where, so that
-- authors can see what was looked for and not found.
CREATE TABLE search_log (
    id BIGSERIAL PRIMARY KEY,
    query TEXT NOT NULL,
    -- The interface language of the search.
    lang TEXT NOT NULL,
    -- Facet values chosen, as group/value lines.
    filters TEXT NOT NULL DEFAULT '',
    results BIGINT NOT NULL,
    created_at TEXT NOT NULL
);
CREATE INDEX search_log_created ON search_log (created_at);
