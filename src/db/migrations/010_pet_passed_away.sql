-- A pet that has passed away stays on the card and in the history, marked
-- with the day, but is no longer wished a happy birthday or gotcha day.
-- The reminders and the review find pets through birth_md / gotcha_md, so
-- those are kept empty while passed_away is set: no query needs to learn
-- about it, and a later change of born or gotcha cannot bring them back.
ALTER TABLE pets ADD COLUMN passed_away TEXT;  -- YYYY-MM-DD

DROP TRIGGER pets_md_insert;
CREATE TRIGGER pets_md_insert AFTER INSERT ON pets
    WHEN NEW.born IS NOT NULL OR NEW.gotcha IS NOT NULL BEGIN
    UPDATE pets SET
        birth_md = CASE WHEN NEW.passed_away IS NULL THEN
            CAST(substr(NEW.born, 6, 2) AS INTEGER) * 100 + CAST(substr(NEW.born, 9, 2) AS INTEGER) END,
        gotcha_md = CASE WHEN NEW.passed_away IS NULL THEN
            CAST(substr(NEW.gotcha, 6, 2) AS INTEGER) * 100 + CAST(substr(NEW.gotcha, 9, 2) AS INTEGER) END
    WHERE id = NEW.id;
END;

DROP TRIGGER pets_md_update;
CREATE TRIGGER pets_md_update AFTER UPDATE OF born, gotcha, passed_away ON pets BEGIN
    UPDATE pets SET
        birth_md = CASE WHEN NEW.passed_away IS NULL THEN
            CAST(substr(NEW.born, 6, 2) AS INTEGER) * 100 + CAST(substr(NEW.born, 9, 2) AS INTEGER) END,
        gotcha_md = CASE WHEN NEW.passed_away IS NULL THEN
            CAST(substr(NEW.gotcha, 6, 2) AS INTEGER) * 100 + CAST(substr(NEW.gotcha, 9, 2) AS INTEGER) END
    WHERE id = NEW.id;
END;
