-- Search-as-you-type at the counter.
--
-- Folding ("Željko" → "zeljko") is done by the app, so the app writes the
-- folded columns; SQL triggers keep everything derived from them in step.
-- A member whose search_text is NULL is not indexed yet: the app folds such
-- rows before it searches (this is also how rows from before this step get
-- their values).

-- Folded first name, family name, email and card, then the phone as E.164
-- digits and as national digits: one per line, always six lines.
ALTER TABLE members ADD COLUMN search_text TEXT;
ALTER TABLE members ADD COLUMN card_fold TEXT;
ALTER TABLE members ADD COLUMN phone_digits TEXT;
ALTER TABLE members ADD COLUMN phone_national TEXT;
-- Date of the latest sale receipt, kept by the receipt triggers below, so that
-- lists can put recent visitors first without reading every receipt.
ALTER TABLE members ADD COLUMN last_visit TEXT;

UPDATE members SET last_visit =
    (SELECT max(local_date) FROM receipts r WHERE r.member_id = members.id AND r.kind = 'sale');

CREATE INDEX members_card_fold ON members(card_fold) WHERE card_fold IS NOT NULL;
CREATE INDEX members_phone_digits ON members(phone_digits) WHERE phone_digits IS NOT NULL;
CREATE INDEX members_phone_national ON members(phone_national) WHERE phone_national IS NOT NULL;
-- The counter's list order; carries search_text (and erased_at, always NULL
-- here, so that SQLite sees the index covers the query) so that a scan for a
-- short fragment never has to read the members table itself.
CREATE INDEX members_recent ON members(last_visit DESC, sort_key, search_text, erased_at)
    WHERE erased_at IS NULL;
CREATE INDEX members_unindexed ON members(id) WHERE search_text IS NULL AND erased_at IS NULL;

-- Every word of a member's first name (part 0) and family name (part 1),
-- folded, with copies of the list order columns so that "names starting
-- with m" comes out of an index already in list order.
CREATE TABLE member_words (
    member_id   INTEGER NOT NULL,
    part        INTEGER NOT NULL CHECK (part IN (0, 1)),
    word        TEXT NOT NULL,
    last_visit  TEXT,
    sort_key    TEXT NOT NULL,
    PRIMARY KEY (member_id, part, word)
) WITHOUT ROWID;
-- A longer prefix reads its first three characters' entries in order and
-- skips the words that go on differently.
CREATE INDEX member_words_first1 ON member_words(substr(word, 1, 1), part, last_visit DESC, sort_key);
CREATE INDEX member_words_first2 ON member_words(substr(word, 1, 2), part, last_visit DESC, sort_key);
CREATE INDEX member_words_first3 ON member_words(substr(word, 1, 3), part, last_visit DESC, sort_key);

-- Any fragment of three or more characters of search_text.
CREATE VIRTUAL TABLE members_fts USING fts5(
    search_text,
    content = '',
    contentless_delete = 1,
    tokenize = 'trigram'
);

CREATE TRIGGER members_search_insert AFTER INSERT ON members
WHEN new.search_text IS NOT NULL AND new.erased_at IS NULL
BEGIN
    INSERT INTO members_fts (rowid, search_text) VALUES (new.id, new.search_text);
END;

CREATE TRIGGER members_search_update AFTER UPDATE OF search_text, erased_at ON members
BEGIN
    DELETE FROM members_fts WHERE rowid = old.id;
    INSERT INTO members_fts (rowid, search_text)
        SELECT new.id, new.search_text
        WHERE new.search_text IS NOT NULL AND new.erased_at IS NULL;
END;

CREATE TRIGGER members_search_delete AFTER DELETE ON members
BEGIN
    DELETE FROM members_fts WHERE rowid = old.id;
    DELETE FROM member_words WHERE member_id = old.id;
END;

-- Details changed without new folded values (not through the app's update):
-- mark the member for folding again.
CREATE TRIGGER members_search_stale
AFTER UPDATE OF first_name, family_name, sort_key, phone, email, card ON members
WHEN new.search_text IS old.search_text AND new.erased_at IS NULL AND (
    new.first_name IS NOT old.first_name OR new.family_name IS NOT old.family_name OR
    new.sort_key IS NOT old.sort_key OR new.phone IS NOT old.phone OR
    new.email IS NOT old.email OR new.card IS NOT old.card)
BEGIN
    UPDATE members SET search_text = NULL WHERE id = new.id;
    DELETE FROM member_words WHERE member_id = new.id;
END;

-- An erased member is never found, and no folded copy of their details stays.
CREATE TRIGGER members_search_erased AFTER UPDATE OF erased_at ON members
WHEN new.erased_at IS NOT NULL
BEGIN
    DELETE FROM member_words WHERE member_id = new.id;
    UPDATE members SET search_text = NULL, card_fold = NULL, phone_digits = NULL,
                       phone_national = NULL
    WHERE id = new.id;
END;

CREATE TRIGGER members_visit_words AFTER UPDATE OF last_visit ON members
WHEN new.last_visit IS NOT old.last_visit
BEGIN
    UPDATE member_words SET last_visit = new.last_visit WHERE member_id = new.id;
END;

CREATE TRIGGER receipts_visit_insert AFTER INSERT ON receipts
WHEN new.kind = 'sale' AND new.member_id IS NOT NULL
BEGIN
    UPDATE members SET last_visit = new.local_date
    WHERE id = new.member_id AND (last_visit IS NULL OR last_visit < new.local_date);
END;

CREATE TRIGGER receipts_visit_delete AFTER DELETE ON receipts
WHEN old.kind = 'sale' AND old.member_id IS NOT NULL
BEGIN
    UPDATE members SET last_visit =
        (SELECT max(local_date) FROM receipts WHERE member_id = old.member_id AND kind = 'sale')
    WHERE id = old.member_id;
END;

CREATE TRIGGER receipts_visit_update AFTER UPDATE OF member_id, kind, local_date ON receipts
BEGIN
    UPDATE members SET last_visit =
        (SELECT max(local_date) FROM receipts WHERE member_id = old.member_id AND kind = 'sale')
    WHERE id = old.member_id;
    UPDATE members SET last_visit =
        (SELECT max(local_date) FROM receipts WHERE member_id = new.member_id AND kind = 'sale')
    WHERE id = new.member_id;
END;
