//! Dates and ages as the shop reads them, in the language's own forms
//! (ICU4X): "Tue 3 Mar", "3 Mar 2025", "23. studenoga 2026.",
//! "2026年11月23日", Thai years in the Buddhist era; and "in 5 days",
//! "26 Nov 2020 (5)", "about 3 years" from the locale file.

use chrono::{Datelike, NaiveDate};
use icu_calendar::{Date, Iso};
use icu_datetime::DateTimeFormatter;
use icu_datetime::fieldsets::enums::{CalendarPeriodFieldSet, DateFieldSet};
use icu_datetime::fieldsets::{E, M, MD, MDE, YMD, YMDE};

use crate::domain::family::BirthInfo;
use crate::domain::member::Birthday;
use crate::i18n::{t, t_args, t_count};
use crate::words::locale::{icu_locale, language};

/// The shapes a date is shown in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Form {
    /// "Mon"
    Weekday,
    /// "Nov"
    Month,
    /// "23 Nov"
    DayMonth,
    /// "Mon 23 Nov", "pon, 23. stu"
    DayMonthWeekday,
    /// "23 Nov 2026"
    Date,
    /// "23 November 2026", "23. studenoga 2026."
    Long,
    /// "Mon 23 Nov 2026", "2026年11月23日周一"
    DateWeekday,
}

/// `date` in `form` in the language `lang`, in the calendar that language
/// writes its dates in (the Buddhist era in Thai). ISO only when ICU4X
/// cannot say it, which its compiled data makes unreachable for the five
/// languages.
pub fn in_language(lang: &str, date: NaiveDate, form: Form) -> String {
    let iso = date.to_string();
    let Ok(day) = Date::try_new_iso(date.year(), date.month() as u8, date.day() as u8) else {
        return iso;
    };
    // The shop's English has always read "Mon 23 Nov 2026", without the
    // comma of CLDR's English; printed lists and scripts read it so.
    if lang == "en" {
        let bare = match form {
            Form::DayMonthWeekday => Some(Form::DayMonth),
            Form::DateWeekday => Some(Form::Date),
            _ => None,
        };
        if let Some(bare) = bare {
            let weekday = in_language(lang, date, Form::Weekday);
            return format!("{weekday} {}", in_language(lang, date, bare));
        }
    }
    let prefs = (&icu_locale(lang)).into();
    let fields = match form {
        Form::Month => {
            let month = CalendarPeriodFieldSet::M(M::medium());
            return DateTimeFormatter::try_new(prefs, month)
                .map(|f| f.format(&day).to_string())
                .unwrap_or(iso);
        }
        Form::Weekday => DateFieldSet::E(E::medium()),
        Form::DayMonth => DateFieldSet::MD(MD::medium()),
        Form::DayMonthWeekday => DateFieldSet::MDE(MDE::medium()),
        Form::Date => DateFieldSet::YMD(YMD::medium()),
        Form::Long => DateFieldSet::YMD(YMD::long()),
        Form::DateWeekday => DateFieldSet::YMDE(YMDE::medium()),
    };
    DateTimeFormatter::try_new(prefs, fields)
        .map(|f| format_iso(&f, &day))
        .unwrap_or(iso)
}

fn format_iso(formatter: &DateTimeFormatter<DateFieldSet>, day: &Date<Iso>) -> String {
    formatter.format(day).to_string()
}

fn shown(date: NaiveDate, form: Form) -> String {
    in_language(language(), date, form)
}

/// "Mon" … "Sun".
pub fn weekday_short(date: NaiveDate) -> String {
    shown(date, Form::Weekday)
}

/// "Jan" … "Dec".
pub fn month_short(month: u32) -> String {
    NaiveDate::from_ymd_opt(2000, month, 1)
        .map(|d| shown(d, Form::Month))
        .unwrap_or_else(|| month.to_string())
}

/// "Tue 3 Mar" in the current year, "3 Mar 2025" in another.
pub fn date_short(date: NaiveDate, today: NaiveDate) -> String {
    if date.year() == today.year() {
        shown(date, Form::DayMonthWeekday)
    } else {
        date_with_year(date)
    }
}

/// "3 Mar 2025".
pub fn date_with_year(date: NaiveDate) -> String {
    shown(date, Form::Date)
}

/// "23 November 2026", "23. studenoga 2026.", "2026年11月23日".
pub fn date_long(date: NaiveDate) -> String {
    shown(date, Form::Long)
}

/// "Mon 23 Nov 2026" for the title bar.
pub fn date_full(date: NaiveDate) -> String {
    shown(date, Form::DateWeekday)
}

/// "23 Nov": a day in a narrow column where the year goes without saying.
pub fn day_month(date: NaiveDate) -> String {
    shown(date, Form::DayMonth)
}

/// "14 Mar" or "14 Mar 1986". A birthday without a year is shown in a
/// leap year, so 29 Feb has a day to stand on.
pub fn birthday(b: &Birthday) -> String {
    match b
        .year
        .and_then(|y| NaiveDate::from_ymd_opt(y, b.month, b.day))
    {
        Some(date) => date_with_year(date),
        None => NaiveDate::from_ymd_opt(2000, b.month, b.day)
            .map(day_month)
            .unwrap_or_else(|| format!("{:02}-{:02}", b.month, b.day)),
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
    shown(date, Form::DayMonthWeekday)
}

#[cfg(test)]
#[path = "dates_tests.rs"]
mod tests;
