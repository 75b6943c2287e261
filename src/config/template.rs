//! The config file written on first start: the commented template with
//! the shop's country, currency and language filled in from `LANG`, and
//! the shop's name, tiers and rewards in that language.

use std::str::FromStr;

use crate::domain::money::Currency;

const TEMPLATE: &str = include_str!("../../assets/config.toml");

/// The default config text for a new file, guessed from `LANG`.
pub fn default_text(lang_env: Option<&str>) -> String {
    let (locale, country) = guess_from_lang(lang_env.unwrap_or(""));
    let currency = Currency::for_country(&country).code();
    text_for(&locale, &country, currency)
}

/// The commented template for a shop in `country` paying in `currency`,
/// its screens in `locale` (codes as the config file writes them).
pub fn text_for(locale: &str, country: &str, currency: &str) -> String {
    let text = TEMPLATE
        .replace("{{country}}", country)
        .replace("{{currency}}", currency)
        .replace("{{locale}}", locale);
    // The shop's name, tiers and rewards start in the shop's language;
    // the owner renames them at will.
    crate::i18n::Locale::new(locale).scope(|| words_in_template(&text))
}

/// `{{config-…}}` placeholders become their text in the locale in use,
/// written as the inside of a TOML string.
fn words_in_template(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(start) = rest.find("{{config-") {
        out.push_str(&rest[..start]);
        let Some(len) = rest[start..].find("}}") else {
            break;
        };
        let key = &rest[start + 2..start + len];
        let words = crate::i18n::t(key);
        out.push_str(&words.replace('\\', "\\\\").replace('"', "\\\""));
        rest = &rest[start + len + 2..];
    }
    out.push_str(rest);
    out
}

/// `he_IL.UTF-8` → (`he`, `IL`); unknown parts fall back to English and US.
pub fn guess_from_lang(lang: &str) -> (String, String) {
    let locale = crate::i18n::normalise_lang(lang);
    let region: String = lang
        .split(['.', '@'])
        .next()
        .unwrap_or("")
        .split('_')
        .nth(1)
        .unwrap_or("")
        .to_string();
    let country = if phonenumber::country::Id::from_str(&region).is_ok() {
        region
    } else {
        "US".to_string()
    };
    (locale, country)
}
