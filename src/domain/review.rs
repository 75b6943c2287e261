//! The weekly review's rows: a member's birthdays on a day, a regular who
//! stopped coming, or a record that misses data; with where a message may
//! go (only channels with consent), whether the row is done for this year,
//! and the ready-to-send text in the member's language.

use chrono::NaiveDate;

use crate::domain::contact::{ContactChannel, ContactEntry, ContactReason, allowed_channels};
use crate::domain::loyalty_config::TierGap;
use crate::domain::member::{Channel, full_name};
use crate::domain::reminder_messages::{Fill, Messages};
use crate::domain::reminders::{HouseholdDay, Kind, Occasion, Reminder};

/// The parts of the review, in screen order.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Section {
    Birthdays,
    /// Members within reach of the next tier; needs the loyalty rules.
    NearTier,
    /// Regulars who stopped coming.
    Lapsed,
    /// Records without a birthday or without any consent.
    Missing,
    /// Members with a request or complaint not yet resolved.
    OpenNotes,
}

impl Section {
    pub const ALL: [Section; 5] = [
        Section::Birthdays,
        Section::NearTier,
        Section::Lapsed,
        Section::Missing,
        Section::OpenNotes,
    ];

    pub fn code(self) -> &'static str {
        match self {
            Section::Birthdays => "birthdays",
            Section::NearTier => "near-tier",
            Section::Lapsed => "lapsed",
            Section::Missing => "missing",
            Section::OpenNotes => "open-notes",
        }
    }
}

/// What the lists show of a member and where a message may go.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Reachable {
    pub first_name: String,
    pub family_name: String,
    pub phone: Option<String>,
    pub email: Option<String>,
    pub language: Option<String>,
    /// Channels with consent now.
    pub channels: Vec<Channel>,
}

/// Why a member is on the list.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum RowKind {
    Celebrations(HouseholdDay),
    Lapsed {
        visits: i64,
        last_visit: NaiveDate,
    },
    Missing {
        no_birthday: bool,
        no_consent: bool,
        last_visit: Option<NaiveDate>,
    },
    /// Close to the next tier: what is missing, as the counter says it
    /// ("€37 to Gold", "2 visits to Silver").
    NearTier {
        gap: TierGap,
    },
    /// Requests and complaints waiting to be resolved, and what the one
    /// waiting longest says (the row's date is when it was written).
    OpenNotes {
        complaints: i64,
        requests: i64,
        oldest_text: String,
    },
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReviewRow {
    pub member_id: i64,
    pub member: Reachable,
    pub kind: RowKind,
    /// What a contact mark records; `None` where there is nothing to send.
    pub reason: Option<ContactReason>,
    /// The day the row is about: the celebration, or the last visit.
    pub date: Option<NaiveDate>,
    /// The log entry that settles the row this year.
    pub contacted: Option<ContactEntry>,
    /// The ready-to-send text and its language.
    pub message: Option<(String, String)>,
}

/// The near-tier list: members within 10 % of their next tier, or an honest
/// "not set up" for a shop without tiers rather than made-up ones.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum NearTier {
    NotSetUp,
    Members(Vec<ReviewRow>),
}

/// Everything the review screen shows; each section is loaded on its own
/// (see [`Part`]), the screen asking only for the one it shows.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Review {
    pub today: NaiveDate,
    /// The longest window (30 days); shorter ones are a filter of it.
    pub birthdays: Vec<ReviewRow>,
    /// The smallest amount missing first.
    pub near_tier: NearTier,
    /// Members near the next tier in all (the list is cut for the screen).
    pub near_total: usize,
    pub lapsed: Vec<ReviewRow>,
    pub missing: Vec<ReviewRow>,
    /// Members missing data in all (the list is cut for the screen).
    pub missing_total: i64,
    /// Members with open requests or complaints, the longest waiting first.
    pub open_notes: Vec<ReviewRow>,
}

/// One section of the review, loaded on its own.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Part {
    Birthdays(Vec<ReviewRow>),
    NearTier { list: NearTier, total: usize },
    Lapsed(Vec<ReviewRow>),
    Missing { rows: Vec<ReviewRow>, total: i64 },
    OpenNotes(Vec<ReviewRow>),
}

impl Part {
    pub fn section(&self) -> Section {
        match self {
            Part::Birthdays(_) => Section::Birthdays,
            Part::NearTier { .. } => Section::NearTier,
            Part::Lapsed(_) => Section::Lapsed,
            Part::Missing { .. } => Section::Missing,
            Part::OpenNotes(_) => Section::OpenNotes,
        }
    }
}

impl Review {
    /// A review with nothing loaded yet; `tiers` says whether the shop has
    /// tiers at all (else the near-tier list says it is not set up).
    pub fn empty(today: NaiveDate, tiers: bool) -> Review {
        Review {
            today,
            birthdays: vec![],
            near_tier: if tiers {
                NearTier::Members(vec![])
            } else {
                NearTier::NotSetUp
            },
            near_total: 0,
            lapsed: vec![],
            missing: vec![],
            missing_total: 0,
            open_notes: vec![],
        }
    }

