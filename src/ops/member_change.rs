//! Changing some of a member's details from the command line: what is not
//! given stays as stored. The change is made into a whole member as typed
//! and saved through [`edit_member`], so every rule of the counter's edit
//! form (the shop's phone rules, a card held by another member, possible
//! duplicates) holds here too.

use crate::context::Ctx;
use crate::db;
use crate::domain::birth_calendar::BirthCalendar;
use crate::domain::birth_calendar_input::typed_calendar_birthday;
use crate::domain::member::{Birthday, MemberCard};
use crate::error::{Error, Result};
use crate::ops::members::{IfDuplicate, MemberInput, Outcome, edit_member};

/// The details to change; `None` keeps what is stored, an empty text
/// clears an optional detail.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct MemberChange {
    pub first_name: Option<String>,
    pub family_name: Option<String>,
    pub phone: Option<String>,
    pub email: Option<String>,
    pub birthday: Option<String>,
    /// The calendar of a changed birthday.
    pub birthday_calendar: Option<BirthCalendar>,
    pub card: Option<String>,
    pub area: Option<String>,
    pub note: Option<String>,
    /// The channels the member agrees to, replacing the stored ones.
    pub consents: Option<Vec<String>>,
}

/// A birthday written so that every date order reads it back: ISO.
fn iso(b: &Birthday) -> String {
    match b.year {
        Some(y) => format!("{y:04}-{:02}-{:02}", b.month, b.day),
        None => format!("{:02}-{:02}", b.month, b.day),
    }
}

/// The stored member as it would be typed again.
pub fn as_typed(card: &MemberCard) -> MemberInput {
    let d = &card.member.draft;
    let text = |v: &Option<String>| v.clone().unwrap_or_default();
    let (birthday, birthday_calendar) = match &card.calendar_birthday {
        Some(b) => (typed_calendar_birthday(b), b.calendar()),
        None => (
            d.birthday.as_ref().map(iso).unwrap_or_default(),
            BirthCalendar::Gregorian,
        ),
    };
    MemberInput {
        first_name: d.first_name.clone(),
        family_name: d.family_name.clone(),
        phone: text(&d.phone),
        email: text(&d.email),
        birthday,
        birthday_calendar,
        card: text(&d.card),
        area: text(&d.area),
        note: text(&d.note),
        language: d.language.clone(),
        consents: card
            .consents
            .iter()
            .filter(|c| c.granted)
            .map(|c| c.channel.code().to_string())
            .collect(),
    }
}

/// Changes the given details of member `id`, keeping the rest.
pub fn change_member(
    ctx: &Ctx,
    id: i64,
    change: &MemberChange,
    if_duplicate: IfDuplicate,
) -> Result<Outcome> {
    let card = db::members::card(&ctx.conn, id)?
        .ok_or_else(|| Error::user("err-member-not-found", &[("key", &id.to_string())]))?;
    let mut input = as_typed(&card);
    let set = |slot: &mut String, value: &Option<String>| {
        if let Some(v) = value {
            slot.clone_from(v);
        }
    };
    set(&mut input.first_name, &change.first_name);
    set(&mut input.family_name, &change.family_name);
    set(&mut input.phone, &change.phone);
    set(&mut input.email, &change.email);
    set(&mut input.card, &change.card);
    set(&mut input.area, &change.area);
    set(&mut input.note, &change.note);
    if let Some(birthday) = &change.birthday {
        input.birthday.clone_from(birthday);
        input.birthday_calendar = change.birthday_calendar.unwrap_or_default();
    }
    if let Some(consents) = &change.consents {
        input.consents.clone_from(consents);
    }
    edit_member(ctx, id, &input, if_duplicate)
}

#[cfg(test)]
#[path = "member_change_tests.rs"]
mod tests;
