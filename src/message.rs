//! Words to be shown later: a message key from the locale files and its
//! arguments. Errors, row errors and notices carry one of these instead of
//! text, so they are worded only when shown, in the language in use then,
//! and their key is a `code` scripts can rely on in every language.

use std::fmt;

use crate::i18n::{Value, t_values};

/// An argument of a message: a value as it is (a name, a path), a count
/// (plural rules read it: "1 visit", "2 visits"), or another message worded
/// with it (a field's name, the problem with it).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Arg {
    Text(String),
    Count(i64),
    Message(Box<Message>),
}

impl Arg {
    /// Another message without placeholders, by its key.
    pub fn key(key: &str) -> Arg {
        Arg::Message(Box::new(Message::new(key, &[])))
    }

    pub fn message(message: Message) -> Arg {
        Arg::Message(Box::new(message))
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Message {
    /// Empty for a text another library wrote, shown as it is.
    key: String,
    args: Vec<(String, Arg)>,
}

/// The key of [`Message::verbatim`]'s one argument.
const VERBATIM: &str = "text";

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

    /// A message without placeholders.
    pub fn plain(key: &str) -> Message {
        Message::new(key, &[])
    }

    /// A message with one count placeholder, so plural rules apply.
    pub fn count(key: &str, name: &str, count: i64) -> Message {
        Message::with(key, vec![(name, Arg::Count(count))])
    }

    /// A text that has no key (another library's words), kept as it is.
    pub fn verbatim(text: impl Into<String>) -> Message {
        Message::with("", vec![(VERBATIM, Arg::Text(text.into()))])
    }

    /// Two messages shown one after the other ("Saved Ana. 3 earlier
    /// receipts are hers now.").
    pub fn joined(first: Message, second: Message) -> Message {
        Message::with(
            "msg-joined",
            vec![
                ("first", Arg::message(first)),
                ("second", Arg::message(second)),
            ],
        )
    }

    /// This message with one more placeholder filled.
    pub fn and(mut self, name: &str, arg: Arg) -> Message {
        self.args.push((name.to_string(), arg));
        self
    }

    /// This message with the plain value of placeholder `name` replaced
    /// (a column named as the owner's file names it, not as read).
    pub fn replaced(mut self, name: &str, value: &str) -> Message {
        for (n, arg) in &mut self.args {
            if n == name && matches!(arg, Arg::Text(_)) {
                *arg = Arg::Text(value.to_string());
            }
        }
        self
    }

    /// "1 point", "5 points", "2 boda": a number of points as the
    /// language counts them, to fill a sentence's `{ $points }`.
    pub fn points(count: i64) -> Arg {
        Arg::message(Message::count("ui-points-count", "count", count))
    }

    /// The key in the locale files.
    pub fn key(&self) -> &str {
        &self.key
    }

    /// A plain value the message was made with, by its placeholder's name
    /// (a screen acting on an error reads what it names this way).
    pub fn value(&self, name: &str) -> Option<&str> {
        self.args.iter().find_map(|(n, arg)| match arg {
            Arg::Text(text) if n == name => Some(text.as_str()),
            _ => None,
        })
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
        if self.key.is_empty() {
            let text = self.args.iter().find(|(name, _)| name == VERBATIM);
            if let Some((_, Arg::Text(text))) = text {
                return f.write_str(text);
            }
        }
        let nested: Vec<String> = self
            .args
            .iter()
            .map(|(_, arg)| match arg {
                Arg::Message(message) => message.to_string(),
                _ => String::new(),
            })
            .collect();
        let values: Vec<(&str, Value<'_>)> = self
            .args
            .iter()
            .zip(&nested)
            .map(|((name, arg), words)| {
                let value = match arg {
                    Arg::Text(text) => Value::Text(text),
                    Arg::Count(n) => Value::Number(*n),
                    Arg::Message(_) => Value::Text(words),
                };
                (name.as_str(), value)
            })
            .collect();
        f.write_str(&t_values(&self.key, &values))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::{t, t_count};

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
                ("field", Arg::key("field-phone")),
                ("problem", Arg::key("field-required")),
            ],
        );
        assert_eq!(
            m.to_string(),
            format!("{}: {}", t("field-phone"), t("field-required"))
        );
    }

    #[test]
    fn counts_choose_the_plural_form_when_shown() {
        let one = Message::count("ui-visits", "count", 1).to_string();
        let five = Message::count("ui-visits", "count", 5).to_string();
        assert_eq!(one, t_count("ui-visits", "count", 1));
        assert_eq!(five, t_count("ui-visits", "count", 5));
        assert_ne!(one.replace('1', ""), five.replace('5', ""));
    }

    #[test]
    fn a_verbatim_text_and_joined_messages_read_as_written() {
        assert_eq!(Message::verbatim("disk full").to_string(), "disk full");
        let joined = Message::joined(Message::verbatim("Saved."), Message::verbatim("Done."));
        assert_eq!(joined.to_string(), "Saved. Done.");
    }
}
