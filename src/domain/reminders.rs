//! Reminders: which birthdays of members, children and pets, and which
//! gotcha days (the day a pet came home), fall within the next few days.
//!
//! The database keeps every such date as a month-day key (`month * 100 +
//! day`) with an index, so a window of days becomes one key range per
//! calendar year it touches (two when it crosses New Year) plus, in years
//! without Feb 29, the single key 229 on the day the shop celebrates it.
//! [`Window::key_ranges`] says which; [`Window::in_year`] turns a date found
//! in a range into the reminder for that year. Pure: `today` is a field.

use chrono::{Datelike, Duration, NaiveDate};

use crate::domain::birth_calendar::CalendarBirthday;
use crate::domain::dates::Feb29;
use crate::domain::dates::celebrated_in;

/// Whose day it is; the JSON `kind`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Kind {
    Member,
    Child,
    Pet,
}

impl Kind {
    pub fn code(self) -> &'static str {
        match self {
            Kind::Member => "member",
            Kind::Child => "child",
            Kind::Pet => "pet",
        }
    }
}

/// What is celebrated.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Occasion {
    Birthday,
    /// The day a pet came home.
    Gotcha,
}

impl Occasion {
    pub fn code(self) -> &'static str {
        match self {
            Occasion::Birthday => "birthday",
            Occasion::Gotcha => "gotcha",
        }
    }
}

/// A date that comes back every year, as stored. The member's own name and
/// details are read separately, in one batch for a whole list.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Anniversary {
    pub member_id: i64,
    pub kind: Kind,
    pub occasion: Occasion,
    /// The child's or pet's own id; the member's id for the member.
    pub id: i64,
    /// A child's or pet's name; empty for the member.
    pub name: String,
    /// A child's gender ("boy", "girl") or a pet's kind ("dog").
    pub detail: Option<String>,
    pub month: u32,
    pub day: u32,
    pub year: Option<i32>,
}

impl Anniversary {
    /// The celebrant's first name, given the member's.
    pub fn name_or<'a>(&'a self, member_first_name: &'a str) -> &'a str {
        match self.kind {
            Kind::Member => member_first_name,
            Kind::Child | Kind::Pet => &self.name,
        }
    }
}

/// One anniversary on the day it is celebrated within the window.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Reminder {
    pub date: NaiveDate,
    /// 0 = today.
    pub days_until: i64,
    /// The age reached (years since coming home for a gotcha day), only
    /// when the year is known.
    pub turning: Option<i32>,
    /// A Feb 29 date celebrated on Feb 28 or Mar 1 this year; the list says so.
    pub moved_from_feb29: bool,
    pub anniversary: Anniversary,
}

/// Month-day keys `from ..= to` celebrated in `year`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct KeyRange {
    pub year: i32,
    pub from: u32,
    pub to: u32,
}

/// `month * 100 + day`, the stored key.
pub fn month_day(date: NaiveDate) -> u32 {
    date.month() * 100 + date.day()
}

/// The days `today ..= today + days`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Window {
    pub today: NaiveDate,
    pub days: u32,
    pub rule: Feb29,
}

impl Window {
    pub fn new(today: NaiveDate, days: u32, rule: Feb29) -> Window {
        Window { today, days, rule }
    }

    pub fn last_day(&self) -> NaiveDate {
        self.today + Duration::days(i64::from(self.days))
    }

    /// The key ranges to look up, one per calendar year the window touches,
    /// plus `229..=229` for a year without Feb 29 whose stand-in day (Feb 28
    /// or Mar 1, by the rule) is in the window and the key 229 is not
    /// already inside that year's range.
    pub fn key_ranges(&self) -> Vec<KeyRange> {
        let last = self.last_day();
        let mut ranges = vec![];
        for year in self.today.year()..=last.year() {
            let (Some(jan1), Some(dec31)) = (
                NaiveDate::from_ymd_opt(year, 1, 1),
                NaiveDate::from_ymd_opt(year, 12, 31),
            ) else {
                continue;
            };
            let (from, to) = (self.today.max(jan1), last.min(dec31));
            let range = KeyRange {
                year,
                from: month_day(from),
                to: month_day(to),
            };
            ranges.push(range);
            let leap = NaiveDate::from_ymd_opt(year, 2, 29).is_some();
            let stand_in = celebrated_in(year, 2, 29, self.rule);
            let covered = (range.from..=range.to).contains(&229);
            if !leap && !covered && stand_in.is_some_and(|d| (from..=to).contains(&d)) {
                ranges.push(KeyRange {
                    year,
                    from: 229,
                    to: 229,
                });
            }
        }
        ranges
    }

