//! Reading typed values out of a row's cells, with the messages a rejected
//! row is reported with. Shared by every format.

use crate::domain::money::Currency;
use crate::i18n::t_args;
use crate::import::parse::{
    DateError, DateRules, MoneyError, Stamp, clean, parse_money, parse_qty_milli, parse_stamp,
    parse_time,
};
use crate::import::table::{Header, Row};

/// What every row of one file is read with.
#[derive(Debug, Clone)]
pub struct ReadCtx {
    pub header: Header,
    pub dates: DateRules,
    /// The file's currency when it does not name one (the shop's).
    pub currency: Currency,
}

/// Why a row was skipped, and which receipt it belonged to (that receipt
/// is then not stored: storing part of it would count the wrong spend).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RowError {
    pub reason: String,
    pub till_id: Option<String>,
}

impl RowError {
    pub fn new(key: &str, args: &[(&str, &str)]) -> RowError {
        RowError {
            reason: t_args(key, args),
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

    /// A required amount.
    pub fn money(&self, row: &Row, col: Option<usize>, digits: u8) -> Result<i64, RowError> {
        let value = row.get(col);
        parse_money(value, digits).map_err(|e| {
            let key = match e {
                MoneyError::Empty => "import-row-no-money",
                MoneyError::Unreadable | MoneyError::TooLarge => "import-row-bad-money",
            };
            RowError::new(key, &[("column", self.column(col)), ("value", value)])
        })
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
        parse_qty_milli(value).map_err(|_| {
            RowError::new(
                "import-row-bad-qty",
                &[("column", self.column(col)), ("value", value)],
            )
        })
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
            };
            RowError::new(key, &[("column", self.column(col)), ("value", value)])
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
