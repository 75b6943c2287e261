//! Community events: what one is, the 90 days after it that show whether
//! coming made a difference, and the per-member averages of a group.

use chrono::{Duration, NaiveDate};

/// How many days after an event its figures cover.
pub const AFTER_DAYS: i64 = 90;

/// An event as stored.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Event {
    pub id: i64,
    pub name: String,
    pub date: NaiveDate,
    /// How many can come; None when there is no limit.
    pub capacity: Option<i64>,
}

/// An event with how many were invited and how many came, for a list.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EventRow {
    pub event: Event,
    pub invited: i64,
    pub attended: i64,
}

impl EventRow {
    /// How many were invited beyond the capacity (0 when within it).
    pub fn over_capacity(&self) -> i64 {
        over(self.event.capacity, self.invited)
    }
}

/// A member on an event's list: invited, come, or both.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Guest {
    pub member_id: i64,
    pub name: String,
    pub invited: bool,
    pub came: bool,
}

/// How many of `count` go beyond `capacity` (0 when within it or no limit).
pub fn over(capacity: Option<i64>, count: i64) -> i64 {
    capacity.map_or(0, |c| (count - c).max(0))
}

/// The days the figures cover: the day after the event through 90 days
/// after it, both included. The event day itself is left out: a visit
/// on the day is most likely the event.
pub fn after_window(day: NaiveDate) -> (NaiveDate, NaiveDate) {
    (day + Duration::days(1), day + Duration::days(AFTER_DAYS))
}

/// Whether all 90 days are over by `today`. The last day of the window
/// is complete only once it has passed: the day's receipts may still come.
pub fn window_complete(day: NaiveDate, today: NaiveDate) -> bool {
    today > after_window(day).1
}

/// A group's visits and net spend (refunds subtract) in the 90 days.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct GroupTotals {
    pub members: i64,
    pub visits: i64,
    pub spend_minor: i64,
}

impl GroupTotals {
    /// Visits per member, to two decimals; None for an empty group.
    pub fn visits_each(&self) -> Option<f64> {
        (self.members > 0)
            .then(|| (self.visits as f64 / self.members as f64 * 100.0).round() / 100.0)
    }

    /// Spend per member in minor units, rounded half away from zero; None
    /// for an empty group.
    pub fn spend_each(&self) -> Option<i64> {
        (self.members > 0).then(|| {
            let twice = self.spend_minor * 2;
            let sign = if twice < 0 { -1 } else { 1 };
            (twice + sign * self.members) / (2 * self.members)
        })
    }
}

/// The 90 days after an event: those who came against the active members
/// who were not invited (and did not come).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct AfterEvent {
    pub from: NaiveDate,
    pub to: NaiveDate,
    pub complete: bool,
    pub attended: GroupTotals,
    pub others: GroupTotals,
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(text: &str) -> NaiveDate {
        NaiveDate::parse_from_str(text, "%Y-%m-%d").unwrap()
    }

    #[test]
    fn the_window_is_the_ninety_days_after_the_event_day() {
        let (from, to) = after_window(day("2026-01-10"));
        assert_eq!((from, to), (day("2026-01-11"), day("2026-04-10")));
        assert!(!window_complete(day("2026-01-10"), day("2026-04-10")));
        assert!(window_complete(day("2026-01-10"), day("2026-04-11")));
        assert!(!window_complete(day("2026-01-10"), day("2026-01-10")));
    }

    #[test]
    fn averages_per_member_round_and_say_nothing_for_no_one() {
        let group = GroupTotals {
            members: 3,
            visits: 4,
            spend_minor: 1001,
        };
        assert_eq!(group.visits_each(), Some(1.33));
        assert_eq!(group.spend_each(), Some(334));
        let refunds = GroupTotals {
            members: 2,
            visits: 0,
            spend_minor: -3,
        };
        assert_eq!(refunds.spend_each(), Some(-2));
        assert_eq!(GroupTotals::default().visits_each(), None);
        assert_eq!(GroupTotals::default().spend_each(), None);
    }

    #[test]
    fn over_capacity_counts_only_beyond_the_limit() {
        assert_eq!(over(Some(10), 12), 2);
        assert_eq!(over(Some(10), 8), 0);
        assert_eq!(over(None, 500), 0);
    }
}
