//! The operations layer: one function per thing a user does, and one per
//! thing a screen or command shows. The TUI and the CLI are thin callers of
//! these; neither touches SQL.
//!
//! Conventions every operation follows:
//! - It takes `&Ctx` and plain input (strings as typed, ids, numbers; no
//!   keys, no flags, no widgets) and returns a plain result: ids, counts,
//!   data structs, and warnings as enums or message keys — never text made
//!   for one front end.
//! - It validates first, then writes in ONE transaction
//!   (`ctx.conn.unchecked_transaction()`, committed at the end), so a
//!   failure or a crash half-way leaves nothing half-saved. Helpers that an
//!   operation shares take `&Connection` and never open a transaction of
//!   their own, so operations can use them inside theirs.
//! - A refusal is an [`Error`](crate::error::Error) made with a message key
//!   (`Error::user`), so scripts get a stable code and screens the words.
//! - Typed dates are read with the shop's one
//!   [`DateOrder`](crate::domain::date_order::DateOrder)
//!   (`ctx.config.date_order()`), on every front end alike.
//! - What reads points or tiers brings them up to date first through the
//!   one "settle then read" function of the loyalty operations.
//! - Long work (an import, a demo fill, a full recompute) is an operation
//!   too; a front end runs it on a worker with its own connection from
//!   `db::open`, the one safe opening path.

pub mod backup;
pub mod bonus_given;
pub mod consent;
pub mod contact_lists;
pub mod csv_file;
pub mod demo;
pub mod duplicates;
pub mod erase;
pub mod event_invite;
pub mod events;
pub mod export_contacts;
pub mod family;
pub mod family_edit;
pub mod feedback;
pub mod health;
pub mod import;
pub mod list_order;
pub mod lookup;
pub mod loyalty;
pub mod member_change;
pub mod member_export;
pub mod members;
pub mod merge;
pub mod near_tier;
pub mod notes;
pub mod referral;
pub mod review;
pub mod segments;
pub mod settings;
pub mod stats;
pub mod suppression;
pub mod survey;
pub mod survey_export;
pub mod survey_import;
pub mod sync;
pub mod till_customers;
pub mod vcard;

#[cfg(test)]
mod testing;

use rusqlite::{Transaction, TransactionBehavior};

use crate::context::Ctx;
use crate::error::Result;

/// The one transaction of an operation that writes. It takes the write lock
/// at once (`IMMEDIATE`), so an operation that reads before it writes waits
/// for another program's write instead of failing half-way.
pub(crate) fn begin(ctx: &Ctx) -> Result<Transaction<'_>> {
    Ok(Transaction::new_unchecked(
        &ctx.conn,
        TransactionBehavior::Immediate,
    )?)
}
