//! The import sink: a receipt above the configured limit is a row error.
use chrono::NaiveDate;

use super::*;
use crate::db::receipts::begin_import;
use crate::import::parse::Stamp;

fn receipt(id: &str, total_minor: i64, rule: TotalRule) -> Receipt {
    let when = Stamp {
        date: NaiveDate::from_ymd_opt(2026, 11, 2).unwrap(),
        time: None,
        offset: None,
    };
    let mut r = Receipt::new(id.into(), Kind::Sale, when, total_minor);
    r.rule = rule;
    r.line = 7;
    r
}

#[test]
fn a_receipt_beyond_the_limit_is_a_row_error_and_not_stored() {
    let conn = crate::db::open_in_memory().unwrap();
    let at = NaiveDate::from_ymd_opt(2026, 11, 23)
        .unwrap()
        .and_hms_opt(9, 0, 0)
        .unwrap();
    let import = begin_import(&conn, "till.csv", "sha", "generic", at).unwrap();
    let eur = Currency::from_code("EUR").unwrap();
    let max = max_receipt_minor(eur, crate::config::DEFAULT_MAX_RECEIPT);
    assert_eq!(max, 100_000_000);
    let mut progress = |_| {};
    let cancel = AtomicBool::new(false);
    let control = Control {
        progress: &mut progress,
        cancel: &cancel,
    };
    let mut sink = Sink::new(
        &conn,
        import,
        "generic",
        eur,
        crate::config::DEFAULT_MAX_RECEIPT,
        4,
        control,
    )
    .unwrap();
    let customer = StoredCustomer::default();
    let (fine, huge, refund) = (
        receipt("R1", max, TotalRule::Same),
        receipt("R2", 99_999_999_999_999_999, TotalRule::Same),
        receipt("R3", -max - 1, TotalRule::Same),
    );
    // The second half of R4 would take it past the limit.
    let (half, past) = (
        receipt("R4", max / 2 + 1, TotalRule::Sum),
        receipt("R4", max / 2, TotalRule::Sum),
    );
    sink.store([&fine, &huge, &refund, &half].map(|r| (r, &customer)))
        .unwrap();
    sink.store([(&past, &customer)]).unwrap();
    assert_eq!(sink.counts.receipts_new, 2);
    assert_eq!(sink.counts.rows_rejected, 3);
    let lines: Vec<u64> = sink.errors.iter().map(|e| e.line).collect();
    assert_eq!(lines, [7, 7, 7]);
    assert!(
        sink.errors[0].reason.to_string().contains("R2"),
        "{:?}",
        sink.errors
    );
    assert!(
        sink.errors[0].reason.to_string().contains("1000000.00"),
        "{:?}",
        sink.errors
    );
    let totals: Vec<(String, i64)> = conn
        .prepare("SELECT till_id, total_minor FROM receipts ORDER BY till_id")
        .unwrap()
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))
        .unwrap()
        .collect::<rusqlite::Result<_>>()
        .unwrap();
    assert_eq!(totals, [("R1".into(), max), ("R4".into(), max / 2 + 1)]);
}
