//! Members within 10% of their next tier, found from the stored tiers by
//! the tier-and-figure index: each tier's band of figures is one range of
//! it, so neither the list nor its count looks at members outside it. The
//! smallest amount missing comes first.

use std::collections::HashSet;

use rusqlite::{Connection, params};

use super::tier_overview::Nudge;
use crate::domain::member::full_name;
use crate::domain::tiers::TierProgram;
use crate::error::Result;

/// Who is near the next tier, the closest first: at most `limit` of them
/// (all with `None`), and how many there are in all. Erased members are
/// left out. Reads the tiers as last stored; nothing is worked out here.
pub fn near(
    conn: &Connection,
    tiers: &TierProgram,
    limit: Option<usize>,
) -> Result<(Vec<Nudge>, usize)> {
    near_among(conn, tiers, limit, None)
}

/// [`near`], of `members` only when given (a branch's): the bands are
/// read whole and the others left out before the limit is applied.
pub fn near_among(
    conn: &Connection,
    tiers: &TierProgram,
    limit: Option<usize>,
    members: Option<&HashSet<i64>>,
) -> Result<(Vec<Nudge>, usize)> {
    let limit = limit.map_or(-1, |n| n as i64);
    let read = if members.is_some() { -1 } else { limit };
    // Within a tier the next minimum is the same for all, so the highest
    // figure misses the least: the index gives them in that order and the
    // walk stops at the limit.
    let mut list = conn.prepare_cached(
        "SELECT t.member_id, t.metric, m.first_name, m.family_name
         FROM member_tiers t JOIN members m ON m.id = t.member_id AND m.erased_at IS NULL
         WHERE t.tier = ?1 AND t.metric >= ?2 AND t.metric < ?3
         ORDER BY t.metric DESC, t.member_id
         LIMIT ?4",
    )?;
    let mut count = conn.prepare_cached(
        "SELECT count(*) FROM member_tiers t
         WHERE t.tier = ?1 AND t.metric >= ?2 AND t.metric < ?3
           AND t.member_id NOT IN (SELECT id FROM members WHERE erased_at IS NOT NULL)",
    )?;
    let mut found = vec![];
    let mut total = 0usize;
    for tier in 0..tiers.tiers.len() {
        let Some((from, below)) = tiers.near_band(tier) else {
            continue;
        };
        let band = params![tier as i64, from, below, read];
        let rows = list.query_map(band, |r| {
            Ok(Nudge {
                member_id: r.get(0)?,
                name: full_name(&r.get::<_, String>(2)?, &r.get::<_, String>(3)?),
                tier,
                gap: below - r.get::<_, i64>(1)?,
            })
        })?;
        for row in rows {
            let row = row?;
            if members.is_none_or(|ids| ids.contains(&row.member_id)) {
                found.push(row);
            }
        }
        if members.is_some() {
            continue;
        }
        let n: i64 = count.query_row(params![tier as i64, from, below], |r| r.get(0))?;
        total += n.max(0) as usize;
    }
    // Each tier's list is the closest of that tier; together, the closest
    // of all come first and the rest beyond the limit go.
    found.sort_by_key(|n| (n.gap, n.member_id));
    if members.is_some() {
        total = found.len();
    }
    if limit >= 0 {
        found.truncate(limit as usize);
    }
    Ok((found, total))
}

#[cfg(test)]
#[path = "near_tier_tests.rs"]
mod tests;
