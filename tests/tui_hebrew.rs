//! Hebrew reads right to left: labels on the right, values on their left,
//! and inside each field a phone number, an email or a Latin name still
//! reads left to right. What is typed in the search box shows in the same
//! order as the same name in the list below.

mod tui_support;

use ratatui::crossterm::event::KeyCode;
use regulars::db;
use regulars::domain::member::MemberDraft;
use regulars::ui::App;
use tui_support::*;

fn in_hebrew() -> regulars::context::Ctx {
    let mut ctx = seeded_ctx();
    let mut config = ctx.config.clone();
    config.shop.locale = "he".into();
    ctx.set_config(config);
    let rivka = MemberDraft {
        first_name: "רבקה".into(),
        family_name: "כהן".into(),
        phone: Some("+972501234567".into()),
        ..MemberDraft::default()
    };
    let now = ctx.clock.now();
    db::members::insert(&ctx.conn, &rivka, &[], now).unwrap();
    ctx
}

fn open_ana() -> App {
    let mut app = app(in_hebrew());
    type_text(&mut app, "ana k");
    key(&mut app, KeyCode::Enter);
    assert_eq!(open_member_name(&app).as_deref(), Some("Ana Kovač"));
    app
}

fn line_with<'a>(screen: &'a str, text: &str) -> &'a str {
    screen
        .lines()
        .find(|l| l.contains(text))
        .unwrap_or_else(|| panic!("no line with {text:?} in\n{screen}"))
}

#[test]
fn a_hebrew_card_keeps_phone_email_and_latin_name_left_to_right() {
    let app = open_ana();
    let card = screen(&app);
    let phone = line_with(&card, "091 234 5678");
    // The label (טלפון, drawn right to left) is right of its value.
    let label = phone.find("ןופלט").expect(phone);
    assert!(phone.find("091 234 5678").unwrap() < label, "{phone}");
    let email = line_with(&card, "ana.kovac@example.com");
    assert!(email.find("ana.kovac").unwrap() < email.find("ליימיא").expect(email));
    assert!(line_with(&card, "Ana Kovač").contains("Ana Kovač"));
    // Nothing of the English order reversed: no reversed digits or names.
    assert!(!card.contains("8765"), "{card}");
    assert!(!card.contains("čavoK"), "{card}");
}

#[test]
fn the_search_box_shows_a_hebrew_name_as_the_list_does() {
    let mut app = app(in_hebrew());
    type_text(&mut app, "רבקה כהן");
    let shown = screen(&app);
    // Typed first name first: drawn right to left, so the family name is
    // on the left in both the box and the list.
    let drawn = "ןהכ הקבר";
    assert!(line_with(&shown, "<").contains(drawn), "{shown}");
    assert!(line_with(&shown, "◀").contains(drawn), "{shown}");
    assert!(!shown.contains("רבקה כהן"), "{shown}");
}

#[test]
fn hebrew_screens_at_80_by_24() {
    let mut app = app(in_hebrew());
    insta::assert_snapshot!("he_counter", screen(&app));
    type_text(&mut app, "ana k");
    key(&mut app, KeyCode::Enter);
    insta::assert_snapshot!("he_card", screen(&app));
    key(&mut app, KeyCode::Tab);
    insta::assert_snapshot!("he_card_visits", screen(&app));
    key(&mut app, KeyCode::Esc);
    key(&mut app, KeyCode::Esc);
    let mut app = app_with_help();
    insta::assert_snapshot!("he_help", screen(&app));
    key(&mut app, KeyCode::Esc);
    key(&mut app, KeyCode::Esc);
    key(&mut app, KeyCode::Char('w'));
    insta::assert_snapshot!("he_review", screen(&app));
    let mut app = self::app(in_hebrew());
    key(&mut app, KeyCode::Esc);
    key(&mut app, KeyCode::Char('t'));
    for _ in 0..50 {
        app.poll_work();
        app.run_pending();
    }
    insta::assert_snapshot!("he_tiers", screen(&app));
    let mut app = self::app(in_hebrew());
    key(&mut app, KeyCode::Esc);
    key(&mut app, KeyCode::Char('n'));
    type_text(&mut app, "Ана");
    insta::assert_snapshot!("he_signup", screen(&app));
}

fn app_with_help() -> App {
    let mut app = app(in_hebrew());
    key(&mut app, KeyCode::Char('?'));
    app
}
