//! The import screen's mapping step: a file from the inbox that no format
//! reads is mapped with the keys (each role picks one of its columns), the
//! first rows show as they would be read, and Enter imports it through the
//! same operation as `import --map`, the mapping kept so the next file
//! with the same header imports without the step. Esc keeps nothing.

mod tui_support;

use ratatui::crossterm::event::KeyCode;
use regulars::context::Ctx;
use regulars::ui::App;
use regulars::ui::screens::import::ImportState;
use regulars::ui::screens::import_mapping::Shown;
use tempfile::TempDir;
use tui_support::*;

/// A German till's export: semicolons, decimal commas, day-first dates.
/// B2 is Željko's phone (a member); B3's total cannot be read; B6 is past
/// the five rows the preview shows.
const KASSE: &str = "Bon;Datum;Summe;Telefon
B1;20.11.2026 10:05;12,50;091 777 8888
B2;21.11.2026 11:00;8,00;098 111 2233
B3;22.11.2026 09:30;abc;
B4;22.11.2026 09:45;3,00;
B5;22.11.2026 10:00;2,00;
B6;22.11.2026 10:20;6,00;
";

/// The next export of the same till.
const KASSE_LATER: &str = "Bon;Datum;Summe;Telefon
B7;23.11.2026 08:15;4,20;098 111 2233
";

/// Željko Đurić's id in the seeded club (phone +385 98 111 2233).
const ZELJKO: i64 = 2;

struct Shop {
    app: App,
    inbox: TempDir,
}

/// The seeded club in `lang` with `files` in its inbox, on the import
/// screen with the first file chosen and Enter pressed.
fn shop(lang: &str, files: &[(&str, &str)]) -> Shop {
    let inbox = tempfile::tempdir().unwrap();
    for (name, text) in files {
        std::fs::write(inbox.path().join(name), text).unwrap();
    }
    let mut ctx: Ctx = seeded_ctx();
    let mut config = ctx.config.clone();
    config.shop.locale = lang.into();
    config.import.inbox = inbox.path().display().to_string();
    ctx.set_config(config);
    let mut app = app(ctx);
    key(&mut app, KeyCode::Esc);
    type_text(&mut app, "i");
    key(&mut app, KeyCode::Enter);
    Shop { app, inbox }
}

fn import(app: &App) -> &ImportState {
    front::<ImportState>(app)
}

/// Receipt number, date and time, total and phone, as the owner would:
/// ←→ on each role's row, ↓ to the next.
fn map_kasse(app: &mut App) {
    key(app, KeyCode::Right);
    key(app, KeyCode::Down);
    key(app, KeyCode::Right);
    key(app, KeyCode::Down);
    key(app, KeyCode::Right);
    // Past item, quantity, line amount and the sale/refund word.
    for _ in 0..5 {
        key(app, KeyCode::Down);
    }
    key(app, KeyCode::Right);
}

fn count(app: &App, sql: &str) -> i64 {
    app.conn().query_row(sql, [], |r| r.get(0)).unwrap()
}

#[test]
fn the_mapping_step_with_its_preview_in_every_language() {
    for lang in ["en", "he", "hr", "zh", "th"] {
        let mut shop = shop(lang, &[("kasse.csv", KASSE)]);
        assert!(import(&shop.app).mapping().is_some(), "{lang}");
        map_kasse(&mut shop.app);
        let shown = screen(&shop.app);
        assert!(shown.contains("Telefon"), "{lang}: {shown}");
        assert!(!shown.contains("ui-"), "{lang}: a text without words");
        insta::assert_snapshot!(format!("mapping@{lang}"), shown);
    }
}

#[test]
fn an_unknown_file_is_mapped_with_keys_imported_and_its_mapping_kept() {
    let mut shop = shop("en", &[("kasse.csv", KASSE)]);
    let step = import(&shop.app).mapping().expect("the mapping step");
    assert_eq!(step.columns(), ["Bon", "Datum", "Summe", "Telefon"]);
    // Nothing picked yet: the receipt number is missing, said on screen.
    assert!(matches!(step.shown(), Shown::Missing("receipt")));
    assert!(screen(&shop.app).contains("Pick the column of Receipt number"));
    map_kasse(&mut shop.app);
    let step = import(&shop.app).mapping().unwrap();
    assert_eq!(step.picked("phone"), Some("Telefon"));
    let Shown::Read(preview) = step.shown() else {
        panic!("{:?}", step.shown());
    };
    assert_eq!(preview.receipts.len(), 4);
    assert_eq!(preview.rejected[0].line, 4);
    // The row that cannot be read is named by its line and column.
    let shown = screen(&shop.app);
    assert!(shown.contains("\"Summe\": \"abc\""), "{shown}");
    key(&mut shop.app, KeyCode::Enter);
    let report = import(&shop.app).report().expect("a result").clone();
    assert_eq!(report.format, "generic");
    assert_eq!(report.counts.receipts_new, 5);
    assert_eq!(report.counts.rows_rejected, 1);
    // The result names the column as the file does, as the preview did.
    let reason = report.errors[0].reason.to_string();
    assert!(reason.contains("\"Summe\""), "{reason}");
    let sql = "SELECT count(*) FROM receipts WHERE till_id GLOB 'B*'";
    assert_eq!(count(&shop.app, sql), 5);
    // Željko's phone found him: the 8,00 counts for him.
    let his =
        format!("SELECT total_minor FROM receipts WHERE till_id = 'B2' AND member_id = {ZELJKO}");
    assert_eq!(count(&shop.app, &his), 800);
    let kept: String = shop
        .app
        .conn()
        .query_row("SELECT map FROM column_maps", [], |r| r.get(0))
        .unwrap();
    assert_eq!(kept, "receipt=Bon,time=Datum,total=Summe,phone=Telefon");
}

