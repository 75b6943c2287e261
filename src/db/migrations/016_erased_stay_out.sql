-- An erased member keeps their receipts (the shop's figures stay whole),
-- but from then on nothing is worked out for them: no points earned from
-- those receipts, no tier, no place in the queues the points update reads.
-- A full recompute walks every receipt with a member, so without these the
-- erased member's points and tier history would be written again. Each
-- trigger drops only the row for the erased member; the statement goes on.
CREATE TRIGGER points_not_for_erased BEFORE INSERT ON points
WHEN EXISTS (SELECT 1 FROM members WHERE id = new.member_id AND erased_at IS NOT NULL)
BEGIN
    SELECT RAISE(IGNORE);
END;

CREATE TRIGGER member_tiers_not_for_erased BEFORE INSERT ON member_tiers
WHEN EXISTS (SELECT 1 FROM members WHERE id = new.member_id AND erased_at IS NOT NULL)
BEGIN
    SELECT RAISE(IGNORE);
END;

CREATE TRIGGER tier_changes_not_for_erased BEFORE INSERT ON tier_changes
WHEN EXISTS (SELECT 1 FROM members WHERE id = new.member_id AND erased_at IS NOT NULL)
BEGIN
    SELECT RAISE(IGNORE);
END;

CREATE TRIGGER tiers_pending_not_for_erased BEFORE INSERT ON tiers_pending
WHEN EXISTS (SELECT 1 FROM members WHERE id = new.member_id AND erased_at IS NOT NULL)
BEGIN
    SELECT RAISE(IGNORE);
END;

CREATE TRIGGER points_pending_not_for_erased BEFORE INSERT ON points_pending
WHEN EXISTS (SELECT 1 FROM receipts r JOIN members m ON m.id = r.member_id
             WHERE r.id = new.receipt_id AND m.erased_at IS NOT NULL)
BEGIN
    SELECT RAISE(IGNORE);
END;
