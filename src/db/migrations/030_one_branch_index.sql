-- receipts_branch_days (026) begins with the same two columns as
-- receipts_shop (025) and holds every receipt, so every lookup by branch
-- is answered by it; the older index was only written and never read.
DROP INDEX receipts_shop;
