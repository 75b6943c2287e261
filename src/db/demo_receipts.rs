//! Writing many generated demo receipts quickly, into the same tables and
//! columns an import writes (`receipts.rs`), so that the visit history,
//! habits, points and tiers read them like receipts from a till. The
//! statements are prepared once, inside the caller's transaction.

use chrono::{NaiveDate, NaiveTime};
use rusqlite::{Connection, Statement, params};

use crate::error::Result;

/// The till name demo receipts are stored under.
pub const DEMO_SOURCE: &str = "demo";
/// Demo till ids are this prefix and a number.
const TILL_PREFIX: &str = "D-";

/// A receipt as the till shows it; `member_id` is the member it matched.
pub struct DemoReceiptRow<'a> {
    pub till_id: &'a str,
    pub date: NaiveDate,
    pub time: NaiveTime,
    pub total_minor: i64,
    pub refund: bool,
    pub member_id: Option<i64>,
    pub card: Option<&'a str>,
    pub phone: Option<&'a str>,
    pub email: Option<&'a str>,
    pub name: Option<&'a str>,
}

/// One item line: quantity in thousandths, amount in minor units.
pub struct DemoLineRow<'a> {
    pub item: &'a str,
    pub category: &'a str,
    pub qty_milli: i64,
    pub amount_minor: i64,
}

/// Prepared inserts for receipts and their lines.
pub struct DemoReceipts<'c> {
    conn: &'c Connection,
    receipt: Statement<'c>,
    line: Statement<'c>,
}

impl<'c> DemoReceipts<'c> {
    pub fn new(conn: &'c Connection) -> Result<Self> {
        Ok(DemoReceipts {
            conn,
            receipt: conn.prepare(
                "INSERT INTO receipts (source, till_id, local_date, local_time, total_minor, kind,
                        member_id, cust_card, cust_phone, cust_email, cust_name)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)",
            )?,
            line: conn.prepare(
                "INSERT INTO lines (receipt_id, item, category, qty_milli, amount_minor)
                 VALUES (?1, ?2, ?3, ?4, ?5)",
            )?,
        })
    }

    /// Stores a receipt with its lines; returns its id.
    pub fn receipt(&mut self, r: &DemoReceiptRow, lines: &[DemoLineRow]) -> Result<i64> {
        self.receipt.execute(params![
            DEMO_SOURCE,
            r.till_id,
            r.date.format("%Y-%m-%d").to_string(),
            r.time.format("%H:%M:%S").to_string(),
            r.total_minor,
            if r.refund { "refund" } else { "sale" },
            r.member_id,
            r.card,
            r.phone,
            r.email,
            r.name,
        ])?;
        let id = self.conn.last_insert_rowid();
        for l in lines {
            self.line
                .execute(params![id, l.item, l.category, l.qty_milli, l.amount_minor])?;
        }
        Ok(id)
    }
}

/// The demo till id with this number.
pub fn demo_till_id(number: i64) -> String {
    format!("{TILL_PREFIX}{number}")
}

/// The highest number among demo till ids, so that demo receipts added to
/// a database that already has some never collide.
pub fn highest_demo_till(conn: &Connection) -> Result<i64> {
    let highest: Option<i64> = conn.query_row(
        "SELECT max(CAST(substr(till_id, 3) AS INTEGER)) FROM receipts
         WHERE source = ?1 AND till_id GLOB 'D-[0-9]*'",
        [DEMO_SOURCE],
        |r| r.get(0),
    )?;
    Ok(highest.unwrap_or(0).max(0))
}
