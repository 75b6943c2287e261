//! A Hebrew or Chinese birthday in words, from the locale file: "12
//! Tishrei", "Eighth Month 15", and with the Gregorian day it falls on
//! next, "12 Tishrei (23 Sept this year)". The month names are the locale
//! file's, so every language names the months its own way.

use chrono::{Datelike, NaiveDate};

use crate::domain::birth_calendar::{BirthCalendar, CalendarBirthday};
use crate::i18n::{t, t_args};
use crate::words::dates::month_short;

/// "Gregorian", "Hebrew", "Chinese".
pub fn calendar_name(calendar: BirthCalendar) -> String {
    t(&format!("calendar-{}", calendar.code()))
}

/// "Tishrei", "Adar I"; "Eighth Month", "Leap Fourth Month".
pub fn month_name(b: &CalendarBirthday) -> String {
    let m = b.month();
    let code = m.code().to_lowercase();
    match b.calendar() {
        BirthCalendar::Chinese if m.leap => {
            let ordinary = t(&format!("calendar-chinese-m{:02}", m.number));
            t_args("calendar-chinese-leap", &[("month", &ordinary)])
        }
        calendar => t(&format!("calendar-{}-{code}", calendar.code())),
    }
}

/// "12 Tishrei", "Eighth Month 15": the birthday in its own calendar.
pub fn calendar_day(b: &CalendarBirthday) -> String {
    let key = format!("calendar-{}-date", b.calendar().code());
    t_args(
        &key,
        &[("day", &b.day().to_string()), ("month", &month_name(b))],
    )
}

/// "23 Sep": a Gregorian day and month.
fn gregorian_day(date: NaiveDate) -> String {
    t_args(
        "calendar-gregorian-day",
        &[
            ("day", &date.day().to_string()),
            ("month", &month_short(date.month())),
        ],
    )
}

/// "(23 Sept this year)", or "(… next year)" once this year's day has
/// passed: the Gregorian day beside the calendar's own.
pub fn gregorian_this_or_next_year(b: &CalendarBirthday, today: NaiveDate) -> Option<String> {
    let next = b.next_on_or_after(today)?;
    let key = if next.year() == today.year() {
        "calendar-gregorian-this-year"
    } else {
        "calendar-gregorian-next-year"
    };
    Some(t_args(key, &[("gregorian", &gregorian_day(next))]))
}

/// "12 Tishrei (23 Sept this year)": the card and the command line show both.
pub fn calendar_day_with_gregorian(b: &CalendarBirthday, today: NaiveDate) -> String {
    let own = calendar_day(b);
    match gregorian_this_or_next_year(b, today) {
        Some(gregorian) => t_args(
            "calendar-with-gregorian",
            &[("date", &own), ("gregorian", &gregorian)],
        ),
        None => own,
    }
}

/// "✓ 12 Tishrei · 23 Sept": the form's short hint, the next day it falls on.
pub fn calendar_hint_ok(b: &CalendarBirthday, today: NaiveDate) -> String {
    let next = b.next_on_or_after(today).map(gregorian_day);
    t_args(
        "ui-hint-calendar-ok",
        &[
            ("date", &calendar_day(b)),
            ("gregorian", &next.unwrap_or_default()),
        ],
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::birth_calendar::LunarMonth;
    use crate::i18n::Locale;

    fn birthday(calendar: BirthCalendar, number: u8, leap: bool, day: u8) -> CalendarBirthday {
        CalendarBirthday::new(calendar, LunarMonth { number, leap }, day).unwrap()
    }

    fn on(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    #[test]
    fn the_card_says_both_days() {
        Locale::english().scope(|| {
            let tishrei = birthday(BirthCalendar::Hebrew, 1, false, 12);
            assert_eq!(
                calendar_day_with_gregorian(&tishrei, on(2026, 9, 1)),
                "12 Tishrei (23 Sept this year)"
            );
            // Passed this year: the day it comes back.
            assert_eq!(
                calendar_day_with_gregorian(&tishrei, on(2026, 12, 1)),
                "12 Tishrei (13 Oct next year)"
            );
            let adar_i = birthday(BirthCalendar::Hebrew, 5, true, 14);
            assert_eq!(calendar_day(&adar_i), "14 Adar I");
            let leap = birthday(BirthCalendar::Chinese, 4, true, 15);
            assert_eq!(calendar_day(&leap), "Leap Fourth Month 15");
        });
    }

    #[test]
    fn every_language_names_every_month() {
        for lang in ["en", "he", "hr", "zh", "th"] {
            Locale::new(lang).scope(|| {
                let hebrew = (1..=12)
                    .map(|n| birthday(BirthCalendar::Hebrew, n, false, 1))
                    .chain([birthday(BirthCalendar::Hebrew, 5, true, 1)]);
                let chinese = (1..=12).flat_map(|n| {
                    [false, true]
                        .map(|leap| {
                            CalendarBirthday::new(
                                BirthCalendar::Chinese,
                                LunarMonth { number: n, leap },
                                1,
                            )
                        })
                        .into_iter()
                        .flatten()
                });
                for b in hebrew.chain(chinese) {
                    let name = month_name(&b);
                    assert!(
                        !name.is_empty() && !name.contains("calendar-"),
                        "{lang}: {name}"
                    );
                }
                for c in BirthCalendar::ALL {
                    assert!(!calendar_name(c).contains("calendar-"), "{lang}");
                }
            });
        }
    }
}
