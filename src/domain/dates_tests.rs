//! Tests for `dates.rs`: fixed cases, and properties checked against a
//! plain day-by-day walk over the calendar.

use chrono::{Datelike, Duration, NaiveDate, Weekday};
use proptest::prelude::*;

use super::*;
use crate::domain::family::{Child, Pet};
use crate::domain::member::{Birthday, Member, MemberDraft};

fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).unwrap()
}

fn card(birthday: Option<Birthday>, children: Vec<BirthInfo>, pets: Vec<BirthInfo>) -> MemberCard {
    MemberCard {
        member: Member {
            id: 7,
            draft: MemberDraft {
                first_name: "Ana".into(),
                family_name: "Horvat".into(),
                birthday,
                ..MemberDraft::default()
            },
            joined_at: d(2020, 1, 1),
        },
        children: children
            .into_iter()
            .enumerate()
            .map(|(i, birth)| Child {
                id: i as i64,
                member_id: 7,
                name: format!("Child{i}"),
                gender: None,
                birth,
            })
            .collect(),
        pets: pets
            .into_iter()
            .enumerate()
            .map(|(i, birth)| Pet {
                id: i as i64,
                member_id: 7,
                name: format!("Pet{i}"),
                kind: "dog".into(),
                birth,
                gotcha: None,
                passed_away: None,
            })
            .collect(),
        calendar_birthday: None,
        consents: vec![],
        visits: 0,
        spend_minor: 0,
        last_visit: None::<NaiveDate>,
    }
}

fn birthday(month: u32, day: u32, year: Option<i32>) -> Option<Birthday> {
    Some(Birthday { month, day, year })
}

#[test]
fn feb29_follows_the_rule() {
    assert_eq!(
        next_birthday(2, 29, d(2027, 1, 10), Feb29::Feb28),
        Some(d(2027, 2, 28))
    );
    assert_eq!(
        next_birthday(2, 29, d(2027, 1, 10), Feb29::Mar1),
        Some(d(2027, 3, 1))
    );
    assert_eq!(
        next_birthday(2, 29, d(2028, 1, 10), Feb29::Feb28),
        Some(d(2028, 2, 29))
    );
}

#[test]
fn windows_cross_the_new_year() {
    assert_eq!(
        days_until_birthday(1, 2, d(2026, 12, 28), Feb29::Feb28),
        Some(5)
    );
    assert_eq!(
        days_until_birthday(12, 28, d(2026, 12, 28), Feb29::Feb28),
        Some(0)
    );
    assert_eq!(
        days_until_birthday(12, 27, d(2026, 12, 28), Feb29::Feb28),
        Some(364)
    );
    assert_eq!(turning(1986, 1, 2, d(2026, 12, 28), Feb29::Feb28), Some(41));
}

#[test]
fn the_household_week_is_sorted_and_crosses_the_year() {
    let today = d(2026, 12, 28);
    let c = card(
        birthday(1, 2, Some(1986)),
        vec![
            BirthInfo::Born(d(2019, 12, 30)),
            BirthInfo::About {
                years: 4,
                on: d(2026, 12, 29),
            },
            BirthInfo::Born(d(2020, 2, 1)),
        ],
        vec![BirthInfo::Born(d(2022, 12, 28)), BirthInfo::Unknown],
    );
    let week = celebrations_within(&c, today, 7, Feb29::Feb28);
    let summary: Vec<(NaiveDate, i64, Celebrant, Option<i32>)> = week
        .into_iter()
        .map(|c| (c.date, c.days_until, c.who, c.turning))
        .collect();
    assert_eq!(
        summary,
        vec![
            (
                d(2026, 12, 28),
                0,
                Celebrant::Pet {
                    name: "Pet0".into(),
                    kind: "dog".into()
                },
                Some(4)
            ),
            (
                d(2026, 12, 30),
                2,
                Celebrant::Child {
                    name: "Child0".into()
                },
                Some(7)
            ),
            (d(2027, 1, 2), 5, Celebrant::Member, Some(41)),
        ]
    );
}

