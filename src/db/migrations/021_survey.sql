-- Answers to the owner's survey. The question's words and kind are kept
-- with each answer, so editing the config later never relabels what was
-- answered before; a scale's score is kept as a number for its mean.
CREATE TABLE survey_answers (
    id         INTEGER PRIMARY KEY,
    member_id  INTEGER NOT NULL REFERENCES members(id) ON DELETE CASCADE,
    question   TEXT NOT NULL,
    kind       TEXT NOT NULL CHECK (kind IN ('nps', 'csat', 'choice', 'text')),
    score      INTEGER,
    answer     TEXT NOT NULL,
    at         TEXT NOT NULL,   -- YYYY-MM-DD HH:MM:SS
    how        TEXT NOT NULL,   -- counter, import
    CHECK ((score IS NULL) = (kind IN ('choice', 'text')))
);
CREATE INDEX survey_answers_member ON survey_answers(member_id);
CREATE INDEX survey_answers_question ON survey_answers(question, at);
