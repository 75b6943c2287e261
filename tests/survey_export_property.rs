//! The survey's respondent list never names a member who does not agree
//! to the channel now, whose contact is on the suppression list, or who
//! was erased — whatever happened before, with or without a segment —
//! and leaves out nobody who may be asked. Checked through the file
//! `survey export` writes, against a model of the rules kept apart from
//! the code.

use std::collections::HashSet;

use chrono::NaiveDate;
use proptest::prelude::*;
use regulars::clock::Clock;
use regulars::config::Config;
use regulars::context::Ctx;
use regulars::db;
use regulars::domain::consent::ConsentHow;
use regulars::domain::member::{Channel, MemberDraft};
use regulars::domain::survey::{Kind, Question};
use regulars::ops::consent::change_consent;
use regulars::ops::erase::erase_member;
use regulars::ops::survey_export::export;
use tempfile::TempDir;

const PHONES: [&str; 2] = ["+385911111111", "+385922222222"];
const EMAILS: [&str; 2] = ["ana@example.com", "ivo@example.com"];
const CHANNELS: [Channel; 2] = [Channel::Sms, Channel::Email];

#[derive(Debug, Clone)]
enum Event {
    Grant(usize, usize),
    Withdraw(usize, usize),
    Erase(usize),
}

fn event(members: usize) -> impl Strategy<Value = Event> {
    prop_oneof![
        4 => (0..members, 0..CHANNELS.len()).prop_map(|(m, c)| Event::Grant(m, c)),
        3 => (0..members, 0..CHANNELS.len()).prop_map(|(m, c)| Event::Withdraw(m, c)),
        1 => (0..members).prop_map(Event::Erase),
    ]
}

fn club(dir: &TempDir) -> Ctx {
    let mut config = Config::default();
    config.shop.country = "HR".into();
    config.survey.questions = vec![Question {
        text: "What should we stock that we don't?".into(),
        kind: Kind::Text,
        choices: vec![],
    }];
    let path = dir.path().join("club.db");
    Ctx::new(
        db::open(&path).unwrap(),
        Clock::fixed(NaiveDate::from_ymd_opt(2026, 11, 23).unwrap()),
        config,
        Some(path),
    )
}

fn contact_of(people: &[(Option<usize>, Option<usize>)], m: usize, c: Channel) -> Option<String> {
    match c {
        Channel::Email => people[m].1.map(|e| EMAILS[e].to_string()),
        _ => people[m].0.map(|p| PHONES[p].to_string()),
    }
}

/// The member ids of the list written for `channel`.
fn respondents(
    ctx: &Ctx,
    dir: &TempDir,
    channel: Channel,
    only: Option<&HashSet<i64>>,
) -> Vec<i64> {
    let out = dir.path().join(format!("survey-{}.csv", channel.code()));
    export(ctx, channel, only, Some(&out)).unwrap();
    let text = std::fs::read_to_string(&out).unwrap();
    let text = text.strip_prefix('\u{FEFF}').expect("a byte order mark");
    csv::Reader::from_reader(text.as_bytes())
        .records()
        .map(|r| r.unwrap()[0].parse().unwrap())
        .collect()
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(48))]

    #[test]
    fn the_respondents_are_exactly_who_may_be_asked(
        people in proptest::collection::vec(
            (proptest::option::of(0..2usize), proptest::option::of(0..2usize)),
            2..6,
        ),
        events in proptest::collection::vec(event(6), 0..25),
        segment in proptest::option::of(proptest::collection::hash_set(0..6usize, 0..6)),
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
        let mut granted = HashSet::new();
        let mut suppressed = HashSet::new();
        let mut erased = HashSet::new();
        for e in events {
            match e {
                Event::Grant(m, c) if m < ids.len() && !erased.contains(&m) => {
                    let channel = CHANNELS[c];
                    change_consent(&ctx, ids[m], &[channel], &[], ConsentHow::Counter).unwrap();
                    granted.insert((m, channel));
                    // Agreeing again at the counter lifts the suppression.
                    if let Some(x) = contact_of(&people, m, channel) {
                        suppressed.remove(&(channel, x));
                    }
                }
                Event::Withdraw(m, c) if m < ids.len() && !erased.contains(&m) => {
                    let channel = CHANNELS[c];
                    change_consent(&ctx, ids[m], &[], &[channel], ConsentHow::Counter).unwrap();
                    granted.remove(&(m, channel));
                    if let Some(x) = contact_of(&people, m, channel) {
                        suppressed.insert((channel, x));
                    }
                }
                Event::Erase(m) if m < ids.len() && !erased.contains(&m) => {
                    erase_member(&ctx, ids[m]).unwrap().unwrap();
                    for c in [Channel::Sms, Channel::Phone, Channel::Email] {
                        if let Some(x) = contact_of(&people, m, c) {
                            suppressed.insert((c, x));
                        }
                    }
                    erased.insert(m);
                }
                _ => {}
            }
        }
        let only: Option<HashSet<i64>> = segment
            .as_ref()
            .map(|s| s.iter().filter(|m| **m < ids.len()).map(|m| ids[*m]).collect());
        for channel in CHANNELS {
            let listed: HashSet<i64> = respondents(&ctx, &dir, channel, only.as_ref())
                .into_iter()
                .collect();
            for (m, id) in ids.iter().enumerate() {
                let may = granted.contains(&(m, channel))
                    && !erased.contains(&m)
                    && only.as_ref().is_none_or(|o| o.contains(id))
                    && contact_of(&people, m, channel)
                        .is_some_and(|x| !suppressed.contains(&(channel, x)));
                prop_assert_eq!(may, listed.contains(id), "M{} on {:?}", m, channel);
            }
        }
    }
}
