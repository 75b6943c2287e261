//! Dates and times as till exports write them.
//!
//! `2026-03-01T14:23:11+02:00`, `2026-03-01 14:23:11 +0100`, `4/5/26 5:11 PM`,
//! `13/05/25 23.43`, `03/03/2026 16:28`, `2026-04-08T17:04:33.3640811`,
//! `01-Mar-2026`, `Mar 1, 2026`, Excel serial days (`46082.48`), `20260301`
//! and Buddhist-era years (2569 = 2026). The date is kept as written (the
//! shop's local date); an offset, when the file gives one, is kept beside it.
//! Whether `03/04` is the 3rd of April or March 4th is decided per file from
//! the data (`DateVotes`); only the order is passed in here.
//!
//! A date outside [`FIRST_YEAR`]..=[`LAST_YEAR`] is refused: no till sold
//! anything in year 0 or 9999, and such a date (a spreadsheet's "no date"
//! or a damaged cell) would otherwise be stored as a real day.

use chrono::{Datelike, Duration, FixedOffset, NaiveDate, NaiveTime};

use super::time::{Meridiem, parse_offset, parse_time_token};

/// How a file orders day and month when the year comes last.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DateOrder {
    DayFirst,
    MonthFirst,
}

/// What a date parse needs to know beyond the text.
#[derive(Debug, Clone, Copy)]
pub struct DateRules {
    pub order: DateOrder,
    /// Two-digit years are placed near this day.
    pub today: NaiveDate,
    /// The file writes Buddhist-era years (Thai shops): `69` is 2569 = 2026.
    pub buddhist: bool,
}

pub use crate::domain::receipt::Stamp;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DateError {
    /// Not a date at all.
    Unreadable,
    /// Looks like a date but the day does not exist (April 31).
    NoSuchDate,
    /// A real day, but before [`FIRST_YEAR`] or after [`LAST_YEAR`].
    OutOfRange,
}

/// The first year a receipt may be dated in.
pub const FIRST_YEAR: i32 = 1900;
/// The last year a receipt may be dated in.
pub const LAST_YEAR: i32 = 2200;
/// Thai shops count years from 543 BCE (2569 = 2026).
const BUDDHIST_OFFSET: i32 = 543;

/// A four-digit year in the common era: a Buddhist-era year is one that
/// lands in the accepted years once converted (2443–2743); any other year
/// is left as written, to be refused when out of range.
fn common_era(year: i32) -> i32 {
    if is_buddhist_year(year) {
        year - BUDDHIST_OFFSET
    } else {
        year
    }
}

pub(super) fn is_buddhist_year(year: i32) -> bool {
    (FIRST_YEAR + BUDDHIST_OFFSET..=LAST_YEAR + BUDDHIST_OFFSET).contains(&year)
}

/// The stamp, when its year is one a receipt may have.
fn in_range(stamp: Stamp) -> Result<Stamp, DateError> {
    if (FIRST_YEAR..=LAST_YEAR).contains(&stamp.date.year()) {
        Ok(stamp)
    } else {
        Err(DateError::OutOfRange)
    }
}

/// One part of a date: a number (with how many digits it was written in) or a month name.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(super) enum Piece {
    Num(u32, usize),
    Month(u32),
}

const MONTHS: [&str; 12] = [
    "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec",
];
const WEEKDAYS: [&str; 7] = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"];

fn month_name(word: &str) -> Option<u32> {
    let w = word.trim_end_matches('.').to_lowercase();
    let known = w.len() >= 3 && w.chars().all(|c| c.is_ascii_alphabetic());
    MONTHS
        .iter()
        .position(|m| known && (w == *m || (w.starts_with(m) && w.len() > 3)))
        .map(|i| i as u32 + 1)
}

/// The parts of a text: date pieces, time, meridiem, offset.
#[derive(Debug, Default)]
pub(super) struct Parts {
    pub(super) date: Vec<Piece>,
    time: Option<NaiveTime>,
    meridiem: Option<Meridiem>,
    offset: Option<FixedOffset>,
}

