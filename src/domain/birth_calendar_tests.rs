use chrono::NaiveDate;
use icu_calendar::Date;
use icu_calendar::types::Month;

use super::*;
use crate::domain::birth_calendar_input::{parse_calendar_birthday, typed_calendar_birthday};

fn day(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

fn month(number: u8, leap: bool) -> LunarMonth {
    LunarMonth { number, leap }
}

fn hebrew(number: u8, leap: bool, d: u8) -> CalendarBirthday {
    CalendarBirthday::new(BirthCalendar::Hebrew, month(number, leap), d).unwrap()
}

fn chinese(number: u8, leap: bool, d: u8) -> CalendarBirthday {
    CalendarBirthday::new(BirthCalendar::Chinese, month(number, leap), d).unwrap()
}

#[test]
fn rosh_hashanah_5787_is_12_september_2026() {
    assert_eq!(hebrew(1, false, 1).kept_in(5787), Some(day(2026, 9, 12)));
    assert_eq!(hebrew(1, false, 1).this_year(2026), Some(day(2026, 9, 12)));
    assert_eq!(hebrew(1, false, 12).this_year(2026), Some(day(2026, 9, 23)));
}

#[test]
fn chinese_new_year_2027_is_6_february() {
    assert_eq!(chinese(1, false, 1).kept_in(2027), Some(day(2027, 2, 6)));
    // Mid-Autumn, the 15th of the 8th month.
    assert_eq!(
        chinese(8, false, 15).this_year(2026),
        Some(day(2026, 9, 25))
    );
}

#[test]
fn the_next_day_crosses_new_year() {
    let new_year = chinese(1, false, 1);
    assert_eq!(
        new_year.next_on_or_after(day(2026, 12, 20)),
        Some(day(2027, 2, 6))
    );
    assert_eq!(
        new_year.next_on_or_after(day(2027, 2, 6)),
        Some(day(2027, 2, 6))
    );
    assert_eq!(
        new_year.days_between(day(2026, 12, 20), day(2027, 1, 19)),
        vec![]
    );
}

#[test]
fn adar_of_a_common_year_is_kept_in_adar_ii_of_a_leap_year() {
    // 5784 is a leap year: Purim (14 Adar II) fell on 24 March 2024, the
    // 14th of Adar I on 23 February; 5785 is common, Purim on 14 March 2025.
    let adar = hebrew(6, false, 14);
    assert_eq!(adar.kept_in(5784), Some(day(2024, 3, 24)));
    assert_eq!(adar.kept_in(5785), Some(day(2025, 3, 14)));
    let adar_i = hebrew(5, true, 14);
    assert_eq!(adar_i.kept_in(5784), Some(day(2024, 2, 23)));
    // Adar I in a common year: Adar.
    assert_eq!(adar_i.kept_in(5785), Some(day(2025, 3, 14)));
    // Adar II is stored as Adar: the same day every year.
    let typed = parse_calendar_birthday("14 Adar II", BirthCalendar::Hebrew).unwrap();
    assert_eq!(typed, adar);
}

/// The first year from 5780 on where `month` has only 29 days, by ICU4X.
fn short_year(month: Month) -> i32 {
    (5780..5800)
        .find(|y| Date::try_new_hebrew_v2(*y, month, 30).is_err())
        .unwrap()
}

fn iso(date: Date<impl icu_calendar::AsCalendar>) -> NaiveDate {
    super::gregorian(&date).unwrap()
}

#[test]
fn the_30th_of_a_short_hebrew_month_is_kept_on_the_1st_of_the_next() {
    // 5786 has 354 days: Heshvan 29, so 30 Heshvan is kept on 1 Kislev
    // (21 November 2025, Hanukkah on 25 Kislev being 15 December).
    let heshvan = hebrew(2, false, 30);
    assert_eq!(heshvan.kept_in(5786), Some(day(2025, 11, 21)));
    // In 5785 (355 days) it exists.
    let year = 5785;
    let real = Date::try_new_hebrew_v2(year, Month::new(2), 30).unwrap();
    assert_eq!(heshvan.kept_in(year), Some(iso(real)));

    let year = short_year(Month::new(3));
    let tevet_1 = Date::try_new_hebrew_v2(year, Month::new(4), 1).unwrap();
    assert_eq!(hebrew(3, false, 30).kept_in(year), Some(iso(tevet_1)));

    // 30 Adar I in a common year: Adar has 29 days, so 1 Nisan.
    let nisan_1 = Date::try_new_hebrew_v2(5785, Month::new(7), 1).unwrap();
    assert_eq!(hebrew(5, true, 30).kept_in(5785), Some(iso(nisan_1)));
}

#[test]
fn a_day_no_year_has_is_refused() {
    // Tevet always has 29 days; only Adar has a leap month.
    for (m, d) in [
        (month(4, false), 30),
        (month(1, true), 1),
        (month(13, false), 1),
    ] {
        assert_eq!(
            CalendarBirthday::new(BirthCalendar::Hebrew, m, d),
            Err(FieldError::CalendarDate)
        );
    }
    assert!(CalendarBirthday::new(BirthCalendar::Gregorian, month(3, false), 14).is_err());
    assert!(CalendarBirthday::new(BirthCalendar::Chinese, month(1, false), 31).is_err());
}

#[test]
fn a_chinese_leap_month_birthday_falls_in_the_ordinary_month_without_it() {
    // 2025 has a leap sixth month, 2026 none.
    let leap_six = chinese(6, true, 15);
    let in_2025 = Date::try_new_chinese_traditional(2025, Month::leap(6), 15).unwrap();
    assert_eq!(leap_six.kept_in(2025), Some(iso(in_2025)));
    let in_2026 = Date::try_new_chinese_traditional(2026, Month::new(6), 15).unwrap();
    assert_eq!(leap_six.kept_in(2026), Some(iso(in_2026)));
    assert_eq!(leap_six.kept_in(2026), chinese(6, false, 15).kept_in(2026));
}

#[test]
fn the_30th_of_a_short_chinese_month_is_kept_on_the_29th() {
    let (year, m) = (2026..2030)
        .flat_map(|y| (1..=12).map(move |m| (y, m)))
        .find(|(y, m)| Date::try_new_chinese_traditional(*y, Month::new(*m), 30).is_err())
        .unwrap();
    let the_29th = Date::try_new_chinese_traditional(year, Month::new(m), 29).unwrap();
    assert_eq!(chinese(m, false, 30).kept_in(year), Some(iso(the_29th)));
}

#[test]
fn a_gregorian_year_may_hold_a_birthday_twice() {
    // A Hebrew common year is 11 days shorter than a Gregorian one: a
    // birthday early in January comes back late in December some years.
    let found = (1..=29)
        .map(|d| hebrew(4, false, d))
        .any(|b| b.days_between(day(2026, 1, 1), day(2026, 12, 31)).len() == 2);
    assert!(found);
}

#[test]
fn hebrew_birthdays_read_in_latin_or_hebrew_letters_or_numbers() {
    let tishrei_12 = hebrew(1, false, 12);
    for typed in [
        "12 Tishrei",
        "Tishri 12",
        "12.1",
        "12 תשרי",
        "12 בתשרי",
        "12. Tišri",
    ] {
        assert_eq!(
            parse_calendar_birthday(typed, BirthCalendar::Hebrew),
            Ok(tishrei_12),
            "{typed}"
        );
    }
    let adar_i = hebrew(5, true, 3);
    for typed in ["3 Adar I", "3 adar 1", "3 אדר א׳", "3.5L"] {
        assert_eq!(
            parse_calendar_birthday(typed, BirthCalendar::Hebrew),
            Ok(adar_i),
            "{typed}"
        );
    }
    assert_eq!(
        parse_calendar_birthday("30 Tevet", BirthCalendar::Hebrew),
        Err(FieldError::CalendarDate)
    );
    assert_eq!(
        parse_calendar_birthday("Tishrei", BirthCalendar::Hebrew),
        Err(FieldError::CalendarDate)
    );
    assert_eq!(
        parse_calendar_birthday(" ", BirthCalendar::Hebrew),
        Err(FieldError::Required)
    );
}

#[test]
fn chinese_birthdays_read_by_number_or_name() {
    for typed in ["15.8", "15 8", "15 八月", "八月 15"] {
        assert_eq!(
            parse_calendar_birthday(typed, BirthCalendar::Chinese),
            Ok(chinese(8, false, 15)),
            "{typed}"
        );
    }
    for typed in ["15.4L", "15 闰4", "15 闰四月"] {
        assert_eq!(
            parse_calendar_birthday(typed, BirthCalendar::Chinese),
            Ok(chinese(4, true, 15)),
            "{typed}"
        );
    }
    assert_eq!(
        parse_calendar_birthday("1 正月", BirthCalendar::Chinese),
        Ok(chinese(1, false, 1))
    );
    assert_eq!(
        parse_calendar_birthday("8 腊月", BirthCalendar::Chinese),
        Ok(chinese(12, false, 8))
    );
    assert!(parse_calendar_birthday("15.13", BirthCalendar::Chinese).is_err());
}

#[test]
fn the_typed_form_reads_back() {
    for b in [
        hebrew(1, false, 12),
        hebrew(5, true, 14),
        hebrew(6, false, 7),
        chinese(8, false, 15),
        chinese(4, true, 2),
    ] {
        let typed = typed_calendar_birthday(&b);
        assert_eq!(
            parse_calendar_birthday(&typed, b.calendar()),
            Ok(b),
            "{typed}"
        );
    }
}

#[test]
fn month_codes_are_icu4x_codes() {
    assert_eq!(month(5, true).code(), "M05L");
    assert_eq!(month(12, false).code(), "M12");
    assert_eq!(LunarMonth::from_code("M05L"), Some(month(5, true)));
    assert_eq!(LunarMonth::from_code("M13"), None);
    assert_eq!(LunarMonth::from_code("5"), None);
}
