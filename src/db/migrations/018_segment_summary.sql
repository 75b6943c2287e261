-- What the segment words about visits read, kept per member so that a
-- count reads one small row per member instead of every receipt.
--
-- `member_year`: each member's last 12 months as of one day
-- (`member_year_asof`): visit days, spend, the usual weekday and hour,
-- with exactly the meanings of the segment words. A member with no
-- receipt in those months has no row (no visits, nothing spent, no
-- habit). Triggers on `receipts` keep it right for every writer; the
-- day it holds for is moved to today before a count reads it.
CREATE TABLE member_year (
    member_id      INTEGER PRIMARY KEY REFERENCES members(id) ON DELETE CASCADE,
    visits         INTEGER NOT NULL,   -- days with a sale
    spend_minor    INTEGER NOT NULL,   -- sales less refunds
    usual_weekday  INTEGER,            -- 0 = Monday; once two visit days
    usual_hour     INTEGER             -- 0..23; once two visit days
);
CREATE INDEX member_year_visits ON member_year(visits);
CREATE INDEX member_year_spend ON member_year(spend_minor);
CREATE INDEX member_year_weekday ON member_year(usual_weekday) WHERE usual_weekday IS NOT NULL;
CREATE INDEX member_year_hour ON member_year(usual_hour) WHERE usual_hour IS NOT NULL;

-- The one day `member_year` holds for, and the first day of its 12
-- months (both YYYY-MM-DD; NULL before anything was counted).
CREATE TABLE member_year_asof (
    id     INTEGER PRIMARY KEY CHECK (id = 1),
    day    TEXT,
    start  TEXT
);

-- Members whose row is to be worked out again. Putting a member here
-- works the row out at once and takes them off again, so this one
-- statement is the only place that knows how a row is made; the table
-- is empty between statements.
CREATE TABLE member_year_redo (
    member_id  INTEGER PRIMARY KEY
);
CREATE TRIGGER member_year_redo_now AFTER INSERT ON member_year_redo
BEGIN
    DELETE FROM member_year WHERE member_id = new.member_id;
    INSERT INTO member_year (member_id, visits, spend_minor, usual_weekday, usual_hour)
    SELECT new.member_id, y.visits, y.spend,
        -- The weekday of most visit days, Monday first on a tie.
        CASE WHEN y.visits >= 2 THEN (
            SELECT wd FROM (
                SELECT (CAST(strftime('%w', d) AS INTEGER) + 6) % 7 AS wd, count(*) AS n
                FROM (SELECT DISTINCT r.local_date AS d FROM receipts r, member_year_asof a
                      WHERE r.member_id = new.member_id AND r.kind = 'sale'
                        AND r.local_date BETWEEN a.start AND a.day)
                GROUP BY wd)
            ORDER BY n DESC, wd LIMIT 1) END,
        -- The hour of most sales, the earliest on a tie.
        CASE WHEN y.visits >= 2 THEN (
            SELECT h FROM (
                SELECT CAST(substr(r.local_time, 1, 2) AS INTEGER) AS h, count(*) AS n
                FROM receipts r, member_year_asof a
                WHERE r.member_id = new.member_id AND r.kind = 'sale' AND r.local_time IS NOT NULL
                  AND r.local_date BETWEEN a.start AND a.day
                GROUP BY h)
            ORDER BY n DESC, h LIMIT 1) END
    FROM (SELECT count(DISTINCT CASE WHEN r.kind = 'sale' THEN r.local_date END) AS visits,
                 coalesce(sum(r.total_minor), 0) AS spend, count(*) AS receipts
          FROM receipts r, member_year_asof a
          WHERE r.member_id = new.member_id AND r.local_date BETWEEN a.start AND a.day) y
    WHERE y.receipts > 0;
    DELETE FROM member_year_redo WHERE member_id = new.member_id;
END;

-- A receipt inside the 12 months that is added, changed or removed
-- changes its member's row (both members' when it moves between them).
CREATE TRIGGER receipts_year_new AFTER INSERT ON receipts
WHEN new.member_id IS NOT NULL
 AND EXISTS (SELECT 1 FROM member_year_asof a WHERE new.local_date BETWEEN a.start AND a.day)
BEGIN
    INSERT OR IGNORE INTO member_year_redo VALUES (new.member_id);
END;
CREATE TRIGGER receipts_year_changed
AFTER UPDATE OF member_id, local_date, local_time, total_minor, kind ON receipts
BEGIN
    INSERT OR IGNORE INTO member_year_redo
    SELECT old.member_id FROM member_year_asof a
    WHERE old.member_id IS NOT NULL AND old.local_date BETWEEN a.start AND a.day;
    INSERT OR IGNORE INTO member_year_redo
    SELECT new.member_id FROM member_year_asof a
    WHERE new.member_id IS NOT NULL AND new.local_date BETWEEN a.start AND a.day;
END;
CREATE TRIGGER receipts_year_gone AFTER DELETE ON receipts
WHEN old.member_id IS NOT NULL
 AND EXISTS (SELECT 1 FROM member_year_asof a WHERE old.local_date BETWEEN a.start AND a.day)
BEGIN
    INSERT OR IGNORE INTO member_year_redo VALUES (old.member_id);
END;

-- Filled as of the newest receipt's day: the first count moves it to
-- today, reading only the receipts of the days in between.
INSERT INTO member_year_asof (id, day, start)
SELECT 1, date(d), date(d, '-364 days') FROM (SELECT max(local_date) AS d FROM receipts);
INSERT INTO member_year_redo
SELECT DISTINCT r.member_id FROM receipts r, member_year_asof a
WHERE r.member_id IS NOT NULL AND r.local_date BETWEEN a.start AND a.day;

