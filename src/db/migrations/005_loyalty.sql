-- Loyalty: the points ledger, the tiers members hold, and what the rules
-- need to remember.

-- Every change of a member's points is one row; the balance is the sum.
-- Rows are never changed (a trigger refuses it) and never removed, except
-- together with a deleted member.
CREATE TABLE points (
    id          INTEGER PRIMARY KEY,
    member_id   INTEGER NOT NULL REFERENCES members(id) ON DELETE CASCADE,
    delta       INTEGER NOT NULL,
    reason      TEXT NOT NULL CHECK (reason IN ('earn', 'redeem', 'bonus', 'expire', 'adjust')),
    -- earn: the receipt that earned (or, refunded, took back) the points
    receipt_id  INTEGER REFERENCES receipts(id) ON DELETE SET NULL,
    -- earn: sale/refund; bonus: signup/referral/review/birthday; redeem: the reward
    detail      TEXT,
    -- what the owner wrote (required for an adjustment)
    note        TEXT,
    -- keeps a bonus from being written twice: 'signup', 'birthday:2026', 'referral:45'
    once_key    TEXT,
    at          TEXT NOT NULL     -- YYYY-MM-DD HH:MM:SS
);
-- A receipt earns once, however often it is imported or recomputed.
CREATE UNIQUE INDEX points_receipt ON points(receipt_id) WHERE receipt_id IS NOT NULL;
CREATE UNIQUE INDEX points_once ON points(member_id, once_key) WHERE once_key IS NOT NULL;
-- Covers balances and last activity per member without reading the rows.
CREATE INDEX points_member ON points(member_id, at, delta, reason);

CREATE TRIGGER points_append_only BEFORE UPDATE OF delta, reason, receipt_id, detail, note, once_key, at ON points
BEGIN
    SELECT RAISE(ABORT, 'the points ledger is append-only');
END;

-- A member's purchases in time order without reading the receipts
-- themselves: earning and recomputing every tier stream this index.
CREATE INDEX receipts_member_days ON receipts(member_id, local_date, local_time, kind, total_minor)
    WHERE member_id IS NOT NULL;

-- Receipts of members that have not earned yet: new ones, and older ones
-- that became a member's (a customer who signed up after buying).
CREATE TABLE points_pending (
    receipt_id  INTEGER PRIMARY KEY
);
INSERT INTO points_pending SELECT id FROM receipts WHERE member_id IS NOT NULL;
CREATE TRIGGER receipts_points_new AFTER INSERT ON receipts WHEN new.member_id IS NOT NULL
BEGIN
    INSERT OR IGNORE INTO points_pending VALUES (new.id);
END;
CREATE TRIGGER receipts_points_linked AFTER UPDATE OF member_id ON receipts WHEN new.member_id IS NOT NULL
BEGIN
    INSERT OR IGNORE INTO points_pending VALUES (new.id);
END;

-- When a birthday was entered: no birthday bonus for one typed in at the
-- till in the last 30 days. A changed birthday is noted with an empty day,
-- which the next points update fills in with its own date.
CREATE TABLE birthday_noted (
    member_id   INTEGER PRIMARY KEY REFERENCES members(id) ON DELETE CASCADE,
    month       INTEGER NOT NULL,
    day         INTEGER NOT NULL,
    noted_on    TEXT              -- YYYY-MM-DD; NULL: changed, day not noted yet
);
INSERT INTO birthday_noted
    SELECT id, birth_month, birth_day, joined_at FROM members
    WHERE birth_month IS NOT NULL AND birth_day IS NOT NULL;
CREATE TRIGGER members_birthday_new AFTER INSERT ON members
    WHEN new.birth_month IS NOT NULL AND new.birth_day IS NOT NULL
BEGIN
    INSERT OR REPLACE INTO birthday_noted VALUES (new.id, new.birth_month, new.birth_day, new.joined_at);
END;
CREATE TRIGGER members_birthday_changed AFTER UPDATE OF birth_month, birth_day ON members
    WHEN new.birth_month IS NOT NULL AND new.birth_day IS NOT NULL
     AND (old.birth_month IS NOT new.birth_month OR old.birth_day IS NOT new.birth_day)
BEGIN
    INSERT OR REPLACE INTO birthday_noted VALUES (new.id, new.birth_month, new.birth_day, NULL);
END;

-- The tier each member holds, as of the last recompute (the counter and the
-- card work theirs out live; the tiers screen and `regulars tiers` read this).
CREATE TABLE member_tiers (
    member_id   INTEGER PRIMARY KEY REFERENCES members(id) ON DELETE CASCADE,
    tier        INTEGER NOT NULL,    -- position in the config's tiers, 0 = first
    metric      INTEGER NOT NULL,    -- spend (minor units) or visits over 12 months
    since       TEXT,                -- day the tier was reached
    grace_until TEXT                 -- below the tier: the day they move down
);

-- Tier history: every move up or down, worked out from the purchases in
-- date order (so the order files were imported in never matters).
CREATE TABLE tier_changes (
    member_id   INTEGER NOT NULL REFERENCES members(id) ON DELETE CASCADE,
    on_date     TEXT NOT NULL,
    from_tier   TEXT NOT NULL,
    to_tier     TEXT NOT NULL,
    up          INTEGER NOT NULL CHECK (up IN (0, 1))
);
CREATE INDEX tier_changes_date ON tier_changes(on_date);
CREATE INDEX tier_changes_member ON tier_changes(member_id, on_date);

-- The tier minimums in force from a day on. A minimum changed in the config
-- applies from the day the change is first seen, so raising it does not
-- rewrite who held which tier before (members move down after their grace
-- period). New tier names or a new basis start the rules afresh.
CREATE TABLE tier_rules (
    from_day    TEXT PRIMARY KEY,    -- YYYY-MM-DD
    basis       TEXT NOT NULL,
    names       TEXT NOT NULL,       -- the tiers' names, one per line
    mins        TEXT NOT NULL        -- their minimums (minor units or visits), comma-separated
);

-- Small facts the loyalty rules keep: the day of the last daily check, the
-- program the tiers were last worked out with.
CREATE TABLE loyalty_state (
    key         TEXT PRIMARY KEY,
    value       TEXT NOT NULL
);
