//! A child's gender as the shop's language says it. The form and the
//! command line store what was typed; the codes the demo club and the
//! review use (`boy`, `girl`) are words in every language, anything else
//! is shown as the owner wrote it.

use crate::i18n::t;

pub fn gender(stored: &str) -> String {
    match stored.trim().to_lowercase().as_str() {
        "boy" => t("family-boy"),
        "girl" => t("family-girl"),
        _ => stored.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::Locale;

    #[test]
    fn the_codes_are_words_in_the_language_and_typed_text_stays() {
        let croatian = Locale::new("hr");
        assert_eq!(croatian.scope(|| gender("boy")), "dječak");
        assert_eq!(croatian.scope(|| gender("Girl")), "djevojčica");
        assert_eq!(gender("boy"), "boy");
        assert_eq!(croatian.scope(|| gender("sin")), "sin");
    }
}
