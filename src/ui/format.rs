//! How values look on screen: truncation by display width (CJK takes two
//! columns, combining marks none), dates such as "Tue 3 Mar" from the locale
//! file, ages such as "about 3 years".

use chrono::{Datelike, NaiveDate};
use unicode_bidi::{BidiInfo, Level};
use unicode_width::{UnicodeWidthChar, UnicodeWidthStr};

use crate::domain::family::BirthInfo;
use crate::domain::member::Birthday;
use crate::i18n::{t, t_args, t_count};

/// Columns the text takes in a terminal.
pub fn width(s: &str) -> usize {
    UnicodeWidthStr::width(s)
}

/// `s` in the order a terminal must draw it. Hebrew is stored and typed in
/// reading order, but terminals fill cells left to right, so right-to-left
/// runs are reversed for drawing. The line direction is the UI language's;
/// text without right-to-left letters comes back unchanged.
pub fn visual(s: &str) -> String {
    let level = if crate::i18n::current() == "he" {
        Level::rtl()
    } else {
        Level::ltr()
    };
    let info = BidiInfo::new(s, Some(level));
    if !info.has_rtl() {
        return s.to_string();
    }
    info.paragraphs
        .iter()
        .map(|p| info.reorder_line(p, p.range.clone()).into_owned())
        .collect()
}

/// `s` cut to at most `max` columns, ending in "…" when something was cut.
pub fn fit(s: &str, max: usize) -> String {
    if width(s) <= max {
        return s.to_string();
    }
    if max == 0 {
        return String::new();
    }
    let mut out = String::new();
    let mut used = 0;
    for c in s.chars() {
        let w = c.width().unwrap_or(0);
        if used + w > max - 1 {
            break;
        }
        used += w;
        out.push(c);
    }
    out.push('…');
    out
}

/// `s` filled with spaces (or cut) to exactly `cols` columns.
pub fn pad(s: &str, cols: usize) -> String {
    let mut out = fit(s, cols);
    let w = width(&out);
    out.extend(std::iter::repeat_n(' ', cols.saturating_sub(w)));
    out
}

/// Words of `s` in lines of at most `max` columns; a word longer than a line
/// is cut into pieces.
pub fn wrap(s: &str, max: usize) -> Vec<String> {
    let max = max.max(1);
    let mut lines = vec![];
    let mut line = String::new();
    for word in s.split_whitespace() {
        if !line.is_empty() && width(&line) + 1 + width(word) <= max {
            line.push(' ');
            line.push_str(word);
            continue;
        }
        if !line.is_empty() {
            lines.push(std::mem::take(&mut line));
        }
        for c in word.chars() {
            if !line.is_empty() && width(&line) + c.width().unwrap_or(0) > max {
                lines.push(std::mem::take(&mut line));
            }
            line.push(c);
        }
    }
    if !line.is_empty() {
        lines.push(line);
    }
    lines
}

/// "Mon" … "Sun" from the locale file.
pub fn weekday_short(date: NaiveDate) -> String {
    t(&format!("ui-day-{}", date.weekday().number_from_monday()))
}

/// "Jan" … "Dec".
pub fn month_short(month: u32) -> String {
    t(&format!("ui-month-{month}"))
}

/// "Tue 3 Mar" in the current year, "3 Mar 2025" in another.
pub fn date_short(date: NaiveDate, today: NaiveDate) -> String {
    if date.year() == today.year() {
        t_args(
            "ui-date-short",
            &[
                ("weekday", &weekday_short(date)),
                ("day", &date.day().to_string()),
                ("month", &month_short(date.month())),
            ],
        )
    } else {
        date_with_year(date)
    }
}

/// "3 Mar 2025".
pub fn date_with_year(date: NaiveDate) -> String {
    t_args(
        "ui-date-year",
        &[
            ("day", &date.day().to_string()),
            ("month", &month_short(date.month())),
            ("year", &date.year().to_string()),
        ],
    )
}

