//! Birthdays on the calendar: when the next one falls, how many days until
//! it, how old someone turns. Feb 29 follows the shop's rule in other years.
//! Also which birthdays of a member's household (the member, children, pets)
//! fall within the next few days, for "birthday this week" at the counter.

use chrono::{Datelike, Duration, NaiveDate, Weekday};
use serde::Deserialize;

use crate::domain::birth_calendar::CalendarBirthday;
use crate::domain::family::BirthInfo;
use crate::domain::member::MemberCard;

/// How a Feb 29 birthday is kept in years without one: the shop's choice.
#[derive(Debug, Clone, Copy, Deserialize, PartialEq, Eq, Default)]
#[serde(rename_all = "lowercase")]
pub enum Feb29 {
    /// Celebrated on Feb 28 in years without Feb 29.
    #[default]
    Feb28,
    /// Celebrated on Mar 1 in years without Feb 29.
    Mar1,
}

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

/// Whose birthday it is, as the member card names them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Celebrant {
    /// The member themself.
    Member,
    Child {
        name: String,
    },
    Pet {
        name: String,
        kind: String,
    },
}

/// One birthday within the window asked for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Celebration {
    /// The day it is celebrated (Feb 29 moved by the shop's rule).
    pub date: NaiveDate,
    /// 0 = today.
    pub days_until: i64,
    pub who: Celebrant,
    /// The age reached that day, only when the birth year is known.
    pub turning: Option<i32>,
}

/// The birthdays of the member, their children and their pets celebrated from
/// `today` through `today + days` (both included), sorted by date; on the same
/// day the member comes first, then children, then pets, in card order.
/// Only exact dates count: "about 3 years old" gives no day to celebrate.
pub fn celebrations_within(
    card: &MemberCard,
    today: NaiveDate,
    days: u32,
    rule: Feb29,
) -> Vec<Celebration> {
    let window = Window { today, days, rule };
    let mut found = Vec::new();
    if let Some(b) = card.member.draft.birthday {
        found.extend(window.celebration(Celebrant::Member, b.month, b.day, b.year));
    }
    if let Some(b) = &card.calendar_birthday {
        found.extend(window.kept_by_calendar(b));
    }
    for child in &card.children {
        if let BirthInfo::Born(born) = child.birth {
            let who = Celebrant::Child {
                name: child.name.clone(),
            };
            found.extend(window.born(who, born));
        }
    }
    // A pet that has passed away is no longer celebrated.
    for pet in card.pets.iter().filter(|p| p.passed_away.is_none()) {
        if let BirthInfo::Born(born) = pet.birth {
            let who = Celebrant::Pet {
                name: pet.name.clone(),
                kind: pet.kind.clone(),
            };
            found.extend(window.born(who, born));
        }
    }
    // Stable: keeps member, children, pets in order on the same day.
    found.sort_by_key(|c| c.date);
    found
}

/// The days asked about: `today` through `today + days`.
struct Window {
    today: NaiveDate,
    days: u32,
    rule: Feb29,
}

impl Window {
    /// A Hebrew or Chinese birthday: its next Gregorian day, no age.
    fn kept_by_calendar(&self, b: &CalendarBirthday) -> Option<Celebration> {
        let date = b.next_on_or_after(self.today)?;
        let days_until = (date - self.today).num_days();
        (days_until <= i64::from(self.days)).then_some(Celebration {
            date,
            days_until,
            who: Celebrant::Member,
            turning: None,
        })
    }

    fn born(&self, who: Celebrant, born: NaiveDate) -> Option<Celebration> {
        self.celebration(who, born.month(), born.day(), Some(born.year()))
    }

    fn celebration(
        &self,
        who: Celebrant,
        month: u32,
        day: u32,
        year: Option<i32>,
    ) -> Option<Celebration> {
        let date = next_birthday(month, day, self.today, self.rule)?;
        let days_until = (date - self.today).num_days();
        if days_until > i64::from(self.days) {
            return None;
        }
        let turning = year.map(|y| date.year() - y);
        // A birth date on or after the day itself (a baby born this week, a
        // mistyped year) is not a birthday yet.
        if turning.is_some_and(|age| age < 1) {
            return None;
        }
        Some(Celebration {
            date,
            days_until,
            who,
            turning,
        })
    }
}

/// How the UI says when a day is: "today", "tomorrow", the weekday name for
/// the rest of the coming week, else "in N days". The UI translates.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DayLabel {
    Today,
    Tomorrow,
    /// 2 to 6 days ahead: the weekday is unambiguous.
    Weekday(Weekday),
    /// A week or more ahead (or in the past): the count of days.
    InDays(i64),
}

impl DayLabel {
    /// The locale message for this label; `InDays` takes `$days`.
    pub fn message_key(&self) -> &'static str {
        match self {
            DayLabel::Today => "day-today",
            DayLabel::Tomorrow => "day-tomorrow",
            DayLabel::Weekday(Weekday::Mon) => "day-monday",
            DayLabel::Weekday(Weekday::Tue) => "day-tuesday",
            DayLabel::Weekday(Weekday::Wed) => "day-wednesday",
            DayLabel::Weekday(Weekday::Thu) => "day-thursday",
            DayLabel::Weekday(Weekday::Fri) => "day-friday",
            DayLabel::Weekday(Weekday::Sat) => "day-saturday",
            DayLabel::Weekday(Weekday::Sun) => "day-sunday",
            DayLabel::InDays(_) => "day-in-days",
        }
    }
}

/// The label for a day `days_until` days after `today`.
pub fn day_label(days_until: i64, today: NaiveDate) -> DayLabel {
    match days_until {
        0 => DayLabel::Today,
        1 => DayLabel::Tomorrow,
        2..=6 => today
            .checked_add_signed(Duration::days(days_until))
            .map_or(DayLabel::InDays(days_until), |d| {
                DayLabel::Weekday(d.weekday())
            }),
        n => DayLabel::InDays(n),
    }
}

#[cfg(test)]
#[path = "dates_tests.rs"]
mod tests;
