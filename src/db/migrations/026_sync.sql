-- A chain of shops: every row that travels between branches gets a
-- chain-wide id (`uid`), and a change to one is written to an outbox that
-- the next sync pushes to the chain's server.
--
-- Existing rows get a random UUID-shaped id here: SQLite has no UUID
-- function, and 122 random bits are as unique across the chain as the
-- UUIDv7 ids the app makes for new rows (`regulars_uid()`, from the
-- injected clock; see src/db/sync_clock.rs). Receipts need no uid: the till
-- already names them by (source, till_id), so a till export imported in two
-- branches is one receipt. What is computed (tiers, points earned, bonuses,
-- yearly figures, search words, the list order) never travels: each branch
-- works it out from the union.
--
-- Nothing is recorded until the shop first syncs (sync_mode.recording = 0),
-- so a single shop's outbox never grows. The first sync puts every row in
-- the outbox and turns recording on; a pull turns it off inside its own
-- transaction while it writes what other branches sent, so pulled rows are
-- never sent back.

CREATE TABLE sync_mode (
    only_row   INTEGER PRIMARY KEY CHECK (only_row = 1),
    recording  INTEGER NOT NULL
);
INSERT INTO sync_mode VALUES (1, 0);

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

-- Where this shop stands: pull cursors per server table, the chain's name.
CREATE TABLE sync_state (
    name   TEXT PRIMARY KEY,
    value  TEXT NOT NULL
);

ALTER TABLE members ADD COLUMN uid TEXT;
UPDATE members SET uid = lower(hex(randomblob(4))) || '-' || lower(hex(randomblob(2))) || '-4' || substr(lower(hex(randomblob(2))), 2) || '-' || substr('89ab', 1 + abs(random() % 4), 1) || substr(lower(hex(randomblob(2))), 2) || '-' || lower(hex(randomblob(6)));
CREATE UNIQUE INDEX members_uid ON members(uid);
CREATE TRIGGER members_sync_new AFTER INSERT ON members
BEGIN
    UPDATE members SET uid = regulars_uid() WHERE id = new.id AND uid IS NULL;
    INSERT INTO sync_outbox (kind, key, field, at)
    SELECT 'member', uid, '*', regulars_now() FROM members WHERE id = new.id AND (SELECT recording FROM sync_mode);
END;
-- Member details merge per field (last writer wins), so each changed
-- field is its own outbox row. An erased member's blanking is not sent:
-- the erasure is.
CREATE TRIGGER members_sync_fields AFTER UPDATE OF area, birth_day, birth_month, birth_year, card, email, family_name, first_name, language, note, phone, referred_by, tags ON members
WHEN new.erased_at IS NULL AND (SELECT recording FROM sync_mode)
BEGIN
    INSERT INTO sync_outbox (kind, key, field, at)
    SELECT 'member', new.uid, field, regulars_now() FROM (
        SELECT 'first_name' AS field WHERE new.first_name IS NOT old.first_name
        UNION ALL SELECT 'family_name' AS field WHERE new.family_name IS NOT old.family_name
        UNION ALL SELECT 'phone' AS field WHERE new.phone IS NOT old.phone
        UNION ALL SELECT 'email' AS field WHERE new.email IS NOT old.email
        UNION ALL SELECT 'birthday' AS field WHERE new.birth_month IS NOT old.birth_month OR new.birth_day IS NOT old.birth_day OR new.birth_year IS NOT old.birth_year
        UNION ALL SELECT 'card' AS field WHERE new.card IS NOT old.card
        UNION ALL SELECT 'area' AS field WHERE new.area IS NOT old.area
        UNION ALL SELECT 'language' AS field WHERE new.language IS NOT old.language
        UNION ALL SELECT 'note' AS field WHERE new.note IS NOT old.note
        UNION ALL SELECT 'tags' AS field WHERE new.tags IS NOT old.tags
        UNION ALL SELECT 'referred_by' AS field WHERE new.referred_by IS NOT old.referred_by);
END;
CREATE TRIGGER members_sync_erased AFTER UPDATE OF erased_at ON members
WHEN old.erased_at IS NULL AND new.erased_at IS NOT NULL AND (SELECT recording FROM sync_mode)
BEGIN
    INSERT INTO sync_outbox (kind, key, at) VALUES ('erasure', new.uid, regulars_now());
