//! A file larger than the club it goes into: its receipts are stored with
//! the tables' indexes set aside, made again at the end, and its payment
//! ids filed in order. What is stored, and every figure kept beside it,
//! must be what the same rows give when the indexes are kept up as each
//! receipt goes in (the file read in two halves, each too small to set
//! anything aside), and the indexes come back as they were. A cancelled
//! large import leaves the club as it was, indexes included.

use std::path::Path;
use std::sync::atomic::{AtomicBool, Ordering};

use chrono::NaiveDate;
use import_support::import_clean;
use regulars::context::Ctx;
use regulars::db::receipts::worth_shelving;
use regulars::import::Confirmed;
use regulars::import::sink::Control;
use regulars::ops::import::{Overrides, import_file, options};
use regulars::ops::members::{IfDuplicate, MemberInput, Outcome, sign_up};
use rusqlite::types::ValueRef;
use tempfile::TempDir;

mod import_support;

#[allow(dead_code)]
#[path = "../benches/square_file/mod.rs"]
mod square_file;

/// Rows of the whole file: more than enough to set the indexes aside in
/// an empty club, and each half too few.
const ROWS: u64 = 30_000;
const CARD_COLUMN: usize = 23;
const TRANSACTION_COLUMN: usize = 13;

fn shop(dir: &TempDir) -> Ctx {
    import_support::shop(
        dir,
        "US",
        "USD",
        NaiveDate::from_ymd_opt(2026, 12, 3).unwrap(),
    )
}

fn cells(line: &str) -> Vec<String> {
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .from_reader(line.as_bytes());
    let record = reader.records().next().unwrap().unwrap();
    record.iter().map(str::to_string).collect()
}

/// The file's header and rows, and the first 300 cards it names.
fn read(path: &Path) -> (String, Vec<String>, Vec<String>) {
    let text = std::fs::read_to_string(path).unwrap();
    let mut lines = text.lines().map(str::to_string);
    let header = lines.next().unwrap();
    let rows: Vec<String> = lines.collect();
    let mut cards: Vec<String> = Vec::new();
    for row in &rows {
        let card = cells(row)[CARD_COLUMN].clone();
        if card.starts_with("SQ-") && !cards.contains(&card) && cards.len() < 300 {
            cards.push(card);
        }
    }
    (header, rows, cards)
}

fn write(path: &Path, header: &str, rows: &[String]) {
    std::fs::write(path, format!("{header}\n{}\n", rows.join("\n"))).unwrap();
}

fn sign_up_all(ctx: &Ctx, cards: &[String]) {
    for (i, card) in cards.iter().enumerate() {
        let input = MemberInput {
            first_name: format!("Member{i}"),
            family_name: "Regular".into(),
            card: card.clone(),
            ..MemberInput::default()
        };
        assert!(matches!(
            sign_up(ctx, &input, IfDuplicate::SaveAnyway).unwrap(),
            Outcome::Saved(_)
        ));
    }
}

/// Every row of a table, in order, as text.
fn rows_of(ctx: &Ctx, sql: &str) -> Vec<String> {
    let mut stmt = ctx.conn.prepare(sql).unwrap();
    let n = stmt.column_count();
    stmt.query_map([], |r| {
        Ok((0..n)
            .map(|i| match r.get_ref(i).unwrap() {
                ValueRef::Null => "∅".to_string(),
                ValueRef::Integer(v) => v.to_string(),
                ValueRef::Real(v) => v.to_string(),
                ValueRef::Text(t) => String::from_utf8_lossy(t).into_owned(),
                ValueRef::Blob(b) => format!("{b:?}"),
            })
            .collect::<Vec<_>>()
            .join("|"))
    })
    .unwrap()
    .collect::<rusqlite::Result<_>>()
    .unwrap()
}

/// What an import stores and keeps beside it (not which import stored it).
fn stored(ctx: &Ctx) -> Vec<(&'static str, Vec<String>)> {
    [
        (
            "receipts",
            "SELECT id, source, till_id, at_utc, local_date, local_time, total_minor, kind,
                    member_id, cust_card, cust_phone, cust_email, cust_name, cust_till_id, shop
             FROM receipts ORDER BY id",
        ),
        ("lines", "SELECT * FROM lines ORDER BY id"),
        (
            "payments",
            "SELECT * FROM receipt_payments ORDER BY 1, 2, 3",
        ),
        ("days", "SELECT * FROM day_totals ORDER BY 1"),
        ("visits", "SELECT * FROM visit_days ORDER BY 1, 2"),
        ("bought", "SELECT * FROM member_bought ORDER BY 1, 2, 3"),
        ("members", "SELECT id, last_visit FROM members ORDER BY id"),
        (
            "points",
            "SELECT member_id, reason, receipt_id, delta FROM points ORDER BY 1, 2, 3, 4",
        ),
        ("links", "SELECT * FROM customer_links ORDER BY 1, 2"),
    ]
    .into_iter()
    .map(|(name, sql)| (name, rows_of(ctx, sql)))
    .collect()
}

