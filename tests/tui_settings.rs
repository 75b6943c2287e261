//! The shop's settings on screen: the first start asks about the shop
//! before anything else and Enter accepts what the system's locale
//! suggests; the Settings screen, one key from the counter, changes the
//! same and the Feb 29 rule in the config file, and a new language shows
//! at once while the lists are sorted for it behind the screen.

mod tui_support;

use ratatui::crossterm::event::KeyCode;
use regulars::clock::Clock;
use regulars::config::{Config, Feb29, default_text};
use regulars::context::Ctx;
use regulars::db;
use regulars::ops::settings::unsaved_config;
use regulars::ui::App;
use regulars::ui::screens::member::MemberState;
use regulars::ui::screens::settings::{SettingsState, Stop};
use regulars::ui::screens::signup::SignupState;
use regulars::ui::screens::welcome::WelcomeState;
use tempfile::TempDir;
use tui_support::*;

/// A first start on a computer speaking `lang`: no config file yet in a
/// fresh folder, an empty club.
fn first_start(lang: &str) -> (TempDir, App) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("config.toml");
    let config = unsaved_config(&path, Some(lang)).unwrap();
    let ctx = Ctx::new(
        db::open_in_memory().unwrap(),
        Clock::fixed(today()),
        config,
        None,
    );
    let mut app = app(ctx);
    app.first_start();
    (dir, app)
}

/// A club of members with its config in a file written for `lang`.
fn club_with_file(lang: &str) -> (TempDir, App) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("config.toml");
    std::fs::write(&path, default_text(Some(lang))).unwrap();
    let mut ctx = seeded_ctx();
    ctx.set_config(Config::load(&path).unwrap());
    (dir, app(ctx))
}

fn settings(app: &App) -> &SettingsState {
    front::<SettingsState>(app)
}

fn to(app: &mut App, stop: Stop) {
    while settings(app).focused() != stop {
        key(app, KeyCode::Tab);
    }
}

fn retype(app: &mut App, text: &str) {
    for _ in 0..40 {
        key(app, KeyCode::Backspace);
    }
    type_text(app, text);
}

#[test]
fn an_israeli_first_start_is_accepted_with_enter_and_takes_an_israeli_phone() {
    let (dir, mut app) = first_start("he_IL.UTF-8");
    let path = dir.path().join("config.toml");
    assert!(
        !path.exists(),
        "nothing is written before the owner accepts"
    );
    // Asked in Hebrew, with Israel's currency.
    assert_eq!(app.locale().lang(), "he");
    let offered = settings(&app).shop();
    assert_eq!(
        (offered.country.as_str(), offered.currency.as_str()),
        ("IL", "ILS")
    );
    assert!(screen(&app).contains("ILS"));
    key(&mut app, KeyCode::Enter);

    let config = Config::load(&path).unwrap();
    assert_eq!(
        (
            config.shop.country.as_str(),
            config.shop.currency.as_str(),
            config.shop.locale.as_str()
        ),
        ("IL", "ILS", "he")
    );
    assert!(std::fs::read_to_string(&path).unwrap().contains("# "));
    // Then the welcome screen goes on as before: the first signup.
    front::<WelcomeState>(&app);
    type_text(&mut app, "n");
    front::<SignupState>(&app);
    type_text(&mut app, "נועה");
    key(&mut app, KeyCode::Tab);
    type_text(&mut app, "052-345-6780");
    key(&mut app, KeyCode::Enter);
    let card = front::<MemberState>(&app);
    assert_eq!(
        card.card().member.draft.phone.as_deref(),
        Some("+972523456780")
    );
}

#[test]
fn a_country_typed_brings_its_currency_until_one_is_typed() {
    let (dir, mut app) = first_start("en_US.UTF-8");
    assert_eq!(settings(&app).shop().currency, "USD");
    to(&mut app, Stop::Country);
    retype(&mut app, "hr");
    assert_eq!(settings(&app).shop().currency, "EUR");
    let shown = screen(&app);
    // Beside the country: how a Croatian shop writes a phone and a date.
    assert!(shown.contains("14.3.1986"), "{shown}");
    to(&mut app, Stop::Currency);
    retype(&mut app, "usd");
    to(&mut app, Stop::Country);
    retype(&mut app, "IL");
    assert_eq!(settings(&app).shop().currency, "usd", "typed, so kept");
    assert!(screen(&app).contains("ILS"), "the usual one is named");
    to(&mut app, Stop::Name);
    retype(&mut app, "Shani's");
    key(&mut app, KeyCode::Enter);
    let config = Config::load(&dir.path().join("config.toml")).unwrap();
    assert_eq!(config.shop.name, "Shani's");
    assert_eq!(
        (config.shop.country.as_str(), config.shop.currency.as_str()),
        ("IL", "USD")
    );
}

