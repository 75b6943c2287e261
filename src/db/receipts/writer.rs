//! Storing an import's receipts: the statements are prepared once for the
//! whole file, receipts and lines go in several to a statement (the till
//! id's uniqueness decides whether a receipt is new), and dates are written without going through a format
//! string — an import of a million rows runs these a million times.

use chrono::{Datelike, NaiveDate, NaiveDateTime, NaiveTime, Timelike};
use rusqlite::{Connection, OptionalExtension, Statement, params};

use super::{Identity, StoredCustomer};
use crate::domain::receipt::{Line, Receipt};
use crate::error::Result;

pub struct ReceiptWriter<'c> {
    /// Inserting receipts, by how many at once (prepared when first needed).
    receipts: Vec<Option<Statement<'c>>>,
    /// Inserting lines, by how many at once.
    lines: Vec<Option<Statement<'c>>>,
    find: Statement<'c>,
    add_total: Statement<'c>,
    /// Keeping receipts' payment ids, by how many at once.
    payments: Vec<Option<Statement<'c>>>,
    /// Finding members by card, phone and email ([`Identity`] order). Kept
    /// for the whole import: a cached statement has its bindings cleared on
    /// reuse, which makes SQLite prepare these again every time.
    members: Vec<Statement<'c>>,
    /// Whether any member can be found by each identity at all, in the same
    /// order. A club's first import often comes before anyone signed up;
    /// then every customer of the file was looked up for nothing. Read in
    /// the import's transaction, so nobody signs up in between.
    findable: Vec<bool>,
    conn: &'c Connection,
    source: &'static str,
    import_id: i64,
    /// The largest receipt id so far: SQLite gives a new receipt the next.
    last_id: i64,
    date: String,
    time: String,
    utc: String,
}

/// A receipt to store: with its customer as stored and the member it matched.
pub struct NewReceipt<'r> {
    pub receipt: &'r Receipt,
    pub customer: &'r StoredCustomer,
    pub member_id: Option<i64>,
}

/// Receipts (and lines) stored by one statement at most.
pub const AT_ONCE: usize = 32;

const RECEIPT_INSERT: &str = "INSERT INTO receipts (source, till_id, at_utc, local_date,
    local_time, total_minor, kind, member_id, cust_card, cust_phone, cust_email, cust_name,
    cust_till_id, import_id) VALUES ";
/// Columns with a value of each receipt's own (all but source and import).
const RECEIPT_OWN_COLUMNS: usize = 12;
const LINE_INSERT: &str =
    "INSERT INTO lines (receipt_id, item, category, sku, qty_milli, amount_minor) VALUES ";
const LINE_VALUES: &str = "(?, ?, ?, ?, ?, ?)";
const LINE_COLUMNS: usize = 6;

fn lines_sql(rows: usize) -> String {
    format!("{LINE_INSERT}{}", vec![LINE_VALUES; rows].join(", "))
}

/// Setting `rows` payment ids aside until the import's end (see
/// [`ReceiptWriter::file_payments`]).
fn payments_sql(rows: usize) -> String {
    format!(
        "INSERT INTO payments_waiting (payment, receipt_id) VALUES {}",
        vec!["(?, ?)"; rows].join(", ")
    )
}

/// `items` in slices of 32, 16, 8, 4, 2 or 1, in order: a statement is
/// prepared for each of these sizes once, not for every length a last
/// chunk happens to have (a receipt statement with its triggers holds
/// about 100 KB, and an import keeps its statements to the end).
fn pieces<T>(mut items: &[T]) -> impl Iterator<Item = &[T]> {
    std::iter::from_fn(move || {
        if items.is_empty() {
            return None;
        }
        let (piece, rest) = items.split_at(AT_ONCE.min(1 << items.len().ilog2()));
        items = rest;
        Some(piece)
    })
}

