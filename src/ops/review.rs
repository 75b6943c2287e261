//! The weekly review: who has a birthday coming, who has not been in for a
//! while, who is close to the next tier, whose record misses something,
//! who waits for a request or complaint to be resolved,
//! each section loaded when it is shown;
//! marking a member contacted; the reminders `regulars reminders` lists;
//! and a list as a CSV or vCard file for sending messages on one channel
//! elsewhere, holding only the members the contact export's own choice
//! lets through. The file goes into the export folder, readable by the
//! owner only.

use std::collections::{HashMap, HashSet};
use std::path::PathBuf;

use chrono::NaiveDate;

use crate::context::Ctx;
use crate::db::consenting::Consenting;
use crate::db::{contacts, reminders, review, review_load};
use crate::domain::branch::Branch;
use crate::domain::contact::{ContactChannel, ContactEntry};
use crate::domain::member::Channel;
use crate::domain::reminders::{Reminder, Window};
use crate::domain::review::{NearTier, Part, Review, ReviewRow, Section};
use crate::error::{Error, Result};
use crate::ops::contact_lists::Planned;
use crate::ops::csv_file::{self, neutralise as cell};
use crate::ops::export_contacts::{
    ListFormat, Phones, contact_header, contact_record, contacts, write_list,
};
use crate::ops::near_tier;

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
        Section::OpenNotes => Part::OpenNotes(review_load::open_notes(conn)?),
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
    reminders_at(ctx, days, None)
}

/// [`reminders`]; with a branch, only those of members who signed up at
/// it or had a sale there (their children's and pets' too).
pub fn reminders_at(
    ctx: &Ctx,
    days: u32,
    branch: Option<&Branch>,
) -> Result<(Vec<Reminder>, HashMap<i64, String>)> {
    let today = ctx.clock.today();
    let window = Window::new(today, days, ctx.config.dates.feb29);
    let mut found = reminders::within(&ctx.conn, &window)?;
    if let Some(branch) = branch {
        let members = crate::ops::branch::members(ctx, branch, today, true)?;
        found.retain(|r| members.contains(&r.anniversary.member_id));
    }
    let mut ids: Vec<i64> = found.iter().map(|r| r.anniversary.member_id).collect();
    ids.sort_unstable();
    ids.dedup();
    let names = review::names(&ctx.conn, &ids)?;
    Ok((found, names))
}

/// What the review's list adds to a contact list's columns.
const REVIEW_COLUMNS: [&str; 3] = ["reason", "date", "message"];

/// Where the file went, how many of the section's members it holds, and
/// how many were left out for lack of consent.
#[derive(Debug, Clone, PartialEq)]
pub struct Exported {
    pub path: PathBuf,
    pub planned: Planned,
}

/// The CSV text: the contact list's columns for `channel` (only the
/// members in `may`, as [`contacts`] chose them), then why the row is on
/// the list (`reason`, in the words of the front end), its day and the
/// ready-to-send message. A member on the list twice (their own birthday
/// and a child's) has two lines.
pub fn csv_text(
    ctx: &Ctx,
    channel: Channel,
    rows: &[ReviewRow],
    may: &[Consenting],
    reason: &dyn Fn(&ReviewRow) -> String,
) -> Result<String> {
    let by_member: HashMap<i64, &Consenting> = may.iter().map(|c| (c.member_id, c)).collect();
    let mut out = csv::Writer::from_writer(vec![]);
    let fail = |e: csv::Error| Error::Other(e.to_string());
    let mut header = contact_header(channel).to_vec();
    header.extend(REVIEW_COLUMNS);
    out.write_record(header).map_err(fail)?;
    for row in rows {
        let Some(contact) = by_member.get(&row.member_id) else {
            continue;
        };
        let mut record = contact_record(ctx, channel, contact, Phones::National).to_vec();
        record.extend([
            cell(reason(row)),
            row.date
                .map(|d| d.format("%Y-%m-%d").to_string())
                .unwrap_or_default(),
            cell(row.message.clone().unwrap_or_default().0),
        ]);
        out.write_record(record).map_err(fail)?;
    }
    let bytes = out.into_inner().map_err(|e| Error::Other(e.to_string()))?;
    Ok(String::from_utf8_lossy(&bytes).into_owned())
}

/// `regulars-birthdays-7-days-sms-2026-11-23.csv` and the like.
fn file_name(
    section: Section,
    days: u32,
    channel: Channel,
    format: ListFormat,
    today: NaiveDate,
) -> String {
    let (day, channel, ext) = (today.format("%Y-%m-%d"), channel.code(), format.extension());
    match section {
        Section::Birthdays => format!("regulars-birthdays-{days}-days-{channel}-{day}.{ext}"),
        other => format!("regulars-{}-{channel}-{day}.{ext}", other.code()),
    }
}

/// Writes the list of one section of the review (the `days` of its window
/// name the birthdays' file) for `channel`, and says where it went. Who
/// of the rows' members is on it is what [`contacts`] says: the same
/// choice as every contact export (consent now, not on the
/// do-not-contact list, not erased).
pub fn review_list(
    ctx: &Ctx,
    section: Section,
    days: u32,
    rows: &[ReviewRow],
    reason: &dyn Fn(&ReviewRow) -> String,
    channel: Channel,
    format: ListFormat,
) -> Result<Exported> {
    if rows.is_empty() {
        return Err(Error::user("ui-review-nothing-to-export", &[]));
    }
    let group: HashSet<i64> = rows.iter().map(|r| r.member_id).collect();
    let may = contacts(ctx, channel, Some(&group))?;
    let path = crate::ops::export_contacts::exports_folder(ctx)?.join(file_name(
        section,
        days,
        channel,
        format,
        ctx.clock.today(),
    ));
    let path = match format {
        ListFormat::Csv(_) => {
            csv_file::write_private(&path, &csv_text(ctx, channel, rows, &may, reason)?)?
        }
        ListFormat::Vcard => write_list(ctx, channel, &may, format, &path)?.path,
    };
    Ok(Exported {
        path,
        planned: Planned {
            written: may.len(),
            left_out: group.len().saturating_sub(may.len()),
        },
    })
}

#[cfg(test)]
#[path = "review_tests.rs"]
mod tests;
