-- A chain of shops: every row that travels between branches has a
-- chain-wide id (`uid`, a UUIDv7), and a change to one is written to an
-- outbox that the next sync pushes to the chain's server.
--
-- Receipts need no uid: the till already names them by (source, till_id),
-- so a till export imported in two branches is one receipt. What is
-- computed (tiers, points earned, bonuses, yearly figures, search words,
-- the list order) never travels: each branch works it out from the union.
--
-- The ids and the triggers that fill the outbox are not made here but by
-- the shop's first sync (src/db/sync_triggers.sql): they call the app's
-- clock (`regulars_now()`, `regulars_uid()`), which SQLite only knows on a
-- connection the app opened, and a single shop never needs them.
-- sync_mode.recording is off while a pull writes what other branches sent,
-- so pulled rows are never sent back.

CREATE TABLE sync_mode (
    only_row   INTEGER PRIMARY KEY CHECK (only_row = 1),
    recording  INTEGER NOT NULL
);
INSERT INTO sync_mode VALUES (1, 1);

-- One row per change; several changes of the same row are sent once.
-- kind: member (field = the field, '*' = all), erasure, receipt (key = the
-- local receipt id), or a travelling table's kind (key = the row's uid).
CREATE TABLE sync_outbox (
    seq    INTEGER PRIMARY KEY,
    kind   TEXT NOT NULL,
    key    TEXT NOT NULL,
    field  TEXT,
    at     TEXT               -- when it changed, by the app's clock
);
-- A pulled row waits while this shop has an unsent change of it.
CREATE INDEX sync_outbox_row ON sync_outbox(kind, key);

-- Where this shop stands: pull cursors per server table, the chain's name.
CREATE TABLE sync_state (
    name   TEXT PRIMARY KEY,
    value  TEXT NOT NULL
);

ALTER TABLE members ADD COLUMN uid TEXT;
CREATE UNIQUE INDEX members_uid ON members(uid);
ALTER TABLE children ADD COLUMN uid TEXT;
CREATE UNIQUE INDEX children_uid ON children(uid);
ALTER TABLE pets ADD COLUMN uid TEXT;
CREATE UNIQUE INDEX pets_uid ON pets(uid);
ALTER TABLE consents ADD COLUMN uid TEXT;
CREATE UNIQUE INDEX consents_uid ON consents(uid);
ALTER TABLE contact_log ADD COLUMN uid TEXT;
CREATE UNIQUE INDEX contact_log_uid ON contact_log(uid);
ALTER TABLE notes ADD COLUMN uid TEXT;
CREATE UNIQUE INDEX notes_uid ON notes(uid);
ALTER TABLE feedback ADD COLUMN uid TEXT;
CREATE UNIQUE INDEX feedback_uid ON feedback(uid);
ALTER TABLE survey_answers ADD COLUMN uid TEXT;
CREATE UNIQUE INDEX survey_answers_uid ON survey_answers(uid);
ALTER TABLE events ADD COLUMN uid TEXT;
CREATE UNIQUE INDEX events_uid ON events(uid);
-- Of the ledger only what a person did travels (a redemption, an
-- adjustment): earned points follow the receipts and bonuses follow the
-- rules, and every branch works those out from the union.
ALTER TABLE points ADD COLUMN uid TEXT;
CREATE UNIQUE INDEX points_uid ON points(uid);

-- What a pull could not do inside its own transaction (an erasure, a merge:
-- operations with transactions of their own), kept until done so that a
-- sync cut after the pull is finished by the next one.
CREATE TABLE sync_todo (
    seq    INTEGER PRIMARY KEY,
    kind   TEXT NOT NULL,
    key    TEXT NOT NULL,
    body   TEXT
);
