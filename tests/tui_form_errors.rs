//! A form keeps working after it refused what was typed: Backspace edits
//! the field the error is at, Tab and Shift-Tab move on and back, and typed
//! text lands in the field that has the cursor. Checked in the adjustment,
//! the "brought by", redeem, family and signup forms. Taking points below
//! zero by hand asks first, showing the balance it leaves.

mod tui_support;

use ratatui::crossterm::event::KeyCode;
use regulars::db;
use regulars::ui::App;
use regulars::ui::screens::member::MemberState;
use regulars::ui::screens::member_loyalty::LoyaltyPopup;
use regulars::ui::screens::signup::SignupState;
use regulars::ui::screens::signup_fields::Stop;
use tui_support::*;

fn open_ana() -> App {
    let mut app = app(seeded_ctx());
    type_text(&mut app, "ana k");
    key(&mut app, KeyCode::Enter);
    assert_eq!(open_member_name(&app).as_deref(), Some("Ana Kovač"));
    app
}

fn backspace(app: &mut App, times: usize) {
    for _ in 0..times {
        key(app, KeyCode::Backspace);
    }
}

fn balance(app: &App) -> i64 {
    db::ledger::balance(app.conn(), ANA).unwrap()
}

/// The rows of the points history's form: the points, then the note.
fn form_rows(app: &App) -> (String, String) {
    let shown = screen(app);
    let row = |label: &str| {
        shown
            .lines()
            .find(|l| l.contains(label))
            .unwrap_or_default()
            .to_string()
    };
    (row("│ Points "), row("│ Note "))
}

#[test]
fn the_adjust_form_keeps_working_after_a_bad_amount() {
    let mut app = open_ana();
    let before = balance(&app);
    type_text(&mut app, "h");
    type_text(&mut app, "a");
    type_text(&mut app, "x5");
    key(&mut app, KeyCode::Enter);
    assert!(screen(&app).contains("type a number of points"));
    // Backspace edits the points, where the error is.
    backspace(&mut app, 2);
    type_text(&mut app, "15");
    let (points, note) = form_rows(&app);
    assert!(points.contains(" 15 "), "{points}");
    assert!(!note.contains("15"), "{note}");
    // Tab goes on to the note, Shift-Tab back, Tab again.
    key(&mut app, KeyCode::Tab);
    shift_tab(&mut app);
    key(&mut app, KeyCode::Tab);
    type_text(&mut app, "paper card");
    let (points, note) = form_rows(&app);
    assert!(note.contains("paper card"), "{note}");
    assert!(!points.contains("paper"), "{points}");
    key(&mut app, KeyCode::Enter);
    assert_eq!(balance(&app), before + 15);
    assert_eq!(
        app.message(),
        Some(format!(
            "Added 15 points by hand. New balance: {}.",
            before + 15
        ))
    );
}

#[test]
fn the_adjust_form_keeps_working_after_a_missing_note() {
    let mut app = open_ana();
    let before = balance(&app);
    type_text(&mut app, "h");
    type_text(&mut app, "a1");
    key(&mut app, KeyCode::Enter);
    assert!(screen(&app).contains("needs a note"));
    // The cursor went to the note; back to the points to make it 2.
    shift_tab(&mut app);
    backspace(&mut app, 1);
    type_text(&mut app, "2");
    key(&mut app, KeyCode::Tab);
    type_text(&mut app, "birthday cake");
    key(&mut app, KeyCode::Enter);
    assert_eq!(balance(&app), before + 2);
}

