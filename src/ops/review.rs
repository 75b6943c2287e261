//! The weekly review: who has a birthday coming, who has not been in for a
//! while, who is close to the next tier, whose record misses something,
//! each section loaded when it is shown;
//! marking a member contacted; the reminders `regulars reminders` lists;
//! and a list as a CSV file for sending messages elsewhere, with only the
//! contact details the member agreed to be contacted on. The file goes
//! next to the database (the data folder), or into the current folder for
//! a database in memory, readable by the owner only.

use std::collections::HashMap;
use std::path::PathBuf;

use chrono::NaiveDate;

use crate::context::Ctx;
use crate::db::{contacts, reminders, review, review_load};
use crate::domain::contact::{ContactChannel, ContactEntry};
use crate::domain::reminders::{Reminder, Window};
use crate::domain::review::{NearTier, Part, Review, ReviewRow, Section};
use crate::error::{Error, Result};
use crate::ops::csv_file::{self, neutralise as cell};
use crate::ops::near_tier;
use crate::ops::suppression::SuppressionCheck;

/// Members near the next tier the tab shows at most; its title says how
/// many there are.
pub const NEAR_SHOWN: usize = 300;

/// The whole review as of today, every section (the screen asks for one
/// section at a time with [`part`]).
pub fn open(ctx: &Ctx) -> Result<Review> {
    let mut review = Review::empty(ctx.clock.today(), ctx.program().has_tiers());
    for section in Section::ALL {
        review.put(part(ctx, section)?);
    }
    Ok(review)
}

/// One section of the review as of today, in a few batched reads. The
/// near-tier list is the tiers as stored (writes keep them current, and
/// the first look at the tiers of a day works them out), so opening the
/// review writes nothing.
pub fn part(ctx: &Ctx, section: Section) -> Result<Part> {
    let (conn, today) = (&ctx.conn, ctx.clock.today());
    Ok(match section {
        Section::Birthdays => Part::Birthdays(review_load::birthdays(conn, today, &ctx.config)?),
        Section::NearTier => near_tier(ctx)?,
        Section::Lapsed => Part::Lapsed(review_load::lapsed(conn, today, &ctx.config)?),
        Section::Missing => {
            let (rows, total) = review_load::missing(conn)?;
            Part::Missing { rows, total }
        }
    })
}

/// The members near the next tier, as `regulars tiers` names them: the
/// same operation, so the same members in the same order.
fn near_tier(ctx: &Ctx) -> Result<Part> {
    let Some(near) = near_tier::near(ctx, Some(NEAR_SHOWN))? else {
        return Ok(Part::NearTier {
            list: NearTier::NotSetUp,
            total: 0,
        });
    };
    let program = ctx.program();
    let gaps = near
        .members
        .iter()
        .map(|n| {
            let next = program.tier_name(n.next).unwrap_or_default();
            (n.member_id, program.gap_to(n.missing, next))
        })
        .collect();
    Ok(Part::NearTier {
        list: NearTier::Members(review_load::near_tier(&ctx.conn, gaps)?),
        total: near.total,
    })
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

const HEADER: [&str; 8] = [
    "name", "reason", "date", "channels", "phone", "email", "language", "message",
];

/// Where the file went and how many rows it holds.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Exported {
    pub path: PathBuf,
    pub rows: usize,
}

/// The CSV text of `rows`: a header, then one line per row. A phone only
/// with SMS or phone consent, an email only with email consent. `reason`
/// says why a row is on the list, in the words of the front end.
pub fn csv_text(rows: &[ReviewRow], reason: &dyn Fn(&ReviewRow) -> String) -> Result<String> {
    let mut out = csv::Writer::from_writer(vec![]);
    let fail = |e: csv::Error| Error::Other(e.to_string());
    out.write_record(HEADER).map_err(fail)?;
    for row in rows {
        let channels: Vec<&str> = row.member.channels.iter().map(|c| c.code()).collect();
        let (message, language) = row.message.clone().unwrap_or_default();
        out.write_record([
            cell(row.full_name()),
            cell(reason(row)),
            row.date
                .map(|d| d.format("%Y-%m-%d").to_string())
                .unwrap_or_default(),
            channels.join(" "),
            row.consented_phone().unwrap_or_default().to_string(),
            row.consented_email().unwrap_or_default().to_string(),
            language,
            cell(message),
        ])
        .map_err(fail)?;
    }
    let bytes = out.into_inner().map_err(|e| Error::Other(e.to_string()))?;
    Ok(String::from_utf8_lossy(&bytes).into_owned())
}

/// `regulars-birthdays-7-days-2026-11-23.csv` and the like.
fn file_name(section: Section, days: u32, today: NaiveDate) -> String {
    let day = today.format("%Y-%m-%d");
    match section {
        Section::Birthdays => format!("regulars-birthdays-{days}-days-{day}.csv"),
        other => format!("regulars-{}-{day}.csv", other.code()),
    }
}

/// Writes the rows of one section of the review (the `days` of its window
/// name the birthdays' file) and says where the file went.
pub fn review_csv(
    ctx: &Ctx,
    section: Section,
    days: u32,
    rows: &[ReviewRow],
    reason: &dyn Fn(&ReviewRow) -> String,
) -> Result<Exported> {
    if rows.is_empty() {
        return Err(Error::user("ui-review-nothing-to-export", &[]));
    }
    let path = ctx
        .config
        .export_dir()
        .join(file_name(section, days, ctx.clock.today()));
    // The same check as every contact export: a contact on the suppression
    // list is left out even where the consent log still says yes.
    let check = SuppressionCheck::load(&ctx.conn)?;
    let rows: Vec<ReviewRow> = rows
        .iter()
        .cloned()
        .map(|mut row| {
            let m = &mut row.member;
            m.channels
                .retain(|&c| check.reachable(c, m.phone.as_deref(), m.email.as_deref()));
            row
        })
        .collect();
    let text = csv_text(&rows, reason)?;
    Ok(Exported {
        path: csv_file::write_private(&path, &text)?,
        rows: rows.len(),
    })
}

#[cfg(test)]
#[path = "review_tests.rs"]
mod tests;
