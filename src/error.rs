//! One error type for the whole app. Every variant displays as one line that
//! a shop owner can act on; the text comes from the locale files.

use std::fmt;

use crate::i18n::{t, t_args};

#[derive(Debug)]
pub enum Error {
    /// Something the user can fix (a bad phone number, an unknown member…),
    /// already translated.
    User(String),
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
        Error::User(t_args(key, args))
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
            Error::User(text) => f.write_str(text),
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
