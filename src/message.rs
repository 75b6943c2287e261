//! Words to be shown later: a message key from the locale files and its
//! arguments. Errors, row errors and notices carry one of these instead of
//! text, so they are worded only when shown, in the language in use then,
//! and their key is a `code` scripts can rely on in every language.

use std::fmt;

use crate::i18n::{t, t_args};

/// An argument of a message: a value as it is (a name, a path, a number),
/// or another message worded with it (a field's name, the problem with it).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Arg {
    Text(String),
    Message(String),
}

impl Arg {
    fn words(&self) -> String {
        match self {
            Arg::Text(text) => text.clone(),
            Arg::Message(key) => t(key),
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Message {
    key: String,
    args: Vec<(String, Arg)>,
}

impl Message {
    /// A message whose placeholders are plain values.
    pub fn new(key: &str, args: &[(&str, &str)]) -> Message {
        Message {
            key: key.to_string(),
            args: args
                .iter()
                .map(|(name, value)| (name.to_string(), Arg::Text(value.to_string())))
                .collect(),
        }
    }

    /// A message whose placeholders may be messages of their own.
    pub fn with(key: &str, args: Vec<(&str, Arg)>) -> Message {
        Message {
            key: key.to_string(),
            args: args
                .into_iter()
                .map(|(name, arg)| (name.to_string(), arg))
                .collect(),
        }
    }

    /// The key in the locale files.
    pub fn key(&self) -> &str {
        &self.key
    }

    /// The stable code of the message for scripts: its key without the
    /// part that only says where the text lives (`import-row-cut` → `row-cut`).
    pub fn code(&self) -> &str {
        let key = self.key.as_str();
        ["import-err-", "import-", "err-"]
            .iter()
            .find_map(|prefix| key.strip_prefix(prefix))
            .unwrap_or(key)
    }
}

impl fmt::Display for Message {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let words: Vec<(&str, String)> = self
            .args
            .iter()
            .map(|(name, arg)| (name.as_str(), arg.words()))
            .collect();
        let pairs: Vec<(&str, &str)> = words.iter().map(|(n, w)| (*n, w.as_str())).collect();
        f.write_str(&t_args(&self.key, &pairs))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_drop_the_prefix_that_says_where_the_text_lives() {
        assert_eq!(Message::new("import-row-cut", &[]).code(), "row-cut");
        assert_eq!(Message::new("import-err-empty", &[]).code(), "empty");
        assert_eq!(Message::new("err-db-busy", &[]).code(), "db-busy");
        assert_eq!(Message::new("ui-odd", &[]).code(), "ui-odd");
    }

    #[test]
    fn arguments_that_are_messages_are_worded_with_it() {
        let m = Message::with(
            "err-field",
            vec![
                ("field", Arg::Message("field-phone".into())),
                ("problem", Arg::Message("field-required".into())),
            ],
        );
        assert_eq!(
            m.to_string(),
            format!("{}: {}", t("field-phone"), t("field-required"))
        );
    }
}
