//! The counts behind the club-health figures, read from the running
//! totals that migration 019 keeps (`day_totals`, `visit_days`) rather
//! than from every receipt, so a year of a large club is read at once.
//!
//! Purchases (spend, receipts, visits) count every receipt of a member,
//! an erased member's too: what was sold does not change when someone
//! leaves. Member counts (members, active, new) leave erased members out.
//!
//! Narrowed to one branch (`Some(branch)`), the running totals cannot
//! tell branches apart: the same counts are read from that branch's
//! receipts themselves (`db::branches` says which), and the member lists
//! are limited to the branch's members, passed in as their ids.

use std::collections::HashSet;

use chrono::{Duration, NaiveDate};
use rusqlite::types::Value;
use rusqlite::{Connection, params};

use crate::db::branches::{condition, ids_json, spellings_json};
use crate::db::members::DATE;
use crate::domain::branch::Branch;
use crate::domain::club_health::{Referrer, SourceRow};
use crate::domain::member::full_name;
use crate::error::Result;

fn day(d: NaiveDate) -> String {
    d.format(DATE).to_string()
}

/// Everyone's and the members' purchases from `from` through `to`.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Purchases {
    pub all_net_minor: i64,
    pub member_net_minor: i64,
    pub member_sale_receipts: i64,
    pub member_visits: i64,
    /// Members with at least one visit.
    pub members_visiting: i64,
}

pub fn purchases(
    conn: &Connection,
    from: NaiveDate,
    to: NaiveDate,
    branch: Option<&Branch>,
) -> Result<Purchases> {
    if let Some(branch) = branch {
        return branch_purchases(conn, from, to, branch);
    }
    let (all, members, sales, visits) = conn.query_row(
        "SELECT CAST(total(net_minor) AS INTEGER), CAST(total(member_net_minor) AS INTEGER),
                CAST(total(member_sales) AS INTEGER), CAST(total(member_visits) AS INTEGER)
         FROM day_totals WHERE local_date BETWEEN ?1 AND ?2",
        params![day(from), day(to)],
        |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)),
    )?;
    // A member's last visit in the period is the one visit of theirs in
    // it whose next visit comes after it: one row per visiting member.
    let index = cheaper_index(conn, to, (to - from).num_days() + 1)?;
    let visiting = conn.query_row(
        &format!(
            "SELECT count(*) FROM visit_days INDEXED BY {index}
             WHERE local_date BETWEEN ?1 AND ?2 AND next_date > ?2"
        ),
        params![day(from), day(to)],
        |r| r.get(0),
    )?;
    Ok(Purchases {
        all_net_minor: all,
        member_net_minor: members,
        member_sale_receipts: sales,
        member_visits: visits,
        members_visiting: visiting,
    })
}

/// [`purchases`] of one branch, from its receipts: a visit is a member's
/// day with a sale there.
fn branch_purchases(
    conn: &Connection,
    from: NaiveDate,
    to: NaiveDate,
    branch: &Branch,
) -> Result<Purchases> {
    let (from, to, spellings) = (day(from), day(to), spellings_json(branch));
    let args = params![from, to, spellings];
    let at_branch = condition(branch, "shop", 3);
    let (all, members, sales) = conn.query_row(
        &format!(
            "SELECT CAST(total(total_minor) AS INTEGER),
                    CAST(total(CASE WHEN member_id IS NOT NULL THEN total_minor END) AS INTEGER),
                    count(CASE WHEN member_id IS NOT NULL AND kind = 'sale' THEN 1 END)
             FROM receipts WHERE local_date BETWEEN ?1 AND ?2 AND {at_branch}"
        ),
        args,
        |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
    )?;
    let (visits, visiting) = conn.query_row(
        &format!(
            "SELECT count(*), count(DISTINCT member_id) FROM (
                 SELECT DISTINCT member_id, local_date FROM receipts
                 WHERE kind = 'sale' AND member_id IS NOT NULL
                   AND local_date BETWEEN ?1 AND ?2 AND {at_branch})"
        ),
        args,
        |r| Ok((r.get(0)?, r.get(1)?)),
    )?;
    Ok(Purchases {
        all_net_minor: all,
        member_net_minor: members,
        member_sale_receipts: sales,
        member_visits: visits,
        members_visiting: visiting,
    })
}

