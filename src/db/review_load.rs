//! Loads the whole weekly review in a few batched queries: the birthdays of
//! the next 30 days (7 and 14 are a filter of them), lapsed regulars,
//! records missing data, then the names, consents and contact log of every
//! member on those lists at once.

use chrono::NaiveDate;
use rusqlite::Connection;

use super::{contacts, list_order, reminders, review};
use crate::config::Config;
use crate::domain::reminders::{Window, by_household};
use crate::domain::review::{NearTier, Review, ReviewRow, RowKind, Texts, missing_row};
use crate::error::Result;

/// The longest window the screen offers.
pub const LONGEST_DAYS: u32 = 30;
/// Records missing data shown at most; the screen says how many there are.
pub const MISSING_SHOWN: usize = 300;

pub fn load(conn: &Connection, today: NaiveDate, config: &Config) -> Result<Review> {
    let window = Window::new(today, LONGEST_DAYS, config.dates.feb29);
    let days = by_household(&reminders::within(conn, &window)?);
    let lapsed = review::lapsed(conn, today, &config.reminders)?;
    let (missing, missing_total) = review::missing(conn, MISSING_SHOWN)?;
    let program = config.loyalty();
    let nudges = if program.has_tiers() {
        Some(super::tier_overview::overview(conn, &program, today)?.nudges)
    } else {
        None
    };

    let mut ids: Vec<i64> = days.iter().map(|d| d.member_id).collect();
    ids.extend(lapsed.iter().map(|l| l.member_id));
    ids.extend(missing.iter().map(|m| m.member_id));
    ids.extend(nudges.iter().flatten().map(|n| n.member_id));
    ids.sort_unstable();
    ids.dedup();
    let reach = review::reachable(conn, &ids)?;
    // Winbacks are about a last visit up to the rule's months back.
    let since = config.reminders.counted_from(today).min(today);
    let log = contacts::since_for(conn, &ids, since)?;
    // A member may be on several lists, so the details are cloned.
    let member = |id: i64| reach.get(&id).cloned().unwrap_or_default();
    let entries = |id: i64| log.get(&id).map(Vec::as_slice).unwrap_or_default();
    let texts = Texts {
        messages: &config.messages,
        shop: &config.shop.name,
        shop_language: &config.shop.locale,
    };

    let mut birthdays: Vec<ReviewRow> = days
        .into_iter()
        .map(|day| {
            let id = day.member_id;
            texts.birthday_row(day, member(id), entries(id))
        })
        .collect();
    // Within a day, by name as the owner reads it, in the shop's language.
    let locale = list_order::current_locale(conn)?;
    birthdays.sort_by_cached_key(|row| {
        let name = list_order::collation_key(&locale, &row.full_name());
        (row.date, name, row.member_id)
    });
    let lapsed = lapsed
        .into_iter()
        .map(|l| {
            let id = l.member_id;
            texts.lapsed_row(id, l.visits, l.last_visit, member(id), entries(id))
        })
        .collect();
    let missing = missing
        .into_iter()
        .map(|m| {
            let who = member(m.member_id);
            missing_row(m.member_id, m.no_birthday, m.no_consent, m.last_visit, who)
        })
        .collect();
    let near_tier = match nudges {
        None => NearTier::NotSetUp,
        Some(nudges) => NearTier::Members(
            nudges
                .into_iter()
                .map(|n| {
                    let next = program
                        .tiers
                        .tiers
                        .get(n.tier + 1)
                        .map(|t| t.name.as_str())
                        .unwrap_or_default();
                    ReviewRow {
                        member_id: n.member_id,
                        member: member(n.member_id),
                        kind: RowKind::NearTier {
                            gap: program.gap_to(n.gap, next),
                        },
                        reason: None,
                        date: None,
                        contacted: None,
                        message: None,
                    }
                })
                .collect(),
        ),
    };
    Ok(Review {
        today,
        birthdays,
        near_tier,
        lapsed,
        missing,
        missing_total,
    })
}
