//! What the loyalty writers share below them: the little state table
//! (when the daily checks last ran, which points rules were used), days
//! as the database writes them, and the page cache of whole-club
//! passes. `loyalty`, `loyalty_bonus`, `loyalty_tiers` and the tier
//! overview all stand on this; it imports none of them.

use chrono::NaiveDate;
use rusqlite::{Connection, OptionalExtension, params};

use crate::domain::tiers::DayTotal;
use crate::error::Result;

/// The page cache while the whole ledger or every receipt is read and
/// written (the unique receipt index is written in member order, not in
/// its own): 64 MiB, taken only as pages are actually read.
pub(crate) const BIG_CACHE_KIB: i64 = 65_536;

pub(crate) fn day_text(day: NaiveDate) -> String {
    day.format("%Y-%m-%d").to_string()
}

pub(crate) fn state(conn: &Connection, key: &str) -> Result<Option<String>> {
    Ok(conn
        .prepare_cached("SELECT value FROM loyalty_state WHERE key = ?1")?
        .query_row([key], |r| r.get(0))
        .optional()?)
}

pub(crate) fn set_state(conn: &Connection, key: &str, value: &str) -> Result<()> {
    conn.prepare_cached(
        "INSERT INTO loyalty_state (key, value) VALUES (?1, ?2)
         ON CONFLICT (key) DO UPDATE SET value = excluded.value",
    )?
    .execute(params![key, value])?;
    Ok(())
}

/// `YYYY-MM-DD` without the cost of a general date parser (millions of
/// rows go through here in a recompute).
pub(crate) fn parse_day(s: &str) -> Option<NaiveDate> {
    let b = s.as_bytes();
    if b.len() < 10 || b[4] != b'-' || b[7] != b'-' {
        return None;
    }
    let num = |range: std::ops::Range<usize>| -> Option<u32> {
        b[range].iter().try_fold(0u32, |acc, c| {
            c.is_ascii_digit().then(|| acc * 10 + u32::from(c - b'0'))
        })
    };
    NaiveDate::from_ymd_opt(num(0..4)? as i32, num(5..7)?, num(8..10)?)
}

/// Day totals (net spend, a visit or not) of a member's receipts, by row.
/// The queries add the day's spend with `CAST(total(..) AS INTEGER)`, which
/// saturates where `sum` would fail the whole query with "integer overflow".
pub(crate) fn day_total(r: &rusqlite::Row, date_col: usize) -> rusqlite::Result<Option<DayTotal>> {
    let date = parse_day(r.get_ref(date_col)?.as_str()?);
    Ok(date.map(|date| DayTotal {
        date,
        spend_minor: r.get(date_col + 1).unwrap_or(0),
        visit: r.get::<_, i64>(date_col + 2).unwrap_or(0) > 0,
    }))
}
