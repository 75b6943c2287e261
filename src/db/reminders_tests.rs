//! Tests for `reminders.rs`: the query finds what the pure rules find, it
//! uses the month-day indexes, and existing data is covered after upgrading.

use chrono::{Datelike, NaiveDate};
use proptest::prelude::*;
use rusqlite::params;

use super::*;
use crate::db::members::{add_child, add_pet, insert};
use crate::domain::dates::Feb29;
use crate::domain::family::BirthInfo;
use crate::domain::member::{Birthday, MemberDraft};
use crate::domain::reminders::tests::reference;

fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).unwrap()
}

fn member(conn: &Connection, first: &str, birthday: Option<Birthday>) -> i64 {
    let draft = MemberDraft {
        first_name: first.into(),
        family_name: "Cohen".into(),
        birthday,
        ..MemberDraft::default()
    };
    insert(
        conn,
        &draft,
        &[],
        d(2020, 1, 1).and_hms_opt(9, 0, 0).unwrap(),
    )
    .unwrap()
}

/// (date, kind, celebrant's name, turning); members' names read as the
/// lists read them, in one batch.
fn summary(
    conn: &Connection,
    found: &[Reminder],
) -> Vec<(NaiveDate, &'static str, String, Option<i32>)> {
    let ids: Vec<i64> = found.iter().map(|r| r.anniversary.member_id).collect();
    let names = crate::db::review::names(conn, &ids).unwrap();
    found
        .iter()
        .map(|r| {
            let a = &r.anniversary;
            let name = match a.kind {
                Kind::Member => names[&a.member_id].clone(),
                _ => a.name.clone(),
            };
            (r.date, a.kind.code(), name, r.turning)
        })
        .collect()
}

#[test]
fn fourteen_days_from_dec_28_cross_the_new_year() {
    let conn = crate::db::open_in_memory().unwrap();
    let maya = member(
        &conn,
        "Maya",
        Some(Birthday {
            month: 1,
            day: 2,
            year: Some(1987),
        }),
    );
    add_child(
        &conn,
        maya,
        "Noam",
        Some("boy"),
        BirthInfo::Born(d(2020, 12, 30)),
    )
    .unwrap();
    let about = BirthInfo::About {
        years: 3,
        on: d(2026, 1, 1),
    };
    add_child(&conn, maya, "Lea", None, about).unwrap();
    add_pet(&conn, maya, "Rex", "dog", BirthInfo::Born(d(2024, 1, 11))).unwrap();
    let rex_late = add_pet(&conn, maya, "Bo", "cat", BirthInfo::Unknown).unwrap();
    conn.execute(
        "UPDATE pets SET gotcha = '2023-12-31' WHERE id = ?1",
        [rex_late],
    )
    .unwrap();
    member(
        &conn,
        "Dan",
        Some(Birthday {
            month: 1,
            day: 12,
            year: None,
        }),
    );
    member(
        &conn,
        "Eli",
        Some(Birthday {
            month: 12,
            day: 27,
            year: None,
        }),
    );

    let window = Window::new(d(2026, 12, 28), 14, Feb29::Feb28);
    let found = within(&conn, &window).unwrap();
    assert_eq!(
        summary(&conn, &found),
        vec![
            (d(2026, 12, 30), "child", "Noam".to_string(), Some(6)),
            (d(2026, 12, 31), "pet", "Bo".to_string(), Some(3)),
            (d(2027, 1, 2), "member", "Maya Cohen".to_string(), Some(40)),
            (d(2027, 1, 11), "pet", "Rex".to_string(), Some(3)),
        ]
    );
    assert_eq!(found[1].anniversary.occasion, Occasion::Gotcha);
    assert_eq!(found[3].days_until, 14);
    // Dan on Jan 12 is one day too late; Eli's Dec 27 has just passed.
}

#[test]
fn erased_members_and_their_families_are_left_out() {
    let conn = crate::db::open_in_memory().unwrap();
    let id = member(
        &conn,
        "Ana",
        Some(Birthday {
            month: 3,
            day: 3,
            year: None,
        }),
    );
    add_child(&conn, id, "Noam", None, BirthInfo::Born(d(2020, 3, 4))).unwrap();
    conn.execute(
        "UPDATE members SET erased_at = '2026-01-01' WHERE id = ?1",
        [id],
    )
    .unwrap();
    let window = Window::new(d(2026, 3, 1), 7, Feb29::Feb28);
    assert!(within(&conn, &window).unwrap().is_empty());
}

