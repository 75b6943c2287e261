//! Signing up and editing: the short path, field errors, duplicates, and
//! Esc asking before typed data is thrown away.

mod tui_support;

use ratatui::crossterm::event::KeyCode;
use regulars::db;
use regulars::domain::member::Channel;
use regulars::ui::screens::member::MemberState;
use regulars::ui::screens::signup::SignupState;
use regulars::ui::screens::signup_fields::Stop;
use tui_support::*;

fn signup_form(app: &regulars::ui::App) -> &regulars::ui::screens::signup::SignupState {
    front::<SignupState>(app)
}

/// From the counter with an empty database: Esc to the list, `n`.
fn open_signup(app: &mut regulars::ui::App) {
    key(app, KeyCode::Esc);
    type_text(app, "n");
    assert_eq!(signup_form(app).focus(), Stop::FirstName);
}

#[test]
fn signup_takes_the_typed_data_and_at_most_four_other_keys() {
    let mut app = app(seeded_ctx());
    open_signup(&mut app);
    type_text(&mut app, "Petra");
    key(&mut app, KeyCode::Tab);
    type_text(&mut app, "098 123 4567");
    key(&mut app, KeyCode::Tab);
    type_text(&mut app, "14.3.1990");
    key(&mut app, KeyCode::Tab);
    // On the consent row the phone suggests SMS: Space ticks it.
    key(&mut app, KeyCode::Char(' '));
    key(&mut app, KeyCode::Enter);
    assert_eq!(open_member_name(&app).as_deref(), Some("Petra"));
    assert_eq!(app.message().as_deref(), Some("Signed up Petra."));
    let Some(card) = app.top::<MemberState>() else {
        unreachable!()
    };
    let d = &card.card().member.draft;
    assert_eq!(d.phone.as_deref(), Some("+385981234567"));
    assert_eq!(
        d.birthday.map(|b| (b.day, b.month, b.year)),
        Some((14, 3, Some(1990)))
    );
    let consents: Vec<Channel> = card
        .card()
        .consents
        .iter()
        .filter(|c| c.granted)
        .map(|c| c.channel)
        .collect();
    assert_eq!(consents, vec![Channel::Sms]);
    insta::assert_snapshot!(screen(&app));
}

#[test]
fn email_contact_preselects_the_email_channel_and_consent_starts_unticked() {
    let mut app = app(seeded_ctx());
    open_signup(&mut app);
    type_text(&mut app, "Iva");
    key(&mut app, KeyCode::Tab);
    type_text(&mut app, "iva@example.org");
    key(&mut app, KeyCode::Tab);
    key(&mut app, KeyCode::Tab);
    key(&mut app, KeyCode::Char(' '));
    key(&mut app, KeyCode::Right);
    key(&mut app, KeyCode::Right);
    key(&mut app, KeyCode::Enter);
    let Some(card) = app.top::<MemberState>() else {
        panic!("not saved: {:?}", app.message())
    };
    let granted: Vec<Channel> = card.card().consents.iter().map(|c| c.channel).collect();
    assert_eq!(granted, vec![Channel::Email]);
    assert_eq!(
        card.card().member.draft.email.as_deref(),
        Some("iva@example.org")
    );
}

#[test]
fn bad_phone_and_date_are_flagged_at_their_fields() {
    let mut app = app(seeded_ctx());
    open_signup(&mut app);
    type_text(&mut app, "Petra");
    key(&mut app, KeyCode::Tab);
    type_text(&mut app, "12x");
    key(&mut app, KeyCode::Tab);
    // The example is a number of the shop's country (Croatia here).
    let example = regulars::words::examples::phone("HR");
    assert_eq!(
        signup_form(&app).error(Stop::Contact),
        Some(format!(
            "not a phone number (e.g. {} or {})",
            example.national, example.international
        ))
    );
    type_text(&mut app, "31.2.");
    key(&mut app, KeyCode::Enter);
    let form = signup_form(&app);
    assert!(form.error(Stop::Birthday).is_some());
    assert_eq!(form.focus(), Stop::Contact);
    assert_eq!(
        app.message().as_deref(),
        Some("Please correct the marked fields.")
    );
    insta::assert_snapshot!(screen(&app));
    assert_eq!(db::members::count(app.conn()).unwrap(), 8);
}