fn split_date_word(word: &str) -> Option<Vec<Piece>> {
    let word = word.trim_end_matches('.');
    let parts: Vec<&str> = word.split(['/', '-', '.']).collect();
    if parts.len() != 3 {
        return None;
    }
    parts
        .iter()
        .map(|p| {
            if !p.is_empty() && p.len() <= 4 && p.chars().all(|c| c.is_ascii_digit()) {
                p.parse().ok().map(|n| Piece::Num(n, p.len()))
            } else {
                month_name(p).map(Piece::Month)
            }
        })
        .collect()
}

fn is_dotted_time(word: &str) -> bool {
    let parts: Vec<&str> = word.split('.').collect();
    (2..=3).contains(&parts.len())
        && parts[0].len() <= 2
        && parts[1..].iter().all(|p| p.len() == 2)
        && parts.iter().all(|p| p.chars().all(|c| c.is_ascii_digit()))
}

pub(super) fn tokenize(text: &str) -> Result<Parts, DateError> {
    let mut cleaned = String::with_capacity(text.len() + 2);
    let chars: Vec<char> = text.trim().chars().collect();
    for (i, &c) in chars.iter().enumerate() {
        let between_digits = i > 0
            && chars[i - 1].is_ascii_digit()
            && chars.get(i + 1).is_some_and(|n| n.is_ascii_digit());
        match c {
            // ISO's `T` between date and time, and "Mar 1, 2026".
            'T' | 't' if between_digits => cleaned.push(' '),
            ',' => cleaned.push(' '),
            _ => cleaned.push(c),
        }
    }
    let mut parts = Parts::default();
    for word in cleaned.split_whitespace() {
        let lower = word.to_lowercase();
        if let Some(m) = Meridiem::from_word(&lower) {
            parts.meridiem = Some(m);
        } else if word.contains(':') && parts.time.is_none() {
            let (time, meridiem, offset) = parse_time_token(word)?;
            parts.time = Some(time);
            parts.meridiem = meridiem.or(parts.meridiem);
            parts.offset = offset.or(parts.offset);
        } else if parts.time.is_some() && (word.starts_with(['+', '-']) || lower == "z") {
            parts.offset = Some(parse_offset(word)?);
        } else if matches!(lower.as_str(), "utc" | "gmt") {
            parts.offset = FixedOffset::east_opt(0);
        } else if parts.date.len() < 3 && word.chars().filter(|c| "/-.".contains(*c)).count() >= 2 {
            let pieces = split_date_word(word).ok_or(DateError::Unreadable)?;
            parts.date.extend(pieces);
        } else if parts.date.len() == 3 && parts.time.is_none() && is_dotted_time(word) {
            let (time, _, _) = parse_time_token(&word.replace('.', ":"))?;
            parts.time = Some(time);
        } else if word.len() <= 4 && word.chars().all(|c| c.is_ascii_digit()) {
            parts.date.push(Piece::Num(
                word.parse().map_err(|_| DateError::Unreadable)?,
                word.len(),
            ));
        } else if let Some(m) = month_name(word) {
            parts.date.push(Piece::Month(m));
        } else if WEEKDAYS.iter().any(|d| lower.starts_with(d)) {
            // "Mon, 2 Mar 2026": the weekday adds nothing.
        } else if word.len() <= 5 && word.chars().all(|c| c.is_ascii_uppercase()) {
            // A zone abbreviation (CET, EST): the date as written is what counts.
        } else {
            return Err(DateError::Unreadable);
        }
    }
    Ok(parts)
}

/// Reads a date with an optional time and offset.
pub fn parse_stamp(text: &str, rules: &DateRules) -> Result<Stamp, DateError> {
    let text = text.trim();
    match iso_date(text) {
        Some(stamp) => in_range(stamp),
        None => general_stamp(text, rules).and_then(in_range),
    }
}

/// The general rules for a trimmed text.
fn general_stamp(text: &str, rules: &DateRules) -> Result<Stamp, DateError> {
    if let Some(stamp) = excel_serial(text).or_else(|| compact_date(text)) {
        return Ok(stamp);
    }
    let parts = tokenize(text)?;
    let date = date_from_pieces(&parts.date, rules)?;
    let time = match (parts.time, parts.meridiem) {
        (Some(t), Some(m)) => Some(m.apply(t)?),
        (t, _) => t,
    };
    Ok(Stamp {
        date,
        time,
        offset: parts.offset,
    })
}

