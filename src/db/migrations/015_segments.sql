-- Segments saved by name: the expression is kept as written back by the
-- app (its one printed form), and worked out afresh each time it is used,
-- so a saved segment always means today's members.
CREATE TABLE segments (
    name        TEXT PRIMARY KEY COLLATE NOCASE,
    expr        TEXT NOT NULL,
    saved_at    TEXT NOT NULL     -- YYYY-MM-DD HH:MM:SS
);

-- `bought=` and `category=` find the receipt lines of an item or a
-- category from these instead of reading every line of every receipt.
CREATE INDEX lines_item ON lines(item COLLATE NOCASE, receipt_id);
CREATE INDEX lines_category ON lines(category COLLATE NOCASE, receipt_id)
    WHERE category IS NOT NULL;

-- Every member column a segment word reads, so that counting a segment
-- walks this narrow index instead of the wide members table. It leads
-- with the birth month so that it never looks better than the birthday
-- indexes to the reminders' day ranges.
CREATE INDEX members_segment ON members(birth_month, birth_year, birth_md, language, area, last_visit, tags, erased_at)
    WHERE erased_at IS NULL;
