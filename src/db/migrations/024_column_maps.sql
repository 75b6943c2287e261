-- Which column is what in a till export the app has no format for, as the
-- owner said once (`import --map` or the mapping step). Keyed by the
-- file's header, folded as the import compares column names, so the next
-- export of the same till imports with no questions.
CREATE TABLE column_maps (
    header_key  TEXT PRIMARY KEY,
    map         TEXT NOT NULL,
    saved_at    TEXT NOT NULL
) WITHOUT ROWID;
