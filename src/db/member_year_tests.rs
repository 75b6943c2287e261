//! The kept 12 months and items against the same facts worked out from
//! every receipt, on real database files, after every kind of write and
//! after the day moves either way.

use chrono::{Duration, NaiveDate};
use rusqlite::{Connection, params};
use tempfile::TempDir;

use super::*;
use crate::db;
use crate::db::receipts::{Identity, link_customer};
use crate::db::till_customers::unlink;

fn base() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 23).unwrap()
}

/// Four members on a file of their own.
fn club() -> (TempDir, Connection) {
    let dir = tempfile::tempdir().unwrap();
    let conn = db::open(&dir.path().join("club.db")).unwrap();
    conn.execute_batch(
        "INSERT INTO members (id, first_name, sort_key, joined_at) VALUES
            (1, 'Ana', 'ana', '2024-01-01'), (2, 'Ivo', 'ivo', '2024-01-01'),
            (3, 'Eva', 'eva', '2024-01-01'), (4, 'Zora', 'zora', '2024-01-01');",
    )
    .unwrap();
    (dir, conn)
}

type YearRow = (i64, i64, i64, Option<i64>, Option<i64>);

/// Each member's 12 months to `day` as the segment words once read them
/// straight from the receipts (no receipt: no visits, nothing spent).
fn from_scratch(conn: &Connection, day: NaiveDate) -> Vec<YearRow> {
    let start = (day - Duration::days(364)).format("%Y-%m-%d").to_string();
    let day = day.format("%Y-%m-%d").to_string();
    let mut stmt = conn
        .prepare(
            "SELECT m.id,
               (SELECT count(DISTINCT r.local_date) FROM receipts r WHERE r.member_id = m.id AND r.kind = 'sale' AND r.local_date BETWEEN ?1 AND ?2),
               (SELECT coalesce(sum(r.total_minor), 0) FROM receipts r WHERE r.member_id = m.id AND r.local_date BETWEEN ?1 AND ?2),
               (SELECT wd FROM (SELECT (CAST(strftime('%w', d) AS INTEGER) + 6) % 7 AS wd, count(*) AS n, sum(count(*)) OVER () AS days
                  FROM (SELECT DISTINCT r.local_date AS d FROM receipts r WHERE r.member_id = m.id AND r.kind = 'sale' AND r.local_date BETWEEN ?1 AND ?2)
                  GROUP BY wd) WHERE days >= 2 ORDER BY n DESC, wd LIMIT 1),
               (SELECT h FROM (SELECT CAST(substr(r.local_time, 1, 2) AS INTEGER) AS h, count(*) AS n
                  FROM receipts r WHERE r.member_id = m.id AND r.kind = 'sale' AND r.local_time IS NOT NULL AND r.local_date BETWEEN ?1 AND ?2
                  GROUP BY h) WHERE (SELECT count(DISTINCT r.local_date) FROM receipts r WHERE r.member_id = m.id AND r.kind = 'sale' AND r.local_date BETWEEN ?1 AND ?2) >= 2
                  ORDER BY n DESC, h LIMIT 1)
             FROM members m ORDER BY m.id",
        )
        .unwrap();
    stmt.query_map(params![start, day], |r| {
        Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?))
    })
    .unwrap()
    .collect::<rusqlite::Result<_>>()
    .unwrap()
}

/// The kept rows, a member without one read as no visits and no habit.
fn kept(conn: &Connection) -> Vec<YearRow> {
    let mut stmt = conn
        .prepare(
            "SELECT m.id, coalesce(y.visits, 0), coalesce(y.spend_minor, 0), y.usual_weekday, y.usual_hour
             FROM members m LEFT JOIN member_year y ON y.member_id = m.id ORDER BY m.id",
        )
        .unwrap();
    stmt.query_map([], |r| {
        Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?))
    })
    .unwrap()
    .collect::<rusqlite::Result<_>>()
    .unwrap()
}

type Bought = Vec<(String, String, i64, i64)>;

fn bought_from_scratch(conn: &Connection) -> Bought {
    let mut stmt = conn
        .prepare(
            "SELECT kind, lower(name), member_id, count(*) FROM (
                SELECT 'item' AS kind, l.item AS name, r.member_id FROM lines l JOIN receipts r ON r.id = l.receipt_id
                WHERE r.kind = 'sale' AND r.member_id IS NOT NULL
                UNION ALL
                SELECT 'category', l.category, r.member_id FROM lines l JOIN receipts r ON r.id = l.receipt_id
                WHERE r.kind = 'sale' AND r.member_id IS NOT NULL AND l.category IS NOT NULL)
             GROUP BY kind, lower(name), member_id ORDER BY 1, 2, 3",
        )
        .unwrap();
    stmt.query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)))
        .unwrap()
        .collect::<rusqlite::Result<_>>()
        .unwrap()
}

fn bought_kept(conn: &Connection) -> Bought {
    let mut stmt = conn
        .prepare("SELECT kind, lower(name), member_id, lines FROM member_bought ORDER BY 1, 2, 3")
        .unwrap();
    stmt.query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)))
        .unwrap()
        .collect::<rusqlite::Result<_>>()
        .unwrap()
}

/// The day the rows hold for (a test reads it to compare at that day).
fn held_day(conn: &Connection) -> NaiveDate {
    held(conn).unwrap().expect("a day held").day
}