-- `bought=` and `category=`: the items and categories each member has
-- bought (sales linked to them), in any letter case, with the number of
-- lines behind each so that removing one line knows whether others stay.
-- Led by the name, so a popular item is one range of this table.
CREATE TABLE member_bought (
    kind       TEXT NOT NULL CHECK (kind IN ('item', 'category')),
    name       TEXT NOT NULL COLLATE NOCASE,
    member_id  INTEGER NOT NULL REFERENCES members(id) ON DELETE CASCADE,
    lines      INTEGER NOT NULL,
    PRIMARY KEY (kind, name, member_id)
) WITHOUT ROWID;
CREATE INDEX member_bought_member ON member_bought(member_id);

-- A line's item and category, one row each, for the triggers below.
CREATE VIEW line_names (line_id, receipt_id, kind, name) AS
    SELECT id, receipt_id, 'item', item FROM lines
    UNION ALL
    SELECT id, receipt_id, 'category', category FROM lines WHERE category IS NOT NULL;

CREATE TRIGGER lines_bought_new AFTER INSERT ON lines
BEGIN
    INSERT OR IGNORE INTO member_bought (kind, name, member_id, lines)
    SELECT n.kind, n.name, r.member_id, 0
    FROM line_names n JOIN receipts r ON r.id = n.receipt_id
    WHERE n.line_id = new.id AND r.kind = 'sale' AND r.member_id IS NOT NULL;
    UPDATE member_bought SET lines = lines + 1
    WHERE member_id = (SELECT r.member_id FROM receipts r WHERE r.id = new.receipt_id AND r.kind = 'sale')
      AND ((kind = 'item' AND name = new.item COLLATE NOCASE)
        OR (kind = 'category' AND name = new.category COLLATE NOCASE));
END;
CREATE TRIGGER lines_bought_gone AFTER DELETE ON lines
BEGIN
    UPDATE member_bought SET lines = lines - 1
    WHERE member_id = (SELECT r.member_id FROM receipts r WHERE r.id = old.receipt_id AND r.kind = 'sale')
      AND ((kind = 'item' AND name = old.item COLLATE NOCASE)
        OR (kind = 'category' AND name = old.category COLLATE NOCASE));
    DELETE FROM member_bought
    WHERE member_id = (SELECT r.member_id FROM receipts r WHERE r.id = old.receipt_id)
      AND lines <= 0;
END;
CREATE TRIGGER lines_bought_changed AFTER UPDATE OF receipt_id, item, category ON lines
BEGIN
    UPDATE member_bought SET lines = lines - 1
    WHERE member_id = (SELECT r.member_id FROM receipts r WHERE r.id = old.receipt_id AND r.kind = 'sale')
      AND ((kind = 'item' AND name = old.item COLLATE NOCASE)
        OR (kind = 'category' AND name = old.category COLLATE NOCASE));
    DELETE FROM member_bought
    WHERE member_id = (SELECT r.member_id FROM receipts r WHERE r.id = old.receipt_id)
      AND lines <= 0;
    INSERT OR IGNORE INTO member_bought (kind, name, member_id, lines)
    SELECT n.kind, n.name, r.member_id, 0
    FROM line_names n JOIN receipts r ON r.id = n.receipt_id
    WHERE n.line_id = new.id AND r.kind = 'sale' AND r.member_id IS NOT NULL;
    UPDATE member_bought SET lines = lines + 1
    WHERE member_id = (SELECT r.member_id FROM receipts r WHERE r.id = new.receipt_id AND r.kind = 'sale')
      AND ((kind = 'item' AND name = new.item COLLATE NOCASE)
        OR (kind = 'category' AND name = new.category COLLATE NOCASE));
END;

-- A sale moved to another member (or none), or turned into a refund:
-- its lines leave the one and join the other.
CREATE TRIGGER receipts_bought_moved AFTER UPDATE OF member_id, kind ON receipts
WHEN old.member_id IS NOT new.member_id OR old.kind IS NOT new.kind
BEGIN
    UPDATE member_bought SET lines = lines - (
        SELECT count(*) FROM line_names n
        WHERE n.receipt_id = old.id AND n.kind = member_bought.kind
          AND n.name = member_bought.name COLLATE NOCASE)
    WHERE old.kind = 'sale' AND member_id = old.member_id
      AND name IN (SELECT n.name FROM line_names n WHERE n.receipt_id = old.id);
    DELETE FROM member_bought WHERE member_id = old.member_id AND lines <= 0;
    INSERT OR IGNORE INTO member_bought (kind, name, member_id, lines)
    SELECT n.kind, n.name, new.member_id, 0 FROM line_names n
    WHERE n.receipt_id = new.id AND new.kind = 'sale' AND new.member_id IS NOT NULL;
    UPDATE member_bought SET lines = lines + (
        SELECT count(*) FROM line_names n
        WHERE n.receipt_id = new.id AND n.kind = member_bought.kind
          AND n.name = member_bought.name COLLATE NOCASE)
    WHERE new.kind = 'sale' AND member_id = new.member_id
      AND name IN (SELECT n.name FROM line_names n WHERE n.receipt_id = new.id);
END;

-- A receipt's lines are removed before the receipt itself, while the
-- lines' trigger can still see whose they were.
CREATE TRIGGER receipts_bought_gone BEFORE DELETE ON receipts
BEGIN
    DELETE FROM lines WHERE receipt_id = old.id;
END;

INSERT INTO member_bought (kind, name, member_id, lines)
SELECT n.kind, n.name, r.member_id, count(*)
FROM line_names n JOIN receipts r ON r.id = n.receipt_id
WHERE r.kind = 'sale' AND r.member_id IS NOT NULL
GROUP BY n.kind, n.name COLLATE NOCASE, r.member_id;
