//! Loyverse exports written by a back office in another language, imported
//! into a club on a real database file: the file is read in the language
//! of its columns, its refund and cancelled words are understood, spend is
//! exact to the cent and never holds a tip, and the two exports of the
//! same receipts give the same spend whichever comes first. The files are
//! in `tests/fixtures/loyverse/<language>/`.

use std::path::{Path, PathBuf};

use chrono::NaiveDate;
use regulars::context::Ctx;
use regulars::import::Report;
use regulars::ops::members::{IfDuplicate, MemberInput, Outcome, sign_up};
use tempfile::TempDir;

mod import_support;

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/loyverse")
        .join(name)
}

/// A pet shop in `country`, paid in `currency`.
fn shop(dir: &TempDir, country: &str, currency: &str) -> Ctx {
    import_support::shop(
        dir,
        country,
        currency,
        NaiveDate::from_ymd_opt(2026, 11, 23).unwrap(),
    )
}

fn import(ctx: &mut Ctx, name: &str) -> Report {
    import_support::import_clean(ctx, &fixture(name))
}

fn member(ctx: &Ctx, first: &str, phone: &str, email: &str) -> i64 {
    let input = MemberInput {
        first_name: first.into(),
        family_name: "Test".into(),
        phone: phone.into(),
        email: email.into(),
        ..MemberInput::default()
    };
    match sign_up(ctx, &input, IfDuplicate::Ask).unwrap() {
        Outcome::Saved(saved) => saved.id,
        other => panic!("{other:?}"),
    }
}

/// Every stored receipt: (till id, kind, total, local date and time).
fn receipts(ctx: &Ctx) -> Vec<(String, String, i64, String)> {
    let mut stmt = ctx
        .conn
        .prepare(
            "SELECT till_id, kind, total_minor, local_date || ' ' || coalesce(local_time, '')
             FROM receipts ORDER BY till_id",
        )
        .unwrap();
    stmt.query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)))
        .unwrap()
        .map(Result::unwrap)
        .collect()
}

/// A member's spend (minor units) and visits.
fn figures(ctx: &Ctx, member_id: i64) -> (i64, i64) {
    ctx.conn
        .query_row(
            "SELECT CAST(total(total_minor) AS INTEGER),
                    count(DISTINCT CASE WHEN kind = 'sale' THEN local_date END)
             FROM receipts WHERE member_id = ?1",
            [member_id],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .unwrap()
}

fn lines(ctx: &Ctx) -> i64 {
    ctx.conn
        .query_row("SELECT count(*) FROM lines", [], |r| r.get(0))
        .unwrap()
}

fn row(id: &str, kind: &str, total: i64, at: &str) -> (String, String, i64, String) {
    (id.into(), kind.into(), total, at.into())
}

#[test]
fn spanish_receipts_by_item() {
    let dir = TempDir::new().unwrap();
    let mut ctx = shop(&dir, "ES", "EUR");
    let carlos = member(&ctx, "Carlos", "+34 612 345 678", "");
    let lucia = member(&ctx, "Lucía", "", "lucia.gomez@example.es");
    let report = import(&mut ctx, "es/receipts_by_item.csv");
    assert_eq!(report.format, "loyverse-items");
    assert_eq!((report.counts.receipts_new, report.counts.refunds), (3, 1));
    // Net sales plus taxes of each line; `Cancelado` is not stored, and
    // `p. m.` is the afternoon.
    assert_eq!(
        receipts(&ctx),
        vec![
            row(
                "1-1001",
                "sale",
                8000 + 1280 + 5000 + 800,
                "2026-09-19 20:15:00"
            ),
            row("1-1003", "refund", -2500 - 400, "2026-09-20 18:40:00"),
            row("1-1004", "sale", 9999 + 1600, "2026-09-21 09:05:00"),
        ]
    );
    assert_eq!(lines(&ctx), 4);
    assert_eq!(figures(&ctx, carlos), (15080 - 2900, 1));
    assert_eq!(figures(&ctx, lucia), (11599, 1));
}

#[test]
fn thai_receipts_then_receipts_by_item() {
    let dir = TempDir::new().unwrap();
    let mut ctx = shop(&dir, "TH", "THB");
    let somsri = member(&ctx, "Somsri", "+66 81 234 5678", "");
    let malee = member(&ctx, "Malee", "", "malee@example.co.th");
    let report = import(&mut ctx, "th/receipts.csv");
    assert_eq!(report.format, "loyverse-receipts");
    assert_eq!((report.counts.receipts_new, report.counts.refunds), (3, 1));
    // `22/7/26` is 2026 in a Thai shop too (the back office writes
    // two-digit years of the common era). The sale word of this back
    // office is not known: a positive amount is a sale.
    let expected = vec![
        row("1-1001", "sale", 21400, "2026-07-22 14:05:00"),
        row("1-1003", "refund", -10700, "2026-07-23 16:30:00"),
        row("1-1004", "sale", 9523, "2026-07-24 10:12:00"),
    ];
    assert_eq!(receipts(&ctx), expected);
    assert_eq!(figures(&ctx, somsri), (10700, 1));
    assert_eq!(figures(&ctx, malee), (9523, 1));
    assert_eq!(lines(&ctx), 0);
    // The same receipts by item bring their lines, and spend stays.
    let report = import(&mut ctx, "th/receipts_by_item.csv");
    assert_eq!(report.format, "loyverse-items");
    assert_eq!(
        (report.counts.receipts_new, report.counts.receipts_completed),
        (0, 3)
    );
    assert_eq!(receipts(&ctx), expected);
    assert_eq!(lines(&ctx), 4);
    assert_eq!(figures(&ctx, somsri), (10700, 1));
}

#[test]
fn thai_receipts_by_item_then_receipts() {
    let dir = TempDir::new().unwrap();
    let mut ctx = shop(&dir, "TH", "THB");
    let somsri = member(&ctx, "Somsri", "+66 81 234 5678", "");
    let report = import(&mut ctx, "th/receipts_by_item.csv");
    assert_eq!((report.counts.receipts_new, report.counts.refunds), (3, 1));
    let report = import(&mut ctx, "th/receipts.csv");
    assert_eq!(
        (report.counts.receipts_new, report.counts.receipts_duplicate),
        (0, 3)
    );
    assert_eq!(lines(&ctx), 4);
    assert_eq!(figures(&ctx, somsri), (21400 - 10700, 1));
}

#[test]
fn english_receipts_with_tips() {
    let dir = TempDir::new().unwrap();
    let mut ctx = shop(&dir, "HR", "EUR");
    let ivana = member(&ctx, "Ivana", "", "ivana.babic@example.hr");
    let report = import(&mut ctx, "en/receipts.csv");
    assert_eq!((report.counts.receipts_new, report.counts.refunds), (2, 1));
    // Total collected less the tip: €48.42 paid with a €5.00 tip is €43.42
    // spent; the refund gives back €1.00 of tip that was never spend.
    assert_eq!(
        receipts(&ctx),
        vec![
            row("1-1001", "sale", 4342, "2026-04-20 16:39:00"),
            row("1-1003", "refund", -2126, "2026-04-21 15:28:00"),
        ]
    );
    assert_eq!(figures(&ctx, ivana), (4342 - 2126, 1));
}
