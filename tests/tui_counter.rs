//! The counter: search as you type, the key rules, and the fast paths.

mod tui_support;

use ratatui::crossterm::event::KeyCode;
use regulars::ui::screens::signup::SignupState;
use regulars::ui::{App, Theme};
use tui_support::*;

#[test]
fn counter_lists_members_with_tier_points_visits_and_birthdays() {
    let app = app(seeded_ctx());
    assert!(is_counter(&app));
    insta::assert_snapshot!(screen(&app));
}

#[test]
fn typing_narrows_the_list() {
    let mut app = app(seeded_ctx());
    let everyone = names(&app).len();
    assert_eq!(everyone, 8);
    type_text(&mut app, "ko");
    let ko = names(&app);
    assert!(ko.len() < everyone, "{ko:?}");
    type_text(&mut app, "vač");
    assert_eq!(names(&app), vec!["Ana Kovač", "Ivana Kovačić"]);
    insta::assert_snapshot!(screen(&app));
}

#[test]
fn search_ignores_case_and_accents_and_finds_phone_email_card() {
    let mut app = app(seeded_ctx());
    type_text(&mut app, "zeljko");
    assert_eq!(names(&app), vec!["Željko Đurić"]);
    for (query, expected) in [
        ("DURIC", "Željko Đurić"),
        ("23456", "Ana Kovač"),
        ("marko@", "Marko Horvat"),
        (
            "c-2002",
            "Maximilian Alexander von Hohenzollern-Sigmaringen",
        ),
        ("小明", "王小明"),
    ] {
        key(&mut app, KeyCode::Esc);
        type_text(&mut app, query);
        assert_eq!(
            names(&app).first().map(String::as_str),
            Some(expected),
            "{query}"
        );
    }
}

#[test]
fn a_known_member_opens_in_five_keys_or_fewer() {
    let mut app = app(seeded_ctx());
    // z, e, l: three letters select Željko; Enter opens the card.
    type_text(&mut app, "zel");
    assert_eq!(app.counter().selected(), 0);
    key(&mut app, KeyCode::Enter);
    assert_eq!(open_member_name(&app).as_deref(), Some("Željko Đurić"));
}

#[test]
fn q_j_k_and_slash_go_into_the_search() {
    let mut app = app(seeded_ctx());
    type_text(&mut app, "q");
    assert!(!app.should_quit());
    assert_eq!(app.counter().query(), "q");
    key(&mut app, KeyCode::Esc);
    type_text(&mut app, "jak/");
    assert_eq!(app.counter().query(), "jak/");
    key(&mut app, KeyCode::Backspace);
    assert_eq!(names(&app), vec!["Jakob Quist"]);
}

#[test]
fn esc_clears_then_moves_to_the_list_where_letters_are_commands() {
    let mut app = app(seeded_ctx());
    type_text(&mut app, "ana");
    key(&mut app, KeyCode::Esc);
    assert_eq!(app.counter().query(), "");
    assert!(!app.counter().list_has_focus());
    assert_eq!(names(&app).len(), 8);
    key(&mut app, KeyCode::Esc);
    assert!(app.counter().list_has_focus());
    type_text(&mut app, "jj");
    assert_eq!(app.counter().selected(), 2);
    type_text(&mut app, "k");
    assert_eq!(app.counter().selected(), 1);
    assert_eq!(app.counter().query(), "");
    type_text(&mut app, "/");
    assert!(!app.counter().list_has_focus());
    type_text(&mut app, "q");
    assert_eq!(app.counter().query(), "q");
    assert!(!app.should_quit());
    key(&mut app, KeyCode::Esc);
    key(&mut app, KeyCode::Esc);
    type_text(&mut app, "n");
    assert!(app.top::<SignupState>().is_some());
    key(&mut app, KeyCode::Esc);
    assert!(is_counter(&app));
    key(&mut app, KeyCode::Esc);
    type_text(&mut app, "q");
    assert!(app.should_quit());
}

