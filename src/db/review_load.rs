//! Loads the sections of the weekly review, each on its own and each in a
//! few batched queries: the birthdays of the next 30 days (7 and 14 are a
//! filter of them), lapsed regulars, records missing data, and the rows of
//! the members near the next tier; with the names, consents and contact
//! log of just the members of that section; and the members with open
//! requests or complaints.

use std::collections::HashMap;

use chrono::NaiveDate;
use rusqlite::Connection;

use super::{contacts, list_order, reminders, review};
use crate::config::Config;
use crate::domain::contact::ContactEntry;
use crate::domain::loyalty_config::TierGap;
use crate::domain::reminders::{Window, by_household};
use crate::domain::review::{Reachable, ReviewRow, RowKind, Texts, missing_row};
use crate::error::Result;

/// The longest window the screen offers.
pub const LONGEST_DAYS: u32 = 30;
/// Records missing data shown at most; the screen says how many there are.
pub const MISSING_SHOWN: usize = 300;

/// The members' details and, when `log_since` is given, their contact log
/// from that day on.
struct Details {
    reach: HashMap<i64, Reachable>,
    log: HashMap<i64, Vec<ContactEntry>>,
}

impl Details {
    fn read(conn: &Connection, ids: &mut Vec<i64>, log_since: Option<NaiveDate>) -> Result<Self> {
        ids.sort_unstable();
        ids.dedup();
        let log = match log_since {
            Some(since) => contacts::since_for(conn, ids, since)?,
            None => HashMap::new(),
        };
        Ok(Details {
            reach: review::reachable(conn, ids)?,
            log,
        })
    }

    /// A member may be on several lists, so the details are cloned.
    fn member(&self, id: i64) -> Reachable {
        self.reach.get(&id).cloned().unwrap_or_default()
    }

    fn entries(&self, id: i64) -> &[ContactEntry] {
        self.log.get(&id).map(Vec::as_slice).unwrap_or_default()
    }
}

fn texts(config: &Config) -> Texts<'_> {
    Texts {
        messages: &config.messages,
        shop: &config.shop.name,
        shop_language: &config.shop.locale,
    }
}

/// Winbacks are about a last visit up to the rule's months back, and a
/// birthday's mark is from this year: the log from then on settles rows.
fn log_since(config: &Config, today: NaiveDate) -> NaiveDate {
    config.reminders.counted_from(today).min(today)
}

/// The birthdays of the next 30 days, by day, then by name as the owner
/// reads it in the shop's language.
pub fn birthdays(conn: &Connection, today: NaiveDate, config: &Config) -> Result<Vec<ReviewRow>> {
    let window = Window::new(today, LONGEST_DAYS, config.dates.feb29);
    let days = by_household(&reminders::within(conn, &window)?);
    let mut ids: Vec<i64> = days.iter().map(|d| d.member_id).collect();
    let details = Details::read(conn, &mut ids, Some(log_since(config, today)))?;
    let texts = texts(config);
    let mut rows: Vec<ReviewRow> = days
        .into_iter()
        .map(|day| {
            let id = day.member_id;
            texts.birthday_row(day, details.member(id), details.entries(id))
        })
        .collect();
    let locale = list_order::current_locale(conn)?;
    rows.sort_by_cached_key(|row| {
        let name = list_order::collation_key(&locale, &row.full_name());
        (row.date, name, row.member_id)
    });
    Ok(rows)
}

/// Regulars who stopped coming, most visits first.
pub fn lapsed(conn: &Connection, today: NaiveDate, config: &Config) -> Result<Vec<ReviewRow>> {
    let lapsed = review::lapsed(conn, today, &config.reminders)?;
    let mut ids: Vec<i64> = lapsed.iter().map(|l| l.member_id).collect();
    let details = Details::read(conn, &mut ids, Some(log_since(config, today)))?;
    let texts = texts(config);
    Ok(lapsed
        .into_iter()
        .map(|l| {
            let id = l.member_id;
            let who = details.member(id);
            texts.lapsed_row(id, l.visits, l.last_visit, who, details.entries(id))
        })
        .collect())
}

/// Up to [`MISSING_SHOWN`] records missing data, and how many there are.
pub fn missing(conn: &Connection) -> Result<(Vec<ReviewRow>, i64)> {
    let (missing, total) = review::missing(conn, MISSING_SHOWN)?;
    let mut ids: Vec<i64> = missing.iter().map(|m| m.member_id).collect();
    let details = Details::read(conn, &mut ids, None)?;
    let rows = missing
        .into_iter()
        .map(|m| {
            let who = details.member(m.member_id);
            missing_row(m.member_id, m.no_birthday, m.no_consent, m.last_visit, who)
        })
        .collect();
    Ok((rows, total))
}

/// Members with requests or complaints not yet resolved, the longest
/// waiting first: nothing to send, the counter resolves them.
pub fn open_notes(conn: &Connection) -> Result<Vec<ReviewRow>> {
    let open = super::notes::open_by_member(conn)?;
    let mut ids: Vec<i64> = open.iter().map(|o| o.member_id).collect();
    let details = Details::read(conn, &mut ids, None)?;
    Ok(open
        .into_iter()
        .map(|o| ReviewRow {
            member_id: o.member_id,
            member: details.member(o.member_id),
            kind: RowKind::OpenNotes {
                complaints: o.complaints,
                requests: o.requests,
                oldest_text: o.oldest_text,
            },
            reason: None,
            date: Some(o.since.date()),
            contacted: None,
            message: None,
        })
        .collect())
}

/// The rows of members near the next tier, in the order given, each with
/// what is missing to which tier.
pub fn near_tier(conn: &Connection, near: Vec<(i64, TierGap)>) -> Result<Vec<ReviewRow>> {
    let mut ids: Vec<i64> = near.iter().map(|(id, _)| *id).collect();
    let details = Details::read(conn, &mut ids, None)?;
    Ok(near
        .into_iter()
        .map(|(member_id, gap)| ReviewRow {
            member_id,
            member: details.member(member_id),
            kind: RowKind::NearTier { gap },
            reason: None,
            date: None,
            contacted: None,
            message: None,
        })
        .collect())
}