#[test]
fn a_birthday_without_year_has_no_age_and_the_window_end_counts() {
    let today = d(2026, 3, 1);
    let c = card(birthday(3, 8, None), vec![], vec![]);
    let within = celebrations_within(&c, today, 7, Feb29::Feb28);
    assert_eq!(within.len(), 1);
    assert_eq!(within[0].turning, None);
    assert_eq!(within[0].days_until, 7);
    assert!(celebrations_within(&c, today, 6, Feb29::Feb28).is_empty());
}

#[test]
fn same_day_keeps_member_then_children_then_pets() {
    let today = d(2027, 2, 27);
    let c = card(
        birthday(2, 29, Some(1996)),
        vec![BirthInfo::Born(d(2020, 2, 28))],
        vec![BirthInfo::Born(d(2024, 2, 29))],
    );
    let feb28 = celebrations_within(&c, today, 3, Feb29::Feb28);
    let who: Vec<&Celebrant> = feb28.iter().map(|c| &c.who).collect();
    assert!(matches!(
        who[..],
        [
            Celebrant::Member,
            Celebrant::Child { .. },
            Celebrant::Pet { .. }
        ]
    ));
    assert!(feb28.iter().all(|c| c.date == d(2027, 2, 28)));
    assert_eq!(feb28[0].turning, Some(31));

    let mar1 = celebrations_within(&c, today, 3, Feb29::Mar1);
    assert_eq!(
        mar1.iter().map(|c| c.date).collect::<Vec<_>>(),
        vec![d(2027, 2, 28), d(2027, 3, 1), d(2027, 3, 1)]
    );
    assert!(matches!(mar1[0].who, Celebrant::Child { .. }));
}

#[test]
fn a_baby_born_today_has_no_birthday_yet() {
    let today = d(2026, 5, 10);
    let c = card(None, vec![BirthInfo::Born(today)], vec![]);
    assert!(celebrations_within(&c, today, 7, Feb29::Feb28).is_empty());
}

#[test]
fn day_labels() {
    let monday = d(2026, 11, 23);
    assert_eq!(day_label(0, monday), DayLabel::Today);
    assert_eq!(day_label(1, monday), DayLabel::Tomorrow);
    assert_eq!(day_label(2, monday), DayLabel::Weekday(Weekday::Wed));
    assert_eq!(day_label(6, monday), DayLabel::Weekday(Weekday::Sun));
    assert_eq!(day_label(7, monday), DayLabel::InDays(7));
    assert_eq!(day_label(2, monday).message_key(), "day-wednesday");
}

#[test]
fn every_day_label_has_an_english_text() {
    let monday = d(2026, 11, 23);
    for n in 0..10 {
        let key = day_label(n, monday).message_key();
        assert!(crate::i18n::t_opt(key).is_some(), "no text for {key}");
    }
}

/// The reference: is `date` the day a (month, day) birthday is celebrated?
fn is_celebrated_on(month: u32, day: u32, date: NaiveDate, rule: Feb29) -> bool {
    if (date.month(), date.day()) == (month, day) {
        return true;
    }
    let leap = NaiveDate::from_ymd_opt(date.year(), 2, 29).is_some();
    (month, day) == (2, 29)
        && !leap
        && match rule {
            Feb29::Feb28 => (date.month(), date.day()) == (2, 28),
            Feb29::Mar1 => (date.month(), date.day()) == (3, 1),
        }
}

/// Walks forward one day at a time; two years is more than any gap.
fn reference_next(month: u32, day: u32, today: NaiveDate, rule: Feb29) -> Option<NaiveDate> {
    (0..=731)
        .map(|n| today + Duration::days(n))
        .find(|&date| is_celebrated_on(month, day, date, rule))
}

