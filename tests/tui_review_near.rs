//! The weekly review's next-tier tab: who is within 10 % of the next tier,
//! under column headings, the smallest amount missing first, with how many
//! there are in the tab's title; and each tab's list gathered only when
//! the tab is first chosen.

mod review_support;
mod tui_support;

use std::path::Path;

use ratatui::crossterm::event::KeyCode;
use regulars::config::Config;
use regulars::context::Ctx;
use regulars::domain::member::Channel;
use regulars::domain::review::Section;
use regulars::ui::App;

use review_support::{member, review};
use tui_support::*;

const TIERS: &str = "[shop]\nname = \"Paws & Pages\"\ncountry = \"HR\"\ncurrency = \"EUR\"\n\
[loyalty]\ntier_basis = \"spend\"\ngrace_days = 60\n\
[[tiers]]\nname = \"Bronze\"\nmin = 0\n\
[[tiers]]\nname = \"Silver\"\nmin = 200\n\
[[tiers]]\nname = \"Gold\"\nmin = 500\n";

fn spent(ctx: &Ctx, member_id: i64, total: i64) {
    ctx.conn
        .execute(
            "INSERT INTO receipts (source, till_id, local_date, total_minor, kind, member_id)
             VALUES ('generic', 'R' || ?1, '2026-10-01', ?2, 'sale', ?1)",
            rusqlite::params![member_id, total],
        )
        .unwrap();
}

/// Luka €470 (€30 to Gold), Mia €195 (€5 to Silver), Ema €181 (€19 to
/// Silver), Ivo €100 (not near); the tiers worked out as of today.
fn near_app() -> App {
    near_app_in("en")
}

/// [`near_app`] in the shop's language `lang`.
fn near_app_in(lang: &str) -> App {
    let mut ctx = empty_ctx();
    let mut config = Config::parse(TIERS, Path::new("config.toml")).unwrap();
    config.shop.locale = lang.into();
    ctx.set_config(config);
    let luka = member(&ctx.conn, "Luka", "Perić", None, &[Channel::Email]);
    let mia = member(&ctx.conn, "Mia", "Babić", None, &[Channel::Sms]);
    let ema = member(&ctx.conn, "Ema", "Novak", None, &[]);
    let ivo = member(&ctx.conn, "Ivo", "Horvat", None, &[Channel::Sms]);
    for (id, total) in [(luka, 47_000), (mia, 19_500), (ema, 18_100), (ivo, 10_000)] {
        spent(&ctx, id, total);
    }
    let now = today().and_hms_opt(9, 0, 0).unwrap();
    regulars::db::loyalty::recompute(&ctx.conn, ctx.program(), now).unwrap();
    let mut app = app(ctx);
    review_support::open_review(&mut app);
    app
}

#[test]
fn the_next_tier_tab_has_headings_a_count_and_the_smallest_gap_first() {
    let mut app = near_app();
    key(&mut app, KeyCode::Tab);
    assert_eq!(review(&app).section(), Section::NearTier);
    let names: Vec<String> = review(&app).rows().iter().map(|r| r.full_name()).collect();
    assert_eq!(names, ["Mia Babić", "Ema Novak", "Luka Perić"]);
    let text = screen(&app);
    assert!(text.contains("Next tier (3)"), "{text}");
    assert!(
        text.contains("Missing") && text.contains("Agrees to"),
        "{text}"
    );
    insta::assert_snapshot!("next_tier_tab", text);
}

#[test]
fn a_list_is_gathered_when_its_tab_is_first_chosen() {
    let mut app = near_app();
    assert!(review(&app).is_loaded(Section::Birthdays));
    for section in [Section::NearTier, Section::Lapsed, Section::Missing] {
        assert!(!review(&app).is_loaded(section), "{section:?} waits");
    }
    let text = screen(&app);
    assert!(text.contains("│ Next tier │"), "no count before: {text}");
    key(&mut app, KeyCode::Tab);
    assert!(review(&app).is_loaded(Section::NearTier));
    assert!(!review(&app).is_loaded(Section::Lapsed));
    key(&mut app, KeyCode::Tab);
    key(&mut app, KeyCode::Tab);
    assert!(review(&app).is_loaded(Section::Missing));
    // Back on the birthdays every count is known; a window wide enough
    // shows them all (at 80 columns only the shown tab's fits).
    key(&mut app, KeyCode::Tab);
    key(&mut app, KeyCode::Tab);
    assert_eq!(review(&app).section(), Section::Birthdays);
    let text = render(&app, 110, 24);
    assert!(
        text.contains("Next tier (3)") && text.contains("Missing data (4)"),
        "{text}"
    );
}

#[test]
fn nobody_near_says_so() {
    let mut ctx = empty_ctx();
    ctx.set_config(Config::parse(TIERS, Path::new("config.toml")).unwrap());
    let ivo = member(&ctx.conn, "Ivo", "Horvat", None, &[Channel::Sms]);
    spent(&ctx, ivo, 10_000);
    let mut app = app(ctx);
    review_support::open_review(&mut app);
    key(&mut app, KeyCode::Tab);
    let text = screen(&app);
    assert!(text.contains("Next tier (0)"), "{text}");
    assert!(
        text.contains("Nobody is within 10% of the next tier"),
        "{text}"
    );
}

#[test]
fn the_next_tier_tab_in_every_language_fits_80_columns() {
    for lang in ["en", "hr", "zh", "th", "he"] {
        let mut app = near_app_in(lang);
        key(&mut app, KeyCode::Tab);
        let text = screen(&app);
        for line in text.lines() {
            let row = line.strip_prefix('"').unwrap_or(line);
            let row = row.split("\" Hidden by").next().unwrap_or(row);
            let row = row.strip_suffix('"').unwrap_or(row);
            let cols = regulars::words::text::width(row);
            assert!(cols <= 80, "{lang}: a row of {cols} columns: {row}");
        }
        assert!(text.contains("Mia Babić"), "{lang}: {text}");
        insta::assert_snapshot!(format!("next_tier_tab@{lang}"), text);
    }
}
