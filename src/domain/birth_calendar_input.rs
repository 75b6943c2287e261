//! A Hebrew or Chinese birthday as the owner types it, and back.
//!
//! The day comes first, as a number, then the month; the month may also
//! come first ("Tishrei 12"). Dots, dashes and slashes count as spaces.
//! - Hebrew: the month's name in Latin letters or in Hebrew (`12 Tishrei`,
//!   `12 Cheshvan`, `14 Adar I`, `14 Adar II`, `12 תשרי`, `12 בתשרי`,
//!   `14 אדר א`), or its number in civil order, Tishrei 1 to Elul 12, Adar 6
//!   and Adar I `5L` (`12.1`, `14.5L`).
//! - Chinese: the month's number, a leap month with `L` after it or `闰`
//!   before it (`15.8`, `15.4L`, `15 闰4`); the Chinese names work too
//!   (`15 八月`, `1 正月`, `8 腊月`, `15 闰四月`).
//!
//! No year: the birthday is a month and a day in that calendar.

use crate::domain::birth_calendar::{BirthCalendar, CalendarBirthday, LunarMonth};
use crate::domain::member::{FieldError, fold};

/// Hebrew month names as typed, folded (see `member::fold`), by month.
const HEBREW_NAMES: &[(&str, u8, bool)] = &[
    ("tishrei", 1, false),
    ("tishri", 1, false),
    ("tisri", 1, false),
    ("תשרי", 1, false),
    ("heshvan", 2, false),
    ("cheshvan", 2, false),
    ("hesvan", 2, false),
    ("marcheshvan", 2, false),
    ("marheshvan", 2, false),
    ("חשון", 2, false),
    ("חשוון", 2, false),
    ("מרחשון", 2, false),
    ("מרחשוון", 2, false),
    ("kislev", 3, false),
    ("כסלו", 3, false),
    ("כסליו", 3, false),
    ("tevet", 4, false),
    ("teves", 4, false),
    ("טבת", 4, false),
    ("shevat", 5, false),
    ("shvat", 5, false),
    ("sevat", 5, false),
    ("שבט", 5, false),
    ("adar i", 5, true),
    ("adar 1", 5, true),
    ("adar a", 5, true),
    ("אדר א", 5, true),
    ("אדר ראשון", 5, true),
    ("adar", 6, false),
    ("adar ii", 6, false),
    ("adar 2", 6, false),
    ("adar b", 6, false),
    ("אדר", 6, false),
    ("אדר ב", 6, false),
    ("אדר שני", 6, false),
    ("nisan", 7, false),
    ("nissan", 7, false),
    ("ניסן", 7, false),
    ("iyar", 8, false),
    ("iyyar", 8, false),
    ("ijar", 8, false),
    ("אייר", 8, false),
    ("איר", 8, false),
    ("sivan", 9, false),
    ("סיון", 9, false),
    ("סיוון", 9, false),
    ("tammuz", 10, false),
    ("tamuz", 10, false),
    ("תמוז", 10, false),
    ("av", 11, false),
    ("menachem av", 11, false),
    ("אב", 11, false),
    ("מנחם אב", 11, false),
    ("elul", 12, false),
    ("אלול", 12, false),
];

/// The name the form shows when a stored Hebrew birthday is edited; the
/// first of [`HEBREW_NAMES`] per month, so it reads back the same.
const HEBREW_TYPED: [&str; 12] = [
    "Tishrei", "Heshvan", "Kislev", "Tevet", "Shevat", "Adar", "Nisan", "Iyar", "Sivan", "Tammuz",
    "Av", "Elul",
];

const CHINESE_NUMERALS: [&str; 12] = [
    "一", "二", "三", "四", "五", "六", "七", "八", "九", "十", "十一", "十二",
];

/// Reads a birthday typed in `calendar` (not the Gregorian one).
pub fn parse_calendar_birthday(
    input: &str,
    calendar: BirthCalendar,
) -> Result<CalendarBirthday, FieldError> {
    let spaced: String = fold(input)
        .chars()
        .map(|c| match c {
            '.' | ',' | '-' | '/' | '\'' | '"' | '׳' | '״' => ' ',
            c => c,
        })
        .collect();
    let words: Vec<&str> = spaced.split_whitespace().collect();
    if words.is_empty() {
        return Err(FieldError::Required);
    }
    let is_day = |w: &str| !w.is_empty() && w.chars().all(|c| c.is_ascii_digit());
    let (day, month) = match (words.first(), words.last()) {
        (Some(first), _) if is_day(first) && words.len() > 1 => (*first, words[1..].join(" ")),
        (_, Some(last)) if is_day(last) && words.len() > 1 => {
            (*last, words[..words.len() - 1].join(" "))
        }
        _ => return Err(FieldError::CalendarDate),
    };
    let day: u8 = day.parse().map_err(|_| FieldError::CalendarDate)?;
    let month = match calendar {
        BirthCalendar::Hebrew => hebrew_month(&month),
        BirthCalendar::Chinese => chinese_month(&month),
        BirthCalendar::Gregorian => None,
    }
    .ok_or(FieldError::CalendarDate)?;
    CalendarBirthday::new(calendar, month, day)
}

fn hebrew_month(text: &str) -> Option<LunarMonth> {
    let named = |t: &str| {
        HEBREW_NAMES
            .iter()
            .find(|(name, _, _)| *name == t)
            .map(|&(_, number, leap)| LunarMonth { number, leap })
    };
    // "12 בתשרי": the Hebrew "in" before the month's name.
    named(text)
        .or_else(|| text.strip_prefix('ב').and_then(named))
        .or_else(|| numbered_month(text))
}

fn chinese_month(text: &str) -> Option<LunarMonth> {
    let (text, leap_word) = match text.strip_prefix('闰') {
        Some(rest) => (rest.trim(), true),
        None => (text, false),
    };
    let month = numbered_month(text).or_else(|| {
        let name = text.strip_suffix('月').unwrap_or(text);
        let number = match name {
            "正" => 1,
            "冬" => 11,
            "腊" | "臘" => 12,
            _ => CHINESE_NUMERALS.iter().position(|n| *n == name)? as u8 + 1,
        };
        Some(LunarMonth {
            number,
            leap: false,
        })
    })?;
    Some(LunarMonth {
        leap: month.leap || leap_word,
        ..month
    })
}

/// "1" … "12", a leap month "5l" (folded from "5L").
fn numbered_month(text: &str) -> Option<LunarMonth> {
    let (digits, leap) = match text.strip_suffix('l') {
        Some(d) => (d.trim(), true),
        None => (text, false),
    };
    let number: u8 = digits.parse().ok()?;
    Some(LunarMonth { number, leap })
}

/// The birthday as the form shows it for editing, in a form that
/// [`parse_calendar_birthday`] reads back whatever the language.
pub fn typed_calendar_birthday(b: &CalendarBirthday) -> String {
    let m = b.month();
    match b.calendar() {
        BirthCalendar::Hebrew if m.leap => format!("{} Adar I", b.day()),
        BirthCalendar::Hebrew => {
            let name = HEBREW_TYPED[usize::from(m.number.clamp(1, 12)) - 1];
            format!("{} {name}", b.day())
        }
        _ if m.leap => format!("{}.{}L", b.day(), m.number),
        _ => format!("{}.{}", b.day(), m.number),
    }
}
