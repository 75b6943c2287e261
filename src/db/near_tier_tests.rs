use std::path::Path;

use chrono::{NaiveDate, NaiveDateTime};
use rusqlite::Connection;

use super::*;
use crate::config::Config;
use crate::db::{loyalty, members};
use crate::domain::loyalty_config::Program;
use crate::domain::member::MemberDraft;

const SPEND: &str = "[shop]\ncountry = \"HR\"\ncurrency = \"EUR\"\n\
[loyalty]\ngrace_days = 60\n\
[[tiers]]\nname = \"Bronze\"\nmin = 0\n\
[[tiers]]\nname = \"Silver\"\nmin = 200\n\
[[tiers]]\nname = \"Gold\"\nmin = 500\n";

const VISITS: &str = "[shop]\ncountry = \"HR\"\ncurrency = \"EUR\"\n\
[loyalty]\ntier_basis = \"visits\"\ngrace_days = 60\n\
[[tiers]]\nname = \"Regular\"\nmin = 0\n\
[[tiers]]\nname = \"Friend\"\nmin = 10\n";

fn program(text: &str) -> Program {
    Config::parse(text, Path::new("t.toml")).unwrap().loyalty()
}

fn noon() -> NaiveDateTime {
    NaiveDate::from_ymd_opt(2026, 11, 23)
        .unwrap()
        .and_hms_opt(12, 0, 0)
        .unwrap()
}

fn member(conn: &Connection, first: &str) -> i64 {
    let draft = MemberDraft {
        first_name: first.into(),
        family_name: "Horvat".into(),
        ..MemberDraft::default()
    };
    members::insert(conn, &draft, &[], noon()).unwrap()
}

/// One sale of `total` minor units on each of `days` (day of October).
fn sales(conn: &Connection, member_id: i64, days: &[u32], total: i64) {
    for day in days {
        conn.execute(
            "INSERT INTO receipts (source, till_id, local_date, total_minor, kind, member_id)
             VALUES ('generic', ?1 || '-' || ?2, printf('2026-10-%02d', ?2), ?3, 'sale', ?1)",
            rusqlite::params![member_id, day, total],
        )
        .unwrap();
    }
}

fn listed(found: &[Nudge]) -> Vec<(String, usize, i64)> {
    found
        .iter()
        .map(|n| (n.name.clone(), n.tier, n.gap))
        .collect()
}

#[test]
fn the_last_tenth_below_a_minimum_is_near_smallest_amount_missing_first() {
    let conn = crate::db::open_in_memory().unwrap();
    let p = program(SPEND);
    let cases = [
        ("Ana", 18_000),  // exactly 90% of Silver's €200: €20 missing
        ("Ivo", 17_999),  // just outside
        ("Eva", 19_950),  // €0.50 missing
        ("Luka", 20_000), // Silver already, far from Gold
        ("Mia", 46_300),  // Silver, €37 to Gold
        ("Nika", 45_000), // Silver, exactly 90% of Gold
        ("Petra", 50_000),
    ];
    for (name, total) in cases {
        let id = member(&conn, name);
        sales(&conn, id, &[1], total);
    }
    loyalty::recompute(&conn, &p, noon()).unwrap();
    let (found, total) = near(&conn, &p.tiers, None).unwrap();
    assert_eq!(
        listed(&found),
        [
            ("Eva Horvat".to_string(), 0, 50),
            ("Ana Horvat".to_string(), 0, 2_000),
            ("Mia Horvat".to_string(), 1, 3_700),
            ("Nika Horvat".to_string(), 1, 5_000),
        ]
    );
    assert_eq!(total, 4);
    // A limit keeps the closest of all tiers and still counts everyone.
    let (first, total) = near(&conn, &p.tiers, Some(3)).unwrap();
    assert_eq!(first.len(), 3);
    assert_eq!(first[2].name, "Mia Horvat");
    assert_eq!(total, 4);
}

#[test]
fn erased_members_are_neither_listed_nor_counted() {
    let conn = crate::db::open_in_memory().unwrap();
    let p = program(SPEND);
    let (ana, ivo) = (member(&conn, "Ana"), member(&conn, "Ivo"));
    sales(&conn, ana, &[1], 19_000);
    sales(&conn, ivo, &[1], 19_000);
    loyalty::recompute(&conn, &p, noon()).unwrap();
    conn.execute(
        "UPDATE members SET erased_at = '2026-11-20T10:00:00' WHERE id = ?1",
        [ivo],
    )
    .unwrap();
    let (found, total) = near(&conn, &p.tiers, None).unwrap();
    assert_eq!(listed(&found), [("Ana Horvat".to_string(), 0, 1_000)]);
    assert_eq!(total, 1);
}

#[test]
fn on_visits_the_missing_amount_is_visits() {
    let conn = crate::db::open_in_memory().unwrap();
    let p = program(VISITS);
    let (ana, ivo, eva) = (
        member(&conn, "Ana"),
        member(&conn, "Ivo"),
        member(&conn, "Eva"),
    );
    sales(&conn, ana, &[1, 2, 3, 4, 5, 6, 7, 8, 9], 500); // 9 of 10 visits
    sales(&conn, ivo, &[1, 2, 3, 4, 5, 6, 7, 8], 90_000); // 8: not near, however much spent
    sales(&conn, eva, &[1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 500); // Friend, the top
    loyalty::recompute(&conn, &p, noon()).unwrap();
    let (found, total) = near(&conn, &p.tiers, None).unwrap();
    assert_eq!(listed(&found), [("Ana Horvat".to_string(), 0, 1)]);
    assert_eq!(total, 1);
}

#[test]
fn the_list_and_its_count_are_read_from_the_index() {
    let conn = crate::db::open_in_memory().unwrap();
    for sql in [
        "EXPLAIN QUERY PLAN SELECT t.member_id FROM member_tiers t
         WHERE t.tier = 1 AND t.metric >= 5 AND t.metric < 9 ORDER BY t.metric DESC, t.member_id",
        "EXPLAIN QUERY PLAN SELECT count(*) FROM member_tiers t
         WHERE t.tier = 1 AND t.metric >= 5 AND t.metric < 9",
    ] {
        let plan: Vec<String> = conn
            .prepare(sql)
            .unwrap()
            .query_map([], |r| r.get(3))
            .unwrap()
            .collect::<rusqlite::Result<_>>()
            .unwrap();
        let plan = plan.join("\n");
        assert!(plan.contains("member_tiers_near"), "{plan}");
        assert!(!plan.contains("TEMP B-TREE"), "no sorting: {plan}");
    }
}
