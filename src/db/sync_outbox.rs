//! This shop's side of the chain: the outbox of changes not yet on the
//! server, whether changes are being recorded, the pull cursors, and the
//! erasures and merges a pull left to do.

use rusqlite::{Connection, OptionalExtension, params};

use crate::error::Result;

/// One change waiting to be sent.
#[derive(Debug, Clone, PartialEq)]
pub struct Change {
    pub seq: i64,
    pub kind: String,
    pub key: String,
    /// For a member: the field changed, `*` for all of them.
    pub field: Option<String>,
    /// When it changed by the app's clock; None when made without one.
    pub at: Option<String>,
}

/// Whether this shop has synced before: then its rows have chain ids and
/// its changes are recorded.
pub fn started(conn: &Connection) -> Result<bool> {
    Ok(conn
        .query_row(
            "SELECT 1 FROM sqlite_schema WHERE type = 'trigger' AND name = 'members_sync_new'",
            [],
            |_| Ok(()),
        )
        .optional()?
        .is_some())
}

/// Whether changes are recorded now (they are not while a pull writes).
pub fn recording(conn: &Connection) -> Result<bool> {
    Ok(conn.query_row("SELECT recording FROM sync_mode", [], |r| r.get(0))?)
}

/// Turns recording off while pulled rows are written (in the caller's
/// transaction, which turns it back on before it commits).
pub fn set_recording(conn: &Connection, on: bool) -> Result<()> {
    conn.execute("UPDATE sync_mode SET recording = ?1", [on])?;
    Ok(())
}

/// The first sync: every travelling row gets its chain id, everything this
/// shop holds goes into the outbox, and from now on every change is
/// recorded. In the caller's transaction, on a connection of the app.
pub fn start(conn: &Connection) -> Result<()> {
    conn.execute_batch(include_str!("sync_triggers.sql"))?;
    conn.execute_batch(
        "INSERT INTO sync_outbox (kind, key, field)
             SELECT 'member', uid, '*' FROM members WHERE erased_at IS NULL ORDER BY id;
         INSERT INTO sync_outbox (kind, key, at)
             SELECT 'erasure', uid, erased_at FROM members WHERE erased_at IS NOT NULL ORDER BY id;
         INSERT INTO sync_outbox (kind, key) SELECT 'children', uid FROM children ORDER BY id;
         INSERT INTO sync_outbox (kind, key) SELECT 'pets', uid FROM pets ORDER BY id;
         INSERT INTO sync_outbox (kind, key) SELECT 'consents', uid FROM consents ORDER BY id;
         INSERT INTO sync_outbox (kind, key) SELECT 'contact_log', uid FROM contact_log ORDER BY id;
         INSERT INTO sync_outbox (kind, key) SELECT 'notes', uid FROM notes ORDER BY id;
         INSERT INTO sync_outbox (kind, key) SELECT 'feedback', uid FROM feedback ORDER BY id;
         INSERT INTO sync_outbox (kind, key) SELECT 'survey_answers', uid FROM survey_answers ORDER BY id;
         INSERT INTO sync_outbox (kind, key) SELECT 'points', uid FROM points
             WHERE reason IN ('redeem', 'adjust') AND uid IS NOT NULL ORDER BY id;
         INSERT INTO sync_outbox (kind, key) SELECT 'events', uid FROM events ORDER BY id;
         INSERT INTO sync_outbox (kind, key)
             SELECT 'invite', e.uid || ' ' || m.uid FROM event_invites i
             JOIN events e ON e.id = i.event_id JOIN members m ON m.id = i.member_id;
         INSERT INTO sync_outbox (kind, key)
             SELECT 'attendance', e.uid || ' ' || m.uid FROM event_attendance a
             JOIN events e ON e.id = a.event_id JOIN members m ON m.id = a.member_id;
         INSERT INTO sync_outbox (kind, key) SELECT 'suppression', hash FROM suppression;
         INSERT INTO sync_outbox (kind, key)
             SELECT 'merge', m.uid FROM merges g JOIN members m ON m.id = g.drop_id ORDER BY g.id;
         INSERT INTO sync_outbox (kind, key) SELECT 'receipt', id FROM receipts ORDER BY id;
         UPDATE sync_mode SET recording = 1;",
    )?;
    Ok(())
}

