//! Reaching out to a member: why (a birthday, a child's or pet's birthday, a
//! gotcha day, a winback), how (a channel they agreed to, or in person in
//! the shop), and the rule that nobody is messaged without consent.

use chrono::{NaiveDate, NaiveDateTime};

use crate::domain::member::Channel;

/// Why the shop gets in touch; also picks the message template.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum ContactReason {
    Birthday,
    ChildBirthday,
    PetBirthday,
    GotchaDay,
    /// A regular who stopped coming.
    Winback,
}

impl ContactReason {
    pub const ALL: [ContactReason; 5] = [
        ContactReason::Birthday,
        ContactReason::ChildBirthday,
        ContactReason::PetBirthday,
        ContactReason::GotchaDay,
        ContactReason::Winback,
    ];

    /// As stored in the contact log.
    pub fn code(self) -> &'static str {
        match self {
            ContactReason::Birthday => "birthday",
            ContactReason::ChildBirthday => "child-birthday",
            ContactReason::PetBirthday => "pet-birthday",
            ContactReason::GotchaDay => "gotcha-day",
            ContactReason::Winback => "winback",
        }
    }

    pub fn from_code(code: &str) -> Option<ContactReason> {
        ContactReason::ALL.into_iter().find(|r| r.code() == code)
    }
}

/// How the member was reached.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ContactChannel {
    /// A message or call on a channel the member agreed to.
    Message(Channel),
    /// Spoken to in the shop: needs no consent.
    InShop,
}

impl ContactChannel {
    pub fn code(self) -> &'static str {
        match self {
            ContactChannel::Message(channel) => channel.code(),
            ContactChannel::InShop => "shop",
        }
    }

    pub fn from_code(code: &str) -> Option<ContactChannel> {
        if code == "shop" {
            Some(ContactChannel::InShop)
        } else {
            Channel::from_code(code).map(ContactChannel::Message)
        }
    }
}

/// The ways a member with these consents may be reached: each channel they
/// agreed to, then in person. Without any consent, only in person.
pub fn allowed_channels(consented: &[Channel]) -> Vec<ContactChannel> {
    let mut allowed: Vec<ContactChannel> = Channel::ALL
        .into_iter()
        .filter(|c| consented.contains(c))
        .map(ContactChannel::Message)
        .collect();
    allowed.push(ContactChannel::InShop);
    allowed
}

/// One line of the contact log.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ContactEntry {
    pub member_id: i64,
    pub reason: ContactReason,
    /// The day it was about: the birthday celebrated, or the last visit
    /// before a winback.
    pub for_date: Option<NaiveDate>,
    pub channel: ContactChannel,
    pub at: NaiveDateTime,
}

impl ContactEntry {
    /// Whether this entry settles a row of the weekly list: the same kind of
    /// row (a winback, or any birthday of the household) about the same day.
    /// Next year's birthday is another day, so the row comes back.
    pub fn settles(&self, reason: ContactReason, for_date: NaiveDate) -> bool {
        let winback = |r| r == ContactReason::Winback;
        self.for_date == Some(for_date) && winback(self.reason) == winback(reason)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    #[test]
    fn without_consent_only_in_person() {
        assert_eq!(allowed_channels(&[]), vec![ContactChannel::InShop]);
        assert_eq!(
            allowed_channels(&[Channel::Email, Channel::Sms]),
            vec![
                ContactChannel::Message(Channel::Sms),
                ContactChannel::Message(Channel::Email),
                ContactChannel::InShop
            ]
        );
    }

    #[test]
    fn codes_read_back() {
        for r in ContactReason::ALL {
            assert_eq!(ContactReason::from_code(r.code()), Some(r));
        }
        for c in [
            ContactChannel::InShop,
            ContactChannel::Message(Channel::Post),
        ] {
            assert_eq!(ContactChannel::from_code(c.code()), Some(c));
        }
        assert_eq!(ContactChannel::from_code("fax"), None);
    }

    #[test]
    fn a_wish_settles_this_years_row_only() {
        let entry = ContactEntry {
            member_id: 1,
            reason: ContactReason::ChildBirthday,
            for_date: Some(d(2026, 11, 26)),
            channel: ContactChannel::InShop,
            at: d(2026, 11, 23).and_hms_opt(12, 0, 0).unwrap(),
        };
        assert!(entry.settles(ContactReason::Birthday, d(2026, 11, 26)));
        assert!(!entry.settles(ContactReason::Birthday, d(2027, 11, 26)));
        assert!(!entry.settles(ContactReason::Winback, d(2026, 11, 26)));
    }
}
