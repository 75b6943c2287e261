-- Service notes: what the counter should remember about a member. A
-- request or a complaint stays open until it is resolved with what was
-- done; resolving adds to the note and never rewrites its text, so the
-- history of a problem and its answer stays readable.
CREATE TABLE notes (
    id           INTEGER PRIMARY KEY,
    member_id    INTEGER NOT NULL REFERENCES members(id) ON DELETE CASCADE,
    kind         TEXT NOT NULL CHECK (kind IN ('note', 'request', 'complaint')),
    text         TEXT NOT NULL CHECK (length(trim(text)) > 0),
    by           TEXT NOT NULL,   -- counter, cli
    at           TEXT NOT NULL,   -- YYYY-MM-DD HH:MM:SS
    resolved_at  TEXT,
    resolution   TEXT,
    -- Only requests and complaints are resolved, and always with words.
    CHECK ((resolved_at IS NULL) = (resolution IS NULL)),
    CHECK (resolved_at IS NULL OR kind <> 'note')
);
CREATE INDEX notes_member ON notes(member_id, at);
-- The open ones, for the counter's marker and the weekly review.
CREATE INDEX notes_open ON notes(member_id) WHERE resolved_at IS NULL AND kind <> 'note';
