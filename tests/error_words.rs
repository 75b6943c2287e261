//! A user error keeps its message key and arguments and is put into words
//! only when shown: the language in use then decides, and the key (the
//! `code` scripts see) is the same in every language. A test binary of its
//! own, because it switches the process's language.

use regulars::error::{Arg, Error};
use regulars::i18n;

#[test]
fn an_error_is_worded_in_the_language_in_use_when_it_is_shown() {
    i18n::init("en");
    let missing = Error::user(
        "err-db-no-folder",
        &[("folder", "/shop/old"), ("path", "/shop/old/club.db")],
    );
    let field = Error::user_with(
        "err-field",
        vec![
            ("field", Arg::Message("field-phone".into())),
            ("problem", Arg::Message("field-required".into())),
        ],
    );
    let english = missing.to_string();
    assert!(english.starts_with("The folder /shop/old"), "{english}");
    assert!(field.to_string().starts_with("Phone: "), "{field}");

    // Made in English, shown after the owner switched to Croatian.
    i18n::init("hr");
    let croatian = missing.to_string();
    assert!(croatian.starts_with("Mapa /shop/old"), "{croatian}");
    assert_ne!(croatian, english);
    assert_eq!(missing.key(), Some("err-db-no-folder"));
    i18n::init("en");
}
