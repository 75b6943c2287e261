//! The import screen's choices: the country and format a file is read
//! with (the shop's country and "detect" at first), `a` reading a file
//! imported before again with them, and the yes/no asked about a file in
//! another currency than the shop's.

mod tui_support;

use ratatui::crossterm::event::KeyCode;
use regulars::context::Ctx;
use regulars::db;
use regulars::domain::member::MemberDraft;
use regulars::ui::App;
use regulars::ui::screens::import::ImportState;
use regulars::ui::stack::Screen;
use tempfile::TempDir;
use tui_support::*;

/// Dana's Israeli number written the national way, and a walk-in.
const ISRAEL: &str = "receipt_id,time,total,phone\n\
    R1,2026-11-20T10:05:00,12.50,054-765-4321\n\
    R2,2026-11-21T11:00:00,8.00,\n";

/// MobilePay writes its currency on every row.
const KRONER: &str = "Dato;Navn;Telefonnummer;Beløb;Valuta;Besked;TransaktionsID;Type\n\
    2026-11-20T17:04:33;Mads;31 23 45 67;40,95;DKK;Kaffe;8100000001;Salg\n";

struct Shop {
    app: App,
    inbox: TempDir,
}

/// The Croatian shop (euros) with Dana signed up, `file` in its inbox;
/// with `imported` the file was read before with the shop's country.
fn shop(name: &str, text: &str, imported: bool) -> Shop {
    let inbox = tempfile::tempdir().unwrap();
    std::fs::write(inbox.path().join(name), text).unwrap();
    let mut ctx: Ctx = seeded_ctx();
    ctx.config.import.inbox = inbox.path().display().to_string();
    let dana = MemberDraft {
        first_name: "Dana".into(),
        family_name: "Levi".into(),
        phone: Some("+972547654321".into()),
        ..MemberDraft::default()
    };
    db::members::insert(&ctx.conn, &dana, &[], ctx.clock.now()).unwrap();
    if imported {
        import_text(&mut ctx, name, text);
    }
    let mut app = app(ctx);
    key(&mut app, KeyCode::Esc);
    type_text(&mut app, "i");
    Shop { app, inbox }
}

fn import(app: &App) -> &ImportState {
    front::<ImportState>(app)
}

fn shown(shop: &Shop) -> String {
    screen(&shop.app).replace(&shop.inbox.path().display().to_string(), "[inbox]")
}

/// `c`, the country typed over the shop's, Enter.
fn pick_country(app: &mut App, country: &str) {
    type_text(app, "c");
    key(app, KeyCode::Backspace);
    key(app, KeyCode::Backspace);
    type_text(app, country);
    key(app, KeyCode::Enter);
}

#[test]
fn the_country_and_format_are_picked_before_a_file_is_read() {
    let mut shop = shop("israel.csv", ISRAEL, false);
    assert!(shown(&shop).contains("Country: HR    Format: detect"));
    type_text(&mut shop.app, "c");
    assert!(import(&shop.app).text_focus());
    key(&mut shop.app, KeyCode::Backspace);
    key(&mut shop.app, KeyCode::Backspace);
    type_text(&mut shop.app, "IL");
    key(&mut shop.app, KeyCode::Enter);
    assert!(!import(&shop.app).text_focus());
    type_text(&mut shop.app, "f");
    insta::assert_snapshot!("picked", shown(&shop));
    // Back to "detect" after the last format.
    for _ in 0..10 {
        type_text(&mut shop.app, "f");
    }
    assert!(shown(&shop).contains("Format: detect"));
    key(&mut shop.app, KeyCode::Enter);
    let report = import(&shop.app).report().expect("a result");
    assert_eq!(report.counts.receipts_new, 2);
    let dana: Option<i64> = shop
        .app
        .conn()
        .query_row(
            "SELECT member_id FROM receipts WHERE till_id = 'R1'",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert!(dana.is_some(), "read with the country picked");
}

#[test]
fn a_file_read_with_the_wrong_country_is_read_again_with_a() {
    let mut shop = shop("israel.csv", ISRAEL, true);
    // Enter on it says only that it was imported before.
    key(&mut shop.app, KeyCode::Enter);
    assert!(import(&shop.app).report().unwrap().already_imported);
    key(&mut shop.app, KeyCode::Enter);
    pick_country(&mut shop.app, "IL");
    type_text(&mut shop.app, "a");
    let report = import(&shop.app).report().expect("a result").clone();
    assert!(!report.already_imported);
    let again = report.again.expect("read again");
    assert_eq!((again.receipts_matched, again.receipts_unmatched), (1, 1));
    assert_eq!(report.counts.receipts_new, 0);
    insta::assert_snapshot!("read_again", shown(&shop));
}

#[test]
fn a_file_in_another_currency_is_asked_about_naming_both() {
    let mut shop = shop("kroner.csv", KRONER, false);
    key(&mut shop.app, KeyCode::Enter);
    let question = import(&shop.app).currency_question().expect("asked");
    assert_eq!(
        (question.currency.as_str(), question.shop.as_str()),
        ("DKK", "EUR")
    );
    insta::assert_snapshot!("currency_question", shown(&shop));
    // No: back to the files, nothing stored.
    type_text(&mut shop.app, "n");
    assert!(import(&shop.app).currency_question().is_none());
    assert!(import(&shop.app).report().is_none());
    key(&mut shop.app, KeyCode::Enter);
    type_text(&mut shop.app, "y");
    let report = import(&shop.app).report().expect("imported on yes");
    assert_eq!(report.counts.receipts_new, 1);
}
