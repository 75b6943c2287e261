//! Demo purchases: repeatable, in the past, and shaped so that every list
//! the owner looks at (visits, lapsed regulars, tiers, till customers) has
//! something in it.

use std::collections::HashMap;

use chrono::{Datelike, NaiveDate, Weekday};
use rusqlite::Connection;

use super::tests::{filled, now, program};
use crate::db;
use crate::domain::habits::Purchase;
use crate::domain::lapsed::LapsedRule;

/// Every receipt and line, as text, in id order.
fn receipts(conn: &Connection) -> Vec<String> {
    let mut out = vec![];
    for table in ["receipts", "lines"] {
        let mut stmt = conn
            .prepare(&format!("SELECT * FROM {table} ORDER BY id"))
            .unwrap();
        let columns = stmt.column_count();
        let rows = stmt
            .query_map([], |r| {
                let cells: Vec<String> = (0..columns)
                    .map(|i| format!("{:?}", r.get_ref(i).unwrap()))
                    .collect();
                Ok(cells.join("|"))
            })
            .unwrap();
        out.extend(rows.map(|r| format!("{table}: {}", r.unwrap())));
    }
    out
}

fn number(conn: &Connection, sql: &str) -> i64 {
    conn.query_row(sql, [], |r| r.get(0)).unwrap()
}

#[test]
fn the_same_seed_gives_the_same_receipts() {
    let a = receipts(&filled(150, 7));
    assert!(a.len() > 1_000, "{}", a.len());
    assert_eq!(a, receipts(&filled(150, 7)));
    assert_ne!(a, receipts(&filled(150, 8)));
}

#[test]
fn receipts_are_in_the_past_after_joining_and_add_up() {
    let conn = filled(300, 3);
    let today = now().date().format("%Y-%m-%d").to_string();
    let future = format!("SELECT count(*) FROM receipts WHERE local_date >= '{today}'");
    assert_eq!(number(&conn, &future), 0);
    let too_old = "SELECT count(*) FROM receipts WHERE local_date < '2025-05-01'";
    assert_eq!(number(&conn, too_old), 0);
    let before_joining = "SELECT count(*) FROM receipts r JOIN members m ON m.id = r.member_id
                          WHERE r.local_date < m.joined_at";
    assert_eq!(number(&conn, before_joining), 0);
    let wrong_totals = "SELECT count(*) FROM receipts r
        WHERE total_minor != (SELECT sum(amount_minor) FROM lines l WHERE l.receipt_id = r.id)";
    assert_eq!(number(&conn, wrong_totals), 0);
    let hours = "SELECT count(*) FROM receipts WHERE local_time < '09:00' OR local_time >= '19:00'";
    assert_eq!(number(&conn, hours), 0);
    // A member's receipts carry how the till knew them.
    let unnamed = "SELECT count(*) FROM receipts WHERE member_id IS NOT NULL
                   AND cust_card IS NULL AND cust_phone IS NULL AND cust_email IS NULL";
    assert_eq!(number(&conn, unnamed), 0);
}

#[test]
fn last_visits_and_points_are_up_to_date() {
    let conn = filled(300, 5);
    let stale = "SELECT count(*) FROM members m WHERE last_visit IS NOT
        (SELECT max(local_date) FROM receipts r WHERE r.member_id = m.id AND r.kind = 'sale')";
    assert_eq!(number(&conn, stale), 0);
    let never = "SELECT count(*) FROM members WHERE last_visit IS NULL";
    assert!(number(&conn, never) > 15, "some never bought anything");
    let unearned = "SELECT count(*) FROM receipts r WHERE member_id IS NOT NULL
        AND NOT EXISTS (SELECT 1 FROM points p WHERE p.receipt_id = r.id)";
    assert_eq!(number(&conn, unearned), 0);
    assert_eq!(number(&conn, "SELECT count(*) FROM points_pending"), 0);
}

