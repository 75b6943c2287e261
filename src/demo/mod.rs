//! Demo data: made-up members that look like a real club's, for trying the
//! app out. Names in Hebrew, Croatian, Chinese, Thai and English, phones of
//! the name's country, birthdays all over the year (some on Feb 29),
//! children and pets, a consent history, and 18 months of purchases with
//! walk-in customers besides. The same seed always gives the same club;
//! nothing here reads the system clock.

mod basket;
mod data;
mod feedback;
mod household;
mod person;
mod purchases;
#[cfg(test)]
mod tests;
#[cfg(test)]
mod tests_purchases;
mod visits;
mod walk_ins;

use chrono::{NaiveDate, NaiveDateTime};
use rand::SeedableRng;
use rand_chacha::ChaCha8Rng;
use rusqlite::Connection;

use crate::db::CacheSize;
use crate::db::demo_members::{RealContacts, real_members};
use crate::db::demo_receipts::{
    DemoLineRow, DemoReceiptRow, DemoReceipts, demo_till_id, highest_demo_till,
};
use crate::db::demo_rows::{DemoRows, highest_demo_card};
use crate::db::loyalty::BIG_CACHE_KIB;
use crate::domain::family::BirthInfo;
use crate::domain::loyalty_config::Program;
use crate::domain::member::{Channel, MemberDraft};
use crate::domain::tiers::TierBasis;
use crate::error::Result;
use basket::{Bought, Catalogue};
use person::Stranger;
use purchases::Targets;

/// Progress is reported after this many members (often enough for a
/// screen's gauge to move, and for a cancel to be seen soon).
const PROGRESS_EVERY: usize = 100;

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

/// Adds `members` demo members with their purchases, the same ones for the
/// same `seed`, then brings points and tiers up to date under `program`.
pub fn fill(
    conn: &mut Connection,
    now: NaiveDateTime,
    members: usize,
    seed: u64,
    program: &Program,
) -> Result<usize> {
    fill_with_progress(conn, now, members, seed, program, &mut |_| true)
}

/// Like [`fill`], calling `progress` with the number of members made so far
/// every hundred members and once more, with all of them, just before the
/// commit. When `progress` answers `false` the work stops and nothing is
/// added (all is one transaction).
pub fn fill_with_progress(
    conn: &mut Connection,
    now: NaiveDateTime,
    members: usize,
    seed: u64,
    program: &Program,
    progress: &mut dyn FnMut(usize) -> bool,
) -> Result<usize> {
    let data = data::load()?;
    let shop = Catalogue::new(
        &data.shop.item,
        &data.common.pet_kind,
        program.currency.minor_digits(),
    );
    let spend_mins = (program.tiers.basis == TierBasis::Spend)
        .then(|| program.tiers.tiers.iter().map(|t| t.min).collect());
    let targets = Targets::new(spend_mins, &shop);
    let today = now.date();
    let tx = conn.transaction()?;
    // A big club's receipts go into a date index in no particular order.
    let cache = CacheSize::set(&tx, BIG_CACHE_KIB)?;
    let mut generator = person::Generator::new(&data, now, seed, highest_demo_card(&tx)?);
    // Purchases draw from a stream of their own, so the members stay the
    // same ones they were before the demo had purchases.
    let mut rng = ChaCha8Rng::seed_from_u64(seed);
    rng.set_stream(1);
    // And the answers at the counter from one more, for the same reason.
    let mut asked = ChaCha8Rng::seed_from_u64(seed);
    asked.set_stream(2);
    {
        let mut rows = DemoRows::new(&tx)?;
        let mut till = Till {
            rows: DemoReceipts::new(&tx)?,
            next: highest_demo_till(&tx)? + 1,
        };
        // A made-up person never shares a phone, email or card with a
        // real member (a club filled alongside its members).
        let mut real = match real_members(&tx)? {
            0 => None,
            _ => Some(RealContacts::new(&tx)?),
        };
        for done in 1..=members {
            let mut member = generator.member();
            if let Some(real) = &mut real {
                real.free(&mut member.draft)?;
            }
            let id = write(&mut rows, &member)?;
            if let Some(identity) = Identity::of(&member.draft) {
                let pets: Vec<&str> = member.pets.iter().map(|p| p.kind.as_str()).collect();
                let joined = member.joined.date();
                let bought =
                    purchases::member_purchases(&mut rng, &shop, &targets, today, joined, &pets);
                till.member(&bought, id, &identity)?;
                for (at, answer) in feedback::answers(&mut asked, &bought, today) {
                    match answer {
                        feedback::Answer::Nps(n) => rows.feedback(id, Some(n), None, at)?,
                        feedback::Answer::Csat(n) => rows.feedback(id, None, Some(n), at)?,
                    }
                }
            }
            if done % PROGRESS_EVERY == 0 && done < members && !progress(done) {
                return Ok(0);
            }
        }
        let mut write_walk_in = |who: Option<&Stranger>, b: &Bought| {
            let mut identity = Identity {
                card: None,
                phone: who.and_then(|s| s.phone.as_deref()),
                email: who.and_then(|s| s.email.as_deref()),
                name: who.and_then(|s| s.name.as_deref()),
            };
            // Nor does a made-up walk-in, whose receipts a real member
            // would otherwise be matched to.
            if let Some(real) = &mut real {
                if real.held(identity.phone, None, None)? {
                    identity.phone = None;
                }
                if real.held(None, identity.email, None)? {
                    identity.email = None;
                }
            }
            let number = till.number();
            till.write(number, b, None, &identity)
        };
        walk_ins::walk_ins(
            &mut rng,
            &mut generator,
            &shop,
            today,
            members,
            &mut write_walk_in,
        )?;
    }
    // The fast inserts skip the search columns; fold them in the same
    // transaction so the first keystroke at the counter is not the one that pays.
    crate::db::search::refold_pending(&tx)?;
    drop(cache);
    // The last moment a stop still leaves nothing behind.
    if !progress(members) {
        return Ok(0);
    }
    tx.commit()?;
    // Points for every receipt, signup bonuses and every tier, so that the
    // counter shows them at once.
    crate::db::loyalty::recompute(conn, program, now)?;
    Ok(members)
}

