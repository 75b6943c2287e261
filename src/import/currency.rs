//! The currency a till export is written in, where it says so: a currency
//! column (MobilePay, Odoo, Shopify, SumUp), the unit in a header (Zettle's
//! `Total (SEK)`), or the symbol before the amounts (Square's `$12.50`).
//!
//! Amounts are stored as they are written; a file in another currency than
//! the shop's would add kroner to a euro shop's spend and tiers. So such a
//! file is refused naming both currencies unless the owner says the file's
//! currency is to be taken as it is.

use crate::domain::money::Currency;

/// What a dollar sign stands for: a file says only "some dollar".
pub const DOLLAR: &str = "$";

/// The currency an amount's symbol names, when the symbol names one:
/// `€12` → EUR, `$12.50` → [`DOLLAR`]; None for a plain number.
pub fn symbol_currency(cell: &str) -> Option<&'static str> {
    cell.chars().find_map(|c| {
        Some(match c {
            '$' => DOLLAR,
            '€' => "EUR",
            '£' => "GBP",
            '₪' => "ILS",
            '₩' => "KRW",
            '₹' => "INR",
            '฿' => "THB",
            '₺' => "TRY",
            '₽' => "RUB",
            _ => return None,
        })
    })
}

/// A currency as a file names it, upper-case; None when the cell is empty.
pub fn named(cell: &str) -> Option<String> {
    let code = cell.trim();
    (!code.is_empty()).then(|| code.to_uppercase())
}

/// Whether the file's currency is `currency`: the same code, or a dollar
/// sign and a dollar currency.
pub fn agrees(file: &str, currency: Currency) -> bool {
    if file == DOLLAR {
        return currency.symbol().contains('$');
    }
    file.eq_ignore_ascii_case(currency.code())
}

/// A row of a file in another currency than the shop's: its line and the
/// currency it names.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Foreign {
    pub line: u64,
    pub currency: String,
}

/// How many other currencies one file is looked at for; a damaged column
/// could name a new one on every row.
const MAX_FOREIGN: usize = 8;

/// Watches the rows of a file for currencies other than the shop's: the
/// first row of each.
#[derive(Debug, Clone, Default)]
pub struct CurrencyWatch {
    pub foreign: Vec<Foreign>,
}

impl CurrencyWatch {
    /// A row on `line` naming `currency` (None: it names none).
    pub fn observe(&mut self, line: u64, currency: Option<String>, shop: Currency) {
        let Some(currency) = currency else { return };
        if agrees(&currency, shop)
            || self.foreign.len() >= MAX_FOREIGN
            || self.foreign.iter().any(|f| f.currency == currency)
        {
            return;
        }
        self.foreign.push(Foreign { line, currency });
    }

    /// The first row in a currency neither the shop's nor `accepted`.
    pub fn refused(&self, accepted: Option<Currency>) -> Option<&Foreign> {
        self.foreign
            .iter()
            .filter(|f| !accepted.is_some_and(|a| agrees(&f.currency, a)))
            .min_by_key(|f| f.line)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cur(code: &str) -> Currency {
        Currency::from_code(code).unwrap()
    }

    #[test]
    fn symbols_and_codes_name_currencies() {
        assert_eq!(symbol_currency("$12.50"), Some(DOLLAR));
        assert_eq!(symbol_currency("-€9,00"), Some("EUR"));
        assert_eq!(symbol_currency("12.50"), None);
        assert_eq!(named(" dkk "), Some("DKK".into()));
        assert_eq!(named(""), None);
        assert!(agrees(DOLLAR, cur("USD")));
        assert!(!agrees(DOLLAR, cur("EUR")));
        assert!(agrees("eur", cur("EUR")));
    }

    #[test]
    fn the_first_row_in_another_currency_is_kept() {
        let eur = cur("EUR");
        let mut watch = CurrencyWatch::default();
        watch.observe(2, Some("EUR".into()), eur);
        watch.observe(3, None, eur);
        watch.observe(4, Some("DKK".into()), eur);
        watch.observe(5, Some("SEK".into()), eur);
        watch.observe(6, Some("DKK".into()), eur);
        let dkk = Foreign {
            line: 4,
            currency: "DKK".into(),
        };
        assert_eq!(watch.refused(None), Some(&dkk));
        assert_eq!(watch.refused(Some(cur("DKK"))).map(|f| f.line), Some(5));
        let mut one = CurrencyWatch::default();
        one.observe(4, Some("DKK".into()), eur);
        assert_eq!(one.refused(Some(cur("DKK"))), None);
    }
}