#[test]
fn some_regulars_stopped_coming() {
    let conn = filled(300, 11);
    let lapsed = db::review::lapsed(&conn, now().date(), &LapsedRule::default()).unwrap();
    assert!(lapsed.len() >= 10, "{}", lapsed.len());
}

#[test]
fn some_reach_higher_tiers_and_some_are_close_to_the_next() {
    let conn = filled(300, 13);
    let program = program();
    let overview = db::tier_overview::overview(&conn, &program, now().date()).unwrap();
    assert_eq!(overview.counts.len(), 3);
    assert!(overview.counts[0] > overview.counts[1], "{overview:?}");
    assert!(overview.counts[1] >= 20, "{:?}", overview.counts);
    assert!(overview.counts[2] >= 5, "{:?}", overview.counts);
    assert!(overview.nudge_total >= 10, "{}", overview.nudge_total);
    assert!(overview.nudges.iter().any(|n| n.tier == 0));
    assert!(overview.nudges.iter().any(|n| n.tier == 1));
}

#[test]
fn refunds_are_receipts_of_their_own() {
    let conn = filled(300, 17);
    let refunds = "SELECT count(*) FROM receipts WHERE kind = 'refund' AND total_minor < 0";
    assert!(number(&conn, refunds) >= 3);
    let wrong = "SELECT count(*) FROM receipts WHERE (kind = 'refund') != (total_minor < 0)";
    assert_eq!(number(&conn, wrong), 0);
}

#[test]
fn walk_ins_and_till_customers_without_a_member() {
    let conn = filled(300, 19);
    let anonymous = "SELECT count(*) FROM receipts WHERE member_id IS NULL
        AND cust_card IS NULL AND cust_phone IS NULL AND cust_email IS NULL";
    assert!(number(&conn, anonymous) > 300);
    let customers = db::receipts::unmatched_customers(&conn, 100).unwrap();
    assert!(customers.len() >= 10, "{}", customers.len());
    for c in &customers {
        let key = match c.identity {
            db::receipts::Identity::Phone => "phone",
            db::receipts::Identity::Email => "email",
            db::receipts::Identity::Card => panic!("walk-ins show no card"),
            db::receipts::Identity::TillCustomer => panic!("the demo's till names no customer id"),
        };
        let sql = format!("SELECT count(*) FROM members WHERE {key} = ?1");
        let owners: i64 = conn.query_row(&sql, [&c.value], |r| r.get(0)).unwrap();
        assert_eq!(owners, 0, "{} belongs to a member", c.value);
    }
}

/// The member's most common visit weekday, and on how many of their visits.
fn usual_weekday(purchases: &[Purchase]) -> (Weekday, usize, usize) {
    let mut days: HashMap<Weekday, usize> = HashMap::new();
    let visits: Vec<NaiveDate> = purchases
        .iter()
        .filter(|p| !p.refund)
        .map(|p| p.date)
        .collect();
    for d in &visits {
        *days.entry(d.weekday()).or_default() += 1;
    }
    let (day, count) = days
        .into_iter()
        .max_by_key(|&(d, n)| (n, d.num_days_from_monday()))
        .unwrap();
    (day, count, visits.len())
}

#[test]
fn regulars_have_a_usual_weekday_and_items_with_categories() {
    let conn = filled(200, 23);
    let regulars: Vec<i64> = conn
        .prepare(
            "SELECT member_id FROM receipts WHERE member_id IS NOT NULL
             GROUP BY member_id HAVING count(*) >= 30",
        )
        .unwrap()
        .query_map([], |r| r.get(0))
        .unwrap()
        .map(Result::unwrap)
        .collect();
    assert!(regulars.len() >= 10, "{}", regulars.len());
    for id in regulars {
        let purchases = db::habits::purchases(&conn, id).unwrap();
        let (_, usual, all) = usual_weekday(&purchases);
        assert!(usual * 2 > all, "member {id}: {usual} of {all}");
        for p in &purchases {
            assert!(!p.lines.is_empty());
            assert!(p.lines.iter().all(|l| l.category.is_some()));
        }
    }
}
