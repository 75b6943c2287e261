//! Keeping the points ledger up to date with the receipts and the club's
//! rules, and where members stand in the tiers.
//!
//! When points are written: a receipt that gets a member (imported, or
//! claimed later) is queued by a trigger; [`settle`] turns the queue into
//! earn rows and adds due bonuses. It runs after every import, when the app
//! starts, and before points are shown or redeemed. Once a day (and when the
//! points rules change) it also gives birthday bonuses, expires idle points,
//! and lets receipts that earned nothing under the old rules earn under the
//! new ones. [`recompute`] does all of that and works out every member's tier
//! again; it is idempotent, as every earn row is unique per receipt.

use std::collections::HashMap;

use chrono::{NaiveDate, NaiveDateTime};
use rusqlite::{Connection, Transaction, TransactionBehavior, params};

use self::completed::Earning;
use super::CacheSize;
use super::ledger;
use super::loyalty_bonus as bonus;
pub(crate) use super::loyalty_state::BIG_CACHE_KIB;
use super::loyalty_state::{day_text, day_total, set_state, state};
use crate::domain::loyalty_config::Program;
use crate::domain::points::{earned, taken_back};
use crate::domain::tiers::{DayTotal, Standing};
use crate::error::Result;

/// What a settle or recompute wrote.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Settled {
    pub earn_rows: u64,
    pub bonuses: u64,
    pub expired: u64,
}

/// Earn rows for queued receipts, bonuses that are due; the daily checks
/// when they have not run today. One transaction.
pub fn settle(conn: &Connection, program: &Program, now: NaiveDateTime) -> Result<Settled> {
    settle_inner(conn, program, now, false)
}

/// [`settle`], unless another connection is writing right now (an import
/// running on its own thread): then nothing is done and `None` comes back.
/// The screens show the points as they stand; the next settle catches up.
pub fn try_settle(
    conn: &Connection,
    program: &Program,
    now: NaiveDateTime,
) -> Result<Option<Settled>> {
    let waits: i64 = conn.query_row("PRAGMA busy_timeout", [], |r| r.get(0))?;
    conn.busy_timeout(std::time::Duration::ZERO)?;
    let result = settle(conn, program, now);
    conn.busy_timeout(std::time::Duration::from_millis(waits.max(0) as u64))?;
    match result {
        Err(e) if e.is_busy() => Ok(None),
        other => other.map(Some),
    }
}

/// Everything [`settle`] does with the daily checks forced, then every
/// member's tier and tier history worked out again from the receipts.
pub fn recompute(conn: &Connection, program: &Program, now: NaiveDateTime) -> Result<Settled> {
    let settled = settle_inner(conn, program, now, true)?;
    super::loyalty_tiers::recompute_tiers(conn, program, now.date())?;
    Ok(settled)
}

