//! The weekly review's club for the TUI tests: a family with three
//! birthdays on one day, birthdays later in the month, a pet's gotcha day,
//! a regular who stopped coming, and records missing data.

#![allow(dead_code)]

use ratatui::crossterm::event::KeyCode;
use regulars::db;
use regulars::domain::family::BirthInfo;
use regulars::domain::member::{Birthday, Channel, MemberDraft};
use regulars::ui::App;
use regulars::ui::screens::review::ReviewState;
use rusqlite::{Connection, params};

use crate::tui_support::*;

pub fn member(
    conn: &Connection,
    first: &str,
    family: &str,
    birthday: Option<(u32, u32, Option<i32>)>,
    consents: &[Channel],
) -> i64 {
    let draft = MemberDraft {
        first_name: first.into(),
        family_name: family.into(),
        phone: Some(format!("+38591{:07}", first.len() * 1_111_111)),
        email: Some(format!("{}@example.com", first.to_lowercase())),
        birthday: birthday.map(|(day, month, year)| Birthday { month, day, year }),
        ..MemberDraft::default()
    };
    let joined = day(2025, 1, 10).and_hms_opt(10, 0, 0).unwrap();
    db::members::insert(conn, &draft, consents, joined).unwrap()
}

pub fn visits(conn: &Connection, member_id: i64, dates: &[&str]) {
    for date in dates {
        conn.execute(
            "INSERT INTO receipts (source, till_id, local_date, total_minor, kind, member_id)
             VALUES ('generic', ?1 || '-' || ?2, ?1, 1500, 'sale', ?2)",
            params![date, member_id],
        )
        .unwrap();
    }
}

/// A club seen on Monday 23 Nov 2026: a family with three birthdays on one
/// day, birthdays later in the month, a pet's gotcha day, a regular who
/// stopped coming, and records missing data.
pub fn club(conn: &Connection) {
    let maya = member(
        conn,
        "Maya",
        "Cohen",
        Some((24, 11, Some(1986))),
        &[Channel::Sms],
    );
    db::members::add_child(
        conn,
        maya,
        "Noam",
        Some("boy"),
        BirthInfo::Born(day(2020, 11, 24)),
    )
    .unwrap();
    let about = BirthInfo::About {
        years: 3,
        on: day(2025, 11, 25),
    };
    db::members::add_child(conn, maya, "Lea", Some("girl"), about).unwrap();
    db::members::add_pet(conn, maya, "Rex", "dog", BirthInfo::Born(day(2024, 11, 24))).unwrap();
    member(
        conn,
        "Ana",
        "Kovač",
        Some((26, 11, None)),
        &[Channel::Email],
    );
    member(conn, "Jakob", "Quist", Some((23, 11, Some(1990))), &[]);
    let ivo = member(
        conn,
        "Ivo",
        "Horvat",
        Some((2, 3, None)),
        &[Channel::Sms, Channel::Email],
    );
    let bo = db::members::add_pet(conn, ivo, "Bo", "cat", BirthInfo::Unknown).unwrap();
    db::members::set_pet_gotcha(conn, bo, Some(day(2023, 11, 28))).unwrap();
    member(
        conn,
        "Ivana",
        "Kovačić",
        Some((1, 12, Some(1979))),
        &[Channel::Sms],
    );
    member(conn, "Luka", "Perić", Some((20, 12, None)), &[]);
    let marko = member(conn, "Marko", "Babić", None, &[Channel::Sms]);
    visits(
        conn,
        marko,
        &["2026-06-03", "2026-07-14", "2026-08-21", "2026-09-30"],
    );
    let nada = member(conn, "Nada", "Jurić", Some((5, 5, None)), &[]);
    visits(conn, nada, &["2026-11-20"]);
}

pub fn review_app() -> App {
    let ctx = empty_ctx();
    club(&ctx.conn);
    let mut app = app(ctx);
    open_review(&mut app);
    app
}

pub fn open_review(app: &mut App) {
    key(app, KeyCode::Esc);
    key(app, KeyCode::Char('w'));
    assert!(app.top::<ReviewState>().is_some(), "{}", screen(app));
}

pub fn review(app: &App) -> &regulars::ui::screens::review::ReviewState {
    front::<ReviewState>(app)
}
