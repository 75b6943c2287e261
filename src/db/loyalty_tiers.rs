//! Every member's tier worked out again from the receipts, in one
//! streaming pass in member and date order, with the tier minimums that
//! were in force on each day; and, between such passes, the tiers of just
//! the members whose purchases changed (queued by triggers on the
//! receipts), so that the stored tiers stay current without a pass.

use std::collections::HashMap;
use std::collections::hash_map::DefaultHasher;
use std::hash::{Hash, Hasher};

use chrono::NaiveDate;
use rusqlite::{Connection, Transaction, TransactionBehavior, params};

use super::CacheSize;
use super::loyalty_state::{BIG_CACHE_KIB, day_text, day_total, parse_day, set_state, state};
use crate::domain::loyalty_config::Program;
use crate::domain::tiers::{DayTotal, TierBasis, TierProgram};
use crate::error::Result;

/// The first day of the first tier rules: they apply to all purchases before.
const BEGINNING: &str = "0001-01-01";

/// The program's tiers with the minimums that were in force before today.
/// Records today's minimums when they differ from the last ones seen.
pub fn tier_program(conn: &Connection, program: &Program, today: NaiveDate) -> Result<TierProgram> {
    let mut tiers = program.tiers.clone();
    if !program.has_tiers() {
        return Ok(tiers);
    }
    let basis = match tiers.basis {
        TierBasis::Spend => "spend",
        TierBasis::Visits => "visits",
    };
    let names: Vec<&str> = tiers.tiers.iter().map(|t| t.name.as_str()).collect();
    let names = names.join("\n");
    let mins: Vec<String> = tiers.tiers.iter().map(|t| t.min.to_string()).collect();
    let mins = mins.join(",");
    let mut rows: Vec<(String, String, String, String)> = conn
        .prepare_cached("SELECT from_day, basis, names, mins FROM tier_rules ORDER BY from_day")?
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)))?
        .collect::<rusqlite::Result<_>>()?;
    let same_tiers = rows.last().is_some_and(|l| l.1 == basis && l.2 == names);
    if !same_tiers {
        conn.execute("DELETE FROM tier_rules", [])?;
        rows.clear();
    }
    if rows.last().is_none_or(|l| l.3 != mins) {
        let from = if rows.is_empty() {
            BEGINNING.to_string()
        } else {
            day_text(today)
        };
        conn.execute(
            "INSERT OR REPLACE INTO tier_rules (from_day, basis, names, mins) VALUES (?1, ?2, ?3, ?4)",
            params![from, basis, names, mins],
        )?;
        rows.retain(|r| r.0 != from);
        rows.push((from, basis.into(), names, mins));
    }
    tiers.schedule = rows
        .iter()
        .filter_map(|(from, _, _, mins)| {
            let mins: Option<Vec<i64>> = mins.split(',').map(|m| m.parse().ok()).collect();
            Some((parse_day(from)?, mins?))
        })
        .collect();
    Ok(tiers)
}

