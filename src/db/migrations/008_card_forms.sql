-- A card typed as people say it: "hr1001" or "HR 1001" for HR-1001, and
-- "1001" alone for its number. Both forms are worked out from card_fold by
-- SQL itself, so these indexes need no new column and no rewrite of the
-- members table; the search reads them with exactly these expressions.
CREATE INDEX members_card_compact
    ON members(replace(replace(card_fold, '-', ''), ' ', ''))
    WHERE card_fold IS NOT NULL;
CREATE INDEX members_card_number
    ON members(ltrim(replace(replace(card_fold, '-', ''), ' ', ''), 'abcdefghijklmnopqrstuvwxyz'))
    WHERE card_fold IS NOT NULL;
