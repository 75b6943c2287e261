//! The purchases behind an event's 90-day figures: each member's sale
//! visits (from `visit_days`, kept by the receipts' triggers) and net spend
//! (refunds subtract) in a window, summed over a group.

use std::collections::{HashMap, HashSet};

use chrono::NaiveDate;
use rusqlite::{Connection, params};

use crate::db::members::DATE;
use crate::domain::event::GroupTotals;
use crate::error::Result;

/// Visits and net spend per member from `from` through `to`.
#[derive(Debug, Default)]
pub struct WindowPurchases {
    visits: HashMap<i64, i64>,
    spend: HashMap<i64, i64>,
}

impl WindowPurchases {
    /// The totals of `group`; members without a purchase count with none.
    pub fn of(&self, group: &HashSet<i64>) -> GroupTotals {
        GroupTotals {
            members: group.len() as i64,
            visits: group.iter().filter_map(|id| self.visits.get(id)).sum(),
            spend_minor: group.iter().filter_map(|id| self.spend.get(id)).sum(),
        }
    }
}

/// Reads the window once for everyone: the group of members not invited
/// is most of the club, so asking per member would be slower.
pub fn window(conn: &Connection, from: NaiveDate, to: NaiveDate) -> Result<WindowPurchases> {
    let days = params![from.format(DATE).to_string(), to.format(DATE).to_string()];
    let per_member = |sql: &str| -> Result<HashMap<i64, i64>> {
        let mut stmt = conn.prepare(sql)?;
        let rows = stmt.query_map(days, |r| Ok((r.get(0)?, r.get(1)?)))?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    };
    Ok(WindowPurchases {
        visits: per_member(
            "SELECT member_id, count(*) FROM visit_days
             WHERE local_date BETWEEN ?1 AND ?2 GROUP BY member_id",
        )?,
        spend: per_member(
            "SELECT member_id, CAST(total(total_minor) AS INTEGER) FROM receipts
             WHERE local_date BETWEEN ?1 AND ?2 AND member_id IS NOT NULL GROUP BY member_id",
        )?,
    })
}