/// Up to `limit` changes waiting to be sent, oldest first.
pub fn changes(conn: &Connection, limit: usize) -> Result<Vec<Change>> {
    let mut stmt = conn.prepare_cached(
        "SELECT seq, kind, key, field, at FROM sync_outbox ORDER BY seq LIMIT ?1",
    )?;
    let rows = stmt.query_map(params![limit as i64], |r| {
        Ok(Change {
            seq: r.get(0)?,
            kind: r.get(1)?,
            key: r.get(2)?,
            field: r.get(3)?,
            at: r.get(4)?,
        })
    })?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// Forgets changes up to `seq`: called once the server has committed them.
pub fn sent(conn: &Connection, upto: i64) -> Result<()> {
    conn.execute("DELETE FROM sync_outbox WHERE seq <= ?1", [upto])?;
    Ok(())
}

/// How many changes wait to be sent.
pub fn waiting(conn: &Connection) -> Result<i64> {
    Ok(conn.query_row("SELECT count(*) FROM sync_outbox", [], |r| r.get(0))?)
}

/// Whether a member's field has a change of this shop not yet sent: a
/// pulled value must not overwrite it (the server decides when it arrives).
pub fn field_waiting(conn: &Connection, uid: &str, field: &str) -> Result<bool> {
    Ok(conn
        .prepare_cached(
            "SELECT 1 FROM sync_outbox WHERE kind = 'member' AND key = ?1
               AND (field = ?2 OR field = '*') LIMIT 1",
        )?
        .query_row([uid, field], |_| Ok(()))
        .optional()?
        .is_some())
}

/// Whether a travelling row has a change of this shop not yet sent.
pub fn row_waiting(conn: &Connection, kind: &str, key: &str) -> Result<bool> {
    Ok(conn
        .prepare_cached("SELECT 1 FROM sync_outbox WHERE kind = ?1 AND key = ?2 LIMIT 1")?
        .query_row([kind, key], |_| Ok(()))
        .optional()?
        .is_some())
}

/// A value kept about the chain (`cursor:members`, `shop`, …).
pub fn state(conn: &Connection, name: &str) -> Result<Option<String>> {
    Ok(conn
        .query_row(
            "SELECT value FROM sync_state WHERE name = ?1",
            [name],
            |r| r.get(0),
        )
        .optional()?)
}

pub fn set_state(conn: &Connection, name: &str, value: &str) -> Result<()> {
    conn.execute(
        "INSERT INTO sync_state (name, value) VALUES (?1, ?2)
         ON CONFLICT (name) DO UPDATE SET value = excluded.value",
        [name, value],
    )?;
    Ok(())
}

/// An erasure or merge pulled, to be done by its own operation.
#[derive(Debug, Clone, PartialEq)]
pub struct Todo {
    pub seq: i64,
    pub kind: String,
    pub key: String,
    pub body: Option<String>,
}

pub fn add_todo(conn: &Connection, kind: &str, key: &str, body: Option<&str>) -> Result<()> {
    conn.execute(
        "INSERT INTO sync_todo (kind, key, body) VALUES (?1, ?2, ?3)",
        params![kind, key, body],
    )?;
    Ok(())
}

pub fn todos(conn: &Connection) -> Result<Vec<Todo>> {
    let mut stmt = conn.prepare("SELECT seq, kind, key, body FROM sync_todo ORDER BY seq")?;
    let rows = stmt.query_map([], |r| {
        Ok(Todo {
            seq: r.get(0)?,
            kind: r.get(1)?,
            key: r.get(2)?,
            body: r.get(3)?,
        })
    })?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

pub fn todo_done(conn: &Connection, seq: i64) -> Result<()> {
    conn.execute("DELETE FROM sync_todo WHERE seq = ?1", [seq])?;
    Ok(())
}

/// The local member a chain id names now: a member merged away stands for
/// the one kept (followed through several merges).
pub fn member_id(conn: &Connection, uid: &str) -> Result<Option<i64>> {
    let Some((mut id, mut erased)) = member_row(conn, uid)? else {
        return Ok(None);
    };
    for _ in 0..16 {
        if !erased {
            return Ok(Some(id));
        }
        let kept: Option<(i64, bool)> = conn
            .prepare_cached(
                "SELECT m.id, m.erased_at IS NOT NULL FROM merges g JOIN members m ON m.id = g.keep_id
                 WHERE g.drop_id = ?1 ORDER BY g.id DESC LIMIT 1",
            )?
            .query_row([id], |r| Ok((r.get(0)?, r.get(1)?)))
            .optional()?;
        match kept {
            Some((k, e)) => (id, erased) = (k, e),
            None => return Ok(None),
        }
    }
    Ok(None)
}

/// The chain id of a local member.
pub fn member_uid(conn: &Connection, id: i64) -> Result<Option<String>> {
    Ok(conn
        .prepare_cached("SELECT uid FROM members WHERE id = ?1")?
        .query_row([id], |r| r.get(0))
        .optional()?)
}

/// Replaces the suppression key with the chain's and empties the list, in
/// the caller's transaction: hashes made with the old key match nothing
/// under the new one. The caller puts back what it can work out again.
pub fn replace_suppression_key(conn: &Connection, key: &[u8]) -> Result<()> {
    conn.execute(
        "INSERT INTO secrets (name, value) VALUES ('suppression', ?1)
         ON CONFLICT (name) DO UPDATE SET value = excluded.value",
        [key],
    )?;
    conn.execute("DELETE FROM suppression", [])?;
    Ok(())
}

/// Members (not erased) whose last consent entry on a channel withdraws
/// it: (member id, channel code).
pub fn withdrawn(conn: &Connection) -> Result<Vec<(i64, String)>> {
    let mut stmt = conn.prepare(
        "SELECT c.member_id, c.channel FROM consents c JOIN members m ON m.id = c.member_id
         WHERE m.erased_at IS NULL AND c.granted = 0
           AND c.id = (SELECT max(id) FROM consents WHERE member_id = c.member_id AND channel = c.channel)",
    )?;
    let rows = stmt.query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// A member's local id and whether they are erased, by chain id (merges
/// not followed).
pub fn member_row(conn: &Connection, uid: &str) -> Result<Option<(i64, bool)>> {
    Ok(conn
        .prepare_cached("SELECT id, erased_at IS NOT NULL FROM members WHERE uid = ?1")?
        .query_row([uid], |r| Ok((r.get(0)?, r.get(1)?)))
        .optional()?)
}