/// The statement for `rows` rows, prepared the first time it is needed.
fn statement_for<'s, 'c>(
    conn: &'c Connection,
    cache: &'s mut [Option<Statement<'c>>],
    rows: usize,
    prepare: impl FnOnce(&'c Connection) -> Result<Statement<'c>>,
) -> Result<&'s mut Statement<'c>> {
    let slot = &mut cache[rows];
    if slot.is_none() {
        *slot = Some(prepare(conn)?);
    }
    Ok(slot.as_mut().expect("prepared just above"))
}

/// Inserting `rows` receipts: ?1 is the source and ?2 the import of all of
/// them, then each row's own values.
fn receipts_sql(rows: usize) -> String {
    let values: Vec<String> = (0..rows)
        .map(|i| {
            let own: Vec<String> = (1..=RECEIPT_OWN_COLUMNS)
                .map(|k| format!("?{}", 2 + i * RECEIPT_OWN_COLUMNS + k))
                .collect();
            format!("(?1, {}, ?2)", own.join(", "))
        })
        .collect();
    format!(
        "{RECEIPT_INSERT}{} ON CONFLICT (source, till_id) DO NOTHING",
        values.join(", ")
    )
}

/// `n` as exactly `width` digits (n is known to fit).
fn push_digits(out: &mut String, n: u32, width: u32) {
    for i in (0..width).rev() {
        let digit = (n / 10u32.pow(i)) % 10;
        out.push(char::from(b'0' + digit as u8));
    }
}

/// `2026-03-01`, as `%Y-%m-%d` writes it.
fn write_date(out: &mut String, date: NaiveDate) {
    out.clear();
    push_date(out, date);
}

/// `2026-03-01T16:55:38Z`, as `%Y-%m-%dT%H:%M:%SZ` writes it.
fn write_utc(out: &mut String, at: NaiveDateTime) {
    out.clear();
    push_date(out, at.date());
    out.push('T');
    push_time(out, at.time());
    out.push('Z');
}

fn push_date(out: &mut String, date: NaiveDate) {
    match u32::try_from(date.year()) {
        Ok(year) if year <= 9999 => {
            push_digits(out, year, 4);
            out.push('-');
            push_digits(out, date.month(), 2);
            out.push('-');
            push_digits(out, date.day(), 2);
        }
        _ => out.push_str(&date.format("%Y-%m-%d").to_string()),
    }
}

/// `16:55:38`, as `%H:%M:%S` writes it.
fn write_time(out: &mut String, time: NaiveTime) {
    out.clear();
    push_time(out, time);
}

fn push_time(out: &mut String, time: NaiveTime) {
    // A leap second (second 60) is left to chrono.
    if time.nanosecond() >= 1_000_000_000 {
        out.push_str(&time.format("%H:%M:%S").to_string());
        return;
    }
    push_digits(out, time.hour(), 2);
    out.push(':');
    push_digits(out, time.minute(), 2);
    out.push(':');
    push_digits(out, time.second(), 2);
}

