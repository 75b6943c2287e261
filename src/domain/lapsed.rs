//! Regulars who stopped coming: by default at least 3 visits in the last 6
//! months and none in the last 6 weeks. The numbers are the config's
//! `[reminders]` section. A visit is a day with a sale receipt.

use chrono::{Duration, Months, NaiveDate};
use serde::Deserialize;

/// `[reminders]` in the config.
#[derive(Debug, Clone, Copy, Deserialize, PartialEq, Eq)]
#[serde(deny_unknown_fields, default)]
pub struct LapsedRule {
    /// Visits needed within `lapsed_months` to count as a regular.
    pub lapsed_visits: u32,
    /// How far back visits are counted.
    pub lapsed_months: u32,
    /// Weeks without a visit after which a regular counts as gone.
    pub lapsed_weeks: u32,
}

impl Default for LapsedRule {
    fn default() -> Self {
        LapsedRule {
            lapsed_visits: 3,
            lapsed_months: 6,
            lapsed_weeks: 6,
        }
    }
}

impl LapsedRule {
    /// The first day whose visits count: `lapsed_months` before `today`.
    pub fn counted_from(&self, today: NaiveDate) -> NaiveDate {
        today
            .checked_sub_months(Months::new(self.lapsed_months))
            .unwrap_or(NaiveDate::MIN)
    }

    /// The last day a visit may fall on for the member to count as gone:
    /// no visit in the `lapsed_weeks * 7` days up to today.
    pub fn quiet_since(&self, today: NaiveDate) -> NaiveDate {
        today - Duration::days(i64::from(self.lapsed_weeks) * 7)
    }

    /// The rule on a member's visit days (any order, repeats allowed).
    pub fn is_lapsed(&self, visits: &[NaiveDate], today: NaiveDate) -> bool {
        let from = self.counted_from(today);
        let mut counted: Vec<NaiveDate> = visits
            .iter()
            .copied()
            .filter(|d| *d >= from && *d <= today)
            .collect();
        counted.sort();
        counted.dedup();
        counted.len() >= self.lapsed_visits as usize
            && counted
                .last()
                .is_some_and(|last| *last <= self.quiet_since(today))
    }

    /// What is wrong with the numbers, as (key, value), for the config error.
    pub fn check(&self) -> Result<(), (&'static str, u32)> {
        if self.lapsed_visits == 0 {
            return Err(("lapsed_visits", 0));
        }
        if self.lapsed_months == 0 {
            return Err(("lapsed_months", 0));
        }
        if self.lapsed_weeks == 0 {
            return Err(("lapsed_weeks", 0));
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    #[test]
    fn three_visits_then_six_quiet_weeks() {
        let rule = LapsedRule::default();
        let today = d(2026, 11, 23);
        assert_eq!(rule.counted_from(today), d(2026, 5, 23));
        assert_eq!(rule.quiet_since(today), d(2026, 10, 12));
        let regular = [d(2026, 6, 1), d(2026, 7, 1), d(2026, 10, 12)];
        assert!(rule.is_lapsed(&regular, today));
        // A visit 41 days ago is within the six weeks.
        let recent = [d(2026, 6, 1), d(2026, 7, 1), d(2026, 10, 13)];
        assert!(!rule.is_lapsed(&recent, today));
        // Two visits, one of them twice on a day, are not a regular.
        let twice = [d(2026, 6, 1), d(2026, 6, 1), d(2026, 7, 1)];
        assert!(!rule.is_lapsed(&twice, today));
        // Visits before the six months do not count.
        let old = [d(2026, 5, 22), d(2026, 6, 1), d(2026, 7, 1)];
        assert!(!rule.is_lapsed(&old, today));
    }

    #[test]
    fn month_ends_and_zero_values() {
        let rule = LapsedRule::default();
        assert_eq!(rule.counted_from(d(2026, 8, 31)), d(2026, 2, 28));
        let zero = LapsedRule {
            lapsed_weeks: 0,
            ..rule
        };
        assert_eq!(zero.check(), Err(("lapsed_weeks", 0)));
        assert_eq!(rule.check(), Ok(()));
    }
}
