-- Square's real exports: the till's own id of a customer, and the ids of a
-- payment that join a refund to its sale.

-- Square's `Customer ID` of the receipt's till customer. It names no
-- member by itself; once linked (customer_links kind 'till_customer'),
-- every receipt that carries it is the member's.
ALTER TABLE receipts ADD COLUMN cust_till_id TEXT;
CREATE INDEX receipts_unmatched_till_customer ON receipts(cust_till_id)
    WHERE member_id IS NULL AND cust_till_id IS NOT NULL;

-- The ids of the payment a receipt was (Square: every Payment ID of a
-- split payment, and the Transaction ID). A refund that names no customer
-- shares one with the sale it refunds, which may be stored in an earlier
-- or a later file: the refund then gets the sale's customer and member.
CREATE TABLE receipt_payments (
    source      TEXT NOT NULL,
    payment     TEXT NOT NULL,
    receipt_id  INTEGER NOT NULL REFERENCES receipts(id) ON DELETE CASCADE,
    PRIMARY KEY (source, payment, receipt_id)
) WITHOUT ROWID;
CREATE INDEX receipt_payments_receipt ON receipt_payments(receipt_id);

-- A link may now name a till customer by the till's id: the table is
-- written anew with that kind allowed (nothing refers to it, it has no
-- triggers).
CREATE TABLE customer_links_new (
    kind          TEXT NOT NULL CHECK (kind IN ('card', 'phone', 'email', 'till_customer')),
    value         TEXT NOT NULL,
    member_id     INTEGER NOT NULL REFERENCES members(id) ON DELETE CASCADE,
    at            TEXT NOT NULL,
    PRIMARY KEY (kind, value)
);
INSERT INTO customer_links_new (kind, value, member_id, at)
    SELECT kind, value, member_id, at FROM customer_links;
DROP TABLE customer_links;
ALTER TABLE customer_links_new RENAME TO customer_links;
CREATE INDEX customer_links_member ON customer_links(member_id);
