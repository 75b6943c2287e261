//! Community events: add one, list them, mark who came (at the counter or
//! on the event's list), and the event's page with the 90 days after it.
//! Inviting is in `event_invite`.

use std::collections::HashSet;

use chrono::{Duration, NaiveDate};

use crate::context::Ctx;
use crate::db;
use crate::domain::club_health::active_window;
use crate::domain::event::{AfterEvent, Event, EventRow, Guest, after_window, window_complete};
use crate::domain::member::{FieldError, parse_birthday};
use crate::error::{Error, Result};
use crate::ops::members::field_error_in;

/// How far ahead an event's day may be typed: further is most likely a slip.
const YEARS_AHEAD: i64 = 10;

/// An event's day as typed, in the shop's date order, with its year.
pub fn read_date(ctx: &Ctx, text: &str) -> Result<NaiveDate> {
    let today = ctx.clock.today();
    // The birthday reader refuses days after its "today"; an event is
    // planned ahead, so it reads as of a day years from now.
    let horizon = today + Duration::days(365 * YEARS_AHEAD);
    let refused = |e| field_error_in(&ctx.config, "event-field-date", e);
    let day = parse_birthday(text, horizon, ctx.config.date_order()).map_err(refused)?;
    let year = day.year.ok_or_else(|| refused(FieldError::Date))?;
    NaiveDate::from_ymd_opt(year, day.month, day.day).ok_or_else(|| refused(FieldError::Date))
}

/// Adds an event named `name` on the day `date` (as typed), for at most
/// `capacity` people when given. A blank name or a capacity below one is
/// refused and nothing is written.
pub fn add(ctx: &Ctx, name: &str, date: &str, capacity: Option<i64>) -> Result<Event> {
    let name = name.trim();
    if name.is_empty() {
        return Err(Error::user("err-event-name", &[]));
    }
    let date = read_date(ctx, date)?;
    if let Some(c) = capacity.filter(|c| *c < 1) {
        return Err(Error::user(
            "err-event-capacity",
            &[("value", &c.to_string())],
        ));
    }
    let tx = super::begin(ctx)?;
    let id = db::events::insert(&ctx.conn, name, date, capacity, ctx.clock.now())?;
    let event = stored(ctx, id)?;
    tx.commit()?;
    Ok(event)
}

/// Every event, the latest day first, with how many were invited and came.
pub fn list(ctx: &Ctx) -> Result<Vec<EventRow>> {
    db::events::list(&ctx.conn, None, i64::MAX)
}

/// The most events the Stats screen shows for a period.
pub const STATS_EVENTS: usize = 6;

/// The events of `from..=to`, newest first (at most [`STATS_EVENTS`]), each
/// with its 90 days after: what the Stats screen's Events page shows.
pub fn in_period(ctx: &Ctx, from: NaiveDate, to: NaiveDate) -> Result<Vec<EventPage>> {
    let mut rows: Vec<EventRow> = list(ctx)?
        .into_iter()
        .filter(|r| (from..=to).contains(&r.event.date))
        .collect();
    rows.sort_by(|a, b| {
        b.event
            .date
            .cmp(&a.event.date)
            .then(b.event.id.cmp(&a.event.id))
    });
    rows.into_iter()
        .take(STATS_EVENTS)
        .map(|r| show(ctx, r.event.id))
        .collect()
}

/// The events a member can be marked as come to from the card: today's
/// when there is exactly one, else the latest ones up to today.
pub fn for_the_counter(ctx: &Ctx, limit: i64) -> Result<Vec<Event>> {
    let today = ctx.clock.today();
    let recent: Vec<Event> = db::events::list(&ctx.conn, Some(today), limit)?
        .into_iter()
        .map(|row| row.event)
        .collect();
    let todays: Vec<&Event> = recent.iter().filter(|e| e.date == today).collect();
    Ok(match todays.as_slice() {
        [one] => vec![(*one).clone()],
        _ => recent,
    })
}

/// The event `id`, or a refusal naming the number.
pub fn stored(ctx: &Ctx, id: i64) -> Result<Event> {
    db::events::get(&ctx.conn, id)?
        .ok_or_else(|| Error::user("err-event-not-found", &[("id", &id.to_string())]))
}

/// A visit marked: who, and whether they had been invited.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Attended {
    pub event: Event,
    pub member_id: i64,
    pub name: String,
    pub invited: bool,
}

/// Marks `member` as come to event `id`, written `how` (card, list, cli).
/// A member not invited may come; marking twice is refused naming when it
/// was marked; an erased member is not found.
pub fn attend(ctx: &Ctx, id: i64, member: i64, how: &str) -> Result<Attended> {
    let tx = super::begin(ctx)?;
    let event = stored(ctx, id)?;
    let Some(person) = db::members::get(&ctx.conn, member)? else {
        return Err(Error::user(
            "err-member-not-found",
            &[("key", &member.to_string())],
        ));
    };
    if let Some(at) = db::events::attended_at(&ctx.conn, id, member)? {
        return Err(Error::user(
            "err-event-attended-twice",
            &[
                ("name", &person.full_name()),
                ("event", &event.name),
                ("at", &at.format("%Y-%m-%d %H:%M").to_string()),
            ],
        ));
    }
    db::events::attend(&ctx.conn, id, member, how, ctx.clock.now())?;
    let invited = db::events::invited(&ctx.conn, id)?.contains(&member);
    tx.commit()?;
    Ok(Attended {
        event,
        member_id: member,
        name: person.full_name(),
        invited,
    })
}

/// Takes back a visit marked by mistake; false when none was marked.
pub fn forget_attendance(ctx: &Ctx, id: i64, member: i64) -> Result<bool> {
    let tx = super::begin(ctx)?;
    stored(ctx, id)?;
    let gone = db::events::forget_attendance(&ctx.conn, id, member)?;
    tx.commit()?;
    Ok(gone)
}

/// Everyone invited to or come to the event, by name.
pub fn guests(ctx: &Ctx, id: i64) -> Result<Vec<Guest>> {
    db::events::guests(&ctx.conn, id)
}

/// An event's page: who was invited, who came, and the 90 days after.
#[derive(Debug, Clone, PartialEq)]
pub struct EventPage {
    pub event: Event,
    pub invited: Vec<i64>,
    pub attended: Vec<i64>,
    pub after: AfterEvent,
}

/// The event with its figures: those who came against the members active
/// on the event day (as the club's figures count active) who were neither
/// invited nor came — an uninvited guest is in the group that came.
pub fn show(ctx: &Ctx, id: i64) -> Result<EventPage> {
    // One read: the lists and the figures as of one moment.
    let tx = ctx.conn.unchecked_transaction()?;
    let event = stored(ctx, id)?;
    let invited = db::events::invited(&ctx.conn, id)?;
    let attended = db::events::attended(&ctx.conn, id)?;
    let (first, last) = active_window(event.date, ctx.config.stats.lapse_days);
    let came: HashSet<i64> = attended.iter().copied().collect();
    let asked: HashSet<i64> = invited.iter().copied().collect();
    let others: HashSet<i64> = db::club_health::active_on(&ctx.conn, first, last, None)?
        .into_iter()
        .filter(|m| !came.contains(m) && !asked.contains(m))
        .collect();
    let (from, to) = after_window(event.date);
    let bought = db::event_figures::window(&ctx.conn, from, to)?;
    let after = AfterEvent {
        from,
        to,
        complete: window_complete(event.date, ctx.clock.today()),
        attended: bought.of(&came),
        others: bought.of(&others),
    };
    tx.commit()?;
    Ok(EventPage {
        event,
        invited,
        attended,
        after,
    })
}
