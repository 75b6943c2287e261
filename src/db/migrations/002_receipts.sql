-- Purchases imported from the till's exports.
CREATE TABLE imports (
    id                  INTEGER PRIMARY KEY,
    file_name           TEXT NOT NULL,
    sha256              TEXT NOT NULL,
    format              TEXT NOT NULL,
    rows                INTEGER NOT NULL DEFAULT 0,
    receipts_new        INTEGER NOT NULL DEFAULT 0,
    receipts_duplicate  INTEGER NOT NULL DEFAULT 0,
    rows_rejected       INTEGER NOT NULL DEFAULT 0,
    at                  TEXT NOT NULL
);
CREATE INDEX imports_sha ON imports(sha256);

CREATE TABLE receipts (
    id            INTEGER PRIMARY KEY,
    source        TEXT NOT NULL,     -- format, plus shop/device where the file says
    till_id       TEXT NOT NULL,     -- the till's receipt id
    at_utc        TEXT,
    local_date    TEXT NOT NULL,     -- YYYY-MM-DD as written in the file
    local_time    TEXT,              -- HH:MM:SS
    total_minor   INTEGER NOT NULL,
    kind          TEXT NOT NULL CHECK (kind IN ('sale', 'refund')),
    member_id     INTEGER REFERENCES members(id) ON DELETE SET NULL,
    cust_card     TEXT,
    cust_phone    TEXT,
    cust_email    TEXT,
    cust_name     TEXT,
    import_id     INTEGER REFERENCES imports(id),
    UNIQUE (source, till_id)
);
CREATE INDEX receipts_member ON receipts(member_id, local_date) WHERE member_id IS NOT NULL;

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
