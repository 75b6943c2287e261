//! The [`Loader`] that receives the receipts every till format is turned
//! into (the receipt itself is a domain type). A format never stores anything itself:
//! it hands receipts to a loader (the database sink, or a `Vec` in tests).

pub use crate::domain::receipt::{Customer, Kind, Line, Receipt, TotalRule};
use crate::error::Result;
use crate::message::Message;

/// A data row that could not be read: reported with its line and skipped.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Rejected {
    pub line: u64,
    /// Worded when shown; its code is stable for scripts.
    pub reason: Message,
}

/// Where receipts go. The driver calls `rows_read` after every row, which
/// is where progress is reported and a cancel request stops the import.
pub trait Loader {
    fn push(&mut self, receipt: Receipt) -> Result<()>;
    fn reject(&mut self, rejected: Rejected);
    fn rows_read(&mut self, rows: u64) -> Result<()>;
}

/// Collects everything in memory (format tests, dry looks at a file).
#[derive(Debug, Default)]
pub struct VecLoader {
    pub receipts: Vec<Receipt>,
    pub rejected: Vec<Rejected>,
    pub rows: u64,
}

impl Loader for VecLoader {
    fn push(&mut self, receipt: Receipt) -> Result<()> {
        self.receipts.push(receipt);
        Ok(())
    }

    fn reject(&mut self, rejected: Rejected) {
        self.rejected.push(rejected);
    }

    fn rows_read(&mut self, rows: u64) -> Result<()> {
        self.rows = rows;
        Ok(())
    }
}
