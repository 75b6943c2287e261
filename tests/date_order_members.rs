//! One shop, one date order: a birthday typed `3/4` means the same day on
//! the counter as on the command line (4 March in the US, 3 April in Croatia).

mod tui_support;

use assert_cmd::Command;
use ratatui::crossterm::event::KeyCode;
use regulars::ui::screens::member::MemberState;
use serde_json::Value;
use tempfile::TempDir;
use tui_support::*;

/// The birthday as (month, day) after `member add` on the command line.
fn cli_birthday(country: &str, phone: &str, typed: &str) -> (u32, u32) {
    let dir = TempDir::new().unwrap();
    let shop = format!("[shop]\nname = \"Paws\"\ncountry = \"{country}\"\ncurrency = \"EUR\"\n");
    std::fs::write(dir.path().join("config.toml"), shop).unwrap();
    let out = Command::cargo_bin("regulars")
        .unwrap()
        .env_clear()
        .env("LANG", "C.UTF-8")
        .env("HOME", dir.path())
        .arg("--db")
        .arg(dir.path().join("club.db"))
        .arg("--config")
        .arg(dir.path().join("config.toml"))
        .args(["--today", "2026-11-23", "member", "add", "--first", "Jo"])
        .args(["--phone", phone, "--birthday", typed, "--json"])
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    let card: Value = serde_json::from_slice(&out).unwrap();
    let text = card["birthday"].as_str().expect("a birthday").to_string();
    let (month, day) = text.split_once('-').unwrap();
    (month.parse().unwrap(), day.parse().unwrap())
}

/// The birthday as (month, day) after signing up at the counter.
fn tui_birthday(country: &str, phone: &str, typed: &str) -> (u32, u32) {
    let mut ctx = seeded_ctx();
    ctx.config = config(country);
    let mut app = app(ctx);
    key(&mut app, KeyCode::Esc);
    type_text(&mut app, "n");
    type_text(&mut app, "Jo");
    key(&mut app, KeyCode::Tab);
    type_text(&mut app, phone);
    key(&mut app, KeyCode::Tab);
    type_text(&mut app, typed);
    key(&mut app, KeyCode::Enter);
    let Some(card) = app.top::<MemberState>() else {
        panic!("not saved: {:?}", app.message())
    };
    let b = card.card().member.draft.birthday.expect("a birthday");
    (b.month, b.day)
}

#[test]
fn a_us_shop_reads_3_4_as_march_4_everywhere() {
    let phone = "(212) 555-0123";
    assert_eq!(cli_birthday("US", phone, "3/4"), (3, 4));
    assert_eq!(tui_birthday("US", phone, "3/4"), (3, 4));
}

#[test]
fn a_croatian_shop_reads_3_4_as_april_3_everywhere() {
    let phone = "092 765 4321";
    assert_eq!(cli_birthday("HR", phone, "3/4"), (4, 3));
    assert_eq!(tui_birthday("HR", phone, "3/4"), (4, 3));
}
