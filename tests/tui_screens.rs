//! Screens around the counter: welcome on an empty database, help drawn
//! from the keymap, the window-too-small note.

mod tui_support;

use ratatui::crossterm::event::KeyCode;
use regulars::db;
use regulars::ui::app::Screen;
use regulars::ui::keymap::{COUNTER_LIST, COUNTER_SEARCH, grouped};
use tui_support::*;

#[test]
fn an_empty_club_starts_on_the_welcome_screen() {
    let app = app(empty_ctx());
    assert!(matches!(app.screen(), Screen::Welcome(_)));
    insta::assert_snapshot!(screen(&app));
}

#[test]
fn welcome_n_signs_up_the_first_member() {
    let mut app = app(empty_ctx());
    type_text(&mut app, "n");
    assert!(matches!(app.screen(), Screen::Signup(_)));
    type_text(&mut app, "Prva");
    key(&mut app, KeyCode::Enter);
    assert_eq!(open_member_name(&app).as_deref(), Some("Prva"));
    key(&mut app, KeyCode::Esc);
    assert_eq!(names(&app), vec!["Prva"]);
}

#[test]
fn welcome_d_loads_demo_members_into_the_counter() {
    let mut app = app(empty_ctx());
    type_text(&mut app, "d");
    let members = db::members::count(app.conn()).unwrap();
    assert_eq!(members, 200);
    assert!(is_counter(&app));
    assert_eq!(app.message(), Some("Added 200 demo members."));
    assert!(!names(&app).is_empty());
}

#[test]
fn welcome_esc_shows_the_empty_counter() {
    let mut app = app(empty_ctx());
    key(&mut app, KeyCode::Esc);
    assert!(is_counter(&app));
    assert!(screen(&app).contains("No members yet"));
}

#[test]
fn help_lists_the_keys_of_the_current_screen_from_the_keymap() {
    let mut app = app(seeded_ctx());
    type_text(&mut app, "?");
    assert!(app.help_is_open());
    let mut text = screen(&app);
    insta::assert_snapshot!(text);
    // Every key label of both counter tables is on the help screen (some
    // below the first page).
    for _ in 0..5 {
        key(&mut app, KeyCode::Down);
        text.push_str(&screen(&app));
    }
    for (_, label, _) in grouped(COUNTER_SEARCH, true)
        .into_iter()
        .chain(grouped(COUNTER_LIST, true))
    {
        assert!(text.contains(&label), "{label} missing from help");
    }
    key(&mut app, KeyCode::Esc);
    assert!(!app.help_is_open());
    assert!(is_counter(&app));
    assert_eq!(app.counter().query(), "");
}

#[test]
fn help_on_the_card_shows_card_keys() {
    let mut app = app(seeded_ctx());
    type_text(&mut app, "ana k");
    key(&mut app, KeyCode::Enter);
    key(&mut app, KeyCode::F(1));
    let text = screen(&app);
    assert!(
        text.contains("Help: member card") && text.contains("add child"),
        "{text}"
    );
    type_text(&mut app, "?");
    assert!(!app.help_is_open());
}

#[test]
fn a_small_window_gets_a_note_not_garbage() {
    let mut app = app(seeded_ctx());
    insta::assert_snapshot!(render(&app, 60, 20));
    // Nothing can be seen, so keys do nothing but Ctrl-C.
    app.set_window_size(60, 20);
    key(&mut app, KeyCode::Enter);
    assert!(is_counter(&app));
    type_text(&mut app, "ana");
    assert_eq!(app.counter().query(), "");
    app.set_window_size(80, 24);
    type_text(&mut app, "a");
    assert_eq!(app.counter().query(), "a");
    app.set_window_size(79, 40);
    ctrl(&mut app, 'c');
    assert!(app.should_quit());
    let tiny = render(&app, 12, 3);
    assert!(tiny.contains("The window"), "{tiny}");
}

#[test]
fn every_screen_is_one_key_from_the_counter_and_esc_leads_back() {
    let mut app = app(seeded_ctx());
    // Card: Enter on the best match.
    key(&mut app, KeyCode::Enter);
    assert!(matches!(app.screen(), Screen::Member(_)));
    key(&mut app, KeyCode::Esc);
    assert!(is_counter(&app));
    // Help: ?.
    type_text(&mut app, "?");
    key(&mut app, KeyCode::Esc);
    assert!(is_counter(&app) && !app.help_is_open());
    // Signup: n from the list.
    key(&mut app, KeyCode::Esc);
    type_text(&mut app, "n");
    assert!(matches!(app.screen(), Screen::Signup(_)));
    key(&mut app, KeyCode::Esc);
    assert!(is_counter(&app));
}
