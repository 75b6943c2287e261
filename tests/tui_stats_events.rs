//! The Stats screen's Events page (Tab, Tab from the figures): the events
//! of the period, newest first, each with the 90 days after it for those
//! who came against the active members not invited. Worked out by hand on
//! a small club, and drawn at 80×24 in every language.

mod tui_support;

use ratatui::crossterm::event::KeyCode;
use regulars::context::Ctx;
use regulars::db;
use regulars::ops::events;
use regulars::ui::screens::stats::{Page, StatsState};
use regulars::words::text::width;
use tui_support::*;

const LANGUAGES: &[&str] = &["en", "hr", "zh", "th", "he"];

fn sale(ctx: &Ctx, id: &str, date: &str, total: i64, member: i64) {
    ctx.conn
        .execute(
            "INSERT INTO receipts (source, till_id, local_date, total_minor, kind, member_id)
             VALUES ('generic', ?1, ?2, ?3, 'sale', ?4)",
            (id, date, total, member),
        )
        .unwrap();
}

/// A puppy morning on 1 June: Ana (1) and member 2 invited, Ana came and
/// member 3 came without an invitation; member 4 was active and not
/// invited. A tasting on 20 October, its 90 days not over yet.
fn club(lang: &str) -> regulars::ui::App {
    let mut ctx = seeded_ctx();
    let mut config = ctx.config.clone();
    config.shop.locale = lang.into();
    config.import.inbox = "no-such-inbox-folder".into();
    ctx.set_config(config);
    ctx.conn
        .execute("UPDATE members SET joined_at = '2025-01-01'", [])
        .unwrap();
    for (i, member) in [1, 2, 3, 4].into_iter().enumerate() {
        sale(&ctx, &format!("before{i}"), "2026-05-20", 1000, member);
    }
    // The 90 days after 1 June: 2 June – 30 August.
    sale(&ctx, "a1", "2026-06-10", 3000, 1);
    sale(&ctx, "a2", "2026-07-01", 2000, 1);
    sale(&ctx, "m1", "2026-06-20", 1500, 3);
    sale(&ctx, "o1", "2026-06-15", 1000, 4);
    sale(&ctx, "late", "2026-09-15", 9900, 4);
    let puppy = events::add(&ctx, "Puppy morning", "1.6.2026", Some(10)).unwrap();
    let at = ctx.clock.now();
    for member in [1, 2] {
        db::events::invite(&ctx.conn, puppy.id, member, "sms", at).unwrap();
    }
    events::attend(&ctx, puppy.id, 1, "counter").unwrap();
    events::attend(&ctx, puppy.id, 3, "counter").unwrap();
    events::add(&ctx, "Tea tasting", "20.10.2026", None).unwrap();
    let mut app = app(ctx);
    key(&mut app, KeyCode::Esc);
    type_text(&mut app, "a");
    key(&mut app, KeyCode::Tab);
    key(&mut app, KeyCode::Tab);
    app
}

#[test]
fn the_events_page_shows_each_event_and_its_90_days_after() {
    let mut app = club("en");
    assert_eq!(front::<StatsState>(&app).page(), Page::Events);
    let shown = screen(&app);
    let at = |text: &str| {
        shown
            .find(text)
            .unwrap_or_else(|| panic!("{text}: {shown}"))
    };
    // Newest first.
    assert!(at("Tea tasting") < at("Puppy morning"), "{shown}");
    assert!(shown.contains("invited 2/10, came 2"), "{shown}");
    // Ana: 2 visits, €50; member 3: 1 visit, €15 → 1.5 visits, €32.50 each.
    assert!(
        shown.contains("Came: 2 members, 1.50 visits and €32.50 each"),
        "{shown}"
    );
    // Member 4, active on 1 June, not invited: 1 visit and €10 in the
    // window (the September one is after it).
    assert!(
        shown.contains("Active members not invited: 1 member, 1.00 visits and €10.00"),
        "{shown}"
    );
    assert!(shown.contains("not complete yet"), "{shown}");
    key(&mut app, KeyCode::Tab);
    assert_eq!(front::<StatsState>(&app).page(), Page::Figures);
}

#[test]
fn the_events_page_in_every_language() {
    for lang in LANGUAGES {
        let app = club(lang);
        let shown = screen(&app);
        for line in shown.lines() {
            let row = line.strip_prefix('"').unwrap_or(line);
            let row = row.split("\" Hidden by").next().unwrap_or(row);
            let row = row.strip_suffix('"').unwrap_or(row);
            assert!(width(row) <= 80, "{lang}: {row}");
        }
        for word in ["ui-", "stats-", "event-"] {
            assert!(!shown.contains(word), "{lang} shows a key: {shown}");
        }
        insta::assert_snapshot!(format!("stats_events@{lang}"), shown);
    }
}
