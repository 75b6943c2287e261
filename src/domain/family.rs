//! Children and pets: what the owner remembers about a member's family.
//! A birth date may be known exactly, or only as "about N years old" on the
//! day it was said; the latter keeps aging and is never stored as a fake Jan 1.

use chrono::{Datelike, NaiveDate};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BirthInfo {
    Born(NaiveDate),
    About { years: u32, on: NaiveDate },
    Unknown,
}

impl BirthInfo {
    /// Whole years old on `today`, and whether the figure is approximate.
    pub fn age(&self, today: NaiveDate) -> Option<(u32, bool)> {
        match *self {
            BirthInfo::Born(born) => Some((years_between(born, today), false)),
            BirthInfo::About { years, on } => Some((years + years_between(on, today), true)),
            BirthInfo::Unknown => None,
        }
    }
}

/// Full years from `from` to `to` (0 if `to` is earlier). Someone born on
/// Feb 29 has their birthday on Mar 1 in this count only in the sense that
/// they are a year older once Feb 28 is over.
pub fn years_between(from: NaiveDate, to: NaiveDate) -> u32 {
    if to < from {
        return 0;
    }
    let mut years = to.year() - from.year();
    if (to.month(), to.day()) < (from.month(), from.day()) {
        years -= 1;
    }
    years.max(0) as u32
}

#[derive(Debug, Clone, PartialEq)]
pub struct Child {
    pub id: i64,
    pub member_id: i64,
    pub name: String,
    pub gender: Option<String>,
    pub birth: BirthInfo,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Pet {
    pub id: i64,
    pub member_id: i64,
    pub name: String,
    pub kind: String,
    pub birth: BirthInfo,
    /// The day the pet came home, celebrated as its "gotcha day".
    pub gotcha: Option<NaiveDate>,
    /// The day the pet passed away: it stays on the card, marked, and is
    /// no longer wished a happy birthday or gotcha day.
    pub passed_away: Option<NaiveDate>,
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    #[test]
    fn exact_and_approximate_ages() {
        let today = d(2026, 11, 23);
        assert_eq!(
            BirthInfo::Born(d(2023, 11, 23)).age(today),
            Some((3, false))
        );
        assert_eq!(
            BirthInfo::Born(d(2023, 11, 24)).age(today),
            Some((2, false))
        );
        // "about 3" said two years ago keeps aging.
        assert_eq!(
            BirthInfo::About {
                years: 3,
                on: d(2024, 6, 1)
            }
            .age(today),
            Some((5, true))
        );
        assert_eq!(BirthInfo::Unknown.age(today), None);
    }

    #[test]
    fn leap_day_birthdays_count_up_after_feb_28() {
        let born = d(2020, 2, 29);
        assert_eq!(years_between(born, d(2021, 2, 28)), 0);
        assert_eq!(years_between(born, d(2021, 3, 1)), 1);
        assert_eq!(years_between(born, d(2024, 2, 29)), 4);
    }
}
