//! A birthday kept in the Hebrew or the Chinese calendar, and the Gregorian
//! days it falls on. The calendar arithmetic is ICU4X's (`icu_calendar`);
//! what is decided here is the day a birthday is kept on in a year that
//! lacks its month or its day:
//!
//! - Hebrew: a birthday in Adar of a common year is kept in Adar II in a
//!   leap year (both are month code `M06`), one in Adar I (`M05L`) stays in
//!   Adar I in leap years and is kept in Adar in common years; Adar II is
//!   stored as Adar. The 30th of a month that has 29 days this year (30
//!   Heshvan, 30 Kislev, 30 Adar I kept in Adar) is kept on the 1st of the
//!   next month: 1 Kislev, 1 Tevet, 1 Nisan.
//! - Chinese: a birthday in a leap month is kept in the ordinary month of
//!   the same number in years without that leap month; the 30th of a month
//!   that has 29 days this year is kept on the 29th.
//!
//! A Hebrew or Chinese year starts in the autumn or late winter, so a
//! Gregorian year can hold the same birthday twice, or not at all:
//! [`CalendarBirthday::days_between`] finds every day within a stretch.
//! Pure: every function takes the days it is asked about.

use chrono::{Datelike, Duration, NaiveDate};
use icu_calendar::cal::{ChineseTraditional, Hebrew};
use icu_calendar::error::LunisolarDateError;
use icu_calendar::types::Month;
use icu_calendar::{AsCalendar, Date, Iso};

use crate::domain::member::FieldError;

/// The calendar a member's birthday is kept in; the JSON `birthday_calendar`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum BirthCalendar {
    #[default]
    Gregorian,
    Hebrew,
    Chinese,
}

impl BirthCalendar {
    pub const ALL: [BirthCalendar; 3] = [
        BirthCalendar::Gregorian,
        BirthCalendar::Hebrew,
        BirthCalendar::Chinese,
    ];

    pub fn code(self) -> &'static str {
        match self {
            BirthCalendar::Gregorian => "gregorian",
            BirthCalendar::Hebrew => "hebrew",
            BirthCalendar::Chinese => "chinese",
        }
    }

    pub fn from_code(code: &str) -> Option<BirthCalendar> {
        BirthCalendar::ALL
            .into_iter()
            .find(|c| c.code().eq_ignore_ascii_case(code.trim()))
    }

    /// The next one in the signup form's cycle: Gregorian, Hebrew, Chinese.
    pub fn next(self) -> BirthCalendar {
        let i = BirthCalendar::ALL
            .iter()
            .position(|c| *c == self)
            .unwrap_or(0);
        BirthCalendar::ALL[(i + 1) % BirthCalendar::ALL.len()]
    }
}

/// A month of a lunisolar calendar as ICU4X numbers it: Hebrew months in
/// civil order (Tishrei 1 … Elul 12, Adar 6, Adar I the leap month 5),
/// Chinese months 1–12, a leap month with the number of the month before it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct LunarMonth {
    pub number: u8,
    pub leap: bool,
}

impl LunarMonth {
    /// The Temporal / ICU4X month code, as stored: `M01` … `M12`, `M05L`.
    pub fn code(self) -> String {
        format!("M{:02}{}", self.number, if self.leap { "L" } else { "" })
    }

    pub fn from_code(code: &str) -> Option<LunarMonth> {
        let rest = code.trim().strip_prefix('M')?;
        let (digits, leap) = match rest.strip_suffix('L') {
            Some(d) => (d, true),
            None => (rest, false),
        };
        if digits.len() != 2 {
            return None;
        }
        let number = digits.parse().ok().filter(|n| (1..=12).contains(n))?;
        Some(LunarMonth { number, leap })
    }

    fn icu(self) -> Month {
        if self.leap {
            Month::leap(self.number)
        } else {
            Month::new(self.number)
        }
    }
}

/// A birthday in the Hebrew or the Chinese calendar: month and day, no year.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct CalendarBirthday {
    calendar: BirthCalendar,
    month: LunarMonth,
    day: u8,
}

/// Years searched for a month and day that only some years have (Adar I,
/// 30 Heshvan, a Chinese leap month): ICU4X's Chinese data is exact for
/// 1900–2100, and a Hebrew date that exists at all exists within a century.
const HEBREW_YEARS: std::ops::RangeInclusive<i32> = 5700..=5860;
const CHINESE_YEARS: std::ops::RangeInclusive<i32> = 1900..=2100;

