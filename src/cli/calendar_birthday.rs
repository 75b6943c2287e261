//! A member's birthday calendar on the command line: `--birthday-calendar`
//! read, the JSON fields `birthday_calendar`, `birthday_calendar_month`
//! (the ICU4X month code, `M01` … `M12`, a leap month `M05L`),
//! `birthday_calendar_day` and `birthday_this_year` (ISO), and the card's
//! line "Birthday: 12 Tishrei (23 Sept this year)".

use chrono::{Datelike, NaiveDate};
use serde_json::{Value, json};

use crate::domain::birth_calendar::BirthCalendar;
use crate::domain::dates::{Feb29, celebrated_in};
use crate::domain::member::MemberCard;
use crate::error::{Error, Result};
use crate::i18n::t;
use crate::words::calendar::calendar_day_with_gregorian;

/// `--birthday-calendar`, Gregorian when not given.
pub fn read(code: Option<&str>) -> Result<BirthCalendar> {
    let Some(code) = code else {
        return Ok(BirthCalendar::Gregorian);
    };
    BirthCalendar::from_code(code).ok_or_else(|| {
        let all: Vec<&str> = BirthCalendar::ALL.iter().map(|c| c.code()).collect();
        Error::user(
            "err-unknown-calendar",
            &[("calendar", code), ("calendars", &all.join(", "))],
        )
    })
}

/// Adds the calendar fields to `member show --json`; the Gregorian
/// `birthday` field stays as it was (null for a Hebrew or Chinese one).
pub fn fill_member_json(card: &MemberCard, today: NaiveDate, rule: Feb29, value: &mut Value) {
    let iso = |d: NaiveDate| json!(d.format("%Y-%m-%d").to_string());
    let (calendar, month, day, this_year) =
        match (&card.calendar_birthday, card.member.draft.birthday) {
            (Some(b), _) => (
                json!(b.calendar().code()),
                json!(b.month().code()),
                json!(b.day()),
                b.this_year(today.year()).map_or(Value::Null, iso),
            ),
            (None, Some(b)) => (
                json!(BirthCalendar::Gregorian.code()),
                json!(format!("M{:02}", b.month)),
                json!(b.day),
                celebrated_in(today.year(), b.month, b.day, rule).map_or(Value::Null, iso),
            ),
            (None, None) => (Value::Null, Value::Null, Value::Null, Value::Null),
        };
    value["birthday_calendar"] = calendar;
    value["birthday_calendar_month"] = month;
    value["birthday_calendar_day"] = day;
    value["birthday_this_year"] = this_year;
}

/// The card's birthday line for a Hebrew or Chinese birthday; empty for
/// a Gregorian one (the card shows that itself).
pub fn card_line(card: &MemberCard, today: NaiveDate) -> String {
    match &card.calendar_birthday {
        Some(b) => format!(
            "  {}: {}\n",
            t("field-birthday"),
            calendar_day_with_gregorian(b, today)
        ),
        None => String::new(),
    }
}
