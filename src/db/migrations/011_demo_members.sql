-- Members made up by the demo fill, so that they can be told from real
-- ones: a demo goes only into an empty club (or alongside members when the
-- owner says so), is never added twice, and can be taken out again with
-- everything that hangs on it.
CREATE TABLE demo_members (
    member_id   INTEGER PRIMARY KEY REFERENCES members(id) ON DELETE CASCADE
);

-- Clubs filled before this step: the members whose receipts all came from
-- the demo till. A demo member who never bought anything cannot be told
-- from a real one and stays unmarked.
INSERT INTO demo_members
    SELECT member_id FROM receipts
    WHERE member_id IS NOT NULL
    GROUP BY member_id
    HAVING min(source = 'demo') = 1;

-- Taking many members out at once: each one removed looks up who they
-- brought (ON DELETE SET NULL), which without this reads every member.
CREATE INDEX members_referred_by ON members(referred_by) WHERE referred_by IS NOT NULL;
