-- What storing a large import costs, again.

-- Payment ids wait here, in the order receipts are stored, until the end
-- of the import, and then go into receipt_payments sorted by payment id.
-- Written one receipt at a time, random ids landed all over a tree larger
-- than the page cache, and every receipt read and wrote pages back; sorted,
-- the tree is walked once. Empty outside an import.
CREATE TABLE payments_waiting (
    payment     TEXT NOT NULL,
    receipt_id  INTEGER NOT NULL
);

-- A payment id no longer names its receipt through a foreign key: the
-- key made SQLite look each receipt up as its ids were filed, in payment
-- order, so at random again. The ids still go with their receipt.
CREATE TABLE receipt_payments_new (
    source      TEXT NOT NULL,
    payment     TEXT NOT NULL,
    receipt_id  INTEGER NOT NULL,
    PRIMARY KEY (source, payment, receipt_id)
) WITHOUT ROWID;
INSERT INTO receipt_payments_new (source, payment, receipt_id)
SELECT source, payment, receipt_id FROM receipt_payments;
DROP TABLE receipt_payments;
ALTER TABLE receipt_payments_new RENAME TO receipt_payments;
CREATE INDEX receipt_payments_receipt ON receipt_payments(receipt_id);
CREATE TRIGGER receipts_payments_gone AFTER DELETE ON receipts
BEGIN
    DELETE FROM receipt_payments WHERE receipt_id = old.id;
END;

-- A day's totals move with every receipt, but its member visits only with
-- a member's sale: the three statements for those ran for every receipt an
-- import stored, most of them naming nobody. Each trigger adds its own
-- part to the day's row, so neither depends on which fires first.
DROP TRIGGER receipts_totals_new;
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
END;
CREATE TRIGGER receipts_visits_new AFTER INSERT ON receipts
WHEN new.kind = 'sale' AND new.member_id IS NOT NULL
BEGIN
    INSERT INTO day_totals (local_date, member_visits)
    SELECT new.local_date, 1
    WHERE NOT EXISTS (SELECT 1 FROM visit_days
                      WHERE member_id = new.member_id AND local_date = new.local_date)
    ON CONFLICT (local_date) DO UPDATE SET member_visits = member_visits + 1;
    UPDATE visit_days SET next_date = new.local_date
    WHERE member_id = new.member_id AND next_date > new.local_date
      AND local_date = (SELECT max(local_date) FROM visit_days
                        WHERE member_id = new.member_id AND local_date < new.local_date);
    INSERT OR IGNORE INTO visit_days (member_id, local_date, next_date)
    SELECT new.member_id, new.local_date,
           coalesce((SELECT min(local_date) FROM visit_days
                     WHERE member_id = new.member_id AND local_date > new.local_date), '9999-12-31');
END;
