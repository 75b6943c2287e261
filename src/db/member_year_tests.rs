//! The kept 12 months and items against the same facts worked out from
//! every receipt, on real database files, after every kind of write and
//! after the day moves either way.

use chrono::{Duration, NaiveDate};
use proptest::prelude::*;
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

/// One write a till, a link or a correction could make.
#[derive(Debug, Clone)]
enum Write {
    Add {
        member: Option<i64>,
        days: i64,
        hour: Option<u8>,
        total: i64,
        refund: bool,
        lines: Vec<(usize, Option<usize>)>,
    },
    Relink(usize, Option<i64>),
    Redate(usize, i64),
    Retime(usize, Option<u8>),
    Retotal(usize, i64),
    Rekind(usize),
    Remove(usize),
    RemoveLine(usize),
    RenameLine(usize, usize),
    Move(i64),
}

const ITEMS: [&str; 4] = ["Latte", "LATTE", "Cake", "Bread"];
const CATEGORIES: [&str; 3] = ["Coffee", "coffee", "Cakes"];

fn write() -> impl Strategy<Value = Write> {
    let member = prop::option::of(1i64..=4);
    let hour = prop::option::of(0u8..24);
    let lines = prop::collection::vec(
        (0..ITEMS.len(), prop::option::of(0..CATEGORIES.len())),
        0..3,
    );
    let step = prop_oneof![
        Just(1i64),
        Just(40),
        Just(400),
        Just(-1),
        Just(-40),
        Just(-400),
        -500i64..500
    ];
    prop_oneof![
        4 => (member.clone(), -500i64..30, hour.clone(), -2000i64..9000, any::<bool>(), lines)
            .prop_map(|(member, days, hour, total, refund, lines)| Write::Add { member, days, hour, total, refund, lines }),
        2 => (any::<usize>(), member).prop_map(|(r, m)| Write::Relink(r, m)),
        1 => (any::<usize>(), -500i64..30).prop_map(|(r, d)| Write::Redate(r, d)),
        1 => (any::<usize>(), hour).prop_map(|(r, h)| Write::Retime(r, h)),
        1 => (any::<usize>(), -2000i64..9000).prop_map(|(r, t)| Write::Retotal(r, t)),
        1 => any::<usize>().prop_map(Write::Rekind),
        1 => any::<usize>().prop_map(Write::Remove),
        1 => any::<usize>().prop_map(Write::RemoveLine),
        1 => (any::<usize>(), 0..ITEMS.len()).prop_map(|(l, i)| Write::RenameLine(l, i)),
        2 => step.prop_map(Write::Move),
    ]
}

/// The id of the `pick`th row of `table`, if it has any.
fn pick(conn: &Connection, table: &str, pick: usize) -> Option<i64> {
    let ids: Vec<i64> = conn
        .prepare(&format!("SELECT id FROM {table} ORDER BY id"))
        .unwrap()
        .query_map([], |r| r.get(0))
        .unwrap()
        .collect::<rusqlite::Result<_>>()
        .unwrap();
    (!ids.is_empty()).then(|| ids[pick % ids.len()])
}

fn apply(conn: &Connection, day: &mut NaiveDate, w: &Write) {
    let date = |d: i64| (base() + Duration::days(d)).format("%Y-%m-%d").to_string();
    let time = |h: Option<u8>| h.map(|h| format!("{h:02}:30:00"));
    let on_receipt = |r: usize, sql: &str, value: rusqlite::types::Value| {
        if let Some(id) = pick(conn, "receipts", r) {
            conn.execute(sql, params![value, id]).unwrap();
        }
    };
    match w {
        Write::Add {
            member,
            days,
            hour,
            total,
            refund,
            lines,
        } => {
            let lines: Vec<_> = lines
                .iter()
                .map(|(i, c)| (ITEMS[*i], c.map(|c| CATEGORIES[c])))
                .collect();
            let kind = if *refund { "refund" } else { "sale" };
            receipt(
                conn,
                *member,
                *days,
                time(*hour).as_deref(),
                *total,
                kind,
                None,
                &lines,
            );
        }
        Write::Relink(r, m) => on_receipt(
            *r,
            "UPDATE receipts SET member_id = ?1 WHERE id = ?2",
            (*m).into(),
        ),
        Write::Redate(r, d) => on_receipt(
            *r,
            "UPDATE receipts SET local_date = ?1 WHERE id = ?2",
            date(*d).into(),
        ),
        Write::Retime(r, h) => on_receipt(
            *r,
            "UPDATE receipts SET local_time = ?1 WHERE id = ?2",
            time(*h).into(),
        ),
        Write::Retotal(r, t) => on_receipt(
            *r,
            "UPDATE receipts SET total_minor = ?1 WHERE id = ?2",
            (*t).into(),
        ),
        Write::Rekind(r) => on_receipt(
            *r,
            "UPDATE receipts SET kind = CASE kind WHEN 'sale' THEN 'refund' ELSE 'sale' END WHERE ?1 IS NULL AND id = ?2",
            rusqlite::types::Value::Null,
        ),
        Write::Remove(r) => on_receipt(
            *r,
            "DELETE FROM receipts WHERE ?1 IS NULL AND id = ?2",
            rusqlite::types::Value::Null,
        ),
        Write::RemoveLine(l) => {
            if let Some(id) = pick(conn, "lines", *l) {
                conn.execute("DELETE FROM lines WHERE id = ?1", [id])
                    .unwrap();
            }
        }
        Write::RenameLine(l, i) => {
            if let Some(id) = pick(conn, "lines", *l) {
                conn.execute(
                    "UPDATE lines SET item = ?1 WHERE id = ?2",
                    params![ITEMS[*i], id],
                )
                .unwrap();
            }
        }
        Write::Move(step) => {
            *day += Duration::days(*step);
            bring_to(conn, *day).unwrap();
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(48))]
    #[test]
    fn the_kept_rows_equal_a_count_from_every_receipt(writes in prop::collection::vec(write(), 1..40)) {
        let (_dir, conn) = club();
        let mut day = base();
        bring_to(&conn, day).unwrap();
        for w in &writes {
            apply(&conn, &mut day, w);
            prop_assert_eq!(kept(&conn), from_scratch(&conn, held_day(&conn)), "after {:?}", w);
            prop_assert_eq!(bought_kept(&conn), bought_from_scratch(&conn), "after {:?}", w);
        }
    }
}
