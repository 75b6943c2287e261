//! Fixing a child or pet on the member card: `f` picks one, Enter edits it
//! in the form it was added with, `x` removes it and `m` marks a pet as
//! passed away, each after a yes/no; the pet form has the gotcha day; an
//! age past the limit is refused; the same name twice is asked about.

mod tui_support;

use ratatui::crossterm::event::KeyCode;
use regulars::domain::family::BirthInfo;
use regulars::ui::App;
use regulars::ui::screens::member::MemberState;
use tui_support::*;

fn open_ana() -> App {
    let mut app = app(seeded_ctx());
    type_text(&mut app, "ana k");
    key(&mut app, KeyCode::Enter);
    assert_eq!(open_member_name(&app).as_deref(), Some("Ana Kovač"));
    app
}

fn card(app: &App) -> &MemberState {
    front::<MemberState>(app)
}

/// Clears the focused field of the form, one Backspace at a time.
fn clear(app: &mut App, chars: usize) {
    for _ in 0..chars {
        key(app, KeyCode::Backspace);
    }
}

#[test]
fn a_picked_child_is_edited_in_its_form() {
    let mut app = open_ana();
    type_text(&mut app, "f");
    assert_eq!(card(&app).picked(), Some(0));
    insta::assert_snapshot!("card_with_noam_picked", screen(&app));
    key(&mut app, KeyCode::Enter);
    assert!(card(&app).has_form());
    insta::assert_snapshot!("editing_noam", screen(&app));
    clear(&mut app, 4);
    type_text(&mut app, "Noah");
    key(&mut app, KeyCode::Enter);
    assert!(!card(&app).has_form());
    let children = &card(&app).card().children;
    assert_eq!(children[0].name, "Noah");
    assert_eq!(children[0].birth, BirthInfo::Born(day(2020, 11, 26)));
    assert_eq!(children[0].gender.as_deref(), Some("boy"));
    assert_eq!(children.len(), 2);
}

#[test]
fn a_picked_pet_is_removed_after_a_yes() {
    let mut app = open_ana();
    // Noam, Lea, then Rex.
    type_text(&mut app, "fff");
    type_text(&mut app, "x");
    assert_eq!(
        app.confirm_question().as_deref(),
        Some("Remove Rex from the card? This cannot be undone.")
    );
    type_text(&mut app, "n");
    assert_eq!(card(&app).card().pets.len(), 2);
    type_text(&mut app, "x");
    type_text(&mut app, "y");
    let pets: Vec<_> = card(&app)
        .card()
        .pets
        .iter()
        .map(|p| p.name.clone())
        .collect();
    assert_eq!(pets, ["Mici"]);
    assert_eq!(app.message().as_deref(), Some("Removed Rex"));
    // Nothing picked: the card says how to pick first.
    type_text(&mut app, "x");
    assert_eq!(
        app.message().as_deref(),
        Some("Pick a child or pet with f first")
    );
}

#[test]
fn a_pet_marked_as_passed_away_stays_on_the_card_marked() {
    let mut app = open_ana();
    type_text(&mut app, "ffff");
    type_text(&mut app, "m");
    assert!(
        app.confirm_question()
            .unwrap()
            .starts_with("Mark Mici as passed away today?")
    );
    type_text(&mut app, "y");
    let mici = card(&app)
        .card()
        .pets
        .iter()
        .find(|p| p.name == "Mici")
        .unwrap();
    assert_eq!(mici.passed_away, Some(today()));
    insta::assert_snapshot!("card_with_mici_passed_away", screen(&app));
    // A child cannot pass away by this key.
    type_text(&mut app, "f");
    type_text(&mut app, "m");
    assert_eq!(app.message().as_deref(), Some("Pick a pet with f first"));
}

#[test]
fn the_pet_form_has_the_gotcha_day_and_shift_tab_goes_back() {
    let mut app = open_ana();
    type_text(&mut app, "p");
    type_text(&mut app, "Bobi");
    key(&mut app, KeyCode::Tab);
    type_text(&mut app, "rabbit");
    key(&mut app, KeyCode::Tab);
    key(&mut app, KeyCode::Tab);
    type_text(&mut app, "1.6.2024");
    shift_tab(&mut app);
    type_text(&mut app, "2");
    insta::assert_snapshot!("pet_form_with_gotcha_day", screen(&app));
    key(&mut app, KeyCode::Enter);
    let bobi = card(&app)
        .card()
        .pets
        .iter()
        .find(|p| p.name == "Bobi")
        .unwrap();
    assert_eq!(bobi.gotcha, Some(day(2024, 6, 1)));
    assert_eq!(bobi.birth.age(today()).map(|(y, _)| y), Some(2));
}

#[test]
fn an_age_past_the_limit_is_refused_in_the_form() {
    let mut app = open_ana();
    type_text(&mut app, "c");
    type_text(&mut app, "Mia");
    key(&mut app, KeyCode::Tab);
    type_text(&mut app, "200");
    key(&mut app, KeyCode::Enter);
    assert!(card(&app).has_form());
    assert!(
        screen(&app).contains("older than 25 years?"),
        "{}",
        screen(&app)
    );
    assert_eq!(card(&app).card().children.len(), 2);
}

#[test]
fn the_same_name_twice_is_asked_about() {
    let mut app = open_ana();
    type_text(&mut app, "c");
    type_text(&mut app, "Lea");
    key(&mut app, KeyCode::Enter);
    assert_eq!(
        app.confirm_question().as_deref(),
        Some("This member already has Lea. Save it all the same?")
    );
    type_text(&mut app, "n");
    assert!(card(&app).has_form());
    assert_eq!(card(&app).card().children.len(), 2);
    key(&mut app, KeyCode::Enter);
    type_text(&mut app, "y");
    assert!(!card(&app).has_form());
    assert_eq!(app.message().as_deref(), Some("Added Lea."));
}

#[test]
fn shift_tab_goes_back_a_field_in_the_signup_form() {
    use regulars::ui::screens::signup::SignupState;
    use regulars::ui::screens::signup_fields::Stop;
    let mut app = app(seeded_ctx());
    key(&mut app, KeyCode::Esc);
    type_text(&mut app, "n");
    let focus = |app: &App| front::<SignupState>(app).focus();
    assert_eq!(focus(&app), Stop::FirstName);
    key(&mut app, KeyCode::Tab);
    key(&mut app, KeyCode::Tab);
    shift_tab(&mut app);
    assert_ne!(focus(&app), Stop::FirstName);
    shift_tab(&mut app);
    assert_eq!(focus(&app), Stop::FirstName);
    // From the first field it goes round to the last.
    shift_tab(&mut app);
    assert_ne!(focus(&app), Stop::FirstName);
}

#[test]
fn a_pet_that_passed_away_leaves_the_card_s_birthdays_this_week() {
    let mut app = open_ana();
    let mici = card(&app).card().pets[1].id;
    regulars::db::family::set_pet_gotcha(app.conn(), mici, Some(day(2020, 11, 25))).unwrap();
    key(&mut app, KeyCode::Esc);
    type_text(&mut app, "ana k");
    key(&mut app, KeyCode::Enter);
    assert!(
        card(&app).soon().iter().any(|s| s.contains("Mici")),
        "{:?}",
        card(&app).soon()
    );
    type_text(&mut app, "ffffm");
    type_text(&mut app, "y");
    assert!(
        !card(&app).soon().iter().any(|s| s.contains("Mici")),
        "{:?}",
        card(&app).soon()
    );
}
