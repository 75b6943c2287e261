//! The language is a value the app holds, not the process's: two apps in
//! one test speak two languages, and a change of language rewords every
//! screen on the next frame, what the screens keep to say included.

mod tui_support;

use ratatui::crossterm::event::KeyCode;
use tui_support::*;

fn in_language(lang: &str) -> regulars::context::Ctx {
    let mut ctx = seeded_ctx();
    let mut config = ctx.config.clone();
    config.shop.locale = lang.into();
    ctx.set_config(config);
    ctx
}

#[test]
fn the_same_screen_reads_in_two_languages_in_one_test() {
    let mut english = app(in_language("en"));
    let mut croatian = app(in_language("hr"));
    for app in [&mut english, &mut croatian] {
        key(app, KeyCode::Char('?'));
    }
    let (en, hr) = (screen(&english), screen(&croatian));
    assert!(en.contains("Help: counter"), "{en}");
    assert!(hr.contains("Pomoć: pult"), "{hr}");
    // Drawing one did not change the other's language.
    assert!(screen(&english).contains("Help: counter"));
}

#[test]
fn a_change_of_language_rewords_notices_and_field_problems() {
    let mut app = app(in_language("en"));
    key(&mut app, KeyCode::Esc);
    type_text(&mut app, "n");
    type_text(&mut app, "Petra");
    key(&mut app, KeyCode::Tab);
    type_text(&mut app, "12x");
    key(&mut app, KeyCode::Enter);
    let before = screen(&app);
    assert!(
        before.contains("Please correct the marked fields."),
        "{before}"
    );
    assert!(before.contains("not a phone number"), "{before}");

    app.set_config(in_language("hr").config.clone());
    let after = screen(&app);
    assert!(after.contains("Ispravite označena polja."), "{after}");
    assert!(after.contains("nije broj telefona"), "{after}");
    assert_eq!(app.message().as_deref(), Some("Ispravite označena polja."));
}

#[test]
fn a_key_outside_any_drawing_is_worded_in_the_apps_language() {
    let mut app = app(in_language("hr"));
    key(&mut app, KeyCode::Esc);
    type_text(&mut app, "n");
    key(&mut app, KeyCode::Enter);
    // Nothing typed: the first name is required, in Croatian.
    let problem = app.message().unwrap();
    assert_eq!(problem, "Ispravite označena polja.");
    // Outside the app, this thread speaks no language but English.
    assert_eq!(
        regulars::i18n::t("ui-signup-fix"),
        "Please correct the marked fields."
    );
}

#[test]
fn a_change_of_the_shops_language_reorders_the_lists() {
    let mut app = app(in_language("en"));
    let ctx_hr = in_language("hr");
    app.set_config(ctx_hr.config.clone());
    let keyed_in: String = app
        .conn()
        .query_row("SELECT locale FROM list_order", [], |r| r.get(0))
        .unwrap();
    assert_eq!(keyed_in, "hr");
}
