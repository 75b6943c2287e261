-- Birthdays and gotcha days as month * 100 + day, so that "the next 30 days"
-- is one or two index ranges instead of a date worked out for every row.
-- The keys are plain columns kept by triggers, whoever writes the row
-- (counter, demo data, import): SQLite reads a generated column from the
-- table even when an index holds it, and the indexes below are meant to
-- answer the weekly list without touching the tables.
ALTER TABLE members ADD COLUMN birth_md INTEGER;
UPDATE members SET birth_md = birth_month * 100 + birth_day;
CREATE TRIGGER members_birth_md_insert AFTER INSERT ON members
    WHEN NEW.birth_month IS NOT NULL BEGIN
    UPDATE members SET birth_md = NEW.birth_month * 100 + NEW.birth_day WHERE id = NEW.id;
END;
CREATE TRIGGER members_birth_md_update AFTER UPDATE OF birth_month, birth_day ON members BEGIN
    UPDATE members SET birth_md = NEW.birth_month * 100 + NEW.birth_day WHERE id = NEW.id;
END;
CREATE INDEX members_birth_md ON members(birth_md, birth_year, erased_at)
    WHERE birth_md IS NOT NULL;
-- Erased members, to leave their children and pets out without a lookup each.
CREATE INDEX members_erased ON members(erased_at) WHERE erased_at IS NOT NULL;

-- YYYY-MM-DD → month * 100 + day; NULL stays NULL.
ALTER TABLE children ADD COLUMN birth_md INTEGER;
UPDATE children SET birth_md = CAST(substr(born, 6, 2) AS INTEGER) * 100 + CAST(substr(born, 9, 2) AS INTEGER);
CREATE TRIGGER children_birth_md_insert AFTER INSERT ON children
    WHEN NEW.born IS NOT NULL BEGIN
    UPDATE children SET birth_md = CAST(substr(NEW.born, 6, 2) AS INTEGER) * 100
        + CAST(substr(NEW.born, 9, 2) AS INTEGER) WHERE id = NEW.id;
END;
CREATE TRIGGER children_birth_md_update AFTER UPDATE OF born ON children BEGIN
    UPDATE children SET birth_md = CAST(substr(NEW.born, 6, 2) AS INTEGER) * 100
        + CAST(substr(NEW.born, 9, 2) AS INTEGER) WHERE id = NEW.id;
END;
CREATE INDEX children_birth_md ON children(birth_md, member_id, name, gender, born)
    WHERE birth_md IS NOT NULL;

ALTER TABLE pets ADD COLUMN birth_md INTEGER;
ALTER TABLE pets ADD COLUMN gotcha_md INTEGER;
UPDATE pets SET
    birth_md = CAST(substr(born, 6, 2) AS INTEGER) * 100 + CAST(substr(born, 9, 2) AS INTEGER),
    gotcha_md = CAST(substr(gotcha, 6, 2) AS INTEGER) * 100 + CAST(substr(gotcha, 9, 2) AS INTEGER);
CREATE TRIGGER pets_md_insert AFTER INSERT ON pets
    WHEN NEW.born IS NOT NULL OR NEW.gotcha IS NOT NULL BEGIN
    UPDATE pets SET
        birth_md = CAST(substr(NEW.born, 6, 2) AS INTEGER) * 100 + CAST(substr(NEW.born, 9, 2) AS INTEGER),
        gotcha_md = CAST(substr(NEW.gotcha, 6, 2) AS INTEGER) * 100 + CAST(substr(NEW.gotcha, 9, 2) AS INTEGER)
    WHERE id = NEW.id;
END;
CREATE TRIGGER pets_md_update AFTER UPDATE OF born, gotcha ON pets BEGIN
    UPDATE pets SET
        birth_md = CAST(substr(NEW.born, 6, 2) AS INTEGER) * 100 + CAST(substr(NEW.born, 9, 2) AS INTEGER),
        gotcha_md = CAST(substr(NEW.gotcha, 6, 2) AS INTEGER) * 100 + CAST(substr(NEW.gotcha, 9, 2) AS INTEGER)
    WHERE id = NEW.id;
END;
CREATE INDEX pets_birth_md ON pets(birth_md, member_id, name, kind, born)
    WHERE birth_md IS NOT NULL;
CREATE INDEX pets_gotcha_md ON pets(gotcha_md, member_id, name, kind, gotcha)
    WHERE gotcha_md IS NOT NULL;

-- Who was wished a happy birthday or asked to come back, and how. `for_date`
-- is the day it was about (the birthday, or the last visit before a
-- winback), so a row on the weekly list stays done until the next one.
CREATE TABLE contact_log (
    id            INTEGER PRIMARY KEY,
    member_id     INTEGER NOT NULL REFERENCES members(id) ON DELETE CASCADE,
    what          TEXT NOT NULL,    -- birthday, child-birthday, pet-birthday, gotcha-day, winback
    for_date      TEXT,             -- YYYY-MM-DD
    channel       TEXT NOT NULL CHECK (channel IN ('sms', 'email', 'phone', 'post', 'shop')),
    at            TEXT NOT NULL
);
CREATE INDEX contact_log_member ON contact_log(member_id, for_date);
