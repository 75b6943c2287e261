-- A birthday kept in the Hebrew or the Chinese calendar: the calendar, the
-- month as its ICU4X month code (M01 … M12, a leap month M05L) and the day.
-- Such a member has no Gregorian birth_month / birth_day: the Gregorian day
-- moves every year, so the reminders work it out for the days they look at
-- (`domain::birth_calendar`). The few members who keep one are found
-- through their own small index.
ALTER TABLE members ADD COLUMN birth_calendar TEXT
    CHECK (birth_calendar IN ('hebrew', 'chinese'));
ALTER TABLE members ADD COLUMN birth_calendar_month TEXT
    CHECK (birth_calendar_month GLOB 'M[0-1][0-9]' OR birth_calendar_month GLOB 'M[0-1][0-9]L');
ALTER TABLE members ADD COLUMN birth_calendar_day INTEGER
    CHECK (birth_calendar_day BETWEEN 1 AND 30);
CREATE INDEX members_birth_calendar ON members(birth_calendar, erased_at)
    WHERE birth_calendar IS NOT NULL;