/// Which index finds the visits of a window of `days` days ending `day`
/// with next visits after it: by date reads every visit of the window; by
/// next visit reads every visit after `day` and each member's last one.
/// The second is the smaller when `day` is near the latest visit.
fn cheaper_index(conn: &Connection, day: NaiveDate, days: i64) -> Result<&'static str> {
    let latest: Option<String> =
        conn.query_row("SELECT max(local_date) FROM visit_days", [], |r| r.get(0))?;
    let near_latest = latest
        .and_then(|l| NaiveDate::parse_from_str(&l, DATE).ok())
        .is_none_or(|latest| latest <= day + Duration::days(days));
    Ok(if near_latest {
        "visit_days_next"
    } else {
        "visit_days_date"
    })
}

/// Members active on `day`: a visit on a day V with first <= V <= day
/// (see `domain::club_health::active_window`), who had joined by then and
/// are not erased. Narrowed to a branch: a sale there in the window.
pub fn active_on(
    conn: &Connection,
    first: NaiveDate,
    day_: NaiveDate,
    branch: Option<&Branch>,
) -> Result<HashSet<i64>> {
    if let Some(branch) = branch {
        let mut stmt = conn.prepare(&format!(
            "SELECT DISTINCT member_id FROM receipts
             WHERE kind = 'sale' AND member_id IS NOT NULL
               AND local_date BETWEEN ?1 AND ?2 AND {}
               AND member_id NOT IN (SELECT id FROM members WHERE erased_at IS NOT NULL)
               AND member_id NOT IN (SELECT id FROM members WHERE erased_at IS NULL AND joined_at > ?2)",
            condition(branch, "shop", 3)
        ))?;
        let ids = stmt.query_map(
            params![day(first), day(day_), spellings_json(branch)],
            |r| r.get(0),
        )?;
        return Ok(ids.collect::<rusqlite::Result<_>>()?);
    }
    let index = cheaper_index(conn, day_, (day_ - first).num_days() + 1)?;
    let mut stmt = conn.prepare(&format!(
        "SELECT member_id FROM visit_days INDEXED BY {index}
         WHERE local_date BETWEEN ?1 AND ?2 AND next_date > ?2
           AND member_id NOT IN (SELECT id FROM members WHERE erased_at IS NOT NULL)
           AND member_id NOT IN (SELECT id FROM members WHERE erased_at IS NULL AND joined_at > ?2)"
    ))?;
    let ids = stmt.query_map(params![day(first), day(day_)], |r| r.get(0))?;
    Ok(ids.collect::<rusqlite::Result<_>>()?)
}

/// The members active on `day` (a window of `first`..=`day`), worked out
/// from `before`, those active the day before: a window moved by one day
/// drops the members whose last visit was on its old first day and takes
/// in who visited on `day`, and who joined on `day` after visiting. Three
/// reads of a day's visits instead of a whole window's: the monthly trend
/// needs a month's first day right after the month before has ended.
pub fn active_day_after(
    conn: &Connection,
    before: &HashSet<i64>,
    first: NaiveDate,
    day_: NaiveDate,
) -> Result<HashSet<i64>> {
    let previous = day_ - Duration::days(1);
    let old_first = first - Duration::days(1);
    let ids = |sql: &str, args: &[String]| -> Result<Vec<i64>> {
        let mut stmt = conn.prepare_cached(sql)?;
        let rows = stmt.query_map(rusqlite::params_from_iter(args), |r| r.get(0))?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    };
    // Last seen on the window's old first day: not active any more.
    let dropped = ids(
        "SELECT member_id FROM visit_days INDEXED BY visit_days_date
         WHERE local_date = ?1 AND next_date > ?2",
        &[day(old_first), day(previous)],
    )?;
    // Visited on the day itself, the members looked up one by one (the
    // same members `active_on` leaves out: erased, or joined later).
    let visited = ids(
        "SELECT v.member_id FROM visit_days v INDEXED BY visit_days_date
         LEFT JOIN members m ON m.id = v.member_id
         WHERE v.local_date = ?1
           AND (m.id IS NULL OR (m.erased_at IS NULL AND (m.joined_at > ?1) IS NOT 1))",
        &[day(day_)],
    )?;
    // Joined on the day (not counted the day before) with a visit in the
    // window: the few who joined first (CROSS JOIN keeps that order), not
    // the window's visits.
    let joined = ids(
        "SELECT v.member_id FROM members m CROSS JOIN visit_days v ON v.member_id = m.id
         WHERE m.erased_at IS NULL AND m.joined_at > ?1 AND NOT m.joined_at > ?2
           AND v.local_date BETWEEN ?3 AND ?2 AND v.next_date > ?2",
        &[day(previous), day(day_), day(first)],
    )?;
    let mut active = before.clone();
    for id in dropped {
        active.remove(&id);
    }
    active.extend(visited);
    active.extend(joined);
    Ok(active)
}

