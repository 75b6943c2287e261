//! Random receipt histories, writes and day moves: after each one the kept
//! rows equal the facts worked out from every receipt.

use chrono::{Duration, NaiveDate};
use proptest::prelude::*;
use rusqlite::{Connection, params};

use super::*;

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
