//! The merge preview names every kind of row it moves, in every language.

use regulars::db::merge::MOVED;

#[test]
fn the_preview_names_every_kind_of_row_it_moves_in_every_language() {
    // A table added to MOVED without its words would show its raw key.
    for lang in ["en", "he", "hr", "zh", "th"] {
        let locale = regulars::i18n::Locale::new(lang);
        for what in MOVED.iter().chain(&["points", "consents", "referred"]) {
            let key = format!("merge-what-{what}");
            let text = locale.scope(|| regulars::i18n::t(&key));
            assert_ne!(text, key, "{lang}: {key} has no words");
        }
    }
}
