use super::*;
use crate::import::formats::testing::options;
use crate::import::receipt::Kind;

fn first_rows(text: &str) -> Option<FirstRows> {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("kasse.csv");
    std::fs::write(&path, text).unwrap();
    FirstRows::read(&path, None, "DE").unwrap()
}

/// A German till: a preamble line, semicolons, decimal commas, a refund
/// word, a row whose total cannot be read, and more rows than shown.
const KASSE: &str = "Kasse 1 Export\n\
Bon;Datum;Summe;Art;Telefon\n\
B1;01.03.2026 10:00;12,50;Verkauf;+49 30 1234567\n\
B2;02.03.2026 11:00;4,00;Erstattung;\n\
\n\
B3;03.03.2026 09:30;abc;Verkauf;\n\
B4;04.03.2026 09:30;1,00;Verkauf;\n\
B5;05.03.2026 09:30;2,00;Verkauf;\n\
B6;06.03.2026 09:30;3,00;Verkauf;\n";

#[test]
fn the_header_is_found_under_a_preamble_and_five_rows_are_kept() {
    let first = first_rows(KASSE).expect("a header");
    assert_eq!(first.columns(), ["Bon", "Datum", "Summe", "Art", "Telefon"]);
    assert_eq!(first.data.len(), PREVIEW_ROWS);
    assert_eq!(first.data[2].line, 6, "the blank line is skipped");
    assert_eq!(first.near, None);
}

#[test]
fn the_preview_reads_as_the_import_would_and_names_the_owners_column() {
    let first = first_rows(KASSE).unwrap();
    let map =
        ColumnMap::parse("receipt=Bon,time=Datum,total=Summe,kind=Art,phone=Telefon").unwrap();
    let preview = first.preview(&map, &options("DE")).unwrap();
    let ids: Vec<&str> = preview
        .receipts
        .iter()
        .map(|r| r.till_id.as_str())
        .collect();
    assert_eq!(ids, ["B1", "B2", "B4", "B5"]);
    assert_eq!(preview.receipts[0].total_minor, 1250);
    assert_eq!(preview.receipts[0].line, 3);
    assert_eq!(
        preview.receipts[0].customer.phone.as_deref(),
        Some("+49 30 1234567")
    );
    assert_eq!(preview.receipts[1].kind, Kind::Refund);
    assert_eq!(preview.receipts[1].total_minor, -400);
    assert_eq!(preview.receipts[0].local_date().to_string(), "2026-03-01");
    assert_eq!(preview.rejected.len(), 1);
    assert_eq!(preview.rejected[0].line, 6);
    let reason = preview.rejected[0].reason.to_string();
    assert!(reason.contains("\"Summe\""), "{reason}");
    assert!(reason.contains("abc"), "{reason}");
}

#[test]
fn a_wrong_column_shows_in_the_preview() {
    let first = first_rows(KASSE).unwrap();
    // The date picked as the total: no row reads.
    let map = ColumnMap::parse("receipt=Bon,time=Datum,total=Art").unwrap();
    let preview = first.preview(&map, &options("DE")).unwrap();
    assert!(preview.receipts.is_empty());
    assert_eq!(preview.rejected.len(), PREVIEW_ROWS);
}

#[test]
fn a_file_without_three_named_columns_cannot_be_mapped() {
    assert!(first_rows("a;b\n1;2\n").is_none());
    assert!(first_rows("just text\n").is_none());
}

#[test]
fn a_near_miss_is_named() {
    let text = "Date,Receipt number,Receipt type,Customer\n2026-03-01,1-1001,Sale,Ana\n";
    let first = first_rows(text).unwrap();
    let near = first.near.expect("a near miss");
    assert!(near.missing.contains(&"Total collected"), "{near:?}");
}

#[test]
fn a_spreadsheet_gives_its_columns_too() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/tills/zettle.xlsx");
    let first = FirstRows::read(&path, None, "SE")
        .unwrap()
        .expect("a header");
    let columns = first.columns();
    assert!(columns.iter().any(|c| c == "Date"), "{columns:?}");
    let total = columns.iter().find(|c| c.starts_with("Total")).unwrap();
    let map = ColumnMap::parse(&format!("receipt=Receipt number,time=Date,total={total}")).unwrap();
    let preview = first.preview(&map, &options("SE")).unwrap();
    assert!(!preview.receipts.is_empty(), "{preview:?}");
}