END;
ALTER TABLE children ADD COLUMN uid TEXT;
UPDATE children SET uid = lower(hex(randomblob(4))) || '-' || lower(hex(randomblob(2))) || '-4' || substr(lower(hex(randomblob(2))), 2) || '-' || substr('89ab', 1 + abs(random() % 4), 1) || substr(lower(hex(randomblob(2))), 2) || '-' || lower(hex(randomblob(6)));
CREATE UNIQUE INDEX children_uid ON children(uid);
CREATE TRIGGER children_sync_new AFTER INSERT ON children
BEGIN
    UPDATE children SET uid = regulars_uid() WHERE id = new.id AND uid IS NULL;
    INSERT INTO sync_outbox (kind, key, at)
    SELECT 'children', uid, regulars_now() FROM children WHERE id = new.id AND (SELECT recording FROM sync_mode);
END;
CREATE TRIGGER children_sync_changed AFTER UPDATE ON children
WHEN old.uid IS NOT NULL AND (SELECT recording FROM sync_mode)
BEGIN
    INSERT INTO sync_outbox (kind, key, at) VALUES ('children', new.uid, regulars_now());
END;
CREATE TRIGGER children_sync_gone AFTER DELETE ON children
WHEN old.uid IS NOT NULL AND (SELECT recording FROM sync_mode)
BEGIN
    INSERT INTO sync_outbox (kind, key, at) VALUES ('children', old.uid, regulars_now());
END;
ALTER TABLE pets ADD COLUMN uid TEXT;
UPDATE pets SET uid = lower(hex(randomblob(4))) || '-' || lower(hex(randomblob(2))) || '-4' || substr(lower(hex(randomblob(2))), 2) || '-' || substr('89ab', 1 + abs(random() % 4), 1) || substr(lower(hex(randomblob(2))), 2) || '-' || lower(hex(randomblob(6)));
CREATE UNIQUE INDEX pets_uid ON pets(uid);
CREATE TRIGGER pets_sync_new AFTER INSERT ON pets
BEGIN
    UPDATE pets SET uid = regulars_uid() WHERE id = new.id AND uid IS NULL;
    INSERT INTO sync_outbox (kind, key, at)
    SELECT 'pets', uid, regulars_now() FROM pets WHERE id = new.id AND (SELECT recording FROM sync_mode);
END;
CREATE TRIGGER pets_sync_changed AFTER UPDATE ON pets
WHEN old.uid IS NOT NULL AND (SELECT recording FROM sync_mode)
BEGIN
    INSERT INTO sync_outbox (kind, key, at) VALUES ('pets', new.uid, regulars_now());
END;
CREATE TRIGGER pets_sync_gone AFTER DELETE ON pets
WHEN old.uid IS NOT NULL AND (SELECT recording FROM sync_mode)
BEGIN
    INSERT INTO sync_outbox (kind, key, at) VALUES ('pets', old.uid, regulars_now());
END;
ALTER TABLE consents ADD COLUMN uid TEXT;
UPDATE consents SET uid = lower(hex(randomblob(4))) || '-' || lower(hex(randomblob(2))) || '-4' || substr(lower(hex(randomblob(2))), 2) || '-' || substr('89ab', 1 + abs(random() % 4), 1) || substr(lower(hex(randomblob(2))), 2) || '-' || lower(hex(randomblob(6)));
CREATE UNIQUE INDEX consents_uid ON consents(uid);
CREATE TRIGGER consents_sync_new AFTER INSERT ON consents
BEGIN
    UPDATE consents SET uid = regulars_uid() WHERE id = new.id AND uid IS NULL;
    INSERT INTO sync_outbox (kind, key, at)
    SELECT 'consents', uid, regulars_now() FROM consents WHERE id = new.id AND (SELECT recording FROM sync_mode);
END;
CREATE TRIGGER consents_sync_changed AFTER UPDATE ON consents
WHEN old.uid IS NOT NULL AND (SELECT recording FROM sync_mode)
BEGIN
    INSERT INTO sync_outbox (kind, key, at) VALUES ('consents', new.uid, regulars_now());
END;
CREATE TRIGGER consents_sync_gone AFTER DELETE ON consents
WHEN old.uid IS NOT NULL AND (SELECT recording FROM sync_mode)
BEGIN
    INSERT INTO sync_outbox (kind, key, at) VALUES ('consents', old.uid, regulars_now());
