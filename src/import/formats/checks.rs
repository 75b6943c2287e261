//! What every row goes through before its format reads it, and what every
//! receipt goes through after: a damaged row is reported with its line and
//! its whole receipt left out, so nothing is stored with a falsified name
//! or with lines missing.
//!
//! - a byte the text encoding could not read, or a NUL, or a cell far
//!   longer than any till writes: the file is damaged there;
//! - the last row of a file cut off in the middle of it (it ends without a
//!   line break and is short of cells, or inside a quote never closed): the
//!   receipt it belongs to is left out, not stored with some of its lines;
//! - a row with fewer cells than the header names;
//! - a receipt whose rows add up to more than one receipt may come to.

use super::{ReadCtx, RowError, TillFormat, major_units};
use crate::import::receipt::{Receipt, TotalRule};
use crate::import::table::{Header, RecordEnd, Row};

/// No till writes a cell this long; a longer one is damage (or a file that
/// is no export at all) and would only fill the database.
pub const MAX_CELL_BYTES: usize = 64 * 1024;

/// A format's reader with the checks around it.
pub struct Checked {
    inner: Box<dyn TillFormat>,
    /// Columns up to the last named one: a row with fewer was cut off.
    width: usize,
    /// The receipt the last rows were read into, as the assembler joins them.
    current: Option<Running>,
}

/// A receipt being added up row by row.
struct Running {
    till_id: String,
    total: i128,
    digits: u8,
    first_line: u64,
}

impl Checked {
    pub fn new(inner: Box<dyn TillFormat>, header: &Header) -> Checked {
        Checked {
            inner,
            width: header.named_len(),
            current: None,
        }
    }

    /// Why the row cannot be read at all, if it cannot.
    fn damage(&self, row: &Row, ctx: &ReadCtx) -> Option<RowError> {
        let cut = match row.end {
            RecordEnd::Line => false,
            RecordEnd::FileEnd => row.len() < self.width,
            RecordEnd::OpenQuote => true,
        };
        if cut {
            return Some(RowError::new("import-row-cut", &[]));
        }
        if let Some(offset) = row.bad_byte {
            return Some(RowError::new(
                "import-row-bad-bytes",
                &[("offset", &offset.to_string())],
            ));
        }
        if row.has_nul() {
            return Some(RowError::new("import-row-nul", &[]));
        }
        if let Some((col, bytes)) = row.cell_longer_than(MAX_CELL_BYTES) {
            return Some(RowError::new(
                "import-row-huge-cell",
                &[
                    ("column", ctx.header.name(col)),
                    ("size", &bytes.to_string()),
                ],
            ));
        }
        if row.len() < self.width {
            return Some(RowError::new(
                "import-row-short",
                &[
                    ("found", &row.len().to_string()),
                    ("expected", &self.width.to_string()),
                ],
            ));
        }
        None
    }

    /// The receipt a damaged row belongs to. The last cell of a cut row may
    /// itself be cut short, so only the cells before it are trusted; when
    /// they do not name the receipt, it is the one being read (the file was
    /// cut in the middle of it).
    fn receipt_of_damaged(&self, row: &Row) -> Option<String> {
        if row.end == RecordEnd::Line {
            return self.inner.receipt_of(row);
        }
        let whole = Row::new(row.line, row.cells().take(row.len().saturating_sub(1)));
        self.inner
            .receipt_of(&whole)
            .or_else(|| self.current.as_ref().map(|r| r.till_id.clone()))
    }

    /// Adds a part to the receipt it joins (as the assembler will); an
    /// error when that receipt comes to more than the limit.
    fn add_up(
        &mut self,
        part: &Receipt,
        digits: u8,
        line: u64,
        ctx: &ReadCtx,
    ) -> Result<(), RowError> {
        let amount = i128::from(part.total_minor);
        match &mut self.current {
            Some(run) if run.till_id == part.till_id => {
                if part.rule == TotalRule::Sum {
                    run.total += amount;
                }
            }
            _ => {
                self.current = Some(Running {
                    till_id: part.till_id.clone(),
                    total: amount,
                    digits,
                    first_line: line,
                });
            }
        }
        let Some(run) = self.current.as_ref() else {
            return Ok(());
        };
        if ctx.within_limit(run.total, run.digits).is_some() {
            return Ok(());
        }
        let err = RowError::new(
            "import-row-receipt-over-limit",
            &[
                ("id", &run.till_id),
                ("first", &run.first_line.to_string()),
                ("total", &major_units(run.total, run.digits)),
                ("max", &ctx.max_receipt.to_string()),
            ],
        )
        .of(&run.till_id);
        self.current = None;
        Err(err)
    }