impl CalendarBirthday {
    /// Refuses the Gregorian calendar and a month and day no year has
    /// (30 Tevet, a Hebrew leap month other than Adar I, a Chinese leap
    /// month that never comes).
    pub fn new(
        calendar: BirthCalendar,
        month: LunarMonth,
        day: u8,
    ) -> Result<CalendarBirthday, FieldError> {
        let valid_month = (1..=12).contains(&month.number)
            && (!month.leap || calendar == BirthCalendar::Chinese || month.number == 5);
        if !valid_month || !(1..=30).contains(&day) {
            return Err(FieldError::CalendarDate);
        }
        let exists = match calendar {
            BirthCalendar::Gregorian => false,
            BirthCalendar::Hebrew => HEBREW_YEARS
                .into_iter()
                .any(|y| Date::try_new_hebrew_v2(y, month.icu(), day).is_ok()),
            BirthCalendar::Chinese => CHINESE_YEARS
                .into_iter()
                .any(|y| Date::try_new_chinese_traditional(y, month.icu(), day).is_ok()),
        };
        if !exists {
            return Err(FieldError::CalendarDate);
        }
        Ok(CalendarBirthday {
            calendar,
            month,
            day,
        })
    }

    pub fn calendar(&self) -> BirthCalendar {
        self.calendar
    }

    pub fn month(&self) -> LunarMonth {
        self.month
    }

    pub fn day(&self) -> u8 {
        self.day
    }

    /// The Gregorian day the birthday is kept on in the calendar's own
    /// `year` (Hebrew anno mundi; Chinese by the Gregorian year its New Year
    /// falls in), by the rules at the top of this file.
    pub fn kept_in(&self, year: i32) -> Option<NaiveDate> {
        match self.calendar {
            BirthCalendar::Gregorian => None,
            BirthCalendar::Hebrew => self.hebrew_in(year),
            BirthCalendar::Chinese => self.chinese_in(year),
        }
    }

    fn hebrew_in(&self, year: i32) -> Option<NaiveDate> {
        let mut month = self.month.icu();
        if self.month.leap && Date::try_new_hebrew_v2(year, month, 1).is_err() {
            // Adar I in a common year: Adar.
            month = Month::new(6);
        }
        match Date::try_new_hebrew_v2(year, month, self.day) {
            Ok(date) => gregorian(&date),
            Err(LunisolarDateError::InvalidDay { max }) => {
                // The 30th of a 29-day month: the 1st of the next month.
                let last = Date::try_new_hebrew_v2(year, month, max).ok()?;
                gregorian(&last).map(|d| d + Duration::days(1))
            }
            Err(_) => None,
        }
    }

    fn chinese_in(&self, year: i32) -> Option<NaiveDate> {
        let mut month = self.month.icu();
        if self.month.leap && Date::try_new_chinese_traditional(year, month, 1).is_err() {
            // No such leap month this year: the ordinary month of that number.
            month = Month::new(self.month.number);
        }
        match Date::try_new_chinese_traditional(year, month, self.day) {
            Ok(date) => gregorian(&date),
            Err(LunisolarDateError::InvalidDay { max }) => {
                // The 30th of a 29-day month: the 29th.
                gregorian(&Date::try_new_chinese_traditional(year, month, max).ok()?)
            }
            Err(_) => None,
        }
    }

    /// The calendar's own year that `date` falls in.
    fn year_of(&self, date: NaiveDate) -> Option<i32> {
        let iso = Date::try_new_iso(date.year(), date.month() as u8, date.day() as u8).ok()?;
        Some(match self.calendar {
            BirthCalendar::Gregorian => date.year(),
            BirthCalendar::Hebrew => iso.to_calendar(Hebrew).year().extended_year(),
            BirthCalendar::Chinese => iso
                .to_calendar(ChineseTraditional::new())
                .year()
                .extended_year(),
        })
    }

    /// Every day the birthday is kept on from `from` through `to`, in order.
    pub fn days_between(&self, from: NaiveDate, to: NaiveDate) -> Vec<NaiveDate> {
        let (Some(first), Some(last)) = (self.year_of(from), self.year_of(to)) else {
            return vec![];
        };
        (first..=last)
            .filter_map(|year| self.kept_in(year))
            .filter(|d| (from..=to).contains(d))
            .collect()
    }

    /// The next day on or after `today` that the birthday is kept on.
    pub fn next_on_or_after(&self, today: NaiveDate) -> Option<NaiveDate> {
        // A Hebrew leap year has at most 385 days.
        self.days_between(today, today + Duration::days(390))
            .into_iter()
            .next()
    }

    /// The day it is kept on in the Gregorian `year`: the first, when the
    /// year holds it twice; early the next year when this one skips it.
    pub fn this_year(&self, year: i32) -> Option<NaiveDate> {
        self.next_on_or_after(NaiveDate::from_ymd_opt(year, 1, 1)?)
    }
}

fn gregorian<A: AsCalendar>(date: &Date<A>) -> Option<NaiveDate> {
    let iso = date.to_calendar(Iso);
    NaiveDate::from_ymd_opt(
        iso.year().extended_year(),
        u32::from(iso.month().ordinal),
        u32::from(iso.day_of_month().0),
    )
}

#[cfg(test)]
#[path = "birth_calendar_tests.rs"]
mod tests;
