-- Purchases imported from the till's exports.

-- One row per imported file; the same file (same sha256) is never read twice.
CREATE TABLE imports (
    id                  INTEGER PRIMARY KEY,
    file_name           TEXT NOT NULL,
    sha256              TEXT NOT NULL,
    format              TEXT NOT NULL,
    rows                INTEGER NOT NULL DEFAULT 0,
    receipts_new        INTEGER NOT NULL DEFAULT 0,
    receipts_duplicate  INTEGER NOT NULL DEFAULT 0,
    refunds             INTEGER NOT NULL DEFAULT 0,
    rows_rejected       INTEGER NOT NULL DEFAULT 0,
    at                  TEXT NOT NULL
);
CREATE UNIQUE INDEX imports_sha ON imports(sha256);

CREATE TABLE receipts (
    id            INTEGER PRIMARY KEY,
    source        TEXT NOT NULL,     -- the till: square, loyverse, shopify …
    till_id       TEXT NOT NULL,     -- the till's receipt id (refunds: id + '/refund' where the till reuses it)
    at_utc        TEXT,              -- only when the file gives an offset
    local_date    TEXT NOT NULL,     -- YYYY-MM-DD as written in the file
    local_time    TEXT,              -- HH:MM:SS
    total_minor   INTEGER NOT NULL,  -- spend; negative for refunds
    kind          TEXT NOT NULL CHECK (kind IN ('sale', 'refund')),
    member_id     INTEGER REFERENCES members(id) ON DELETE SET NULL,
    -- the customer as the export shows them (normalised: E.164, lower-case email)
    cust_card     TEXT,
    cust_phone    TEXT,
    cust_email    TEXT,
    cust_name     TEXT,
    import_id     INTEGER REFERENCES imports(id),
    UNIQUE (source, till_id)
);
CREATE INDEX receipts_member ON receipts(member_id, local_date) WHERE member_id IS NOT NULL;
CREATE INDEX receipts_date ON receipts(local_date);
-- For the "unmatched customers" list and for linking one to a member.
CREATE INDEX receipts_unmatched_card ON receipts(cust_card) WHERE member_id IS NULL AND cust_card IS NOT NULL;
CREATE INDEX receipts_unmatched_phone ON receipts(cust_phone) WHERE member_id IS NULL AND cust_phone IS NOT NULL;
CREATE INDEX receipts_unmatched_email ON receipts(cust_email) WHERE member_id IS NULL AND cust_email IS NOT NULL;

CREATE TABLE lines (
    id            INTEGER PRIMARY KEY,
    receipt_id    INTEGER NOT NULL REFERENCES receipts(id) ON DELETE CASCADE,
    item          TEXT NOT NULL,
    category      TEXT,
    sku           TEXT,
    qty_milli     INTEGER NOT NULL,
    amount_minor  INTEGER NOT NULL
);
CREATE INDEX lines_receipt ON lines(receipt_id);

-- A customer identity seen at the till that the owner linked to a member by
-- hand (a second phone, an old card): later imports match it too.
CREATE TABLE customer_links (
    kind          TEXT NOT NULL CHECK (kind IN ('card', 'phone', 'email')),
    value         TEXT NOT NULL,
    member_id     INTEGER NOT NULL REFERENCES members(id) ON DELETE CASCADE,
    at            TEXT NOT NULL,
    PRIMARY KEY (kind, value)
);
CREATE INDEX customer_links_member ON customer_links(member_id);
