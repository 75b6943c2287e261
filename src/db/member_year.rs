//! Each member's last 12 months (`member_year`: visit days, spend, usual
//! weekday and hour), which the segment words about visits read instead
//! of every receipt. Triggers keep it right for every writer as of one
//! day; before a count reads it, [`bring_to`] moves that day to today.
//! Only the members with a receipt on a day that entered or left the 12
//! months are worked out again, so a new day costs a few thousand rows,
//! not the whole club.

use chrono::{Duration, NaiveDate};
use rusqlite::{Connection, OptionalExtension, params};

use crate::domain::tiers::WINDOW_DAYS;
use crate::error::Result;

/// Past this many days the 12 months are worked out again for everyone:
/// the days in between would hold most of the year's receipts anyway.
pub const LONG_JUMP_DAYS: i64 = 120;

/// The day `member_year` holds for and the first day of its 12 months.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Held {
    day: NaiveDate,
    start: NaiveDate,
}

fn first_day(day: NaiveDate) -> NaiveDate {
    day - Duration::days(WINDOW_DAYS - 1)
}

fn ymd(day: NaiveDate) -> String {
    day.format("%Y-%m-%d").to_string()
}

/// The day the rows hold for; `None` before anything was counted (or
/// when the stored day does not read as one).
fn held(conn: &Connection) -> Result<Option<Held>> {
    let row: Option<(Option<String>, Option<String>)> = conn
        .query_row(
            "SELECT day, start FROM member_year_asof WHERE id = 1",
            [],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .optional()?;
    let read = |s: Option<String>| s.and_then(|s| NaiveDate::parse_from_str(&s, "%Y-%m-%d").ok());
    Ok(row.and_then(|(day, start)| {
        Some(Held {
            day: read(day)?,
            start: read(start)?,
        })
    }))
}

/// Makes `member_year` hold for `today`. Does nothing when it already
/// does; otherwise works inside one write transaction (the caller's when
/// there is one), so a count after it never reads a half-moved year.
pub fn bring_to(conn: &Connection, today: NaiveDate) -> Result<()> {
    if held(conn)?.map(|h| h.day) == Some(today) {
        return Ok(());
    }
    if conn.is_autocommit() {
        // Immediate: another program moving the day at the same time
        // waits for this one instead of failing half way.
        conn.execute_batch("BEGIN IMMEDIATE")?;
        match move_to(conn, today) {
            Ok(()) => conn.execute_batch("COMMIT")?,
            Err(e) => {
                let _ = conn.execute_batch("ROLLBACK");
                return Err(e);
            }
        }
    } else {
        move_to(conn, today)?;
    }
    Ok(())
}

fn move_to(conn: &Connection, today: NaiveDate) -> Result<()> {
    let was = held(conn)?;
    let now = Held {
        day: today,
        start: first_day(today),
    };
    if was == Some(now) {
        return Ok(());
    }
    conn.execute(
        "INSERT INTO member_year_asof (id, day, start) VALUES (1, ?1, ?2)
         ON CONFLICT (id) DO UPDATE SET day = excluded.day, start = excluded.start",
        params![ymd(now.day), ymd(now.start)],
    )?;
    match was {
        Some(was) if (was.day - now.day).num_days().abs() < LONG_JUMP_DAYS => {
            // The days in exactly one of the two 12 months: between the
            // two first days, and after the earlier last day up to the
            // later one.
            let (first_lo, first_hi) = (was.start.min(now.start), was.start.max(now.start));
            let (last_lo, last_hi) = (was.day.min(now.day), was.day.max(now.day));
            conn.execute(
                "INSERT OR IGNORE INTO member_year_redo
                 SELECT DISTINCT member_id FROM receipts
                 WHERE member_id IS NOT NULL
                   AND ((local_date >= ?1 AND local_date < ?2) OR (local_date > ?3 AND local_date <= ?4))",
                params![ymd(first_lo), ymd(first_hi), ymd(last_lo), ymd(last_hi)],
            )?;
        }
        _ => redo_everyone(conn)?,
    }
    Ok(())
}

/// Works every member's 12 months out again for the day held.
pub fn redo_everyone(conn: &Connection) -> Result<()> {
    conn.execute("DELETE FROM member_year", [])?;
    conn.execute(
        "INSERT OR IGNORE INTO member_year_redo
         SELECT DISTINCT r.member_id FROM receipts r, member_year_asof a
         WHERE r.member_id IS NOT NULL AND r.local_date BETWEEN a.start AND a.day",
        [],
    )?;
    Ok(())
}

#[cfg(test)]
#[path = "member_year_tests.rs"]
mod tests;
