//! Finding members and reading one: the counter's list (with the nearest
//! birthday in each household), a key typed on the command line or in a
//! popup, and everything a member's card shows.

use crate::context::Ctx;
use crate::db;
use crate::domain::contact::ContactEntry;
use crate::domain::habits::Purchase;
use crate::domain::member::{MemberCard, normalise_phone};
use crate::domain::reminders::{Kind, Window};
use crate::error::{Error, Result};
use crate::ops::loyalty::IfBusy;
use crate::ops::loyalty::settled;

/// A row of a member search, as the screens and commands list it.
pub use crate::db::search::MemberRow;

/// The member a key names: an id, a card, a phone in any form the shop's
/// country writes it, or an email.
pub fn find_member(ctx: &Ctx, key: &str) -> Result<i64> {
    member_by_key(ctx, key)?.ok_or_else(|| Error::user("err-member-not-found", &[("key", key)]))
}

/// The same, None when no member has that key (a form asks again). Two
/// members with one phone (signed up before that was refused) are refused
/// by their numbers: picking one would act on the wrong person half the time.
pub fn member_by_key(ctx: &Ctx, key: &str) -> Result<Option<i64>> {
    // No phone number has fewer than two digits (the numbering plans'
    // shortest), and reading the plans costs a tenth of a second: a member
    // number like `1` is looked up without them.
    let digits = key.chars().filter(char::is_ascii_digit).count();
    let phone = (digits >= 2)
        .then(|| normalise_phone(key, ctx.config.country()).ok())
        .flatten();
    let ids = db::duplicates::members_with_key(&ctx.conn, key, phone.as_deref())?;
    match ids.as_slice() {
        [] => Ok(None),
        [id] => Ok(Some(*id)),
        several => {
            let ids: Vec<String> = several.iter().map(i64::to_string).collect();
            Err(Error::user(
                "err-member-ambiguous",
                &[("key", key.trim()), ("ids", &ids.join(", "))],
            ))
        }
    }
}

/// A member's full name as shown; empty for a member that is gone.
pub fn member_name(ctx: &Ctx, id: i64) -> Result<String> {
    Ok(db::members::get(&ctx.conn, id)?
        .map(|m| m.full_name())
        .unwrap_or_default())
}

/// Members matching `text`, best first, at most `limit`, with their tier
/// and points filled in as they stand after settling.
pub fn find_members(
    ctx: &Ctx,
    text: &str,
    limit: usize,
    if_busy: IfBusy,
) -> Result<Vec<MemberRow>> {
    settled(ctx, if_busy)?;
    rows_as_they_stand(ctx, text, limit)
}

/// [`find_members`] without settling first: the counter searches again on
/// every key, and settling is done when the counter is shown.
pub fn rows_as_they_stand(ctx: &Ctx, text: &str, limit: usize) -> Result<Vec<MemberRow>> {
    let today = ctx.clock.today();
    let mut rows = db::search::search(&ctx.conn, text, today, limit)?;
    db::loyalty::fill_rows(&ctx.conn, ctx.program(), &mut rows, today)?;
    Ok(rows)
}

/// Just the matches, without points: a popup that picks a member.
pub fn pick_members(ctx: &Ctx, text: &str, limit: usize) -> Result<Vec<MemberRow>> {
    db::search::search(&ctx.conn, text, ctx.clock.today(), limit)
}

/// Everything a member's file holds: the card, every purchase and the
/// contact log.
#[derive(Debug, Clone, PartialEq)]
pub struct MemberFile {
    pub card: MemberCard,
    pub purchases: Vec<Purchase>,
    pub contacts: Vec<ContactEntry>,
    /// How the visits name their branch when the club has more than one
    /// ([`crate::ops::branch::visit_column`]); None: no branch column.
    pub visit_branches: Option<String>,
}

/// A member's card, or None when the member is gone.
pub fn member_card(ctx: &Ctx, id: i64) -> Result<Option<MemberCard>> {
    db::members::card(&ctx.conn, id)
}

/// A member's whole file, or None when the member is gone.
pub fn member_file(ctx: &Ctx, id: i64) -> Result<Option<MemberFile>> {
    let Some(card) = member_card(ctx, id)? else {
        return Ok(None);
    };
    Ok(Some(MemberFile {
        card,
        purchases: db::habits::purchases(&ctx.conn, id)?,
        contacts: db::contacts::of_member(&ctx.conn, id)?,
        visit_branches: crate::ops::branch::visit_column(ctx)?,
    }))
}

/// How many members the club has (none yet: the welcome screen).
pub fn member_count(ctx: &Ctx) -> Result<i64> {
    db::members::count(&ctx.conn)
}

/// One member in the list, with what the row shows worked out at load.
#[derive(Debug, Clone, PartialEq)]
pub struct CounterRow {
    pub member: MemberRow,
    /// Days until the next birthday (or gotcha day) of the member, a child
    /// or a pet, when it is within the days asked for.
    pub birthday_in: Option<i64>,
    /// Whose it is when not the member's own: "Noam".
    pub birthday_of: Option<String>,
    /// Requests and complaints still open: the row is flagged.
    pub open_notes: i64,
}

/// The members `text` finds, best first, at most `limit`, with their
/// points as they stand (the counter searches again on every key; points
/// are settled when the counter is shown), the household's birthdays
/// within `days` and how many requests and complaints are open.
pub fn counter_rows(ctx: &Ctx, text: &str, limit: usize, days: u32) -> Result<Vec<CounterRow>> {
    let today = ctx.clock.today();
    let members = rows_as_they_stand(ctx, text, limit)?;
    // One query for the households of every row shown.
    let ids: Vec<i64> = members.iter().map(|m| m.id).collect();
    let window = Window::new(today, days, ctx.config.dates.feb29);
    let households = db::reminders::of_households(&ctx.conn, &ids, &window)?;
    let open = db::notes::open_counts(&ctx.conn, &ids)?;
    Ok(members
        .into_iter()
        .map(|member| {
            let soonest = households.get(&member.id).and_then(|list| list.first());
            CounterRow {
                birthday_in: soonest.map(|r| r.days_until),
                birthday_of: soonest
                    .filter(|r| r.anniversary.kind != Kind::Member)
                    .map(|r| r.anniversary.name.clone()),
                open_notes: open.get(&member.id).copied().unwrap_or(0),
                member,
            }
        })
        .collect())
}
