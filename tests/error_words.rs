//! A user error keeps its message key and arguments and is put into words
//! only when shown: the language in use then decides, and the key (the
//! `code` scripts see) is the same in every language.

use regulars::error::{Arg, Error};
use regulars::i18n::Locale;

#[test]
fn an_error_is_worded_in_the_language_in_use_when_it_is_shown() {
    let english = Locale::new("en");
    let croatian = Locale::new("hr");
    let missing = Error::user(
        "err-db-no-folder",
        &[("folder", "/shop/old"), ("path", "/shop/old/club.db")],
    );
    let field = Error::user_with(
        "err-field",
        vec![
            ("field", Arg::key("field-phone")),
            ("problem", Arg::key("field-required")),
        ],
    );
    let in_english = english.scope(|| missing.to_string());
    assert!(
        in_english.starts_with("The folder /shop/old"),
        "{in_english}"
    );
    let phone = english.scope(|| field.to_string());
    assert!(phone.starts_with("Phone: "), "{phone}");

    // Made once, shown after the owner switched to Croatian.
    let in_croatian = croatian.scope(|| missing.to_string());
    assert!(in_croatian.starts_with("Mapa /shop/old"), "{in_croatian}");
    assert_ne!(in_croatian, in_english);
    assert_eq!(missing.key(), Some("err-db-no-folder"));
}
