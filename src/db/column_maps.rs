//! Column maps kept by header: how a till export no format reads was
//! mapped once, so the next file with the same header needs no questions.

use chrono::NaiveDateTime;
use rusqlite::{Connection, params};

use crate::error::Result;

/// Every kept map (as `--map` writes it) with its header key.
pub fn kept(conn: &Connection) -> Result<Vec<(String, String)>> {
    let mut stmt = conn.prepare("SELECT header_key, map FROM column_maps")?;
    let rows = stmt.query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// Keeps `map` (as `--map` writes it) for the header `key`, replacing an
/// earlier one.
pub fn keep(conn: &Connection, key: &str, map: &str, now: NaiveDateTime) -> Result<()> {
    conn.execute(
        "INSERT INTO column_maps (header_key, map, saved_at) VALUES (?1, ?2, ?3)
         ON CONFLICT(header_key) DO UPDATE SET map = excluded.map, saved_at = excluded.saved_at",
        params![key, map, now.format("%Y-%m-%dT%H:%M:%S").to_string()],
    )?;
    Ok(())
}
