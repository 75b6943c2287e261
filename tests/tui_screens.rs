//! Screens around the counter: welcome on an empty database, help drawn
//! from the keymap, the window-too-small note.

mod tui_support;

use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::crossterm::event::{Event, KeyCode, KeyEvent, KeyModifiers};
use regulars::db;
use regulars::ui::App;
use regulars::ui::keymap::{COUNTER_LIST, COUNTER_SEARCH, grouped};
use regulars::ui::screens::member::MemberState;
use regulars::ui::screens::signup::SignupState;
use regulars::ui::screens::welcome::WelcomeState;
use regulars::ui::terminal;
use tui_support::*;

#[test]
fn an_empty_club_starts_on_the_welcome_screen() {
    let app = app(empty_ctx());
    assert!(app.top::<WelcomeState>().is_some());
    insta::assert_snapshot!(screen(&app));
}

#[test]
fn welcome_n_signs_up_the_first_member() {
    let mut app = app(empty_ctx());
    type_text(&mut app, "n");
    assert!(app.top::<SignupState>().is_some());
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
    assert_eq!(app.message().as_deref(), Some("Added 200 demo members."));
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
    // Every key label of both counter tables is on the help screen, some
    // further down.
    for _ in 0..20 {
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
fn help_scrolls_a_page_and_to_either_end() {
    let mut app = app(seeded_ctx());
    type_text(&mut app, "?");
    let top = screen(&app);
    key(&mut app, KeyCode::End);
    let bottom = screen(&app);
    assert_ne!(top, bottom, "the counter's help is longer than one window");
    // The last table, shown everywhere, is in view at the end.
    assert!(bottom.contains("Ctrl-C"), "{bottom}");
    key(&mut app, KeyCode::PageDown);
    assert_eq!(screen(&app), bottom, "nothing below the end");
    key(&mut app, KeyCode::Home);
    assert_eq!(screen(&app), top);
    key(&mut app, KeyCode::PageDown);
    let page = screen(&app);
    assert_ne!(page, top);
    key(&mut app, KeyCode::PageUp);
    assert_eq!(screen(&app), top);
    assert!(app.help_is_open());
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
    let app = app(seeded_ctx());
    insta::assert_snapshot!(render(&app, 60, 20));
    let tiny = render(&app, 12, 3);
    assert!(tiny.contains("The window"), "{tiny}");
}

/// The loop's own steps: a frame drawn at a size, then events. Keys that
/// would act on a screen nobody can see do nothing.
fn step(app: &mut App, terminal: &mut Terminal<TestBackend>, event: Event) {
    terminal::draw(terminal, app).unwrap();
    app.handle_event(event);
    app.run_pending();
}

fn press(c: char) -> Event {
    Event::Key(KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE))
}

#[test]
fn below_80_by_24_no_key_acts_but_ctrl_c() {
    let mut app = app(seeded_ctx());
    type_text(&mut app, "ana k");
    key(&mut app, KeyCode::Enter);
    assert_eq!(open_member_name(&app).as_deref(), Some("Ana Kovač"));

    // Drawn at 79×24 from the first frame: `d` `y` would delete Ana unseen.
    let mut small = Terminal::new(TestBackend::new(79, 24)).unwrap();
    step(&mut app, &mut small, press('d'));
    step(&mut app, &mut small, press('y'));
    assert!(small.backend().to_string().contains("The window"));
    assert_eq!(open_member_name(&app).as_deref(), Some("Ana Kovač"));
    assert!(db::members::get(app.conn(), ANA).unwrap().is_some());

    // Drawn at 80×24, then the window shrinks: the resize alone stops keys.
    let mut full = Terminal::new(TestBackend::new(80, 24)).unwrap();
    terminal::draw(&mut full, &mut app).unwrap();
    app.handle_event(Event::Resize(80, 23));
    app.handle_event(press('d'));
    assert_eq!(app.confirm_question(), None);

    // Back at full size the same key asks first, as ever.
    step(&mut app, &mut full, press('d'));
    assert!(app.confirm_question().is_some());
    app.handle_event(press('n'));

    // Ctrl-C always quits, however small the window.
    let ctrl_c = Event::Key(KeyEvent::new(KeyCode::Char('c'), KeyModifiers::CONTROL));
    step(&mut app, &mut small, ctrl_c);
    assert!(app.should_quit());
}

#[test]
fn every_screen_is_one_key_from_the_counter_and_esc_leads_back() {
    let mut app = app(seeded_ctx());
    // Card: Enter on the best match.
    key(&mut app, KeyCode::Enter);
    assert!(app.top::<MemberState>().is_some());
    key(&mut app, KeyCode::Esc);
    assert!(is_counter(&app));
    // Help: ?.
    type_text(&mut app, "?");
    key(&mut app, KeyCode::Esc);
    assert!(is_counter(&app) && !app.help_is_open());
    // Signup: n from the list.
    key(&mut app, KeyCode::Esc);
    type_text(&mut app, "n");
    assert!(app.top::<SignupState>().is_some());
    key(&mut app, KeyCode::Esc);
    assert!(is_counter(&app));
}
