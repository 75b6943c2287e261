//! Long work behind the screen on a club kept in a file, as the shop has
//! it: the tiers screen shows at once and fills in when every tier is
//! worked out, and the welcome screen's demo fill shows a gauge, ends on
//! the counter, and when cancelled leaves the club empty.

mod tui_support;

use std::path::Path;
use std::time::{Duration, Instant};

use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use regulars::clock::Clock;
use regulars::config::Config;
use regulars::context::Ctx;
use regulars::db;
use regulars::ops::demo::IfMembers;
use regulars::ui::App;
use regulars::ui::screens::review::ReviewState;
use regulars::ui::screens::tiers::TiersState;
use regulars::ui::screens::welcome::WelcomeState;
use tempfile::TempDir;
use tui_support::*;

const TIERS: &str = r#"[shop]
name = "Paws & Pages"
country = "HR"
currency = "EUR"

[loyalty]
tier_basis = "spend"
grace_days = 60

[[tiers]]
name = "Bronze"
min = 0

[[tiers]]
name = "Silver"
min = 200
perks = "5% off every purchase"

[[tiers]]
name = "Gold"
min = 500
perks = "10% off every purchase"
"#;

/// A club in `dir/club.db` with the tiers above, and `members` demo members.
fn file_ctx(dir: &TempDir, members: usize) -> Ctx {
    let path = dir.path().join("club.db");
    let config = Config::parse(TIERS, Path::new("config.toml")).unwrap();
    let mut ctx = Ctx::new(
        db::open(&path).unwrap(),
        Clock::fixed(today()),
        config,
        Some(path),
    );
    if members > 0 {
        regulars::ops::demo::fill(&mut ctx, members, 7, IfMembers::Refuse, &mut |_| true).unwrap();
    }
    ctx
}

/// Takes the work's reports between "frames" until `done` holds.
fn poll_until(app: &mut App, what: &str, done: impl Fn(&App) -> bool) {
    let start = Instant::now();
    while !done(app) {
        assert!(
            start.elapsed() < Duration::from_secs(60),
            "waited in vain for {what}:\n{}",
            screen(app)
        );
        std::thread::sleep(Duration::from_millis(10));
        app.poll_work();
    }
}

fn members(app: &App) -> i64 {
    app.conn()
        .query_row("SELECT count(*) FROM members", [], |r| r.get(0))
        .unwrap()
}

fn tiers_working(app: &App) -> bool {
    front::<TiersState>(app).is_working()
}

/// The tiers were last worked out yesterday: today's need a full pass (the
/// twelve months moved on), which runs behind the screen.
fn worked_out_yesterday(ctx: &Ctx) {
    ctx.conn
        .execute(
            "UPDATE loyalty_state SET value = '2026-11-22' WHERE key = 'tiers_as_of'",
            [],
        )
        .unwrap();
}

#[test]
fn the_review_opens_at_once_says_it_gathers_and_fills_in() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = app(file_ctx(&dir, 150));
    key(&mut app, KeyCode::F(2));
    // The key came back before the lists: the message line says so.
    assert!(front::<ReviewState>(&app).is_loading());
    assert!(
        app.working(),
        "the window redraws while the lists are gathered"
    );
    let shown = screen(&app);
    assert!(shown.contains("Gathering the weekly review"), "{shown}");
    // Keys still work meanwhile: the next tab.
    key(&mut app, KeyCode::Tab);
    poll_until(&mut app, "the review's lists", |app| {
        !front::<ReviewState>(app).is_loading()
    });
    let review = front::<ReviewState>(&app);
    let rows: usize = regulars::domain::review::Section::ALL
        .into_iter()
        .map(|s| review.rows_of(s).len())
        .sum();
    assert!(rows > 0, "{}", screen(&app));
    assert_eq!(app.message(), None, "the gathering line is gone");
    assert!(!app.working());
}

