//! Money is an integer count of minor units (cents, øre, agorot) in the
//! shop's currency. Nothing in the app uses floats for money.

/// (code, minor digits, symbol, symbol goes after the amount)
const CURRENCIES: &[(&str, u8, &str, bool)] = &[
    ("EUR", 2, "€", false),
    ("USD", 2, "$", false),
    ("GBP", 2, "£", false),
    ("ILS", 2, "₪", false),
    ("DKK", 2, "kr", true),
    ("SEK", 2, "kr", true),
    ("NOK", 2, "kr", true),
    ("CHF", 2, "CHF", true),
    ("PLN", 2, "zł", true),
    ("CZK", 2, "Kč", true),
    ("HUF", 2, "Ft", true),
    ("CNY", 2, "¥", false),
    ("THB", 2, "฿", false),
    ("IDR", 2, "Rp", false),
    ("CAD", 2, "$", false),
    ("AUD", 2, "$", false),
    ("NZD", 2, "$", false),
    ("JPY", 0, "¥", false),
    ("KRW", 0, "₩", false),
    ("ISK", 0, "kr", true),
    ("VND", 0, "₫", true),
    ("CLP", 0, "$", false),
    ("KWD", 3, "KD", true),
    ("BHD", 3, "BD", true),
    ("OMR", 3, "OMR", true),
    ("JOD", 3, "JD", true),
    ("TND", 3, "DT", true),
];

/// Which currency a country's shops usually keep their tills in.
const COUNTRY_CURRENCY: &[(&str, &str)] = &[
    ("US", "USD"),
    ("GB", "GBP"),
    ("IL", "ILS"),
    ("DK", "DKK"),
    ("SE", "SEK"),
    ("NO", "NOK"),
    ("CH", "CHF"),
    ("PL", "PLN"),
    ("CZ", "CZK"),
    ("HU", "HUF"),
    ("CN", "CNY"),
    ("TH", "THB"),
    ("ID", "IDR"),
    ("CA", "CAD"),
    ("AU", "AUD"),
    ("NZ", "NZD"),
    ("JP", "JPY"),
    ("KR", "KRW"),
    ("IS", "ISK"),
    ("VN", "VND"),
    ("CL", "CLP"),
    ("KW", "KWD"),
    ("BH", "BHD"),
    ("OM", "OMR"),
    ("JO", "JOD"),
    ("TN", "TND"),
];

const EURO_COUNTRIES: &[&str] = &[
    "AT", "BE", "CY", "DE", "EE", "ES", "FI", "FR", "GR", "HR", "IE", "IT", "LT", "LU", "LV", "MT",
    "NL", "PT", "SI", "SK",
];

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Currency {
    index: usize,
}

impl Default for Currency {
    fn default() -> Self {
        Currency::from_code("USD").expect("USD is in the table")
    }
}

impl Currency {
    pub fn from_code(code: &str) -> Option<Currency> {
        CURRENCIES
            .iter()
            .position(|(c, ..)| c.eq_ignore_ascii_case(code.trim()))
            .map(|index| Currency { index })
    }

    /// The usual currency for a two-letter country code (US dollars if unknown).
    pub fn for_country(country: &str) -> Currency {
        let code = if EURO_COUNTRIES.contains(&country) {
            "EUR"
        } else {
            COUNTRY_CURRENCY
                .iter()
                .find(|(c, _)| *c == country)
                .map(|(_, cur)| *cur)
                .unwrap_or("USD")
        };
        Currency::from_code(code).unwrap_or_default()
    }

    pub fn code(&self) -> &'static str {
        CURRENCIES[self.index].0
    }

    /// Digits after the decimal point: 2 for euro cents, 0 for yen, 3 for dinar fils.
    pub fn minor_digits(&self) -> u8 {
        CURRENCIES[self.index].1
    }

    /// "€", "kr", "₪".
    pub fn symbol(&self) -> &'static str {
        CURRENCIES[self.index].2
    }

    /// Whether the symbol follows the amount in any language ("125.50 kr").
    pub fn symbol_after(&self) -> bool {
        CURRENCIES[self.index].3
    }

    /// `3750` → `€37.50`; `-900` → `-€9.00`; DKK `12550` → `125.50 kr`.
    pub fn format(&self, minor: i64) -> String {
        let (_, digits, symbol, after) = CURRENCIES[self.index];
        let sign = if minor < 0 { "-" } else { "" };
        let abs = minor.unsigned_abs();
        let number = if digits == 0 {
            abs.to_string()
        } else {
            let unit = 10u64.pow(digits as u32);
            format!(
                "{}.{:0width$}",
                abs / unit,
                abs % unit,
                width = digits as usize
            )
        };
        if after {
            format!("{sign}{number} {symbol}")
        } else {
            format!("{sign}{symbol}{number}")
        }
    }

    /// Whole units only, rounded down toward zero: `3750` → `€37` (for "€37 to Gold").
    pub fn format_whole(&self, minor: i64) -> String {
        let unit = 10i64.pow(self.minor_digits() as u32);
        let whole = Currency { index: self.index };
        let s = whole.format(minor / unit * unit);
        match s.rfind('.') {
            Some(dot) if self.minor_digits() > 0 => {
                let end = dot + 1 + self.minor_digits() as usize;
                format!("{}{}", &s[..dot], &s[end..])
            }
            _ => s,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formats_by_currency_digits() {
        let eur = Currency::from_code("eur").unwrap();
        assert_eq!(eur.format(3750), "€37.50");
        assert_eq!(eur.format(-900), "-€9.00");
        assert_eq!(eur.format(5), "€0.05");
        assert_eq!(eur.format_whole(3750), "€37");
        assert_eq!(
            Currency::from_code("DKK").unwrap().format(12550),
            "125.50 kr"
        );
        assert_eq!(
            Currency::from_code("DKK").unwrap().format_whole(12550),
            "125 kr"
        );
        assert_eq!(Currency::from_code("JPY").unwrap().format(1200), "¥1200");
        assert_eq!(Currency::from_code("KWD").unwrap().format(1234), "1.234 KD");
    }

    #[test]
    fn country_defaults() {
        assert_eq!(Currency::for_country("HR").code(), "EUR");
        assert_eq!(Currency::for_country("IL").code(), "ILS");
        assert_eq!(Currency::for_country("ZZ").code(), "USD");
    }
}
