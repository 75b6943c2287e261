//! Demo members: repeatable, varied, and shaped like a real club.

use std::collections::{HashMap, HashSet};
use std::str::FromStr;

use chrono::{Datelike, NaiveDate, NaiveDateTime};
use rusqlite::Connection;

use super::*;
use crate::db;
use crate::domain::member::normalise_email;

pub(super) fn now() -> NaiveDateTime {
    NaiveDate::from_ymd_opt(2026, 11, 23)
        .unwrap()
        .and_hms_opt(12, 0, 0)
        .unwrap()
}

/// The loyalty program of the config a new user gets (US dollars).
pub(super) fn program() -> Program {
    let text = crate::config::default_text(Some("en_US.UTF-8"));
    crate::config::Config::parse(&text, std::path::Path::new("config.toml"))
        .unwrap()
        .loyalty()
}

fn members(n: usize, seed: u64) -> Vec<DemoMember> {
    generate(now(), n, seed).expect("the demo files load")
}

fn share(part: usize, of: usize) -> f64 {
    part as f64 / of as f64
}

/// Every stored row of the demo tables, as text, in id order; the chain
/// ids (`uid`) are random by design and left out.
fn dump(conn: &Connection) -> Vec<String> {
    let mut out = vec![];
    for table in ["members", "children", "pets", "consents"] {
        let mut stmt = conn
            .prepare(&format!("SELECT * FROM {table} ORDER BY id"))
            .unwrap();
        let columns: Vec<usize> = (0..stmt.column_count())
            .filter(|&i| stmt.column_name(i).unwrap() != "uid")
            .collect();
        let rows = stmt
            .query_map([], |r| {
                let cells: Vec<String> = columns
                    .iter()
                    .map(|&i| format!("{:?}", r.get_ref(i).unwrap()))
                    .collect();
                Ok(cells.join("|"))
            })
            .unwrap();
        out.extend(rows.map(|r| format!("{table}: {}", r.unwrap())));
    }
    out
}

pub(super) fn filled(n: usize, seed: u64) -> Connection {
    let mut conn = db::open_in_memory().unwrap();
    assert_eq!(fill(&mut conn, now(), n, seed, &program()).unwrap(), n);
    conn
}

#[test]
fn the_same_seed_gives_the_same_club() {
    let a = dump(&filled(300, 7));
    assert!(a.len() > 300);
    assert_eq!(a, dump(&filled(300, 7)));
    assert_ne!(a, dump(&filled(300, 8)));
    assert_eq!(members(50, 7), members(50, 7));
}