/// Works out every member's tier and tier history again from their
/// receipts and stores what changed; returns how many members with
/// purchases were looked at. Rows that come out the same are not written
/// again, so a recompute on a settled club only reads.
pub fn recompute_tiers(conn: &Connection, program: &Program, today: NaiveDate) -> Result<u64> {
    let _cache = CacheSize::set(conn, BIG_CACHE_KIB)?;
    let tx = Transaction::new_unchecked(conn, TransactionBehavior::Immediate)?;
    let mut members = 0u64;
    if program.has_tiers() {
        let (mut old_tiers, mut old_changes) = stored_fingerprints(&tx)?;
        let tiers = tier_program(&tx, program, today)?;
        let mut read = tx.prepare(
            "SELECT member_id, local_date, CAST(total(total_minor) AS INTEGER), max(kind = 'sale') FROM receipts
             WHERE member_id IS NOT NULL
             GROUP BY member_id, local_date ORDER BY member_id, local_date",
        )?;
        let mut put_tier =
            tx.prepare("INSERT OR REPLACE INTO member_tiers VALUES (?1, ?2, ?3, ?4, ?5)")?;
        let mut drop_changes = tx.prepare("DELETE FROM tier_changes WHERE member_id = ?1")?;
        let mut put_change = tx.prepare("INSERT INTO tier_changes VALUES (?1, ?2, ?3, ?4, ?5)")?;
        let mut flush = |member_id: i64, days: &[DayTotal]| -> Result<()> {
            let (standing, changes) = tiers.assess(days, today);
            let fingerprint = tier_fingerprint(
                standing.tier as i64,
                standing.metric,
                standing.since,
                standing.grace_until,
            );
            if old_tiers.remove(&member_id) != Some(fingerprint) {
                put_tier.execute(params![
                    member_id,
                    standing.tier as i64,
                    standing.metric,
                    standing.since.map(day_text),
                    standing.grace_until.map(day_text)
                ])?;
            }
            let name = |tier: usize| program.tier_name(tier).unwrap_or_default();
            let mut hasher = DefaultHasher::new();
            for c in &changes {
                hash_change(&mut hasher, c.date, name(c.from), name(c.to), c.to > c.from);
            }
            let old = old_changes.remove(&member_id).map(|h| h.finish());
            if old != Some(hasher.finish()) && !(old.is_none() && changes.is_empty()) {
                drop_changes.execute([member_id])?;
                for c in changes {
                    put_change.execute(params![
                        member_id,
                        day_text(c.date),
                        name(c.from),
                        name(c.to),
                        c.to > c.from
                    ])?;
                }
            }
            Ok(())
        };
        let mut rows = read.query([])?;
        let mut current: Option<i64> = None;
        let mut days: Vec<DayTotal> = Vec::new();
        while let Some(r) = rows.next()? {
            let member_id: i64 = r.get(0)?;
            if current != Some(member_id) {
                if let Some(id) = current {
                    flush(id, &days)?;
                    members += 1;
                }
                current = Some(member_id);
                days.clear();
            }
            if let Some(day) = day_total(r, 1)? {
                days.push(day);
            }
        }
        if let Some(id) = current {
            flush(id, &days)?;
            members += 1;
        }
        // Members whose purchases are gone (no longer linked to them).
        for id in old_tiers.keys() {
            tx.execute("DELETE FROM member_tiers WHERE member_id = ?1", [id])?;
        }
        for id in old_changes.keys() {
            tx.execute("DELETE FROM tier_changes WHERE member_id = ?1", [id])?;
        }
    } else {
        tx.execute_batch("DELETE FROM member_tiers; DELETE FROM tier_changes;")?;
    }
    set_state(&tx, "tiers_as_of", &day_text(today))?;
    let rules = rules_fingerprint(&tier_program(&tx, program, today)?);
    // A recompute on a settled club writes nothing more than its day.
    if state(&tx, "tiers_rules")?.as_deref() != Some(rules.as_str()) {
        set_state(&tx, "tiers_rules", &rules)?;
    }
    // Everyone was worked out: nothing is waiting any more.
    tx.execute("DELETE FROM tiers_pending", [])?;
    tx.commit()?;
    Ok(members)
}

/// The tier rules in one word: names, minimums and their history, basis
/// and grace. Stored tiers worked out under other rules are not current.
fn rules_fingerprint(tiers: &TierProgram) -> String {
    let mut hasher = DefaultHasher::new();
    format!("{tiers:?}").hash(&mut hasher);
    format!("{:016x}", hasher.finish())
}

/// Whether the stored tiers are those of `today` under the program's tier
/// rules: the last full pass ran today with these rules, and every change
/// of purchases since was worked in. A new day (the 12 months move on,
/// grace ends) or changed rules need a full pass.
pub fn tiers_current(conn: &Connection, program: &Program, today: NaiveDate) -> Result<bool> {
    if state(conn, "tiers_as_of")?.as_deref() != Some(day_text(today).as_str()) {
        return Ok(false);
    }
    let tiers = tier_program(conn, program, today)?;
    Ok(state(conn, "tiers_rules")?.as_deref() == Some(rules_fingerprint(&tiers).as_str()))
}

