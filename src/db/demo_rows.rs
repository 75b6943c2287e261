//! Writing many generated demo members quickly: the statements are prepared
//! once and reused for every row, inside the caller's transaction. Members
//! go through `members::insert_row`, so a demo member reads back (and is
//! found) like one signed up at the counter.

use chrono::{NaiveDate, NaiveDateTime};
use rusqlite::{Connection, Statement, params};

use super::members::{DATETIME, birth_columns};
use crate::domain::family::BirthInfo;
use crate::domain::member::{Channel, MemberDraft};
use crate::error::Result;

/// Prepared inserts for members, their families and their consent log.
pub struct DemoRows<'c> {
    conn: &'c Connection,
    child: Statement<'c>,
    pet: Statement<'c>,
    consent: Statement<'c>,
    feedback: Statement<'c>,
}

impl<'c> DemoRows<'c> {
    pub fn new(conn: &'c Connection) -> Result<Self> {
        Ok(DemoRows {
            conn,
            child: conn.prepare(
                "INSERT INTO children (member_id, name, gender, born, approx_years, approx_on)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
            )?,
            pet: conn.prepare(
                "INSERT INTO pets (member_id, name, kind, born, approx_years, approx_on)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
            )?,
            consent: conn.prepare(
                "INSERT INTO consents (member_id, channel, granted, at, how) VALUES (?1, ?2, ?3, ?4, ?5)",
            )?,
            feedback: conn.prepare(
                "INSERT INTO feedback (member_id, nps, csat, at, how) VALUES (?1, ?2, ?3, ?4, ?5)",
            )?,
        })
    }

    /// Stores a member who joined on `joined`, marked as made up; returns
    /// the new id.
    pub fn member(&mut self, d: &MemberDraft, joined: NaiveDate) -> Result<i64> {
        let id = super::members::insert_row(self.conn, d, joined)?;
        super::demo_members::mark(self.conn, id)?;
        Ok(id)
    }

    pub fn child(
        &mut self,
        member_id: i64,
        name: &str,
        gender: Option<&str>,
        birth: &BirthInfo,
    ) -> Result<()> {
        let (born, years, on) = birth_columns(birth);
        self.child
            .execute(params![member_id, name, gender, born, years, on])?;
        Ok(())
    }

    pub fn pet(&mut self, member_id: i64, name: &str, kind: &str, birth: &BirthInfo) -> Result<()> {
        let (born, years, on) = birth_columns(birth);
        self.pet
            .execute(params![member_id, name, kind, born, years, on])?;
        Ok(())
    }

    /// One entry of the append-only consent log; entries of a member must be
    /// written oldest first, since the last one per channel is the current one.
    pub fn consent(
        &mut self,
        member_id: i64,
        channel: Channel,
        granted: bool,
        at: NaiveDateTime,
        how: &str,
    ) -> Result<()> {
        self.consent.execute(params![
            member_id,
            channel.code(),
            granted,
            at.format(DATETIME).to_string(),
            how
        ])?;
        Ok(())
    }
}

impl DemoRows<'_> {
    /// An answer given at the counter (an NPS or a CSAT score), marked as
    /// the demo's so that taking the demo out takes it too.
    pub fn feedback(
        &mut self,
        member_id: i64,
        nps: Option<u8>,
        csat: Option<u8>,
        at: NaiveDateTime,
    ) -> Result<()> {
        self.feedback.execute(params![
            member_id,
            nps,
            csat,
            at.format(DATETIME).to_string(),
            super::demo_members::DEMO_FEEDBACK
        ])?;
        Ok(())
    }
}

/// The highest number among cards of the form `C-<digits>`, so that demo
/// cards added to a database that already has some never collide.
pub fn highest_demo_card(conn: &Connection) -> Result<i64> {
    let highest: Option<i64> = conn.query_row(
        "SELECT max(CAST(substr(card, 3) AS INTEGER)) FROM members WHERE card GLOB 'C-[0-9]*'",
        [],
        |r| r.get(0),
    )?;
    Ok(highest.unwrap_or(0).max(0))
}
