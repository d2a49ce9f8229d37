-- Where a course author comes from (SQLite): 'admin' (chosen on the moderation
-- page) or 'content' (the course's front matter, `author_accounts`, synchronised
-- whenever the content is loaded).
ALTER TABLE course_authors ADD COLUMN source TEXT NOT NULL DEFAULT 'admin' CHECK (source IN ('admin', 'content'));
