//! Events as stored: the event itself, who was invited and who came. An
//! invitation or a visit to an event is one row per member; writing it
//! again changes nothing.

use chrono::{NaiveDate, NaiveDateTime};
use rusqlite::{Connection, OptionalExtension, Row, params};

use crate::db::members::{DATE, DATETIME};
use crate::domain::event::{Event, EventRow, Guest};
use crate::domain::member::full_name;
use crate::error::Result;

const COLUMNS: &str = "e.id, e.name, e.on_date, e.capacity";

fn event_of(r: &Row<'_>) -> rusqlite::Result<Event> {
    let date: String = r.get(2)?;
    Ok(Event {
        id: r.get(0)?,
        name: r.get(1)?,
        // Written by `insert` only, always as a day.
        date: NaiveDate::parse_from_str(&date, DATE).unwrap_or_default(),
        capacity: r.get(3)?,
    })
}

/// Stores a new event; returns its id.
pub fn insert(
    conn: &Connection,
    name: &str,
    date: NaiveDate,
    capacity: Option<i64>,
    at: NaiveDateTime,
) -> Result<i64> {
    conn.execute(
        "INSERT INTO events (name, on_date, capacity, created_at) VALUES (?1, ?2, ?3, ?4)",
        params![
            name,
            date.format(DATE).to_string(),
            capacity,
            at.format(DATETIME).to_string()
        ],
    )?;
    Ok(conn.last_insert_rowid())
}

pub fn get(conn: &Connection, id: i64) -> Result<Option<Event>> {
    Ok(conn
        .query_row(
            &format!("SELECT {COLUMNS} FROM events e WHERE e.id = ?1"),
            [id],
            event_of,
        )
        .optional()?)
}

/// Every event with its counts, the latest day first; with `until`, only
/// events on or before that day.
pub fn list(conn: &Connection, until: Option<NaiveDate>, limit: i64) -> Result<Vec<EventRow>> {
    let mut stmt = conn.prepare_cached(&format!(
        "SELECT {COLUMNS},
                (SELECT count(*) FROM event_invites i WHERE i.event_id = e.id),
                (SELECT count(*) FROM event_attendance a WHERE a.event_id = e.id)
         FROM events e
         WHERE ?1 IS NULL OR e.on_date <= ?1
         ORDER BY e.on_date DESC, e.id DESC LIMIT ?2"
    ))?;
    let until = until.map(|d| d.format(DATE).to_string());
    let rows = stmt.query_map(params![until, limit], |r| {
        Ok(EventRow {
            event: event_of(r)?,
            invited: r.get(4)?,
            attended: r.get(5)?,
        })
    })?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// Records `member` as invited on channel `how`; false when they were
/// invited already (the first invitation stays).
pub fn invite(
    conn: &Connection,
    event: i64,
    member: i64,
    how: &str,
    at: NaiveDateTime,
) -> Result<bool> {
    let added = conn
        .prepare_cached(
            "INSERT OR IGNORE INTO event_invites (event_id, member_id, at, how) VALUES (?1, ?2, ?3, ?4)",
        )?
        .execute(params![event, member, at.format(DATETIME).to_string(), how])?;
    Ok(added == 1)
}

/// Records that `member` came; false when that was recorded already.
pub fn attend(
    conn: &Connection,
    event: i64,
    member: i64,
    how: &str,
    at: NaiveDateTime,
) -> Result<bool> {
    let added = conn.execute(
        "INSERT OR IGNORE INTO event_attendance (event_id, member_id, at, how) VALUES (?1, ?2, ?3, ?4)",
        params![event, member, at.format(DATETIME).to_string(), how],
    )?;
    Ok(added == 1)
}

/// Takes back a visit marked by mistake; false when there was none.
pub fn forget_attendance(conn: &Connection, event: i64, member: i64) -> Result<bool> {
    let gone = conn.execute(
        "DELETE FROM event_attendance WHERE event_id = ?1 AND member_id = ?2",
        params![event, member],
    )?;
    Ok(gone == 1)
}

/// When `member` was marked as come, if they were.
pub fn attended_at(conn: &Connection, event: i64, member: i64) -> Result<Option<NaiveDateTime>> {
    let at: Option<String> = conn
        .query_row(
            "SELECT at FROM event_attendance WHERE event_id = ?1 AND member_id = ?2",
            params![event, member],
            |r| r.get(0),
        )
        .optional()?;
    Ok(at.and_then(|t| NaiveDateTime::parse_from_str(&t, DATETIME).ok()))
}

fn ids(conn: &Connection, table: &str, event: i64) -> Result<Vec<i64>> {
    let mut stmt = conn.prepare_cached(&format!(
        "SELECT member_id FROM {table} WHERE event_id = ?1 ORDER BY member_id"
    ))?;
    let rows = stmt.query_map([event], |r| r.get(0))?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// The members invited, by id.
pub fn invited(conn: &Connection, event: i64) -> Result<Vec<i64>> {
    ids(conn, "event_invites", event)
}

/// The members who came, by id.
pub fn attended(conn: &Connection, event: i64) -> Result<Vec<i64>> {
    ids(conn, "event_attendance", event)
}

/// Everyone invited to or come to the event, by name.
pub fn guests(conn: &Connection, event: i64) -> Result<Vec<Guest>> {
    let mut stmt = conn.prepare_cached(
        "SELECT m.id, m.first_name, m.family_name,
                EXISTS (SELECT 1 FROM event_invites i WHERE i.event_id = ?1 AND i.member_id = m.id),
                EXISTS (SELECT 1 FROM event_attendance a WHERE a.event_id = ?1 AND a.member_id = m.id)
         FROM members m
         WHERE m.id IN (SELECT member_id FROM event_invites WHERE event_id = ?1
                        UNION SELECT member_id FROM event_attendance WHERE event_id = ?1)
         ORDER BY m.sort_key, m.id",
    )?;
    let rows = stmt.query_map([event], |r| {
        let first: String = r.get(1)?;
        let family: String = r.get(2)?;
        Ok(Guest {
            member_id: r.get(0)?,
            name: full_name(&first, &family),
            invited: r.get(3)?,
            came: r.get(4)?,
        })
    })?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}
