//! Imported receipts: storing them once, finding the member a customer
//! identity belongs to, the import log, and the customers seen at the till
//! that no member matches yet.

use chrono::{NaiveDate, NaiveDateTime};
use rusqlite::{Connection, OptionalExtension, params};

use crate::domain::receipt::{Line, Receipt};
use crate::error::{Result, UnknownCode};

pub mod complete;
mod identity;
pub mod payments;
pub mod rematch;
mod seen_links;
mod shelved;
mod writer;
pub use identity::{Identity, member_for};
pub use seen_links::SeenWithCard;
pub use shelved::{ShelvedIndexes, worth_shelving};
pub use writer::{AT_ONCE, NewReceipt, ReceiptWriter};

const DATE: &str = "%Y-%m-%d";
const DATETIME: &str = "%Y-%m-%d %H:%M:%S";

/// One file that was imported.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ImportRecord {
    pub id: i64,
    pub file_name: String,
    pub format: String,
    pub counts: ImportCounts,
    pub at: String,
}

/// What an import did.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct ImportCounts {
    pub rows: u64,
    pub receipts_new: u64,
    pub receipts_duplicate: u64,
    pub refunds: u64,
    pub rows_rejected: u64,
    /// Receipts stored before with fewer lines (their file was cut off)
    /// that this import completed. Not kept in the import log.
    pub receipts_completed: u64,
    /// Till customers (by card, phone or email) in this file that no
    /// member matched. Not kept in the import log.
    pub customers_unmatched: u64,
}

fn count(r: &rusqlite::Row, i: usize) -> rusqlite::Result<u64> {
    Ok(r.get::<_, i64>(i)?.max(0) as u64)
}

/// The earlier import of a file with this content, if any.
pub fn import_by_sha(conn: &Connection, sha256: &str) -> Result<Option<ImportRecord>> {
    Ok(conn
        .query_row(
            "SELECT id, file_name, format, rows, receipts_new, receipts_duplicate, refunds, rows_rejected, at
             FROM imports WHERE sha256 = ?1",
            [sha256],
            |r| {
                Ok(ImportRecord {
                    id: r.get(0)?,
                    file_name: r.get(1)?,
                    format: r.get(2)?,
                    counts: ImportCounts {
                        rows: count(r, 3)?,
                        receipts_new: count(r, 4)?,
                        receipts_duplicate: count(r, 5)?,
                        refunds: count(r, 6)?,
                        rows_rejected: count(r, 7)?,
                        receipts_completed: 0,
                        customers_unmatched: 0,
                    },
                    at: r.get(8)?,
                })
            },
        )
        .optional()?)
}

/// Starts the log entry of an import; its id marks the receipts it stores.
pub fn begin_import(
    conn: &Connection,
    file_name: &str,
    sha256: &str,
    format: &str,
    at: NaiveDateTime,
) -> Result<i64> {
    conn.execute(
        "INSERT INTO imports (file_name, sha256, format, at) VALUES (?1, ?2, ?3, ?4)",
        params![file_name, sha256, format, at.format(DATETIME).to_string()],
    )?;
    Ok(conn.last_insert_rowid())
}

pub fn finish_import(conn: &Connection, id: i64, c: &ImportCounts) -> Result<()> {
    conn.execute(
        "UPDATE imports SET rows = ?2, receipts_new = ?3, receipts_duplicate = ?4, refunds = ?5,
                rows_rejected = ?6 WHERE id = ?1",
        params![
            id,
            c.rows as i64,
            c.receipts_new as i64,
            c.receipts_duplicate as i64,
            c.refunds as i64,
            c.rows_rejected as i64
        ],
    )?;
    Ok(())
}

/// A receipt already stored under this id: its row id and the import that stored it.
pub fn existing(
    conn: &Connection,
    source: &str,
    till_id: &str,
) -> Result<Option<(i64, Option<i64>)>> {
    let mut stmt = conn
        .prepare_cached("SELECT id, import_id FROM receipts WHERE source = ?1 AND till_id = ?2")?;
    Ok(stmt
        .query_row(params![source, till_id], |r| Ok((r.get(0)?, r.get(1)?)))
        .optional()?)
}

/// The customer of a receipt as stored: phone in E.164, email lower-case.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct StoredCustomer {
    pub card: Option<String>,
    pub phone: Option<String>,
    pub email: Option<String>,
    pub name: Option<String>,
    /// The till's own id of the customer (Square's `Customer ID`).
    pub till_customer: Option<String>,
}

impl StoredCustomer {
    /// A card, phone, email or till customer id a member could be matched by.
    pub fn has_identity(&self) -> bool {
        self.card.is_some()
            || self.phone.is_some()
            || self.email.is_some()
            || self.till_customer.is_some()
    }
}

/// Stores a new receipt with its lines; returns its id.
pub fn insert(
    conn: &Connection,
    source: &str,
    receipt: &Receipt,
    customer: &StoredCustomer,
    member_id: Option<i64>,
    import_id: i64,
) -> Result<i64> {
    let mut stmt = conn.prepare_cached(
        "INSERT INTO receipts (source, till_id, at_utc, local_date, local_time, total_minor, kind,
                member_id, cust_card, cust_phone, cust_email, cust_name, import_id, cust_till_id)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14)",
    )?;
    stmt.execute(params![
        source,
        receipt.till_id,
        receipt.at_utc(),
        receipt.local_date().format(DATE).to_string(),
        receipt
            .local_time()
            .map(|t| t.format("%H:%M:%S").to_string()),
        receipt.total_minor,
        receipt.kind.code(),
        member_id,
        customer.card,
        customer.phone,
        customer.email,
        customer.name,
        import_id,
        customer.till_customer,
    ])?;
    let id = conn.last_insert_rowid();
    insert_lines(conn, id, &receipt.lines)?;
    Ok(id)
}

