-- The providers directory (PostgreSQL): hosters, trainers and consultancies that
-- help associations move to ethical digital tools. A provider is not a partner
-- organisation: it has its own member accounts and its own review cycle.

CREATE TABLE providers (
    id BIGSERIAL PRIMARY KEY,
    -- The stable public id, part of the provider's URI; never changes.
    slug TEXT NOT NULL UNIQUE,
    -- Where the working version is in review. The public sees the version
    -- in provider_profiles with version = 'published', whatever this says.
    status TEXT NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'pending', 'published',
        'changes-pending', 'rejected')),
    -- The moderator's note of the last rejection.
    status_note TEXT NOT NULL DEFAULT '',
    -- Where help requests are delivered; never shown publicly, not reviewed.
    contact_email TEXT NOT NULL,
    created_by BIGINT REFERENCES users (id) ON DELETE SET NULL,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    submitted_at TEXT,
    reviewed_at TEXT,
    -- First publication, and the last time a member said the published
    -- profile is still right (approval counts): older than a year is due.
    published_at TEXT,
    confirmed_at TEXT
);
CREATE INDEX providers_status ON providers (status);
CREATE INDEX providers_confirmed ON providers (confirmed_at);

CREATE TABLE provider_members (
    provider_id BIGINT NOT NULL REFERENCES providers (id) ON DELETE CASCADE,
    user_id BIGINT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    created_at TEXT NOT NULL,
    PRIMARY KEY (provider_id, user_id)
);
CREATE INDEX provider_members_user ON provider_members (user_id);

-- A profile in two versions: 'working' (what the members edit) and
-- 'published' (the last approved, what the public sees).
CREATE TABLE provider_profiles (
    provider_id BIGINT NOT NULL REFERENCES providers (id) ON DELETE CASCADE,
    version TEXT NOT NULL CHECK (version IN ('working', 'published')),
    name TEXT NOT NULL,
    original_language TEXT NOT NULL,
    legal_form TEXT NOT NULL CHECK (legal_form IN ('association', 'cooperative', 'company',
        'individual', 'public', 'other')),
    remote BIGINT NOT NULL DEFAULT 0 CHECK (remote IN (0, 1)),
    on_site BIGINT NOT NULL DEFAULT 0 CHECK (on_site IN (0, 1)),
    chatons BIGINT NOT NULL DEFAULT 0 CHECK (chatons IN (0, 1)),
    website TEXT NOT NULL DEFAULT '',
    -- File name of the logo under the data folder's `uploads/logos/`.
    logo TEXT,
    updated_at TEXT NOT NULL,
    PRIMARY KEY (provider_id, version)
);

-- The description per language, for each version.
CREATE TABLE provider_texts (
    provider_id BIGINT NOT NULL REFERENCES providers (id) ON DELETE CASCADE,
    version TEXT NOT NULL CHECK (version IN ('working', 'published')),
    lang TEXT NOT NULL,
    description TEXT NOT NULL,
    PRIMARY KEY (provider_id, version, lang)
);

-- The coded lists of a version: kinds of help ('help'), hosted services
-- ('service'), languages spoken ('language'), price models ('price') and
-- charter commitments ('commitment'). Each code comes from a fixed
-- vocabulary checked by the store (languages are BCP 47 tags).
CREATE TABLE provider_codes (
    provider_id BIGINT NOT NULL REFERENCES providers (id) ON DELETE CASCADE,
    version TEXT NOT NULL CHECK (version IN ('working', 'published')),
    facet TEXT NOT NULL CHECK (facet IN ('help', 'service', 'language', 'price', 'commitment')),
    code TEXT NOT NULL,
    PRIMARY KEY (provider_id, version, facet, code)
);
CREATE INDEX provider_codes_filter ON provider_codes (version, facet, code);

-- Where a provider works: a country (ISO 3166-1 alpha-2) and optionally one
-- of its NUTS-1 regions ('' for the whole country).
CREATE TABLE provider_areas (
    provider_id BIGINT NOT NULL REFERENCES providers (id) ON DELETE CASCADE,
    version TEXT NOT NULL CHECK (version IN ('working', 'published')),
    country TEXT NOT NULL,
    region TEXT NOT NULL DEFAULT '',
    PRIMARY KEY (provider_id, version, country, region)
);
CREATE INDEX provider_areas_filter ON provider_areas (version, country, region);

-- Who did what and when; review notes live here too.
CREATE TABLE provider_events (
    id BIGSERIAL PRIMARY KEY,
    provider_id BIGINT NOT NULL REFERENCES providers (id) ON DELETE CASCADE,
    user_id BIGINT REFERENCES users (id) ON DELETE SET NULL,
    action TEXT NOT NULL,
    detail TEXT NOT NULL DEFAULT '',
    created_at TEXT NOT NULL
);
CREATE INDEX provider_events_provider ON provider_events (provider_id, id);

-- Messages that associations send to a provider through the directory. The
-- provider's address is never shown: the message is stored here and
-- delivered by mail.
CREATE TABLE help_requests (
    id BIGSERIAL PRIMARY KEY,
    provider_id BIGINT NOT NULL REFERENCES providers (id) ON DELETE CASCADE,
    -- The signed-in account that sent it, if any.
    sender_user_id BIGINT REFERENCES users (id) ON DELETE SET NULL,
    sender_name TEXT NOT NULL,
    sender_email TEXT NOT NULL,
    organisation TEXT NOT NULL DEFAULT '',
    message TEXT NOT NULL,
    -- The language the message is written in (the page's).
    lang TEXT NOT NULL,
    status TEXT NOT NULL DEFAULT 'new' CHECK (status IN ('new', 'read', 'answered', 'archived')),
    created_at TEXT NOT NULL,
    read_at TEXT,
    -- When the mail to the provider went out; NULL while it waits.
    delivered_at TEXT,
    delivery_attempts BIGINT NOT NULL DEFAULT 0
);
CREATE INDEX help_requests_provider ON help_requests (provider_id, id);
CREATE INDEX help_requests_undelivered ON help_requests (delivered_at, id);
