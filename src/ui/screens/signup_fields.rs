//! The signup form's fields and their rules: which come first (the fewest
//! needed at the counter), how typed text becomes a checked member, what a
//! search prefills, and the hint beside each field.

use chrono::NaiveDate;

use crate::config::Config;
use crate::domain::birth_calendar::BirthCalendar;
use crate::domain::birth_calendar_input::{parse_calendar_birthday, typed_calendar_birthday};
use crate::domain::member::{
    Birthday, Channel, FieldError, MemberCard, MemberDraft, clean_text, display_phone,
    normalise_email, normalise_phone, parse_birthday,
};
use crate::i18n::{t, t_args};
use crate::message::Message;
use crate::ops::members::{MemberField, MemberInput, check_member};
use crate::ui::format;
use crate::ui::widgets::field::TextField;
use crate::words::calendar::calendar_hint_ok;
use crate::words::examples::{birthday_message, field_problem};

/// The places Tab stops at, in order. The first four are what a customer
/// at the counter usually gives; the rest are optional.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Stop {
    FirstName,
    Contact,
    Birthday,
    Consent,
    FamilyName,
    OtherContact,
    Card,
    Area,
    Note,
    /// How they found the club (a new member only): not typed, picked.
    FoundUs,
}

impl Stop {
    pub const ALL: [Stop; 10] = [
        Stop::FirstName,
        Stop::Contact,
        Stop::Birthday,
        Stop::Consent,
        Stop::FamilyName,
        Stop::OtherContact,
        Stop::Card,
        Stop::Area,
        Stop::Note,
        Stop::FoundUs,
    ];

    pub fn index(self) -> usize {
        Stop::ALL.iter().position(|s| *s == self).unwrap_or(0)
    }

    pub fn label_key(self) -> &'static str {
        match self {
            Stop::FirstName => "field-first-name",
            Stop::Contact => "ui-field-contact",
            Stop::Birthday => "field-birthday",
            Stop::Consent => "ui-field-consent",
            Stop::FamilyName => "field-family-name",
            Stop::OtherContact => "ui-field-other-contact",
            Stop::Card => "field-card",
            Stop::Area => "field-area",
            Stop::Note => "field-note",
            Stop::FoundUs => "signup-found-us",
        }
    }

    pub fn is_text(self) -> bool {
        !matches!(self, Stop::Consent | Stop::FoundUs)
    }

    /// The first of the optional stops, shown under their own heading.
    pub fn starts_optional(self) -> bool {
        self == Stop::FamilyName
    }
}

/// What was typed, one text field per stop (the consent and found-us
/// stops' are unused).
#[derive(Debug, Clone, Default)]
pub struct Fields {
    pub text: [TextField; 10],
    /// The calendar the birthday is typed in (a key cycles it).
    pub calendar: BirthCalendar,
    /// Ticked channels, in `Channel::ALL` order.
    pub consent: [bool; 4],
}

impl Fields {
    pub fn get(&self, stop: Stop) -> &TextField {
        &self.text[stop.index()]
    }

    pub fn get_mut(&mut self, stop: Stop) -> &mut TextField {
        &mut self.text[stop.index()]
    }

    /// The values, for telling whether anything was changed.
    pub fn snapshot(&self) -> (Vec<String>, [bool; 4]) {
        let calendar = std::iter::once(self.calendar.code().to_string());
        (
            self.text
                .iter()
                .map(|f| f.value().to_string())
                .chain(calendar)
                .collect(),
            self.consent,
        )
    }

    /// A form filled from what was typed in the counter's search: an email
    /// or phone goes to the contact field, anything else is a name.
    pub fn from_search(query: &str) -> Fields {
        let mut fields = Fields::default();
        let query = clean_text(query);
        if query.is_empty() {
            return fields;
        }
        let phone_like = query.chars().any(|c| c.is_ascii_digit())
            && query
                .chars()
                .all(|c| c.is_ascii_digit() || " +-()./".contains(c));
        if query.contains('@') || phone_like {
            fields.get_mut(Stop::Contact).set(&query);
            return fields;
        }
        // Typed in lower case at speed: "ana kovač" becomes "Ana Kovač".
        let name = if query.chars().any(char::is_uppercase) {
            query
        } else {
            capitalise_words(&query)
        };
        let (first, family) = name.split_once(' ').unwrap_or((&name, ""));
        fields.get_mut(Stop::FirstName).set(first);
        fields.get_mut(Stop::FamilyName).set(family);
        fields
    }

