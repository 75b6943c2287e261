//! The points ledger: one row per change of a member's points, never
//! changed afterwards; a balance is the sum of a member's rows. Redemptions
//! and adjustments are written here, durably, with the balance checked in
//! the same transaction.

use std::collections::HashMap;

use chrono::NaiveDateTime;
use rusqlite::{Connection, OptionalExtension, Transaction, TransactionBehavior, params};

pub use crate::domain::ledger::{Entry, Reason};
use crate::error::{Error, Result, UnknownCode};

pub(crate) const DATETIME: &str = "%Y-%m-%d %H:%M:%S";

/// A row to append. `once_key` makes a repeated write of the same bonus do
/// nothing; `receipt_id` does the same for the points of a receipt.
#[derive(Debug, Clone, Default)]
pub struct NewEntry<'a> {
    pub member_id: i64,
    pub delta: i64,
    pub reason: Option<Reason>,
    pub receipt_id: Option<i64>,
    pub detail: Option<&'a str>,
    pub note: Option<&'a str>,
    pub once_key: Option<&'a str>,
    pub at: NaiveDateTime,
}

/// Appends a row unless one with the same receipt or once-key exists.
/// True when it was written.
pub fn append(conn: &Connection, e: &NewEntry) -> Result<bool> {
    let reason = e.reason.unwrap_or(Reason::Adjust).code();
    let written = conn
        .prepare_cached(
            "INSERT OR IGNORE INTO points (member_id, delta, reason, receipt_id, detail, note, once_key, at)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
        )?
        .execute(params![
            e.member_id,
            e.delta,
            reason,
            e.receipt_id,
            e.detail,
            e.note,
            e.once_key,
            e.at.format(DATETIME).to_string()
        ])?;
    Ok(written > 0)
}

/// A member's balance. Like every sum of money or points, it saturates at
/// the ends of the integer range instead of failing: SQLite's `sum` stops
/// with "integer overflow", `total` does not, and the cast clamps.
pub fn balance(conn: &Connection, member_id: i64) -> Result<i64> {
    Ok(conn
        .prepare_cached("SELECT CAST(total(delta) AS INTEGER) FROM points WHERE member_id = ?1")?
        .query_row([member_id], |r| r.get(0))?)
}

/// Balances of several members in one query; members without rows are left out.
pub fn balances(conn: &Connection, member_ids: &[i64]) -> Result<HashMap<i64, i64>> {
    let mut out = HashMap::new();
    // SQLite takes at most 32766 parameters; lists on screen are far shorter.
    for chunk in member_ids.chunks(500) {
        let marks = vec!["?"; chunk.len()].join(",");
        let sql = format!(
            "SELECT member_id, CAST(total(delta) AS INTEGER) FROM points WHERE member_id IN ({marks}) GROUP BY member_id"
        );
        let mut stmt = conn.prepare_cached(&sql)?;
        let rows = stmt.query_map(rusqlite::params_from_iter(chunk), |r| {
            Ok((r.get::<_, i64>(0)?, r.get::<_, i64>(1)?))
        })?;
        for row in rows {
            let (id, balance) = row?;
            out.insert(id, balance);
        }
    }
    Ok(out)
}

