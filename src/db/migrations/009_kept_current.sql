-- Points and tiers kept current as things are written, so that nothing a
-- key does has to look at the whole club.

-- Members who may be due a signup or referral bonus: new members, and
-- members whose referrer was recorded. The next points update gives what is
-- due to these only (and to everyone when the bonus rules changed).
CREATE TABLE bonus_pending (
    member_id   INTEGER PRIMARY KEY
);
CREATE TRIGGER members_bonus_new AFTER INSERT ON members
BEGIN
    INSERT OR IGNORE INTO bonus_pending VALUES (new.id);
END;
CREATE TRIGGER members_bonus_referred AFTER UPDATE OF referred_by ON members
WHEN new.referred_by IS NOT NULL
BEGIN
    INSERT OR IGNORE INTO bonus_pending VALUES (new.id);
END;

-- Members whose purchases changed since their tier was worked out: a
-- receipt added, linked, unlinked, changed or removed. The next points
-- update works out the tier of these again.
CREATE TABLE tiers_pending (
    member_id   INTEGER PRIMARY KEY
);
CREATE TRIGGER receipts_tiers_new AFTER INSERT ON receipts WHEN new.member_id IS NOT NULL
BEGIN
    INSERT OR IGNORE INTO tiers_pending VALUES (new.member_id);
END;
CREATE TRIGGER receipts_tiers_changed
AFTER UPDATE OF member_id, kind, local_date, total_minor ON receipts
BEGIN
    INSERT OR IGNORE INTO tiers_pending SELECT old.member_id WHERE old.member_id IS NOT NULL;
    INSERT OR IGNORE INTO tiers_pending SELECT new.member_id WHERE new.member_id IS NOT NULL;
END;
CREATE TRIGGER receipts_tiers_gone AFTER DELETE ON receipts WHEN old.member_id IS NOT NULL
BEGIN
    INSERT OR IGNORE INTO tiers_pending VALUES (old.member_id);
END;

-- A member named by email on the command line, in any letter case, is
-- found from an index.
CREATE INDEX members_email_lower ON members(lower(email)) WHERE email IS NOT NULL;

-- Birthdays changed since the last points update, which dates them: found
-- without reading every member's row.
CREATE INDEX birthday_noted_undated ON birthday_noted(member_id) WHERE noted_on IS NULL;
