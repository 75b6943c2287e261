//! How a row of the weekly review reads, in the UI language: "Maya Cohen
//! turns 40 · son Noam turns 6 · Rex (dog) turns 2". Shared by the screen,
//! its CSV export and `regulars reminders`, so all three say the same.

use chrono::NaiveDate;

use crate::domain::contact::{ContactChannel, ContactReason};
use crate::domain::member::Channel;
use crate::domain::reminders::{HouseholdDay, Kind, Occasion, Reminder};
use crate::domain::review::{ReviewRow, RowKind};
use crate::i18n::{t, t_args, t_count};
use crate::words::dates::date_short;
use crate::words::loyalty::tier_gap;

/// Between the parts of a row.
pub const SEP: &str = " · ";

/// One reminder: "turns 40", "son Noam turns 6", "Bo (cat) came home on
/// this day in 2023"; a moved Feb 29 says so.
pub fn reminder_text(r: &Reminder, member_name: &str) -> String {
    let a = &r.anniversary;
    let age = r.turning.map(|n| n.to_string());
    let detail = a.detail.clone().unwrap_or_default();
    let mut text = match (a.kind, a.occasion, age) {
        (Kind::Member, _, Some(age)) => t_args(
            "review-member-turns",
            &[("name", member_name), ("age", &age)],
        ),
        (Kind::Member, _, None) => t_args("review-member-birthday", &[("name", member_name)]),
        (Kind::Child, _, age) => {
            let key = match detail.as_str() {
                "boy" => "review-son-turns",
                "girl" => "review-daughter-turns",
                _ => "review-child-turns",
            };
            t_args(key, &[("name", &a.name), ("age", &age.unwrap_or_default())])
        }
        (Kind::Pet, Occasion::Birthday, age) => t_args(
            "review-pet-turns",
            &[
                ("name", &a.name),
                ("kind", &detail),
                ("age", &age.unwrap_or_default()),
            ],
        ),
        (Kind::Pet, Occasion::Gotcha, _) => {
            let year = a.year.map(|y| y.to_string()).unwrap_or_default();
            t_args(
                "review-gotcha",
                &[("name", &a.name), ("kind", &detail), ("year", &year)],
            )
        }
    };
    if r.moved_from_feb29 {
        text.push(' ');
        text.push_str(&t("review-feb29"));
    }
    text
}

/// "Maya Cohen turns 40", "son Noam turns 6": the parts of a household's
/// day, the member first (by name alone when it is not their own birthday).
/// The screen puts right-to-left names in drawing order part by part.
pub fn household_parts(day: &HouseholdDay, member_name: &str) -> Vec<String> {
    let mut parts: Vec<String> = vec![];
    let own_birthday = day
        .reminders
        .first()
        .is_some_and(|r| r.anniversary.kind == Kind::Member);
    if !own_birthday {
        parts.push(member_name.to_string());
    }
    parts.extend(day.reminders.iter().map(|r| reminder_text(r, member_name)));
    parts
}

/// "Maya Cohen turns 40 · son Noam turns 6", or "Maya Cohen · Rex (dog)
/// turns 2" when the member's own birthday is not that day.
pub fn household_text(day: &HouseholdDay, member_name: &str) -> String {
    household_parts(day, member_name).join(SEP)
}

/// Why the member is on the list, without the name.
pub fn reason_text(row: &ReviewRow, today: NaiveDate) -> String {
    match &row.kind {
        RowKind::Celebrations(day) => {
            let name = row.full_name();
            household_text(day, &name)
        }
        RowKind::NearTier { gap } => tier_gap(gap),
        RowKind::Lapsed { visits, last_visit } => t_args(
            "review-lapsed",
            &[
                ("visits", &t_count("ui-visits", "count", *visits)),
                ("last", &date_short(*last_visit, today)),
            ],
        ),
        RowKind::Missing {
            no_birthday,
            no_consent,
            ..
        } => {
            let mut parts = vec![];
            if *no_birthday {
                parts.push(t("review-no-birthday"));
            }
            if *no_consent {
                parts.push(t("review-no-consent"));
            }
            parts.join(SEP)
        }
        RowKind::OpenNotes {
            complaints,
            requests,
            ..
        } => open_notes_text(*complaints, *requests).join(SEP),
    }
}

/// "⚑ open complaint", "⚑ 2 open requests": what waits, as the card's
/// title says it.
pub fn open_notes_text(complaints: i64, requests: i64) -> Vec<String> {
    [
        (complaints, "ui-card-open-complaints"),
        (requests, "ui-card-open-requests"),
    ]
    .into_iter()
    .filter(|(n, _)| *n > 0)
    .map(|(n, key)| t_count(key, "count", n))
    .collect()
}

/// "SMS", "Email" … as the consent rows of the card name them.
pub fn channel_name(channel: Channel) -> String {
    t(&format!("ui-channel-{}", channel.code()))
}

pub fn contact_channel_name(channel: ContactChannel) -> String {
    match channel {
        ContactChannel::Message(c) => channel_name(c),
        ContactChannel::InShop => t("review-in-shop"),
    }
}

/// The same, short enough for a list column.
pub fn contact_channel_short(channel: ContactChannel) -> String {
    match channel {
        ContactChannel::Message(c) => channel_name(c),
        ContactChannel::InShop => t("review-in-shop-short"),
    }
}

/// What a contact was about, for the member card's log.
pub fn contact_reason_name(reason: ContactReason) -> String {
    t(&format!("review-reason-{}", reason.code()))
}

/// The consented channels, "SMS Email", or "—" without any.
pub fn channels_text(channels: &[Channel]) -> String {
    if channels.is_empty() {
        t("review-no-channels")
    } else {
        channels
            .iter()
            .map(|c| channel_name(*c))
            .collect::<Vec<_>>()
            .join(" ")
    }
}
