//! Which members the demo made up: counted apart from the real ones,
//! kept from taking a real member's phone, email or card, and taken out
//! again with their made-up receipts. Every function works inside the
//! caller's transaction.

use rusqlite::{Connection, Statement, params};

use super::demo_receipts::DEMO_SOURCE;
use crate::domain::member::MemberDraft;
use crate::error::Result;

/// Members who are not demo members (erased ones are not counted).
pub fn real_members(conn: &Connection) -> Result<i64> {
    Ok(conn.query_row(
        "SELECT count(*) FROM members m
         WHERE m.erased_at IS NULL
           AND NOT EXISTS (SELECT 1 FROM demo_members d WHERE d.member_id = m.id)",
        [],
        |r| r.get(0),
    )?)
}

/// Demo members in the club.
pub fn count(conn: &Connection) -> Result<i64> {
    Ok(conn.query_row("SELECT count(*) FROM demo_members", [], |r| r.get(0))?)
}

/// Every demo member's id.
pub fn ids(conn: &Connection) -> Result<Vec<i64>> {
    let mut stmt = conn.prepare("SELECT member_id FROM demo_members ORDER BY member_id")?;
    let ids = stmt.query_map([], |r| r.get(0))?;
    Ok(ids.collect::<rusqlite::Result<_>>()?)
}

/// Marks a member the demo just made.
pub fn mark(conn: &Connection, member_id: i64) -> Result<()> {
    conn.prepare_cached("INSERT OR IGNORE INTO demo_members (member_id) VALUES (?1)")?
        .execute([member_id])?;
    Ok(())
}

/// The demo till's receipts, with the points earned on them (by demo
/// members, or by a real member who claimed a made-up walk-in's receipt),
/// since those purchases never happened. Returns how many went.
pub fn remove_receipts(conn: &Connection) -> Result<usize> {
    conn.execute(
        "DELETE FROM points WHERE receipt_id IN (SELECT id FROM receipts WHERE source = ?1)",
        [DEMO_SOURCE],
    )?;
    Ok(conn.execute("DELETE FROM receipts WHERE source = ?1", [DEMO_SOURCE])?)
}

/// How the demo's answers at the counter are marked in `feedback.how`.
pub const DEMO_FEEDBACK: &str = "demo";

/// The demo's answers at the counter: left to the members' deletion they
/// would stay in the figures as anonymous answers.
pub fn remove_feedback(conn: &Connection) -> Result<usize> {
    Ok(conn.execute("DELETE FROM feedback WHERE how = ?1", [DEMO_FEEDBACK])?)
}

/// Asks whether a real member holds a phone, email or card, so that a
/// made-up person never shares one with them. Only worth asking when the
/// club has real members.
pub struct RealContacts<'c> {
    phone: Statement<'c>,
    email: Statement<'c>,
    card: Statement<'c>,
}

impl<'c> RealContacts<'c> {
    pub fn new(conn: &'c Connection) -> Result<Self> {
        let held = |column: &str| {
            format!(
                "SELECT EXISTS (SELECT 1 FROM members m WHERE {column} = ?1
                    AND NOT EXISTS (SELECT 1 FROM demo_members d WHERE d.member_id = m.id))"
            )
        };
        Ok(RealContacts {
            phone: conn.prepare(&held("m.phone"))?,
            email: conn.prepare(&held("lower(m.email)"))?,
            card: conn.prepare(&held("m.card"))?,
        })
    }

    /// True when a real member holds `value` as a phone, email or card.
    pub fn held(
        &mut self,
        phone: Option<&str>,
        email: Option<&str>,
        card: Option<&str>,
    ) -> Result<bool> {
        let ask = |stmt: &mut Statement, value: Option<String>| -> Result<bool> {
            match value {
                Some(v) => Ok(stmt.query_row(params![v], |r| r.get(0))?),
                None => Ok(false),
            }
        };
        Ok(ask(&mut self.phone, phone.map(str::to_string))?
            || ask(&mut self.email, email.map(str::to_lowercase))?
            || ask(&mut self.card, card.map(str::to_string))?)
    }

    /// Drops from `d` each of phone, email and card a real member holds.
    pub fn free(&mut self, d: &mut MemberDraft) -> Result<()> {
        if self.held(d.phone.as_deref(), None, None)? {
            d.phone = None;
        }
        if self.held(None, d.email.as_deref(), None)? {
            d.email = None;
        }
        if self.held(None, None, d.card.as_deref())? {
            d.card = None;
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use rusqlite::Connection;

    use crate::db::migrate::{migrate, migrate_to};

    #[test]
    fn a_club_filled_before_the_marks_has_its_demo_members_marked() {
        let mut conn = Connection::open_in_memory().unwrap();
        migrate_to(&mut conn, 10).unwrap();
        conn.execute_batch(
            "INSERT INTO members (id, first_name, sort_key, joined_at) VALUES
                 (1, 'Made', 'made', '2026-01-01'),
                 (2, 'Real', 'real', '2026-01-01'),
                 (3, 'Quiet', 'quiet', '2026-01-01');
             INSERT INTO receipts (source, till_id, local_date, total_minor, kind, member_id) VALUES
                 ('demo', 'D-1', '2026-02-01', 100, 'sale', 1),
                 ('demo', 'D-2', '2026-02-01', 100, 'sale', 2),
                 ('generic', 'R-1', '2026-02-02', 100, 'sale', 2);",
        )
        .unwrap();
        migrate(&mut conn).unwrap();
        // Only the member whose every receipt came from the demo till.
        assert_eq!(super::ids(&conn).unwrap(), vec![1]);
        assert_eq!(super::real_members(&conn).unwrap(), 2);
    }
}
