-- What storing a large import costs.

-- A line goes into member_bought only when its receipt is a member's sale.
-- The trigger of 018 ran its two statements for every line stored; an
-- import of a year of sales stores most lines without a member, and those
-- statements were half of what storing a line cost. Now the trigger asks
-- the receipt once and does nothing more for a line nobody bought as a
-- member. Its count goes up by the full key (kind, name, member), so a
-- line no longer reads every member who bought the same item.
DROP TRIGGER lines_bought_new;
CREATE TRIGGER lines_bought_new AFTER INSERT ON lines
WHEN (SELECT member_id FROM receipts WHERE id = new.receipt_id AND kind = 'sale') IS NOT NULL
BEGIN
    INSERT OR IGNORE INTO member_bought (kind, name, member_id, lines)
    SELECT n.kind, n.name, r.member_id, 0
    FROM line_names n JOIN receipts r ON r.id = n.receipt_id
    WHERE n.line_id = new.id AND r.kind = 'sale' AND r.member_id IS NOT NULL;
    UPDATE member_bought SET lines = lines + 1
    WHERE kind = 'item' AND name = new.item COLLATE NOCASE
      AND member_id = (SELECT member_id FROM receipts WHERE id = new.receipt_id);
    UPDATE member_bought SET lines = lines + 1
    WHERE kind = 'category' AND name = new.category COLLATE NOCASE
      AND member_id = (SELECT member_id FROM receipts WHERE id = new.receipt_id);
END;

-- Refunds of a till, which an import reads at its end to give each refund
-- that names nobody the customer of its sale: a year of sales holds a
-- refund in a hundred receipts, and all of them were read to find those.
CREATE INDEX receipts_refunds ON receipts(source) WHERE kind = 'refund';