fn any_day() -> impl Strategy<Value = NaiveDate> {
    let anywhere = (0i64..80_000).prop_map(|n| d(1900, 1, 1) + Duration::days(n));
    // Days where the rules are easy to get wrong: around Feb 29 and New Year.
    let edges = (
        1900i32..2120,
        prop::sample::select(vec![
            (2, 27),
            (2, 28),
            (3, 1),
            (3, 2),
            (12, 30),
            (12, 31),
            (1, 1),
            (1, 2),
        ]),
    )
        .prop_map(|(y, (m, day))| d(y, m, day));
    let leap_days = (476i32..=524).prop_map(|q| d(q * 4, 2, 29));
    prop_oneof![anywhere, edges, leap_days]
}

fn any_birthday() -> impl Strategy<Value = (u32, u32)> {
    prop_oneof![
        3 => (1u32..=12, 1u32..=31),
        1 => prop::sample::select(vec![(2, 29), (2, 28), (3, 1), (12, 31), (1, 1)]),
    ]
}

fn any_rule() -> impl Strategy<Value = Feb29> {
    prop::sample::select(vec![Feb29::Feb28, Feb29::Mar1])
}

#[test]
fn a_hebrew_birthday_is_celebrated_on_its_gregorian_day_this_year() {
    use crate::domain::birth_calendar::{BirthCalendar, CalendarBirthday, LunarMonth};
    let month = LunarMonth {
        number: 1,
        leap: false,
    };
    let mut c = card(None, vec![], vec![]);
    c.calendar_birthday = Some(CalendarBirthday::new(BirthCalendar::Hebrew, month, 12).unwrap());
    // 12 Tishrei 5787 is Wednesday 23 September 2026.
    let found = celebrations_within(&c, d(2026, 9, 20), 7, Feb29::Feb28);
    assert_eq!(found.len(), 1);
    assert_eq!(found[0].date, d(2026, 9, 23));
    assert_eq!(found[0].who, Celebrant::Member);
    assert_eq!(found[0].turning, None);
    assert!(celebrations_within(&c, d(2026, 9, 24), 7, Feb29::Feb28).is_empty());
}

proptest! {
    #[test]
    fn next_birthday_matches_a_day_by_day_walk(today in any_day(), (month, day) in any_birthday(), rule in any_rule()) {
        let expected = reference_next(month, day, today, rule);
        prop_assert_eq!(next_birthday(month, day, today, rule), expected);
        prop_assert_eq!(
            days_until_birthday(month, day, today, rule),
            expected.map(|e| (e - today).num_days())
        );
    }

    #[test]
    fn celebrations_are_within_the_window_and_sorted(
        today in any_day(),
        window in 0u32..40,
        (month, day) in any_birthday(),
        born_back in 1i64..20_000,
        rule in any_rule(),
    ) {
        let born = today - Duration::days(born_back);
        let exact = BirthInfo::Born(born);
        let about = BirthInfo::About { years: 3, on: today };
        let c = card(birthday(month, day, Some(1970)), vec![exact, about], vec![exact]);
        let found = celebrations_within(&c, today, window, rule);
        for pair in found.windows(2) {
            prop_assert!(pair[0].date <= pair[1].date);
        }
        for c in &found {
            prop_assert!((0..=i64::from(window)).contains(&c.days_until));
            prop_assert_eq!(c.date - today, Duration::days(c.days_until));
            prop_assert!(c.turning.is_some_and(|t| t >= 1));
        }
        // The exact child and the pet share a birth date: both or neither.
        let child = found.iter().filter(|c| matches!(c.who, Celebrant::Child { .. })).count();
        let pet = found.iter().filter(|c| matches!(c.who, Celebrant::Pet { .. })).count();
        prop_assert_eq!(child, pet);
        prop_assert!(child <= 1);
        let expected = reference_next(born.month(), born.day(), today, rule)
            .filter(|date| (*date - today).num_days() <= i64::from(window) && date.year() > born.year());
        prop_assert_eq!(found.iter().find(|c| matches!(c.who, Celebrant::Pet { .. })).map(|c| c.date), expected);
    }
}
