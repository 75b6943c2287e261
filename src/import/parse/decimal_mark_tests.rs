use proptest::prelude::*;

use super::super::money::{MoneyError, parse_money, parse_money_marked};
use super::*;

#[test]
fn a_cell_tells_its_mark_when_it_can() {
    let cases = [
        ("1.234,50", Evidence::Mark(DecimalMark::Comma)),
        ("12,5", Evidence::Mark(DecimalMark::Comma)),
        ("1.234.567", Evidence::Mark(DecimalMark::Comma)),
        ("1,234.50", Evidence::Mark(DecimalMark::Dot)),
        ("3.5", Evidence::Mark(DecimalMark::Dot)),
        ("-12.50", Evidence::Mark(DecimalMark::Dot)),
        ("0.250", Evidence::Mark(DecimalMark::Dot)),
        ("1.234", Evidence::Ambiguous),
        ("-12,345", Evidence::Ambiguous),
        ("12", Evidence::Nothing),
        ("", Evidence::Nothing),
    ];
    for (cell, want) in cases {
        assert_eq!(evidence(cell, 2), want, "{cell}");
    }
    // A currency with three decimals reads `1.234` as decimals everywhere.
    assert_eq!(evidence("1.234", 3), Evidence::Mark(DecimalMark::Dot));
}

#[test]
fn the_other_cells_of_the_column_decide() {
    let decide = |cells: &[&str]| {
        let mut votes = MarkVotes::default();
        for cell in cells {
            votes.observe(cell, 2);
        }
        (votes.decide(), votes.has_ambiguous())
    };
    assert_eq!(
        decide(&["1.234", "1.234,50"]),
        (MarkDecision::Known(DecimalMark::Comma), true)
    );
    assert_eq!(
        decide(&["1.234", "3.5"]),
        (MarkDecision::Known(DecimalMark::Dot), true)
    );
    assert_eq!(decide(&["1.234", "12"]), (MarkDecision::Undecided, true));
    assert_eq!(
        decide(&["1.234", "3.5", "12,5"]),
        (MarkDecision::Mixed, true)
    );
    assert_eq!(
        parse_money_marked("1.234", 2, ','),
        Ok(123_400),
        "thousands"
    );
    assert_eq!(parse_money_marked("1.234", 2, '.'), Ok(123), "decimals");
    assert_eq!(
        parse_money_marked("1,234.50", 2, ','),
        Err(MoneyError::Unreadable)
    );
    assert_eq!(
        parse_money_marked("1.2.3", 2, '.'),
        Err(MoneyError::Unreadable)
    );
}

/// `minor` (cents) written the way one style writes it: grouped or not,
/// with as many decimals as `decimals` keeps (0, 1 or 2).
fn written(minor: i64, mark: DecimalMark, grouped: bool, decimals: usize) -> String {
    let abs = minor.unsigned_abs();
    let whole = (abs / 100).to_string();
    let group = match mark {
        DecimalMark::Dot => ',',
        DecimalMark::Comma => '.',
    };
    let mut text = String::new();
    for (i, c) in whole.chars().enumerate() {
        if grouped && i > 0 && (whole.len() - i).is_multiple_of(3) {
            text.push(group);
        }
        text.push(c);
    }
    let cents = format!("{:02}", abs % 100);
    if decimals > 0 {
        text.push(mark.char());
        text.push_str(&cents[..decimals]);
    }
    let sign = if minor < 0 { "-" } else { "" };
    format!("{sign}{text}")
}

/// Cents that `decimals` decimals write exactly.
fn exact(minor: i64, decimals: usize) -> i64 {
    match decimals {
        0 => minor / 100 * 100,
        1 => minor / 10 * 10,
        _ => minor,
    }
}

proptest! {
    /// A column written in one style is read back to the same minor units
    /// whenever the column decides; when it does not, a cell that could be
    /// read both ways is the only kind left unread: none is read wrong.
    #[test]
    fn a_column_in_one_style_reads_back_exactly(
        cells in proptest::collection::vec(
            (-100_000_000i64..100_000_000, any::<bool>(), 0usize..3), 1..12),
        comma in any::<bool>(),
    ) {
        let mark = if comma { DecimalMark::Comma } else { DecimalMark::Dot };
        let column: Vec<(String, i64)> = cells
            .iter()
            .map(|&(minor, grouped, decimals)| {
                let minor = exact(minor, decimals);
                (written(minor, mark, grouped, decimals), minor)
            })
            .collect();
        let mut votes = MarkVotes::default();
        for (text, _) in &column {
            votes.observe(text, 2);
        }
        let decision = votes.decide();
        prop_assert_ne!(decision, MarkDecision::Mixed);
        prop_assert_ne!(decision, MarkDecision::Known(match mark {
            DecimalMark::Dot => DecimalMark::Comma,
            DecimalMark::Comma => DecimalMark::Dot,
        }));
        for (text, minor) in &column {
            match decision {
                MarkDecision::Known(known) => {
                    prop_assert_eq!(parse_money_marked(text, 2, known.char()), Ok(*minor), "{}", text);
                }
                _ if evidence(text, 2) == Evidence::Ambiguous => {}
                _ => prop_assert_eq!(parse_money(text, 2), Ok(*minor), "{}", text),
            }
        }
    }
}