#[test]
fn the_next_file_with_the_same_header_imports_without_the_step() {
    let mut shop = shop("en", &[("kasse.csv", KASSE)]);
    map_kasse(&mut shop.app);
    key(&mut shop.app, KeyCode::Enter);
    assert!(import(&shop.app).report().is_some());
    // Back to the files, where the next export has arrived.
    key(&mut shop.app, KeyCode::Enter);
    std::fs::write(shop.inbox.path().join("kasse-later.csv"), KASSE_LATER).unwrap();
    type_text(&mut shop.app, "r");
    let files = import(&shop.app).files();
    assert_eq!(files[0].name, "kasse-later.csv");
    key(&mut shop.app, KeyCode::Enter);
    assert!(import(&shop.app).mapping().is_none());
    let report = import(&shop.app).report().expect("imported at once");
    assert_eq!(report.format, "generic");
    assert_eq!(report.counts.receipts_new, 1);
    let sql = "SELECT member_id FROM receipts WHERE till_id = 'B7'";
    assert_eq!(count(&shop.app, sql), ZELJKO);
}

#[test]
fn esc_backs_out_with_nothing_imported_or_kept() {
    let mut shop = shop("en", &[("kasse.csv", KASSE)]);
    map_kasse(&mut shop.app);
    key(&mut shop.app, KeyCode::Esc);
    let state = import(&shop.app);
    assert!(state.mapping().is_none() && state.report().is_none());
    assert!(state.files().iter().all(|f| f.imported.is_none()));
    assert_eq!(count(&shop.app, "SELECT count(*) FROM column_maps"), 0);
    let sql = "SELECT count(*) FROM receipts WHERE till_id GLOB 'B*'";
    assert_eq!(count(&shop.app, sql), 0);
    // Opened again, the file asks again, from no column picked.
    key(&mut shop.app, KeyCode::Enter);
    let step = import(&shop.app).mapping().expect("the step again");
    assert_eq!(step.picked("receipt"), None);
}

#[test]
fn a_near_miss_says_what_it_lacks_and_offers_the_step() {
    let loyverse = "Date,Receipt number,Receipt type,Customer,Amount\n\
        2026-11-20 10:00,1-1001,Sale,Ana,12.50\n";
    let shop = shop("en", &[("receipts.csv", loyverse)]);
    assert!(import(&shop.app).mapping().is_some());
    let shown = screen(&shop.app);
    assert!(
        shown.contains("looks like a Loyverse Receipts export"),
        "{shown}"
    );
    assert!(shown.contains("lacks \"Total"), "{shown}");
}

#[test]
fn a_file_with_too_few_columns_is_refused_as_before() {
    let shop = shop("en", &[("notes.csv", "a;b\n1;2\n")]);
    assert!(import(&shop.app).mapping().is_none());
    let shown = screen(&shop.app);
    assert!(shown.contains("notes.csv"), "{shown}");
}

#[test]
fn m_maps_a_file_again_from_the_mapping_kept_for_its_header() {
    let mut shop = shop("en", &[("kasse.csv", KASSE)]);
    map_kasse(&mut shop.app);
    key(&mut shop.app, KeyCode::Enter);
    key(&mut shop.app, KeyCode::Enter);
    // The next export, mapped again by hand before it is imported.
    std::fs::write(shop.inbox.path().join("kasse-later.csv"), KASSE_LATER).unwrap();
    type_text(&mut shop.app, "r");
    type_text(&mut shop.app, "m");
    let step = import(&shop.app).mapping().expect("the step, asked for");
    assert_eq!(step.picked("receipt"), Some("Bon"));
    assert_eq!(step.picked("phone"), Some("Telefon"));
    let shown = screen(&shop.app);
    assert!(
        shown.contains("Say which column of kasse-later.csv is what"),
        "{shown}"
    );
    // Without the phone this time: the kept mapping is replaced.
    for _ in 0..7 {
        key(&mut shop.app, KeyCode::Down);
    }
    key(&mut shop.app, KeyCode::Delete);
    key(&mut shop.app, KeyCode::Enter);
    assert_eq!(import(&shop.app).report().unwrap().counts.receipts_new, 1);
    let kept: String = shop
        .app
        .conn()
        .query_row("SELECT map FROM column_maps", [], |r| r.get(0))
        .unwrap();
    assert_eq!(kept, "receipt=Bon,time=Datum,total=Summe");
}
