//! Points of receipts completed by a later file (see
//! `db::receipts::complete`). Such a receipt may have earned on its short
//! total already, and the ledger is append-only with one earn row per
//! receipt, so the difference to what the whole receipt earns is written
//! as a row of its own: reason earn, keyed `receipt:ID:#N` (older rows
//! `receipt:ID:TOTAL`). The balance then is what importing the whole
//! receipt at once would have given. A receipt taken from its member
//! (unlinked, or moved to another) takes back the same way what it earned
//! them, and earns for its new member as a completed one does.

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

/// What a receipt has earned one member so far: its earn row, when it was
/// theirs, and the rows written for it since (differences, take-backs).
/// Returns that sum and how many rows with a key the receipt has for them.
fn earned_so_far(tx: &Transaction, receipt_id: i64, member_id: i64) -> Result<(i64, i64)> {
    let prefix = key_prefix(receipt_id);
    // ';' follows ':' in ASCII: the range holds exactly the keys with the prefix.
    let end = format!("receipt:{receipt_id};");
    Ok(tx
        .prepare_cached(
            "SELECT CAST((SELECT total(delta) FROM points WHERE receipt_id = ?1 AND member_id = ?2)
                       + (SELECT total(delta) FROM points
                          WHERE member_id = ?2 AND once_key >= ?3 AND once_key < ?4)
                    AS INTEGER),
                    (SELECT count(*) FROM points
                     WHERE member_id = ?2 AND once_key >= ?3 AND once_key < ?4)",
        )?
        .query_row(params![receipt_id, member_id, prefix, end], |r| {
            Ok((r.get(0)?, r.get(1)?))
        })?)
}

/// The key of the next row written for a receipt and member. Every row is
/// worked out as the difference to what the receipt has earned them so far,
/// so a second run writes nothing; the count keeps a receipt that moves
/// away and back from meeting its own earlier key.
fn next_key(receipt_id: i64, rows_so_far: i64) -> String {
    format!("{}#{}", key_prefix(receipt_id), rows_so_far + 1)
}

/// Receipts taken from a member since the last update (unlinked, or now
/// another member's): each takes back what it earned that member. Returns
/// how many rows were written.
pub(super) fn take_back_moved(tx: &Transaction, now: &str) -> Result<u64> {
    let moved: Vec<(i64, i64)> = tx
        .prepare(
            "SELECT q.receipt_id, q.member_id FROM points_moved q
             JOIN members m ON m.id = q.member_id
             JOIN receipts r ON r.id = q.receipt_id
             WHERE r.member_id IS NOT q.member_id",
        )?
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?
        .collect::<rusqlite::Result<_>>()?;
    let mut written = 0;
    for (receipt_id, member_id) in moved {
        let (so_far, rows) = earned_so_far(tx, receipt_id, member_id)?;
        if so_far == 0 {
            continue;
        }
        written += tx
            .prepare_cached(
                "INSERT OR IGNORE INTO points (member_id, delta, reason, detail, once_key, at)
                 VALUES (?1, ?2, 'earn', 'unlinked', ?3, ?4)",
            )?
            .execute(params![
                member_id,
                so_far.saturating_neg(),
                next_key(receipt_id, rows),
                now
            ])? as u64;
    }
    tx.execute("DELETE FROM points_moved", [])?;
    Ok(written)
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
    let (so_far, rows) = earned_so_far(tx, e.receipt_id, e.member_id)?;
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
    let key = next_key(e.receipt_id, rows);
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
