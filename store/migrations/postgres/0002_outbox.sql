-- Changes to project into the derived stores (search index, RDF), written in the
-- same transaction as the change itself. Each app node keeps its own cursor.
CREATE TABLE outbox (
    id BIGSERIAL PRIMARY KEY,
    entity TEXT NOT NULL,
    entity_id TEXT NOT NULL,
    created_at TEXT NOT NULL
);
