-- A branch's figures (`--shop`) cannot come from the running totals, which
-- do not tell branches apart: they read the branch's receipts of a period.
-- This index holds all they read (this shop's receipts under NULL), so a
-- year of a 100,000-member club is read from the index alone rather than
-- from every receipt's row.
CREATE INDEX receipts_branch_days ON receipts(shop, local_date, kind, member_id, total_minor);
