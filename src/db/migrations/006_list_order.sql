-- Lists in the shop's language's alphabetical order.
--
-- members.sort_key now holds a collation key (hex, so that SQLite's plain
-- byte comparison gives the language's order) computed by the app; which
-- language the stored keys follow is kept here. The app recomputes every
-- key when it opens the club and finds no language, or another one, here:
-- the keys written before this step are only folded names.
CREATE TABLE list_order (
    only_row  INTEGER PRIMARY KEY CHECK (only_row = 1),
    locale    TEXT NOT NULL
);

-- A new sort key alone changes no search value: it only moves the member's
-- words in the list order.
DROP TRIGGER members_search_stale;
CREATE TRIGGER members_search_stale
AFTER UPDATE OF first_name, family_name, phone, email, card ON members
WHEN new.search_text IS old.search_text AND new.erased_at IS NULL AND (
    new.first_name IS NOT old.first_name OR new.family_name IS NOT old.family_name OR
    new.phone IS NOT old.phone OR new.email IS NOT old.email OR new.card IS NOT old.card)
BEGIN
    UPDATE members SET search_text = NULL WHERE id = new.id;
    DELETE FROM member_words WHERE member_id = new.id;
END;

CREATE TRIGGER members_sort_words AFTER UPDATE OF sort_key ON members
WHEN new.sort_key IS NOT old.sort_key
BEGIN
    UPDATE member_words SET sort_key = new.sort_key WHERE member_id = new.id;
END;

-- Names in scripts written without spaces (Chinese, Japanese, Thai, Lao,
-- Khmer, Burmese) are now also found as written whole ("高玲"): fold them
-- again so that their joined forms are indexed.
UPDATE members SET search_text = NULL
WHERE search_text IS NOT NULL AND (
    first_name || family_name GLOB '*[฀-໿က-႟ក-៿぀-ヿ㐀-鿿豈-﫿]*'
    OR first_name || family_name GLOB '*[𠀀-𯿿]*');