#[test]
fn arrows_move_while_typing_and_wrap_to_the_signup_row() {
    let mut app = app(seeded_ctx());
    type_text(&mut app, "kov");
    key(&mut app, KeyCode::Down);
    key(&mut app, KeyCode::Enter);
    assert_eq!(open_member_name(&app).as_deref(), Some("Ivana Kovačić"));
    key(&mut app, KeyCode::Esc);
    // Up from the best match lands on "sign up" at the end.
    key(&mut app, KeyCode::Up);
    key(&mut app, KeyCode::Enter);
    assert!(app.top::<SignupState>().is_some());
}

#[test]
fn no_match_offers_signup_with_what_was_typed() {
    let mut app = app(seeded_ctx());
    type_text(&mut app, "zora zagorka");
    assert!(names(&app).is_empty());
    insta::assert_snapshot!(screen(&app));
    key(&mut app, KeyCode::Enter);
    let Some(form) = app.top::<SignupState>() else {
        panic!("not on signup")
    };
    use regulars::ui::screens::signup_fields::Stop;
    assert_eq!(form.value(Stop::FirstName), "Zora");
    assert_eq!(form.value(Stop::FamilyName), "Zagorka");
    assert_eq!(form.focus(), Stop::Contact);

    for (typed, stop) in [
        ("099 876 5432", Stop::Contact),
        ("nobody@example.org", Stop::Contact),
    ] {
        let mut app = tui_support::app(seeded_ctx());
        type_text(&mut app, typed);
        key(&mut app, KeyCode::Enter);
        let Some(form) = app.top::<SignupState>() else {
            panic!("not on signup for {typed}")
        };
        assert_eq!(form.value(stop), typed);
        assert_eq!(form.focus(), Stop::FirstName);
    }
}

#[test]
fn coming_back_from_a_card_keeps_the_search_until_typing_replaces_it() {
    let mut app = app(seeded_ctx());
    type_text(&mut app, "ana");
    key(&mut app, KeyCode::Enter);
    assert_eq!(open_member_name(&app).as_deref(), Some("Ana Kovač"));
    key(&mut app, KeyCode::Esc);
    assert!(is_counter(&app));
    assert_eq!(app.counter().query(), "ana");
    type_text(&mut app, "mark");
    assert_eq!(app.counter().query(), "mark");
    assert_eq!(names(&app), vec!["Marko Horvat"]);
}

#[test]
fn without_colour_the_birthday_marker_is_text() {
    let plain = App::new(seeded_ctx(), Theme::plain()).unwrap();
    let text = screen(&plain);
    assert!(text.contains("*bday Thu"), "{text}");
    assert!(!text.contains('🎂'));
    let colored = screen(&app(seeded_ctx()));
    assert!(
        colored.contains("🎂 Thu") && colored.contains("🎂 today"),
        "{colored}"
    );
}

#[test]
fn wide_windows_show_phone_or_email_too() {
    let app = app(seeded_ctx());
    let text = render(&app, 110, 24);
    assert!(
        text.contains("091 234 5678") && text.contains("marko@example.com"),
        "{text}"
    );
}

#[test]
fn hebrew_names_are_drawn_right_to_left_and_found_as_typed() {
    let ctx = seeded_ctx();
    let draft = regulars::domain::member::MemberDraft {
        first_name: "רבקה".into(),
        family_name: "כהן".into(),
        ..Default::default()
    };
    regulars::db::members::insert(&ctx.conn, &draft, &[], ctx.clock.now()).unwrap();
    let mut app = app(ctx);
    type_text(&mut app, "כהן");
    assert_eq!(names(&app), vec!["רבקה כהן"]);
    // Stored in reading order, drawn reversed so it reads right to left.
    assert!(screen(&app).contains("▶ ןהכ הקבר"), "{}", screen(&app));
}