/// Members not erased who joined on or before `to`.
pub fn members_by(conn: &Connection, to: NaiveDate) -> Result<i64> {
    Ok(conn.query_row(
        "SELECT count(*) FROM members WHERE erased_at IS NULL AND joined_at <= ?1",
        [day(to)],
        |r| r.get(0),
    )?)
}

/// Members not erased who joined from `from` through `to`.
pub fn joined_in(conn: &Connection, from: NaiveDate, to: NaiveDate) -> Result<HashSet<i64>> {
    let mut stmt = conn.prepare(
        "SELECT id FROM members WHERE erased_at IS NULL AND joined_at BETWEEN ?1 AND ?2",
    )?;
    let ids = stmt.query_map(params![day(from), day(to)], |r| r.get(0))?;
    Ok(ids.collect::<rusqlite::Result<_>>()?)
}

/// Members who joined in the period and named a source, per source, most
/// new members first; their spend from `spend_from` through `to`.
/// Narrowed to a branch: its members (`Some`, with their ids) and their
/// spend there.
pub fn sources(
    conn: &Connection,
    from: NaiveDate,
    to: NaiveDate,
    spend_from: NaiveDate,
    branch: Option<(&Branch, &HashSet<i64>)>,
) -> Result<Vec<SourceRow>> {
    let (spent_there, members_there) = match branch {
        Some((branch, _)) => (
            format!(" AND {}", condition(branch, "r.shop", 5)),
            " AND m.id IN (SELECT value FROM json_each(?4))",
        ),
        None => (String::new(), ""),
    };
    let mut stmt = conn.prepare(&format!(
        "SELECT m.source, count(*),
                CAST(total((SELECT total(r.total_minor) FROM receipts r
                            WHERE r.member_id = m.id AND r.local_date BETWEEN ?3 AND ?2{spent_there})) AS INTEGER)
         FROM members m
         WHERE m.erased_at IS NULL AND m.joined_at BETWEEN ?1 AND ?2 AND m.source IS NOT NULL{members_there}
         GROUP BY m.source ORDER BY count(*) DESC, m.source"
    ))?;
    let mut args = vec![day(from), day(to), day(spend_from)];
    if let Some((branch, ids)) = branch {
        args.extend([ids_json(ids), spellings_json(branch)]);
    }
    let rows = stmt.query_map(rusqlite::params_from_iter(&args), |r| {
        Ok(SourceRow {
            source: r.get(0)?,
            new_members: r.get(1)?,
            spend_minor: r.get(2)?,
        })
    })?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// The members who brought the most members joining in the period, most
/// first (the earlier member first on a tie), at most `limit`. Narrowed
/// to a branch, only the members brought who are among `members`.
pub fn top_referrers(
    conn: &Connection,
    from: NaiveDate,
    to: NaiveDate,
    limit: usize,
    members: Option<&HashSet<i64>>,
) -> Result<Vec<Referrer>> {
    let among = match members {
        Some(_) => " AND m.id IN (SELECT value FROM json_each(?4))",
        None => "",
    };
    let mut stmt = conn.prepare(&format!(
        "SELECT b.id, b.first_name, b.family_name, count(*) AS n
         FROM members m JOIN members b ON b.id = m.referred_by
         WHERE m.erased_at IS NULL AND m.joined_at BETWEEN ?1 AND ?2
           AND m.referred_by IS NOT NULL AND b.erased_at IS NULL{among}
         GROUP BY b.id ORDER BY n DESC, b.id LIMIT ?3"
    ))?;
    let mut args = vec![
        Value::Text(day(from)),
        Value::Text(day(to)),
        Value::Integer(limit as i64),
    ];
    args.extend(members.map(|ids| Value::Text(ids_json(ids))));
    let rows = stmt.query_map(rusqlite::params_from_iter(&args), |r| {
        let first: String = r.get(1)?;
        let family: String = r.get(2)?;
        Ok(Referrer {
            member_id: r.get(0)?,
            name: full_name(&first, &family),
            referred: r.get(3)?,
        })
    })?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}
