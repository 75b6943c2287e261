//! Consent on the member card: `s` picks a channel, `g` asks a yes/no
//! naming the member and the channel, and only a yes changes the log.

mod tui_support;

use ratatui::crossterm::event::KeyCode;
use tui_support::*;

fn ana_card() -> regulars::ui::App {
    let mut app = app(seeded_ctx());
    type_text(&mut app, "Ana Kov");
    key(&mut app, KeyCode::Enter);
    app
}

fn count(app: &regulars::ui::App, sql: &str) -> i64 {
    app.conn().query_row(sql, [], |r| r.get(0)).unwrap()
}

#[test]
fn a_change_is_asked_naming_member_and_channel_and_no_changes_nothing() {
    let mut app = ana_card();
    type_text(&mut app, "ss");
    assert!(screen(&app).contains("▸ Email"), "{}", screen(&app));
    type_text(&mut app, "g");
    let asked = screen(&app);
    assert!(
        asked.contains("Does Ana Kovač no longer want to be contacted by Email?"),
        "{asked}"
    );
    type_text(&mut app, "n");
    assert_eq!(count(&app, "SELECT count(*) FROM consents"), 2);
    assert_eq!(count(&app, "SELECT count(*) FROM suppression"), 0);
}

#[test]
fn a_yes_withdraws_suppresses_and_shows_the_history_and_a_later_yes_grants_again() {
    let mut app = ana_card();
    type_text(&mut app, "sgy");
    let shown = screen(&app);
    assert!(shown.contains("Consent of Ana Kovač saved."), "{shown}");
    assert_eq!(
        count(
            &app,
            "SELECT count(*) FROM consents WHERE channel = 'sms' AND granted = 0 AND how = 'counter'"
        ),
        1
    );
    assert_eq!(
        count(
            &app,
            "SELECT count(*) FROM suppression WHERE channel = 'sms'"
        ),
        1
    );
    key(&mut app, KeyCode::PageDown);
    assert!(
        screen(&app).contains("SMS · withdrawn · at"),
        "{}",
        screen(&app)
    );

    // Given again at the counter: the number is off the list.
    type_text(&mut app, "sg");
    assert!(screen(&app).contains("Does Ana Kovač agree to be contacted by SMS from now on?"));
    type_text(&mut app, "y");
    assert_eq!(count(&app, "SELECT count(*) FROM suppression"), 0);
    assert_eq!(count(&app, "SELECT count(*) FROM consents"), 4);
}

#[test]
fn a_signup_with_a_withdrawn_phone_starts_without_sms_and_says_so() {
    use regulars::domain::consent::ConsentHow;
    use regulars::domain::member::Channel;
    let ctx = seeded_ctx();
    // Ana once asked for no more texts; she was erased since, her number
    // stays on the list.
    regulars::ops::consent::change_consent(&ctx, ANA, &[], &[Channel::Sms], ConsentHow::Counter)
        .unwrap();
    ctx.conn
        .execute(
            "UPDATE members SET erased_at = '2026-11-23 09:00:00' WHERE id = ?1",
            [ANA],
        )
        .unwrap();
    let mut app = app(ctx);
    key(&mut app, KeyCode::Esc);
    type_text(&mut app, "n");
    type_text(&mut app, "Petra");
    key(&mut app, KeyCode::Tab);
    type_text(&mut app, "091 234 5678");
    key(&mut app, KeyCode::Tab);
    key(&mut app, KeyCode::Tab);
    // On the consent row the phone suggests SMS: Space ticks it.
    key(&mut app, KeyCode::Char(' '));
    key(&mut app, KeyCode::Enter);
    assert_eq!(open_member_name(&app).as_deref(), Some("Petra"));
    let said = app.message().unwrap_or_default();
    assert!(
        said.contains("Petra starts without consent on SMS"),
        "{said}"
    );
    assert_eq!(
        count(
            &app,
            "SELECT count(*) FROM consents c JOIN members m ON m.id = c.member_id WHERE m.first_name = 'Petra'"
        ),
        0
    );
}
