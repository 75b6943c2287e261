//! Demo data (placeholder until the generator lands).

use chrono::NaiveDateTime;
use rusqlite::Connection;

use crate::error::Result;

/// Adds `members` demo members, the same ones for the same `seed`.
pub fn fill(
    _conn: &mut Connection,
    _now: NaiveDateTime,
    _members: usize,
    _seed: u64,
) -> Result<usize> {
    Ok(0)
}
