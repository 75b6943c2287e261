use chrono::{Datelike, NaiveDate};
use proptest::prelude::*;

use super::*;
use crate::config::DEFAULT_MAX_RECEIPT;
use crate::import::parse::DateOrder;

fn ctx() -> ReadCtx {
    ReadCtx {
        header: Header::new(&Row::new(1, ["Total", "Date", "Qty"])),
        dates: DateRules {
            order: DateOrder::DayFirst,
            today: NaiveDate::from_ymd_opt(2026, 11, 23).expect("a real day"),
            buddhist: false,
        },
        currency: Currency::from_code("EUR").expect("EUR"),
        max_receipt: DEFAULT_MAX_RECEIPT,
        marks: Vec::new(),
    }
}

fn cell(text: &str) -> Row {
    Row::new(7, [text, text, text])
}

#[test]
fn amounts_above_the_limit_are_row_errors_naming_the_column() {
    let c = ctx();
    assert_eq!(c.money(&cell("1000000.00"), Some(0), 2), Ok(100_000_000));
    assert_eq!(c.money(&cell("-1000000"), Some(0), 2), Ok(-100_000_000));
    for far in [
        "1000000.01",
        "-1000000.01",
        "12345678901234567",
        "99999999999999999999999",
        "9223372036854775807",
        "-9223372036854775808",
    ] {
        let err = c.money(&cell(far), Some(0), 2).unwrap_err();
        assert!(
            err.reason.to_string().contains("Total"),
            "{far}: {}",
            err.reason
        );
        assert!(
            err.reason.to_string().contains("1000000"),
            "{far}: {}",
            err.reason
        );
    }
    // A currency with three decimals has the same limit in whole units.
    assert_eq!(c.money(&cell("1000000.000"), Some(0), 3), Ok(1_000_000_000));
    assert!(c.money(&cell("1000000.001"), Some(0), 3).is_err());
}

#[test]
fn sums_are_wide_and_held_to_the_limit() {
    let c = ctx();
    assert_eq!(c.spend([60_000_000, 39_999_999], 2), Ok(99_999_999));
    let err = c.spend([60_000_000, 60_000_000], 2).unwrap_err();
    assert!(
        err.reason.to_string().contains("1200000.00"),
        "{}",
        err.reason
    );
    let extreme = [
        i128::from(i64::MAX),
        i128::from(i64::MAX),
        i128::from(i64::MAX),
    ];
    assert!(c.spend(extreme, 2).is_err());
    assert!(c.spend([i128::from(i64::MIN); 3], 0).is_err());
}

#[test]
fn quantities_have_a_limit_too() {
    let c = ctx();
    assert_eq!(c.qty(&cell("1000000"), Some(2)), Ok(1_000_000_000));
    let err = c.qty(&cell("1000001"), Some(2)).unwrap_err();
    assert!(err.reason.to_string().contains("Qty"), "{}", err.reason);
    assert!(c.qty(&cell("99999999999999999999"), Some(2)).is_err());
}

#[test]
fn far_dates_are_row_errors_naming_the_column() {
    let c = ctx();
    for far in ["0000-01-01", "9999-12-31", "2958465"] {
        let err = c.stamp(&cell(far), Some(1), None).unwrap_err();
        assert!(err.reason.to_string().contains("Date"), "{}", err.reason);
        assert!(err.reason.to_string().contains("2200"), "{}", err.reason);
    }
}

#[test]
fn echoed_values_show_no_control_characters_and_stay_short() {
    assert_eq!(echo("R\u{0}1"), "R\u{2400}1");
    assert_eq!(echo("a\r\nb\u{1b}[31m"), "a\u{240d}\u{240a}b\u{241b}[31m");
    assert_eq!(echo("\u{202e}abc\u{85}"), "\u{fffd}abc\u{fffd}");
    let long = echo(&"x".repeat(10_000));
    assert_eq!(long.chars().count(), ECHO_CHARS + 1);
    assert!(long.ends_with('…'));
    let err = ctx().money(&cell("1\u{0}2"), Some(0), 2).unwrap_err();
    assert!(
        !err.reason.to_string().chars().any(char::is_control),
        "{}",
        err.reason
    );
}

#[test]
fn amounts_in_whole_units_for_messages() {
    assert_eq!(major_units(123_456, 2), "1234.56");
    assert_eq!(major_units(-5, 2), "-0.05");
    assert_eq!(major_units(7, 0), "7");
    assert_eq!(
        major_units(i128::from(i64::MIN), 3),
        "-9223372036854775.808"
    );
}

/// Digits as tills and damaged files write them: signs, currency symbols,
/// thousands marks, and far more digits than any receipt has.
fn amount_text() -> impl Strategy<Value = String> {
    prop_oneof![
        any::<i64>().prop_map(|n| n.to_string()),
        Just(i64::MAX.to_string()),
        Just(i64::MIN.to_string()),
        "[0-9]{17,25}",
        "-?[0-9]{15,25}\\.[0-9]{2}",
        "\\(?\\$?[0-9]{1,3}(,[0-9]{3}){4,8}\\.[0-9]{2}\\)?",
        "[0-9]{1,3}(\\.[0-9]{3}){4,8},[0-9]{2} kr",
        "-?[0-9]{1,9}(\\.[0-9]{1,4})?",
    ]
}

proptest! {
    #[test]
    fn any_amount_is_within_the_limit_or_a_row_error(
        text in amount_text(),
        digits in 0u8..=3,
        max_receipt in prop_oneof![Just(1u64), Just(DEFAULT_MAX_RECEIPT), Just(crate::config::HIGHEST_MAX_RECEIPT)],
    ) {
        let c = ReadCtx { max_receipt, ..ctx() };
        if let Ok(minor) = c.money(&cell(&text), Some(0), digits) {
            prop_assert!(i128::from(minor).abs() <= c.limit(digits), "{} -> {}", text, minor);
        }
        if let Ok(minor) = c.spend([i128::from(i64::MAX), text.len() as i128], digits) {
            prop_assert!(i128::from(minor).abs() <= c.limit(digits));
        }
    }

    #[test]
    fn any_date_is_in_range_or_a_row_error(
        text in prop_oneof![
            "[0-9]{4}-[0-9]{2}-[0-9]{2}",
            "[0-9]{1,2}/[0-9]{1,2}/[0-9]{2,4}",
            "[1-9][0-9]{4,6}(\\.[0-9]{1,3})?",
            Just("9999-12-31".to_string()),
            Just("0000-01-01".to_string()),
            Just("2958465".to_string()),
        ],
    ) {
        if let Ok(stamp) = ctx().stamp(&cell(&text), Some(1), None) {
            prop_assert!((FIRST_YEAR..=LAST_YEAR).contains(&stamp.date.year()), "{}", text);
        }
    }
}
