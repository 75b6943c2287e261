-- Members near the next tier are a range of figures within one tier: this
-- index finds them, and counts them, without reading every member's tier.
CREATE INDEX member_tiers_near ON member_tiers(tier, metric DESC, member_id);

-- The weekly review and `regulars reminders` read the names and contact
-- details of thousands of members by id (a month of birthdays on a big
-- club): from this narrow index they are a few pages in id order instead
-- of a page of the wide members table each.
CREATE INDEX members_reach ON members(id, first_name, family_name, phone, email, language);

-- Each member's current consents are the last entry per channel; with
-- `granted` in the index they are found without reading the log itself.
CREATE INDEX consents_now ON consents(member_id, channel, id, granted);
