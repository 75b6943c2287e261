//! Tests for `review.rs`: the lapsed rule in SQL agrees with the rule in
//! Rust, missing data, and consents read in one go.

use chrono::{Duration, NaiveDate};
use proptest::prelude::*;
use rusqlite::params;

use super::*;
use crate::db::members::{insert, record_consent};
use crate::domain::member::{Birthday, MemberDraft};

fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).unwrap()
}

fn member(conn: &Connection, first: &str, birthday: bool, consents: &[Channel]) -> i64 {
    let draft = MemberDraft {
        first_name: first.into(),
        birthday: birthday.then_some(Birthday {
            month: 5,
            day: 1,
            year: None,
        }),
        ..MemberDraft::default()
    };
    let now = d(2026, 1, 1).and_hms_opt(9, 0, 0).unwrap();
    insert(conn, &draft, consents, now).unwrap()
}

fn receipt(conn: &Connection, member_id: i64, day: NaiveDate, kind: &str) {
    let till: i64 = conn
        .query_row("SELECT count(*) FROM receipts", [], |r| r.get(0))
        .unwrap();
    conn.execute(
        "INSERT INTO receipts (source, till_id, local_date, total_minor, kind, member_id)
         VALUES ('generic', ?1, ?2, 900, ?3, ?4)",
        params![
            till.to_string(),
            day.format("%Y-%m-%d").to_string(),
            kind,
            member_id
        ],
    )
    .unwrap();
}

#[test]
fn regulars_who_stopped_coming() {
    let conn = crate::db::open_in_memory().unwrap();
    let today = d(2026, 11, 23);
    let gone = member(&conn, "Gone", true, &[]);
    for day in [d(2026, 6, 1), d(2026, 6, 1), d(2026, 7, 1), d(2026, 9, 30)] {
        receipt(&conn, gone, day, "sale");
    }
    let still = member(&conn, "Still", true, &[]);
    for day in [d(2026, 6, 1), d(2026, 7, 1), d(2026, 11, 20)] {
        receipt(&conn, still, day, "sale");
    }
    // Refunds are no visits.
    let refunder = member(&conn, "Refunder", true, &[]);
    for (day, kind) in [
        (d(2026, 6, 1), "sale"),
        (d(2026, 6, 2), "refund"),
        (d(2026, 7, 1), "sale"),
    ] {
        receipt(&conn, refunder, day, kind);
    }
    let found = lapsed(&conn, today, &LapsedRule::default()).unwrap();
    assert_eq!(
        found,
        vec![Lapsed {
            member_id: gone,
            visits: 3,
            last_visit: d(2026, 9, 30)
        }]
    );
}

#[test]
fn missing_birthday_or_consent_recent_visitors_first() {
    let conn = crate::db::open_in_memory().unwrap();
    let complete = member(&conn, "Complete", true, &[Channel::Sms]);
    let no_birthday = member(&conn, "NoBirthday", false, &[Channel::Email]);
    let no_consent = member(&conn, "NoConsent", true, &[]);
    let withdrew = member(&conn, "Withdrew", true, &[Channel::Sms]);
    let now = d(2026, 2, 1).and_hms_opt(9, 0, 0).unwrap();
    record_consent(&conn, withdrew, Channel::Sms, false, now, "counter").unwrap();
    receipt(&conn, no_consent, d(2026, 3, 1), "sale");
    let (list, total) = missing(&conn, 10).unwrap();
    let ids: Vec<i64> = list.iter().map(|m| m.member_id).collect();
    assert_eq!(ids, vec![no_consent, no_birthday, withdrew]);
    assert_eq!(total, 3);
    assert!(list[0].no_consent && !list[0].no_birthday);
    assert_eq!(list[0].last_visit, Some(d(2026, 3, 1)));
    assert!(list[1].no_birthday && !list[1].no_consent);
    assert!(!ids.contains(&complete));
    let (first, total) = missing(&conn, 1).unwrap();
    assert_eq!((first.len(), total), (1, 3));
}

