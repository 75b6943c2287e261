//! Where imported receipts are stored: inside the import's one transaction
//! (so a failed or cancelled import leaves the database as it was), each
//! receipt once per source and till id, matched to a member by card, then
//! phone, then email — never by name. Reports progress and stops when the
//! cancel flag is raised.
//!
//! A receipt stored before with fewer lines (from a file cut off in its
//! middle) is completed from the later file; a receipt whose total is
//! beyond what any shop sells in one go is refused as a bad row.
//!
//! The customer's details are cleaned and normalised on the reading side
//! ([`stored_customer`]), so that work runs beside the writing.

use std::sync::atomic::{AtomicBool, Ordering};

use phonenumber::country;
use rusqlite::Connection;

use super::parse::clean;
use super::receipt::{Customer, Kind, Line, Receipt, Rejected, TotalRule};
use super::remembered::{Members, Unmatched};
use crate::db::CacheSize;
use crate::db::receipts::{
    AT_ONCE, Identity, ImportCounts, NewReceipt, ReceiptWriter, SeenWithCard, ShelvedIndexes,
    StoredCustomer, complete, payments, worth_shelving,
};
use crate::domain::member::{normalise_email, normalise_phone};
use crate::domain::money::Currency;
use crate::error::{Error, Result};
use crate::message::Message;

/// How many rejected rows are kept with their reasons (all are counted).
pub const MAX_ERRORS: usize = 100;
/// The page cache while an import's tables are sorted at its end.
const SORT_CACHE_KIB: i64 = 2 * 1024;
/// Progress is reported every this many rows (and at the end).
const PROGRESS_EVERY: u64 = 256;
/// The largest receipt total stored (`[import] max_receipt`, in whole
/// currency units, either way: a refund too) in the currency's minor units.
/// Anything bigger is a misread file, and sums of such amounts would not fit
/// in the figures the shop sees.
pub fn max_receipt_minor(currency: Currency, max_receipt: u64) -> i64 {
    let units = i64::try_from(max_receipt).unwrap_or(i64::MAX);
    10i64
        .checked_pow(u32::from(currency.minor_digits()))
        .map_or(i64::MAX, |unit| units.saturating_mul(unit))
}

/// How far an import is: rows read of the rows in the file.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Progress {
    pub rows_done: u64,
    pub rows_total: u64,
}

/// What the caller gives an import to watch and stop it.
pub struct Control<'a> {
    pub progress: &'a mut dyn FnMut(Progress),
    pub cancel: &'a AtomicBool,
}

/// A till customer by everything that names them: card, phone, email, till id.
pub type TillCustomerKey = (
    Option<String>,
    Option<String>,
    Option<String>,
    Option<String>,
);

/// The writing side of an import: stores receipts in the import's
/// transaction, counts, and reports progress.
pub struct Sink<'c, 'a> {
    conn: &'c Connection,
    source: &'static str,
    writer: ReceiptWriter<'c>,
    /// Indexes set aside while a file larger than the club is stored.
    shelved: ShelvedIndexes,
    import_id: i64,
    currency: Currency,
    max_total_minor: i64,
    rows_total: u64,
    control: Control<'a>,
    /// Members found so far, per identity (in [`Identity::ALL`] order) and value.
    members: [Members; 4],
    /// The till customers of this file no member matched.
    unmatched: Unmatched,
    /// Till customers seen beside a member's card: linked at the end.
    seen: SeenWithCard,
    pub counts: ImportCounts,
    pub errors: Vec<Rejected>,
}

/// The customer as stored: phone in E.164 (national numbers read with
/// `country`), email lower-case; what cannot be read is left out.
pub fn stored_customer(c: &Customer, country: country::Id) -> StoredCustomer {
    let cleaned = |v: &Option<String>| v.as_deref().map(clean).filter(|s| !s.is_empty());
    StoredCustomer {
        card: cleaned(&c.card),
        phone: c
            .phone
            .as_deref()
            .and_then(|p| normalise_phone(p, country).ok()),
        email: c.email.as_deref().and_then(|e| normalise_email(e).ok()),
        name: cleaned(&c.name),
        till_customer: cleaned(&c.till_customer),
    }
}