#[test]
fn missing_first_name_waits_for_save() {
    let mut app = app(seeded_ctx());
    open_signup(&mut app);
    key(&mut app, KeyCode::Tab);
    assert_eq!(signup_form(&app).error(Stop::FirstName), None);
    type_text(&mut app, "0981234567");
    key(&mut app, KeyCode::Enter);
    assert_eq!(
        signup_form(&app).error(Stop::FirstName).as_deref(),
        Some("required")
    );
    assert_eq!(signup_form(&app).focus(), Stop::FirstName);
}

#[test]
fn a_phone_another_member_holds_is_refused_and_offers_them() {
    let mut app = app(seeded_ctx());
    open_signup(&mut app);
    type_text(&mut app, "Ana");
    key(&mut app, KeyCode::Tab);
    type_text(&mut app, "091 234 5678");
    key(&mut app, KeyCode::Enter);
    assert!(signup_form(&app).shows_duplicates());
    insta::assert_snapshot!(screen(&app));
    // Saving anyway is not on offer: one phone, one member.
    type_text(&mut app, "s");
    assert!(signup_form(&app).shows_duplicates());
    assert_eq!(db::members::count(app.conn()).unwrap(), 8);
    // Back at the form the phone field says who has it.
    key(&mut app, KeyCode::Esc);
    assert_eq!(signup_form(&app).focus(), Stop::Contact);
    assert!(screen(&app).contains("already belongs to member 1"));
    key(&mut app, KeyCode::Enter);
    type_text(&mut app, "o");
    assert_eq!(open_member_name(&app).as_deref(), Some("Ana Kovač"));
    assert_eq!(db::members::count(app.conn()).unwrap(), 8);
}

#[test]
fn the_same_name_and_birthday_is_shown_before_saving() {
    let mut app = app(seeded_ctx());
    open_signup(&mut app);
    type_text(&mut app, "Ana");
    key(&mut app, KeyCode::Tab);
    type_text(&mut app, "ana@elsewhere.example");
    key(&mut app, KeyCode::Tab);
    type_text(&mut app, "26.11.1986");
    key(&mut app, KeyCode::Tab);
    key(&mut app, KeyCode::Tab);
    type_text(&mut app, "Kovač");
    key(&mut app, KeyCode::Enter);
    assert!(signup_form(&app).shows_duplicates());
    insta::assert_snapshot!(screen(&app));
    type_text(&mut app, "o");
    assert_eq!(open_member_name(&app).as_deref(), Some("Ana Kovač"));
    assert_eq!(db::members::count(app.conn()).unwrap(), 8);
}

#[test]
fn save_anyway_stores_the_second_member_and_esc_returns_to_the_form() {
    let mut app = app(seeded_ctx());
    open_signup(&mut app);
    type_text(&mut app, "Ana");
    key(&mut app, KeyCode::Tab);
    key(&mut app, KeyCode::Tab);
    type_text(&mut app, "26.11.1986");
    key(&mut app, KeyCode::Tab);
    key(&mut app, KeyCode::Tab);
    type_text(&mut app, "Kovač");
    key(&mut app, KeyCode::Enter);
    assert!(signup_form(&app).shows_duplicates());
    key(&mut app, KeyCode::Esc);
    assert!(!signup_form(&app).shows_duplicates());
    key(&mut app, KeyCode::Enter);
    type_text(&mut app, "s");
    assert_eq!(open_member_name(&app).as_deref(), Some("Ana Kovač"));
    assert_eq!(db::members::count(app.conn()).unwrap(), 9);
}

#[test]
fn esc_asks_before_discarding_typed_data() {
    let mut app = app(seeded_ctx());
    open_signup(&mut app);
    type_text(&mut app, "Petra");
    key(&mut app, KeyCode::Esc);
    assert!(app.confirm_question().is_some());
    insta::assert_snapshot!(screen(&app));
    type_text(&mut app, "n");
    assert_eq!(signup_form(&app).value(Stop::FirstName), "Petra");
    key(&mut app, KeyCode::Esc);
    type_text(&mut app, "y");
    assert!(is_counter(&app));
    assert_eq!(db::members::count(app.conn()).unwrap(), 8);
}

#[test]
fn esc_on_an_untouched_form_goes_straight_back() {
    let mut app = app(seeded_ctx());
    open_signup(&mut app);
    key(&mut app, KeyCode::Esc);
    assert!(is_counter(&app));
    // A form prefilled from the search counts as untouched too.
    type_text(&mut app, "zora");
    key(&mut app, KeyCode::Enter);
    assert_eq!(signup_form(&app).value(Stop::FirstName), "Zora");
    key(&mut app, KeyCode::Esc);
    assert!(is_counter(&app));
}

