-- Club health: feedback answers, how a member found the club, and running
-- totals of the receipts so that the figures of a year are read from a few
-- hundred rows instead of every receipt.

-- One answer at the counter: an NPS score (0–10) or a CSAT score (1–5).
-- An anonymous answer has no member; a member deleted later leaves their
-- answers in the figures, anonymous.
CREATE TABLE feedback (
    id          INTEGER PRIMARY KEY,
    member_id   INTEGER REFERENCES members(id) ON DELETE SET NULL,
    nps         INTEGER CHECK (nps BETWEEN 0 AND 10),
    csat        INTEGER CHECK (csat BETWEEN 1 AND 5),
    at          TEXT NOT NULL,   -- YYYY-MM-DD HH:MM:SS
    how         TEXT NOT NULL,   -- counter, cli
    CHECK ((nps IS NULL) <> (csat IS NULL))
);
CREATE INDEX feedback_at ON feedback(at);
CREATE INDEX feedback_member ON feedback(member_id) WHERE member_id IS NOT NULL;

-- How they found the club, when no member brought them: a name from the
-- config's list of sources, kept as the list spelt it at signup.
ALTER TABLE members ADD COLUMN source TEXT;
-- Members who joined in a period, with how they found the club (erased
-- members are found by members_erased).
CREATE INDEX members_joined ON members(joined_at, source, referred_by) WHERE erased_at IS NULL;

-- Per day: everyone's net spend (refunds subtract), the members' net
-- spend, their sale receipts and their visits (members with a sale that
-- day).
CREATE TABLE day_totals (
    local_date        TEXT PRIMARY KEY,
    net_minor         INTEGER NOT NULL DEFAULT 0,
    member_net_minor  INTEGER NOT NULL DEFAULT 0,
    member_sales      INTEGER NOT NULL DEFAULT 0,
    member_visits     INTEGER NOT NULL DEFAULT 0
) WITHOUT ROWID;

-- Every day a member came (had a sale), with the day they came next
-- ('9999-12-31': not yet). A member is active on D when one of their
-- visits V has D - lapse < V <= D; counting the visits in that window
-- whose next visit is after D counts each active member once, without
-- sorting out duplicates.
CREATE TABLE visit_days (
    member_id   INTEGER NOT NULL,
    local_date  TEXT NOT NULL,
    next_date   TEXT NOT NULL,
    PRIMARY KEY (member_id, local_date)
) WITHOUT ROWID;
CREATE INDEX visit_days_date ON visit_days(local_date, next_date, member_id);
CREATE INDEX visit_days_next ON visit_days(next_date, local_date, member_id);

INSERT INTO day_totals (local_date, net_minor, member_net_minor, member_sales)
    SELECT local_date, CAST(total(total_minor) AS INTEGER),
           CAST(total(CASE WHEN member_id IS NOT NULL THEN total_minor END) AS INTEGER),
           count(CASE WHEN member_id IS NOT NULL AND kind = 'sale' THEN 1 END)
    FROM receipts GROUP BY local_date;
INSERT INTO visit_days (member_id, local_date, next_date)
    SELECT member_id, local_date,
           coalesce(lead(local_date) OVER (PARTITION BY member_id ORDER BY local_date), '9999-12-31')
    FROM (SELECT DISTINCT member_id, local_date FROM receipts
          WHERE kind = 'sale' AND member_id IS NOT NULL);
UPDATE day_totals SET member_visits =
    (SELECT count(*) FROM visit_days v WHERE v.local_date = day_totals.local_date);

-- The totals follow every receipt written, changed or removed. A receipt
-- leaving a day or a member is taken out first, then put in where it is
-- now; a visit goes only when no other sale of the member that day is
-- left, and comes only when the member had none there yet.
CREATE TRIGGER receipts_totals_new AFTER INSERT ON receipts
BEGIN
    INSERT INTO day_totals (local_date, net_minor, member_net_minor, member_sales)
    VALUES (new.local_date, new.total_minor,
            CASE WHEN new.member_id IS NOT NULL THEN new.total_minor ELSE 0 END,
            new.member_id IS NOT NULL AND new.kind = 'sale')
    ON CONFLICT (local_date) DO UPDATE SET
        net_minor = net_minor + excluded.net_minor,
        member_net_minor = member_net_minor + excluded.member_net_minor,
        member_sales = member_sales + excluded.member_sales;
    UPDATE day_totals SET member_visits = member_visits + 1
    WHERE local_date = new.local_date AND new.kind = 'sale' AND new.member_id IS NOT NULL
      AND NOT EXISTS (SELECT 1 FROM visit_days WHERE member_id = new.member_id AND local_date = new.local_date);
    UPDATE visit_days SET next_date = new.local_date
    WHERE new.kind = 'sale' AND member_id = new.member_id AND next_date > new.local_date
      AND local_date = (SELECT max(local_date) FROM visit_days
                        WHERE member_id = new.member_id AND local_date < new.local_date);
    INSERT OR IGNORE INTO visit_days (member_id, local_date, next_date)
    SELECT new.member_id, new.local_date,
           coalesce((SELECT min(local_date) FROM visit_days
                     WHERE member_id = new.member_id AND local_date > new.local_date), '9999-12-31')
    WHERE new.kind = 'sale' AND new.member_id IS NOT NULL;