/// Works out again the tiers of the members whose purchases changed, when
/// the stored tiers are otherwise current. When they are not, only a full
/// pass makes them current again and it works out everyone, so the queue
/// is dropped either way. Part of the caller's transaction, so a write and
/// the tiers it moves land together. Returns how many members.
pub fn refresh_queued(tx: &Transaction, program: &Program, today: NaiveDate) -> Result<u64> {
    let queued: Vec<i64> = tx
        .prepare_cached("SELECT member_id FROM tiers_pending")?
        .query_map([], |r| r.get(0))?
        .collect::<rusqlite::Result<_>>()?;
    if queued.is_empty() {
        return Ok(0);
    }
    if !program.has_tiers() || !tiers_current(tx, program, today)? {
        tx.execute("DELETE FROM tiers_pending", [])?;
        return Ok(0);
    }
    let tiers = tier_program(tx, program, today)?;
    let mut read = tx.prepare_cached(
        "SELECT member_id, local_date, CAST(total(total_minor) AS INTEGER), max(kind = 'sale') FROM receipts
         WHERE member_id = ?1 GROUP BY local_date ORDER BY local_date",
    )?;
    for &member_id in &queued {
        let mut days = vec![];
        let mut any = false;
        let mut rows = read.query([member_id])?;
        while let Some(r) = rows.next()? {
            any = true;
            if let Some(day) = day_total(r, 1)? {
                days.push(day);
            }
        }
        tx.prepare_cached("DELETE FROM tier_changes WHERE member_id = ?1")?
            .execute([member_id])?;
        if !any {
            // No purchases left: a full pass keeps no tier for them either.
            tx.prepare_cached("DELETE FROM member_tiers WHERE member_id = ?1")?
                .execute([member_id])?;
            continue;
        }
        let (standing, changes) = tiers.assess(&days, today);
        tx.prepare_cached("INSERT OR REPLACE INTO member_tiers VALUES (?1, ?2, ?3, ?4, ?5)")?
            .execute(params![
                member_id,
                standing.tier as i64,
                standing.metric,
                standing.since.map(day_text),
                standing.grace_until.map(day_text)
            ])?;
        let name = |tier: usize| program.tier_name(tier).unwrap_or_default();
        let mut put = tx.prepare_cached("INSERT INTO tier_changes VALUES (?1, ?2, ?3, ?4, ?5)")?;
        for c in changes {
            put.execute(params![
                member_id,
                day_text(c.date),
                name(c.from),
                name(c.to),
                c.to > c.from
            ])?;
        }
    }
    tx.execute("DELETE FROM tiers_pending", [])?;
    Ok(queued.len() as u64)
}

/// A stored tier row in one number, to compare without keeping the rows.
fn tier_fingerprint(
    tier: i64,
    metric: i64,
    since: Option<NaiveDate>,
    grace_until: Option<NaiveDate>,
) -> u64 {
    let mut hasher = DefaultHasher::new();
    (tier, metric, since, grace_until).hash(&mut hasher);
    hasher.finish()
}

/// Adds one tier change to a member's fingerprint.
fn hash_change(hasher: &mut DefaultHasher, on: NaiveDate, from: &str, to: &str, up: bool) {
    (on, from, to, up).hash(hasher);
}

/// What is stored now, per member, as fingerprints: comparing those is
/// enough to know whether a member's rows must be written again. Both
/// tables are read in their own order (no index lookups); a member's
/// changes were written together, in date order.
fn stored_fingerprints(
    tx: &Transaction,
) -> Result<(HashMap<i64, u64>, HashMap<i64, DefaultHasher>)> {
    let day = |r: &rusqlite::Row, i: usize| -> rusqlite::Result<Option<NaiveDate>> {
        Ok(r.get_ref(i)?.as_str_or_null()?.and_then(parse_day))
    };
    let mut tiers = HashMap::new();
    let mut stmt =
        tx.prepare("SELECT member_id, tier, metric, since, grace_until FROM member_tiers")?;
    let mut rows = stmt.query([])?;
    while let Some(r) = rows.next()? {
        let fingerprint = tier_fingerprint(r.get(1)?, r.get(2)?, day(r, 3)?, day(r, 4)?);
        tiers.insert(r.get(0)?, fingerprint);
    }
    let mut changes: HashMap<i64, DefaultHasher> = HashMap::new();
    let mut stmt = tx.prepare(
        "SELECT member_id, on_date, from_tier, to_tier, up FROM tier_changes ORDER BY rowid",
    )?;
    let mut rows = stmt.query([])?;
    while let Some(r) = rows.next()? {
        let on = day(r, 1)?.unwrap_or_default();
        let (from, to) = (r.get_ref(2)?.as_str(), r.get_ref(3)?.as_str());
        let (from, to) = (from.unwrap_or_default(), to.unwrap_or_default());
        hash_change(
            changes.entry(r.get(0)?).or_default(),
            on,
            from,
            to,
            r.get(4)?,
        );
    }
    Ok((tiers, changes))
}
