//! When a file is not stored at all. A file read with the wrong encoding,
//! format or country rejects every row (or most of them); recording it as
//! imported would refuse the re-run with the right options as "imported
//! before". So a file is stored and recorded only when it stored something
//! or had nothing to store, and when at most half of its rows were
//! rejected, unless the owner accepts the rejects. The refusal says what to
//! try instead.

use crate::db::receipts::ImportCounts;
use crate::error::Error;

/// How many rejected rows a refusal shows: the first few say enough.
pub const REASONS_SHOWN: usize = 5;

/// Why nothing of a file was stored.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Refusal {
    /// No receipt could be read, and rows were rejected: there is nothing
    /// to store even when the rejects are accepted.
    AllRows,
    /// More than half of the rows were rejected.
    MostRows,
}

impl Refusal {
    /// Whether a file with these counts is refused; `accept_rejects` lets a
    /// file with more than half of its rows rejected be stored anyway.
    pub fn judge(c: &ImportCounts, accept_rejects: bool) -> Option<Refusal> {
        let read = c.receipts_new + c.receipts_duplicate + c.receipts_completed;
        if c.rows_rejected == 0 {
            None
        } else if read == 0 {
            Some(Refusal::AllRows)
        } else if c.rows_rejected.saturating_mul(2) > c.rows && !accept_rejects {
            Some(Refusal::MostRows)
        } else {
            None
        }
    }

    /// The message key, which also decides the code scripts see.
    pub fn key(self) -> &'static str {
        match self {
            Refusal::AllRows => "import-refused-all",
            Refusal::MostRows => "import-refused-most",
        }
    }

    /// One line: what happened to `file` and what to try.
    pub fn message(self, file: &str, c: &ImportCounts) -> String {
        self.error(file, c).to_string()
    }

    /// The refusal as the user error a command ends with.
    pub fn error(self, file: &str, c: &ImportCounts) -> Error {
        let rows = c.rows.to_string();
        let rejected = c.rows_rejected.to_string();
        Error::user(
            self.key(),
            &[("file", file), ("rows", &rows), ("rejected", &rejected)],
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::t_args;

    fn text(key: &str) -> String {
        t_args(key, &[("file", "a.csv"), ("rows", "4"), ("rejected", "3")])
    }

    fn counts(rows: u64, new: u64, duplicate: u64, rejected: u64) -> ImportCounts {
        ImportCounts {
            rows,
            receipts_new: new,
            receipts_duplicate: duplicate,
            rows_rejected: rejected,
            ..ImportCounts::default()
        }
    }

    #[test]
    fn every_row_rejected_is_refused_even_when_accepted() {
        for accept in [false, true] {
            let c = counts(10, 0, 0, 10);
            assert_eq!(Refusal::judge(&c, accept), Some(Refusal::AllRows));
        }
    }

    #[test]
    fn more_than_half_rejected_is_refused_unless_accepted() {
        let c = counts(10, 4, 0, 6);
        assert_eq!(Refusal::judge(&c, false), Some(Refusal::MostRows));
        assert_eq!(Refusal::judge(&c, true), None);
        // Half is not more than half.
        assert_eq!(Refusal::judge(&counts(10, 5, 0, 5), false), None);
    }

    #[test]
    fn a_file_with_nothing_to_store_is_no_refusal() {
        // Only cancelled receipts, or receipts all stored before.
        assert_eq!(Refusal::judge(&counts(3, 0, 0, 0), false), None);
        assert_eq!(Refusal::judge(&counts(3, 0, 3, 0), false), None);
        assert_eq!(Refusal::judge(&counts(0, 0, 0, 0), false), None);
    }

    #[test]
    fn the_message_says_what_to_try() {
        let all = text(Refusal::AllRows.key());
        for option in ["--encoding", "--format", "--country"] {
            assert!(all.contains(option), "{all}");
        }
        let most = text(Refusal::MostRows.key());
        assert!(
            most.contains("--accept-rejects") && most.contains('3'),
            "{most}"
        );
        let err = Refusal::MostRows.error("a.csv", &counts(4, 1, 0, 3));
        assert_eq!(err.key(), Some("import-refused-most"));
        assert_eq!(err.to_string(), most);
    }
}
