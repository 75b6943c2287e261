//! Numbers and money in the language's own form: "1,234", "1.234,50 €",
//! "₪1,234.50". Money stays integer minor units until it is shown; only
//! the digits' grouping and the symbol's place are the language's.

use icu_decimal::DecimalFormatter;
use icu_decimal::input::Decimal;

use crate::domain::money::Currency;
use crate::words::locale::{icu_locale, language};

/// `value` with `scale` digits after the decimal separator, grouped the
/// way `lang` groups digits. Plain ASCII digits when ICU4X has no data,
/// which its compiled data makes unreachable for the five languages.
fn decimal_in(lang: &str, value: i64, scale: u8) -> String {
    let mut decimal = Decimal::from(value);
    decimal.multiply_pow10(-i16::from(scale));
    match DecimalFormatter::try_new((&icu_locale(lang)).into(), Default::default()) {
        Ok(formatter) => formatter.format(&decimal).to_string(),
        Err(_) => decimal.to_string(),
    }
}

/// A whole number: "1,234" in English, "1.234" in Croatian.
pub fn number_in(lang: &str, value: i64) -> String {
    decimal_in(lang, value, 0)
}

/// `value` with `scale` digits after the separator, in the language in
/// use: 875 with scale 1 is "87.5" in English, "87,5" in Croatian.
pub fn decimal(value: i64, scale: u8) -> String {
    decimal_in(language(), value, scale)
}

/// [`number_in`] in the language in use.
pub fn number(value: i64) -> String {
    number_in(language(), value)
}

/// A message with a plural on `{ $count }` that shows the number as
/// `{ $shown }`, grouped as the language writes it ("4,477 members").
pub fn counted(key: &str, count: i64) -> String {
    let shown = number(count);
    crate::i18n::t_values(
        key,
        &[
            ("count", crate::i18n::Value::Number(count)),
            ("shown", crate::i18n::Value::Text(&shown)),
        ],
    )
}

/// Whether the language writes the symbol after the amount ("1.234,50 €").
/// A currency whose symbol always follows (kr, zł) follows in every
/// language. Hebrew keeps the shekel sign in front, as tills and price
/// tags in Israel print it, so the amount reads the same inside Hebrew.
fn symbol_after(lang: &str, currency: Currency) -> bool {
    lang == "hr" || currency.symbol_after()
}

/// `minor` units of `currency` in `lang`: "€1,234.50", "1.234,50 €".
pub fn money_in(lang: &str, currency: Currency, minor: i64) -> String {
    let digits = currency.minor_digits();
    let amount = decimal_in(lang, minor.saturating_abs(), digits);
    with_symbol(lang, currency, minor < 0, &amount)
}

/// Whole units only, rounded toward zero: "€37" (for "€37 to Gold").
pub fn money_whole_in(lang: &str, currency: Currency, minor: i64) -> String {
    let unit = 10i64.pow(u32::from(currency.minor_digits()));
    let whole = minor / unit;
    with_symbol(
        lang,
        currency,
        whole < 0,
        &number_in(lang, whole.saturating_abs()),
    )
}

fn with_symbol(lang: &str, currency: Currency, negative: bool, amount: &str) -> String {
    let sign = if negative { "-" } else { "" };
    let symbol = currency.symbol();
    if symbol_after(lang, currency) {
        format!("{sign}{amount} {symbol}")
    } else {
        format!("{sign}{symbol}{amount}")
    }
}

/// [`money_in`] in the language in use.
pub fn money(currency: Currency, minor: i64) -> String {
    money_in(language(), currency, minor)
}

/// [`money_whole_in`] in the language in use.
pub fn money_whole(currency: Currency, minor: i64) -> String {
    money_whole_in(language(), currency, minor)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cur(code: &str) -> Currency {
        Currency::from_code(code).unwrap()
    }

    #[test]
    fn numbers_group_digits_the_language_way() {
        assert_eq!(number_in("en", 1_234_567), "1,234,567");
        assert_eq!(number_in("hr", 1_234_567), "1.234.567");
        assert_eq!(number_in("he", 1_234_567), "1,234,567");
        assert_eq!(number_in("zh", 1_234_567), "1,234,567");
        assert_eq!(number_in("th", 1_234_567), "1,234,567");
        // Croatian writes the minus sign, not a hyphen.
        assert_eq!(number_in("hr", -42), "\u{2212}42");
        assert_eq!(number_in("en", 999), "999");
    }

    #[test]
    fn a_counted_message_groups_its_number_and_keeps_its_plural() {
        let say =
            |lang: &str, n| crate::i18n::Locale::new(lang).scope(|| counted("segment-members", n));
        assert_eq!(say("en", 4477), "4,477 members");
        assert_eq!(say("en", 1), "1 member");
        assert_eq!(say("hr", 12_342), "12.342 člana");
    }

    #[test]
    fn money_reads_as_in_the_shop() {
        assert_eq!(money_in("he", cur("ILS"), 123_450), "₪1,234.50");
        assert_eq!(money_in("hr", cur("EUR"), 123_450), "1.234,50 €");
        assert_eq!(money_in("en", cur("EUR"), 123_450), "€1,234.50");
        assert_eq!(money_in("zh", cur("CNY"), 123_450), "¥1,234.50");
        assert_eq!(money_in("th", cur("THB"), 123_450), "฿1,234.50");
        assert_eq!(money_in("en", cur("EUR"), 100_000), "€1,000.00");
        assert_eq!(money_in("en", cur("EUR"), 5), "€0.05");
        assert_eq!(money_in("en", cur("EUR"), -900), "-€9.00");
        assert_eq!(money_in("hr", cur("EUR"), -900), "-9,00 €");
        assert_eq!(money_in("en", cur("DKK"), 12_550), "125.50 kr");
        assert_eq!(money_in("en", cur("JPY"), 123_400), "¥123,400");
        assert_eq!(money_in("hr", cur("KWD"), 1_234), "1,234 KD");
    }

    #[test]
    fn whole_money_drops_the_minor_units() {
        assert_eq!(money_whole_in("en", cur("EUR"), 3_750), "€37");
        assert_eq!(money_whole_in("hr", cur("EUR"), 123_499), "1.234 €");
        assert_eq!(money_whole_in("he", cur("ILS"), 46_399), "₪463");
        assert_eq!(money_whole_in("en", cur("DKK"), 12_550), "125 kr");
        assert_eq!(money_whole_in("en", cur("EUR"), -950), "-€9");
    }
}
