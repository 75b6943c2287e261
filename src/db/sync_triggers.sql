-- The first sync of a shop: every travelling row gets its chain id, and
-- from then on triggers give new rows theirs and write each change to the
-- outbox (src/db/migrations/028_sync.sql says why this is not a migration).
-- Run once, in the first sync's transaction, on a connection of the app.

UPDATE members SET uid = regulars_uid() WHERE uid IS NULL;
CREATE TRIGGER members_sync_new AFTER INSERT ON members
BEGIN
    UPDATE members SET uid = regulars_uid() WHERE id = new.id AND uid IS NULL;
    INSERT INTO sync_outbox (kind, key, field, at)
    SELECT 'member', uid, '*', regulars_now() FROM members WHERE id = new.id AND (SELECT recording FROM sync_mode);
END;
-- Member details merge per field (last writer wins), so each changed
-- field is its own outbox row. An erased member's blanking is not sent:
-- the erasure is.
CREATE TRIGGER members_sync_fields AFTER UPDATE OF area, birth_calendar, birth_calendar_day, birth_calendar_month, birth_day, birth_month, birth_year, card, email, family_name, first_name, language, note, phone, referred_by, source, tags ON members
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
        UNION ALL SELECT 'referred_by' AS field WHERE new.referred_by IS NOT old.referred_by
        UNION ALL SELECT 'source' AS field WHERE new.source IS NOT old.source
        UNION ALL SELECT 'birth_calendar' AS field WHERE new.birth_calendar IS NOT old.birth_calendar OR new.birth_calendar_month IS NOT old.birth_calendar_month OR new.birth_calendar_day IS NOT old.birth_calendar_day);
END;
CREATE TRIGGER members_sync_erased AFTER UPDATE OF erased_at ON members
WHEN old.erased_at IS NULL AND new.erased_at IS NOT NULL AND (SELECT recording FROM sync_mode)
BEGIN
    INSERT INTO sync_outbox (kind, key, at) VALUES ('erasure', new.uid, regulars_now());
END;
UPDATE children SET uid = regulars_uid() WHERE uid IS NULL;
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
UPDATE pets SET uid = regulars_uid() WHERE uid IS NULL;
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
UPDATE consents SET uid = regulars_uid() WHERE uid IS NULL;
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
UPDATE contact_log SET uid = regulars_uid() WHERE uid IS NULL;
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
UPDATE notes SET uid = regulars_uid() WHERE uid IS NULL;
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
UPDATE feedback SET uid = regulars_uid() WHERE uid IS NULL;
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
UPDATE survey_answers SET uid = regulars_uid() WHERE uid IS NULL;
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
UPDATE events SET uid = regulars_uid() WHERE uid IS NULL;
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
UPDATE points SET uid = regulars_uid() WHERE uid IS NULL AND receipt_id IS NULL;
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
