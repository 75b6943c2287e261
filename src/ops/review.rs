//! The weekly review: who has a birthday coming, who has not been in for a
//! while, who is close to the next tier, whose record misses something;
//! marking a member contacted; and the reminders `regulars reminders`
//! lists.

use std::collections::HashMap;

use crate::context::Ctx;
use crate::db::{contacts, reminders, review, review_load};
use crate::domain::contact::{ContactChannel, ContactEntry};
use crate::domain::reminders::{Reminder, Window};
use crate::domain::review::{Review, ReviewRow};
use crate::error::{Error, Result};

/// The whole review as of today, in a few batched reads. The near-tier
/// list is the last recompute's (the tiers screen and the start of the
/// app work tiers out), so opening the review writes nothing.
pub fn open(ctx: &Ctx) -> Result<Review> {
    review_load::load(&ctx.conn, ctx.clock.today(), &ctx.config)
}

/// Logs that the member of `row` was contacted on `channel` now, for the
/// reason the row is on the list. Returns the entry written, which the
/// screen keeps on the row to grey it out.
pub fn mark_contacted(ctx: &Ctx, row: &ReviewRow, channel: ContactChannel) -> Result<ContactEntry> {
    let entry = row
        .contact_entry(channel, ctx.clock.now())
        .ok_or_else(|| Error::user("ui-review-nothing-to-send", &[]))?;
    let tx = ctx.conn.unchecked_transaction()?;
    contacts::record(&tx, &entry)?;
    tx.commit()?;
    Ok(entry)
}

/// Birthdays and other days of the next `days` days, with the names of
/// the members they belong to.
pub fn reminders(ctx: &Ctx, days: u32) -> Result<(Vec<Reminder>, HashMap<i64, String>)> {
    let window = Window::new(ctx.clock.today(), days, ctx.config.dates.feb29);
    let found = reminders::within(&ctx.conn, &window)?;
    let mut ids: Vec<i64> = found.iter().map(|r| r.anniversary.member_id).collect();
    ids.sort_unstable();
    ids.dedup();
    let names = review::names(&ctx.conn, &ids)?;
    Ok((found, names))
}

#[cfg(test)]
#[path = "review_tests.rs"]
mod tests;