    /// A row error leaves its receipt out: it is no longer being added up.
    fn forget(&mut self, err: &RowError) {
        let dropped = err.till_id.as_deref();
        if self.current.as_ref().map(|r| r.till_id.as_str()) == dropped {
            self.current = None;
        }
    }
}

impl TillFormat for Checked {
    fn date_columns(&self) -> Vec<usize> {
        self.inner.date_columns()
    }

    fn read(&mut self, row: &Row, ctx: &ReadCtx, out: &mut Vec<Receipt>) -> Result<(), RowError> {
        if let Some(mut err) = self.damage(row, ctx) {
            err.till_id = self.receipt_of_damaged(row);
            self.forget(&err);
            return Err(err);
        }
        let before = out.len();
        if let Err(err) = self.inner.read(row, ctx, out) {
            self.forget(&err);
            return Err(err);
        }
        let digits = self.inner.digits(row, ctx);
        for part in &out[before..] {
            self.add_up(part, digits, row.line, ctx)?;
        }
        Ok(())
    }

    fn finish(&mut self, out: &mut Vec<Receipt>) {
        self.inner.finish(out);
    }

    fn receipt_of(&self, row: &Row) -> Option<String> {
        self.inner.receipt_of(row)
    }

    fn marked_money_columns(&self) -> Vec<usize> {
        self.inner.marked_money_columns()
    }

    fn currency_of(&self, row: &Row) -> Option<String> {
        self.inner.currency_of(row)
    }

    fn digits(&self, row: &Row, ctx: &ReadCtx) -> u8 {
        self.inner.digits(row, ctx)
    }

    fn absent_money(&self) -> Vec<&'static str> {
        self.inner.absent_money()
    }

    fn short_years_common_era(&self) -> bool {
        self.inner.short_years_common_era()
    }

    fn row_note(&mut self, row: &Row) -> Option<String> {
        self.inner.row_note(row)
    }
}

#[cfg(test)]
mod tests {
    use crate::import::formats::testing::{options, read_bytes, read_csv};

    const HEAD: &str = "receipt_id,time,total,item,qty,amount\n";
    const R1: &str = "R1,2026-03-01T10:00:00,5.00,Rugbrød,1,5.00\n";
    const R2: &str =
        "R2,2026-03-02T11:00:00,9.00,Tea,1,4.00\nR2,2026-03-02T11:00:00,9.00,Cake,1,5.00\n";

    fn ids(text: &str) -> (Vec<String>, Vec<(u64, String)>) {
        let got = read_csv(text, "DK");
        let ids = got.receipts.iter().map(|r| r.till_id.clone()).collect();
        let rejected = got
            .rejected
            .into_iter()
            .map(|r| (r.line, r.reason.to_string()))
            .collect();
        (ids, rejected)
    }

    #[test]
    fn a_receipt_cut_short_is_left_out_whole() {
        for cut in [
            "R2,2026-03-02T11:00:00,9.00,Juice,1",
            "R2,2026-03-02T11:00:00,9.00,\"Ju",
            "R",
            "R2,2026-03-02T1",
        ] {
            let (got, rejected) = ids(&format!("{HEAD}{R1}{R2}{cut}"));
            assert_eq!(got, vec!["R1"], "{cut}");
            assert_eq!(rejected.len(), 1, "{cut}");
            assert_eq!(rejected[0].0, 5, "{cut}");
            assert!(rejected[0].1.contains("cut off"), "{}", rejected[0].1);
        }
        // Cut in the first cell of a new receipt's row: the receipt before
        // may be whole, but which one the row was cannot be told.
        let (got, _) = ids(&format!("{HEAD}{R2}{R1}R"));
        assert_eq!(got, vec!["R2"]);
        // Cut after a whole cell: that cell names the row's own receipt.
        let (got, _) = ids(&format!("{HEAD}{R1}{R2}R3,2026-03-0"));
        assert_eq!(got, vec!["R1", "R2"]);
    }

    #[test]
    fn a_last_row_without_a_line_break_is_whole() {
        let text = format!("{HEAD}{R1}{R2}");
        let (got, rejected) = ids(text.trim_end());
        assert_eq!(
            (got, rejected),
            (vec!["R1".to_string(), "R2".to_string()], vec![])
        );
    }

    #[test]
    fn a_short_row_leaves_its_receipt_out() {
        let (got, rejected) = ids(&format!("{HEAD}{R1}R2,2026-03-02T11:00:00\n{R2}"));
        assert_eq!(got, vec!["R1"]);
        assert_eq!(rejected[0].0, 3);
        assert!(rejected[0].1.contains("2 of 6"), "{}", rejected[0].1);
    }

