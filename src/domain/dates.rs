//! Birthdays on the calendar: when the next one falls, how many days until
//! it, how old someone turns. Feb 29 follows the shop's rule in other years.

use chrono::{Datelike, NaiveDate};

use crate::config::Feb29;

/// The day a birthday (month, day) is celebrated in `year`.
pub fn celebrated_in(year: i32, month: u32, day: u32, rule: Feb29) -> Option<NaiveDate> {
    NaiveDate::from_ymd_opt(year, month, day).or_else(|| match (month, day, rule) {
        (2, 29, Feb29::Feb28) => NaiveDate::from_ymd_opt(year, 2, 28),
        (2, 29, Feb29::Mar1) => NaiveDate::from_ymd_opt(year, 3, 1),
        _ => None,
    })
}

/// The next day on or after `today` that the birthday is celebrated.
pub fn next_birthday(month: u32, day: u32, today: NaiveDate, rule: Feb29) -> Option<NaiveDate> {
    let this_year = celebrated_in(today.year(), month, day, rule)?;
    if this_year >= today {
        Some(this_year)
    } else {
        celebrated_in(today.year() + 1, month, day, rule)
    }
}

/// Days from `today` to the next celebration (0 = today).
pub fn days_until_birthday(month: u32, day: u32, today: NaiveDate, rule: Feb29) -> Option<i64> {
    next_birthday(month, day, today, rule).map(|d| (d - today).num_days())
}

/// How old someone born in `birth_year` turns at their next birthday.
pub fn turning(
    birth_year: i32,
    month: u32,
    day: u32,
    today: NaiveDate,
    rule: Feb29,
) -> Option<i32> {
    next_birthday(month, day, today, rule).map(|d| d.year() - birth_year)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    #[test]
    fn feb29_follows_the_rule() {
        assert_eq!(
            next_birthday(2, 29, d(2027, 1, 10), Feb29::Feb28),
            Some(d(2027, 2, 28))
        );
        assert_eq!(
            next_birthday(2, 29, d(2027, 1, 10), Feb29::Mar1),
            Some(d(2027, 3, 1))
        );
        assert_eq!(
            next_birthday(2, 29, d(2028, 1, 10), Feb29::Feb28),
            Some(d(2028, 2, 29))
        );
    }

    #[test]
    fn windows_cross_the_new_year() {
        assert_eq!(
            days_until_birthday(1, 2, d(2026, 12, 28), Feb29::Feb28),
            Some(5)
        );
        assert_eq!(
            days_until_birthday(12, 28, d(2026, 12, 28), Feb29::Feb28),
            Some(0)
        );
        assert_eq!(
            days_until_birthday(12, 27, d(2026, 12, 28), Feb29::Feb28),
            Some(364)
        );
        assert_eq!(turning(1986, 1, 2, d(2026, 12, 28), Feb29::Feb28), Some(41));
    }
}