/// More of a receipt stored earlier in the same import (its rows were not together).
pub fn add_to(conn: &Connection, id: i64, extra_minor: i64, lines: &[Line]) -> Result<()> {
    conn.prepare_cached("UPDATE receipts SET total_minor = total_minor + ?2 WHERE id = ?1")?
        .execute(params![id, extra_minor])?;
    insert_lines(conn, id, lines)
}

fn insert_lines(conn: &Connection, receipt_id: i64, lines: &[Line]) -> Result<()> {
    let mut stmt = conn.prepare_cached(
        "INSERT INTO lines (receipt_id, item, category, sku, qty_milli, amount_minor)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
    )?;
    for l in lines {
        stmt.execute(params![
            receipt_id,
            l.item,
            l.category,
            l.sku,
            l.qty_milli,
            l.amount_minor
        ])?;
    }
    Ok(())
}

/// A customer seen on receipts that no member matches.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UnmatchedCustomer {
    pub identity: Identity,
    pub value: String,
    /// A name the till showed with it (for recognising the person only).
    pub name: Option<String>,
    pub receipts: i64,
    pub visits: i64,
    pub spend_minor: i64,
    pub last_visit: Option<NaiveDate>,
}

/// Customers on receipts without a member, biggest spenders first. A receipt
/// with both a phone and an email shows up under each; one with the till's
/// own id of the customer under that id only (linking it brings the rest).
pub fn unmatched_customers(conn: &Connection, limit: usize) -> Result<Vec<UnmatchedCustomer>> {
    let mut stmt = conn.prepare(
        "SELECT ident, value, max(cust_name), count(*),
                count(DISTINCT CASE WHEN kind = 'sale' THEN local_date END),
                CAST(total(total_minor) AS INTEGER),
                max(CASE WHEN kind = 'sale' THEN local_date END)
         FROM (
            SELECT 'card' AS ident, cust_card AS value, cust_name, kind, local_date, total_minor
              FROM receipts WHERE member_id IS NULL AND cust_card IS NOT NULL AND cust_till_id IS NULL
            UNION ALL
            SELECT 'phone', cust_phone, cust_name, kind, local_date, total_minor
              FROM receipts WHERE member_id IS NULL AND cust_phone IS NOT NULL AND cust_till_id IS NULL
            UNION ALL
            SELECT 'email', cust_email, cust_name, kind, local_date, total_minor
              FROM receipts WHERE member_id IS NULL AND cust_email IS NOT NULL AND cust_till_id IS NULL
            UNION ALL
            SELECT 'till_customer', cust_till_id, cust_name, kind, local_date, total_minor
              FROM receipts WHERE member_id IS NULL AND cust_till_id IS NOT NULL
         )
         GROUP BY ident, value ORDER BY total(total_minor) DESC, ident, value LIMIT ?1",
    )?;
    let rows = stmt.query_map([limit as i64], |r| {
        let ident: String = r.get(0)?;
        let last: Option<String> = r.get(6)?;
        Ok(UnmatchedCustomer {
            identity: Identity::from_code(&ident)
                .ok_or_else(|| UnknownCode::at("ident", 0, &ident))?,
            value: r.get(1)?,
            name: r.get(2)?,
            receipts: r.get(3)?,
            visits: r.get(4)?,
            spend_minor: r.get(5)?,
            last_visit: last.and_then(|s| NaiveDate::parse_from_str(&s, DATE).ok()),
        })
    })?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// Links a customer identity to a member: their receipts without a member
/// become theirs, and later imports match the identity to them too.
/// Returns how many receipts were linked.
pub fn link_customer(
    conn: &Connection,
    identity: Identity,
    value: &str,
    member_id: i64,
    at: NaiveDateTime,
) -> Result<usize> {
    // In the caller's transaction when there is one (linking a customer's
    // other identities too), else in its own.
    crate::db::search::within_transaction(conn, || {
        conn.execute(
            "INSERT INTO customer_links (kind, value, member_id, at) VALUES (?1, ?2, ?3, ?4)
         ON CONFLICT (kind, value) DO UPDATE SET member_id = excluded.member_id, at = excluded.at",
            params![
                identity.code(),
                value,
                member_id,
                at.format(DATETIME).to_string()
            ],
        )?;
        let sql = format!(
            "UPDATE receipts SET member_id = ?1 WHERE member_id IS NULL AND {} = ?2",
            identity.column()
        );
        let linked = conn.execute(&sql, params![member_id, value])?;
        Ok(linked)
    })
}

/// Gives a member the receipts without a member that carry their card,
/// phone or email (a customer who bought before signing up), and those of
/// the till customers seen beside their card. Returns how many receipts
/// became theirs.
pub fn claim_receipts(conn: &Connection, member_id: i64) -> Result<usize> {
    let by_contact = conn.execute(
        "UPDATE receipts SET member_id = ?1
         WHERE member_id IS NULL AND id IN (
            SELECT r.id FROM receipts r JOIN members m ON m.id = ?1 AND m.erased_at IS NULL
            WHERE r.member_id IS NULL
              AND (r.cust_card = m.card OR r.cust_phone = m.phone OR r.cust_email = m.email))",
        [member_id],
    )?;
    Ok(by_contact + seen_links::claim_till_customers(conn, member_id)?)
}
