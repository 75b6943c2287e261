//! The member card after an import: visit history, visits per month and
//! habits on the card's second page.

mod tui_support;

use ratatui::crossterm::event::KeyCode;
use regulars::ui::App;
use regulars::ui::screens::member::MemberState;
use tui_support::*;

fn card(app: &App) -> &MemberState {
    front::<MemberState>(app)
}

fn ana_after_import() -> App {
    let mut ctx = seeded_ctx();
    let report = import_text(&mut ctx, "ana.csv", &ana_history_csv());
    assert_eq!(report.counts.rows_rejected, 0, "{:?}", report.errors);
    let mut app = app(ctx);
    type_text(&mut app, "ana k");
    key(&mut app, KeyCode::Enter);
    assert_eq!(open_member_name(&app).as_deref(), Some("Ana Kovač"));
    app
}

#[test]
fn the_card_points_to_the_habits_page() {
    let app = ana_after_import();
    let text = screen(&app);
    assert!(text.contains("usually on Saturday, every 7 days"), "{text}");
    assert!(text.contains("Tab: visit history and habits"), "{text}");
}

#[test]
fn visits_and_habits_page_shows_history_chart_and_habits() {
    let mut app = ana_after_import();
    key(&mut app, KeyCode::Tab);
    assert!(card(&app).purchases().is_shown());
    insta::assert_snapshot!(screen(&app));
}
