-- Members near the next tier are a range of figures within one tier: this
-- index finds them, and counts them, without reading every member's tier.
CREATE INDEX member_tiers_near ON member_tiers(tier, metric DESC, member_id);
