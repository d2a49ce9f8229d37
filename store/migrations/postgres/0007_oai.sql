-- What the OAI-PMH provider needs to report deletions persistently: when a
-- published resource left the public library (unpublished, withdrawn, or
-- sent back to review), written by the same transaction as that step and
-- cleared when it is published again. Resources already gone take the time
-- of their last unpublished or withdrawn step from their history.
ALTER TABLE resources ADD COLUMN left_at TEXT;
UPDATE resources SET left_at = COALESCE(
    (SELECT MAX(e.created_at) FROM resource_events e
     WHERE e.resource_id = resources.id AND e.action IN ('unpublished', 'withdrawn')),
    updated_at)
WHERE status <> 'published' AND published_at IS NOT NULL;

-- A record's datestamp is its resource's newest change in the outbox.
CREATE INDEX outbox_entity ON outbox (entity, entity_id, created_at);