    /// Takes in one loaded section, leaving the others as they are.
    pub fn put(&mut self, part: Part) {
        match part {
            Part::Birthdays(rows) => self.birthdays = rows,
            Part::NearTier { list, total } => {
                self.near_tier = list;
                self.near_total = total;
            }
            Part::Lapsed(rows) => self.lapsed = rows,
            Part::Missing { rows, total } => {
                self.missing = rows;
                self.missing_total = total;
            }
            Part::OpenNotes(rows) => self.open_notes = rows,
        }
    }
}

impl ReviewRow {
    pub fn full_name(&self) -> String {
        full_name(&self.member.first_name, &self.member.family_name)
    }

    /// The ways this member may be reached: consented channels, then in person.
    pub fn allowed_channels(&self) -> Vec<ContactChannel> {
        allowed_channels(&self.member.channels)
    }

    fn agreed(&self, channel: Channel) -> bool {
        self.member.channels.contains(&channel)
    }

    /// The phone number, only with SMS or phone consent.
    pub fn consented_phone(&self) -> Option<&str> {
        let ok = self.agreed(Channel::Sms) || self.agreed(Channel::Phone);
        self.member.phone.as_deref().filter(|_| ok)
    }

    /// The email address, only with email consent.
    pub fn consented_email(&self) -> Option<&str> {
        self.member
            .email
            .as_deref()
            .filter(|_| self.agreed(Channel::Email))
    }

    /// The log entry a contact mark writes for this row now.
    pub fn contact_entry(
        &self,
        channel: ContactChannel,
        at: chrono::NaiveDateTime,
    ) -> Option<ContactEntry> {
        Some(ContactEntry {
            member_id: self.member_id,
            reason: self.reason?,
            for_date: self.date,
            channel,
            at,
        })
    }
}

/// Which template a household's day uses: the first of its reminders (the
/// member's own birthday before a child's before a pet's).
pub fn primary_reason(r: &Reminder) -> ContactReason {
    match (r.anniversary.kind, r.anniversary.occasion) {
        (Kind::Member, _) => ContactReason::Birthday,
        (Kind::Child, _) => ContactReason::ChildBirthday,
        (Kind::Pet, Occasion::Birthday) => ContactReason::PetBirthday,
        (Kind::Pet, Occasion::Gotcha) => ContactReason::GotchaDay,
    }
}

/// What fills the templates of the rows.
pub struct Texts<'a> {
    pub messages: &'a Messages,
    pub shop: &'a str,
    /// The shop's language, used when the member's has no templates.
    pub shop_language: &'a str,
}

impl Texts<'_> {
    fn message(
        &self,
        reason: ContactReason,
        member: &Reachable,
        primary: Option<&Reminder>,
    ) -> Option<(String, String)> {
        let name = primary
            .map(|r| r.anniversary.name_or(&member.first_name))
            .unwrap_or_default();
        let fill = Fill {
            first_name: &member.first_name,
            child_name: name,
            pet_name: name,
            turning: primary.and_then(|r| r.turning),
            shop: self.shop,
        };
        let mut languages: Vec<&str> = member.language.as_deref().into_iter().collect();
        languages.extend([self.shop_language, "en"]);
        self.messages.text(reason, &languages, &fill)
    }

    /// The row of one member's birthdays on one day.
    pub fn birthday_row(
        &self,
        day: HouseholdDay,
        member: Reachable,
        log: &[ContactEntry],
    ) -> ReviewRow {
        let reason = day
            .reminders
            .first()
            .map(primary_reason)
            .unwrap_or(ContactReason::Birthday);
        let message = self.message(reason, &member, day.reminders.first());
        ReviewRow {
            member_id: day.member_id,
            contacted: log
                .iter()
                .rev()
                .find(|e| e.settles(reason, day.date))
                .cloned(),
            date: Some(day.date),
            reason: Some(reason),
            message,
            member,
            kind: RowKind::Celebrations(day),
        }
    }

    /// A regular who stopped coming; settled by a winback about the same last visit.
    pub fn lapsed_row(
        &self,
        member_id: i64,
        visits: i64,
        last_visit: NaiveDate,
        member: Reachable,
        log: &[ContactEntry],
    ) -> ReviewRow {
        let reason = ContactReason::Winback;
        ReviewRow {
            member_id,
            contacted: log
                .iter()
                .rev()
                .find(|e| e.settles(reason, last_visit))
                .cloned(),
            date: Some(last_visit),
            reason: Some(reason),
            message: self.message(reason, &member, None),
            member,
            kind: RowKind::Lapsed { visits, last_visit },
        }
    }
}

/// A record that misses data: nothing to send, only to ask.
pub fn missing_row(
    member_id: i64,
    no_birthday: bool,
    no_consent: bool,
    last_visit: Option<NaiveDate>,
    member: Reachable,
) -> ReviewRow {
    ReviewRow {
        member_id,
        member,
        kind: RowKind::Missing {
            no_birthday,
            no_consent,
            last_visit,
        },
        reason: None,
        date: last_visit,
        contacted: None,
        message: None,
    }
}

#[cfg(test)]
#[path = "review_tests.rs"]
mod tests;
