//! Larger imports, as the reading and the writing threads share them:
//! receipts whose rows are far apart, many to a statement, matched to
//! members, stored once; a cancel while storing leaves nothing.

use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};

use chrono::NaiveDate;
use regulars::db::members;
use regulars::db::open_in_memory;
use regulars::domain::member::MemberDraft;
use regulars::domain::money::Currency;
use regulars::error::Result;
use regulars::import::sink::{Control, Progress};
use regulars::import::{Options, Report, import_file};
use rusqlite::Connection;
use tempfile::TempDir;

const HEADER: &str =
    "Date,Time,Item,Qty,Net Sales,Tax,Transaction ID,Event Type,Customer Reference ID\n";

fn options() -> Options {
    Options {
        format: None,
        encoding: None,
        country: "US".into(),
        currency: Currency::from_code("USD").unwrap(),
        max_receipt: regulars::config::DEFAULT_MAX_RECEIPT,
        today: NaiveDate::from_ymd_opt(2026, 11, 23).unwrap(),
        dry_run: false,
    }
}

/// Imports `path`; `cancel_after` raises the cancel flag at that progress report.
fn run(conn: &mut Connection, path: &Path, cancel_after: Option<usize>) -> Result<Report> {
    let cancel = AtomicBool::new(false);
    let mut reports = 0;
    let mut progress = |_: Progress| {
        reports += 1;
        if cancel_after.is_some_and(|n| reports >= n) {
            cancel.store(true, Ordering::Relaxed);
        }
    };
    let control = Control {
        progress: &mut progress,
        cancel: &cancel,
    };
    let now = NaiveDate::from_ymd_opt(2026, 11, 23)
        .unwrap()
        .and_hms_opt(12, 0, 0)
        .unwrap();
    import_file(conn, path, &options(), now, control)
}

/// One row of receipt `id`: its `n`th line, for `cents` (no tax).
fn row(id: usize, n: usize, cents: i64) -> String {
    format!(
        "2026-03-{:02},10:{:02}:00,Item {n},1,${}.{:02},$0.00,T{id},Payment,C{}\n",
        id % 28 + 1,
        id % 60,
        cents / 100,
        cents % 100,
        id % 50
    )
}

/// Receipts `ids`, receipt i with 1 + i % 3 lines; with `apart`, every
/// 100th receipt has its last line 700 rows further down. Returns the file
/// and each receipt's (total, lines).
fn file(
    dir: &TempDir,
    name: &str,
    ids: std::ops::Range<usize>,
    apart: bool,
) -> (PathBuf, Vec<(i64, i64)>) {
    let mut rows = Vec::new();
    let mut late = Vec::new();
    let mut expected = Vec::new();
    for id in ids {
        let lines = 1 + id % 3;
        let mut total = 0;
        for n in 0..lines {
            let cents = 100 * (n as i64 + 1) + id as i64 % 7;
            total += cents;
            let text = row(id, n, cents);
            if apart && id % 100 == 0 && n == lines - 1 && lines > 1 {
                late.push((rows.len() + 700, text));
            } else {
                rows.push(text);
            }
        }
        expected.push((total, lines as i64));
    }
    for (at, text) in late.into_iter().rev() {
        rows.insert(at.min(rows.len()), text);
    }
    let path = dir.path().join(name);
    std::fs::write(&path, format!("{HEADER}{}", rows.concat())).unwrap();
    (path, expected)
}

fn stored(conn: &Connection, id: usize) -> (i64, i64) {
    conn.query_row(
        "SELECT total_minor, (SELECT count(*) FROM lines WHERE receipt_id = r.id)
         FROM receipts r WHERE till_id = ?1",
        [format!("T{id}")],
        |r| Ok((r.get(0)?, r.get(1)?)),
    )
    .unwrap()
}

fn count(conn: &Connection, sql: &str) -> i64 {
    conn.query_row(sql, [], |r| r.get(0)).unwrap()
}

#[test]
fn thousands_of_receipts_stored_once_whole_and_matched() {
    let dir = TempDir::new().unwrap();
    let mut conn = open_in_memory().unwrap();
    let draft = MemberDraft {
        first_name: "Ana".into(),
        card: Some("C7".into()),
        ..MemberDraft::default()
    };
    let ana = members::insert(
        &conn,
        &draft,
        &[],
        NaiveDate::MIN.and_hms_opt(0, 0, 0).unwrap(),
    )
    .unwrap();

    let (first, expected) = file(&dir, "first.csv", 0..3000, true);
    let report = run(&mut conn, &first, None).unwrap();
    assert_eq!(report.counts.receipts_new, 3000);
    assert_eq!(report.counts.rows_rejected, 0);
    for (id, want) in expected.iter().enumerate() {
        assert_eq!(stored(&conn, id), *want, "T{id}");
    }
    let anas = format!("SELECT count(*) FROM receipts WHERE member_id = {ana}");
    assert_eq!(count(&conn, &anas), 60);

    // Half of these were imported already: counted as duplicates, not stored again.
    let (second, expected) = file(&dir, "second.csv", 1500..4500, false);
    let report = run(&mut conn, &second, None).unwrap();
    assert_eq!(
        (report.counts.receipts_new, report.counts.receipts_duplicate),
        (1500, 1500)
    );
    assert_eq!(count(&conn, "SELECT count(*) FROM receipts"), 4500);
    assert_eq!(stored(&conn, 4499), expected[2999]);
    assert_eq!(count(&conn, &anas), 90);
}

#[test]
fn a_cancel_while_storing_leaves_nothing() {
    let dir = TempDir::new().unwrap();
    let mut conn = open_in_memory().unwrap();
    let (path, _) = file(&dir, "big.csv", 0..3000, true);
    let err = run(&mut conn, &path, Some(2)).unwrap_err();
    assert!(err.to_string().contains("nothing was stored"), "{err}");
    assert_eq!(count(&conn, "SELECT count(*) FROM receipts"), 0);
    assert_eq!(count(&conn, "SELECT count(*) FROM imports"), 0);
    let report = run(&mut conn, &path, None).unwrap();
    assert_eq!(report.counts.receipts_new, 3000);
}