/// A member's points history, oldest first.
pub fn history(conn: &Connection, member_id: i64) -> Result<Vec<Entry>> {
    let mut stmt = conn.prepare_cached(
        "SELECT p.id, p.delta, p.reason, p.detail, p.note, coalesce(r.till_id, c.till_id), p.at
         FROM points p LEFT JOIN receipts r ON r.id = p.receipt_id
         -- the points of a receipt completed by a later file: `receipt:ID:TOTAL`
         LEFT JOIN receipts c ON p.receipt_id IS NULL AND p.once_key GLOB 'receipt:*'
              AND c.id = CAST(substr(p.once_key, 9) AS INTEGER)
         WHERE p.member_id = ?1 ORDER BY p.at, p.id",
    )?;
    let rows = stmt.query_map([member_id], |r| {
        let reason: String = r.get(2)?;
        let at: String = r.get(6)?;
        Ok(Entry {
            id: r.get(0)?,
            delta: r.get(1)?,
            reason: Reason::from_code(&reason)
                .ok_or_else(|| UnknownCode::at("points.reason", 2, &reason))?,
            detail: r.get(3)?,
            note: r.get(4)?,
            receipt: r.get(5)?,
            at: NaiveDateTime::parse_from_str(&at, DATETIME).unwrap_or_default(),
        })
    })?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// Why a redemption cannot be made; checked by the screen before asking
/// and again inside the transaction that writes it.
pub fn redeem_problem(balance: i64, points: i64) -> Option<Error> {
    if points <= 0 {
        return Some(Error::user("loyalty-err-redeem-positive", &[]));
    }
    if points > balance {
        return Some(Error::user(
            "loyalty-err-not-enough",
            &[
                ("balance", &balance.to_string()),
                ("points", &points.to_string()),
                ("missing", &points.saturating_sub(balance).to_string()),
            ],
        ));
    }
    None
}

/// Redeems `points` (for `reward`, if one was picked). Written with a full
/// sync of the database file before this returns, so a redemption the
/// screen reports as done survives a power cut. Returns the new balance.
pub fn redeem(
    conn: &Connection,
    member_id: i64,
    points: i64,
    reward: Option<&str>,
    now: NaiveDateTime,
) -> Result<i64> {
    durable(conn, |tx| {
        ensure_member(tx, member_id)?;
        let before = balance(tx, member_id)?;
        if let Some(problem) = redeem_problem(before, points) {
            return Err(problem);
        }
        append(
            tx,
            &NewEntry {
                member_id,
                delta: -points,
                reason: Some(Reason::Redeem),
                detail: reward,
                at: now,
                ..NewEntry::default()
            },
        )?;
        Ok(before - points)
    })
}

/// Whether a hand adjustment may leave the points below zero.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum IfBelowZero {
    /// Refused with [`Error::BelowZero`], nothing written: the owner is
    /// shown the balance it would leave and asked first.
    Refuse,
    /// Written all the same (the owner saw the balance and said yes).
    Allow,
}

/// Adds (or with a negative `delta`, removes) points by hand. The note
/// says why and is required; the balance may go below zero this way only.
/// Returns the new balance.
pub fn adjust(
    conn: &Connection,
    member_id: i64,
    delta: i64,
    note: &str,
    now: NaiveDateTime,
) -> Result<i64> {
    adjust_checked(conn, member_id, delta, note, now, IfBelowZero::Allow)
}

/// [`adjust`], refusing a removal that would leave the balance below zero
/// unless `below_zero` allows it. The balance is read in the same
/// transaction that writes, so what was shown is what is checked. Adding
/// points is never refused, even to a balance still below zero.
pub fn adjust_checked(
    conn: &Connection,
    member_id: i64,
    delta: i64,
    note: &str,
    now: NaiveDateTime,
    below_zero: IfBelowZero,
) -> Result<i64> {
    let note = note.trim();
    if note.is_empty() {
        return Err(Error::user("loyalty-err-note-required", &[]));
    }
    if delta == 0 {
        return Err(Error::user("loyalty-err-adjust-zero", &[]));
    }
    durable(conn, |tx| {
        ensure_member(tx, member_id)?;
        let after = balance(tx, member_id)?.saturating_add(delta);
        if delta < 0 && after < 0 && below_zero == IfBelowZero::Refuse {
            return Err(Error::BelowZero { balance: after });
        }
        append(
            tx,
            &NewEntry {
                member_id,
                delta,
                reason: Some(Reason::Adjust),
                note: Some(note),
                at: now,
                ..NewEntry::default()
            },
        )?;
        balance(tx, member_id)
    })
}

fn ensure_member(conn: &Connection, member_id: i64) -> Result<()> {
    let found: Option<i64> = conn
        .query_row(
            "SELECT id FROM members WHERE id = ?1 AND erased_at IS NULL",
            [member_id],
            |r| r.get(0),
        )
        .optional()?;
    found
        .map(|_| ())
        .ok_or_else(|| Error::user("err-member-not-found", &[("key", &member_id.to_string())]))
}

/// Runs `work` in an immediate transaction committed with `synchronous =
/// FULL`: in WAL mode the log is synced to disk at that commit. The usual
/// setting (NORMAL) is restored afterwards, whatever happened.
fn durable<T>(conn: &Connection, work: impl FnOnce(&Transaction) -> Result<T>) -> Result<T> {
    conn.pragma_update(None, "synchronous", "FULL")?;
    let result = (|| -> Result<T> {
        let tx = Transaction::new_unchecked(conn, TransactionBehavior::Immediate)?;
        let value = work(&tx)?;
        tx.commit()?;
        Ok(value)
    })();
    let restored = conn.pragma_update(None, "synchronous", "NORMAL");
    let value = result?;
    restored?;
    Ok(value)
}

#[cfg(test)]
#[path = "ledger_tests.rs"]
mod tests;
