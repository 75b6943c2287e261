-- Community events: a workshop, a tasting, a reading hour. Who was invited
-- (and on which channel) and who came are kept per member, so the 90 days
-- after an event can be compared between those who came and the rest.
CREATE TABLE events (
    id          INTEGER PRIMARY KEY,
    name        TEXT NOT NULL CHECK (length(trim(name)) > 0),
    on_date     TEXT NOT NULL,   -- YYYY-MM-DD, the event's day
    capacity    INTEGER CHECK (capacity IS NULL OR capacity > 0),
    created_at  TEXT NOT NULL    -- YYYY-MM-DD HH:MM:SS
);
CREATE INDEX events_on_date ON events(on_date);

-- One row per member invited; inviting again keeps the first row.
CREATE TABLE event_invites (
    event_id    INTEGER NOT NULL REFERENCES events(id) ON DELETE CASCADE,
    member_id   INTEGER NOT NULL REFERENCES members(id) ON DELETE CASCADE,
    at          TEXT NOT NULL,   -- YYYY-MM-DD HH:MM:SS
    how         TEXT NOT NULL,   -- the channel: sms, email
    PRIMARY KEY (event_id, member_id)
) WITHOUT ROWID;
CREATE INDEX event_invites_member ON event_invites(member_id);

-- One row per member who came, invited or not.
CREATE TABLE event_attendance (
    event_id    INTEGER NOT NULL REFERENCES events(id) ON DELETE CASCADE,
    member_id   INTEGER NOT NULL REFERENCES members(id) ON DELETE CASCADE,
    at          TEXT NOT NULL,   -- YYYY-MM-DD HH:MM:SS
    how         TEXT NOT NULL,   -- card, list, cli
    PRIMARY KEY (event_id, member_id)
) WITHOUT ROWID;
CREATE INDEX event_attendance_member ON event_attendance(member_id);

-- A merge moves a member's rows to the member kept. When both were
-- invited to (or came to) the same event, the kept member's row stays
-- and the other is left behind, to go with the merged member's erasure:
-- one person is invited and comes once.
CREATE TRIGGER event_invites_merge BEFORE UPDATE OF member_id ON event_invites
WHEN EXISTS (SELECT 1 FROM event_invites WHERE event_id = new.event_id AND member_id = new.member_id)
BEGIN
    SELECT RAISE(IGNORE);
END;
CREATE TRIGGER event_attendance_merge BEFORE UPDATE OF member_id ON event_attendance
WHEN EXISTS (SELECT 1 FROM event_attendance WHERE event_id = new.event_id AND member_id = new.member_id)
BEGIN
    SELECT RAISE(IGNORE);
END;
