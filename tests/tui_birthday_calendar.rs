//! A birthday kept in the Hebrew calendar at the counter: F3 in the
//! signup form's birthday field cycles the calendar, the card shows the
//! Hebrew day with its Gregorian day this year and says it is this week,
//! and editing reads it back.

mod tui_support;

use ratatui::crossterm::event::KeyCode;
use regulars::domain::birth_calendar::{BirthCalendar, LunarMonth};
use regulars::ui::screens::member::MemberState;
use regulars::ui::screens::signup::SignupState;
use regulars::ui::screens::signup_fields::Stop;
use tui_support::*;

/// Signs up Noa, born on 16 Kislev: Thursday 26 November 2026.
fn sign_up_noa() -> regulars::ui::App {
    let mut app = app(seeded_ctx());
    key(&mut app, KeyCode::Esc);
    type_text(&mut app, "n");
    type_text(&mut app, "Noa");
    key(&mut app, KeyCode::Tab);
    key(&mut app, KeyCode::Tab);
    assert_eq!(front::<SignupState>(&app).focus(), Stop::Birthday);
    key(&mut app, KeyCode::F(3));
    assert!(screen(&app).contains("Hebrew: e.g. 12 Tishrei"));
    type_text(&mut app, "16 Kislev");
    assert!(screen(&app).contains("✓ 16 Kislev · 26 Nov"));
    key(&mut app, KeyCode::Enter);
    app
}

#[test]
fn a_hebrew_birthday_is_signed_up_and_shown_with_its_day_this_year() {
    let app = sign_up_noa();
    let card = front::<MemberState>(&app);
    let kept = card
        .card()
        .calendar_birthday
        .expect("kept in the Hebrew calendar");
    assert_eq!(kept.calendar(), BirthCalendar::Hebrew);
    assert_eq!(
        kept.month(),
        LunarMonth {
            number: 3,
            leap: false
        }
    );
    assert_eq!(kept.day(), 16);
    assert_eq!(card.card().member.draft.birthday, None);
    assert_eq!(card.soon(), ["Noa's birthday is on Thursday"]);
    insta::assert_snapshot!(screen(&app));
}

#[test]
fn f3_cycles_the_calendar_and_editing_reads_it_back() {
    let mut app = sign_up_noa();
    type_text(&mut app, "e");
    let form = front::<SignupState>(&app);
    assert_eq!(form.value(Stop::Birthday), "16 Kislev");
    key(&mut app, KeyCode::Tab);
    key(&mut app, KeyCode::Tab);
    assert!(screen(&app).contains("✓ 16 Kislev · 26 Nov"));
    // Chinese, then back to Gregorian, where "16 Kislev" is no date.
    key(&mut app, KeyCode::F(3));
    assert!(screen(&app).contains("Chinese: e.g. 15.8, 15.4L"));
    key(&mut app, KeyCode::F(3));
    key(&mut app, KeyCode::Enter);
    assert_eq!(
        front::<SignupState>(&app).error(Stop::Birthday).as_deref(),
        Some("not a date (e.g. 14.3. or 14.3.1986)")
    );
    // A Gregorian birthday in its place: the Hebrew one goes.
    for _ in 0.."16 Kislev".len() {
        key(&mut app, KeyCode::Backspace);
    }
    type_text(&mut app, "14.3.");
    key(&mut app, KeyCode::Enter);
    let card = front::<MemberState>(&app).card();
    assert_eq!(card.calendar_birthday, None);
    assert_eq!(
        card.member.draft.birthday.map(|b| (b.day, b.month)),
        Some((14, 3))
    );
}
