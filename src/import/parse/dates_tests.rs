use chrono::{Datelike, FixedOffset, NaiveDate, NaiveTime};
use proptest::prelude::*;

use super::super::time::parse_time;
use super::*;

fn rules(order: DateOrder) -> DateRules {
    DateRules {
        order,
        today: NaiveDate::from_ymd_opt(2026, 11, 23).unwrap(),
        buddhist: false,
    }
}

fn day(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

fn hms(h: u32, m: u32, s: u32) -> Option<NaiveTime> {
    NaiveTime::from_hms_opt(h, m, s)
}

fn stamp(text: &str, order: DateOrder) -> Stamp {
    parse_stamp(text, &rules(order)).unwrap_or_else(|e| panic!("{text}: {e:?}"))
}

#[test]
fn iso_forms_keep_the_date_as_written() {
    let s = stamp("2026-03-01 14:23:11 +0100", DateOrder::DayFirst);
    assert_eq!((s.date, s.time), (day(2026, 3, 1), hms(14, 23, 11)));
    assert_eq!(s.offset, FixedOffset::east_opt(3600));
    let s = stamp("2026-03-01T23:30:00-05:00", DateOrder::DayFirst);
    assert_eq!(s.date, day(2026, 3, 1));
    assert_eq!(s.offset, FixedOffset::east_opt(-5 * 3600));
    let s = stamp("2026-04-08T17:04:33.3640811", DateOrder::MonthFirst);
    assert_eq!(s.date, day(2026, 4, 8));
    assert_eq!(s.time, NaiveTime::from_hms_micro_opt(17, 4, 33, 364_081));
    assert_eq!(
        stamp("2026-03-01T14:23:11Z", DateOrder::DayFirst).offset,
        FixedOffset::east_opt(0)
    );
    assert_eq!(stamp("2026-03-02", DateOrder::MonthFirst).time, None);
}

#[test]
fn slashes_dots_and_twelve_hour_clocks() {
    let s = stamp("4/5/26 5:11 PM", DateOrder::MonthFirst);
    assert_eq!((s.date, s.time), (day(2026, 4, 5), hms(17, 11, 0)));
    let s = stamp("4/5/26 12:05 AM", DateOrder::DayFirst);
    assert_eq!((s.date, s.time), (day(2026, 5, 4), hms(0, 5, 0)));
    let s = stamp("13/05/25 23.43", DateOrder::DayFirst);
    assert_eq!((s.date, s.time), (day(2025, 5, 13), hms(23, 43, 0)));
    let s = stamp("03/03/2026 16:28", DateOrder::DayFirst);
    assert_eq!((s.date, s.time), (day(2026, 3, 3), hms(16, 28, 0)));
    let s = stamp("14.03.2026. 9:05", DateOrder::DayFirst);
    assert_eq!((s.date, s.time), (day(2026, 3, 14), hms(9, 5, 0)));
    assert_eq!(
        stamp("3/1/2026", DateOrder::MonthFirst).date,
        day(2026, 3, 1)
    );
    assert_eq!(
        stamp("2:28 p.m. 4/6/26", DateOrder::MonthFirst).time,
        hms(14, 28, 0)
    );
}

#[test]
fn month_names_weekdays_serials_and_compact_dates() {
    assert_eq!(
        stamp("01-Mar-2026", DateOrder::MonthFirst).date,
        day(2026, 3, 1)
    );
    let s = stamp("Mar 1, 2026 3:04 PM", DateOrder::DayFirst);
    assert_eq!((s.date, s.time), (day(2026, 3, 1), hms(15, 4, 0)));
    assert_eq!(
        stamp("Mon, 2 March 2026", DateOrder::MonthFirst).date,
        day(2026, 3, 2)
    );
    assert_eq!(stamp("46082", DateOrder::MonthFirst).date, day(2026, 3, 1));
    let s = stamp("46082.5", DateOrder::MonthFirst);
    assert_eq!((s.date, s.time), (day(2026, 3, 1), hms(12, 0, 0)));
    assert_eq!(
        stamp("20260301", DateOrder::MonthFirst).date,
        day(2026, 3, 1)
    );
    assert_eq!(
        stamp("2026-03-01 10:00 CET", DateOrder::MonthFirst).time,
        hms(10, 0, 0)
    );
}

#[test]
fn buddhist_era_years() {
    assert_eq!(
        stamp("2569-03-01", DateOrder::DayFirst).date,
        day(2026, 3, 1)
    );
    assert_eq!(
        stamp("13/05/2569 23.43", DateOrder::DayFirst).date,
        day(2026, 5, 13)
    );
    let thai = DateRules {
        buddhist: true,
        ..rules(DateOrder::DayFirst)
    };
    assert_eq!(
        parse_stamp("13/05/69", &thai).unwrap().date,
        day(2026, 5, 13)
    );
    // Without the hint a two-digit year is of this century (or the last, if in the future).
    assert_eq!(
        stamp("13/05/25", DateOrder::DayFirst).date,
        day(2025, 5, 13)
    );
    assert_eq!(
        stamp("13/05/98", DateOrder::DayFirst).date,
        day(1998, 5, 13)
    );
}

#[test]
fn impossible_and_unreadable_dates() {
    let r = rules(DateOrder::DayFirst);
    assert_eq!(parse_stamp("2026-04-31", &r), Err(DateError::NoSuchDate));
    assert_eq!(
        parse_stamp("2026-02-30T10:00:00", &r),
        Err(DateError::NoSuchDate)
    );
    assert_eq!(parse_stamp("31/04/2026", &r), Err(DateError::NoSuchDate));
    for bad in [
        "",
        "yesterday",
        "2026-13-01",
        "12/2026",
        "4/5/26 13:00 PM",
        "25:00 1/1/2026",
        "1.2",
    ] {
        assert_eq!(parse_stamp(bad, &r), Err(DateError::Unreadable), "{bad}");
    }
}

#[test]
fn years_outside_1900_to_2200_are_refused() {
    let r = rules(DateOrder::DayFirst);
    for far in [
        "0000-01-01",
        "9999-12-31",
        "9999-12-31T23:59:59",
        "1899-12-31",
        "2201-01-01",
        "2744-01-01",
        "31/12/9999",
        "01.01.0000 10:00",
        "Dec 31, 9999",
        "2958465",
        "2958465.5",
        "109940",
        "1/2/999",
    ] {
        assert_eq!(parse_stamp(far, &r), Err(DateError::OutOfRange), "{far}");
    }
    assert_eq!(
        stamp("1900-01-01", DateOrder::DayFirst).date,
        day(1900, 1, 1)
    );
    assert_eq!(
        stamp("2200-12-31", DateOrder::DayFirst).date,
        day(2200, 12, 31)
    );
    assert_eq!(stamp("109939", DateOrder::DayFirst).date, day(2200, 12, 31));
    // The last Buddhist-era year that lands in range, and the first that does not.
    assert_eq!(
        stamp("2743-12-31", DateOrder::DayFirst).date,
        day(2200, 12, 31)
    );
    assert_eq!(
        stamp("2443-01-01", DateOrder::DayFirst).date,
        day(1900, 1, 1)
    );
    // A leading zero is no Excel day number (nor anything else).
    assert_eq!(parse_stamp("046082", &r), Err(DateError::Unreadable));
}

#[test]
fn separate_time_columns() {
    assert_eq!(parse_time("15:35:46").unwrap().0, hms(15, 35, 46).unwrap());
    assert_eq!(parse_time("3:35 PM").unwrap().0, hms(15, 35, 0).unwrap());
    assert_eq!(parse_time("23.43").unwrap().0, hms(23, 43, 0).unwrap());
    let (t, o) = parse_time("11:37+01:00").unwrap();
    assert_eq!(
        (t, o),
        (hms(11, 37, 0).unwrap(), FixedOffset::east_opt(3600))
    );
    assert!(parse_time("noon").is_err());
    assert!(parse_time("").is_err());
}

proptest! {
    #[test]
    fn written_dates_read_back(days in 0i64..40_000, secs in 0u32..86_400, day_first: bool) {
        let date = NaiveDate::from_ymd_opt(1990, 1, 1).unwrap() + chrono::Duration::days(days);
        let time = NaiveTime::from_num_seconds_from_midnight_opt(secs, 0).unwrap();
        let order = if day_first { DateOrder::DayFirst } else { DateOrder::MonthFirst };
        let slashed = if day_first { date.format("%d/%m/%Y") } else { date.format("%m/%d/%Y") };
        let texts = [
            format!("{}T{}", date.format("%Y-%m-%d"), time.format("%H:%M:%S")),
            format!("{} {}", slashed, time.format("%I:%M:%S %p")),
            format!("{} {}", date.format("%d-%b-%Y"), time.format("%H:%M:%S")),
        ];
        for text in texts {
            let s = parse_stamp(&text, &rules(order)).unwrap();
            prop_assert_eq!((s.date, s.time), (date, Some(time)), "{}", text);
        }
    }

    #[test]
    fn short_paths_read_as_the_general_rules_do(
        date in "[0-9]{4}-[01][0-9]-[0-3][0-9]",
        time in "[0-2]?[0-9]:[0-6][0-9]{1,2}(:[0-6][0-9])?",
    ) {
        let rules = rules(DateOrder::DayFirst);
        if let Some(fast) = iso_date(&date) {
            prop_assert_eq!(Ok(fast), general_stamp(&date, &rules));
        }
        if let Some(fast) = super::super::time::plain_clock(&time) {
            prop_assert_eq!(Ok((fast, None)), super::super::time::general_time(&time));
        }
    }

    #[test]
    fn dates_at_their_limits_are_in_range_or_refused(
        year in prop_oneof![0i32..=9999, Just(0), Just(9999), 1890i32..1910, 2190i32..2210],
        month in 1u32..=12,
        day in 1u32..=31,
        serial in prop_oneof![0u64..=9_999_999, Just(2_958_465u64), Just(0u64)],
        form in 0usize..5,
    ) {
        let text = match form {
            0 => format!("{year:04}-{month:02}-{day:02}"),
            1 => format!("{day:02}/{month:02}/{year:04} 10:00"),
            2 => format!("{year:04}-{month:02}-{day:02}T23:59:59+14:00"),
            3 => format!("{year:04}{month:02}{day:02}"),
            _ => serial.to_string(),
        };
        if let Ok(s) = parse_stamp(&text, &rules(DateOrder::DayFirst)) {
            prop_assert!((FIRST_YEAR..=LAST_YEAR).contains(&s.date.year()), "{}", text);
        }
    }

    #[test]
    fn never_panics(text in "\\PC{0,30}") {
        let _ = parse_stamp(&text, &rules(DateOrder::DayFirst));
        let _ = parse_time(&text);
        crate::import::parse::DateVotes::default().observe(&text);
    }
}