fn settle_inner(
    conn: &Connection,
    program: &Program,
    now: NaiveDateTime,
    force: bool,
) -> Result<Settled> {
    let today = now.date();
    let _cache = CacheSize::set(conn, BIG_CACHE_KIB)?;
    let tx = Transaction::new_unchecked(conn, TransactionBehavior::Immediate)?;
    let rules = rules_fingerprint(program);
    let rules_changed = state(&tx, "points_rules")?.as_deref() != Some(rules.as_str());
    let daily = force || rules_changed || state(&tx, "daily")? != Some(day_text(today));
    // A long queue (a first import, a recompute of a big club) is cheaper
    // read in the order of the receipts' index than sorted.
    let (queued, newest): (i64, i64) = tx.query_row(
        "SELECT (SELECT count(*) FROM points_pending), (SELECT coalesce(max(id), 0) FROM receipts)",
        [],
        |r| Ok((r.get(0)?, r.get(1)?)),
    )?;
    let all = rules_changed || queued * 4 > newest.max(1000);
    // Points of receipts taken from a member go back first, so the member's
    // balance is right when their own refunds are worked out.
    let at = now.format("%Y-%m-%d %H:%M:%S").to_string();
    let moved_back = completed::take_back_moved(&tx, &at)?;
    let mut settled = Settled {
        earn_rows: moved_back + earn(&tx, program, all)?,
        ..Settled::default()
    };
    // New and newly referred members are queued by triggers; everyone is
    // looked at only when the bonuses themselves changed.
    let bonus_rules = bonus_fingerprint(program);
    let every_member = state(&tx, "bonus_rules")?.as_deref() != Some(bonus_rules.as_str());
    settled.bonuses += bonus::signup(&tx, program, now, every_member)?;
    settled.bonuses += bonus::referral(&tx, program, now, every_member)?;
    tx.execute("DELETE FROM bonus_pending", [])?;
    if every_member {
        set_state(&tx, "bonus_rules", &bonus_rules)?;
    }
    bonus::note_birthdays(&tx, today, daily)?;
    // Tiers of members whose purchases changed, in the same transaction.
    super::loyalty_tiers::refresh_queued(&tx, program, today)?;
    if daily {
        settled.bonuses += bonus::birthdays(&tx, program, now)?;
        settled.expired += bonus::expire(&tx, program, now)?;
        set_state(&tx, "daily", &day_text(today))?;
        set_state(&tx, "points_rules", &rules)?;
    }
    tx.commit()?;
    Ok(settled)
}

/// The bonuses given once per member; when they change, every member is
/// looked at again (a bonus switched on reaches those who joined before).
fn bonus_fingerprint(program: &Program) -> String {
    format!(
        "{}:{}",
        program.points.signup_bonus, program.points.referral_bonus
    )
}

/// Earning depends on these; when they change, receipts that earned
/// nothing so far are looked at again.
fn rules_fingerprint(program: &Program) -> String {
    format!(
        "{}:{}",
        program.points.per_unit,
        program.currency.minor_digits()
    )
}

/// Receipts to earn from, queued ones or (`all`) every one, in member and
/// date order so a refund meets the balance its member had. One that has
/// earned already is skipped by the ledger's unique receipt index. The
/// queue is read first (CROSS JOIN): walking the receipts in that order
/// instead reads every receipt of the club, even for an empty queue.
const QUEUED: &str = "SELECT r.id, r.member_id, r.kind, r.total_minor,
        r.local_date || ' ' || coalesce(r.local_time, '00:00:00')
     FROM points_pending q CROSS JOIN receipts r ON r.id = q.receipt_id
     WHERE r.member_id IS NOT NULL
     ORDER BY r.member_id, r.local_date, r.local_time, r.id";
const ALL: &str = "SELECT r.id, r.member_id, r.kind, r.total_minor,
        r.local_date || ' ' || coalesce(r.local_time, '00:00:00')
     FROM receipts r INDEXED BY receipts_member_days
     WHERE r.member_id IS NOT NULL
     ORDER BY r.member_id, r.local_date, r.local_time";

/// Writes the earn rows in one streaming pass; returns how many. A queued
/// receipt that has earned before was completed by a later file: it gets
/// the difference (see `loyalty_completed`).
fn earn(tx: &Transaction, program: &Program, all: bool) -> Result<u64> {
    let rules = &program.points;
    let digits = program.currency.minor_digits();
    let mut balances = queued_balances(tx, all)?;
    let mut written = 0u64;
    if rules.per_unit > 0 {
        let completed = completed::queued(tx)?;
        let mut insert = tx.prepare(
            "INSERT OR IGNORE INTO points (member_id, delta, reason, receipt_id, detail, at)
             VALUES (?1, ?2, 'earn', ?3, ?4, ?5)",
        )?;
        let mut stmt = tx.prepare(if all { ALL } else { QUEUED })?;
        let mut rows = stmt.query([])?;
        while let Some(r) = rows.next()? {
            let (receipt_id, member_id, total): (i64, i64, i64) = (r.get(0)?, r.get(1)?, r.get(3)?);
            let refund = r.get_ref(2)?.as_str().unwrap_or_default() == "refund";
            let balance = balances.entry(member_id).or_insert(0);
            if completed.contains(&receipt_id) {
                let e = Earning {
                    receipt_id,
                    member_id,
                    total_minor: total,
                    refund,
                    at: r.get_ref(4)?.as_str().unwrap_or_default(),
                };
                written += u64::from(completed::earn_difference(tx, program, &e, balance)?);
                continue;
            }
            let (delta, detail) = if refund {
                // Only refunds of something that earned take points back;
                // their row is written even at 0 so it is never taken later.
                if earned(total.saturating_neg(), digits, rules.per_unit) == 0 {
                    continue;
                }
                (
                    taken_back(total, digits, rules.per_unit, *balance),
                    "refund",
                )
            } else {
                match earned(total, digits, rules.per_unit) {
                    0 => continue,
                    points => (points, "sale"),
                }
            };
            // The receipt's own day and time, as the till wrote it.
            let at = r.get_ref(4)?.as_str().unwrap_or_default();
            if insert.execute(params![member_id, delta, receipt_id, detail, at])? > 0 {
                *balance = balance.saturating_add(delta);
                written += 1;
            }
        }
    }
    tx.execute("DELETE FROM points_pending", [])?;
    Ok(written)
}

