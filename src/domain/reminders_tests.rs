//! Tests for `reminders.rs`: the edge cases by name, and the key ranges
//! checked against a plain walk over every day of the window.

use chrono::{Datelike, Duration, NaiveDate};
use proptest::prelude::*;

use super::*;

fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).unwrap()
}

fn birthday(kind: Kind, month: u32, day: u32, year: Option<i32>) -> Anniversary {
    Anniversary {
        member_id: 1,
        kind,
        occasion: Occasion::Birthday,
        id: 1,
        name: "Noam".into(),
        detail: None,
        month,
        day,
        year,
    }
}

fn dates(window: &Window, a: &Anniversary) -> Vec<NaiveDate> {
    window.reminders_of(a).iter().map(|r| r.date).collect()
}

#[test]
fn a_window_across_new_year_is_two_ranges() {
    let w = Window::new(d(2026, 12, 28), 14, Feb29::Feb28);
    assert_eq!(
        w.key_ranges(),
        vec![
            KeyRange {
                year: 2026,
                from: 1228,
                to: 1231
            },
            KeyRange {
                year: 2027,
                from: 101,
                to: 111
            },
        ]
    );
    let jan2 = birthday(Kind::Member, 1, 2, Some(1986));
    let found = w.reminders_of(&jan2);
    assert_eq!(found.len(), 1);
    assert_eq!((found[0].date, found[0].days_until), (d(2027, 1, 2), 5));
    assert_eq!(found[0].turning, Some(41));
    assert_eq!(
        dates(&w, &birthday(Kind::Member, 12, 28, None)),
        vec![d(2026, 12, 28)]
    );
    assert!(dates(&w, &birthday(Kind::Member, 12, 27, None)).is_empty());
}

#[test]
fn month_ends_are_not_skipped() {
    let w = Window::new(d(2026, 4, 29), 3, Feb29::Feb28);
    assert_eq!(
        w.key_ranges(),
        vec![KeyRange {
            year: 2026,
            from: 429,
            to: 502
        }]
    );
    assert_eq!(
        dates(&w, &birthday(Kind::Child, 4, 30, Some(2020))),
        vec![d(2026, 4, 30)]
    );
    assert_eq!(
        dates(&w, &birthday(Kind::Child, 5, 2, Some(2020))),
        vec![d(2026, 5, 2)]
    );
    // 431 is no day; a stored one is never celebrated.
    assert!(dates(&w, &birthday(Kind::Child, 4, 31, None)).is_empty());
}

#[test]
fn feb29_moves_to_feb28_or_mar1_and_says_so() {
    let leapling = birthday(Kind::Member, 2, 29, Some(1996));
    let feb28 = Window::new(d(2027, 2, 25), 3, Feb29::Feb28);
    let found = feb28.reminders_of(&leapling);
    assert_eq!(found.len(), 1);
    assert_eq!(found[0].date, d(2027, 2, 28));
    assert!(found[0].moved_from_feb29);
    assert_eq!(found[0].turning, Some(31));
    // The window ends on Feb 28: the single key 229 is looked up too.
    assert!(feb28.key_ranges().contains(&KeyRange {
        year: 2027,
        from: 229,
        to: 229
    }));

    let mar1 = Window::new(d(2027, 2, 25), 3, Feb29::Mar1);
    assert!(mar1.reminders_of(&leapling).is_empty());
    let mar1 = Window::new(d(2027, 3, 1), 0, Feb29::Mar1);
    assert_eq!(dates(&mar1, &leapling), vec![d(2027, 3, 1)]);

    let leap_year = Window::new(d(2028, 2, 25), 7, Feb29::Feb28);
    let found = leap_year.reminders_of(&leapling);
    assert_eq!(found[0].date, d(2028, 2, 29));
    assert!(!found[0].moved_from_feb29);
}

#[test]
fn born_this_week_or_later_has_no_birthday_yet() {
    let w = Window::new(d(2026, 5, 10), 7, Feb29::Feb28);
    assert!(
        w.reminders_of(&birthday(Kind::Child, 5, 12, Some(2026)))
            .is_empty()
    );
    assert!(
        w.reminders_of(&birthday(Kind::Child, 5, 12, Some(2030)))
            .is_empty()
    );
    assert_eq!(
        w.reminders_of(&birthday(Kind::Child, 5, 12, Some(2025)))[0].turning,
        Some(1)
    );
}

#[test]
fn a_year_long_window_finds_a_date_twice() {
    let w = Window::new(d(2027, 3, 1), 366, Feb29::Feb28);
    assert_eq!(
        dates(&w, &birthday(Kind::Pet, 3, 1, Some(2020))),
        vec![d(2027, 3, 1), d(2028, 3, 1)]
    );
}