#[test]
fn question_mark_is_text_in_forms_and_f1_is_help() {
    let mut app = app(seeded_ctx());
    open_signup(&mut app);
    for _ in 0..8 {
        key(&mut app, KeyCode::Tab);
    }
    assert_eq!(signup_form(&app).focus(), Stop::Note);
    type_text(&mut app, "why? q");
    assert_eq!(signup_form(&app).value(Stop::Note), "why? q");
    assert!(!app.help_is_open() && !app.should_quit());
    key(&mut app, KeyCode::F(1));
    assert!(app.help_is_open());
    shift_tab(&mut app);
    key(&mut app, KeyCode::Esc);
    assert!(!app.help_is_open());
    ctrl(&mut app, 'c');
    assert!(app.should_quit());
}

#[test]
fn a_card_number_held_by_someone_else_is_refused_at_the_card_field() {
    let mut app = app(seeded_ctx());
    open_signup(&mut app);
    type_text(&mut app, "Petra");
    for _ in 0..6 {
        key(&mut app, KeyCode::Tab);
    }
    assert_eq!(signup_form(&app).focus(), Stop::Card);
    type_text(&mut app, "C-1001");
    key(&mut app, KeyCode::Enter);
    assert_eq!(
        signup_form(&app).error(Stop::Card).as_deref(),
        Some("Card C-1001 already belongs to Ana Kovač.")
    );
}

#[test]
fn edit_uses_the_same_form_prefilled_and_records_consent_changes() {
    let mut app = app(seeded_ctx());
    type_text(&mut app, "ana");
    key(&mut app, KeyCode::Enter);
    type_text(&mut app, "e");
    let form = signup_form(&app);
    assert_eq!(form.value(Stop::Contact), "091 234 5678");
    assert_eq!(form.value(Stop::OtherContact), "ana.kovac@example.com");
    assert_eq!(form.value(Stop::Birthday), "26.11.1986");
    insta::assert_snapshot!(screen(&app));
    for _ in 0..3 {
        key(&mut app, KeyCode::Tab);
    }
    // Withdraw SMS (ticked at signup).
    key(&mut app, KeyCode::Char(' '));
    key(&mut app, KeyCode::Tab);
    key(&mut app, KeyCode::End);
    type_text(&mut app, "-Babić");
    key(&mut app, KeyCode::Enter);
    assert_eq!(open_member_name(&app).as_deref(), Some("Ana Kovač-Babić"));
    let Some(card) = app.top::<MemberState>() else {
        unreachable!()
    };
    let sms = card
        .card()
        .consents
        .iter()
        .find(|c| c.channel == Channel::Sms)
        .unwrap();
    assert!(!sms.granted);
    assert_eq!(app.message().as_deref(), Some("Saved Ana Kovač-Babić."));
}

#[test]
fn us_shops_read_birthdays_month_first() {
    let mut ctx = seeded_ctx();
    ctx.set_config(config("US"));
    let mut app = app(ctx);
    open_signup(&mut app);
    type_text(&mut app, "Jo");
    key(&mut app, KeyCode::Tab);
    type_text(&mut app, "(212) 555-0123");
    key(&mut app, KeyCode::Tab);
    type_text(&mut app, "3/14");
    key(&mut app, KeyCode::Enter);
    let Some(card) = app.top::<MemberState>() else {
        panic!("not saved: {:?}", app.message())
    };
    let d = &card.card().member.draft;
    assert_eq!(d.birthday.map(|b| (b.month, b.day)), Some((3, 14)));
    assert_eq!(d.phone.as_deref(), Some("+12125550123"));
}

#[test]
fn edit_keeps_details_the_form_does_not_show() {
    let ctx = seeded_ctx();
    ctx.conn
        .execute("UPDATE members SET language = 'hr' WHERE id = ?1", [ANA])
        .unwrap();
    let mut app = app(ctx);
    type_text(&mut app, "ana k");
    key(&mut app, KeyCode::Enter);
    type_text(&mut app, "e");
    key(&mut app, KeyCode::Enter);
    let ana = db::members::get(app.conn(), ANA).unwrap().unwrap();
    assert_eq!(ana.draft.language.as_deref(), Some("hr"));
    assert_eq!(ana.full_name(), "Ana Kovač");
}
