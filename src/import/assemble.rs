//! Joins the rows of a receipt written on several consecutive rows (one per
//! line item) into one receipt before it reaches the loader. Only the
//! receipt being assembled is held in memory.
//!
//! When a row of a receipt is rejected, the whole receipt is left out: a
//! receipt stored without one of its lines would count the wrong spend, and
//! once stored it would never be corrected by importing a fixed file.

use super::formats::echo;
use super::receipt::{Loader, Receipt, Rejected};
use crate::error::Result;
use crate::message::Message;

#[derive(Debug, Default)]
pub struct Assembler {
    current: Option<Receipt>,
    /// The receipt whose rows are being skipped after a rejected row.
    rejected: Option<String>,
}

impl Assembler {
    /// Adds one part read from the row starting on file line `line`.
    pub fn add(&mut self, mut part: Receipt, line: u64, loader: &mut dyn Loader) -> Result<()> {
        if part.line == 0 {
            part.line = line;
        }
        if self.rejected.as_deref() == Some(part.till_id.as_str()) {
            return Ok(());
        }
        self.rejected = None;
        match &mut self.current {
            Some(current) if current.till_id == part.till_id => {
                current.absorb(part);
                Ok(())
            }
            _ => {
                self.flush(loader)?;
                if part.continuation {
                    loader.reject(Rejected {
                        line,
                        reason: Message::new("import-row-orphan", &[("id", &echo(&part.till_id))]),
                    });
                } else {
                    self.current = Some(part);
                }
                Ok(())
            }
        }
    }

    /// A row of receipt `till_id` was rejected: leave the whole receipt out.
    pub fn drop_receipt(&mut self, till_id: String, loader: &mut dyn Loader) -> Result<()> {
        if self.current.as_ref().is_some_and(|c| c.till_id == till_id) {
            self.current = None;
        } else {
            self.flush(loader)?;
        }
        self.rejected = Some(till_id);
        Ok(())
    }

    /// Hands over the receipt being assembled (at the end of the file).
    pub fn flush(&mut self, loader: &mut dyn Loader) -> Result<()> {
        match self.current.take() {
            Some(receipt) => loader.push(receipt),
            None => Ok(()),
        }
    }
}

#[cfg(test)]
mod tests {
    use chrono::NaiveDate;

    use super::*;
    use crate::import::parse::Stamp;
    use crate::import::receipt::{Kind, TotalRule, VecLoader};

    fn part(id: &str, total: i64) -> Receipt {
        let when = Stamp {
            date: NaiveDate::from_ymd_opt(2026, 3, 1).unwrap(),
            time: None,
            offset: None,
        };
        let mut r = Receipt::new(id.into(), Kind::Sale, when, total);
        r.rule = TotalRule::Sum;
        r
    }

    #[test]
    fn consecutive_rows_join_and_a_rejected_row_drops_its_receipt() {
        let mut loader = VecLoader::default();
        let mut a = Assembler::default();
        a.add(part("A", 100), 2, &mut loader).unwrap();
        a.add(part("A", 50), 3, &mut loader).unwrap();
        a.add(part("B", 10), 4, &mut loader).unwrap();
        a.drop_receipt("B".into(), &mut loader).unwrap();
        a.add(part("B", 20), 6, &mut loader).unwrap();
        a.drop_receipt("C".into(), &mut loader).unwrap();
        a.add(part("D", 7), 8, &mut loader).unwrap();
        let mut orphan = part("E", 0);
        orphan.continuation = true;
        a.add(orphan, 9, &mut loader).unwrap();
        a.flush(&mut loader).unwrap();
        let got: Vec<(String, i64, u64)> = loader
            .receipts
            .iter()
            .map(|r| (r.till_id.clone(), r.total_minor, r.line))
            .collect();
        assert_eq!(got, vec![("A".into(), 150, 2), ("D".into(), 7, 8)]);
        assert_eq!(loader.rejected.len(), 1);
        assert_eq!(loader.rejected[0].line, 9);
    }
}