#[test]
fn changed_dates_are_found_on_their_new_day() {
    let conn = crate::db::open_in_memory().unwrap();
    let id = member(
        &conn,
        "Ana",
        Some(Birthday {
            month: 3,
            day: 3,
            year: None,
        }),
    );
    let noam = add_child(&conn, id, "Noam", None, BirthInfo::Born(d(2020, 3, 4))).unwrap();
    let rex = add_pet(&conn, id, "Rex", "dog", BirthInfo::Unknown).unwrap();
    let march = Window::new(d(2026, 3, 1), 7, Feb29::Feb28);
    let june = Window::new(d(2026, 6, 1), 7, Feb29::Feb28);
    assert_eq!(within(&conn, &march).unwrap().len(), 2);
    let moved = MemberDraft {
        first_name: "Ana".into(),
        birthday: Some(Birthday {
            month: 6,
            day: 2,
            year: None,
        }),
        ..MemberDraft::default()
    };
    crate::db::members::update(&conn, id, &moved).unwrap();
    conn.execute(
        "UPDATE children SET born = '2020-06-03' WHERE id = ?1",
        [noam],
    )
    .unwrap();
    crate::db::members::set_pet_gotcha(&conn, rex, Some(d(2022, 6, 4))).unwrap();
    assert!(within(&conn, &march).unwrap().is_empty());
    assert_eq!(within(&conn, &june).unwrap().len(), 3);
    // A birthday taken away is gone from the list.
    let none = MemberDraft {
        birthday: None,
        ..moved
    };
    crate::db::members::update(&conn, id, &none).unwrap();
    assert_eq!(within(&conn, &june).unwrap().len(), 2);
}

#[test]
fn the_window_query_uses_the_month_day_indexes() {
    let conn = crate::db::open_in_memory().unwrap();
    for (sql, index) in [
        (MEMBERS, "COVERING INDEX members_birth_md"),
        (CHILDREN, "COVERING INDEX children_birth_md"),
        (PET_BIRTHDAYS, "COVERING INDEX pets_birth_md"),
        (GOTCHA_DAYS, "COVERING INDEX pets_gotcha_md"),
    ] {
        let plan: Vec<String> = conn
            .prepare(&format!("EXPLAIN QUERY PLAN {sql}"))
            .unwrap()
            .query_map([101, 131], |r| r.get(3))
            .unwrap()
            .collect::<rusqlite::Result<_>>()
            .unwrap();
        assert!(
            plan.iter().any(|step| step.contains(index)),
            "{index}: {plan:?}"
        );
    }
}

#[test]
fn dates_stored_before_the_upgrade_are_found() {
    let mut conn = rusqlite::Connection::open_in_memory().unwrap();
    crate::db::migrate::migrate_to(&mut conn, 2).unwrap();
    conn.execute_batch(
        "INSERT INTO members (id, first_name, sort_key, birth_month, birth_day, joined_at)
             VALUES (1, 'Ana', 'ana', 5, 1, '2020-01-01');
         INSERT INTO children (member_id, name, born) VALUES (1, 'Noam', '2019-05-02');
         INSERT INTO pets (member_id, name, kind, gotcha) VALUES (1, 'Rex', 'dog', '2022-05-03');",
    )
    .unwrap();
    crate::db::migrate::migrate(&mut conn).unwrap();
    let found = within(&conn, &Window::new(d(2026, 4, 30), 7, Feb29::Feb28)).unwrap();
    assert_eq!(found.len(), 3, "{found:?}");
}

#[test]
fn households_of_the_counter_rows() {
    let conn = crate::db::open_in_memory().unwrap();
    let ana = member(&conn, "Ana", None);
    add_child(&conn, ana, "Noam", None, BirthInfo::Born(d(2020, 11, 26))).unwrap();
    let ivo = member(
        &conn,
        "Ivo",
        Some(Birthday {
            month: 11,
            day: 24,
            year: None,
        }),
    );
    let far = member(
        &conn,
        "Far",
        Some(Birthday {
            month: 6,
            day: 1,
            year: None,
        }),
    );
    let window = Window::new(d(2026, 11, 23), 7, Feb29::Feb28);
    let found = of_households(&conn, &[ana, ivo, far], &window).unwrap();
    assert_eq!(found[&ana][0].anniversary.name, "Noam");
    assert_eq!(found[&ivo][0].date, d(2026, 11, 24));
    assert!(!found.contains_key(&far));
    assert!(of_households(&conn, &[], &window).unwrap().is_empty());
}