END;
ALTER TABLE contact_log ADD COLUMN uid TEXT;
UPDATE contact_log SET uid = lower(hex(randomblob(4))) || '-' || lower(hex(randomblob(2))) || '-4' || substr(lower(hex(randomblob(2))), 2) || '-' || substr('89ab', 1 + abs(random() % 4), 1) || substr(lower(hex(randomblob(2))), 2) || '-' || lower(hex(randomblob(6)));
CREATE UNIQUE INDEX contact_log_uid ON contact_log(uid);
CREATE TRIGGER contact_log_sync_new AFTER INSERT ON contact_log
BEGIN
    UPDATE contact_log SET uid = regulars_uid() WHERE id = new.id AND uid IS NULL;
    INSERT INTO sync_outbox (kind, key, at)
    SELECT 'contact_log', uid, regulars_now() FROM contact_log WHERE id = new.id AND (SELECT recording FROM sync_mode);
END;
CREATE TRIGGER contact_log_sync_changed AFTER UPDATE ON contact_log
WHEN old.uid IS NOT NULL AND (SELECT recording FROM sync_mode)
BEGIN
    INSERT INTO sync_outbox (kind, key, at) VALUES ('contact_log', new.uid, regulars_now());
END;
CREATE TRIGGER contact_log_sync_gone AFTER DELETE ON contact_log
WHEN old.uid IS NOT NULL AND (SELECT recording FROM sync_mode)
BEGIN
    INSERT INTO sync_outbox (kind, key, at) VALUES ('contact_log', old.uid, regulars_now());
END;
ALTER TABLE notes ADD COLUMN uid TEXT;
UPDATE notes SET uid = lower(hex(randomblob(4))) || '-' || lower(hex(randomblob(2))) || '-4' || substr(lower(hex(randomblob(2))), 2) || '-' || substr('89ab', 1 + abs(random() % 4), 1) || substr(lower(hex(randomblob(2))), 2) || '-' || lower(hex(randomblob(6)));
CREATE UNIQUE INDEX notes_uid ON notes(uid);
CREATE TRIGGER notes_sync_new AFTER INSERT ON notes
BEGIN
    UPDATE notes SET uid = regulars_uid() WHERE id = new.id AND uid IS NULL;
    INSERT INTO sync_outbox (kind, key, at)
    SELECT 'notes', uid, regulars_now() FROM notes WHERE id = new.id AND (SELECT recording FROM sync_mode);
END;
CREATE TRIGGER notes_sync_changed AFTER UPDATE ON notes
WHEN old.uid IS NOT NULL AND (SELECT recording FROM sync_mode)
BEGIN
    INSERT INTO sync_outbox (kind, key, at) VALUES ('notes', new.uid, regulars_now());
END;
CREATE TRIGGER notes_sync_gone AFTER DELETE ON notes
WHEN old.uid IS NOT NULL AND (SELECT recording FROM sync_mode)
BEGIN
    INSERT INTO sync_outbox (kind, key, at) VALUES ('notes', old.uid, regulars_now());
END;
ALTER TABLE feedback ADD COLUMN uid TEXT;
UPDATE feedback SET uid = lower(hex(randomblob(4))) || '-' || lower(hex(randomblob(2))) || '-4' || substr(lower(hex(randomblob(2))), 2) || '-' || substr('89ab', 1 + abs(random() % 4), 1) || substr(lower(hex(randomblob(2))), 2) || '-' || lower(hex(randomblob(6)));
CREATE UNIQUE INDEX feedback_uid ON feedback(uid);
CREATE TRIGGER feedback_sync_new AFTER INSERT ON feedback
BEGIN
    UPDATE feedback SET uid = regulars_uid() WHERE id = new.id AND uid IS NULL;
    INSERT INTO sync_outbox (kind, key, at)
    SELECT 'feedback', uid, regulars_now() FROM feedback WHERE id = new.id AND (SELECT recording FROM sync_mode);
END;
CREATE TRIGGER feedback_sync_changed AFTER UPDATE ON feedback
WHEN old.uid IS NOT NULL AND (SELECT recording FROM sync_mode)
BEGIN
    INSERT INTO sync_outbox (kind, key, at) VALUES ('feedback', new.uid, regulars_now());
END;
CREATE TRIGGER feedback_sync_gone AFTER DELETE ON feedback
WHEN old.uid IS NOT NULL AND (SELECT recording FROM sync_mode)
BEGIN
    INSERT INTO sync_outbox (kind, key, at) VALUES ('feedback', old.uid, regulars_now());
