//! One error type for the whole app. Every variant displays as one line that
//! a shop owner can act on; the text comes from the locale files.
//!
//! A user error keeps its message key and arguments, not words: it is put
//! into words only when shown (`Display`), in the language in use then, and
//! its key gives scripts a `code` that is the same in every language.

use std::fmt;

pub use crate::message::{Arg, Message};

#[derive(Debug)]
pub enum Error {
    /// Something the user can fix (a bad phone number, an unknown member…),
    /// worded when shown.
    User(Message),
    /// A message another library wrote, shown as it is.
    Other(String),
    /// The database refused or failed.
    Db(rusqlite::Error),
    /// Another program held the database's write lock past the wait, so
    /// nothing was stored. The file is named where it is known (the
    /// command line, the import worker); elsewhere the message goes without.
    Busy { path: Option<String> },
    /// A hand adjustment would leave the member's points below zero and
    /// was not said to be meant: the balance it would leave, so a screen
    /// can ask with it and a command can name it.
    BelowZero { balance: i64 },
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
        Error::User(Message::new(key, args))
    }

    /// A user error whose arguments may be messages of their own (a field's
    /// name, the problem with it), worded together when shown.
    pub fn user_with(key: &str, args: Vec<(&str, Arg)>) -> Self {
        Error::User(Message::with(key, args))
    }

    /// The locale message key of a user error.
    pub fn key(&self) -> Option<&str> {
        match self {
            Error::User(message) => Some(message.key()),
            Error::Busy { .. } => Some("err-db-busy"),
            Error::BelowZero { .. } => Some("loyalty-err-below-zero"),
            _ => None,
        }
    }

    /// True when another program's write lock is why this failed.
    pub fn is_busy(&self) -> bool {
        matches!(self, Error::Busy { .. })
    }

    /// Names the database file in a busy error; any other error is kept.
    pub fn at_db(self, db: &std::path::Path) -> Self {
        match self {
            Error::Busy { path: None } => Error::Busy {
                path: Some(db.display().to_string()),
            },
            other => other,
        }
    }

    pub fn io(path: impl AsRef<std::path::Path>, source: std::io::Error) -> Self {
        Error::Io {
            path: path.as_ref().display().to_string(),
            source,
        }
    }
}

impl Error {
    /// What to show for this error, as words to be put together when shown
    /// (a screen keeps this, so it follows a change of language).
    pub fn message(&self) -> Message {
        match self {
            Error::User(message) => message.clone(),
            Error::Other(text) => Message::verbatim(text.clone()),
            Error::Busy { path: Some(path) } => Message::new("err-db-busy", &[("path", path)]),
            Error::Busy { path: None } => Message::new("err-db-busy-unnamed", &[]),
            Error::BelowZero { balance } => Message::new(
                "loyalty-err-below-zero",
                &[("balance", &crate::words::numbers::number(*balance))],
            ),
            Error::Db(e) => Message::new("err-database", &[("detail", &e.to_string())]),
            Error::Io { path, source } => Message::new(
                "err-file",
                &[("path", path), ("detail", &source.to_string())],
            ),
        }
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.message().fmt(f)
    }
}

impl std::error::Error for Error {}

impl From<rusqlite::Error> for Error {
    fn from(e: rusqlite::Error) -> Self {
        if sqlite_busy(&e) {
            return Error::Busy { path: None };
        }
        if let rusqlite::Error::FromSqlConversionFailure(_, _, source) = &e
            && let Some(unknown) = source.downcast_ref::<UnknownCode>()
        {
            return Error::user(
                "err-db-unknown-code",
                &[("column", unknown.column), ("code", &unknown.code)],
            );
        }
        Error::Db(e)
    }
}

/// A code in the database this version does not know (written by a newer
/// version, or damaged). Reading it as some other value would show or
/// change the wrong thing, so it stops the read instead.
#[derive(Debug)]
pub struct UnknownCode {
    /// `table.column`, as in the schema.
    pub column: &'static str,
    pub code: String,
}

impl UnknownCode {
    /// The error a row mapping returns for the code in result column `index`.
    pub fn at(column: &'static str, index: usize, code: &str) -> rusqlite::Error {
        rusqlite::Error::FromSqlConversionFailure(
            index,
            rusqlite::types::Type::Text,
            Box::new(UnknownCode {
                column,
                code: code.to_string(),
            }),
        )
    }
}

impl fmt::Display for UnknownCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} = {:?}", self.column, self.code)
    }
}

impl std::error::Error for UnknownCode {}

/// SQLITE_BUSY: another connection holds the write lock (after the busy
/// wait ran out); SQLITE_LOCKED: the same, seen through a shared cache.
pub fn sqlite_busy(e: &rusqlite::Error) -> bool {
    use rusqlite::ErrorCode::{DatabaseBusy, DatabaseLocked};
    matches!(e.sqlite_error_code(), Some(DatabaseBusy | DatabaseLocked))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sqlite(code: i32) -> rusqlite::Error {
        rusqlite::Error::SqliteFailure(rusqlite::ffi::Error::new(code), None)
    }

    #[test]
    fn busy_and_locked_name_the_file_once_it_is_known() {
        let db = std::path::Path::new("shop/club.db");
        for code in [rusqlite::ffi::SQLITE_BUSY, rusqlite::ffi::SQLITE_LOCKED] {
            let e = Error::from(sqlite(code));
            assert!(e.is_busy());
            assert!(!e.to_string().contains("club.db"));
            let named = e.at_db(db).to_string();
            assert!(named.contains("shop/club.db"), "{named}");
            assert!(named.contains("Another program is writing"), "{named}");
        }
    }

    #[test]
    fn other_database_errors_keep_their_detail() {
        let e = Error::from(sqlite(rusqlite::ffi::SQLITE_CORRUPT));
        assert!(!e.is_busy());
        let text = e.at_db(std::path::Path::new("club.db")).to_string();
        assert!(text.starts_with("Database error:"), "{text}");
    }
}
