//! Text in cells as the formats read it: free text cleaned the way signup
//! cleans names, and words compared without regard to case. Most cells of
//! a large export are plain ASCII; those take a short path that gives the
//! same result without Unicode normalisation or a lower-cased copy.

use unicode_normalization::{IsNormalized, is_nfc_quick};

use crate::domain::member::clean_text;

/// [`clean_text`]: NFC, no control characters, runs of white space made one
/// space, none at either end.
pub fn clean(text: &str) -> String {
    if is_clean(text) {
        text.to_string()
    } else {
        clean_text(text)
    }
}

/// Whether `text` comes out of [`clean_text`] unchanged.
fn is_clean(text: &str) -> bool {
    let mut after_space = true;
    let mut ascii = true;
    for c in text.chars() {
        if c.is_control() {
            return false;
        }
        if c.is_whitespace() {
            if c != ' ' || after_space {
                return false;
            }
            after_space = true;
        } else {
            after_space = false;
            ascii &= c.is_ascii();
        }
    }
    (text.is_empty() || !after_space) && (ascii || is_nfc_quick(text.chars()) == IsNormalized::Yes)
}

/// Whether `word`, lower-cased, starts with one of `prefixes` (lower-case).
pub fn starts_with_any_lower(word: &str, prefixes: &[&str]) -> bool {
    if word.is_ascii() {
        // Lower-casing ASCII leaves it ASCII: only ASCII prefixes can match.
        prefixes.iter().any(|p| {
            word.len() >= p.len() && word.as_bytes()[..p.len()].eq_ignore_ascii_case(p.as_bytes())
        })
    } else {
        let lower = word.to_lowercase();
        prefixes.iter().any(|p| lower.starts_with(p))
    }
}

/// Whether `word`, lower-cased, ends with `suffix` (lower-case ASCII).
pub fn ends_with_lower(word: &str, suffix: &str) -> bool {
    if word.is_ascii() {
        word.len() >= suffix.len()
            && word.as_bytes()[word.len() - suffix.len()..].eq_ignore_ascii_case(suffix.as_bytes())
    } else {
        word.to_lowercase().ends_with(suffix)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn clean_text_short_path_agrees() {
        for text in [
            "",
            "Latte",
            "Sourdough loaf",
            "Rugbrød",
            " lead",
            "trail ",
            "two  spaces",
            "tab\there",
            "Cafe\u{301}",
            "line\nbreak",
            "nb\u{a0}sp",
            "\u{85}",
            "李伟",
        ] {
            assert_eq!(clean(text), clean_text(text), "{text:?}");
        }
    }

    #[test]
    fn words_compare_without_case() {
        assert!(starts_with_any_lower("Refund", &["refund"]));
        assert!(starts_with_any_lower("RÜCKERSTATTUNG", &["rückerstatt"]));
        assert!(!starts_with_any_lower("Re", &["refund"]));
        assert!(ends_with_lower("Croissant (VOIDED)", "(voided)"));
        assert!(ends_with_lower("Kaffee (Voided)", "(voided)"));
        assert!(!ends_with_lower("Voided cake", "(voided)"));
    }

    proptest! {
        #[test]
        fn clean_is_clean_text(text in "[ a-zA-Z\u{e0}-\u{ff}\u{300}-\u{302}\u{a0}\t\u{1}\u{3000}]{0,12}") {
            prop_assert_eq!(clean(&text), clean_text(&text));
        }

        #[test]
        fn case_free_comparisons_agree(word in "[a-zA-Z(\u{c0}-\u{ff}\u{130}\u{212a} ]{0,10}") {
            let lower = word.to_lowercase();
            for p in ["re", "refund", "(voided)", "rü", "k"] {
                prop_assert_eq!(starts_with_any_lower(&word, &[p]), lower.starts_with(p));
                prop_assert_eq!(ends_with_lower(&word, p), lower.ends_with(p));
            }
        }
    }
}