END;
ALTER TABLE survey_answers ADD COLUMN uid TEXT;
UPDATE survey_answers SET uid = lower(hex(randomblob(4))) || '-' || lower(hex(randomblob(2))) || '-4' || substr(lower(hex(randomblob(2))), 2) || '-' || substr('89ab', 1 + abs(random() % 4), 1) || substr(lower(hex(randomblob(2))), 2) || '-' || lower(hex(randomblob(6)));
CREATE UNIQUE INDEX survey_answers_uid ON survey_answers(uid);
CREATE TRIGGER survey_answers_sync_new AFTER INSERT ON survey_answers
BEGIN
    UPDATE survey_answers SET uid = regulars_uid() WHERE id = new.id AND uid IS NULL;
    INSERT INTO sync_outbox (kind, key, at)
    SELECT 'survey_answers', uid, regulars_now() FROM survey_answers WHERE id = new.id AND (SELECT recording FROM sync_mode);
END;
CREATE TRIGGER survey_answers_sync_changed AFTER UPDATE ON survey_answers
WHEN old.uid IS NOT NULL AND (SELECT recording FROM sync_mode)
BEGIN
    INSERT INTO sync_outbox (kind, key, at) VALUES ('survey_answers', new.uid, regulars_now());
END;
CREATE TRIGGER survey_answers_sync_gone AFTER DELETE ON survey_answers
WHEN old.uid IS NOT NULL AND (SELECT recording FROM sync_mode)
BEGIN
    INSERT INTO sync_outbox (kind, key, at) VALUES ('survey_answers', old.uid, regulars_now());
END;
ALTER TABLE events ADD COLUMN uid TEXT;
UPDATE events SET uid = lower(hex(randomblob(4))) || '-' || lower(hex(randomblob(2))) || '-4' || substr(lower(hex(randomblob(2))), 2) || '-' || substr('89ab', 1 + abs(random() % 4), 1) || substr(lower(hex(randomblob(2))), 2) || '-' || lower(hex(randomblob(6)));
CREATE UNIQUE INDEX events_uid ON events(uid);
CREATE TRIGGER events_sync_new AFTER INSERT ON events
BEGIN
    UPDATE events SET uid = regulars_uid() WHERE id = new.id AND uid IS NULL;
    INSERT INTO sync_outbox (kind, key, at)
    SELECT 'events', uid, regulars_now() FROM events WHERE id = new.id AND (SELECT recording FROM sync_mode);
END;
CREATE TRIGGER events_sync_changed AFTER UPDATE ON events
WHEN old.uid IS NOT NULL AND (SELECT recording FROM sync_mode)
BEGIN
    INSERT INTO sync_outbox (kind, key, at) VALUES ('events', new.uid, regulars_now());
END;
CREATE TRIGGER events_sync_gone AFTER DELETE ON events
WHEN old.uid IS NOT NULL AND (SELECT recording FROM sync_mode)
BEGIN
    INSERT INTO sync_outbox (kind, key, at) VALUES ('events', old.uid, regulars_now());
END;
-- Of the ledger only what a person did travels (a redemption, an
-- adjustment): earned points follow the receipts and bonuses follow the
-- rules, and every branch works those out from the union.
ALTER TABLE points ADD COLUMN uid TEXT;
UPDATE points SET uid = lower(hex(randomblob(4))) || '-' || lower(hex(randomblob(2))) || '-4' || substr(lower(hex(randomblob(2))), 2) || '-' || substr('89ab', 1 + abs(random() % 4), 1) || substr(lower(hex(randomblob(2))), 2) || '-' || lower(hex(randomblob(6))) WHERE receipt_id IS NULL;
CREATE UNIQUE INDEX points_uid ON points(uid);
CREATE TRIGGER points_sync_new AFTER INSERT ON points WHEN new.receipt_id IS NULL
BEGIN
    UPDATE points SET uid = regulars_uid() WHERE id = new.id AND uid IS NULL;
    INSERT INTO sync_outbox (kind, key, at)
    SELECT 'points', uid, regulars_now() FROM points WHERE id = new.id AND reason IN ('redeem', 'adjust') AND (SELECT recording FROM sync_mode);
END;
CREATE TRIGGER points_sync_changed AFTER UPDATE ON points
WHEN old.uid IS NOT NULL AND new.reason IN ('redeem', 'adjust') AND (SELECT recording FROM sync_mode)
BEGIN
    INSERT INTO sync_outbox (kind, key, at) VALUES ('points', new.uid, regulars_now());