#[test]
fn a_hebrew_birthday_is_no_missing_birthday() {
    use crate::domain::birth_calendar::{BirthCalendar, CalendarBirthday, LunarMonth};
    let conn = crate::db::open_in_memory().unwrap();
    let noa = member(&conn, "Noa", false, &[Channel::Sms]);
    let eli = member(&conn, "Eli", false, &[Channel::Sms]);
    let tishrei = LunarMonth {
        number: 1,
        leap: false,
    };
    let kept = CalendarBirthday::new(BirthCalendar::Hebrew, tishrei, 12).unwrap();
    crate::db::birth_calendar::set(&conn, noa, Some(&kept)).unwrap();
    let (list, total) = missing(&conn, 10).unwrap();
    let ids: Vec<i64> = list.iter().map(|m| m.member_id).collect();
    assert_eq!((ids, total), (vec![eli], 1));
}

#[test]
fn reachable_gives_current_consents() {
    let conn = crate::db::open_in_memory().unwrap();
    let ana = member(&conn, "Ana", true, &[Channel::Email, Channel::Sms]);
    let now = d(2026, 2, 1).and_hms_opt(9, 0, 0).unwrap();
    record_consent(&conn, ana, Channel::Sms, false, now, "counter").unwrap();
    let ivo = member(&conn, "Ivo", true, &[]);
    let found = reachable(&conn, &[ana, ivo, 404]).unwrap();
    assert_eq!(found[&ana].channels, vec![Channel::Email]);
    assert!(found[&ivo].channels.is_empty());
    assert_eq!(found.len(), 2);
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(40))]
    /// The SQL and the plain rule agree on random visit histories.
    #[test]
    fn lapsed_in_sql_matches_the_rule(
        histories in prop::collection::vec(prop::collection::vec(0i64..260, 0..8), 1..6),
        visits in 1u32..5,
        weeks in 1u32..10,
    ) {
        let conn = crate::db::open_in_memory().unwrap();
        let today = d(2026, 3, 31);
        let rule = LapsedRule { lapsed_visits: visits, lapsed_months: 6, lapsed_weeks: weeks };
        let mut expected = vec![];
        for (i, days_back) in histories.iter().enumerate() {
            let id = member(&conn, &format!("M{i}"), true, &[]);
            let days: Vec<NaiveDate> = days_back.iter().map(|n| today - Duration::days(*n)).collect();
            for day in &days {
                receipt(&conn, id, *day, "sale");
            }
            if rule.is_lapsed(&days, today) {
                expected.push(id);
            }
        }
        let mut got: Vec<i64> = lapsed(&conn, today, &rule).unwrap().into_iter().map(|l| l.member_id).collect();
        got.sort();
        prop_assert_eq!(got, expected);
    }
}

/// The plan SQLite picks for `sql`, one step a line.
fn plan(conn: &Connection, sql: &str) -> String {
    let steps: Vec<String> = conn
        .prepare(&format!("EXPLAIN QUERY PLAN {sql}"))
        .unwrap()
        .query_map([], |r| r.get(3))
        .unwrap()
        .collect::<rusqlite::Result<_>>()
        .unwrap();
    steps.join("\n")
}

#[test]
fn a_month_of_members_is_read_from_narrow_indexes() {
    let conn = crate::db::open_in_memory().unwrap();
    // Current consents without reading the consent log's rows.
    let consents = plan(
        &conn,
        "SELECT c.member_id, c.channel FROM consents c
         WHERE c.member_id IN (SELECT value FROM json_each('[1]')) AND c.granted = 1
           AND c.id = (SELECT max(id) FROM consents c2 WHERE c2.member_id = c.member_id AND c2.channel = c.channel)",
    );
    assert!(
        consents.contains("COVERING INDEX consents_now"),
        "{consents}"
    );
    assert!(!consents.contains("SCAN c"), "{consents}");
    // The few birthdays kept in another calendar, not every member.
    let calendar = plan(
        &conn,
        "SELECT id, birth_calendar, birth_calendar_month, birth_calendar_day FROM members
         WHERE birth_calendar IS NOT NULL AND erased_at IS NULL ORDER BY +id",
    );
    assert!(!calendar.contains("SCAN members"), "{calendar}");
    // Names and contacts of members by id (the index is named in the query).
    let reach = reachable(&conn, &[1, 2]).unwrap();
    assert!(reach.is_empty());
    assert!(names(&conn, &[1]).unwrap().is_empty());
}
