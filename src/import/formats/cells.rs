//! Reading typed values out of a row's cells, with the messages a rejected
//! row is reported with. Shared by every format.
//!
//! Every amount is held to the shop's limit for one receipt (`[import]
//! max_receipt`), and amounts are added up in 128 bits before that check:
//! a damaged file with a 17-digit number is a rejected row, never a sale
//! that wraps around to a huge negative one.

use crate::domain::money::Currency;
use crate::import::parse::{
    DateError, DateRules, Evidence, FIRST_YEAR, LAST_YEAR, MarkDecision, MoneyError, Stamp, clean,
    evidence, parse_money, parse_money_marked, parse_qty_milli, parse_stamp, parse_time,
};
use crate::import::table::{Header, Row};
use crate::message::Message;

/// What every row of one file is read with.
#[derive(Debug, Clone)]
pub struct ReadCtx {
    pub header: Header,
    pub dates: DateRules,
    /// The file's currency when it does not name one (the shop's).
    pub currency: Currency,
    /// The most one receipt may come to, in whole units of the currency.
    pub max_receipt: u64,
    /// The decimal mark of each column whose mark the file's own cells
    /// decide (see `parse::decimal_mark`), by column.
    pub marks: Vec<(usize, MarkDecision)>,
}

/// More than this many items on one line is a damaged cell, not a sale
/// (and would overflow the line's amount once multiplied by a price).
pub const MAX_QTY: i64 = 1_000_000;

/// Why a row was skipped, and which receipt it belonged to (that receipt
/// is then not stored: storing part of it would count the wrong spend).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RowError {
    pub reason: Message,
    pub till_id: Option<String>,
}

impl RowError {
    /// A row error from a locale message; the values are shown as
    /// [`echo`] shows them, since they come from the file.
    pub fn new(key: &str, args: &[(&str, &str)]) -> RowError {
        let shown: Vec<(&str, String)> = args.iter().map(|(k, v)| (*k, echo(v))).collect();
        let shown: Vec<(&str, &str)> = shown.iter().map(|(k, v)| (*k, v.as_str())).collect();
        RowError {
            reason: Message::new(key, &shown),
            till_id: None,
        }
    }

    pub fn of(mut self, till_id: &str) -> RowError {
        self.till_id = Some(till_id.to_string());
        self
    }
}

impl ReadCtx {
    fn column(&self, col: Option<usize>) -> &str {
        col.map_or("", |c| self.header.name(c))
    }

    /// Decimals of a currency named in the file (`SEK`, `DKK`), else the shop's.
    pub fn digits(&self, code: &str) -> u8 {
        Currency::from_code(code)
            .unwrap_or(self.currency)
            .minor_digits()
    }

    /// The receipt id; a row without one is rejected.
    pub fn id(&self, row: &Row, col: Option<usize>) -> Result<String, RowError> {
        let id = row.get(col);
        if id.is_empty() {
            Err(RowError::new(
                "import-row-no-id",
                &[("column", self.column(col))],
            ))
        } else {
            Ok(id.to_string())
        }
    }

    /// The limit of one receipt in minor units of a currency with `digits` decimals.
    pub fn limit(&self, digits: u8) -> i128 {
        i128::from(self.max_receipt) * 10i128.pow(u32::from(digits))
    }

    /// A required amount, no bigger (either way) than one receipt may come to.
    pub fn money(&self, row: &Row, col: Option<usize>, digits: u8) -> Result<i64, RowError> {
        self.money_read(row, col, digits, parse_money(row.get(col), digits))
    }

    /// [`ReadCtx::money`] in a column whose decimal mark the file decides
    /// (`marks`): read with that mark; a cell that could be read both ways
    /// in a column that does not tell is rejected, never guessed.
    pub fn money_marked(&self, row: &Row, col: Option<usize>, digits: u8) -> Result<i64, RowError> {
        let value = row.get(col);
        let decision = col.and_then(|c| self.marks.iter().find(|(m, _)| *m == c));
        let parsed = match decision.map(|(_, d)| *d) {
            Some(MarkDecision::Known(mark)) => parse_money_marked(value, digits, mark.char()),
            Some(why) if evidence(value, digits) == Evidence::Ambiguous => {
                let key = match why {
                    MarkDecision::Mixed => "import-row-ambiguous-money-mixed",
                    _ => "import-row-ambiguous-money",
                };
                return Err(RowError::new(
                    key,
                    &[("column", self.column(col)), ("value", value)],
                ));
            }
            _ => parse_money(value, digits),
        };
        self.money_read(row, col, digits, parsed)
    }

    /// The row error, if any, of an amount read from `col`.
    fn money_read(
        &self,
        row: &Row,
        col: Option<usize>,
        digits: u8,
        parsed: Result<i64, MoneyError>,
    ) -> Result<i64, RowError> {
        let value = row.get(col);
        let over = || {
            RowError::new(
                "import-row-over-limit",
                &[
                    ("column", self.column(col)),
                    ("value", value),
                    ("max", &self.max_receipt.to_string()),
                ],
            )
        };
        match parsed {
            Ok(minor) if i128::from(minor).abs() > self.limit(digits) => Err(over()),
            Ok(minor) => Ok(minor),
            Err(MoneyError::TooLarge) => Err(over()),
            Err(e) => {
                let key = match e {
                    MoneyError::Empty => "import-row-no-money",
                    _ => "import-row-bad-money",
                };
                Err(RowError::new(
                    key,
                    &[("column", self.column(col)), ("value", value)],
                ))
            }
        }
    }