fn indexes(ctx: &Ctx) -> Vec<String> {
    rows_of(
        ctx,
        "SELECT name, sql FROM sqlite_schema WHERE type = 'index'
         AND tbl_name IN ('receipts', 'lines', 'receipt_payments') ORDER BY name",
    )
}

#[test]
fn a_file_larger_than_the_club_stores_what_the_same_rows_give_in_halves() {
    let files = TempDir::new().unwrap();
    let whole = files.path().join("whole.csv");
    square_file::generate(&whole, ROWS, square_file::Shape::Messy).unwrap();
    let (header, rows, cards) = read(&whole);
    // Halves split between two receipts: the rows of one are together.
    let transaction = |i: usize| cells(&rows[i])[TRANSACTION_COLUMN].clone();
    let split = (rows.len() / 2..rows.len())
        .find(|&i| transaction(i) != transaction(i - 1))
        .unwrap();
    let (first, second) = (files.path().join("a.csv"), files.path().join("b.csv"));
    write(&first, &header, &rows[..split]);
    write(&second, &header, &rows[split..]);

    let (dir_whole, dir_halves) = (TempDir::new().unwrap(), TempDir::new().unwrap());
    let mut at_once = shop(&dir_whole);
    sign_up_all(&at_once, &cards);
    assert!(worth_shelving(&at_once.conn, ROWS).unwrap());
    let before = indexes(&at_once);
    let report = import_clean(&mut at_once, &whole);
    assert_eq!(report.counts.rows, ROWS);
    assert!(
        report.counts.refunds > 0 && report.errors.is_empty(),
        "{report:?}"
    );

    let mut in_halves = shop(&dir_halves);
    sign_up_all(&in_halves, &cards);
    for half in [&first, &second] {
        let rows = u64::try_from(rows.len() / 2 + 1).unwrap();
        assert!(!worth_shelving(&in_halves.conn, rows).unwrap());
        import_clean(&mut in_halves, half);
    }

    let (whole_stored, halves_stored) = (stored(&at_once), stored(&in_halves));
    for ((name, a), (_, b)) in whole_stored.iter().zip(&halves_stored) {
        assert_eq!(a.len(), b.len(), "{name}: rows");
        assert!(a == b, "{name}: the same rows");
    }
    let members_bought: i64 = at_once
        .conn
        .query_row(
            "SELECT count(*) FROM receipts WHERE member_id IS NOT NULL",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert!(members_bought > 100, "members bought: {members_bought}");
    assert_eq!(indexes(&at_once), before, "every index is back");
    assert_eq!(indexes(&in_halves), before);
    assert_eq!(
        rows_of(&at_once, "SELECT count(*) FROM payments_waiting"),
        ["0"]
    );
    assert_eq!(rows_of(&at_once, "PRAGMA integrity_check"), ["ok"]);
}

#[test]
fn a_large_import_cancelled_at_its_end_leaves_the_club_and_its_indexes_as_they_were() {
    let files = TempDir::new().unwrap();
    let whole = files.path().join("whole.csv");
    square_file::generate(&whole, ROWS, square_file::Shape::Messy).unwrap();
    let dir = TempDir::new().unwrap();
    let mut ctx = shop(&dir);
    let before = (indexes(&ctx), stored(&ctx));
    let cancel = AtomicBool::new(false);
    let opts = options(&ctx, &Overrides::default()).unwrap();
    let mut progress = |p: regulars::import::sink::Progress| {
        if p.rows_done == p.rows_total {
            cancel.store(true, Ordering::Relaxed);
        }
    };
    let control = Control {
        progress: &mut progress,
        cancel: &cancel,
    };
    let now = ctx.clock.now();
    let cancelled = import_file(
        &mut ctx.conn,
        &whole,
        &opts,
        now,
        control,
        Confirmed::default(),
    );
    assert!(cancelled.is_err(), "{cancelled:?}");
    assert_eq!((indexes(&ctx), stored(&ctx)), before);
    assert_eq!(rows_of(&ctx, "SELECT count(*) FROM imports"), ["0"]);
    // And the same file then imports whole.
    let again = import_clean(&mut ctx, &whole);
    assert_eq!(again.counts.rows, ROWS);
    assert_eq!(indexes(&ctx), before.0);
}
