//! The member card: details, family, consent, birthdays this week; adding
//! a child or a pet; erasing with a confirm dialog.

mod tui_support;

use ratatui::crossterm::event::KeyCode;
use regulars::db;
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

fn card(app: &App) -> &regulars::ui::screens::member::MemberState {
    front::<MemberState>(app)
}

#[test]
fn card_shows_details_family_consent_and_birthdays_this_week() {
    let app = open_ana();
    assert_eq!(
        card(&app).soon(),
        ["Ana turns 40 on Thursday", "Noam turns 6 on Thursday"]
    );
    insta::assert_snapshot!(screen(&app));
}

#[test]
fn add_a_child_by_age_and_a_pet_by_date() {
    let mut app = open_ana();
    type_text(&mut app, "c");
    assert!(card(&app).has_form());
    type_text(&mut app, "Mia");
    key(&mut app, KeyCode::Tab);
    type_text(&mut app, "2");
    key(&mut app, KeyCode::Tab);
    type_text(&mut app, "girl");
    insta::assert_snapshot!(screen(&app));
    key(&mut app, KeyCode::Enter);
    assert!(!card(&app).has_form());
    assert_eq!(app.message().as_deref(), Some("Added Mia."));
    let mia = card(&app)
        .card()
        .children
        .iter()
        .find(|c| c.name == "Mia")
        .unwrap();
    assert_eq!(
        mia.birth,
        BirthInfo::About {
            years: 2,
            on: today()
        }
    );
    assert_eq!(mia.gender.as_deref(), Some("girl"));

    type_text(&mut app, "p");
    type_text(&mut app, "Bobi");
    // A pet asks name, kind, then born; skip the kind first.
    key(&mut app, KeyCode::Tab);
    key(&mut app, KeyCode::Tab);
    type_text(&mut app, "1.12.2023");
    key(&mut app, KeyCode::Enter);
    // A pet needs its kind: the focus goes back to it.
    assert!(card(&app).has_form());
    type_text(&mut app, "rabbit");
    key(&mut app, KeyCode::Enter);
    let bobi = card(&app)
        .card()
        .pets
        .iter()
        .find(|p| p.name == "Bobi")
        .unwrap();
    assert_eq!(bobi.birth, BirthInfo::Born(day(2023, 12, 1)));
    assert_eq!(bobi.kind, "rabbit");
}

#[test]
fn a_date_without_year_is_refused_for_children() {
    let mut app = open_ana();
    type_text(&mut app, "c");
    type_text(&mut app, "Mia");
    key(&mut app, KeyCode::Tab);
    type_text(&mut app, "14.3.");
    key(&mut app, KeyCode::Enter);
    assert!(card(&app).has_form());
    assert!(screen(&app).contains("give the year too, or just the age in years"));
    // Esc asks before dropping what was typed; yes closes the form only.
    key(&mut app, KeyCode::Esc);
    assert_eq!(
        app.confirm_question().as_deref(),
        Some("Throw away what you typed?")
    );
    type_text(&mut app, "y");
    assert!(!card(&app).has_form());
    assert_eq!(open_member_name(&app).as_deref(), Some("Ana Kovač"));
}

#[test]
fn erase_asks_first() {
    let mut app = open_ana();
    type_text(&mut app, "d");
    assert!(
        app.confirm_question()
            .unwrap()
            .starts_with("Erase Ana Kovač?")
    );
    key(&mut app, KeyCode::Esc);
    assert_eq!(open_member_name(&app).as_deref(), Some("Ana Kovač"));
    type_text(&mut app, "dy");
    assert!(is_counter(&app));
    assert_eq!(
        app.message().as_deref(),
        Some("Erased Ana Kovač. Their purchases stay, without a name.")
    );
    assert!(db::members::get(app.conn(), ANA).unwrap().is_none());
    assert!(!names(&app).contains(&"Ana Kovač".to_string()));
}

#[test]
fn esc_goes_back_to_the_counter_and_q_quits() {
    let mut app = open_ana();
    key(&mut app, KeyCode::Esc);
    assert!(is_counter(&app));
    key(&mut app, KeyCode::Enter);
    type_text(&mut app, "q");
    assert!(app.should_quit());
}

#[test]
fn receipts_replace_the_empty_history_note() {
    let ctx = seeded_ctx();
    ctx.conn
        .execute(
            "INSERT INTO receipts (source, till_id, local_date, total_minor, kind, member_id)
             VALUES ('generic', 'r2', '2026-11-20', 3750, 'sale', ?1)",
            [ANA],
        )
        .unwrap();
    let mut app = app(ctx);
    type_text(&mut app, "ana k");
    key(&mut app, KeyCode::Enter);
    let text = screen(&app);
    assert!(text.contains("2 visits, last Fri 20 Nov"), "{text}");
    assert!(text.contains("€50.00 spent in all"), "{text}");
    assert!(!text.contains("no purchases imported yet"));
}