impl<'c, 'a> Sink<'c, 'a> {
    pub fn new(
        conn: &'c Connection,
        import_id: i64,
        source: &'static str,
        currency: Currency,
        max_receipt: u64,
        rows_total: u64,
        control: Control<'a>,
    ) -> Result<Sink<'c, 'a>> {
        // Set aside before the writer prepares its statements, which would
        // otherwise be prepared again for the tables without them.
        let shelved = if worth_shelving(conn, rows_total)? {
            ShelvedIndexes::shelve(conn)?
        } else {
            ShelvedIndexes::default()
        };
        Ok(Sink {
            conn,
            source,
            writer: ReceiptWriter::new(conn, source, import_id)?,
            shelved,
            import_id,
            currency,
            max_total_minor: max_receipt_minor(currency, max_receipt),
            rows_total,
            control,
            members: Default::default(),
            unmatched: Unmatched::default(),
            seen: SeenWithCard::default(),
            counts: ImportCounts::default(),
            errors: Vec::new(),
        })
    }

    fn member_for(&mut self, identity: Identity, value: &Option<String>) -> Result<Option<i64>> {
        let Some(value) = value else { return Ok(None) };
        let known = &self.members[identity as usize];
        if let Some(found) = known.get(value) {
            return Ok(found);
        }
        let found = self.writer.member_for(identity, value)?;
        self.members[identity as usize].keep(value, found);
        Ok(found)
    }

    /// The member a receipt's customer is; a till customer seen beside a
    /// member's card is noted to be linked to them.
    fn match_member(&mut self, receipt: &Receipt, c: &StoredCustomer) -> Result<Option<i64>> {
        for (identity, value) in [
            (Identity::Card, &c.card),
            (Identity::TillCustomer, &c.till_customer),
            (Identity::Phone, &c.phone),
            (Identity::Email, &c.email),
        ] {
            if let Some(id) = self.member_for(identity, value)? {
                if let (Identity::Card, Some(till_customer)) = (identity, &c.till_customer) {
                    self.seen.saw(till_customer, id, receipt);
                }
                return Ok(Some(id));
            }
        }
        Ok(None)
    }

    /// The row error of a receipt whose total is beyond the limit.
    fn too_big(&self, receipt: &Receipt, total_minor: i64) -> Rejected {
        Rejected {
            line: receipt.line,
            reason: Message::new(
                "import-row-too-big",
                &[
                    ("id", &receipt.till_id),
                    ("amount", &self.currency.format(total_minor)),
                    ("max", &self.currency.format(self.max_total_minor)),
                ],
            ),
        }
    }