    /// A form holding a stored member, for editing.
    pub fn from_card(card: &MemberCard, config: &Config) -> Fields {
        let d = &card.member.draft;
        let mut fields = Fields::default();
        let phone = d
            .phone
            .as_deref()
            .map(|p| display_phone(p, config.country()));
        let (contact, other) = match (phone, d.email.clone()) {
            (Some(p), email) => (Some(p), email),
            (None, email) => (email, None),
        };
        let birthday = match &card.calendar_birthday {
            Some(b) => {
                fields.calendar = b.calendar();
                Some(typed_calendar_birthday(b))
            }
            None => d
                .birthday
                .map(|b| typed_birthday(&b, config.date_order().month_first())),
        };
        let values = [
            (Stop::FirstName, Some(d.first_name.clone())),
            (Stop::Contact, contact),
            (Stop::Birthday, birthday),
            (Stop::FamilyName, Some(d.family_name.clone())),
            (Stop::OtherContact, other),
            (Stop::Card, d.card.clone()),
            (Stop::Area, d.area.clone()),
            (Stop::Note, d.note.clone()),
        ];
        for (stop, value) in values {
            fields.get_mut(stop).set(value.as_deref().unwrap_or(""));
        }
        for consent in &card.consents {
            if let Some(i) = Channel::ALL.iter().position(|c| *c == consent.channel) {
                fields.consent[i] = consent.granted;
            }
        }
        fields
    }
}

fn capitalise_words(s: &str) -> String {
    s.split(' ')
        .map(|word| {
            let mut chars = word.chars();
            match chars.next() {
                Some(c) => c.to_uppercase().chain(chars).collect(),
                None => String::new(),
            }
        })
        .collect::<Vec<_>>()
        .join(" ")
}

/// A birthday the way the owner would type it: "14.3.1986" or "3/14/1986".
pub(crate) fn typed_birthday(b: &Birthday, month_first: bool) -> String {
    match (b.year, month_first) {
        (Some(y), false) => format!("{}.{}.{y}", b.day, b.month),
        (None, false) => format!("{}.{}.", b.day, b.month),
        (Some(y), true) => format!("{}/{}/{y}", b.month, b.day),
        (None, true) => format!("{}/{}", b.month, b.day),
    }
}

/// A phone or an email, told apart by the `@`.
#[derive(Debug, Clone, PartialEq)]
pub enum Contact {
    Phone(String),
    Email(String),
}

pub fn read_contact(input: &str, config: &Config) -> Result<Option<Contact>, FieldError> {
    let input = input.trim();
    if input.is_empty() {
        Ok(None)
    } else if input.contains('@') {
        normalise_email(input).map(|e| Some(Contact::Email(e)))
    } else {
        normalise_phone(input, config.country()).map(|p| Some(Contact::Phone(p)))
    }
}

/// A member ready to store, and the channels they agreed to.
pub type Checked = (MemberDraft, Vec<Channel>);
/// A field and what is wrong with it.
pub type FieldProblem = (Stop, Message);

