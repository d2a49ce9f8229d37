-- The shared-resource library (SQLite): resources contributed by partner
-- organisations, their texts in several languages, topics from the concept
-- scheme, files, the history of every change and translation requests.

-- The topic scheme: seeded from content/topics.toml, extended by admins.
CREATE TABLE concepts (
    id TEXT PRIMARY KEY,
    broader TEXT REFERENCES concepts (id),
    -- 'scheme' (from the content folder) or 'admin' (added on the instance).
    source TEXT NOT NULL DEFAULT 'admin' CHECK (source IN ('scheme', 'admin')),
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
);

-- Preferred labels (alt = 0) and other names people search by (alt = 1).
CREATE TABLE concept_labels (
    concept_id TEXT NOT NULL REFERENCES concepts (id) ON DELETE CASCADE,
    lang TEXT NOT NULL,
    label TEXT NOT NULL,
    alt INTEGER NOT NULL DEFAULT 0 CHECK (alt IN (0, 1)),
    PRIMARY KEY (concept_id, lang, alt, label)
);

CREATE TABLE resources (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    -- The stable public id, part of the resource's URI; never changes.
    uid TEXT NOT NULL UNIQUE,
    kind TEXT NOT NULL CHECK (kind IN ('guide', 'video', 'workshop-kit', 'article', 'tool',
        'course', 'podcast', 'dataset')),
    original_language TEXT NOT NULL,
    audience TEXT NOT NULL DEFAULT '',
    educational_level TEXT NOT NULL DEFAULT '',
    -- A licence URI, or 'all-rights-reserved'.
    licence TEXT NOT NULL,
    country TEXT NOT NULL,
    organisation_id INTEGER NOT NULL REFERENCES organisations (id),
    -- One author per line.
    authors TEXT NOT NULL DEFAULT '',
    -- When the resource itself was made (YYYY, YYYY-MM or YYYY-MM-DD).
    date_created TEXT NOT NULL DEFAULT '',
    url TEXT NOT NULL DEFAULT '',
    thumbnail TEXT,
    status TEXT NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'submitted',
        'changes-requested', 'published', 'unpublished', 'withdrawn')),
    -- Why it was unpublished or withdrawn.
    status_reason TEXT NOT NULL DEFAULT '',
    views INTEGER NOT NULL DEFAULT 0,
    created_by INTEGER REFERENCES users (id) ON DELETE SET NULL,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    published_at TEXT
);
CREATE INDEX resources_status ON resources (status, published_at);
CREATE INDEX resources_organisation ON resources (organisation_id);

-- Title and description per language. The original's status follows the
-- resource; a translation added later goes through review on its own.
CREATE TABLE resource_texts (
    resource_id INTEGER NOT NULL REFERENCES resources (id) ON DELETE CASCADE,
    lang TEXT NOT NULL,
    title TEXT NOT NULL,
    description TEXT NOT NULL DEFAULT '',
    origin TEXT NOT NULL CHECK (origin IN ('original', 'human', 'machine-assisted')),
    status TEXT NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'submitted',
        'changes-requested', 'published')),
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    PRIMARY KEY (resource_id, lang)
);

CREATE TABLE resource_topics (
    resource_id INTEGER NOT NULL REFERENCES resources (id) ON DELETE CASCADE,
    concept_id TEXT NOT NULL REFERENCES concepts (id),
    PRIMARY KEY (resource_id, concept_id)
);
CREATE INDEX resource_topics_concept ON resource_topics (concept_id);

CREATE TABLE resource_files (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    resource_id INTEGER NOT NULL REFERENCES resources (id) ON DELETE CASCADE,
    -- Generated name under the data folder; never the uploader's.
    stored_name TEXT NOT NULL UNIQUE,
    -- The uploader's file name, cleaned, for Content-Disposition.
    file_name TEXT NOT NULL,
    media_type TEXT NOT NULL,
    bytes INTEGER NOT NULL,
    created_at TEXT NOT NULL
);

-- Who did what and when, for every change; review comments live here too.
CREATE TABLE resource_events (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    resource_id INTEGER NOT NULL REFERENCES resources (id) ON DELETE CASCADE,
    user_id INTEGER REFERENCES users (id) ON DELETE SET NULL,
    action TEXT NOT NULL,
    -- The language concerned, for translation events.
    lang TEXT NOT NULL DEFAULT '',
    -- A comment (review, reason) or a summary of the change.
    detail TEXT NOT NULL DEFAULT '',
    created_at TEXT NOT NULL
);
CREATE INDEX resource_events_resource ON resource_events (resource_id, id);

CREATE TABLE translation_requests (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    resource_id INTEGER NOT NULL REFERENCES resources (id) ON DELETE CASCADE,
    lang TEXT NOT NULL,
    requested_by INTEGER REFERENCES users (id) ON DELETE SET NULL,
    -- The partner that took it on.
    taken_by INTEGER REFERENCES organisations (id) ON DELETE SET NULL,
    status TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'taken', 'done', 'cancelled')),
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
);
CREATE INDEX translation_requests_open ON translation_requests (status, lang);
