//! The branches the rows name, and the receipts and members of one branch
//! (`domain::branch`): the one place that turns a branch into SQL, so
//! every figure narrowed to a branch counts the same rows.
//!
//! A branch's receipts are those carrying one of its spellings, and, for
//! this shop, those carrying no name at all. The spellings travel as one
//! JSON parameter, so a query keeps its own numbered parameters.

use std::collections::HashSet;

use chrono::NaiveDate;
use rusqlite::{Connection, params};

use crate::db::members::DATE;
use crate::domain::branch::Branch;
use crate::error::Result;

/// The SQL condition on a `shop` column (`r.shop`, `m.shop`) that keeps
/// the rows of `branch`; parameter `?{param}` must carry
/// [`spellings_json`].
pub fn condition(branch: &Branch, column: &str, param: usize) -> String {
    let named = format!("{column} IN (SELECT value FROM json_each(?{param}))");
    if branch.here {
        format!("({column} IS NULL OR {named})")
    } else {
        named
    }
}

/// The branch's spellings as the JSON list [`condition`] reads.
pub fn spellings_json(branch: &Branch) -> String {
    serde_json::to_string(&branch.spellings).unwrap_or_else(|_| "[]".into())
}

/// Member ids as a JSON list, for `id IN (SELECT value FROM json_each(?))`.
pub fn ids_json(ids: &HashSet<i64>) -> String {
    let mut sorted: Vec<i64> = ids.iter().copied().collect();
    sorted.sort_unstable();
    serde_json::to_string(&sorted).unwrap_or_else(|_| "[]".into())
}

/// The names receipts carry, each spelling once, in order. The branch
/// index is read one name at a time (the next name after the last), so a
/// million receipts of a few branches cost a few lookups.
pub fn on_receipts(conn: &Connection) -> Result<Vec<String>> {
    let mut stmt = conn.prepare_cached(
        "WITH RECURSIVE name(shop) AS (
             SELECT min(shop) FROM receipts WHERE shop IS NOT NULL
             UNION ALL
             SELECT (SELECT min(r.shop) FROM receipts r WHERE r.shop > name.shop)
             FROM name WHERE name.shop IS NOT NULL)
         SELECT shop FROM name WHERE shop IS NOT NULL",
    )?;
    let names = stmt.query_map([], |r| r.get(0))?;
    Ok(names.collect::<rusqlite::Result<_>>()?)
}

/// The names receipts or members carry, each spelling once, in order.
pub fn known(conn: &Connection) -> Result<Vec<String>> {
    let mut names = on_receipts(conn)?;
    let mut stmt =
        conn.prepare_cached("SELECT DISTINCT shop FROM members WHERE shop IS NOT NULL")?;
    for name in stmt.query_map([], |r| r.get::<_, String>(0))? {
        names.push(name?);
    }
    names.sort();
    names.dedup();
    Ok(names)
}

/// The members of `branch` by `day`: not erased, joined by then, and with
/// a sale at the branch on or before it, or (`signed_up`) signed up there.
pub fn members(
    conn: &Connection,
    branch: &Branch,
    day: NaiveDate,
    signed_up: bool,
) -> Result<HashSet<i64>> {
    let signed_up_there = if signed_up {
        format!("{} OR ", condition(branch, "m.shop", 2))
    } else {
        String::new()
    };
    let mut stmt = conn.prepare(&format!(
        "SELECT m.id FROM members m
         WHERE m.erased_at IS NULL AND m.joined_at <= ?1
           AND ({signed_up_there}m.id IN (
               SELECT r.member_id FROM receipts r
               WHERE r.member_id IS NOT NULL AND r.kind = 'sale' AND r.local_date <= ?1
                 AND {}))",
        condition(branch, "r.shop", 2)
    ))?;
    let ids = stmt.query_map(
        params![day.format(DATE).to_string(), spellings_json(branch)],
        |r| r.get(0),
    )?;
    Ok(ids.collect::<rusqlite::Result<_>>()?)
}

#[cfg(test)]
#[path = "branches_tests.rs"]
mod tests;