/// `2026-03-01`, the most common form, read without the general rules
/// (which give the same date). None when it is not exactly that form or
/// not a real day (the general rules then say why).
fn iso_date(text: &str) -> Option<Stamp> {
    let b = text.as_bytes();
    if b.len() != 10 || b[4] != b'-' || b[7] != b'-' {
        return None;
    }
    let number = |part: &[u8]| {
        part.iter().try_fold(0u32, |n, &d| {
            d.is_ascii_digit().then(|| n * 10 + u32::from(d - b'0'))
        })
    };
    // Buddhist-era years (2569 = 2026), as the general rules read them.
    let year = common_era(number(&b[..4])? as i32);
    let date = NaiveDate::from_ymd_opt(year, number(&b[5..7])?, number(&b[8..])?)?;
    Some(Stamp {
        date,
        time: None,
        offset: None,
    })
}

/// Excel's day numbers (a spreadsheet that lost the date format): 46082 =
/// 2026-03-01. Five to seven digits: 10000 is 1927, and 2958465, Excel's
/// last day (9999-12-31), is read to be refused as out of range rather
/// than as not a date.
fn excel_serial(text: &str) -> Option<Stamp> {
    let (days, fraction) = text.split_once('.').unwrap_or((text, ""));
    if !(5..=7).contains(&days.len())
        || days.starts_with('0')
        || !days.chars().all(|c| c.is_ascii_digit())
    {
        return None;
    }
    if !fraction.chars().all(|c| c.is_ascii_digit()) {
        return None;
    }
    let days: i64 = days.parse().ok()?;
    let date = NaiveDate::from_ymd_opt(1899, 12, 30)?.checked_add_signed(Duration::days(days))?;
    let time = if fraction.is_empty() {
        None
    } else {
        let digits: String = fraction.chars().take(12).collect();
        let scale = 10u128.pow(digits.len() as u32);
        let seconds = (digits.parse::<u128>().ok()? * 86_400 + scale / 2) / scale;
        NaiveTime::from_num_seconds_from_midnight_opt(seconds.min(86_399) as u32, 0)
    };
    Some(Stamp {
        date,
        time,
        offset: None,
    })
}

/// `20260301`.
fn compact_date(text: &str) -> Option<Stamp> {
    if text.len() != 8 || !text.chars().all(|c| c.is_ascii_digit()) {
        return None;
    }
    let year: i32 = text[..4].parse().ok()?;
    if !(1900..=2200).contains(&year) {
        return None;
    }
    let date = NaiveDate::from_ymd_opt(year, text[4..6].parse().ok()?, text[6..].parse().ok()?)?;
    Some(Stamp {
        date,
        time: None,
        offset: None,
    })
}

fn year_of(value: u32, written: usize, rules: &DateRules) -> i32 {
    let value = value as i32;
    if written >= 3 {
        // Buddhist era: 2569 BE = 2026 CE.
        return common_era(value);
    }
    let latest = rules.today.year() + 1;
    let ce = 2000 + value;
    let be = 2500 + value - BUDDHIST_OFFSET;
    if rules.buddhist && be <= latest {
        be
    } else if ce <= latest {
        ce
    } else {
        1900 + value
    }
}

fn date_from_pieces(pieces: &[Piece], rules: &DateRules) -> Result<NaiveDate, DateError> {
    use Piece::{Month, Num};
    let (year, month, day) = match pieces {
        [Num(y, 4), Num(m, _) | Month(m), Num(d, _)] => (year_of(*y, 4, rules), *m, *d),
        [Num(d, _), Month(m), Num(y, w)] | [Month(m), Num(d, _), Num(y, w)] => {
            (year_of(*y, *w, rules), *m, *d)
        }
        [Num(a, _), Num(b, _), Num(y, w)] => {
            let (d, m) = match rules.order {
                DateOrder::DayFirst => (*a, *b),
                DateOrder::MonthFirst => (*b, *a),
            };
            (year_of(*y, *w, rules), m, d)
        }
        _ => return Err(DateError::Unreadable),
    };
    NaiveDate::from_ymd_opt(year, month, day).ok_or(
        if (1..=12).contains(&month) && (1..=31).contains(&day) {
            DateError::NoSuchDate
        } else {
            DateError::Unreadable
        },
    )
}

#[cfg(test)]
#[path = "dates_tests.rs"]
mod tests;