    /// The reminder for `a` in `year`, if its day falls in the window and
    /// there is something to celebrate: a birth on or after the day itself
    /// (a baby born this week, a pet that came home this year, a mistyped
    /// year) is no anniversary yet.
    pub fn in_year(&self, a: Anniversary, year: i32) -> Option<Reminder> {
        let date = celebrated_in(year, a.month, a.day, self.rule)?;
        if date < self.today || date > self.last_day() {
            return None;
        }
        let turning = a.year.map(|y| date.year() - y);
        if turning.is_some_and(|t| t < 1) {
            return None;
        }
        Some(Reminder {
            date,
            days_until: (date - self.today).num_days(),
            turning,
            moved_from_feb29: (a.month, a.day) == (2, 29) && date.day() != 29,
            anniversary: a,
        })
    }

    /// The reminders of a member's Hebrew or Chinese birthday: each
    /// Gregorian day it is kept on within the window, as an anniversary of
    /// that day. No age: such a birthday is kept without its year.
    pub fn kept_by_calendar(&self, member_id: i64, b: &CalendarBirthday) -> Vec<Reminder> {
        b.days_between(self.today, self.last_day())
            .into_iter()
            .filter_map(|date| {
                let a = Anniversary {
                    member_id,
                    kind: Kind::Member,
                    occasion: Occasion::Birthday,
                    id: member_id,
                    name: String::new(),
                    detail: None,
                    month: date.month(),
                    day: date.day(),
                    year: None,
                };
                self.in_year(a, date.year())
            })
            .collect()
    }

    /// Every reminder of `a` in the window, found through the key ranges as
    /// the database query finds it (tests and lists held in memory).
    pub fn reminders_of(&self, a: &Anniversary) -> Vec<Reminder> {
        let key = a.month * 100 + a.day;
        self.key_ranges()
            .into_iter()
            .filter(|r| (r.from..=r.to).contains(&key))
            .filter_map(|r| self.in_year(a.clone(), r.year))
            .collect()
    }
}

/// The order of the list: by day, then member, then the member before
/// their children before their pets, birthdays before gotcha days.
pub fn sort(reminders: &mut Vec<Reminder>) {
    let key = |r: &Reminder| {
        let a = &r.anniversary;
        (r.date, a.member_id, a.kind, a.occasion, a.id)
    };
    // Thousands of rows of some 200 bytes each: sorting small keys and
    // moving every row once is much cheaper than moving rows while sorting.
    let mut order: Vec<_> = reminders
        .iter()
        .enumerate()
        .map(|(i, r)| (key(r), i))
        .collect();
    order.sort_unstable();
    let mut slots: Vec<Option<Reminder>> = reminders.drain(..).map(Some).collect();
    reminders.extend(order.into_iter().filter_map(|(_, i)| slots[i].take()));
}

/// One member's reminders on one day: a row of the weekly list
/// ("Tue 3 Mar · Maya Cohen turns 40 · son Noam turns 6 · Rex (dog) turns 2").
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HouseholdDay {
    pub date: NaiveDate,
    pub member_id: i64,
    /// In [`sort`] order.
    pub reminders: Vec<Reminder>,
}

/// Groups sorted reminders into one row per member and day.
pub fn by_household(reminders: &[Reminder]) -> Vec<HouseholdDay> {
    let mut rows: Vec<HouseholdDay> = vec![];
    for r in reminders {
        match rows.last_mut() {
            Some(row) if row.date == r.date && row.member_id == r.anniversary.member_id => {
                row.reminders.push(r.clone())
            }
            _ => rows.push(HouseholdDay {
                date: r.date,
                member_id: r.anniversary.member_id,
                reminders: vec![r.clone()],
            }),
        }
    }
    rows
}

#[cfg(test)]
#[path = "reminders_tests.rs"]
pub(crate) mod tests;
