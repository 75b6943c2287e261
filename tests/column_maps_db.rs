//! Column maps kept in the database file: one per header, a later one
//! replacing it, and still there when the file is opened again.

use chrono::NaiveDate;
use regulars::db::{column_maps, open};
use regulars::import::mapping::ColumnMap;
use tempfile::TempDir;

#[test]
fn a_map_is_kept_per_header_and_replaced_by_a_later_one() {
    let dir = TempDir::new().unwrap();
    let path = dir.path().join("club.db");
    let now = NaiveDate::from_ymd_opt(2026, 3, 1)
        .unwrap()
        .and_hms_opt(10, 0, 0)
        .unwrap();
    let first = ColumnMap::parse("receipt=Bon,time=Datum,total=Summe").unwrap();
    let later = ColumnMap::parse("receipt=Bon,time=Datum,total=Summe,phone=Telefon").unwrap();
    {
        let conn = open(&path).unwrap();
        column_maps::keep(&conn, "bon\u{1f}datum\u{1f}summe", &first.text(), now).unwrap();
        column_maps::keep(&conn, "bon\u{1f}datum\u{1f}summe", &later.text(), now).unwrap();
        column_maps::keep(&conn, "nr\u{1f}zeit\u{1f}betrag", &first.text(), now).unwrap();
    }
    let conn = open(&path).unwrap();
    let mut kept: Vec<(String, ColumnMap)> = column_maps::kept(&conn)
        .unwrap()
        .into_iter()
        .map(|(key, text)| (key, ColumnMap::parse(&text).unwrap()))
        .collect();
    kept.sort_by(|a, b| a.0.cmp(&b.0));
    assert_eq!(kept.len(), 2);
    assert_eq!(kept[0].1, later);
    assert_eq!(kept[1].1, first);
}