    #[test]
    fn one_bad_byte_costs_its_row_not_the_file() {
        let mut bytes = format!("{HEAD}{R1}").into_bytes();
        let bad_at = bytes.len() + 3;
        bytes.extend("R3,2026-03-03T10:00:00,5.00,Rugbrød,1,5.00\n".as_bytes());
        bytes.extend(R2.as_bytes());
        bytes.extend("R4,2026-03-04T10:00:00,5.00,Smørrebrød,1,5.00\n".as_bytes());
        bytes[bad_at] = 0xff;
        let got = read_bytes(&bytes, &options("DK"));
        let items: Vec<&str> = got
            .receipts
            .iter()
            .map(|r| r.lines[0].item.as_str())
            .collect();
        assert_eq!(items, vec!["Rugbrød", "Tea", "Smørrebrød"]);
        let lines: Vec<u64> = got.rejected.iter().map(|r| r.line).collect();
        assert_eq!(lines, vec![3]);
        assert!(
            got.rejected[0]
                .reason
                .to_string()
                .contains(&format!("{bad_at}")),
            "{}",
            got.rejected[0].reason
        );
    }

    #[test]
    fn nul_bytes_and_huge_cells_are_damage() {
        let huge = "x".repeat(super::MAX_CELL_BYTES + 1);
        let text = format!(
            "{HEAD}R1,2026-03-01T10:00:00,5.00,Te\0a,1,5.00\nR3,2026-03-01T10:00:00,5.00,{huge},1,5.00\n{R2}"
        );
        let (got, rejected) = ids(&text);
        assert_eq!(got, vec!["R2"]);
        assert!(rejected[0].1.contains("NUL"), "{}", rejected[0].1);
        assert!(
            rejected[1].1.contains("\"item\"") && rejected[1].1.contains("65537"),
            "{}",
            rejected[1].1
        );
    }

    #[test]
    fn a_receipt_adding_up_past_the_limit_is_left_out() {
        let text = "Date,Time,Item,Qty,Net Sales,Tax,Transaction ID,Event Type\n\
            2026-03-03,10:00:00,Cake,1,$600000.00,$0.00,T1,Payment\n\
            2026-03-03,10:00:00,Cake,1,$600000.00,$0.00,T1,Payment\n\
            2026-03-03,10:00:00,Cake,1,$5.00,$0.00,T1,Payment\n\
            2026-03-04,10:00:00,Tea,1,$999999.99,$0.01,T2,Payment\n\
            2026-03-04,10:00:00,Tea,1,$999999.99,$0.02,T3,Payment\n";
        let got = read_csv(text, "US");
        let ids: Vec<&str> = got.receipts.iter().map(|r| r.till_id.as_str()).collect();
        assert_eq!(ids, vec!["T2"]);
        let rejected: Vec<(u64, String)> = got
            .rejected
            .iter()
            .map(|r| (r.line, r.reason.to_string()))
            .collect();
        assert_eq!(rejected.len(), 2, "{rejected:?}");
        assert_eq!(rejected[0].0, 3);
        assert!(
            rejected[0].1.contains("T1") && rejected[0].1.contains("line 2"),
            "{}",
            rejected[0].1
        );
        assert_eq!(rejected[1].0, 6);
        assert!(rejected[1].1.contains("1000000.01"), "{}", rejected[1].1);
    }

    #[test]
    fn bare_carriage_returns_give_the_right_lines() {
        let text =
            format!("{HEAD}{R1}R5,2026-04-31T10:00:00,5.00,Tea,1,5.00\n{R2}").replace('\n', "\r");
        let (got, rejected) = ids(&text);
        assert_eq!(got, vec!["R1", "R2"]);
        assert_eq!(rejected[0].0, 3);
    }

    #[test]
    fn utf16_without_a_byte_order_mark() {
        let text = format!("{HEAD}{R1}R5,2026-04-31T10:00:00,5.00,Tea,1,5.00\n");
        for big_endian in [false, true] {
            let bytes: Vec<u8> = text
                .encode_utf16()
                .flat_map(|u| {
                    if big_endian {
                        u.to_be_bytes()
                    } else {
                        u.to_le_bytes()
                    }
                })
                .collect();
            let got = read_bytes(&bytes, &options("DK"));
            assert_eq!(got.receipts[0].lines[0].item, "Rugbrød");
            assert_eq!(got.rejected[0].line, 3);
            assert!(!got.rejected[0].reason.to_string().contains('\0'));
        }
    }
}
