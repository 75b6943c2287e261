//! Reading a whole export in memory for format tests: no database, the
//! receipts are collected in a `Vec` as the loader receives them.

use chrono::NaiveDate;

use crate::domain::money::Currency;
use crate::import::receipt::{Receipt, Rejected, VecLoader};
use crate::import::table::Input;
use crate::import::{Options, load, survey};

pub struct Got {
    pub format: &'static str,
    pub receipts: Vec<Receipt>,
    pub rejected: Vec<Rejected>,
    pub notes: Vec<String>,
    pub rows: u64,
}

pub fn options(country: &str) -> Options {
    Options {
        format: None,
        encoding: None,
        country: country.to_string(),
        currency: Currency::for_country(country),
        max_receipt: crate::config::DEFAULT_MAX_RECEIPT,
        today: NaiveDate::from_ymd_opt(2026, 11, 23).expect("a real day"),
        dry_run: false,
    }
}

pub fn read_bytes(bytes: &[u8], opts: &Options) -> Got {
    let input = Input::Bytes(bytes.into());
    let plan = survey(&input, opts).expect("the file is recognised");
    let mut loader = VecLoader::default();
    load(&input, &plan, &mut loader).expect("the file reads");
    Got {
        format: plan.detected.format.name(),
        receipts: loader.receipts,
        rejected: loader.rejected,
        notes: plan.notes,
        rows: loader.rows,
    }
}

pub fn read_csv(text: &str, country: &str) -> Got {
    read_bytes(text.as_bytes(), &options(country))
}

impl Got {
    /// (till id, sale or refund, total) of every receipt, in file order: what
    /// most format tests compare first.
    pub fn summary(&self) -> Vec<(&str, crate::import::receipt::Kind, i64)> {
        self.receipts
            .iter()
            .map(|r| (r.till_id.as_str(), r.kind, r.total_minor))
            .collect()
    }
}
