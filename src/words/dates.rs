//! Dates and ages as the shop reads them, from the locale file: "Tue 3
//! Mar", "3 Mar 2025", "in 5 days", "26 Nov 2020 (5)", "about 3 years".

use chrono::{Datelike, NaiveDate};

use crate::domain::family::BirthInfo;
use crate::domain::member::Birthday;
use crate::i18n::{t, t_args, t_count};

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

/// "today", "tomorrow", "in 5 days": next to a date that already names
/// the weekday.
pub fn days_text(days_until: i64) -> String {
    match days_until {
        0 => t("day-today"),
        1 => t("day-tomorrow"),
        n => t_count("day-in-days", "days", n),
    }
}

/// "Thu 26 Nov": in a list of the next weeks the weekday says more than
/// the year, also across New Year.
pub fn day_text(date: NaiveDate) -> String {
    t_args(
        "ui-date-short",
        &[
            ("weekday", &weekday_short(date)),
            ("day", &date.day().to_string()),
            ("month", &month_short(date.month())),
        ],
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
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
