//! The one selection behind every contact list: narrowed to a set of
//! members (a segment), each member's own consent, phones in the shop's
//! form or raw.

use std::collections::HashSet;

use chrono::NaiveDate;
use regulars::clock::Clock;
use regulars::config::Config;
use regulars::context::Ctx;
use regulars::db;
use regulars::domain::member::{Channel, MemberDraft};
use regulars::ops::export_contacts::{Phones, channel, contacts, csv_text};
use tempfile::TempDir;

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

fn add(ctx: &Ctx, first: &str, phone: &str, language: Option<&str>, consents: &[Channel]) -> i64 {
    let draft = MemberDraft {
        first_name: first.into(),
        family_name: "Kovač".into(),
        phone: Some(phone.into()),
        language: language.map(str::to_string),
        ..MemberDraft::default()
    };
    db::members::insert(&ctx.conn, &draft, consents, ctx.clock.now()).unwrap()
}

#[test]
fn a_set_of_members_narrows_the_list_and_only_consent_on_the_channel_counts() {
    let dir = TempDir::new().unwrap();
    let ctx = club(&dir);
    let ana = add(&ctx, "Ana", "+385912345678", Some("hr"), &[Channel::Sms]);
    let ivo = add(&ctx, "Ivo", "+385922222222", None, &[Channel::Sms]);
    add(
        &ctx,
        "Eva",
        "+385933333333",
        None,
        &[Channel::Phone, Channel::Email],
    );
    let all: Vec<i64> = contacts(&ctx, Channel::Sms, None)
        .unwrap()
        .iter()
        .map(|r| r.member_id)
        .collect();
    assert_eq!(all, vec![ana, ivo]);
    let only = HashSet::from([ivo, 99]);
    let some = contacts(&ctx, Channel::Sms, Some(&only)).unwrap();
    assert_eq!(some.len(), 1);
    assert_eq!(some[0].member_id, ivo);
    assert!(
        contacts(&ctx, Channel::Email, None).unwrap().is_empty(),
        "no emails stored"
    );

    let rows = contacts(&ctx, Channel::Sms, None).unwrap();
    let national = csv_text(&ctx, Channel::Sms, &rows, Phones::National).unwrap();
    assert_eq!(
        national,
        "first_name,family_name,phone,language\nAna,Kovač,091 234 5678,hr\nIvo,Kovač,092 222 2222,\n"
    );
    let raw = csv_text(&ctx, Channel::Sms, &rows, Phones::Raw).unwrap();
    assert!(raw.contains("Ana,Kovač,+385912345678,hr"), "{raw}");
}

#[test]
fn only_sms_and_email_lists_are_made() {
    assert_eq!(channel(" SMS ").unwrap(), Channel::Sms);
    assert_eq!(channel("email").unwrap(), Channel::Email);
    for code in ["phone", "post", "fax"] {
        assert_eq!(channel(code).unwrap_err().key(), Some("err-export-channel"));
    }
}