    /// Amounts of one row added up (a subtracted one given negative): in
    /// 128 bits, so nothing wraps, and no more than one receipt may come to.
    pub fn spend(
        &self,
        amounts: impl IntoIterator<Item = i128>,
        digits: u8,
    ) -> Result<i64, RowError> {
        let total: i128 = amounts.into_iter().sum();
        self.within_limit(total, digits).ok_or_else(|| {
            RowError::new(
                "import-row-sum-over-limit",
                &[
                    ("total", &major_units(total, digits)),
                    ("max", &self.max_receipt.to_string()),
                ],
            )
        })
    }

    /// `minor` as an i64 when it is within the limit of one receipt.
    pub fn within_limit(&self, minor: i128, digits: u8) -> Option<i64> {
        if minor.abs() > self.limit(digits) {
            return None;
        }
        i64::try_from(minor).ok()
    }

    /// [`ReadCtx::money_marked`] for an amount that may be left empty.
    pub fn money_marked_or_zero(
        &self,
        row: &Row,
        col: Option<usize>,
        digits: u8,
    ) -> Result<i64, RowError> {
        if row.get(col).is_empty() {
            Ok(0)
        } else {
            self.money_marked(row, col, digits)
        }
    }

    /// An amount that may be left empty (tips, shipping): empty is 0.
    pub fn money_or_zero(
        &self,
        row: &Row,
        col: Option<usize>,
        digits: u8,
    ) -> Result<i64, RowError> {
        if row.get(col).is_empty() {
            Ok(0)
        } else {
            self.money(row, col, digits)
        }
    }

    /// A quantity in thousandths; empty is one.
    pub fn qty(&self, row: &Row, col: Option<usize>) -> Result<i64, RowError> {
        let value = row.get(col);
        if value.is_empty() {
            return Ok(1000);
        }
        let args = [("column", self.column(col)), ("value", value)];
        match parse_qty_milli(value) {
            Ok(milli) if milli.abs() <= MAX_QTY * 1000 => Ok(milli),
            Ok(_) | Err(MoneyError::TooLarge) => Err(RowError::new(
                "import-row-qty-over-limit",
                &[args[0], args[1], ("max", &MAX_QTY.to_string())],
            )),
            Err(_) => Err(RowError::new("import-row-bad-qty", &args)),
        }
    }

    /// Date (and time) from one column, or from a date and a time column.
    pub fn stamp(
        &self,
        row: &Row,
        date_col: Option<usize>,
        time_col: Option<usize>,
    ) -> Result<Stamp, RowError> {
        let value = row.get(date_col);
        let bad = |e: DateError, col: Option<usize>, value: &str| {
            let key = match e {
                DateError::NoSuchDate => "import-row-no-such-date",
                DateError::Unreadable => "import-row-bad-date",
                DateError::OutOfRange => "import-row-date-out-of-range",
            };
            let (first, last) = (FIRST_YEAR.to_string(), LAST_YEAR.to_string());
            RowError::new(
                key,
                &[
                    ("column", self.column(col)),
                    ("value", value),
                    ("first", &first),
                    ("last", &last),
                ],
            )
        };
        let mut stamp = parse_stamp(value, &self.dates).map_err(|e| bad(e, date_col, value))?;
        let time = row.get(time_col);
        if !time.is_empty() {
            let (t, offset) = parse_time(time).map_err(|e| bad(e, time_col, time))?;
            stamp.time = Some(t);
            stamp.offset = offset.or(stamp.offset);
        }
        Ok(stamp)
    }

    /// Free text (names, items), cleaned; None when empty.
    pub fn text(&self, row: &Row, col: Option<usize>) -> Option<String> {
        let text = clean(row.get(col));
        (!text.is_empty()).then_some(text)
    }
}

/// An amount in minor units written in whole units (`12345.67`), for messages.
pub fn major_units(minor: i128, digits: u8) -> String {
    let scale = 10u128.pow(u32::from(digits));
    let sign = if minor < 0 { "-" } else { "" };
    let abs = minor.unsigned_abs();
    match digits {
        0 => format!("{sign}{abs}"),
        d => format!(
            "{sign}{}.{:0width$}",
            abs / scale,
            abs % scale,
            width = usize::from(d)
        ),
    }
}

/// The longest bit of a cell a message repeats; a damaged file can hold a
/// cell of megabytes.
const ECHO_CHARS: usize = 60;

/// Text from the file as a message may show it: control characters (NUL
/// from a UTF-16 file read as bytes, line breaks, terminal escapes) become
/// visible symbols, bidi overrides that would reorder the message are
/// replaced, and a long value is cut short with `…`.
pub fn echo(text: &str) -> String {
    let mut out = String::with_capacity(text.len().min(4 * ECHO_CHARS));
    for (i, c) in text.chars().enumerate() {
        if i == ECHO_CHARS {
            out.push('…');
            break;
        }
        out.push(match c {
            // U+2400… are the "control pictures": ␀ for NUL, ␊ for a line feed.
            '\0'..='\u{1f}' => char::from_u32(0x2400 + c as u32).unwrap_or('\u{fffd}'),
            '\u{7f}' => '\u{2421}',
            c if c.is_control() => '\u{fffd}',
            '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}' => '\u{fffd}',
            c => c,
        });
    }
    out
}

#[cfg(test)]
#[path = "cells_tests.rs"]
mod tests;
