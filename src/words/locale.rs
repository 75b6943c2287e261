//! Which language's forms dates, numbers and money take. The language is
//! asked for in one place only, so that when the locale becomes a value
//! handed down from the front ends, only [`language`] changes.

use icu_locale_core::Locale;

/// The language in use ("en", "he", "hr", "zh", "th").
pub fn language() -> &'static str {
    crate::i18n::current()
}

/// The locale whose forms ICU4X should use for `lang`. English is the
/// international kind ("3 Mar 2025", day before month): the shops are in
/// Israel, Croatia, China and Thailand, not in the United States.
pub fn icu_locale(lang: &str) -> Locale {
    let tag = match lang {
        "en" => "en-001",
        other => other,
    };
    tag.parse().unwrap_or(Locale::UNKNOWN)
}

/// [`icu_locale`] of the language in use.
pub fn current() -> Locale {
    icu_locale(language())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_language_has_its_own_locale() {
        assert_eq!(icu_locale("en").to_string(), "en-001");
        assert_eq!(icu_locale("th").to_string(), "th");
        assert_eq!(icu_locale("not a tag"), Locale::UNKNOWN);
    }
}
