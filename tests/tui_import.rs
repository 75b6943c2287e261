//! The import screen: the inbox listed with imported files marked, an
//! import's progress and result with its rejected rows, re-imports
//! recognised at once, typed paths, and cancelling.

mod tui_support;

use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use regulars::context::Ctx;
use regulars::ui::App;
use regulars::ui::import_job::JobEvent;
use regulars::ui::screens::import::ImportState;
use regulars::ui::stack::Screen;
use tempfile::TempDir;
use tui_support::*;

/// Two sales (one of them Marko's, by his email), a refund, and two
/// broken rows.
const TILL: &str = "receipt_id,time,total,phone,email,card,item,qty,amount
R1,2026-11-20T10:05:00,12.50,,marko@example.com,,Latte,2,7.00
R1,2026-11-20T10:05:00,12.50,,marko@example.com,,Cake,1,5.50
R2,2026-11-21T11:00:00,8.00,091 777 8888,,,Beans,1,8.00
R3,2026-11-22T09:30:00,-5.50,,marko@example.com,,Cake,-1,-5.50
R4,2026-02-30T09:30:00,3.00,,,,Tea,1,3.00
R5,2026-11-22T09:45:00,abc,,,,Tea,1,3.00
";

const OLD: &str = "receipt_id,time,total
A1,2026-10-01T10:00:00,4.00
";

struct Shop {
    app: App,
    inbox: TempDir,
}

fn shop_with_inbox() -> Shop {
    shop_with_inbox_in("en")
}

fn shop_with_inbox_in(lang: &str) -> Shop {
    let inbox = tempfile::tempdir().unwrap();
    std::fs::write(inbox.path().join("till-november.csv"), TILL).unwrap();
    std::fs::write(inbox.path().join("till-october.csv"), OLD).unwrap();
    let mut ctx: Ctx = seeded_ctx();
    let mut config = ctx.config.clone();
    config.shop.locale = lang.into();
    config.import.inbox = inbox.path().display().to_string();
    ctx.set_config(config);
    // October was imported before, under another name.
    import_text(&mut ctx, "october-copy.csv", OLD);
    let mut app = app(ctx);
    key(&mut app, KeyCode::Esc);
    type_text(&mut app, "i");
    Shop { app, inbox }
}

fn import(app: &App) -> &ImportState {
    front::<ImportState>(app)
}

/// The screen with the temporary inbox's path written as `[inbox]`.
fn shown(shop: &Shop) -> String {
    screen(&shop.app).replace(&shop.inbox.path().display().to_string(), "[inbox]")
}

#[test]
fn the_inbox_lists_new_files_first_and_marks_imported_ones() {
    let shop = shop_with_inbox();
    let files = import(&shop.app).files();
    assert_eq!(files.len(), 2);
    assert!(files[0].imported.is_none() && files[1].imported.is_some());
    insta::assert_snapshot!(shown(&shop));
}

#[test]
fn an_import_shows_progress_then_the_result_with_rejected_rows() {
    let mut shop = shop_with_inbox();
    // The key alone: the import runs after the frame that shows it started.
    shop.app
        .handle_key(KeyEvent::new(KeyCode::Enter, KeyModifiers::NONE));
    assert!(import(&shop.app).is_running());
    shop.app.import_event(JobEvent::Progress {
        rows_done: 2560,
        rows_total: 6000,
        rows_per_sec: Some(41250),
    });
    insta::assert_snapshot!("progress", shown(&shop));
    shop.app.run_pending();
    let report = import(&shop.app).report().expect("a result").clone();
    assert_eq!(report.counts.receipts_new, 3);
    assert_eq!(report.counts.refunds, 1);
    assert_eq!(report.counts.rows_rejected, 2);
    insta::assert_snapshot!("result", shown(&shop));
    // Back to the files: November is marked imported now.
    key(&mut shop.app, KeyCode::Enter);
    assert!(
        import(&shop.app)
            .files()
            .iter()
            .all(|f| f.imported.is_some())
    );
}

#[test]
fn once_every_row_is_read_the_screen_says_what_is_left_in_every_language() {
    for lang in ["en", "hr", "zh", "th", "he"] {
        let mut shop = shop_with_inbox_in(lang);
        shop.app
            .handle_key(KeyEvent::new(KeyCode::Enter, KeyModifiers::NONE));
        shop.app.import_event(JobEvent::Progress {
            rows_done: 6000,
            rows_total: 6000,
            rows_per_sec: Some(41250),
        });
        insta::assert_snapshot!(format!("finishing@{lang}"), shown(&shop));
    }
}

#[test]
fn importing_a_file_again_is_recognised_at_once() {
    let mut shop = shop_with_inbox();
    // October, imported before: second in the list.
    key(&mut shop.app, KeyCode::Down);
    key(&mut shop.app, KeyCode::Enter);
    let report = import(&shop.app).report().expect("a result");
    assert!(report.already_imported);
    assert_eq!(report.counts.receipts_new, 0);
    assert!(shown(&shop).contains("This file was imported before (october-copy.csv"));
}

#[test]
fn a_typed_path_is_imported() {
    let mut shop = shop_with_inbox();
    let elsewhere = tempfile::tempdir().unwrap();
    let path = elsewhere.path().join("export.csv");
    std::fs::write(&path, TILL).unwrap();
    key(&mut shop.app, KeyCode::Tab);
    assert!(import(&shop.app).text_focus());
    type_text(&mut shop.app, &path.display().to_string());
    key(&mut shop.app, KeyCode::Enter);
    assert_eq!(import(&shop.app).report().unwrap().counts.receipts_new, 3);
}

#[test]
fn a_missing_typed_file_says_so_and_stays() {
    let mut shop = shop_with_inbox();
    key(&mut shop.app, KeyCode::Tab);
    type_text(&mut shop.app, "/no/such/export.csv");
    key(&mut shop.app, KeyCode::Enter);
    assert!(!import(&shop.app).is_running());
    assert!(shop.app.message().unwrap().contains("/no/such/export.csv"));
}

#[test]
fn ctrl_c_cancels_a_running_import_and_nothing_is_stored() {
    let mut shop = shop_with_inbox();
    shop.app
        .handle_key(KeyEvent::new(KeyCode::Enter, KeyModifiers::NONE));
    ctrl(&mut shop.app, 'c');
    assert!(!shop.app.should_quit());
    assert!(shown(&shop).contains("Cancelling…"));
    shop.app.run_pending();
    assert!(!import(&shop.app).is_running());
    assert_eq!(
        shop.app.message().as_deref(),
        Some("Import cancelled; nothing was stored.")
    );
    let stored: i64 = shop
        .app
        .conn()
        .query_row(
            "SELECT count(*) FROM receipts WHERE till_id = 'R1'",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(stored, 0);
}

#[test]
fn esc_goes_back_to_the_counter() {
    let mut shop = shop_with_inbox();
    key(&mut shop.app, KeyCode::Esc);
    assert!(is_counter(&shop.app));
}
