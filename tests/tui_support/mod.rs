//! Shared setup for the TUI tests: a club on an in-memory database with a
//! fixed day (Monday 23 Nov 2026), the app driven by key events, and the
//! screen rendered into a test backend.

#![allow(dead_code)]

use chrono::NaiveDate;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use regulars::clock::Clock;
use regulars::config::Config;
use regulars::context::Ctx;
use regulars::db;
use regulars::domain::family::BirthInfo;
use regulars::domain::member::{Birthday, Channel, MemberDraft};
use regulars::ui::screens::counter::CounterState;
use regulars::ui::screens::member::MemberState;
use regulars::ui::stack::Screen;
use regulars::ui::{App, Theme};
use rusqlite::Connection;

pub fn day(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

pub fn today() -> NaiveDate {
    day(2026, 11, 23)
}

pub fn config(country: &str) -> Config {
    let mut config = Config::default();
    config.shop.name = "Paws & Pages".into();
    config.shop.country = country.into();
    config.shop.currency = "EUR".into();
    config
}

pub fn empty_ctx() -> Ctx {
    Ctx::new(
        db::open_in_memory().unwrap(),
        Clock::fixed(today()),
        config("HR"),
        None,
    )
}

fn member(first: &str, family: &str) -> MemberDraft {
    MemberDraft {
        first_name: first.into(),
        family_name: family.into(),
        ..MemberDraft::default()
    }
}

fn birthday(day: u32, month: u32, year: Option<i32>) -> Option<Birthday> {
    Some(Birthday { month, day, year })
}

fn visit(conn: &Connection, member_id: i64, date: &str, till_id: &str) {
    conn.execute(
        "INSERT INTO receipts (source, till_id, local_date, total_minor, kind, member_id)
         VALUES ('generic', ?1, ?2, 1250, 'sale', ?3)",
        rusqlite::params![till_id, date, member_id],
    )
    .unwrap();
}

/// Ana Kovač's id in [`seeded_ctx`]: children, pets, a birthday on Thursday.
pub const ANA: i64 = 1;

/// Eight members: accents, CJK, a very long name, birthdays today and this
/// week, a few visits.
pub fn seeded_ctx() -> Ctx {
    let ctx = empty_ctx();
    let now = ctx.clock.now();
    let conn = &ctx.conn;
    let ana = MemberDraft {
        phone: Some("+385912345678".into()),
        email: Some("ana.kovac@example.com".into()),
        birthday: birthday(26, 11, Some(1986)),
        card: Some("C-1001".into()),
        area: Some("Trešnjevka".into()),
        note: Some("Likes dark roast; ask how the new puppy settles in".into()),
        ..member("Ana", "Kovač")
    };
    let ana_id = db::members::insert(conn, &ana, &[Channel::Sms, Channel::Email], now).unwrap();
    assert_eq!(ana_id, ANA);
    db::members::add_child(
        conn,
        ana_id,
        "Noam",
        Some("boy"),
        BirthInfo::Born(day(2020, 11, 26)),
    )
    .unwrap();
    db::members::add_child(
        conn,
        ana_id,
        "Lea",
        None,
        BirthInfo::About {
            years: 3,
            on: day(2025, 6, 1),
        },
    )
    .unwrap();
    db::members::add_pet(
        conn,
        ana_id,
        "Rex",
        "dog",
        BirthInfo::About {
            years: 5,
            on: day(2024, 11, 23),
        },
    )
    .unwrap();
    db::members::add_pet(
        conn,
        ana_id,
        "Mici",
        "cat",
        BirthInfo::Born(day(2019, 4, 2)),
    )
    .unwrap();
    visit(conn, ana_id, "2026-11-17", "r1");

    let others = [
        MemberDraft {
            phone: Some("+385981112233".into()),
            birthday: birthday(5, 1, None),
            ..member("Željko", "Đurić")
        },
        MemberDraft {
            email: Some("marko@example.com".into()),
            ..member("Marko", "Horvat")
        },
        MemberDraft {
            phone: Some("+8613800138000".into()),
            ..member("王小明", "")
        },
        MemberDraft {
            birthday: birthday(23, 11, Some(1990)),
            ..member("Jakob", "Quist")
        },
        MemberDraft {
            card: Some("C-2002".into()),
            ..member("Maximilian Alexander", "von Hohenzollern-Sigmaringen")
        },
        MemberDraft {
            phone: Some("+385955551234".into()),
            birthday: birthday(1, 12, Some(1979)),
            ..member("Ivana", "Kovačić")
        },
        member("Nada", "Jurić"),
    ];
    for (i, draft) in others.iter().enumerate() {
        let id = db::members::insert(conn, draft, &[], now).unwrap();
        if i % 2 == 0 {
            visit(conn, id, "2026-10-02", &format!("v{i}"));
        }
    }
    ctx
}

pub fn app(ctx: Ctx) -> App {
    App::new(ctx, Theme::colored()).unwrap()
}

pub fn key(app: &mut App, code: KeyCode) {
    app.handle_key(KeyEvent::new(code, KeyModifiers::NONE));
    app.run_pending();
}

pub fn shift_tab(app: &mut App) {
    app.handle_key(KeyEvent::new(KeyCode::BackTab, KeyModifiers::SHIFT));
}

pub fn ctrl(app: &mut App, c: char) {
    app.handle_key(KeyEvent::new(KeyCode::Char(c), KeyModifiers::CONTROL));
}

/// Types `text` one key at a time, as a person would.
pub fn type_text(app: &mut App, text: &str) {
    for c in text.chars() {
        key(app, KeyCode::Char(c));
    }
}

pub fn render(app: &App, width: u16, height: u16) -> String {
    let mut terminal = Terminal::new(TestBackend::new(width, height)).unwrap();
    terminal.draw(|frame| app.draw(frame)).unwrap();
    terminal.backend().to_string()
}

pub fn screen(app: &App) -> String {
    render(app, 80, 24)
}

pub fn names(app: &App) -> Vec<String> {
    app.counter()
        .rows()
        .iter()
        .map(|r| {
            format!("{} {}", r.member.first_name, r.member.family_name)
                .trim()
                .to_string()
        })
        .collect()
}

/// The screen in front as a `T`; fails naming the screen in front instead.
pub fn front<T: Screen>(app: &App) -> &T {
    app.top::<T>().unwrap_or_else(|| {
        let name = app.screen().name();
        panic!("{name} is in front, not {}", std::any::type_name::<T>())
    })
}

pub fn open_member_name(app: &App) -> Option<String> {
    app.top::<MemberState>()
        .map(|m| m.card().member.full_name())
}

pub fn is_counter(app: &App) -> bool {
    app.top::<CounterState>().is_some()
}

/// Imports a till export written as `text` (any format the app reads)
/// into the context's database, through the import engine.
pub fn import_text(ctx: &mut Ctx, name: &str, text: &str) -> regulars::import::Report {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join(name);
    std::fs::write(&path, text).unwrap();
    let opts = regulars::import::Options {
        format: None,
        encoding: None,
        country: ctx.config.shop.country.clone(),
        currency: ctx.config.currency(),
        max_receipt: ctx.config.import.max_receipt,
        today: today(),
        dry_run: false,
    };
    let cancel = std::sync::atomic::AtomicBool::new(false);
    let mut progress = |_| {};
    let control = regulars::import::sink::Control {
        progress: &mut progress,
        cancel: &cancel,
    };
    regulars::import::import_file(&mut ctx.conn, &path, &opts, ctx.clock.now(), control).unwrap()
}

/// A plain-CSV export of Ana's (card C-1001) visits: most Saturdays at ten
/// for fourteen months, a Tuesday now and then, and one refund.
pub fn ana_history_csv() -> String {
    let mut csv = String::from("receipt_id,time,total,card,name,item,category,qty,amount\n");
    let mut date = day(2025, 9, 6);
    let mut n = 0;
    while date <= day(2026, 11, 21) {
        n += 1;
        // Every fifth Saturday she stays away; every third week she also
        // comes on Tuesday afternoon.
        if n % 5 != 0 {
            let id = format!("S{n}");
            let (beans, latte) = if n % 2 == 0 { (2, 1) } else { (1, 2) };
            let total = beans * 899 + latte * 350;
            for (item, category, qty, price) in [
                ("Coffee beans 250 g", "Coffee", beans, 899),
                ("Latte", "Café", latte, 350),
            ] {
                csv.push_str(&format!(
                    "{id},{}T10:{:02}:00,{}.{:02},C-1001,Ana K.,{item},{category},{qty},{}.{:02}\n",
                    date,
                    n % 50,
                    total / 100,
                    total % 100,
                    qty * price / 100,
                    qty * price % 100
                ));
            }
        }
        let tuesday = date + chrono::Duration::days(3);
        if n % 3 == 0 && tuesday <= today() {
            csv.push_str(&format!(
                "T{n},{tuesday}T17:05:00,4.50,C-1001,Ana K.,Dog treats,Pets,1,4.50\n"
            ));
        }
        date += chrono::Duration::days(7);
    }
    csv.push_str("X1,2026-11-10T09:00:00,-8.99,C-1001,Ana K.,Coffee beans 250 g,Coffee,-1,-8.99\n");
    csv
}
