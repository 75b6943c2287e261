-- Two members found to be one person, merged: the one kept, the one merged
-- into it (no longer a member), when, and everything the merged member's
-- row held, so the owner can see later what came from where.
CREATE TABLE merges (
    id          INTEGER PRIMARY KEY,
    keep_id     INTEGER NOT NULL,
    drop_id     INTEGER NOT NULL,
    at          TEXT NOT NULL,    -- YYYY-MM-DD HH:MM:SS
    dropped     TEXT NOT NULL     -- the merged member's row as JSON
);
CREATE INDEX merges_keep ON merges(keep_id);
