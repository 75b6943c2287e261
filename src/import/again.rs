//! Reading a file again that was imported before, with other choices: the
//! country its national phone numbers belong to, or its format. A phone
//! read with the wrong country matched no member; read again, the
//! receipts of the file that have no member get the customer as now read
//! and the member that is, if any. Nothing is stored twice, no amount
//! changes, and a receipt that has a member keeps it. A till customer seen
//! beside a member's card is linked to them, as on a first reading, so
//! their other receipts (of any file) are the member's too.

use std::collections::HashMap;
use std::path::Path;
use std::sync::atomic::Ordering;

use chrono::NaiveDateTime;
use phonenumber::country;
use rusqlite::Connection;

use super::receipt::{Loader, Receipt, Rejected};
use super::sink::{Control, MAX_ERRORS, Progress, TillCustomerKey, stored_customer};
use super::table::Input;
use super::{Plan, Report, cancelled, load};
use crate::db::receipts::{
    Identity, ImportCounts, SeenWithCard, StoredCustomer, member_for, payments, rematch,
};
use crate::error::Result;

/// What reading a file again did.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Again {
    /// Receipts without a member that now have one.
    pub receipts_matched: u64,
    /// Receipts of the file that still have no member.
    pub receipts_unmatched: u64,
}

/// The loader of a second reading: looks up each receipt, never stores one.
struct Rematch<'c, 'a> {
    conn: &'c Connection,
    source: &'static str,
    country: country::Id,
    control: Control<'a>,
    rows_total: u64,
    counts: ImportCounts,
    again: Again,
    errors: Vec<Rejected>,
    /// Till customers of this file still without a member, with their
    /// receipts (row ids).
    unmatched: HashMap<TillCustomerKey, Vec<i64>>,
    /// Till customers seen beside a member's card: linked at the end.
    seen: SeenWithCard,
}

impl Rematch<'_, '_> {
    fn member(&self, c: &StoredCustomer) -> Result<Option<i64>> {
        for (identity, value) in [
            (Identity::Card, &c.card),
            (Identity::TillCustomer, &c.till_customer),
            (Identity::Phone, &c.phone),
            (Identity::Email, &c.email),
        ] {
            if let Some(value) = value
                && let Some(id) = member_for(self.conn, identity, value)?
            {
                return Ok(Some(id));
            }
        }
        Ok(None)
    }

    /// Notes the till customer of `receipt` when the card beside it is a
    /// member's, whether the receipt had a member before or not.
    fn see_card(&mut self, receipt: &Receipt, c: &StoredCustomer) -> Result<()> {
        if let (Some(card), Some(till_customer)) = (&c.card, &c.till_customer)
            && let Some(id) = member_for(self.conn, Identity::Card, card)?
        {
            self.seen.saw(till_customer, id, receipt);
        }
        Ok(())
    }

    /// Links the till customers seen beside a card, then counts again the
    /// receipts of this file such a link gave a member.
    fn link_seen(&mut self, at: NaiveDateTime) -> Result<()> {
        if std::mem::take(&mut self.seen).link_all(self.conn, at)? == 0 {
            return Ok(());
        }
        let mut still = HashMap::with_capacity(self.unmatched.len());
        for (key, ids) in std::mem::take(&mut self.unmatched) {
            // Only a till customer's id is linked here.
            let ids = if key.3.is_some() {
                let mut left = Vec::with_capacity(ids.len());
                for id in ids {
                    if rematch::has_member(self.conn, id)? {
                        self.again.receipts_matched += 1;
                        self.again.receipts_unmatched -= 1;
                    } else {
                        left.push(id);
                    }
                }
                left
            } else {
                ids
            };
            if !ids.is_empty() {
                still.insert(key, ids);
            }
        }
        self.unmatched = still;
        self.counts.customers_unmatched = self.unmatched.len() as u64;
        Ok(())
    }
}

impl Loader for Rematch<'_, '_> {
    fn push(&mut self, receipt: Receipt) -> Result<()> {
        let customer = stored_customer(&receipt.customer, self.country);
        self.see_card(&receipt, &customer)?;
        let Some(id) = rematch::without_member(self.conn, self.source, &receipt.till_id)? else {
            // Stored with its member, or never stored (a row rejected then
            // as now): nothing more to do.
            return Ok(());
        };
        let member = self.member(&customer)?;
        rematch::set_customer(self.conn, id, &customer, member)?;
        if member.is_some() {
            self.again.receipts_matched += 1;
        } else {
            self.again.receipts_unmatched += 1;
            if customer.has_identity() {
                let key = (
                    customer.card,
                    customer.phone,
                    customer.email,
                    customer.till_customer,
                );
                self.unmatched.entry(key).or_default().push(id);
                self.counts.customers_unmatched = self.unmatched.len() as u64;
            }
        }
        Ok(())
    }

    fn reject(&mut self, rejected: Rejected) {
        self.counts.rows_rejected += 1;
        if self.errors.len() < MAX_ERRORS {
            self.errors.push(rejected);
        }
    }

    fn rows_read(&mut self, rows: u64) -> Result<()> {
        self.counts.rows = rows;
        if rows.is_multiple_of(256) || rows == self.rows_total {
            (self.control.progress)(Progress {
                rows_done: rows,
                rows_total: self.rows_total,
            });
            if self.control.cancel.load(Ordering::Relaxed) {
                return Err(cancelled());
            }
        }
        Ok(())
    }
}

/// Reads `input` again under `plan` in one transaction on `conn` (rolled
/// back for a dry run, an error or a cancel) and matches the receipts of
/// the file that have no member; links made are dated `now`.
#[allow(clippy::too_many_arguments)]
pub fn read_again(
    conn: &mut Connection,
    path: &Path,
    input: &Input,
    plan: Plan,
    country: country::Id,
    control: Control<'_>,
    dry_run: bool,
    now: NaiveDateTime,
) -> Result<Report> {
    let format = plan.detected.format;
    let tx = conn.transaction()?;
    let mut rematch = Rematch {
        conn: &tx,
        source: format.source(),
        country,
        control,
        rows_total: plan.rows,
        counts: ImportCounts::default(),
        again: Again::default(),
        errors: Vec::new(),
        unmatched: HashMap::new(),
        seen: SeenWithCard::default(),
    };
    load(input, &plan, &mut rematch)?;
    rematch.link_seen(now)?;
    // A refund read again names nobody as before: it gets its sale's
    // customer again.
    payments::refunds_follow_sales(&tx, format.source())?;
    let (counts, again, errors) = (rematch.counts, rematch.again, rematch.errors);
    if dry_run {
        tx.rollback()?;
    } else {
        tx.commit()?;
    }
    Ok(Report {
        path: path.display().to_string(),
        format: format.name().to_string(),
        counts,
        errors,
        notes: plan.notes,
        already_imported: false,
        refused: None,
        again: Some(again),
    })
}