END;

CREATE TRIGGER receipts_totals_gone AFTER DELETE ON receipts
BEGIN
    UPDATE day_totals SET
        net_minor = net_minor - old.total_minor,
        member_net_minor = member_net_minor - CASE WHEN old.member_id IS NOT NULL THEN old.total_minor ELSE 0 END,
        member_sales = member_sales - (old.member_id IS NOT NULL AND old.kind = 'sale')
    WHERE local_date = old.local_date;
    UPDATE day_totals SET member_visits = member_visits - 1
    WHERE local_date = old.local_date AND old.kind = 'sale' AND old.member_id IS NOT NULL
      AND EXISTS (SELECT 1 FROM visit_days WHERE member_id = old.member_id AND local_date = old.local_date)
      AND NOT EXISTS (SELECT 1 FROM receipts WHERE member_id = old.member_id AND local_date = old.local_date AND kind = 'sale');
    UPDATE visit_days SET next_date =
        (SELECT next_date FROM visit_days WHERE member_id = old.member_id AND local_date = old.local_date)
    WHERE old.kind = 'sale' AND member_id = old.member_id
      AND local_date = (SELECT max(local_date) FROM visit_days
                        WHERE member_id = old.member_id AND local_date < old.local_date)
      AND EXISTS (SELECT 1 FROM visit_days WHERE member_id = old.member_id AND local_date = old.local_date)
      AND NOT EXISTS (SELECT 1 FROM receipts WHERE member_id = old.member_id AND local_date = old.local_date AND kind = 'sale');
    DELETE FROM visit_days
    WHERE old.kind = 'sale' AND member_id = old.member_id AND local_date = old.local_date
      AND NOT EXISTS (SELECT 1 FROM receipts WHERE member_id = old.member_id AND local_date = old.local_date AND kind = 'sale');
END;

CREATE TRIGGER receipts_totals_changed AFTER UPDATE OF member_id, kind, local_date, total_minor ON receipts
BEGIN
    UPDATE day_totals SET
        net_minor = net_minor - old.total_minor,
        member_net_minor = member_net_minor - CASE WHEN old.member_id IS NOT NULL THEN old.total_minor ELSE 0 END,
        member_sales = member_sales - (old.member_id IS NOT NULL AND old.kind = 'sale')
    WHERE local_date = old.local_date;
    UPDATE day_totals SET member_visits = member_visits - 1
    WHERE local_date = old.local_date AND old.kind = 'sale' AND old.member_id IS NOT NULL
      AND EXISTS (SELECT 1 FROM visit_days WHERE member_id = old.member_id AND local_date = old.local_date)
      AND NOT EXISTS (SELECT 1 FROM receipts WHERE member_id = old.member_id AND local_date = old.local_date AND kind = 'sale');
    UPDATE visit_days SET next_date =
        (SELECT next_date FROM visit_days WHERE member_id = old.member_id AND local_date = old.local_date)
    WHERE old.kind = 'sale' AND member_id = old.member_id
      AND local_date = (SELECT max(local_date) FROM visit_days
                        WHERE member_id = old.member_id AND local_date < old.local_date)
      AND EXISTS (SELECT 1 FROM visit_days WHERE member_id = old.member_id AND local_date = old.local_date)
      AND NOT EXISTS (SELECT 1 FROM receipts WHERE member_id = old.member_id AND local_date = old.local_date AND kind = 'sale');
    DELETE FROM visit_days
    WHERE old.kind = 'sale' AND member_id = old.member_id AND local_date = old.local_date
      AND NOT EXISTS (SELECT 1 FROM receipts WHERE member_id = old.member_id AND local_date = old.local_date AND kind = 'sale');

    INSERT INTO day_totals (local_date, net_minor, member_net_minor, member_sales)
    VALUES (new.local_date, new.total_minor,
            CASE WHEN new.member_id IS NOT NULL THEN new.total_minor ELSE 0 END,
            new.member_id IS NOT NULL AND new.kind = 'sale')
    ON CONFLICT (local_date) DO UPDATE SET
        net_minor = net_minor + excluded.net_minor,
        member_net_minor = member_net_minor + excluded.member_net_minor,
        member_sales = member_sales + excluded.member_sales;
    UPDATE day_totals SET member_visits = member_visits + 1
    WHERE local_date = new.local_date AND new.kind = 'sale' AND new.member_id IS NOT NULL
      AND NOT EXISTS (SELECT 1 FROM visit_days WHERE member_id = new.member_id AND local_date = new.local_date);
    UPDATE visit_days SET next_date = new.local_date
    WHERE new.kind = 'sale' AND member_id = new.member_id AND next_date > new.local_date
      AND local_date = (SELECT max(local_date) FROM visit_days
                        WHERE member_id = new.member_id AND local_date < new.local_date);
    INSERT OR IGNORE INTO visit_days (member_id, local_date, next_date)
    SELECT new.member_id, new.local_date,
           coalesce((SELECT min(local_date) FROM visit_days
                     WHERE member_id = new.member_id AND local_date > new.local_date), '9999-12-31')
    WHERE new.kind = 'sale' AND new.member_id IS NOT NULL;
END;
