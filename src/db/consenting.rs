//! Members whose current consent on a channel is granted and who have the
//! contact for it: the raw list a contact export starts from.

use rusqlite::Connection;

use crate::domain::member::Channel;
use crate::error::Result;

/// One member with the channel's contact, as stored (E.164 or lower-case).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Consenting {
    pub member_id: i64,
    pub first_name: String,
    pub family_name: String,
    pub contact: String,
    pub language: Option<String>,
}

/// Members not erased whose last consent entry on `channel` grants it and
/// who have a phone (SMS, phone) or an email (email), by name. Post has
/// no contact column and lists nobody.
pub fn on_channel(conn: &Connection, channel: Channel) -> Result<Vec<Consenting>> {
    // The column is picked here from a fixed pair, never from input.
    let column = match channel {
        Channel::Sms | Channel::Phone => "phone",
        Channel::Email => "email",
        Channel::Post => return Ok(vec![]),
    };
    let sql = format!(
        "SELECT m.id, m.first_name, m.family_name, m.{column}, m.language
         FROM members m
         JOIN consents c ON c.member_id = m.id AND c.channel = ?1
         WHERE m.erased_at IS NULL AND m.{column} IS NOT NULL AND m.{column} <> ''
           AND c.id = (SELECT max(id) FROM consents
                       WHERE member_id = m.id AND channel = ?1)
           AND c.granted = 1
         ORDER BY m.family_name, m.first_name, m.id"
    );
    let mut stmt = conn.prepare(&sql)?;
    let rows = stmt.query_map([channel.code()], |r| {
        Ok(Consenting {
            member_id: r.get(0)?,
            first_name: r.get(1)?,
            family_name: r.get(2)?,
            contact: r.get(3)?,
            language: r.get(4)?,
        })
    })?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}
