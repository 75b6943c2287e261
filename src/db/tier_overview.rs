//! The overview the tiers screen and `regulars tiers` show, from the last
//! recompute: members per tier, who moved up or down this month, who is
//! within 10% of the next tier.

use std::collections::HashSet;

use chrono::{Datelike, NaiveDate};
use rusqlite::{Connection, params};

use super::loyalty_state::{day_text, parse_day};
use crate::domain::loyalty_config::Program;
use crate::domain::member::full_name;
use crate::error::Result;

/// The nudge list shows at most this many members (all are counted).
pub const NUDGE_LIMIT: usize = 100;
/// The moves of the month shown at most.
const MOVES_LIMIT: usize = 200;

/// A move up or down in the tiers.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TierMove {
    pub member_id: i64,
    pub name: String,
    pub on: NaiveDate,
    pub from: String,
    pub to: String,
    pub up: bool,
}

/// A member close to the next tier.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Nudge {
    pub member_id: i64,
    pub name: String,
    pub tier: usize,
    /// Spend (minor units) or visits still missing.
    pub gap: i64,
}

/// What the tiers screen shows, from the last recompute.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct TierOverview {
    /// Members per tier, by position in the config.
    pub counts: Vec<i64>,
    /// This month's moves, newest first.
    pub moves: Vec<TierMove>,
    pub moved_up: usize,
    pub moved_down: usize,
    /// The smallest amount missing first, at most [`NUDGE_LIMIT`].
    pub nudges: Vec<Nudge>,
    pub nudge_total: usize,
    /// (tier, 12-month figure) of every member with purchases: the
    /// threshold preview works on these without the database.
    pub standings: Vec<(usize, i64)>,
}

/// The overview of the month of `today`.
pub fn overview(conn: &Connection, program: &Program, today: NaiveDate) -> Result<TierOverview> {
    overview_among(conn, program, today, None)
}

/// [`overview`] of `members` only when given (a branch's members): their
/// tiers, their moves, who of them is near the next tier. The tiers stay
/// the club's, worked out on all their purchases.
pub fn overview_among(
    conn: &Connection,
    program: &Program,
    today: NaiveDate,
    members: Option<&HashSet<i64>>,
) -> Result<TierOverview> {
    let among = |id: i64| members.is_none_or(|ids| ids.contains(&id));
    let tiers = &program.tiers;
    let mut out = TierOverview {
        counts: vec![0; tiers.tiers.len()],
        ..TierOverview::default()
    };
    if !program.has_tiers() {
        return Ok(out);
    }
    let mut stmt = conn.prepare(
        // The few erased members come from their own small index; a join
        // would read every member's row.
        "SELECT t.tier, t.metric, t.member_id FROM member_tiers t
         WHERE t.member_id NOT IN (SELECT id FROM members WHERE erased_at IS NOT NULL)",
    )?;
    let mut rows = stmt.query([])?;
    while let Some(r) = rows.next()? {
        let (tier, metric): (i64, i64) = (r.get(0)?, r.get(1)?);
        if !among(r.get(2)?) {
            continue;
        }
        let tier = (tier.max(0) as usize).min(out.counts.len() - 1);
        out.counts[tier] += 1;
        out.standings.push((tier, metric));
    }
    // A branch's members are all counted already: not erased, joined.
    let all: i64 = match members {
        Some(ids) => ids.len() as i64,
        None => conn.query_row(
            "SELECT count(*) FROM members WHERE erased_at IS NULL",
            [],
            |r| r.get(0),
        )?,
    };
    let with_purchases: i64 = out.counts.iter().sum();
    out.counts[0] += (all - with_purchases).max(0);
    (out.nudges, out.nudge_total) =
        super::near_tier::near_among(conn, tiers, Some(NUDGE_LIMIT), members)?;
    let first = today.with_day(1).unwrap_or(today);
    let mut stmt = conn.prepare(
        "SELECT c.member_id, m.first_name, m.family_name, c.on_date, c.from_tier, c.to_tier, c.up
         FROM tier_changes c JOIN members m ON m.id = c.member_id AND m.erased_at IS NULL
         WHERE c.on_date >= ?1 AND c.on_date <= ?2
         ORDER BY c.on_date DESC, c.up DESC, m.sort_key",
    )?;
    let rows = stmt.query_map(params![day_text(first), day_text(today)], |r| {
        let on: String = r.get(3)?;
        Ok(TierMove {
            member_id: r.get(0)?,
            name: full_name(&r.get::<_, String>(1)?, &r.get::<_, String>(2)?),
            on: parse_day(&on).unwrap_or(today),
            from: r.get(4)?,
            to: r.get(5)?,
            up: r.get(6)?,
        })
    })?;
    for m in rows {
        let m = m?;
        if !among(m.member_id) {
            continue;
        }
        if m.up {
            out.moved_up += 1;
        } else {
            out.moved_down += 1;
        }
        if out.moves.len() < MOVES_LIMIT {
            out.moves.push(m);
        }
    }
    Ok(out)
}
