//! The contact log: who was wished a happy birthday or asked to come back,
//! on which channel and when. Append-only, like the consent log.

use std::collections::HashMap;

use chrono::{NaiveDate, NaiveDateTime};
use rusqlite::{Connection, Row, params};

use super::members::{DATE, DATETIME};
use crate::domain::contact::{ContactChannel, ContactEntry, ContactReason};
use crate::error::{Result, UnknownCode};

/// Writes one entry.
pub fn record(conn: &Connection, entry: &ContactEntry) -> Result<()> {
    conn.execute(
        "INSERT INTO contact_log (member_id, what, for_date, channel, at) VALUES (?1, ?2, ?3, ?4, ?5)",
        params![
            entry.member_id,
            entry.reason.code(),
            entry.for_date.map(|d| d.format(DATE).to_string()),
            entry.channel.code(),
            entry.at.format(DATETIME).to_string()
        ],
    )?;
    Ok(())
}

/// A log row. A code this version does not know is an error, never read
/// as another reason or channel; a row whose time cannot be read is left
/// out.
fn entry(r: &Row) -> rusqlite::Result<Option<ContactEntry>> {
    let what: String = r.get(1)?;
    let for_date: Option<String> = r.get(2)?;
    let channel: String = r.get(3)?;
    let at: String = r.get(4)?;
    let reason = ContactReason::from_code(&what)
        .ok_or_else(|| UnknownCode::at("contact_log.what", 1, &what))?;
    let channel = ContactChannel::from_code(&channel)
        .ok_or_else(|| UnknownCode::at("contact_log.channel", 3, &channel))?;
    let Ok(at) = NaiveDateTime::parse_from_str(&at, DATETIME) else {
        return Ok(None);
    };
    Ok(Some(ContactEntry {
        member_id: r.get(0)?,
        reason,
        for_date: for_date.and_then(|d| NaiveDate::parse_from_str(&d, DATE).ok()),
        channel,
        at,
    }))
}

/// A member's log, newest first (the member card shows it).
pub fn of_member(conn: &Connection, member_id: i64) -> Result<Vec<ContactEntry>> {
    let mut stmt = conn.prepare_cached(
        "SELECT member_id, what, for_date, channel, at FROM contact_log
         WHERE member_id = ?1 ORDER BY at DESC, id DESC",
    )?;
    let rows = stmt.query_map([member_id], entry)?;
    let mut out = vec![];
    for row in rows {
        out.extend(row?);
    }
    Ok(out)
}

/// Entries about days on or after `since`, of the given members, by member:
/// enough to grey out the rows of the weekly list that are done.
pub fn since_for(
    conn: &Connection,
    member_ids: &[i64],
    since: NaiveDate,
) -> Result<HashMap<i64, Vec<ContactEntry>>> {
    let mut by_member: HashMap<i64, Vec<ContactEntry>> = HashMap::new();
    if member_ids.is_empty() {
        return Ok(by_member);
    }
    let ids = serde_json::to_string(member_ids).unwrap_or_else(|_| "[]".into());
    let mut stmt = conn.prepare_cached(
        "SELECT member_id, what, for_date, channel, at FROM contact_log
         WHERE member_id IN (SELECT value FROM json_each(?1)) AND for_date >= ?2
         ORDER BY at, id",
    )?;
    let rows = stmt.query_map(params![ids, since.format(DATE).to_string()], entry)?;
    for row in rows {
        if let Some(e) = row? {
            by_member.entry(e.member_id).or_default().push(e);
        }
    }
    Ok(by_member)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::member::{Channel, MemberDraft};

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    #[test]
    fn entries_read_back_newest_first_and_by_day() {
        let conn = crate::db::open_in_memory().unwrap();
        let now = d(2026, 11, 23).and_hms_opt(12, 0, 0).unwrap();
        let draft = MemberDraft {
            first_name: "Ana".into(),
            ..MemberDraft::default()
        };
        let id = crate::db::members::insert(&conn, &draft, &[], now).unwrap();
        let wish = ContactEntry {
            member_id: id,
            reason: ContactReason::Birthday,
            for_date: Some(d(2026, 11, 26)),
            channel: ContactChannel::Message(Channel::Sms),
            at: now,
        };
        let winback = ContactEntry {
            reason: ContactReason::Winback,
            for_date: Some(d(2026, 8, 1)),
            channel: ContactChannel::InShop,
            at: now + chrono::Duration::hours(1),
            ..wish.clone()
        };
        record(&conn, &wish).unwrap();
        record(&conn, &winback).unwrap();
        assert_eq!(
            of_member(&conn, id).unwrap(),
            vec![winback.clone(), wish.clone()]
        );
        let recent = since_for(&conn, &[id, 99], d(2026, 11, 1)).unwrap();
        assert_eq!(recent[&id], vec![wish]);
        assert!(since_for(&conn, &[], d(2026, 1, 1)).unwrap().is_empty());
    }
}
