//! No contact list ever carries a contact whose member does not agree to
//! the channel now, whose contact is on the suppression list, or whose
//! member was erased — whatever happened before: grants and withdrawals in
//! any order, members sharing a phone or an email, consent given again in
//! different ways, erasures. Checked through the file the command writes,
//! against a model of the rules kept apart from the code.

use std::collections::{HashMap, HashSet};

use chrono::NaiveDate;
use proptest::prelude::*;
use regulars::clock::Clock;
use regulars::config::Config;
use regulars::context::Ctx;
use regulars::db;
use regulars::domain::consent::ConsentHow;
use regulars::domain::member::{Channel, MemberDraft};
use regulars::ops::consent::change_consent;
use regulars::ops::erase::erase_member;
use regulars::ops::export_contacts::{Phones, export_contacts};
use regulars::ops::members::{IfDuplicate, MemberInput, Outcome, sign_up};
use tempfile::TempDir;

const PHONES: [&str; 2] = ["+385911111111", "+385922222222"];
const EMAILS: [&str; 2] = ["ana@example.com", "ivo@example.com"];
const CHANNELS: [Channel; 3] = [Channel::Sms, Channel::Email, Channel::Phone];
const HOWS: [ConsentHow; 5] = [
    ConsentHow::Counter,
    ConsentHow::Signup,
    ConsentHow::Import,
    ConsentHow::Form,
    ConsentHow::Cli,
];

#[derive(Debug, Clone)]
enum Event {
    Grant(usize, usize, usize),
    Withdraw(usize, usize),
    Erase(usize),
}

fn event(members: usize) -> impl Strategy<Value = Event> {
    prop_oneof![
        4 => (0..members, 0..CHANNELS.len(), 0..HOWS.len()).prop_map(|(m, c, h)| Event::Grant(m, c, h)),
        3 => (0..members, 0..CHANNELS.len()).prop_map(|(m, c)| Event::Withdraw(m, c)),
        1 => (0..members).prop_map(Event::Erase),
    ]
}

/// A member's phone and email, each one of two shared ones or none.
fn contacts() -> impl Strategy<Value = (Option<usize>, Option<usize>)> {
    (
        proptest::option::of(0..2usize),
        proptest::option::of(0..2usize),
    )
}

fn club(dir: &TempDir) -> Ctx {
    let mut config = Config::default();
    config.shop.country = "HR".into();
    let path = dir.path().join("club.db");
    Ctx::new(
        db::open(&path).unwrap(),
        Clock::fixed(NaiveDate::from_ymd_opt(2026, 11, 23).unwrap()),
        config,
        Some(path),
    )
}

/// The rules, kept apart from the code: current consent per member and
/// channel, the suppressed (channel, contact) pairs, who is erased.
#[derive(Default)]
struct Model {
    granted: HashSet<(usize, Channel)>,
    suppressed: HashSet<(Channel, String)>,
    erased: HashSet<usize>,
}

fn contact_of(people: &[(Option<usize>, Option<usize>)], m: usize, c: Channel) -> Option<String> {
    match c {
        Channel::Sms | Channel::Phone => people[m].0.map(|p| PHONES[p].to_string()),
        Channel::Email => people[m].1.map(|e| EMAILS[e].to_string()),
        Channel::Post => None,
    }
}