fn same_as_from_scratch(conn: &Connection) {
    assert_eq!(kept(conn), from_scratch(conn, held_day(conn)));
    assert_eq!(bought_kept(conn), bought_from_scratch(conn));
}

/// A receipt `days` after the base day; returns its id.
#[allow(clippy::too_many_arguments)]
fn receipt(
    conn: &Connection,
    member: Option<i64>,
    days: i64,
    time: Option<&str>,
    total: i64,
    kind: &str,
    phone: Option<&str>,
    lines: &[(&str, Option<&str>)],
) -> i64 {
    let date = (base() + Duration::days(days))
        .format("%Y-%m-%d")
        .to_string();
    conn.execute(
        "INSERT INTO receipts (source, till_id, local_date, local_time, total_minor, kind, member_id, cust_phone)
         VALUES ('csv', lower(hex(randomblob(8))), ?1, ?2, ?3, ?4, ?5, ?6)",
        params![date, time, total, kind, member, phone],
    )
    .unwrap();
    let id = conn.last_insert_rowid();
    for (item, category) in lines {
        conn.execute(
            "INSERT INTO lines (receipt_id, item, category, qty_milli, amount_minor) VALUES (?1, ?2, ?3, 1000, 100)",
            params![id, item, category],
        )
        .unwrap();
    }
    id
}

#[test]
fn links_unlinks_and_deletes_keep_the_rows_right() {
    let (_dir, conn) = club();
    bring_to(&conn, base()).unwrap();
    let phone = Some("+385911234567");
    for days in [-3, -10, -17, -400] {
        let lines = [("Latte", Some("Coffee")), ("latte", None)];
        receipt(
            &conn,
            None,
            days,
            Some("08:15:00"),
            450,
            "sale",
            phone,
            &lines,
        );
    }
    receipt(
        &conn,
        Some(2),
        -1,
        Some("17:00:00"),
        -300,
        "refund",
        None,
        &[("Cake", Some("Cakes"))],
    );
    same_as_from_scratch(&conn);
    let at = base().and_hms_opt(12, 0, 0).unwrap();
    assert_eq!(
        link_customer(&conn, Identity::Phone, "+385911234567", 1, at).unwrap(),
        4
    );
    same_as_from_scratch(&conn);
    assert_eq!(kept(&conn)[0], (1, 3, 1350, Some(4), Some(8)));
    assert!(bought_kept(&conn).contains(&("item".into(), "latte".into(), 1, 8)));
    unlink(&conn, Identity::Phone, "+385911234567").unwrap();
    same_as_from_scratch(&conn);
    assert_eq!(kept(&conn)[0], (1, 0, 0, None, None));
    link_customer(&conn, Identity::Phone, "+385911234567", 3, at).unwrap();
    conn.execute("DELETE FROM receipts WHERE local_date = '2026-11-20'", [])
        .unwrap();
    same_as_from_scratch(&conn);
    crate::db::members::delete(&conn, 3).unwrap();
    same_as_from_scratch(&conn);
    let left: i64 = conn
        .query_row(
            "SELECT count(*) FROM member_bought WHERE member_id = 3",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(left, 0);
}

#[test]
fn receipts_written_before_the_first_count_are_read_by_it() {
    let (_dir, conn) = club();
    receipt(&conn, Some(1), -2, Some("09:00:00"), 500, "sale", None, &[]);
    receipt(&conn, Some(1), -9, Some("09:30:00"), 500, "sale", None, &[]);
    assert!(held(&conn).unwrap().is_none());
    bring_to(&conn, base()).unwrap();
    same_as_from_scratch(&conn);
    assert_eq!(kept(&conn)[0], (1, 2, 1000, Some(5), Some(9)));
}

#[test]
fn the_day_moves_forward_and_back() {
    let (_dir, conn) = club();
    bring_to(&conn, base()).unwrap();
    for (n, days) in (-800..60).step_by(7).enumerate() {
        let member = Some(n as i64 % 4 + 1);
        let time = format!("{:02}:10:00", 7 + n % 9);
        receipt(
            &conn,
            member,
            days,
            Some(&time),
            100 + n as i64,
            "sale",
            None,
            &[],
        );
    }
    let mut day = base();
    for step in [1, 40, 400, -1, -40, -400, 119, 120, -365] {
        day += Duration::days(step);
        bring_to(&conn, day).unwrap();
        assert_eq!(held_day(&conn), day);
        same_as_from_scratch(&conn);
    }
}

#[path = "member_year_props.rs"]
mod props;

#[test]
fn a_line_counts_for_the_member_of_its_sale_only() {
    let (_dir, conn) = club();
    let lines = [("Latte", Some("Coffee")), ("LATTE", Some("coffee"))];
    for member in [Some(1), Some(2), None] {
        receipt(&conn, member, -1, None, 900, "sale", None, &lines);
    }
    receipt(
        &conn,
        Some(1),
        -1,
        None,
        -450,
        "refund",
        None,
        &[("Latte", None)],
    );
    let row = |kind: &str, name: &str, member, lines| (kind.into(), name.into(), member, lines);
    let expected = vec![
        row("category", "coffee", 1, 2),
        row("category", "coffee", 2, 2),
        row("item", "latte", 1, 2),
        row("item", "latte", 2, 2),
    ];
    assert_eq!(bought_kept(&conn), expected);
    assert_eq!(bought_from_scratch(&conn), expected);
}
