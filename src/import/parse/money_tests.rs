use super::*;
use proptest::prelude::*;

#[test]
fn reads_what_tills_and_spreadsheets_write() {
    let cases = [
        ("$12.50", 1250),
        ("-$9.00", -900),
        ("$-9.00", -900),
        ("($33.62)", -3362),
        ("$1,234.50", 123450),
        ("1.234,50", 123450),
        ("1 234,50 €", 123450),
        ("1'234.50", 123450),
        ("12,50 kr", 1250),
        ("12,50 kr.", 1250),
        ("125,5", 12550),
        ("14.9", 1490),
        ("-13.41", -1341),
        ("9.00-", -900),
        ("−4,20", -420),
        ("EUR 3", 300),
        ("€.50", 50),
        ("1,234", 123400),
        ("1.234.567", 123456700),
        ("12.345", 1234500),
        ("0.125", 13),
        ("0.004", 0),
        ("0.005", 1),
        ("-0.005", -1),
        ("1,23,456.00", 12345600),
    ];
    for (text, want) in cases {
        assert_eq!(parse_money(text, 2), Ok(want), "{text}");
    }
}

#[test]
fn currencies_without_and_with_three_decimals() {
    assert_eq!(parse_money("¥1,200", 0), Ok(1200));
    assert_eq!(parse_money("1200", 0), Ok(1200));
    assert_eq!(parse_money("1.234 KD", 3), Ok(1234));
    assert_eq!(parse_money("12.5", 3), Ok(12500));
    assert_eq!(parse_money("1,234.567", 3), Ok(1234567));
}

#[test]
fn refuses_what_is_not_an_amount() {
    for text in [
        "",
        "  ",
        "abc",
        "12a5",
        "1.2.3,4,5",
        "(12",
        "1,2,3",
        "12/03",
        "#VALUE!",
    ] {
        assert!(parse_money(text, 2).is_err(), "{text}");
    }
    assert_eq!(parse_money("", 2), Err(MoneyError::Empty));
    assert_eq!(
        parse_money("99999999999999999999", 2),
        Err(MoneyError::TooLarge)
    );
}

#[test]
fn quantities_in_thousandths() {
    assert_eq!(parse_qty_milli("1.000"), Ok(1000));
    assert_eq!(parse_qty_milli("2"), Ok(2000));
    assert_eq!(parse_qty_milli("-1"), Ok(-1000));
    assert_eq!(parse_qty_milli("0,5"), Ok(500));
    assert!(parse_qty_milli("2 kg").is_err());
}

proptest! {
    #[test]
    fn us_style_round_trips(cents in -10_000_000_000i64..10_000_000_000) {
        let abs = cents.unsigned_abs();
        let whole = (abs / 100).to_string();
        let mut grouped = String::new();
        for (i, c) in whole.chars().enumerate() {
            if i > 0 && (whole.len() - i) % 3 == 0 {
                grouped.push(',');
            }
            grouped.push(c);
        }
        let sign = if cents < 0 { "-" } else { "" };
        let text = format!("{sign}${grouped}.{:02}", abs % 100);
        prop_assert_eq!(parse_money(&text, 2), Ok(cents));
        let bracketed = format!("(${grouped}.{:02})", abs % 100);
        prop_assert_eq!(parse_money(&bracketed, 2), Ok(-(abs as i64)));
    }

    #[test]
    fn european_style_round_trips(cents in -10_000_000_000i64..10_000_000_000) {
        let abs = cents.unsigned_abs();
        let whole = (abs / 100).to_string();
        let mut grouped = String::new();
        for (i, c) in whole.chars().enumerate() {
            if i > 0 && (whole.len() - i) % 3 == 0 {
                grouped.push('.');
            }
            grouped.push(c);
        }
        let sign = if cents < 0 { "-" } else { "" };
        let text = format!("{sign}{grouped},{:02} kr", abs % 100);
        prop_assert_eq!(parse_money(&text, 2), Ok(cents));
    }

    #[test]
    fn plain_decimals_from_spreadsheet_cells(cents in -1_000_000_000i64..1_000_000_000) {
        let text = format!("{}", cents as f64 / 100.0);
        prop_assert_eq!(parse_money(&text, 2), Ok(cents));
    }

    #[test]
    fn plain_forms_read_as_the_general_rules_do(
        text in "-?\\$?[0-9]{0,17}(\\.[0-9]{0,4})?",
        digits in 0u8..5,
    ) {
        if let Some(fast) = plain_decimal(&text, digits, true) {
            prop_assert_eq!(Ok(fast), general(&text, digits, true, None));
        }
        if let Some(fast) = plain_decimal(&text, 3, false) {
            prop_assert_eq!(Ok(fast), general(&text, 3, false, None));
        }
    }

    #[test]
    fn never_panics(text in "\\PC{0,24}") {
        let _ = parse_money(&text, 2);
        let _ = parse_qty_milli(&text);
    }
}