#[test]
fn bad_settings_are_refused_under_their_field_and_nothing_is_written() {
    let (dir, mut app) = first_start("hr_HR.UTF-8");
    to(&mut app, Stop::Name);
    retype(&mut app, "  ");
    to(&mut app, Stop::Country);
    retype(&mut app, "XX");
    key(&mut app, KeyCode::Enter);
    let shown = screen(&app);
    assert!(shown.contains("obavezno"), "{shown}");
    assert!(
        shown.contains("\"XX\" nije dvoslovna oznaka zemlje"),
        "{shown}"
    );
    assert_eq!(
        app.message().as_deref(),
        Some("Ispravite označene postavke.")
    );
    assert_eq!(settings(&app).focused(), Stop::Name);
    assert!(!dir.path().join("config.toml").exists());
}

#[test]
fn settings_open_from_the_counter_and_esc_leaves_them_unsaved() {
    let (dir, mut app) = club_with_file("en_US.UTF-8");
    let before = std::fs::read_to_string(dir.path().join("config.toml")).unwrap();
    key(&mut app, KeyCode::F(4));
    to(&mut app, Stop::Name);
    type_text(&mut app, " and more");
    key(&mut app, KeyCode::Esc);
    assert!(is_counter(&app));
    let after = std::fs::read_to_string(dir.path().join("config.toml")).unwrap();
    assert_eq!(before, after);
    // From the list, `s`.
    key(&mut app, KeyCode::Esc);
    type_text(&mut app, "s");
    front::<SettingsState>(&app);
    assert!(screen(&app).contains("Feb 29"));
}

#[test]
fn a_new_language_redraws_at_once_and_the_lists_are_sorted_for_it() {
    let (dir, mut app) = club_with_file("en_US.UTF-8");
    let path = dir.path().join("config.toml");
    let before = std::fs::read_to_string(&path).unwrap();
    key(&mut app, KeyCode::Esc);
    type_text(&mut app, "s");
    to(&mut app, Stop::Language);
    // en → he → hr
    key(&mut app, KeyCode::Right);
    key(&mut app, KeyCode::Right);
    assert!(screen(&app).contains("Hrvatski"));
    to(&mut app, Stop::Feb29);
    key(&mut app, KeyCode::Right);
    key(&mut app, KeyCode::Enter);
    // The sorting ran behind the screen; the counter shows, in Croatian.
    assert!(is_counter(&app));
    assert_eq!(app.message().as_deref(), Some("Postavke su spremljene."));
    let shown = screen(&app);
    assert!(shown.contains("Pronađi člana"), "{shown}");
    let keyed_in: String = app
        .conn()
        .query_row("SELECT locale FROM list_order", [], |r| r.get(0))
        .unwrap();
    assert_eq!(keyed_in, "hr");
    let config = Config::load(&path).unwrap();
    assert_eq!(config.shop.locale, "hr");
    assert_eq!(config.dates.feb29, Feb29::Mar1);
    let written = std::fs::read_to_string(&path).unwrap();
    let comments = |t: &str| -> usize {
        t.lines()
            .filter(|l| l.trim_start().starts_with('#'))
            .count()
    };
    assert_eq!(comments(&written), comments(&before));
}

#[test]
fn a_refused_phone_names_an_example_of_the_shops_country() {
    let (_dir, mut app) = first_start("he_IL.UTF-8");
    key(&mut app, KeyCode::Enter);
    type_text(&mut app, "n");
    type_text(&mut app, "Noa");
    key(&mut app, KeyCode::Tab);
    type_text(&mut app, "12");
    key(&mut app, KeyCode::Enter);
    let shown = screen(&app);
    let example = regulars::words::examples::phone("IL");
    assert!(shown.contains(&example.national), "{shown}");
    assert!(!shown.contains("+385"), "{shown}");
}