#[test]
fn tiers_kept_current_show_at_once_without_work() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = app(file_ctx(&dir, 150));
    key(&mut app, KeyCode::Esc);
    type_text(&mut app, "t");
    assert!(!tiers_working(&app), "{}", screen(&app));
    assert!(!app.working());
    let counted: i64 = front::<TiersState>(&app).overview().counts.iter().sum();
    assert_eq!(counted, 150, "{}", screen(&app));
}

#[test]
fn the_tiers_show_at_once_then_fill_in_when_worked_out() {
    let dir = tempfile::tempdir().unwrap();
    let ctx = file_ctx(&dir, 150);
    worked_out_yesterday(&ctx);
    let mut app = app(ctx);
    key(&mut app, KeyCode::Esc);
    type_text(&mut app, "t");
    // The key came back before the work was done: the screen says so.
    assert!(tiers_working(&app));
    assert!(app.working(), "the window redraws while it works");
    insta::assert_snapshot!("tiers_working", screen(&app));
    // Keys still work meanwhile: help opens and closes.
    type_text(&mut app, "?");
    assert!(app.help_is_open());
    key(&mut app, KeyCode::Esc);
    poll_until(&mut app, "the tiers to be worked out", |app| {
        !tiers_working(app)
    });
    let counted: i64 = front::<TiersState>(&app).overview().counts.iter().sum();
    assert!(counted > 0, "{}", screen(&app));
    let shown = screen(&app);
    assert!(!shown.contains("Working out"), "{shown}");
    assert!(!app.working());
}

#[test]
fn esc_leaves_the_tiers_while_they_are_worked_out() {
    let dir = tempfile::tempdir().unwrap();
    let ctx = file_ctx(&dir, 150);
    worked_out_yesterday(&ctx);
    let mut app = app(ctx);
    key(&mut app, KeyCode::Esc);
    type_text(&mut app, "t");
    assert!(tiers_working(&app));
    key(&mut app, KeyCode::Esc);
    assert!(is_counter(&app), "{}", screen(&app));
    assert!(!app.working());
    // The work finishes on its own; opening the tiers again shows them.
    key(&mut app, KeyCode::Esc);
    type_text(&mut app, "t");
    poll_until(&mut app, "the tiers to be worked out", |app| {
        !tiers_working(app)
    });
    assert!(
        front::<TiersState>(&app)
            .overview()
            .counts
            .iter()
            .sum::<i64>()
            > 0
    );
}

#[test]
fn the_demo_fill_shows_a_gauge_then_the_counter() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = app(file_ctx(&dir, 0));
    assert!(app.top::<WelcomeState>().is_some());
    type_text(&mut app, "d");
    assert!(front::<WelcomeState>(&app).is_filling());
    insta::assert_snapshot!("demo_filling", screen(&app));
    poll_until(&mut app, "the demo members", is_counter);
    assert_eq!(members(&app), 200);
    assert_eq!(app.message().as_deref(), Some("Added 200 demo members."));
    assert!(!names(&app).is_empty(), "the counter lists them");
}

#[test]
fn a_cancelled_demo_fill_leaves_an_empty_club() {
    // A database without a file: the fill runs in place after the frame,
    // so Esc is pressed while it has surely not begun its commit.
    let mut app = app(empty_ctx());
    app.handle_key(KeyEvent::new(KeyCode::Char('d'), KeyModifiers::NONE));
    app.handle_key(KeyEvent::new(KeyCode::Esc, KeyModifiers::NONE));
    insta::assert_snapshot!("demo_cancelling", screen(&app));
    assert!(app.run_pending());
    let welcome = front::<WelcomeState>(&app);
    assert!(!welcome.is_filling());
    assert_eq!(
        app.message().as_deref(),
        Some("Demo fill cancelled; no members were added.")
    );
    assert_eq!(members(&app), 0);
    let receipts: i64 = app
        .conn()
        .query_row("SELECT count(*) FROM receipts", [], |r| r.get(0))
        .unwrap();
    assert_eq!(receipts, 0);
    // The welcome screen takes keys again: a second fill goes through.
    type_text(&mut app, "d");
    assert!(is_counter(&app));
    assert_eq!(members(&app), 200);
}
