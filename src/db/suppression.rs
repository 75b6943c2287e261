//! The suppression list and the database's own key for it: keyed hashes
//! of contacts that asked not to be messaged, and the consent history.

use std::collections::HashSet;

use chrono::NaiveDateTime;
use rusqlite::{Connection, OptionalExtension, params};

use super::members::DATETIME;
use crate::domain::consent::ConsentEntry;
use crate::domain::member::Channel;
use crate::error::{Result, UnknownCode};

const SUPPRESSION_KEY: &str = "suppression";

/// The key the suppression hashes are made with: random, made on first
/// use in the caller's transaction and kept in this database only, so a
/// hash cannot be matched against a list of all phone numbers elsewhere.
pub fn key(conn: &Connection) -> Result<Vec<u8>> {
    let read = |conn: &Connection| -> Result<Option<Vec<u8>>> {
        Ok(conn
            .query_row(
                "SELECT value FROM secrets WHERE name = ?1",
                [SUPPRESSION_KEY],
                |r| r.get(0),
            )
            .optional()?)
    };
    if let Some(key) = read(conn)? {
        return Ok(key);
    }
    let fresh: [u8; 32] = rand::random();
    conn.execute(
        "INSERT OR IGNORE INTO secrets (name, value) VALUES (?1, ?2)",
        params![SUPPRESSION_KEY, fresh.to_vec()],
    )?;
    Ok(read(conn)?.unwrap_or_else(|| fresh.to_vec()))
}

/// Adds a hash (once; the first withdrawal's time is kept).
pub fn add(conn: &Connection, hash: &str, channel: Channel, at: NaiveDateTime) -> Result<()> {
    conn.execute(
        "INSERT OR IGNORE INTO suppression (hash, channel, at) VALUES (?1, ?2, ?3)",
        params![hash, channel.code(), at.format(DATETIME).to_string()],
    )?;
    Ok(())
}

pub fn remove(conn: &Connection, hash: &str) -> Result<()> {
    conn.execute("DELETE FROM suppression WHERE hash = ?1", [hash])?;
    Ok(())
}

pub fn contains(conn: &Connection, hash: &str) -> Result<bool> {
    Ok(conn
        .query_row("SELECT 1 FROM suppression WHERE hash = ?1", [hash], |_| {
            Ok(())
        })
        .optional()?
        .is_some())
}

/// Every hash on the list, for an export that checks many rows at once.
pub fn all(conn: &Connection) -> Result<HashSet<String>> {
    let mut stmt = conn.prepare("SELECT hash FROM suppression")?;
    let rows = stmt.query_map([], |r| r.get(0))?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// A member's whole consent log, newest first.
pub fn history(conn: &Connection, member_id: i64) -> Result<Vec<ConsentEntry>> {
    let mut stmt = conn.prepare_cached(
        "SELECT channel, granted, at, how FROM consents WHERE member_id = ?1 ORDER BY id DESC",
    )?;
    let rows = stmt.query_map([member_id], |r| {
        let channel: String = r.get(0)?;
        let at: String = r.get(2)?;
        Ok(ConsentEntry {
            channel: Channel::from_code(&channel)
                .ok_or_else(|| UnknownCode::at("consents.channel", 0, &channel))?,
            granted: r.get(1)?,
            at: NaiveDateTime::parse_from_str(&at, DATETIME).unwrap_or_default(),
            how: r.get(3)?,
        })
    })?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}
