//! Where imported receipts are stored: inside the import's one transaction
//! (so a failed or cancelled import leaves the database as it was), each
//! receipt once per source and till id, matched to a member by card, then
//! phone, then email — never by name. Reports progress and stops when the
//! cancel flag is raised.
//!
//! The customer's details are cleaned and normalised on the reading side
//! ([`stored_customer`]), so that work runs beside the writing.

use std::collections::HashMap;
use std::sync::atomic::{AtomicBool, Ordering};

use phonenumber::country;
use rusqlite::Connection;

use super::parse::clean;
use super::receipt::{Customer, Kind, Line, Receipt, Rejected, TotalRule};
use crate::db::receipts::{
    AT_ONCE, Identity, ImportCounts, NewReceipt, ReceiptWriter, StoredCustomer,
};
use crate::domain::member::{normalise_email, normalise_phone};
use crate::error::{Error, Result};

/// How many rejected rows are kept with their reasons (all are counted).
pub const MAX_ERRORS: usize = 100;
/// Progress is reported every this many rows (and at the end).
const PROGRESS_EVERY: u64 = 256;

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

/// The writing side of an import: stores receipts in the import's
/// transaction, counts, and reports progress.
pub struct Sink<'c, 'a> {
    writer: ReceiptWriter<'c>,
    import_id: i64,
    rows_total: u64,
    control: Control<'a>,
    /// Members found so far, per identity (in [`Identity::ALL`] order) and value.
    members: [HashMap<String, Option<i64>>; 3],
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
    }
}

impl<'c, 'a> Sink<'c, 'a> {
    pub fn new(
        conn: &'c Connection,
        import_id: i64,
        source: &'static str,
        rows_total: u64,
        control: Control<'a>,
    ) -> Result<Sink<'c, 'a>> {
        Ok(Sink {
            writer: ReceiptWriter::new(conn, source, import_id)?,
            import_id,
            rows_total,
            control,
            members: Default::default(),
            counts: ImportCounts::default(),
            errors: Vec::new(),
        })
    }

    fn member_for(&mut self, identity: Identity, value: &Option<String>) -> Result<Option<i64>> {
        let Some(value) = value else { return Ok(None) };
        let known = &mut self.members[identity as usize];
        if let Some(found) = known.get(value.as_str()) {
            return Ok(*found);
        }
        let found = self.writer.member_for(identity, value)?;
        known.insert(value.clone(), found);
        Ok(found)
    }

    fn match_member(&mut self, c: &StoredCustomer) -> Result<Option<i64>> {
        for (identity, value) in [
            (Identity::Card, &c.card),
            (Identity::Phone, &c.phone),
            (Identity::Email, &c.email),
        ] {
            if let Some(id) = self.member_for(identity, value)? {
                return Ok(Some(id));
            }
        }
        Ok(None)
    }

    /// Stores receipts, each once: a receipt stored before (by another
    /// import) counts as a duplicate; one stored earlier by this import (its
    /// rows apart in the file) gets these lines too. Receipts and lines go
    /// to the database several at a time, in the order given.
    pub fn store<'r>(
        &mut self,
        receipts: impl IntoIterator<Item = (&'r Receipt, &'r StoredCustomer)>,
    ) -> Result<()> {
        let mut chunk: Vec<NewReceipt<'r>> = Vec::with_capacity(AT_ONCE);
        let mut ids = Vec::with_capacity(AT_ONCE);
        let mut lines: Vec<(i64, &'r Line)> = Vec::new();
        for (receipt, customer) in receipts {
            // A receipt twice in one statement would be stored once with
            // the first one's lines only: the second starts a new chunk.
            let repeated = chunk.iter().any(|n| n.receipt.till_id == receipt.till_id);
            if chunk.len() == AT_ONCE || repeated {
                self.store_chunk(&chunk, &mut ids, &mut lines)?;
                chunk.clear();
            }
            let member_id = self.match_member(customer)?;
            chunk.push(NewReceipt {
                receipt,
                customer,
                member_id,
            });
        }
        self.store_chunk(&chunk, &mut ids, &mut lines)?;
        self.writer.insert_lines(&lines)
    }

    fn store_chunk<'r>(
        &mut self,
        chunk: &[NewReceipt<'r>],
        ids: &mut Vec<Option<i64>>,
        lines: &mut Vec<(i64, &'r Line)>,
    ) -> Result<()> {
        self.writer.insert_new(chunk, ids)?;
        for (new, stored) in chunk.iter().zip(ids.iter()) {
            let receipt = new.receipt;
            if let Some(id) = *stored {
                self.counts.receipts_new += 1;
                self.counts.refunds += u64::from(receipt.kind == Kind::Refund);
                lines.extend(receipt.lines.iter().map(|l| (id, l)));
                continue;
            }
            match self.writer.existing(&receipt.till_id)? {
                Some((id, Some(import))) if import == self.import_id => {
                    let extra = match receipt.rule {
                        TotalRule::Sum => receipt.total_minor,
                        TotalRule::Same => 0,
                    };
                    self.writer.add_to_total(id, extra)?;
                    lines.extend(receipt.lines.iter().map(|l| (id, l)));
                }
                _ => self.counts.receipts_duplicate += 1,
            }
        }
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
                return Err(Error::user("import-err-cancelled", &[]));
            }
        }
        Ok(())
    }
}
