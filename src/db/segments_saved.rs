//! Segments saved by name. A name is found in any letter case; saving
//! under a name already taken replaces what it meant.

use rusqlite::{Connection, OptionalExtension, params};

use crate::error::Result;

/// A saved segment: its name and its expression as printed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Saved {
    pub name: String,
    pub expr: String,
}

pub fn save(conn: &Connection, name: &str, expr: &str, at: &str) -> Result<()> {
    conn.execute(
        "INSERT INTO segments (name, expr, saved_at) VALUES (?1, ?2, ?3)
         ON CONFLICT (name) DO UPDATE SET expr = excluded.expr, saved_at = excluded.saved_at",
        params![name, expr, at],
    )?;
    Ok(())
}

pub fn find(conn: &Connection, name: &str) -> Result<Option<Saved>> {
    Ok(conn
        .query_row(
            "SELECT name, expr FROM segments WHERE name = ?1",
            [name.trim()],
            |r| {
                Ok(Saved {
                    name: r.get(0)?,
                    expr: r.get(1)?,
                })
            },
        )
        .optional()?)
}

/// Every saved segment, by name.
pub fn list(conn: &Connection) -> Result<Vec<Saved>> {
    let mut stmt = conn.prepare_cached("SELECT name, expr FROM segments ORDER BY name")?;
    let all = stmt
        .query_map([], |r| {
            Ok(Saved {
                name: r.get(0)?,
                expr: r.get(1)?,
            })
        })?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    Ok(all)
}
