//! The import screen with a file refused for its rejected rows: it says
//! nothing was stored and what to try, lists the reasons, and the file
//! stays among the new ones in the inbox.

mod tui_support;

use ratatui::crossterm::event::KeyCode;
use regulars::context::Ctx;
use regulars::ui::screens::import::ImportState;
use tui_support::*;

/// Three of four rows have no date that can be read.
const TILL: &str = "receipt_id,time,total
Z1,2026-11-20T10:05:00,12.50
Z2,yesterday,8.00
Z3,today,3.00
Z4,soon,4.00
";

#[test]
fn a_refused_file_says_what_to_try_and_stays_new() {
    let inbox = tempfile::tempdir().unwrap();
    std::fs::write(inbox.path().join("till.csv"), TILL).unwrap();
    let mut ctx: Ctx = seeded_ctx();
    ctx.config.import.inbox = inbox.path().display().to_string();
    let mut app = app(ctx);
    key(&mut app, KeyCode::Esc);
    type_text(&mut app, "i");
    key(&mut app, KeyCode::Enter);
    let Some(state) = app.top::<ImportState>() else {
        panic!("not on the import screen");
    };
    let report = state.report().expect("a result");
    assert!(report.refused.is_some());
    insta::assert_snapshot!(screen(&app));
    let stored: i64 = app
        .conn()
        .query_row(
            "SELECT count(*) FROM receipts WHERE till_id GLOB 'Z*'",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(stored, 0);
    // Back to the files: the file is not marked imported.
    key(&mut app, KeyCode::Enter);
    let Some(state) = app.top::<ImportState>() else {
        panic!("not on the import screen");
    };
    assert!(state.files().iter().all(|f| f.imported.is_none()));
}
