//! A club on a real temporary database file for the operations' tests:
//! the same opening path, clock and config the app uses.

use chrono::{Datelike, NaiveDate};
use tempfile::TempDir;

use crate::clock::Clock;
use crate::config::Config;
use crate::context::Ctx;
use crate::db;
use crate::db::members;
use crate::domain::member::{Birthday, Channel, MemberDraft};

/// The tests' today: a Monday in late November.
pub fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 23).unwrap()
}

/// An empty club in a file of its own; the folder goes when dropped.
pub fn club() -> (TempDir, Ctx) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("club.db");
    let mut config = Config::default();
    config.shop.name = "Paws & Pages".into();
    config.shop.country = "HR".into();
    config.shop.currency = "EUR".into();
    config.shop.export_dir = dir.path().display().to_string();
    let ctx = Ctx::new(
        db::open(&path).unwrap(),
        Clock::fixed(today()),
        config,
        Some(path),
    );
    (dir, ctx)
}

/// Signs up a member with just a name; returns the id.
pub fn member(ctx: &Ctx, first: &str, family: &str) -> i64 {
    let draft = MemberDraft {
        first_name: first.into(),
        family_name: family.into(),
        ..MemberDraft::default()
    };
    members::insert(&ctx.conn, &draft, &[], ctx.clock.now()).unwrap()
}

/// How many rows the points ledger holds.
pub fn ledger_rows(ctx: &Ctx) -> i64 {
    ctx.conn
        .query_row("SELECT count(*) FROM points", [], |r| r.get(0))
        .unwrap()
}

/// Signs up a member with a phone, an email, a birthday in two days and
/// consent on `consents` only; returns the id.
pub fn birthday_member(ctx: &Ctx, first: &str, consents: &[Channel]) -> i64 {
    let soon = today() + chrono::Duration::days(2);
    let draft = MemberDraft {
        first_name: first.into(),
        family_name: "Kovač".into(),
        phone: Some("+385912345678".into()),
        email: Some(format!("{}@example.com", first.to_lowercase())),
        birthday: Some(Birthday {
            month: soon.month(),
            day: soon.day(),
            year: None,
        }),
        ..MemberDraft::default()
    };
    members::insert(&ctx.conn, &draft, consents, ctx.clock.now()).unwrap()
}
