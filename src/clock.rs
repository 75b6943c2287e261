//! The one place that knows what day it is.
//!
//! Every date the app shows or stores comes from a [`Clock`]. `--today` or
//! `REGULARS_TODAY` fixes it (tests, demos, "what would Monday look like");
//! otherwise it follows the machine's local calendar. No other module reads the
//! system clock, so every rule about birthdays, tiers or lapsed regulars can be
//! tested for any day of any year.

use chrono::{Local, NaiveDate, NaiveDateTime, NaiveTime};

#[derive(Debug, Clone, Copy)]
pub struct Clock {
    fixed: Option<NaiveDate>,
}

impl Clock {
    /// The real local calendar, unless `fixed` pins the day.
    pub fn new(fixed: Option<NaiveDate>) -> Self {
        Self { fixed }
    }

    /// A clock pinned to one day (tests and `--today`).
    pub fn fixed(day: NaiveDate) -> Self {
        Self { fixed: Some(day) }
    }

    pub fn today(&self) -> NaiveDate {
        self.fixed.unwrap_or_else(|| Local::now().date_naive())
    }

    /// Date and time for timestamps (consent given, contact made). A fixed
    /// clock stands at noon of its day so that stored values are repeatable.
    pub fn now(&self) -> NaiveDateTime {
        match self.fixed {
            Some(day) => day.and_time(NaiveTime::from_hms_opt(12, 0, 0).expect("noon exists")),
            None => Local::now().naive_local(),
        }
    }
}

/// Parses `YYYY-MM-DD` for `--today`; clap shows the error text.
pub fn parse_day(s: &str) -> Result<NaiveDate, String> {
    NaiveDate::parse_from_str(s.trim(), "%Y-%m-%d")
        .map_err(|_| crate::i18n::t_args("err-today-format", &[("value", s)]))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fixed_clock_gives_its_day_at_noon() {
        let day = NaiveDate::from_ymd_opt(2028, 2, 29).unwrap();
        let clock = Clock::fixed(day);
        assert_eq!(clock.today(), day);
        assert_eq!(clock.now().date(), day);
        assert_eq!(
            clock.now().time(),
            NaiveTime::from_hms_opt(12, 0, 0).unwrap()
        );
    }

    #[test]
    fn parse_day_rejects_impossible_dates() {
        assert!(parse_day("2026-02-29").is_err());
        assert_eq!(
            parse_day(" 2024-02-29 ").unwrap(),
            NaiveDate::from_ymd_opt(2024, 2, 29).unwrap()
        );
    }
}
