//! Demo data: made-up members that look like a real club's, for trying the
//! app out. Names in Hebrew, Croatian, Chinese, Thai and English, phones of
//! the name's country, birthdays all over the year (some on Feb 29),
//! children and pets, a consent history. The same seed always gives the same
//! members; nothing here reads the system clock.

mod data;
mod household;
mod person;
#[cfg(test)]
mod tests;

use chrono::{NaiveDate, NaiveDateTime};
use rusqlite::Connection;

use crate::db::demo_rows::{DemoRows, highest_demo_card};
use crate::domain::family::BirthInfo;
use crate::domain::member::{Channel, MemberDraft};
use crate::error::Result;

/// Progress is reported after this many members.
const PROGRESS_EVERY: usize = 1_000;

/// A generated member with everything stored about them.
#[derive(Debug, Clone, PartialEq)]
pub struct DemoMember {
    pub draft: MemberDraft,
    pub joined: NaiveDateTime,
    /// Oldest first.
    pub consents: Vec<ConsentEntry>,
    pub children: Vec<DemoChild>,
    pub pets: Vec<DemoPet>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct ConsentEntry {
    pub channel: Channel,
    pub granted: bool,
    pub at: NaiveDateTime,
    pub how: String,
}

#[derive(Debug, Clone, PartialEq)]
pub struct DemoChild {
    pub name: String,
    pub gender: Option<&'static str>,
    pub birth: BirthInfo,
}

#[derive(Debug, Clone, PartialEq)]
pub struct DemoPet {
    pub name: String,
    pub kind: String,
    pub birth: BirthInfo,
}

/// Adds `members` demo members, the same ones for the same `seed`.
pub fn fill(conn: &mut Connection, now: NaiveDateTime, members: usize, seed: u64) -> Result<usize> {
    fill_with_progress(conn, now, members, seed, &mut |_| true)
}

/// Like [`fill`], calling `progress` with the number of members made so far
/// every thousand members and at the end. When `progress` answers `false`
/// the work stops and nothing is added (all is one transaction).
pub fn fill_with_progress(
    conn: &mut Connection,
    now: NaiveDateTime,
    members: usize,
    seed: u64,
    progress: &mut dyn FnMut(usize) -> bool,
) -> Result<usize> {
    let data = data::load()?;
    let tx = conn.transaction()?;
    let mut generator = person::Generator::new(&data, now, seed, highest_demo_card(&tx)?);
    {
        let mut rows = DemoRows::new(&tx)?;
        for done in 1..=members {
            write(&mut rows, &generator.member())?;
            if done % PROGRESS_EVERY == 0 && done < members && !progress(done) {
                return Ok(0);
            }
        }
    }
    // The fast inserts skip the search columns; fold them in the same
    // transaction so the first keystroke at the counter is not the one that pays.
    crate::db::search::refold_pending(&tx)?;
    tx.commit()?;
    progress(members);
    Ok(members)
}

/// The members `fill` would add, without a database (tests, previews).
pub fn generate(now: NaiveDateTime, members: usize, seed: u64) -> Result<Vec<DemoMember>> {
    let data = data::load()?;
    let mut generator = person::Generator::new(&data, now, seed, 0);
    Ok((0..members).map(|_| generator.member()).collect())
}

fn write(rows: &mut DemoRows, m: &DemoMember) -> Result<()> {
    let joined: NaiveDate = m.joined.date();
    let id = rows.member(&m.draft, joined)?;
    for c in &m.consents {
        rows.consent(id, c.channel, c.granted, c.at, &c.how)?;
    }
    for c in &m.children {
        rows.child(id, &c.name, c.gender, &c.birth)?;
    }
    for p in &m.pets {
        rows.pet(id, &p.name, &p.kind, &p.birth)?;
    }
    Ok(())
}
