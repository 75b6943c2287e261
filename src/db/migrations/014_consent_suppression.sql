-- Keys this database keeps for itself, made once on first use. The
-- suppression list holds keyed hashes, so the list alone (a copy of the
-- table, a leaked export) does not give the numbers back.
CREATE TABLE secrets (
    name          TEXT PRIMARY KEY,
    value         BLOB NOT NULL
);

-- The full consent history of a member, oldest first, for the card.
CREATE INDEX consents_member_at ON consents(member_id, id);
