-- Lesson discussions (SQLite): questions and comments under a lesson (one
-- list for all its language versions, each post tagged with its language),
-- replies one level deep, reports, moderation with its history, and the
-- notifications they give rise to.

CREATE TABLE posts (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    course TEXT NOT NULL,
    -- The lesson's content id: the same for every language version.
    lesson TEXT NOT NULL,
    -- The question or comment a reply answers; NULL for a thread's start.
    parent_id INTEGER REFERENCES posts (id) ON DELETE CASCADE,
    -- NULL once the author deleted their account: "a former learner".
    author_id INTEGER REFERENCES users (id) ON DELETE SET NULL,
    lang TEXT NOT NULL,
    kind TEXT NOT NULL CHECK (kind IN ('question', 'comment', 'reply')),
    -- Markdown, rendered by the lessons' safe renderer when shown.
    body TEXT NOT NULL,
    -- visible; pending (waits for a moderator's approval); hidden (by a
    -- moderator, with a note); deleted (by its author, or removed by a
    -- moderator: the text is emptied).
    status TEXT NOT NULL DEFAULT 'visible' CHECK (status IN ('visible', 'pending', 'hidden', 'deleted')),
    status_note TEXT NOT NULL DEFAULT '',
    -- Who deleted it: 'author' or 'moderator' (status deleted only).
    deleted_by TEXT,
    pinned INTEGER NOT NULL DEFAULT 0 CHECK (pinned IN (0, 1)),
    -- On a question: the reply its course's authors accepted.
    accepted_id INTEGER REFERENCES posts (id) ON DELETE SET NULL,
    created_at TEXT NOT NULL,
    edited_at TEXT,
    -- The last activity of the thread (a reply moves it up the list).
    active_at TEXT NOT NULL
);
CREATE INDEX posts_lesson ON posts (lesson, parent_id, active_at);
CREATE INDEX posts_course ON posts (course, kind, status);
CREATE INDEX posts_author ON posts (author_id, created_at);
CREATE INDEX posts_parent ON posts (parent_id);

CREATE TABLE post_reports (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    post_id INTEGER NOT NULL REFERENCES posts (id) ON DELETE CASCADE,
    reporter_id INTEGER REFERENCES users (id) ON DELETE SET NULL,
    reason TEXT NOT NULL,
    created_at TEXT NOT NULL,
    -- Set when a moderator acted on the post (or dismissed the report).
    resolved_at TEXT,
    UNIQUE (post_id, reporter_id)
);
CREATE INDEX post_reports_open ON post_reports (resolved_at, post_id);

-- Every moderation action, for the history a moderator reads.
CREATE TABLE moderation_events (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    post_id INTEGER NOT NULL REFERENCES posts (id) ON DELETE CASCADE,
    moderator_id INTEGER REFERENCES users (id) ON DELETE SET NULL,
    action TEXT NOT NULL CHECK (action IN ('approve', 'hide', 'restore', 'remove', 'dismiss',
        'accept', 'unaccept', 'pin', 'unpin')),
    note TEXT NOT NULL DEFAULT '',
    created_at TEXT NOT NULL
);
CREATE INDEX moderation_events_post ON moderation_events (post_id, created_at);
CREATE INDEX moderation_events_time ON moderation_events (created_at);

-- Per course: whether new accounts' first posts wait for approval, and the
-- accounts who author it (they moderate its discussions and hear of new
-- questions).
CREATE TABLE course_discussion (
    course TEXT PRIMARY KEY,
    premoderation INTEGER NOT NULL DEFAULT 0 CHECK (premoderation IN (0, 1)),
    updated_at TEXT NOT NULL
);
CREATE TABLE course_authors (
    course TEXT NOT NULL,
    user_id INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    created_at TEXT NOT NULL,
    PRIMARY KEY (course, user_id)
);
CREATE INDEX course_authors_user ON course_authors (user_id);

-- What happened that someone should know: shown in the bell, and sent by
-- e-mail (at once or in the daily digest) unless its kind is switched off.
CREATE TABLE notifications (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    user_id INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    kind TEXT NOT NULL,
    -- What it is about, unique per recipient: the same event never
    -- notifies twice.
    event_key TEXT NOT NULL,
    -- Who did it (a display name, as it was) and what about (a title).
    actor TEXT NOT NULL DEFAULT '',
    subject TEXT NOT NULL DEFAULT '',
    -- A moderator's note, when there is one.
    note TEXT NOT NULL DEFAULT '',
    -- The path under the language prefix: /courses/…#post-12.
    link TEXT NOT NULL,
    created_at TEXT NOT NULL,
    read_at TEXT,
    -- When it went out by e-mail (at once or in a digest); NULL: not yet,
    -- or never (e-mail off for its kind).
    mailed_at TEXT,
    UNIQUE (user_id, event_key)
);
CREATE INDEX notifications_user ON notifications (user_id, read_at, created_at);
CREATE INDEX notifications_unmailed ON notifications (mailed_at, created_at);

-- A person's choices per kind of notification: shown in the bell or not,
-- e-mail off, at once or in a daily digest. No row: the kind's default.
CREATE TABLE notification_settings (
    user_id INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    kind TEXT NOT NULL,
    in_app INTEGER NOT NULL DEFAULT 1 CHECK (in_app IN (0, 1)),
    email TEXT NOT NULL DEFAULT 'instant' CHECK (email IN ('off', 'instant', 'digest')),
    PRIMARY KEY (user_id, kind)
);

-- The key in a person's unsubscribe links, made with their first e-mail
-- notification. It lets one switch a kind of e-mail off, nothing else, so
-- it is kept as it is (each message must carry it).
ALTER TABLE users ADD COLUMN unsubscribe_key TEXT;
CREATE UNIQUE INDEX users_unsubscribe_key ON users (unsubscribe_key);