    /// Stores receipts, each once: a receipt stored before (by another
    /// import) counts as a duplicate unless this one has more lines, which
    /// completes it; one stored earlier by this import (its rows apart in
    /// the file) gets these lines too. A receipt beyond the limit is
    /// rejected. Receipts and lines go to the database several at a time,
    /// in the order given.
    pub fn store<'r>(
        &mut self,
        receipts: impl IntoIterator<Item = (&'r Receipt, &'r StoredCustomer)>,
    ) -> Result<()> {
        let mut chunk: Vec<NewReceipt<'r>> = Vec::with_capacity(AT_ONCE);
        let mut ids = Vec::with_capacity(AT_ONCE);
        let mut lines: Vec<(i64, &'r Line)> = Vec::new();
        let mut paid: Vec<(i64, &'r str)> = Vec::new();
        for (receipt, customer) in receipts {
            if receipt.total_minor.unsigned_abs() > self.max_total_minor.unsigned_abs() {
                let rejected = self.too_big(receipt, receipt.total_minor);
                self.reject(rejected);
                continue;
            }
            // A receipt twice in one statement would be stored once with
            // the first one's lines only: the second starts a new chunk.
            let repeated = chunk.iter().any(|n| n.receipt.till_id == receipt.till_id);
            if chunk.len() == AT_ONCE || repeated {
                self.store_chunk(&chunk, &mut ids, &mut lines, &mut paid)?;
                chunk.clear();
            }
            let member_id = self.match_member(receipt, customer)?;
            if member_id.is_none() && customer.has_identity() {
                self.counts.customers_unmatched = self.unmatched.note(&[
                    customer.card.as_deref(),
                    customer.phone.as_deref(),
                    customer.email.as_deref(),
                    customer.till_customer.as_deref(),
                ]);
            }
            chunk.push(NewReceipt {
                receipt,
                customer,
                member_id,
            });
        }
        self.store_chunk(&chunk, &mut ids, &mut lines, &mut paid)?;
        self.writer.keep_payments(&paid)?;
        self.writer.insert_lines(&lines)
    }

    fn store_chunk<'r>(
        &mut self,
        chunk: &[NewReceipt<'r>],
        ids: &mut Vec<Option<i64>>,
        lines: &mut Vec<(i64, &'r Line)>,
        paid: &mut Vec<(i64, &'r str)>,
    ) -> Result<()> {
        self.writer.insert_new(chunk, ids)?;
        for (new, stored) in chunk.iter().zip(ids.iter()) {
            let receipt = new.receipt;
            if let Some(id) = *stored {
                self.counts.receipts_new += 1;
                self.counts.refunds += u64::from(receipt.kind == Kind::Refund);
                lines.extend(receipt.lines.iter().map(|l| (id, l)));
                paid.extend(receipt.payments.iter().map(|p| (id, p.as_str())));
                continue;
            }
            let existing = self.writer.existing(&receipt.till_id)?;
            match existing {
                Some((id, Some(import))) if import == self.import_id => {
                    self.add_to(id, new, lines)?;
                }
                // Stored by an earlier import: lines waiting to be written
                // belong to this import's receipts only.
                Some((id, _))
                    if receipt.lines.len() as u64 > complete::lines_stored(self.conn, id)? =>
                {
                    complete::replace(self.conn, id, new, self.import_id)?;
                    self.counts.receipts_completed += 1;
                    lines.extend(receipt.lines.iter().map(|l| (id, l)));
                }
                _ => self.counts.receipts_duplicate += 1,
            }
            // A receipt stored before payment ids were kept gets them now.
            if let Some((id, _)) = existing {
                paid.extend(receipt.payments.iter().map(|p| (id, p.as_str())));
            }
        }
        Ok(())
    }

    /// More of a receipt this import stored already (its rows apart in the
    /// file); refused as a row error when its total would pass the limit.
    fn add_to<'r>(
        &mut self,
        id: i64,
        new: &NewReceipt<'r>,
        lines: &mut Vec<(i64, &'r Line)>,
    ) -> Result<()> {
        let receipt = new.receipt;
        let extra = match receipt.rule {
            TotalRule::Sum => receipt.total_minor,
            TotalRule::Same => 0,
        };
        if extra != 0 {
            let total = complete::total_of(self.conn, id)?.saturating_add(extra);
            if total.unsigned_abs() > self.max_total_minor.unsigned_abs() {
                let rejected = self.too_big(receipt, total);
                self.reject(rejected);
                return Ok(());
            }
        }
        self.writer.add_to_total(id, extra)?;
        if new.customer.has_identity() || new.customer.name.is_some() {
            self.writer.fill_customer(id, new.customer, new.member_id)?;
        }
        lines.extend(receipt.lines.iter().map(|l| (id, l)));
        Ok(())
    }

    /// Once every receipt of the file is stored: files the payment ids and
    /// makes the indexes set aside again, links the till customers
    /// seen beside a member's card, then gives refunds that name nobody the
    /// customer of their sale (a sale's member may come from such a link).
    pub fn finish(&mut self) -> Result<()> {
        let at: String = self.conn.query_row(
            "SELECT at FROM imports WHERE id = ?1",
            [self.import_id],
            |r| r.get(0),
        )?;
        let at = chrono::NaiveDateTime::parse_from_str(&at, "%Y-%m-%d %H:%M:%S")
            .map_err(|e| Error::Other(format!("{at}: {e}")))?;
        // Both sort whole tables, which SQLite does in memory up to the
        // size of the cache, on top of the cache: a small one keeps the
        // import in its memory and sorts as fast. The payments are filed
        // before their index on the receipt is made again: in the
        // payments' order, receipt ids come at random.
        let cancel = self.control.cancel;
        let cancelled = || {
            if cancel.load(Ordering::Relaxed) {
                return Err(super::cancelled());
            }
            Ok(())
        };
        {
            let _sorting = CacheSize::set(self.conn, SORT_CACHE_KIB)?;
            self.writer.file_payments()?;
            self.shelved.restore(self.conn, cancelled)?;
        }
        std::mem::take(&mut self.seen).link_all(self.conn, at)?;
        payments::refunds_follow_sales(self.conn, self.source)?;
        Ok(())
    }

    /// The flag that cancels this import (the reading side watches it too).
    pub fn cancel_flag(&self) -> &'a AtomicBool {
        self.control.cancel
    }

    pub fn reject(&mut self, rejected: Rejected) {
        self.counts.rows_rejected += 1;
        if self.errors.len() < MAX_ERRORS {
            self.errors.push(rejected);
        }
    }

    /// `rows` of the file are read and stored: reports progress, and stops
    /// the import when the cancel flag is raised.
    pub fn rows_read(&mut self, rows: u64) -> Result<()> {
        self.counts.rows = rows;
        if rows.is_multiple_of(PROGRESS_EVERY) || rows == self.rows_total {
            (self.control.progress)(Progress {
                rows_done: rows,
                rows_total: self.rows_total,
            });
            if self.control.cancel.load(Ordering::Relaxed) {
                return Err(super::cancelled());
            }
        }
        Ok(())
    }
}

#[cfg(test)]
#[path = "sink_tests.rs"]
mod tests;
