//! Service notes as stored: one row each, never deleted while the member
//! stays; resolving fills in when and what was done.

use chrono::NaiveDateTime;
use rusqlite::{Connection, OptionalExtension, Row, params};

use crate::db::members::DATETIME;
use crate::domain::note::{Note, NoteKind};
use crate::error::Result;

const COLUMNS: &str = "id, member_id, kind, text, by, at, resolved_at, resolution";

fn time(text: Option<String>) -> Option<NaiveDateTime> {
    text.and_then(|t| NaiveDateTime::parse_from_str(&t, DATETIME).ok())
}

fn note_of(r: &Row<'_>) -> rusqlite::Result<Note> {
    let kind: String = r.get(2)?;
    Ok(Note {
        id: r.get(0)?,
        member_id: r.get(1)?,
        // The table's CHECK admits only the three words.
        kind: NoteKind::parse(&kind).unwrap_or(NoteKind::Note),
        text: r.get(3)?,
        by: r.get(4)?,
        at: time(Some(r.get(5)?)).unwrap_or_default(),
        resolved_at: time(r.get(6)?),
        resolution: r.get(7)?,
    })
}

/// Stores a new note; returns its id.
pub fn insert(
    conn: &Connection,
    member: i64,
    kind: NoteKind,
    text: &str,
    by: &str,
    at: NaiveDateTime,
) -> Result<i64> {
    conn.prepare_cached(
        "INSERT INTO notes (member_id, kind, text, by, at) VALUES (?1, ?2, ?3, ?4, ?5)",
    )?
    .execute(params![
        member,
        kind.as_str(),
        text,
        by,
        at.format(DATETIME).to_string()
    ])?;
    Ok(conn.last_insert_rowid())
}

pub fn get(conn: &Connection, id: i64) -> Result<Option<Note>> {
    Ok(conn
        .query_row(
            &format!("SELECT {COLUMNS} FROM notes WHERE id = ?1"),
            [id],
            note_of,
        )
        .optional()?)
}

/// Notes of one member (or everyone's), newest first; `open_only` keeps
/// the requests and complaints not resolved.
pub fn list(conn: &Connection, member: Option<i64>, open_only: bool) -> Result<Vec<Note>> {
    let sql = format!(
        "SELECT {COLUMNS} FROM notes
         WHERE (?1 IS NULL OR member_id = ?1)
           AND (?2 = 0 OR (resolved_at IS NULL AND kind <> 'note'))
         ORDER BY at DESC, id DESC"
    );
    let mut stmt = conn.prepare_cached(&sql)?;
    let rows = stmt.query_map(params![member, open_only], note_of)?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// Marks note `id` resolved at `at` with `how`; false when it was not an
/// open request or complaint (nothing is written then).
pub fn resolve(conn: &Connection, id: i64, how: &str, at: NaiveDateTime) -> Result<bool> {
    let changed = conn.execute(
        "UPDATE notes SET resolved_at = ?2, resolution = ?3
         WHERE id = ?1 AND resolved_at IS NULL AND kind <> 'note'",
        params![id, at.format(DATETIME).to_string(), how],
    )?;
    Ok(changed == 1)
}

/// How many requests and complaints of the member are still open.
pub fn open_count(conn: &Connection, member: i64) -> Result<i64> {
    Ok(conn.query_row(
        "SELECT count(*) FROM notes WHERE member_id = ?1 AND resolved_at IS NULL AND kind <> 'note'",
        [member],
        |r| r.get(0),
    )?)
}