fn exported(ctx: &Ctx, dir: &TempDir, channel: Channel) -> Vec<(String, String)> {
    let out = dir.path().join(format!("{}.csv", channel.code()));
    export_contacts(ctx, channel, None, Some(&out), Phones::Raw).unwrap();
    let text = std::fs::read_to_string(&out).unwrap();
    let text = text.strip_prefix('\u{FEFF}').expect("a byte order mark");
    let mut reader = csv::Reader::from_reader(text.as_bytes());
    reader
        .records()
        .map(|r| {
            let r = r.unwrap();
            (r[0].to_string(), r[2].to_string())
        })
        .collect()
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn no_list_carries_a_contact_without_consent_or_on_the_suppression_list(
        people in proptest::collection::vec(contacts(), 2..6),
        events in proptest::collection::vec(event(6), 0..30),
    ) {
        let dir = TempDir::new().unwrap();
        let ctx = club(&dir);
        let now = ctx.clock.now();
        let mut ids = vec![];
        for (i, (phone, email)) in people.iter().enumerate() {
            let draft = MemberDraft {
                first_name: format!("M{i}"),
                phone: phone.map(|p| PHONES[p].to_string()),
                email: email.map(|e| EMAILS[e].to_string()),
                ..MemberDraft::default()
            };
            ids.push(db::members::insert(&ctx.conn, &draft, &[], now).unwrap());
        }
        // Each phone bought once at the till before anyone signed up with it.
        for (i, phone) in PHONES.iter().enumerate() {
            ctx.conn
                .execute(
                    "INSERT INTO receipts (source, till_id, local_date, total_minor, kind, cust_phone)
                     VALUES ('generic', ?1, '2026-11-01', 500, 'sale', ?2)",
                    rusqlite::params![format!("walk-in-{i}"), phone],
                )
                .unwrap();
        }
        let mut model = Model::default();
        for e in events {
            match e {
                Event::Grant(m, c, h) if m < ids.len() && !model.erased.contains(&m) => {
                    let (channel, how) = (CHANNELS[c], HOWS[h]);
                    change_consent(&ctx, ids[m], &[channel], &[], how).unwrap();
                    model.granted.insert((m, channel));
                    if matches!(how, ConsentHow::Counter | ConsentHow::Cli)
                        && let Some(x) = contact_of(&people, m, channel)
                    {
                        model.suppressed.remove(&(channel, x));
                    }
                }
                Event::Withdraw(m, c) if m < ids.len() && !model.erased.contains(&m) => {
                    let channel = CHANNELS[c];
                    change_consent(&ctx, ids[m], &[], &[channel], ConsentHow::Counter).unwrap();
                    model.granted.remove(&(m, channel));
                    if let Some(x) = contact_of(&people, m, channel) {
                        model.suppressed.insert((channel, x));
                    }
                }
                Event::Erase(m) if m < ids.len() && !model.erased.contains(&m) => {
                    // The erasure the command line and the card run.
                    erase_member(&ctx, ids[m]).unwrap().unwrap();
                    for c in CHANNELS {
                        if let Some(x) = contact_of(&people, m, c) {
                            model.suppressed.insert((c, x));
                        }
                    }
                    model.erased.insert(m);
                }
                _ => {}
            }
        }
        for channel in [Channel::Sms, Channel::Email] {
            let rows = exported(&ctx, &dir, channel);
            let by_name: HashMap<String, usize> =
                (0..ids.len()).map(|i| (format!("M{i}"), i)).collect();
            let mut listed = HashSet::new();
            for (name, contact) in &rows {
                let m = by_name[name];
                prop_assert!(model.granted.contains(&(m, channel)), "{name} never agreed to {channel:?}");
                prop_assert!(!model.suppressed.contains(&(channel, contact.clone())), "{contact} is suppressed");
                prop_assert!(!model.erased.contains(&m), "{name} was erased");
                prop_assert_eq!(Some(contact.clone()), contact_of(&people, m, channel));
                listed.insert(m);
            }
            // And nobody who may be messaged is left out.
            for m in 0..ids.len() {
                let may = model.granted.contains(&(m, channel))
                    && !model.erased.contains(&m)
                    && contact_of(&people, m, channel)
                        .is_some_and(|x| !model.suppressed.contains(&(channel, x)));
                prop_assert_eq!(may, listed.contains(&m), "M{} on {:?}", m, channel);
            }
        }
        // A later signup with an erased member's phone (that no one else
        // holds now) claims none of the old receipts and starts without SMS.
        let living: HashSet<usize> = (0..ids.len())
            .filter(|m| !model.erased.contains(m))
            .filter_map(|m| people[m].0)
            .collect();
        let phone = model.erased.iter().filter_map(|&m| people[m].0).find(|p| !living.contains(p));
        if let Some(p) = phone {
            let input = MemberInput {
                first_name: "Later".into(),
                phone: PHONES[p].into(),
                consents: vec!["sms".into()],
                ..MemberInput::default()
            };
            let Outcome::Saved(later) = sign_up(&ctx, &input, IfDuplicate::SaveAnyway).unwrap() else {
                panic!("saved anyway");
            };
            prop_assert_eq!(later.claimed, 0);
            prop_assert_eq!(later.suppressed, vec![Channel::Sms]);
        }
    }
}
