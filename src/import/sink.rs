//! Where imported receipts are stored: inside the import's one transaction
//! (so a failed or cancelled import leaves the database as it was), each
//! receipt once per source and till id, matched to a member by card, then
//! phone, then email — never by name. Reports progress and stops when the
//! cancel flag is raised.

use std::collections::HashMap;
use std::sync::atomic::{AtomicBool, Ordering};

use phonenumber::country;
use rusqlite::Connection;

use super::receipt::{Customer, Kind, Loader, Receipt, Rejected, TotalRule};
use crate::db::receipts::{self as store, Identity, ImportCounts, StoredCustomer};
use crate::domain::member::{clean_text, normalise_email, normalise_phone};
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

pub struct Sink<'c, 'a> {
    conn: &'c Connection,
    import_id: i64,
    source: &'static str,
    country: country::Id,
    rows_total: u64,
    control: Control<'a>,
    members: HashMap<(Identity, String), Option<i64>>,
    pub counts: ImportCounts,
    pub errors: Vec<Rejected>,
}

impl<'c, 'a> Sink<'c, 'a> {
    pub fn new(
        conn: &'c Connection,
        import_id: i64,
        source: &'static str,
        country: country::Id,
        rows_total: u64,
        control: Control<'a>,
    ) -> Sink<'c, 'a> {
        Sink {
            conn,
            import_id,
            source,
            country,
            rows_total,
            control,
            members: HashMap::new(),
            counts: ImportCounts::default(),
            errors: Vec::new(),
        }
    }

    /// The customer as stored: phone in E.164 (national numbers read with
    /// the shop's country), email lower-case; what cannot be read is left out.
    fn stored_customer(&self, c: &Customer) -> StoredCustomer {
        let clean = |v: &Option<String>| v.as_deref().map(clean_text).filter(|s| !s.is_empty());
        StoredCustomer {
            card: clean(&c.card),
            phone: c
                .phone
                .as_deref()
                .and_then(|p| normalise_phone(p, self.country).ok()),
            email: c.email.as_deref().and_then(|e| normalise_email(e).ok()),
            name: clean(&c.name),
        }
    }

    fn member_for(&mut self, identity: Identity, value: &Option<String>) -> Result<Option<i64>> {
        let Some(value) = value else { return Ok(None) };
        let key = (identity, value.clone());
        if let Some(found) = self.members.get(&key) {
            return Ok(*found);
        }
        let found = store::member_for(self.conn, identity, value)?;
        self.members.insert(key, found);
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
}

impl Loader for Sink<'_, '_> {
    fn push(&mut self, receipt: Receipt) -> Result<()> {
        match store::existing(self.conn, self.source, &receipt.till_id)? {
            // The same receipt again in this file, its rows apart: join them.
            Some((id, Some(import))) if import == self.import_id => {
                let extra = match receipt.rule {
                    TotalRule::Sum => receipt.total_minor,
                    TotalRule::Same => 0,
                };
                store::add_to(self.conn, id, extra, &receipt.lines)
            }
            Some(_) => {
                self.counts.receipts_duplicate += 1;
                Ok(())
            }
            None => {
                let customer = self.stored_customer(&receipt.customer);
                let member = self.match_member(&customer)?;
                store::insert(
                    self.conn,
                    self.source,
                    &receipt,
                    &customer,
                    member,
                    self.import_id,
                )?;
                self.counts.receipts_new += 1;
                self.counts.refunds += u64::from(receipt.kind == Kind::Refund);
                Ok(())
            }
        }
    }

    fn reject(&mut self, rejected: Rejected) {
        self.counts.rows_rejected += 1;
        if self.errors.len() < MAX_ERRORS {
            self.errors.push(rejected);
        }
    }

    fn rows_read(&mut self, rows: u64) -> Result<()> {
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