END;
CREATE TRIGGER points_sync_gone AFTER DELETE ON points
WHEN old.uid IS NOT NULL AND old.reason IN ('redeem', 'adjust') AND (SELECT recording FROM sync_mode)
BEGIN
    INSERT INTO sync_outbox (kind, key, at) VALUES ('points', old.uid, regulars_now());
END;
CREATE TRIGGER event_invites_sync_insert AFTER INSERT ON event_invites WHEN (SELECT recording FROM sync_mode)
BEGIN
    INSERT INTO sync_outbox (kind, key, at)
    SELECT 'invite', e.uid || ' ' || m.uid, regulars_now()
    FROM events e, members m WHERE e.id = new.event_id AND m.id = new.member_id;
END;
CREATE TRIGGER event_invites_sync_update AFTER UPDATE ON event_invites WHEN (SELECT recording FROM sync_mode)
BEGIN
    INSERT INTO sync_outbox (kind, key, at)
    SELECT 'invite', e.uid || ' ' || m.uid, regulars_now()
    FROM events e, members m WHERE e.id = new.event_id AND m.id = new.member_id;
END;
CREATE TRIGGER event_invites_sync_delete AFTER DELETE ON event_invites WHEN (SELECT recording FROM sync_mode)
BEGIN
    INSERT INTO sync_outbox (kind, key, at)
    SELECT 'invite', e.uid || ' ' || m.uid, regulars_now()
    FROM events e, members m WHERE e.id = old.event_id AND m.id = old.member_id;
END;
CREATE TRIGGER event_attendance_sync_insert AFTER INSERT ON event_attendance WHEN (SELECT recording FROM sync_mode)
BEGIN
    INSERT INTO sync_outbox (kind, key, at)
    SELECT 'attendance', e.uid || ' ' || m.uid, regulars_now()
    FROM events e, members m WHERE e.id = new.event_id AND m.id = new.member_id;
END;
CREATE TRIGGER event_attendance_sync_update AFTER UPDATE ON event_attendance WHEN (SELECT recording FROM sync_mode)
BEGIN
    INSERT INTO sync_outbox (kind, key, at)
    SELECT 'attendance', e.uid || ' ' || m.uid, regulars_now()
    FROM events e, members m WHERE e.id = new.event_id AND m.id = new.member_id;
END;
CREATE TRIGGER event_attendance_sync_delete AFTER DELETE ON event_attendance WHEN (SELECT recording FROM sync_mode)
BEGIN
    INSERT INTO sync_outbox (kind, key, at)
    SELECT 'attendance', e.uid || ' ' || m.uid, regulars_now()
    FROM events e, members m WHERE e.id = old.event_id AND m.id = old.member_id;
END;
-- A suppression entry is its own key: the hash.
CREATE TRIGGER suppression_sync_insert AFTER INSERT ON suppression WHEN (SELECT recording FROM sync_mode)
BEGIN
    INSERT INTO sync_outbox (kind, key, at) VALUES ('suppression', new.hash, regulars_now());
END;
CREATE TRIGGER suppression_sync_delete AFTER DELETE ON suppression WHEN (SELECT recording FROM sync_mode)
BEGIN
    INSERT INTO sync_outbox (kind, key, at) VALUES ('suppression', old.hash, regulars_now());
END;
-- A member is merged away once: the merge is known by the member dropped.
CREATE TRIGGER merges_sync_new AFTER INSERT ON merges WHEN (SELECT recording FROM sync_mode)
BEGIN
    INSERT INTO sync_outbox (kind, key, at)
    SELECT 'merge', uid, regulars_now() FROM members WHERE id = new.drop_id;
END;
CREATE TRIGGER receipts_sync_new AFTER INSERT ON receipts WHEN (SELECT recording FROM sync_mode)
BEGIN
    INSERT INTO sync_outbox (kind, key, at) VALUES ('receipt', new.id, regulars_now());
END;
CREATE TRIGGER receipts_sync_linked AFTER UPDATE OF member_id ON receipts WHEN (SELECT recording FROM sync_mode)
BEGIN
    INSERT INTO sync_outbox (kind, key, at) VALUES ('receipt', new.id, regulars_now());
END;

-- What a pull could not do inside its own transaction (an erasure, a merge:
-- operations with transactions of their own), kept until done so that a
-- sync cut after the pull is finished by the next one.
CREATE TABLE sync_todo (
    seq    INTEGER PRIMARY KEY,
    kind   TEXT NOT NULL,
    key    TEXT NOT NULL,
    body   TEXT
);