/// The checked member and the channels they agreed to, or a message per
/// field that is wrong. Either contact field may hold the phone or the
/// email; the rules themselves are the member operations' own.
pub fn check(
    fields: &Fields,
    today: NaiveDate,
    config: &Config,
) -> Result<Checked, Vec<FieldProblem>> {
    let typed = |stop| fields.get(stop).value().to_string();
    let mut input = MemberInput {
        first_name: typed(Stop::FirstName),
        family_name: typed(Stop::FamilyName),
        birthday: typed(Stop::Birthday),
        birthday_calendar: fields.calendar,
        card: typed(Stop::Card),
        area: typed(Stop::Area),
        note: typed(Stop::Note),
        ..MemberInput::default()
    };
    let mut errors = vec![];
    let (mut phone_at, mut email_at) = (None, None);
    for stop in [Stop::Contact, Stop::OtherContact] {
        let text = fields.get(stop).value().trim();
        if text.is_empty() {
            continue;
        }
        let (slot, at, second) = match text.contains('@') {
            true => (&mut input.email, &mut email_at, "ui-err-second-email"),
            false => (&mut input.phone, &mut phone_at, "ui-err-second-phone"),
        };
        if at.is_none() {
            (*slot, *at) = (text.to_string(), Some(stop));
        } else {
            // A second one of a kind: its own problem first, if it has one.
            let problem = read_contact(text, config)
                .map_or_else(|e| field_problem(&e, config), |_| Message::plain(second));
            errors.push((stop, problem));
        }
    }
    let draft = check_member(&input, today, config).map_err(|problems| {
        for (field, problem) in problems {
            let stop = match field {
                MemberField::FirstName => Stop::FirstName,
                MemberField::Phone => phone_at.unwrap_or(Stop::Contact),
                MemberField::Email => email_at.unwrap_or(Stop::Contact),
                MemberField::Birthday => Stop::Birthday,
            };
            errors.push((stop, field_problem(&problem, config)));
        }
    });
    match draft {
        Ok(draft) if errors.is_empty() => {
            let consents = Channel::ALL
                .into_iter()
                .zip(fields.consent)
                .filter_map(|(channel, ticked)| ticked.then_some(channel))
                .collect();
            Ok((draft, consents))
        }
        _ => {
            errors.sort_by_key(|(stop, _)| stop.index());
            Err(errors)
        }
    }
}

/// The problem with one field alone, for showing it when Tab leaves the
/// field. A missing first name waits until saving: the owner may start
/// with the phone.
pub fn check_one(
    fields: &Fields,
    stop: Stop,
    today: NaiveDate,
    config: &Config,
) -> Option<Message> {
    match check(fields, today, config) {
        Ok(_) => None,
        Err(errors) => errors
            .into_iter()
            .find(|(s, _)| *s == stop && *s != Stop::FirstName)
            .map(|(_, message)| message),
    }
}

/// Beside a field: how to write it while empty, what it was read as once
/// it reads well ("✓ 091 234 5678"). `true` when the hint confirms a value.
pub fn hint(
    stop: Stop,
    fields: &Fields,
    today: NaiveDate,
    config: &Config,
) -> Option<(String, bool)> {
    let value = fields.get(stop).value().trim();
    match stop {
        Stop::Birthday if fields.calendar != BirthCalendar::Gregorian => {
            Some(calendar_hint(value, fields.calendar, today))
        }
        Stop::Contact | Stop::OtherContact => match read_contact(value, config) {
            Ok(Some(Contact::Phone(p))) => Some((
                t_args(
                    "ui-hint-ok",
                    &[("value", &display_phone(&p, config.country()))],
                ),
                true,
            )),
            Ok(Some(Contact::Email(_))) => {
                Some((t_args("ui-hint-ok", &[("value", &t("field-email"))]), true))
            }
            _ => None,
        },
        Stop::Birthday if value.is_empty() => Some((
            birthday_message("ui-hint-birthday", config.date_order()).to_string(),
            false,
        )),
        Stop::Birthday => parse_birthday(value, today, config.date_order())
            .ok()
            .map(|b| {
                (
                    t_args("ui-hint-ok", &[("value", &format::birthday(&b))]),
                    true,
                )
            }),
        Stop::Card if value.is_empty() => Some((t("ui-hint-card"), false)),
        _ => None,
    }
}

/// A Hebrew or Chinese birthday: what it was read as, with the day it
/// falls on, or which calendar the field is in and how to write it.
fn calendar_hint(value: &str, calendar: BirthCalendar, today: NaiveDate) -> (String, bool) {
    match parse_calendar_birthday(value, calendar) {
        Ok(b) => (calendar_hint_ok(&b, today), true),
        Err(_) => (t(&format!("ui-hint-birthday-{}", calendar.code())), false),
    }
}

#[cfg(test)]
#[path = "signup_fields_tests.rs"]
mod tests;
