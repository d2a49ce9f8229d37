-- Learners' progress through the courses of content/ (PostgreSQL). A learner is an
-- account or an anonymous visitor known by a cookie; an anonymous learner's
-- rows move to the account when they sign up or log in.
CREATE TABLE learners (
    id BIGSERIAL PRIMARY KEY,
    user_id BIGINT UNIQUE REFERENCES users (id) ON DELETE CASCADE,
    -- SHA-256 of the anonymous cookie's token, hex; NULL for accounts.
    token_hash TEXT UNIQUE,
    created_at TEXT NOT NULL,
    last_seen_at TEXT NOT NULL,
    CHECK ((user_id IS NULL) <> (token_hash IS NULL))
);
CREATE INDEX learners_last_seen_at ON learners (last_seen_at);

-- Lessons are named by their id in the content tree (the original file's
-- path), which stays the same whatever language they are read in.
CREATE TABLE lesson_progress (
    learner_id BIGINT NOT NULL REFERENCES learners (id) ON DELETE CASCADE,
    course TEXT NOT NULL,
    lesson TEXT NOT NULL,
    visited_at TEXT NOT NULL,
    done_at TEXT,
    PRIMARY KEY (learner_id, lesson)
);
CREATE INDEX lesson_progress_course ON lesson_progress (learner_id, course);

CREATE TABLE quiz_attempts (
    id BIGSERIAL PRIMARY KEY,
    learner_id BIGINT NOT NULL REFERENCES learners (id) ON DELETE CASCADE,
    course TEXT NOT NULL,
    lesson TEXT NOT NULL,
    language TEXT NOT NULL,
    score BIGINT NOT NULL,
    total BIGINT NOT NULL,
    -- The answers given, as JSON, to show the attempt again.
    answers TEXT NOT NULL,
    created_at TEXT NOT NULL
);
CREATE INDEX quiz_attempts_learner ON quiz_attempts (learner_id, lesson);

-- Issued once per account and course; the id is the public, unguessable part
-- of the certificate's URL. Name and title are kept as they were on the day.
CREATE TABLE certificates (
    id TEXT PRIMARY KEY,
    user_id BIGINT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    course TEXT NOT NULL,
    holder_name TEXT NOT NULL,
    course_title TEXT NOT NULL,
    language TEXT NOT NULL,
    issued_at TEXT NOT NULL,
    UNIQUE (user_id, course)
);
