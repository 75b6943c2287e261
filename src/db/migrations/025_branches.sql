-- A chain's branches share one club. Each receipt and member remembers the
-- branch it came from, so visits and spend can be counted per branch and the
-- card can show where each visit was. NULL means this shop: a single shop
-- never names itself, and a name set later still covers everything before.
ALTER TABLE receipts ADD COLUMN shop TEXT;
ALTER TABLE members ADD COLUMN shop TEXT;
CREATE INDEX receipts_shop ON receipts(shop, local_date) WHERE shop IS NOT NULL;
