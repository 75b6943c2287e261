//! Tests for `review.rs`: consent decides what may be sent and exported,
//! the household's first reminder picks the message, and a mark settles
//! this year's row only.

use chrono::NaiveDate;

use super::*;
use crate::domain::dates::Feb29;
use crate::domain::reminders::{Anniversary, Window, by_household};

fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).unwrap()
}

fn maya(channels: Vec<Channel>) -> Reachable {
    Reachable {
        first_name: "Maya".into(),
        family_name: "Cohen".into(),
        phone: Some("+972501234567".into()),
        email: Some("maya@example.com".into()),
        language: Some("he".into()),
        channels,
    }
}

fn household(today: NaiveDate) -> HouseholdDay {
    let w = Window::new(today, 7, Feb29::Feb28);
    let base = Anniversary {
        member_id: 3,
        kind: Kind::Child,
        occasion: Occasion::Birthday,
        id: 8,
        name: "Noam".into(),
        detail: Some("boy".into()),
        month: 3,
        day: 3,
        year: Some(2020),
    };
    let pet = Anniversary {
        kind: Kind::Pet,
        name: "Rex".into(),
        detail: Some("dog".into()),
        year: Some(2024),
        ..base.clone()
    };
    let mut all = w.reminders_of(&pet);
    all.extend(w.reminders_of(&base));
    crate::domain::reminders::sort(&mut all);
    by_household(&all).remove(0)
}

fn texts(messages: &Messages) -> Texts<'_> {
    Texts {
        messages,
        shop: "Paws & Pages",
        shop_language: "en",
    }
}

#[test]
fn contact_details_only_with_consent() {
    let row = missing_row(3, true, true, None, maya(vec![]));
    assert_eq!((row.consented_phone(), row.consented_email()), (None, None));
    assert_eq!(row.allowed_channels(), vec![ContactChannel::InShop]);
    let row = missing_row(3, true, false, None, maya(vec![Channel::Email]));
    assert_eq!(row.consented_phone(), None);
    assert_eq!(row.consented_email(), Some("maya@example.com"));
    let row = missing_row(3, true, false, None, maya(vec![Channel::Phone]));
    assert_eq!(row.consented_phone(), Some("+972501234567"));
    // Nothing to send for missing data.
    let at = d(2026, 3, 2).and_hms_opt(12, 0, 0).unwrap();
    assert_eq!(row.contact_entry(ContactChannel::InShop, at), None);
}

#[test]
fn the_childs_birthday_picks_the_child_template_in_the_members_language() {
    let messages = Messages::default();
    let row =
        texts(&messages).birthday_row(household(d(2026, 3, 1)), maya(vec![Channel::Sms]), &[]);
    assert_eq!(row.reason, Some(ContactReason::ChildBirthday));
    let (text, lang) = row.message.clone().unwrap();
    assert_eq!(lang, "he");
    assert!(text.contains("Noam") && text.contains('6'), "{text}");
    assert_eq!(row.date, Some(d(2026, 3, 3)));
    assert_eq!(row.contacted, None);
}

#[test]
fn a_mark_settles_this_years_row_and_not_next_years() {
    let messages = Messages::default();
    let at = d(2026, 3, 1).and_hms_opt(12, 0, 0).unwrap();
    let this_year = texts(&messages).birthday_row(household(d(2026, 3, 1)), maya(vec![]), &[]);
    let entry = this_year.contact_entry(ContactChannel::InShop, at).unwrap();
    assert_eq!(entry.for_date, Some(d(2026, 3, 3)));
    let log = vec![entry];
    let marked = texts(&messages).birthday_row(household(d(2026, 3, 1)), maya(vec![]), &log);
    assert!(marked.contacted.is_some());
    let next_year = texts(&messages).birthday_row(household(d(2027, 3, 1)), maya(vec![]), &log);
    assert!(next_year.contacted.is_none());
    // A winback about another last visit is no winback for this one.
    let lapsed = texts(&messages).lapsed_row(3, 4, d(2026, 1, 10), maya(vec![]), &log);
    assert!(lapsed.contacted.is_none());
    assert!(lapsed.message.unwrap().0.contains("Paws & Pages"));
}
