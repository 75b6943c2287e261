//! A member's receipts with their item lines, for the visit history and the
//! habits on the member card: two queries on the member's index, however
//! many years of receipts there are.

use std::collections::HashMap;

use chrono::{NaiveDate, NaiveTime};
use rusqlite::Connection;

use crate::domain::habits::{Bought, Purchase};
use crate::error::Result;

/// Every receipt of the member, newest first, with its lines in till order.
pub fn purchases(conn: &Connection, member_id: i64) -> Result<Vec<Purchase>> {
    let mut receipts = conn.prepare_cached(
        "SELECT id, local_date, local_time, total_minor, kind, shop FROM receipts
         WHERE member_id = ?1
         ORDER BY local_date DESC, local_time DESC, id DESC",
    )?;
    let mut out: Vec<Purchase> = Vec::new();
    let mut index: HashMap<i64, usize> = HashMap::new();
    let mut rows = receipts.query([member_id])?;
    while let Some(r) = rows.next()? {
        let date: String = r.get(1)?;
        // A date the import wrote is always readable; a row that is not
        // (edited by hand) is left out rather than shown as a wrong day.
        let Ok(date) = NaiveDate::parse_from_str(&date, "%Y-%m-%d") else {
            continue;
        };
        let time: Option<String> = r.get(2)?;
        let kind: String = r.get(4)?;
        index.insert(r.get(0)?, out.len());
        out.push(Purchase {
            date,
            time: time.and_then(|t| NaiveTime::parse_from_str(&t, "%H:%M:%S").ok()),
            total_minor: r.get(3)?,
            refund: kind == "refund",
            lines: Vec::new(),
            shop: r.get(5)?,
        });
    }
    let mut lines = conn.prepare_cached(
        "SELECT l.receipt_id, l.item, l.category, l.qty_milli, l.amount_minor
         FROM receipts r JOIN lines l ON l.receipt_id = r.id
         WHERE r.member_id = ?1
         ORDER BY l.receipt_id, l.id",
    )?;
    let mut rows = lines.query([member_id])?;
    while let Some(r) = rows.next()? {
        let Some(&at) = index.get(&r.get::<_, i64>(0)?) else {
            continue;
        };
        out[at].lines.push(Bought {
            item: r.get(1)?,
            category: r.get(2)?,
            qty_milli: r.get(3)?,
            amount_minor: r.get(4)?,
        });
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::db::open_in_memory;

    fn receipt(
        conn: &Connection,
        id: i64,
        member: Option<i64>,
        date: &str,
        kind: &str,
        total: i64,
    ) {
        conn.execute(
            "INSERT INTO receipts (id, source, till_id, local_date, local_time, total_minor, kind, member_id)
             VALUES (?1, 'generic', ?1, ?2, '10:30:00', ?3, ?4, ?5)",
            rusqlite::params![id, date, total, kind, member],
        )
        .unwrap();
    }

    fn line(conn: &Connection, receipt: i64, item: &str, amount: i64) {
        conn.execute(
            "INSERT INTO lines (receipt_id, item, category, qty_milli, amount_minor)
             VALUES (?1, ?2, 'Coffee', 1000, ?3)",
            rusqlite::params![receipt, item, amount],
        )
        .unwrap();
    }

    #[test]
    fn loads_the_members_receipts_newest_first_with_their_lines() {
        let conn = open_in_memory().unwrap();
        conn.execute(
            "INSERT INTO members (id, first_name, family_name, sort_key, joined_at)
             VALUES (1, 'Ana', '', 'ana', '2026-01-01'), (2, 'Ivo', '', 'ivo', '2026-01-01')",
            [],
        )
        .unwrap();
        receipt(&conn, 10, Some(1), "2026-11-02", "sale", 700);
        receipt(&conn, 11, Some(1), "2026-11-09", "refund", -350);
        receipt(&conn, 12, Some(2), "2026-11-09", "sale", 999);
        receipt(&conn, 13, None, "2026-11-09", "sale", 999);
        line(&conn, 10, "Latte", 350);
        line(&conn, 10, "Cake", 350);
        line(&conn, 11, "Latte", -350);
        line(&conn, 12, "Tea", 999);
        let got = purchases(&conn, 1).unwrap();
        assert_eq!(got.len(), 2);
        assert!(got[0].refund && got[0].date.to_string() == "2026-11-09");
        assert_eq!(got[0].time, NaiveTime::from_hms_opt(10, 30, 0));
        let items: Vec<_> = got[1].lines.iter().map(|l| l.item.as_str()).collect();
        assert_eq!(items, ["Latte", "Cake"]);
        assert!(purchases(&conn, 3).unwrap().is_empty());
    }
}
