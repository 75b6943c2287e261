//! The Segments screen, opened with `g` from the counter's list: the count
//! follows each keystroke, a mistake is named under the field, and an
//! expression is saved under a name and loaded again from the list.

mod tui_support;

use ratatui::crossterm::event::KeyCode;
use regulars::ops::segments::Counted;
use regulars::ui::screens::segments::{Outcome, SegmentsState};
use tui_support::*;

fn segments() -> regulars::ui::App {
    let mut app = app(seeded_ctx());
    key(&mut app, KeyCode::Esc);
    type_text(&mut app, "g");
    app
}

fn count(app: &regulars::ui::App) -> Option<u64> {
    match front::<SegmentsState>(app).outcome() {
        Outcome::Count(Counted { count, .. }) => Some(*count),
        _ => None,
    }
}

#[test]
fn the_count_follows_each_keystroke() {
    let mut app = segments();
    assert_eq!(front::<SegmentsState>(&app).outcome(), &Outcome::Empty);
    type_text(&mut app, "pet");
    // Ana is the one member with pets.
    assert_eq!(count(&app), Some(1));
    type_text(&mut app, " or not pet");
    assert_eq!(count(&app), Some(8));
    assert!(screen(&app).contains("= 8 members"), "{}", screen(&app));
}

#[test]
fn a_mistake_is_named_under_the_field() {
    let mut app = segments();
    type_text(&mut app, "pet=dog and colour=red");
    let Outcome::Problem(problem) = front::<SegmentsState>(&app).outcome() else {
        panic!("no problem shown");
    };
    assert_eq!(problem.key(), "segment-err-unknown-word");
    let shown = screen(&app);
    assert!(
        shown.contains("Unknown word “colour” at character 13"),
        "{shown}"
    );
    // Enter does not save it; the problem is said again.
    key(&mut app, KeyCode::Enter);
    assert!(
        app.conn()
            .query_row("SELECT count(*) FROM segments", [], |r| r.get::<_, i64>(0))
            .unwrap()
            == 0
    );
}

#[test]
fn saved_under_a_name_and_loaded_from_the_list() {
    let mut app = segments();
    type_text(&mut app, "children");
    key(&mut app, KeyCode::Enter);
    type_text(&mut app, "families");
    key(&mut app, KeyCode::Enter);
    assert!(
        screen(&app).contains("families  children"),
        "{}",
        screen(&app)
    );
    // Another expression, then the saved one loaded back.
    for _ in 0.."children".len() {
        key(&mut app, KeyCode::Backspace);
    }
    type_text(&mut app, "pet=cat");
    key(&mut app, KeyCode::Tab);
    key(&mut app, KeyCode::Enter);
    let state = front::<SegmentsState>(&app);
    assert_eq!(count(&app), Some(1));
    assert!(screen(&app).contains("children"));
    assert!(matches!(state.outcome(), Outcome::Count(_)));
    key(&mut app, KeyCode::Esc);
    assert!(is_counter(&app));
}