/// Random members, children and pets: the query must give exactly what the
/// pure rules give for each stored date.
fn any_household() -> impl Strategy<Value = Vec<(u8, u32, u32, Option<i32>)>> {
    let md = prop_oneof![
        3 => (1u32..=12, 1u32..=28),
        1 => prop::sample::select(vec![(2, 29), (2, 28), (3, 1), (12, 31), (1, 1), (4, 30)]),
    ];
    prop::collection::vec((0u8..4, md, prop::option::of(1990i32..2024)), 1..30)
        .prop_map(|v| v.into_iter().map(|(k, (m, d), y)| (k, m, d, y)).collect())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(48))]
    #[test]
    fn the_query_matches_the_rules(
        w in crate::domain::reminders::tests::any_window(),
        dates in any_household(),
    ) {
        let conn = crate::db::open_in_memory().unwrap();
        let owner = member(&conn, "Owner", None);
        let mut expected = vec![];
        for (i, (source, month, day, year)) in dates.into_iter().enumerate() {
            // A member may leave out the year; a child's or pet's date has one
            // (2000 is a leap year, so Feb 29 stays possible).
            let member_year = year;
            let year = year.unwrap_or(2000);
            let Some(born) = NaiveDate::from_ymd_opt(year, month, day) else { continue };
            let text = born.format("%Y-%m-%d").to_string();
            let (kind, occasion, name) = match source {
                0 => {
                    let id = member(&conn, "M", Some(Birthday { month, day, year: member_year }));
                    conn.execute("UPDATE members SET first_name = ?2 WHERE id = ?1", params![id, format!("M{i}")]).unwrap();
                    (Kind::Member, Occasion::Birthday, format!("M{i} Cohen"))
                }
                1 => {
                    conn.execute("INSERT INTO children (member_id, name, born) VALUES (?1, ?2, ?3)", params![owner, format!("C{i}"), text]).unwrap();
                    (Kind::Child, Occasion::Birthday, format!("C{i}"))
                }
                2 => {
                    conn.execute("INSERT INTO pets (member_id, name, kind, born) VALUES (?1, ?2, 'dog', ?3)", params![owner, format!("P{i}"), text]).unwrap();
                    (Kind::Pet, Occasion::Birthday, format!("P{i}"))
                }
                _ => {
                    conn.execute("INSERT INTO pets (member_id, name, kind, gotcha) VALUES (?1, ?2, 'cat', ?3)", params![owner, format!("G{i}"), text]).unwrap();
                    (Kind::Pet, Occasion::Gotcha, format!("G{i}"))
                }
            };
            let _ = (kind, occasion);
            let known_year = if source == 0 { member_year } else { Some(year) };
            // The plain day-by-day walk, with the rule that nothing is
            // celebrated before the first anniversary.
            for date in reference(&w, month, day) {
                let turning = known_year.map(|y| date.year() - y);
                if turning.is_none_or(|t| t >= 1) {
                    expected.push((date, name.clone(), turning));
                }
            }
        }
        let found = within(&conn, &w).unwrap();
        let mut got: Vec<_> = summary(&conn, &found).into_iter()
            .map(|(date, _, name, turning)| (date, name, turning)).collect();
        got.sort();
        expected.sort();
        prop_assert_eq!(got, expected);
    }
}

#[test]
fn a_chinese_birthday_is_found_on_its_gregorian_day_across_new_year() {
    use crate::db::birth_calendar;
    use crate::domain::birth_calendar::{BirthCalendar, CalendarBirthday, LunarMonth};
    let conn = crate::db::open_in_memory().unwrap();
    let new_year = LunarMonth {
        number: 1,
        leap: false,
    };
    let born_at_new_year = CalendarBirthday::new(BirthCalendar::Chinese, new_year, 1).unwrap();
    let li = member(&conn, "Li", None);
    birth_calendar::set(&conn, li, Some(&born_at_new_year)).unwrap();
    let gone = member(&conn, "Wei", None);
    birth_calendar::set(&conn, gone, Some(&born_at_new_year)).unwrap();
    conn.execute(
        "UPDATE members SET erased_at = '2026-01-01' WHERE id = ?1",
        [gone],
    )
    .unwrap();

    // Chinese New Year 2027 is 6 February: 40 days after 28 December.
    let window = Window::new(d(2026, 12, 28), 45, Feb29::Feb28);
    let found = within(&conn, &window).unwrap();
    assert_eq!(
        summary(&conn, &found),
        vec![(d(2027, 2, 6), "member", "Li Cohen".to_string(), None)]
    );
    assert_eq!(found[0].days_until, 40);
    let households = of_households(&conn, &[li], &window).unwrap();
    assert_eq!(households[&li].len(), 1);
    assert_eq!(households[&li][0].date, d(2027, 2, 6));

    let short = Window::new(d(2026, 12, 28), 30, Feb29::Feb28);
    assert!(within(&conn, &short).unwrap().is_empty());
    assert!(of_households(&conn, &[li], &short).unwrap().is_empty());
}