/// "Mon 23 Nov 2026" for the title bar.
pub fn date_full(date: NaiveDate) -> String {
    t_args(
        "ui-date-full",
        &[
            ("weekday", &weekday_short(date)),
            ("day", &date.day().to_string()),
            ("month", &month_short(date.month())),
            ("year", &date.year().to_string()),
        ],
    )
}

/// "14 Mar" or "14 Mar 1986".
pub fn birthday(b: &Birthday) -> String {
    match b
        .year
        .and_then(|y| NaiveDate::from_ymd_opt(y, b.month, b.day))
    {
        Some(date) => date_with_year(date),
        None => t_args(
            "ui-date-no-year",
            &[
                ("day", &b.day.to_string()),
                ("month", &month_short(b.month)),
            ],
        ),
    }
}

/// "26 Nov 2020 (5)", "about 3 years", or nothing when unknown.
pub fn birth(birth: &BirthInfo, today: NaiveDate) -> Option<String> {
    match birth {
        BirthInfo::Born(date) => {
            let age = birth.age(today).map(|(a, _)| a).unwrap_or(0);
            Some(t_args(
                "ui-born-with-age",
                &[("date", &date_with_year(*date)), ("age", &age.to_string())],
            ))
        }
        BirthInfo::About { .. } => {
            let years = birth.age(today).map(|(a, _)| a).unwrap_or(0);
            Some(t_count("ui-about-years", "years", i64::from(years)))
        }
        BirthInfo::Unknown => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    #[test]
    fn fit_counts_columns_not_chars() {
        assert_eq!(fit("Ana Kovač", 20), "Ana Kovač");
        assert_eq!(fit("Ana Kovač", 5), "Ana …");
        // 王小明 is six columns wide.
        assert_eq!(fit("王小明", 5), "王小…");
        assert_eq!(width(&fit("王小明", 4)), 3);
        assert_eq!(pad("王", 4), "王  ");
        assert_eq!(fit("anything", 0), "");
    }

    #[test]
    fn right_to_left_names_are_drawn_reversed() {
        assert_eq!(visual("רבקה כהן"), "ןהכ הקבר");
        assert_eq!(visual("Ana Kovač"), "Ana Kovač");
        assert_eq!(visual("Noam · נועם · boy"), "Noam · םעונ · boy");
    }

    #[test]
    fn wrap_keeps_lines_within_width() {
        let lines = wrap("likes dark roast and oat milk on Fridays", 12);
        assert!(lines.iter().all(|l| width(l) <= 12), "{lines:?}");
        assert_eq!(lines.join(" "), "likes dark roast and oat milk on Fridays");
        let long = wrap("supercalifragilistic", 8);
        assert!(long.iter().all(|l| width(l) <= 8), "{long:?}");
        assert_eq!(long.concat(), "supercalifragilistic");
    }

    #[test]
    fn dates_read_naturally() {
        let today = d(2026, 11, 23);
        assert_eq!(date_short(d(2026, 3, 3), today), "Tue 3 Mar");
        assert_eq!(date_short(d(2025, 3, 3), today), "3 Mar 2025");
        assert_eq!(date_full(today), "Mon 23 Nov 2026");
        let b = Birthday {
            month: 3,
            day: 14,
            year: None,
        };
        assert_eq!(birthday(&b), "14 Mar");
    }

    #[test]
    fn ages_show_exact_or_about() {
        let today = d(2026, 11, 23);
        assert_eq!(
            birth(&BirthInfo::Born(d(2020, 11, 26)), today).unwrap(),
            "26 Nov 2020 (5)"
        );
        let about = BirthInfo::About {
            years: 1,
            on: today,
        };
        assert_eq!(birth(&about, today).unwrap(), "about 1 year");
        assert_eq!(birth(&BirthInfo::Unknown, today), None);
    }
}
