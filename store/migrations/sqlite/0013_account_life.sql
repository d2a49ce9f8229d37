-- Account life (SQLite): verified addresses, one-time tokens sent by e-mail
-- (address verification, password reset, address change) and the queue of
-- outgoing e-mail that every kind of message goes through.

-- When the account proved it reads its address; NULL until then. Accounts
-- made before verification existed were vouched for by their operators.
ALTER TABLE users ADD COLUMN email_verified_at TEXT;
UPDATE users SET email_verified_at = created_at;

-- A token sent by e-mail. Only its SHA-256 is kept; it works once, before
-- it expires, for the address it was sent to.
CREATE TABLE account_tokens (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    user_id INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    purpose TEXT NOT NULL CHECK (purpose IN ('verify-email', 'reset-password', 'change-email')),
    token_hash TEXT NOT NULL UNIQUE,
    -- The address the token was sent to (the new one for a change).
    email TEXT NOT NULL,
    created_at TEXT NOT NULL,
    expires_at TEXT NOT NULL,
    used_at TEXT
);
CREATE INDEX account_tokens_user ON account_tokens (user_id, purpose, created_at);

-- Outgoing messages, written in the recipient's language when the event
-- happens and sent by whichever app node claims them first. One message
-- per event and address: the same event queued twice stays one row.
CREATE TABLE mail_queue (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    event_key TEXT NOT NULL,
    recipient TEXT NOT NULL,
    subject TEXT NOT NULL,
    body TEXT NOT NULL,
    -- The one-click unsubscribe address (RFC 8058), empty for messages one
    -- cannot unsubscribe from (a password reset).
    unsubscribe_url TEXT NOT NULL DEFAULT '',
    -- 1 when the body holds a one-time link: wiped once sent or given up.
    secret INTEGER NOT NULL DEFAULT 0 CHECK (secret IN (0, 1)),
    created_at TEXT NOT NULL,
    attempts INTEGER NOT NULL DEFAULT 0,
    next_attempt_at TEXT NOT NULL,
    sent_at TEXT,
    UNIQUE (event_key, recipient)
);
CREATE INDEX mail_queue_due ON mail_queue (sent_at, next_attempt_at);