#[test]
fn filling_twice_hands_out_new_cards() {
    let mut conn = filled(200, 1);
    fill(&mut conn, now(), 200, 1, &program()).unwrap();
    let (cards, distinct): (i64, i64) = conn
        .query_row(
            "SELECT count(card), count(DISTINCT card) FROM members",
            [],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .unwrap();
    assert!(cards > 150);
    assert_eq!(cards, distinct);
}

#[test]
fn a_stopped_fill_adds_nothing() {
    let mut conn = db::open_in_memory().unwrap();
    let mut calls = vec![];
    let added = fill_with_progress(&mut conn, now(), 2_500, 3, &program(), &mut |done| {
        calls.push(done);
        false
    })
    .unwrap();
    assert_eq!((added, calls), (0, vec![100]));
    assert_eq!(db::members::count(&conn).unwrap(), 0);
}

#[test]
fn a_fill_stopped_at_its_last_ask_adds_nothing_either() {
    let mut conn = db::open_in_memory().unwrap();
    let mut calls = vec![];
    let added = fill_with_progress(&mut conn, now(), 250, 3, &program(), &mut |done| {
        calls.push(done);
        done < 250
    })
    .unwrap();
    assert_eq!((added, calls), (0, vec![100, 200, 250]));
    assert_eq!(db::members::count(&conn).unwrap(), 0);
}

#[test]
fn stored_members_read_back_with_families_and_consent() {
    let conn = filled(400, 11);
    assert_eq!(db::members::count(&conn).unwrap(), 400);
    let withdrawn: i64 = conn
        .query_row("SELECT count(*) FROM consents WHERE granted = 0", [], |r| {
            r.get(0)
        })
        .unwrap();
    assert!(withdrawn > 0);
    let joined: (String, String) = conn
        .query_row(
            "SELECT min(joined_at), max(joined_at) FROM members",
            [],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .unwrap();
    assert!(joined.0.as_str() < "2022-01-01", "{joined:?}");
    assert!(joined.1.as_str() <= "2026-11-23", "{joined:?}");
    let with_pets: i64 = conn
        .query_row("SELECT min(member_id) FROM pets", [], |r| r.get(0))
        .unwrap();
    let card = db::members::card(&conn, with_pets).unwrap().unwrap();
    assert!(!card.pets.is_empty());
}

#[test]
fn names_come_in_several_scripts() {
    let all = members(2_000, 42);
    let names: Vec<String> = all
        .iter()
        .map(|m| format!("{} {}", m.draft.first_name, m.draft.family_name))
        .collect();
    let has = |test: &dyn Fn(char) -> bool| names.iter().filter(|n| n.chars().any(test)).count();
    let hebrew = has(&|c| ('\u{0590}'..='\u{05FF}').contains(&c));
    let thai = has(&|c| ('\u{0E00}'..='\u{0E7F}').contains(&c));
    let chinese = has(&|c| ('\u{4E00}'..='\u{9FFF}').contains(&c));
    let croatian = has(&|c| "čćđšžČĆĐŠŽ".contains(c));
    for (script, count) in [
        ("Hebrew", hebrew),
        ("Thai", thai),
        ("Chinese", chinese),
        ("Croatian", croatian),
    ] {
        assert!(count > 100, "{script}: {count}");
    }
    // Some Israeli members give their names in Latin letters.
    let transliterated = all
        .iter()
        .filter(|m| m.draft.language.as_deref() == Some("he") && m.draft.first_name.is_ascii())
        .count();
    assert!(transliterated > 30, "{transliterated}");
    // Chinese family names are kept in the family name field.
    assert!(all.iter().any(|m| m.draft.family_name == "王"));
}

#[test]
fn phones_belong_to_the_country_of_the_name_and_emails_are_clean() {
    let all = members(2_000, 5);
    let prefix = HashMap::from([
        ("he", vec!["+9725"]),
        ("hr", vec!["+3859"]),
        ("zh", vec!["+861"]),
        ("th", vec!["+668"]),
        ("en", vec!["+447", "+1"]),
    ]);
    let mut phones = HashSet::new();
    for m in &all {
        let language = m.draft.language.as_deref().unwrap();
        if let Some(phone) = &m.draft.phone {
            let parsed = phonenumber::parse(None, phone).unwrap();
            assert!(phonenumber::is_valid(&parsed), "{phone}");
            assert!(
                prefix[language].iter().any(|p| phone.starts_with(p)),
                "{language} {phone}"
            );
            assert!(phones.insert(phone.clone()), "{phone} given twice");
        }
        if let Some(email) = &m.draft.email {
            assert_eq!(normalise_email(email).as_ref(), Ok(email));
            assert!(email.is_ascii() && !email.contains(".."), "{email}");
        }
        if let Some(card) = &m.draft.card {
            assert!(
                card.starts_with("C-") && u32::from_str(&card[2..]).is_ok(),
                "{card}"
            );
        }
    }
    let count = |f: &dyn Fn(&DemoMember) -> bool| all.iter().filter(|m| f(m)).count();
    assert!(share(count(&|m| m.draft.phone.is_some()), 2_000) > 0.8);
    let emails = share(count(&|m| m.draft.email.is_some()), 2_000);
    assert!((0.3..0.6).contains(&emails), "{emails}");
    assert!(count(&|m| m.draft.card.is_some()) > 1_000);
    assert!(count(&|m| m.draft.area.is_some()) > 400);
    assert!(count(&|m| m.draft.note.is_some()) > 40);
}

#[test]
fn birthdays_cover_the_year_and_some_fall_on_feb_29() {
    let all = members(2_000, 42);
    let birthdays: Vec<_> = all.iter().filter_map(|m| m.draft.birthday).collect();
    let without = all.len() - birthdays.len();
    assert!(without > 100, "{without}");
    let months: HashSet<u32> = birthdays.iter().map(|b| b.month).collect();
    assert_eq!(months.len(), 12);
    let leap: Vec<_> = birthdays
        .iter()
        .filter(|b| (b.month, b.day) == (2, 29))
        .collect();
    assert!(leap.len() >= 5, "{}", leap.len());
    let with_year = share(
        birthdays.iter().filter(|b| b.year.is_some()).count(),
        birthdays.len(),
    );
    assert!((0.33..0.47).contains(&with_year), "{with_year}");
    for b in birthdays.iter().filter(|b| b.year.is_some()) {
        let date = NaiveDate::from_ymd_opt(b.year.unwrap(), b.month, b.day);
        assert!(
            date.is_some_and(|d| d < now().date() && d.year() > 1930),
            "{b:?}"
        );
    }
}

#[test]
fn about_a_third_have_children_or_pets() {
    let all = members(3_000, 9);
    let families = all
        .iter()
        .filter(|m| !m.children.is_empty() || !m.pets.is_empty())
        .count();
    let families = share(families, all.len());
    assert!((0.28..0.40).contains(&families), "{families}");
    let children: Vec<&DemoChild> = all.iter().flat_map(|m| &m.children).collect();
    let pets: Vec<&DemoPet> = all.iter().flat_map(|m| &m.pets).collect();
    let exact = |b: &BirthInfo| matches!(b, BirthInfo::Born(_));
    let about = |b: &BirthInfo| matches!(b, BirthInfo::About { .. });
    assert!(children.iter().any(|c| exact(&c.birth)) && children.iter().any(|c| about(&c.birth)));
    assert!(pets.iter().any(|p| exact(&p.birth)) && pets.iter().any(|p| about(&p.birth)));
    assert!(pets.iter().any(|p| p.birth == BirthInfo::Unknown));
    let kinds: HashSet<&str> = pets.iter().map(|p| p.kind.as_str()).collect();
    assert!(kinds.len() >= 6, "{kinds:?}");
    let today = now().date();
    for b in children
        .iter()
        .map(|c| c.birth)
        .chain(pets.iter().map(|p| p.birth))
    {
        match b {
            BirthInfo::Born(d) => assert!(d < today),
            BirthInfo::About { years, on } => assert!(years >= 1 && on <= today),
            BirthInfo::Unknown => {}
        }
    }
}

#[test]
fn consent_mixes_granted_none_and_withdrawn() {
    let all = members(2_000, 13);
    let current = |m: &DemoMember, ch: Channel| {
        m.consents
            .iter()
            .rev()
            .find(|c| c.channel == ch)
            .map(|c| c.granted)
    };
    let count = |f: &dyn Fn(&DemoMember) -> bool| all.iter().filter(|m| f(m)).count();
    assert!(count(&|m| current(m, Channel::Sms) == Some(true)) > 600);
    assert!(count(&|m| current(m, Channel::Email) == Some(true)) > 200);
    assert!(count(&|m| m.consents.is_empty()) > 300);
    assert!(count(&|m| m.consents.iter().any(|c| !c.granted)) > 50);
    for m in &all {
        assert!(m.joined <= now());
        assert!(m.consents.windows(2).all(|w| w[0].at <= w[1].at));
        assert!(m.consents.iter().all(|c| c.at >= m.joined && c.at <= now()));
        assert!(m.consents.iter().all(|c| match c.channel {
            Channel::Sms => m.draft.phone.is_some(),
            _ => m.draft.email.is_some(),
        }));
    }
}
