//! One error type for the whole app. Every variant displays as one line that
//! a shop owner can act on; the text comes from the locale files.

use std::fmt;

use crate::i18n::{t, t_args};

#[derive(Debug)]
pub enum Error {
    /// Something the user can fix (a bad phone number, an unknown member…),
    /// already translated.
    User(String),
    /// The same from a locale message, with its key kept beside the text:
    /// scripts get a code from it that does not change with the language.
    Keyed { key: String, text: String },
    /// The database refused or failed.
    Db(rusqlite::Error),
    /// A file could not be read or written.
    Io {
        path: String,
        source: std::io::Error,
    },
}

pub type Result<T, E = Error> = std::result::Result<T, E>;

impl Error {
    /// A user error from a locale message with placeholders.
    pub fn user(key: &str, args: &[(&str, &str)]) -> Self {
        Error::Keyed {
            key: key.to_string(),
            text: t_args(key, args),
        }
    }

    /// The locale message key of a user error made by [`Error::user`].
    pub fn key(&self) -> Option<&str> {
        match self {
            Error::Keyed { key, .. } => Some(key),
            _ => None,
        }
    }

    pub fn io(path: impl AsRef<std::path::Path>, source: std::io::Error) -> Self {
        Error::Io {
            path: path.as_ref().display().to_string(),
            source,
        }
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Error::User(text) | Error::Keyed { text, .. } => f.write_str(text),
            Error::Db(e) => f.write_str(&t_args("err-database", &[("detail", &e.to_string())])),
            Error::Io { path, source } => f.write_str(&t_args(
                "err-file",
                &[("path", path), ("detail", &source.to_string())],
            )),
        }
    }
}

impl std::error::Error for Error {}

impl From<rusqlite::Error> for Error {
    fn from(e: rusqlite::Error) -> Self {
        Error::Db(e)
    }
}

/// Shown when nothing more specific applies.
pub fn generic() -> String {
    t("err-unexpected")
}
