//! Linking a till customer asks first: the member search starts from the
//! name the till wrote, and picking a member shows both names, warning
//! when they differ; only yes links.

mod tui_support;

use ratatui::crossterm::event::KeyCode;
use regulars::db::receipts::{Identity, member_for};
use regulars::ui::App;
use regulars::ui::screens::unmatched::UnmatchedState;
use tui_support::*;

/// Two till customers: one the till named as Marko Horvat (a member, his
/// family name first and in capitals), one it named Petra.
const TILL: &str = "receipt_id,time,total,card,name,item,qty,amount
R1,2026-11-02T10:05:00,40.00,X-5,HORVAT Marko,Beans,2,40.00
R2,2026-11-20T17:00:00,9.50,X-6,Petra,Tea,1,9.50
";

fn club() -> App {
    let mut ctx = seeded_ctx();
    import_text(&mut ctx, "till.csv", TILL);
    let mut app = app(ctx);
    key(&mut app, KeyCode::Esc);
    type_text(&mut app, "u");
    app
}

fn unmatched(app: &App) -> &UnmatchedState {
    front::<UnmatchedState>(app)
}

/// Opens the member search for the till customer with `card`.
fn link(app: &mut App, card: &str) {
    let at = unmatched(app)
        .customers()
        .iter()
        .position(|c| c.value == card)
        .unwrap_or_else(|| panic!("{card} not listed"));
    for _ in 0..at {
        key(app, KeyCode::Down);
    }
    key(app, KeyCode::Enter);
}

fn linked_to(app: &App, card: &str) -> Option<i64> {
    member_for(app.conn(), Identity::Card, card).unwrap()
}

#[test]
fn the_same_name_written_another_way_asks_without_a_warning() {
    let mut app = club();
    link(&mut app, "X-5");
    // The search starts from the till's name and finds him at once.
    assert_eq!(unmatched(&app).link_search(), Some("HORVAT Marko"));
    assert!(screen(&app).contains("▶ Marko Horvat"), "{}", screen(&app));
    key(&mut app, KeyCode::Enter);
    let asking = unmatched(&app).asking().expect("asks first");
    assert_eq!(asking.question.till_name.as_deref(), Some("HORVAT Marko"));
    assert_eq!(asking.question.member_name, "Marko Horvat");
    assert!(!asking.question.names_differ);
    assert_eq!(linked_to(&app, "X-5"), None, "nothing linked before yes");
    let shown = screen(&app);
    assert!(shown.contains("The names match."), "{shown}");
    assert!(!shown.contains("differ"), "{shown}");
    insta::assert_snapshot!(shown);
    type_text(&mut app, "y");
    assert!(unmatched(&app).asking().is_none());
    assert!(!unmatched(&app).is_linking());
    assert!(linked_to(&app, "X-5").is_some());
    assert_eq!(
        app.message().as_deref(),
        Some("Linked card X-5 to Marko Horvat: 1 receipt now theirs.")
    );
}

#[test]
fn another_name_is_warned_about_and_no_links_nothing() {
    let mut app = club();
    link(&mut app, "X-6");
    assert_eq!(unmatched(&app).link_search(), Some("Petra"));
    for _ in 0.."Petra".len() {
        key(&mut app, KeyCode::Backspace);
    }
    type_text(&mut app, "nada");
    key(&mut app, KeyCode::Enter);
    let asking = unmatched(&app).asking().expect("asks first");
    assert!(asking.question.names_differ);
    let shown = screen(&app);
    assert!(
        shown.contains("⚠ The names differ: is this the same person?"),
        "{shown}"
    );
    assert!(shown.contains("Petra · card X-6"), "{shown}");
    assert!(shown.contains("Nada Jurić"), "{shown}");
    insta::assert_snapshot!(shown);

    // No (and Enter, the safe answer) goes back to the search.
    type_text(&mut app, "n");
    assert!(unmatched(&app).asking().is_none());
    assert!(unmatched(&app).is_linking());
    key(&mut app, KeyCode::Enter);
    key(&mut app, KeyCode::Enter);
    assert!(unmatched(&app).is_linking());
    assert_eq!(linked_to(&app, "X-6"), None);
    assert_eq!(unmatched(&app).customers().len(), 2);

    key(&mut app, KeyCode::Enter);
    type_text(&mut app, "y");
    let nada = linked_to(&app, "X-6").expect("linked on yes");
    assert_eq!(nada, 8);
    assert_eq!(unmatched(&app).customers().len(), 1);
}

#[test]
fn help_lists_the_keys_before_linking() {
    let mut app = club();
    link(&mut app, "X-5");
    key(&mut app, KeyCode::F(1));
    key(&mut app, KeyCode::End);
    let help = screen(&app);
    assert!(help.contains("Before linking"), "{help}");
    assert!(help.contains("n Esc Enter  no"), "{help}");
}
