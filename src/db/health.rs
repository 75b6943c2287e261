//! What `regulars check` asks SQLite about the file itself: whether its
//! pages are sound, whether every reference points at a row that exists,
//! and whether the points ledger holds rows the app never writes.

use rusqlite::{Connection, ErrorCode};

use crate::error::Result;

/// A row that refers to a row that is not there (`PRAGMA foreign_key_check`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MissingRow {
    /// The table of the row that refers.
    pub table: String,
    pub rowid: Option<i64>,
    /// The table the missing row should be in.
    pub parent: String,
}

/// A points row whose amount contradicts why it was written: the balance,
/// being the sum of the rows, is wrong by it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BadPoints {
    pub id: i64,
    pub member_id: i64,
    /// `redeem`, `expire`, `bonus` or `adjust`.
    pub reason: String,
    pub delta: i64,
    pub at: String,
}

/// What `PRAGMA integrity_check` finds; empty when the file is sound. A
/// page too broken for the check to walk stops it with SQLite's "malformed"
/// error: that is its finding too, not a failure of the command.
pub fn damage(conn: &Connection) -> Result<Vec<String>> {
    let lines = conn.prepare("PRAGMA integrity_check").and_then(|mut stmt| {
        stmt.query_map([], |r| r.get::<_, String>(0))?
            .collect::<rusqlite::Result<Vec<_>>>()
    });
    match lines {
        Ok(lines) => Ok(lines.into_iter().filter(|l| l != "ok").collect()),
        Err(e) if e.sqlite_error_code() == Some(ErrorCode::DatabaseCorrupt) => {
            Ok(vec![e.to_string()])
        }
        Err(e) => Err(e.into()),
    }
}

/// Rows that refer to rows that do not exist (written while foreign keys
/// were off, or by another program).
pub fn missing_rows(conn: &Connection) -> Result<Vec<MissingRow>> {
    let mut stmt = conn.prepare("PRAGMA foreign_key_check")?;
    let rows = stmt
        .query_map([], |r| {
            Ok(MissingRow {
                table: r.get(0)?,
                rowid: r.get(1)?,
                parent: r.get(2)?,
            })
        })?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    Ok(rows)
}

/// Points rows the app never writes: a redemption or an expiry only ever
/// takes points, a bonus only ever gives them, and an adjustment of
/// nothing is refused. Earned points go either way (a refund takes back).
pub fn bad_points(conn: &Connection) -> Result<Vec<BadPoints>> {
    let mut stmt = conn.prepare(
        "SELECT id, member_id, reason, delta, at FROM points
         WHERE (reason IN ('redeem', 'expire') AND delta >= 0)
            OR (reason = 'bonus' AND delta <= 0)
            OR (reason = 'adjust' AND delta = 0)
         ORDER BY member_id, id",
    )?;
    let rows = stmt
        .query_map([], |r| {
            Ok(BadPoints {
                id: r.get(0)?,
                member_id: r.get(1)?,
                reason: r.get(2)?,
                delta: r.get(3)?,
                at: r.get(4)?,
            })
        })?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    Ok(rows)
}
