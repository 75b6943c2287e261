//! Service notes as stored: one row each, never deleted while the member
//! stays; resolving fills in when and what was done.

use std::collections::HashMap;

use chrono::NaiveDateTime;
use rusqlite::{Connection, OptionalExtension, Row, params, params_from_iter};

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
    // One member's notes come off their index (every card opened reads
    // them); `?1 IS NULL OR member_id = ?1` would read every note.
    let whose = match member {
        Some(_) => "member_id = ?1",
        None => "?1 IS NULL",
    };
    let sql = format!(
        "SELECT {COLUMNS} FROM notes
         WHERE {whose}
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

/// How many requests and complaints are open for each of `ids` that has
/// any: one query for the rows the counter shows, on the index of the
/// open ones, so a keystroke stays as quick as before.
pub fn open_counts(conn: &Connection, ids: &[i64]) -> Result<HashMap<i64, i64>> {
    if ids.is_empty() {
        return Ok(HashMap::new());
    }
    let marks = vec!["?"; ids.len()].join(",");
    let sql = format!(
        "SELECT member_id, count(*) FROM notes
         WHERE member_id IN ({marks}) AND resolved_at IS NULL AND kind <> 'note'
         GROUP BY member_id"
    );
    let mut stmt = conn.prepare(&sql)?;
    let rows = stmt.query_map(params_from_iter(ids), |r| Ok((r.get(0)?, r.get(1)?)))?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// A member with requests or complaints still open, for the weekly review.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OpenNotes {
    pub member_id: i64,
    pub complaints: i64,
    pub requests: i64,
    /// When the oldest open one was written, and what it says.
    pub since: NaiveDateTime,
    pub oldest_text: String,
}

/// Every member with open requests or complaints, the longest waiting
/// first (erased members have no notes left).
pub fn open_by_member(conn: &Connection) -> Result<Vec<OpenNotes>> {
    let mut stmt = conn.prepare(
        "SELECT n.member_id,
                sum(n.kind = 'complaint'), sum(n.kind = 'request'), min(n.at),
                (SELECT o.text FROM notes o
                  WHERE o.member_id = n.member_id AND o.resolved_at IS NULL
                    AND o.kind <> 'note'
                  ORDER BY o.at, o.id LIMIT 1)
         FROM notes n JOIN members m ON m.id = n.member_id AND m.erased_at IS NULL
         WHERE n.resolved_at IS NULL AND n.kind <> 'note'
         GROUP BY n.member_id
         ORDER BY min(n.at), n.member_id",
    )?;
    let rows = stmt.query_map([], |r| {
        Ok(OpenNotes {
            member_id: r.get(0)?,
            complaints: r.get(1)?,
            requests: r.get(2)?,
            since: time(Some(r.get(3)?)).unwrap_or_default(),
            oldest_text: r.get(4)?,
        })
    })?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::member::MemberDraft;

    fn at(day: u32) -> NaiveDateTime {
        chrono::NaiveDate::from_ymd_opt(2026, 11, day)
            .unwrap()
            .and_hms_opt(10, 0, 0)
            .unwrap()
    }

    fn member(conn: &Connection, name: &str) -> i64 {
        let draft = MemberDraft {
            first_name: name.into(),
            family_name: "Test".into(),
            ..MemberDraft::default()
        };
        crate::db::members::insert(conn, &draft, &[], at(1)).unwrap()
    }

    #[test]
    fn open_ones_are_counted_per_member_and_listed_longest_waiting_first() {
        let conn = crate::db::open_in_memory().unwrap();
        let (ana, bo, cy) = (
            member(&conn, "Ana"),
            member(&conn, "Bo"),
            member(&conn, "Cy"),
        );
        insert(&conn, ana, NoteKind::Note, "likes dark roast", "cli", at(2)).unwrap();
        insert(
            &conn,
            ana,
            NoteKind::Request,
            "order oat milk",
            "cli",
            at(5),
        )
        .unwrap();
        let done = insert(&conn, ana, NoteKind::Complaint, "bag tore", "cli", at(3)).unwrap();
        resolve(&conn, done, "new bag given", at(4)).unwrap();
        insert(&conn, bo, NoteKind::Complaint, "cold coffee", "cli", at(3)).unwrap();
        insert(&conn, bo, NoteKind::Request, "call back", "cli", at(6)).unwrap();
        insert(&conn, cy, NoteKind::Note, "only a note", "cli", at(3)).unwrap();

        let counts = open_counts(&conn, &[ana, bo, cy]).unwrap();
        assert_eq!(counts.get(&ana), Some(&1));
        assert_eq!(counts.get(&bo), Some(&2));
        assert_eq!(counts.get(&cy), None);
        assert!(open_counts(&conn, &[]).unwrap().is_empty());

        let open = open_by_member(&conn).unwrap();
        let ids: Vec<i64> = open.iter().map(|o| o.member_id).collect();
        assert_eq!(ids, vec![bo, ana]);
        assert_eq!((open[0].complaints, open[0].requests), (1, 1));
        assert_eq!(open[0].oldest_text, "cold coffee");
        assert_eq!(open[0].since, at(3));
        assert_eq!((open[1].complaints, open[1].requests), (0, 1));
        assert_eq!(open[1].oldest_text, "order oat milk");
    }
}
