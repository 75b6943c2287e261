//! The counter with Chinese and Thai names typed as they are written, and
//! a Croatian shop's list in Croatian order.

mod tui_support;

use ratatui::crossterm::event::KeyCode;
use regulars::context::Ctx;
use regulars::db;
use regulars::domain::member::MemberDraft;
use regulars::ui::screens::signup::SignupState;
use tui_support::*;

fn add(ctx: &Ctx, first: &str, family: &str) {
    let d = MemberDraft {
        first_name: first.into(),
        family_name: family.into(),
        ..MemberDraft::default()
    };
    let now = today().and_hms_opt(9, 0, 0).unwrap();
    db::members::insert(&ctx.conn, &d, &[], now).unwrap();
}

/// A club whose Chinese names share their characters, and Thai names that
/// share their first name.
fn club() -> Ctx {
    let ctx = empty_ctx();
    for (first, family) in [
        ("凌", "高"),
        ("高", "玲"),
        ("秀", "高"),
        ("玲", "高"),
        ("秀英", "彭"),
        ("英", "秀"),
        ("สมชาย", "รักไทย"),
        ("สมชาย", "ใจดี"),
        ("Ana", "Kovač"),
    ] {
        add(&ctx, first, family);
    }
    ctx
}

#[test]
fn typing_高玲_lists_高玲_first_and_enter_opens_the_card() {
    let mut app = app(club());
    type_text(&mut app, "高玲");
    assert_eq!(names(&app).first().map(String::as_str), Some("玲 高"));
    key(&mut app, KeyCode::Enter);
    assert!(
        app.top::<SignupState>().is_none(),
        "no second 高玲 signed up"
    );
    assert_eq!(open_member_name(&app).as_deref(), Some("高玲"));
}

#[test]
fn typing_彭秀英_finds_彭秀英_from_its_first_character() {
    let mut app = app(club());
    for (typed, first) in [("彭", "秀英 彭"), ("秀", "秀英 彭"), ("英", "英 秀")] {
        type_text(&mut app, typed);
        assert_eq!(
            names(&app).first().map(String::as_str),
            Some(first),
            "{typed}"
        );
        // Esc clears the search.
        key(&mut app, KeyCode::Esc);
    }
    type_text(&mut app, "彭秀英");
    assert_eq!(names(&app), vec!["秀英 彭"]);
    key(&mut app, KeyCode::Enter);
    assert_eq!(open_member_name(&app).as_deref(), Some("彭秀英"));
}

#[test]
fn a_thai_name_typed_without_its_space_opens_that_member() {
    let mut app = app(club());
    type_text(&mut app, "สมชายใจ");
    assert_eq!(names(&app), vec!["สมชาย ใจดี"]);
    key(&mut app, KeyCode::Enter);
    assert!(app.top::<SignupState>().is_none());
    assert_eq!(open_member_name(&app).as_deref(), Some("สมชาย ใจดี"));
}

#[test]
fn a_croatian_shop_lists_everyone_in_croatian_order() {
    let ctx = empty_ctx();
    db::list_order::follow(&ctx.conn, "hr").unwrap();
    for family in [
        "Žužić", "Čačić", "Cvjetko", "Đurić", "Car", "Džaja", "Ćosić",
    ] {
        add(&ctx, "Ana", family);
    }
    let app = app(ctx);
    let families: Vec<String> = names(&app)
        .into_iter()
        .map(|n| n.trim_start_matches("Ana ").to_string())
        .collect();
    assert_eq!(
        families,
        [
            "Car", "Cvjetko", "Čačić", "Ćosić", "Džaja", "Đurić", "Žužić"
        ]
    );
}
