-- A receipt taken from a member (a till customer unlinked, a receipt
-- moved to another member) takes back what it earned them. The trigger
-- notes from whom; the next points update writes the row that takes the
-- points back, and the receipt's new member, if any, earns from it.
CREATE TABLE points_moved (
    receipt_id  INTEGER NOT NULL,
    member_id   INTEGER NOT NULL,
    PRIMARY KEY (receipt_id, member_id)
) WITHOUT ROWID;
CREATE TRIGGER receipts_points_moved AFTER UPDATE OF member_id ON receipts
WHEN old.member_id IS NOT NULL AND old.member_id IS NOT new.member_id
BEGIN
    INSERT OR IGNORE INTO points_moved VALUES (new.id, old.member_id);
END;

-- Receipts unlinked before this kept the points they had earned, and their
-- new member earned nothing from them: put both right at the next update.
INSERT OR IGNORE INTO points_moved
    SELECT p.receipt_id, p.member_id FROM points p JOIN receipts r ON r.id = p.receipt_id
    WHERE r.member_id IS NOT p.member_id;
INSERT OR IGNORE INTO points_pending
    SELECT r.id FROM points p JOIN receipts r ON r.id = p.receipt_id
    WHERE r.member_id IS NOT NULL AND r.member_id <> p.member_id;