#[test]
fn taking_points_below_zero_asks_first_showing_the_balance_left() {
    let mut app = open_ana();
    let before = balance(&app);
    let take = before + 40;
    let adjust = |app: &mut App| {
        type_text(app, &format!("a-{take}"));
        key(app, KeyCode::Tab);
        type_text(app, "points typed on the wrong card");
        key(app, KeyCode::Enter);
    };
    type_text(&mut app, "h");
    adjust(&mut app);
    assert_eq!(
        app.confirm_question(),
        Some(format!(
            "Taking off {take} points leaves the balance at -40, below zero. \
             Take them off all the same?"
        ))
    );
    insta::assert_snapshot!("adjust_below_zero_question", screen(&app));
    assert_eq!(balance(&app), before, "nothing yet");
    type_text(&mut app, "n");
    assert_eq!(app.confirm_question(), None);
    assert_eq!(balance(&app), before, "no leaves it");
    adjust(&mut app);
    type_text(&mut app, "y");
    assert_eq!(balance(&app), -40);
    assert_eq!(
        app.message(),
        Some(format!("Took off {take} points by hand. New balance: -40."))
    );
    let Some(LoyaltyPopup::Points(points)) = front::<MemberState>(&app).popup() else {
        panic!("the history stays open");
    };
    assert_eq!(points.entries()[0].delta, -take);
}

#[test]
fn the_brought_by_form_keeps_working_after_no_one_is_found() {
    let mut app = open_ana();
    type_text(&mut app, "h");
    type_text(&mut app, "b");
    type_text(&mut app, "C-9");
    key(&mut app, KeyCode::Enter);
    assert_eq!(app.confirm_question(), None);
    backspace(&mut app, 1);
    type_text(&mut app, "2002");
    key(&mut app, KeyCode::Enter);
    let asked = app.confirm_question().unwrap_or_default();
    assert!(asked.contains("Maximilian"), "{asked}");
}

#[test]
fn the_redeem_form_keeps_working_after_too_many_points() {
    let mut app = open_ana();
    let before = balance(&app);
    let asked = (before + 1).to_string();
    type_text(&mut app, "r");
    type_text(&mut app, &asked);
    key(&mut app, KeyCode::Enter);
    assert!(screen(&app).contains("Not enough points"));
    assert_eq!(app.confirm_question(), None);
    backspace(&mut app, asked.len());
    type_text(&mut app, "10");
    key(&mut app, KeyCode::Enter);
    let question = app.confirm_question().unwrap_or_default();
    assert!(question.starts_with("Redeem 10 points"), "{question}");
    type_text(&mut app, "y");
    assert_eq!(balance(&app), before - 10);
}

#[test]
fn the_child_form_keeps_working_after_a_bad_birthday() {
    let mut app = open_ana();
    type_text(&mut app, "c");
    type_text(&mut app, "Mia");
    key(&mut app, KeyCode::Tab);
    type_text(&mut app, "zz");
    key(&mut app, KeyCode::Enter);
    assert!(front::<MemberState>(&app).has_form(), "refused");
    backspace(&mut app, 2);
    type_text(&mut app, "4");
    shift_tab(&mut app);
    type_text(&mut app, "ra");
    key(&mut app, KeyCode::Enter);
    assert!(!front::<MemberState>(&app).has_form(), "saved");
    let children = &front::<MemberState>(&app).card().children;
    assert!(children.iter().any(|c| c.name == "Miara"), "{children:?}");
}

#[test]
fn the_signup_form_keeps_working_after_bad_fields() {
    let mut app = app(seeded_ctx());
    key(&mut app, KeyCode::Esc);
    type_text(&mut app, "n");
    type_text(&mut app, "Petra");
    key(&mut app, KeyCode::Tab);
    type_text(&mut app, "12x");
    key(&mut app, KeyCode::Tab);
    type_text(&mut app, "31.2.");
    key(&mut app, KeyCode::Enter);
    let form = front::<SignupState>(&app);
    assert_eq!(form.focus(), Stop::Contact);
    backspace(&mut app, 3);
    type_text(&mut app, "091 765 4321");
    key(&mut app, KeyCode::Tab);
    assert_eq!(front::<SignupState>(&app).focus(), Stop::Birthday);
    backspace(&mut app, 5);
    type_text(&mut app, "3.2.");
    key(&mut app, KeyCode::Enter);
    assert_eq!(db::members::count(app.conn()).unwrap(), 9);
}
