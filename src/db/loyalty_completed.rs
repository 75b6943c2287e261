//! Points of receipts completed by a later file (see
//! `db::receipts::complete`). Such a receipt may have earned on its short
//! total already, and the ledger is append-only with one earn row per
//! receipt, so the difference to what the whole receipt earns is written
//! as a row of its own: reason earn, keyed `receipt:ID:TOTAL` so that the
//! same completion is never counted twice. The balance then is what
//! importing the whole receipt at once would have given.

use std::collections::HashSet;

use rusqlite::{Transaction, params};

use crate::domain::loyalty_config::Program;
use crate::domain::points::{earned, taken_back};
use crate::error::Result;

/// The receipt being earned from, as the earn pass reads it.
pub(super) struct Earning<'a> {
    pub receipt_id: i64,
    pub member_id: i64,
    pub total_minor: i64,
    pub refund: bool,
    /// The receipt's own day and time.
    pub at: &'a str,
}

/// Queued receipts that have earned before: completed ones.
pub(super) fn queued(tx: &Transaction) -> Result<HashSet<i64>> {
    let mut stmt = tx.prepare(
        "SELECT DISTINCT q.receipt_id FROM points_pending q
         JOIN points p ON p.receipt_id = q.receipt_id",
    )?;
    let ids = stmt.query_map([], |r| r.get(0))?;
    Ok(ids.collect::<rusqlite::Result<_>>()?)
}

/// The once-key prefix of a receipt's difference rows.
fn key_prefix(receipt_id: i64) -> String {
    format!("receipt:{receipt_id}:")
}

/// What a receipt has earned so far: its earn row and earlier differences.
fn earned_so_far(tx: &Transaction, e: &Earning) -> Result<i64> {
    let prefix = key_prefix(e.receipt_id);
    // ';' follows ':' in ASCII: the range holds exactly the keys with the prefix.
    let end = format!("receipt:{};", e.receipt_id);
    Ok(tx
        .prepare_cached(
            "SELECT CAST((SELECT total(delta) FROM points WHERE receipt_id = ?1)
                       + (SELECT total(delta) FROM points
                          WHERE member_id = ?2 AND once_key >= ?3 AND once_key < ?4)
                    AS INTEGER)",
        )?
        .query_row(params![e.receipt_id, e.member_id, prefix, end], |r| {
            r.get(0)
        })?)
}

/// Writes the difference between what the completed receipt earns and what
/// it earned so far; `balance` is the member's, kept up to date. True when
/// a row was written.
pub(super) fn earn_difference(
    tx: &Transaction,
    program: &Program,
    e: &Earning,
    balance: &mut i64,
) -> Result<bool> {
    let (digits, per_unit) = (program.currency.minor_digits(), program.points.per_unit);
    let so_far = earned_so_far(tx, e)?;
    // What the whole receipt earns against the balance it met, as if the
    // short one had never been there.
    let target = if !e.refund {
        earned(e.total_minor, digits, per_unit)
    } else if earned(e.total_minor.saturating_neg(), digits, per_unit) == 0 {
        0
    } else {
        taken_back(
            e.total_minor,
            digits,
            per_unit,
            balance.saturating_sub(so_far),
        )
    };
    let delta = target.saturating_sub(so_far);
    if delta == 0 {
        return Ok(false);
    }
    let key = format!("{}{}", key_prefix(e.receipt_id), e.total_minor);
    let written = tx
        .prepare_cached(
            "INSERT OR IGNORE INTO points (member_id, delta, reason, detail, once_key, at)
             VALUES (?1, ?2, 'earn', ?3, ?4, ?5)",
        )?
        .execute(params![
            e.member_id,
            delta,
            if e.refund { "refund" } else { "sale" },
            key,
            e.at
        ])?;
    if written > 0 {
        *balance = balance.saturating_add(delta);
    }
    Ok(written > 0)
}