#[test]
fn households_group_by_day_and_member() {
    let w = Window::new(d(2026, 3, 1), 7, Feb29::Feb28);
    let mut all = vec![];
    let mut add = |member_id, kind, id, month, day| {
        let a = Anniversary {
            member_id,
            kind,
            id,
            ..birthday(kind, month, day, Some(2000))
        };
        all.extend(w.reminders_of(&a));
    };
    add(2, Kind::Pet, 9, 3, 3);
    add(1, Kind::Child, 5, 3, 3);
    add(1, Kind::Member, 1, 3, 3);
    add(1, Kind::Pet, 4, 3, 5);
    sort(&mut all);
    let rows = by_household(&all);
    let summary: Vec<(u32, i64, Vec<Kind>)> = rows
        .iter()
        .map(|r| {
            (
                r.date.day(),
                r.member_id,
                r.reminders.iter().map(|x| x.anniversary.kind).collect(),
            )
        })
        .collect();
    assert_eq!(
        summary,
        vec![
            (3, 1, vec![Kind::Member, Kind::Child]),
            (3, 2, vec![Kind::Pet]),
            (5, 1, vec![Kind::Pet]),
        ]
    );
}

/// The reference: walk every day of the window and ask whether the date is
/// celebrated on it.
pub(crate) fn reference(w: &Window, month: u32, day: u32) -> Vec<NaiveDate> {
    (0..=i64::from(w.days))
        .map(|n| w.today + Duration::days(n))
        .filter(|date| {
            let leap = NaiveDate::from_ymd_opt(date.year(), 2, 29).is_some();
            let md = (date.month(), date.day());
            md == (month, day)
                || ((month, day) == (2, 29)
                    && !leap
                    && md
                        == match w.rule {
                            Feb29::Feb28 => (2, 28),
                            Feb29::Mar1 => (3, 1),
                        })
        })
        .collect()
}

pub(crate) fn any_window() -> impl Strategy<Value = Window> {
    let anywhere = (0i64..60_000).prop_map(|n| d(1950, 1, 1) + Duration::days(n));
    let edges = (
        1990i32..2110,
        prop::sample::select(vec![
            (2, 20),
            (2, 27),
            (2, 28),
            (2, 29),
            (3, 1),
            (12, 1),
            (12, 28),
            (12, 31),
            (1, 1),
        ]),
    )
        .prop_filter_map("a real day", |(y, (m, day))| {
            NaiveDate::from_ymd_opt(y, m, day)
        });
    let days = prop_oneof![3 => 0u32..=31, 1 => 0u32..=400];
    let rule = prop::sample::select(vec![Feb29::Feb28, Feb29::Mar1]);
    let starting =
        (prop_oneof![anywhere, edges.clone()], days).prop_map(|(today, days)| (today, days));
    // Windows that end on an edge: the last day is where Feb 28 stands in.
    let ending =
        (edges, 0u32..=31).prop_map(|(last, days)| (last - Duration::days(i64::from(days)), days));
    (prop_oneof![starting, ending], rule).prop_map(|((today, days), rule)| Window {
        today,
        days,
        rule,
    })
}

fn any_month_day() -> impl Strategy<Value = (u32, u32)> {
    prop_oneof![
        3 => (1u32..=12, 1u32..=31),
        1 => prop::sample::select(vec![(2, 29), (2, 28), (3, 1), (12, 31), (1, 1), (4, 30), (5, 1)]),
    ]
}

proptest! {
    #[test]
    fn key_ranges_find_exactly_the_days_a_walk_finds(w in any_window(), (month, day) in any_month_day()) {
        let a = birthday(Kind::Member, month, day, None);
        prop_assert_eq!(dates(&w, &a), reference(&w, month, day));
    }

    #[test]
    fn feb29_is_found_where_a_walk_finds_it(w in any_window()) {
        let a = birthday(Kind::Member, 2, 29, None);
        prop_assert_eq!(dates(&w, &a), reference(&w, 2, 29));
    }

    #[test]
    fn reminders_are_in_the_window_with_the_right_age(w in any_window(), (month, day) in any_month_day(), back in 1i32..90) {
        let year = w.today.year() - back;
        let a = birthday(Kind::Child, month, day, Some(year));
        for r in w.reminders_of(&a) {
            prop_assert!((0..=i64::from(w.days)).contains(&r.days_until));
            prop_assert_eq!(r.date, w.today + Duration::days(r.days_until));
            prop_assert_eq!(r.turning, Some(r.date.year() - year));
            prop_assert_eq!(r.moved_from_feb29, (month, day) == (2, 29) && r.date.day() != 29);
        }
    }

    #[test]
    fn key_ranges_stay_in_one_year_and_do_not_overlap(w in any_window()) {
        let ranges = w.key_ranges();
        for r in &ranges {
            prop_assert!(r.from <= r.to && r.from >= 101 && r.to <= 1231);
        }
        for (i, a) in ranges.iter().enumerate() {
            for b in &ranges[i + 1..] {
                prop_assert!(a.year != b.year || a.to < b.from || b.to < a.from, "{:?} {:?}", a, b);
            }
        }
    }
}