impl<'c> ReceiptWriter<'c> {
    /// A writer of the receipts `import_id` reads from `source` (a till).
    pub fn new(
        conn: &'c Connection,
        source: &'static str,
        import_id: i64,
    ) -> Result<ReceiptWriter<'c>> {
        let unprepared = || (0..=AT_ONCE).map(|_| None).collect();
        Ok(ReceiptWriter {
            receipts: unprepared(),
            lines: unprepared(),
            find: conn
                .prepare("SELECT id, import_id FROM receipts WHERE source = ?1 AND till_id = ?2")?,
            add_total: conn
                .prepare("UPDATE receipts SET total_minor = total_minor + ?2 WHERE id = ?1")?,
            payments: unprepared(),
            members: Identity::ALL
                .into_iter()
                .map(|i| conn.prepare(i.member_sql()))
                .collect::<rusqlite::Result<_>>()?,
            findable: Identity::ALL
                .into_iter()
                .map(|i| conn.query_row(i.anyone_sql(), [i.code()], |r| r.get(0)))
                .collect::<rusqlite::Result<_>>()?,
            conn,
            source,
            import_id,
            last_id: conn.query_row("SELECT ifnull(max(id), 0) FROM receipts", [], |r| r.get(0))?,
            date: String::new(),
            time: String::new(),
            utc: String::new(),
        })
    }

    /// Stores receipts (without their lines; at most [`AT_ONCE`], no two
    /// with the same till id) unless one with the till id is stored
    /// already. `ids` gets the new receipts' ids, None for those not stored.
    pub fn insert_new(
        &mut self,
        receipts: &[NewReceipt<'_>],
        ids: &mut Vec<Option<i64>>,
    ) -> Result<()> {
        ids.clear();
        for piece in pieces(receipts) {
            self.insert_piece(piece, ids)?;
        }
        Ok(())
    }

    /// [`ReceiptWriter::insert_new`] for one piece, in one statement.
    fn insert_piece(
        &mut self,
        receipts: &[NewReceipt<'_>],
        ids: &mut Vec<Option<i64>>,
    ) -> Result<()> {
        let n = receipts.len();
        let (source, import_id) = (self.source, self.import_id);
        let stmt = statement_for(self.conn, &mut self.receipts, n, |conn| {
            let mut stmt = conn.prepare(&receipts_sql(n))?;
            // The same for every row, and bindings stay from one run to the next.
            stmt.raw_bind_parameter(1, source)?;
            stmt.raw_bind_parameter(2, import_id)?;
            Ok(stmt)
        })?;
        for (i, new) in receipts.iter().enumerate() {
            let (r, c) = (new.receipt, new.customer);
            let at = 2 + i * RECEIPT_OWN_COLUMNS;
            write_date(&mut self.date, r.local_date());
            let time = r.local_time().map(|t| {
                write_time(&mut self.time, t);
                self.time.as_str()
            });
            stmt.raw_bind_parameter(at + 1, &r.till_id)?;
            let utc = r.utc().map(|utc| {
                write_utc(&mut self.utc, utc);
                self.utc.as_str()
            });
            stmt.raw_bind_parameter(at + 2, utc)?;
            stmt.raw_bind_parameter(at + 3, &self.date)?;
            stmt.raw_bind_parameter(at + 4, time)?;
            stmt.raw_bind_parameter(at + 5, r.total_minor)?;
            stmt.raw_bind_parameter(at + 6, r.kind.code())?;
            stmt.raw_bind_parameter(at + 7, new.member_id)?;
            stmt.raw_bind_parameter(at + 8, &c.card)?;
            stmt.raw_bind_parameter(at + 9, &c.phone)?;
            stmt.raw_bind_parameter(at + 10, &c.email)?;
            stmt.raw_bind_parameter(at + 11, &c.name)?;
            stmt.raw_bind_parameter(at + 12, &c.till_customer)?;
        }
        let stored = stmt.raw_execute()?;
        let before = self.last_id;
        if stored > 0 {
            self.last_id = self.conn.last_insert_rowid();
        }
        if stored == n {
            // All new: SQLite gave them the ids after the largest, in order.
            ids.extend((self.last_id - n as i64 + 1..=self.last_id).map(Some));
            return Ok(());
        }
        // Some were stored before: the new ones have ids past the largest
        // id before this statement.
        for new in receipts {
            let found = self.existing(&new.receipt.till_id)?;
            ids.push(found.map(|(id, _)| id).filter(|&id| id > before));
        }
        Ok(())
    }

    /// The member a card, phone (E.164) or email (lower-case) belongs to, as
    /// [`super::member_for`] finds them.
    pub fn member_for(&mut self, identity: Identity, value: &str) -> Result<Option<i64>> {
        if !self.findable[identity as usize] {
            return Ok(None);
        }
        Ok(self.members[identity as usize]
            .query_row(params![value, identity.code()], |r| r.get(0))?)
    }

    /// A receipt already stored under this id: its row id and the import that stored it.
    pub fn existing(&mut self, till_id: &str) -> Result<Option<(i64, Option<i64>)>> {
        Ok(self
            .find
            .query_row(params![self.source, till_id], |r| {
                Ok((r.get(0)?, r.get(1)?))
            })
            .optional()?)
    }

    /// Adds to the total of a receipt stored earlier in the same import
    /// (its rows were not together in the file).
    pub fn add_to_total(&mut self, id: i64, extra_minor: i64) -> Result<()> {
        self.add_total.execute(params![id, extra_minor])?;
        Ok(())
    }

    /// Fills what receipt `id` (stored earlier by this import, from rows
    /// apart in the file) lacks of its customer and member from a later
    /// part of it: the rows' order must not decide who bought.
    pub fn fill_customer(
        &mut self,
        id: i64,
        customer: &StoredCustomer,
        member_id: Option<i64>,
    ) -> Result<()> {
        self.conn
            .prepare_cached(
                "UPDATE receipts SET member_id = coalesce(member_id, ?2),
                        cust_card = coalesce(cust_card, ?3), cust_phone = coalesce(cust_phone, ?4),
                        cust_email = coalesce(cust_email, ?5), cust_name = coalesce(cust_name, ?6),
                        cust_till_id = coalesce(cust_till_id, ?7)
                 WHERE id = ?1",
            )?
            .execute(params![
                id,
                member_id,
                customer.card,
                customer.phone,
                customer.email,
                customer.name,
                customer.till_customer
            ])?;
        Ok(())
    }

    /// Keeps payment ids, each with the id of its receipt, several to a
    /// statement: they wait in the order given until
    /// [`ReceiptWriter::file_payments`].
    pub fn keep_payments(&mut self, payments: &[(i64, &str)]) -> Result<()> {
        for chunk in pieces(payments) {
            let stmt = statement_for(self.conn, &mut self.payments, chunk.len(), |conn| {
                Ok(conn.prepare(&payments_sql(chunk.len()))?)
            })?;
            for (i, (receipt_id, payment)) in chunk.iter().enumerate() {
                stmt.raw_bind_parameter(1 + 2 * i, payment)?;
                stmt.raw_bind_parameter(2 + 2 * i, receipt_id)?;
            }
            stmt.raw_execute()?;
        }
        Ok(())
    }

    /// Files the payment ids kept so far under this writer's till (those
    /// filed before stay), sorted: the ids are random, and a tree written in
    /// their order is walked once instead of read and written all over
    /// for every receipt.
    pub fn file_payments(&mut self) -> Result<()> {
        self.conn.execute(
            "INSERT OR IGNORE INTO receipt_payments (source, payment, receipt_id)
             SELECT ?1, payment, receipt_id FROM payments_waiting ORDER BY payment, receipt_id",
            [self.source],
        )?;
        self.conn.execute("DELETE FROM payments_waiting", [])?;
        Ok(())
    }

    /// Stores lines, each with the id of its receipt, in the order given.
    pub fn insert_lines(&mut self, lines: &[(i64, &Line)]) -> Result<()> {
        for chunk in pieces(lines) {
            let stmt = statement_for(self.conn, &mut self.lines, chunk.len(), |conn| {
                Ok(conn.prepare(&lines_sql(chunk.len()))?)
            })?;
            for (i, (receipt_id, l)) in chunk.iter().enumerate() {
                let at = i * LINE_COLUMNS;
                stmt.raw_bind_parameter(at + 1, receipt_id)?;
                stmt.raw_bind_parameter(at + 2, &l.item)?;
                stmt.raw_bind_parameter(at + 3, &l.category)?;
                stmt.raw_bind_parameter(at + 4, &l.sku)?;
                stmt.raw_bind_parameter(at + 5, l.qty_milli)?;
                stmt.raw_bind_parameter(at + 6, l.amount_minor)?;
            }
            stmt.raw_execute()?;
        }
        Ok(())
    }
}

#[cfg(test)]
#[path = "writer_tests.rs"]
mod tests;
