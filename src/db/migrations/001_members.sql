-- Members and what the owner knows about them.
CREATE TABLE members (
    id            INTEGER PRIMARY KEY,
    first_name    TEXT NOT NULL,
    family_name   TEXT NOT NULL DEFAULT '',
    -- folded "family first" for sorting lists the way people expect
    sort_key      TEXT NOT NULL,
    phone         TEXT,           -- E.164
    email         TEXT,           -- lower case
    birth_month   INTEGER CHECK (birth_month BETWEEN 1 AND 12),
    birth_day     INTEGER CHECK (birth_day BETWEEN 1 AND 31),
    birth_year    INTEGER,
    card          TEXT,           -- club card or till customer code
    area          TEXT,
    language      TEXT,
    tags          TEXT,
    referred_by   INTEGER REFERENCES members(id) ON DELETE SET NULL,
    joined_at     TEXT NOT NULL,  -- YYYY-MM-DD
    note          TEXT,
    erased_at     TEXT
);
CREATE UNIQUE INDEX members_card ON members(card) WHERE card IS NOT NULL;
CREATE INDEX members_phone ON members(phone) WHERE phone IS NOT NULL;
CREATE INDEX members_email ON members(email) WHERE email IS NOT NULL;
-- month*100+day, for birthday windows without computing dates per row
CREATE INDEX members_birthday ON members(birth_month * 100 + birth_day) WHERE birth_month IS NOT NULL;
CREATE INDEX members_sort ON members(sort_key);

CREATE TABLE children (
    id            INTEGER PRIMARY KEY,
    member_id     INTEGER NOT NULL REFERENCES members(id) ON DELETE CASCADE,
    name          TEXT NOT NULL,
    gender        TEXT,
    born          TEXT,           -- YYYY-MM-DD when known
    approx_years  INTEGER,        -- "about N years old" ...
    approx_on     TEXT            -- ... said on this day
);
CREATE INDEX children_member ON children(member_id);

CREATE TABLE pets (
    id            INTEGER PRIMARY KEY,
    member_id     INTEGER NOT NULL REFERENCES members(id) ON DELETE CASCADE,
    name          TEXT NOT NULL,
    kind          TEXT NOT NULL,
    born          TEXT,
    approx_years  INTEGER,
    approx_on     TEXT,
    gotcha        TEXT            -- the day the pet came home, optional
);
CREATE INDEX pets_member ON pets(member_id);

-- Append-only: the current consent of a channel is its last row.
CREATE TABLE consents (
    id            INTEGER PRIMARY KEY,
    member_id     INTEGER NOT NULL REFERENCES members(id) ON DELETE CASCADE,
    channel       TEXT NOT NULL CHECK (channel IN ('sms', 'email', 'phone', 'post')),
    granted       INTEGER NOT NULL CHECK (granted IN (0, 1)),
    at            TEXT NOT NULL,
    how           TEXT NOT NULL
);
CREATE INDEX consents_member ON consents(member_id, channel, id);

-- Hashed contacts that asked never to be messaged; survives erasure.
CREATE TABLE suppression (
    hash          TEXT PRIMARY KEY,
    channel       TEXT NOT NULL,
    at            TEXT NOT NULL
);
