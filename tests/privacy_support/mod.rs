//! A club on a real temp file with one member who has a bit of everything
//! the club can keep (family, consent, receipts with lines, points, a tier,
//! a linked till customer, a contact log), for the export and erasure tests.

#![allow(dead_code)]

use chrono::NaiveDate;
use regulars::clock::Clock;
use regulars::config::Config;
use regulars::context::Ctx;
use regulars::db;
use regulars::ops::loyalty::{self, IfBusy};
use regulars::ops::members::{IfDuplicate, MemberInput, Outcome, sign_up};
use rusqlite::params;
use tempfile::TempDir;

pub const PHONE: &str = "+385911234567";
pub const EMAIL: &str = "ana@example.com";

/// A shop in Croatia earning a point per euro, with two tiers.
pub fn shop(dir: &TempDir) -> Ctx {
    let text = "[shop]\nname = \"Pekara\"\ncountry = \"HR\"\ncurrency = \"EUR\"\n\
                [points]\nper_unit = 1\nsignup_bonus = 50\n\
                [[tiers]]\nname = \"Bronze\"\nmin = 0\n[[tiers]]\nname = \"Silver\"\nmin = 20000\n";
    let config = Config::parse(text, &dir.path().join("config.toml")).unwrap();
    Ctx::new(
        db::open(&dir.path().join("club.db")).unwrap(),
        Clock::fixed(NaiveDate::from_ymd_opt(2026, 11, 23).unwrap()),
        config,
        Some(dir.path().join("club.db")),
    )
}

pub fn sign(ctx: &Ctx, input: &MemberInput) -> i64 {
    match sign_up(ctx, input, IfDuplicate::SaveAnyway).unwrap() {
        Outcome::Saved(saved) => saved.id,
        other => panic!("not saved: {other:?}"),
    }
}

pub fn ana() -> MemberInput {
    MemberInput {
        first_name: "Ana".into(),
        family_name: "Kovač".into(),
        phone: "091 123 4567".into(),
        email: "Ana@Example.com".into(),
        birthday: "1986-03-14".into(),
        card: "HR-1001".into(),
        area: "10000".into(),
        note: "Likes oat milk".into(),
        consents: vec!["sms".into(), "email".into()],
        ..MemberInput::default()
    }
}

/// A receipt as a till file gives it, with one line; linked to `member`.
pub fn receipt(ctx: &Ctx, till_id: &str, member: Option<i64>, kind: &str, total: i64) {
    ctx.conn
        .execute(
            "INSERT INTO receipts (source, till_id, local_date, local_time, total_minor, kind,
                                   member_id, cust_card, cust_phone, cust_email, cust_name)
             VALUES ('generic', ?1, '2026-11-02', '10:15:00', ?2, ?3, ?4, 'T-77', ?5, ?6, 'Ana K.')",
            params![till_id, total, kind, member, PHONE, EMAIL],
        )
        .unwrap();
    let receipt_id = ctx.conn.last_insert_rowid();
    ctx.conn
        .execute(
            "INSERT INTO lines (receipt_id, item, category, qty_milli, amount_minor)
             VALUES (?1, 'Sourdough', 'Bread', 1000, ?2)",
            params![receipt_id, total],
        )
        .unwrap();
}

/// Ana with a child, a pet, two sales and a refund, a linked till card,
/// a birthday wish sent, and her points and tier worked out.
pub fn full_member(ctx: &Ctx) -> i64 {
    let id = sign(ctx, &ana());
    let conn = &ctx.conn;
    conn.execute(
        "INSERT INTO children (member_id, name, born) VALUES (?1, 'Mia', '2019-05-02')",
        [id],
    )
    .unwrap();
    conn.execute(
        "INSERT INTO pets (member_id, name, kind, born) VALUES (?1, 'Rex', 'dog', '2020-01-09')",
        [id],
    )
    .unwrap();
    conn.execute(
        "INSERT INTO contact_log (member_id, what, for_date, channel, at)
         VALUES (?1, 'birthday', '2026-03-14', 'sms', '2026-03-10 09:00:00')",
        [id],
    )
    .unwrap();
    conn.execute(
        "INSERT INTO customer_links (kind, value, member_id, at) VALUES ('card', 'T-77', ?1, '2026-11-01')",
        [id],
    )
    .unwrap();
    receipt(ctx, "s1", Some(id), "sale", 1250);
    receipt(ctx, "s2", Some(id), "sale", 4000);
    receipt(ctx, "s2/refund", Some(id), "refund", -800);
    loyalty::settled(ctx, IfBusy::Wait).unwrap();
    id
}

pub fn count(ctx: &Ctx, sql: &str) -> i64 {
    ctx.conn.query_row(sql, [], |r| r.get(0)).unwrap()
}