/// The members `fill` would add, without a database (tests, previews).
pub fn generate(now: NaiveDateTime, members: usize, seed: u64) -> Result<Vec<DemoMember>> {
    let data = data::load()?;
    let mut generator = person::Generator::new(&data, now, seed, 0);
    Ok((0..members).map(|_| generator.member()).collect())
}

/// How the till names a customer on a receipt: a member by the first of
/// card, phone and email they have (the order the import matches them in).
struct Identity<'a> {
    card: Option<&'a str>,
    phone: Option<&'a str>,
    email: Option<&'a str>,
    name: Option<&'a str>,
}

impl<'a> Identity<'a> {
    /// None for a member the till could not tell apart from anyone else.
    fn of(d: &'a MemberDraft) -> Option<Identity<'a>> {
        let mut who = Identity {
            card: d.card.as_deref(),
            phone: None,
            email: None,
            name: None,
        };
        if who.card.is_none() {
            who.phone = d.phone.as_deref();
        }
        if who.card.is_none() && who.phone.is_none() {
            who.email = d.email.as_deref();
        }
        (who.card.is_some() || who.phone.is_some() || who.email.is_some()).then_some(who)
    }
}

/// Demo receipts numbered on from the last demo receipt stored.
struct Till<'c> {
    rows: DemoReceipts<'c>,
    next: i64,
}

impl Till<'_> {
    fn number(&mut self) -> i64 {
        self.next += 1;
        self.next - 1
    }

    /// A member's receipts, numbered in time order but written newest
    /// first: the trigger that keeps `members.last_visit` then changes the
    /// member once instead of at every visit.
    fn member(&mut self, bought: &[Bought], member_id: i64, who: &Identity) -> Result<()> {
        let first = self.next;
        self.next += bought.len() as i64;
        for (i, b) in bought.iter().enumerate().rev() {
            self.write(first + i as i64, b, Some(member_id), who)?;
        }
        Ok(())
    }

    fn write(
        &mut self,
        number: i64,
        b: &Bought,
        member_id: Option<i64>,
        who: &Identity,
    ) -> Result<()> {
        let till_id = demo_till_id(number);
        let lines: Vec<DemoLineRow> = b
            .lines
            .iter()
            .map(|l| DemoLineRow {
                item: &l.item.name,
                category: &l.item.category,
                qty_milli: l.qty * 1000,
                amount_minor: l.amount_minor,
            })
            .collect();
        let row = DemoReceiptRow {
            till_id: &till_id,
            date: b.at.date(),
            time: b.at.time(),
            total_minor: b.total_minor(),
            refund: b.refund,
            member_id,
            card: who.card,
            phone: who.phone,
            email: who.email,
            name: who.name,
        };
        self.rows.receipt(&row, &lines)?;
        Ok(())
    }
}

fn write(rows: &mut DemoRows, m: &DemoMember) -> Result<i64> {
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
    Ok(id)
}
