use super::*;

fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).unwrap()
}

fn forms(lang: &str) -> Vec<String> {
    let day = d(2026, 11, 23);
    [
        Form::Weekday,
        Form::Month,
        Form::DayMonth,
        Form::Date,
        Form::Long,
    ]
    .into_iter()
    .map(|form| in_language(lang, day, form))
    .collect()
}

#[test]
fn english_puts_the_day_first() {
    assert_eq!(
        forms("en"),
        ["Mon", "Nov", "23 Nov", "23 Nov 2026", "23 November 2026"]
    );
    assert_eq!(
        in_language("en", d(2026, 3, 3), Form::DayMonthWeekday),
        "Tue 3 Mar"
    );
}

#[test]
fn croatian_months_take_the_genitive_and_dates_end_in_a_dot() {
    assert_eq!(
        forms("hr"),
        [
            "pon",
            "stu",
            "23. stu",
            "23. stu 2026.",
            "23. studenoga 2026."
        ]
    );
    assert_eq!(
        in_language("hr", d(2026, 3, 3), Form::Long),
        "3. ožujka 2026."
    );
}

#[test]
fn chinese_dates_run_year_month_day() {
    assert_eq!(
        forms("zh"),
        [
            "周一",
            "11月",
            "11月23日",
            "2026年11月23日",
            "2026年11月23日"
        ]
    );
    assert_eq!(
        in_language("zh", d(2026, 11, 23), Form::DateWeekday),
        "2026年11月23日周一"
    );
}

#[test]
fn hebrew_has_its_own_weekday_and_month_names() {
    assert_eq!(
        forms("he"),
        [
            "יום ב׳",
            "נוב׳",
            "23 בנוב׳",
            "23 בנוב׳ 2026",
            "23 בנובמבר 2026"
        ]
    );
    // Saturday is the Sabbath, not a numbered day.
    assert_eq!(in_language("he", d(2026, 11, 28), Form::Weekday), "שבת");
}

#[test]
fn thai_years_count_in_the_buddhist_era() {
    assert_eq!(
        forms("th"),
        [
            "จันทร์",
            "พ.ย.",
            "23 พ.ย.",
            "23 พ.ย. 2569",
            "23 พฤศจิกายน 2569"
        ]
    );
    assert_eq!(in_language("th", d(2025, 1, 1), Form::Date), "1 ม.ค. 2568");
}

#[test]
fn dates_read_naturally_in_the_language_in_use() {
    let today = d(2026, 11, 23);
    assert_eq!(date_short(d(2026, 3, 3), today), "Tue 3 Mar");
    assert_eq!(date_short(d(2025, 3, 3), today), "3 Mar 2025");
    assert_eq!(date_full(today), "Mon 23 Nov 2026");
    assert_eq!(day_text(d(2026, 11, 26)), "Thu 26 Nov");
    assert_eq!(month_short(2), "Feb");
    let no_year = Birthday {
        month: 2,
        day: 29,
        year: None,
    };
    assert_eq!(birthday(&no_year), "29 Feb");
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