/// The balances of the members whose receipts are about to earn.
fn queued_balances(tx: &Transaction, all: bool) -> Result<HashMap<i64, i64>> {
    let sql = if all {
        "SELECT member_id, CAST(total(delta) AS INTEGER) FROM points GROUP BY member_id"
    } else {
        "SELECT member_id, CAST(total(delta) AS INTEGER) FROM points WHERE member_id IN (
            SELECT r.member_id FROM points_pending q JOIN receipts r ON r.id = q.receipt_id)
         GROUP BY member_id"
    };
    let mut stmt = tx.prepare(sql)?;
    let rows = stmt.query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// Where each of `member_ids` stands in the tiers on `today`, from their
/// receipts, in one query. Members without purchases stand at the start.
pub fn standings(
    conn: &Connection,
    program: &Program,
    member_ids: &[i64],
    today: NaiveDate,
) -> Result<HashMap<i64, Standing>> {
    let tiers = super::loyalty_tiers::tier_program(conn, program, today)?;
    let mut days: HashMap<i64, Vec<DayTotal>> = HashMap::new();
    for chunk in member_ids.chunks(500) {
        let marks = vec!["?"; chunk.len()].join(",");
        let sql = format!(
            "SELECT member_id, local_date, CAST(total(total_minor) AS INTEGER), max(kind = 'sale') FROM receipts
             WHERE member_id IN ({marks}) GROUP BY member_id, local_date"
        );
        let mut stmt = conn.prepare_cached(&sql)?;
        let mut rows = stmt.query(rusqlite::params_from_iter(chunk))?;
        while let Some(r) = rows.next()? {
            if let Some(day) = day_total(r, 1)? {
                days.entry(r.get(0)?).or_default().push(day);
            }
        }
    }
    Ok(member_ids
        .iter()
        .map(|id| {
            let member_days = days.get(id).map(Vec::as_slice).unwrap_or(&[]);
            (*id, tiers.standing(member_days, today))
        })
        .collect())
}

/// Fills the tier name and points of rows found by the member search.
pub fn fill_rows(
    conn: &Connection,
    program: &Program,
    rows: &mut [crate::db::search::MemberRow],
    today: NaiveDate,
) -> Result<()> {
    let ids: Vec<i64> = rows.iter().map(|r| r.id).collect();
    let balances = ledger::balances(conn, &ids)?;
    let standings = if program.has_tiers() {
        standings(conn, program, &ids, today)?
    } else {
        HashMap::new()
    };
    for row in rows {
        row.points = balances.get(&row.id).copied().unwrap_or(0);
        row.tier = standings
            .get(&row.id)
            .and_then(|s| program.tier_name(s.tier))
            .map(str::to_string);
    }
    Ok(())
}

#[path = "loyalty_completed.rs"]
mod completed;

#[cfg(test)]
#[path = "loyalty_tests.rs"]
mod tests;
