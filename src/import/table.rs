//! A till export as rows of text cells, whatever the container: CSV in any
//! encoding and delimiter (streamed, a record at a time) or a spreadsheet
//! (xlsx/xls/ods through calamine). Cells come out trimmed, with the
//! spreadsheet guards (`'+385…`, `="0123"`) taken off.

use std::cell::RefCell;
use std::collections::VecDeque;
use std::io::{self, Cursor, Read};
use std::path::{Path, PathBuf};
use std::rc::Rc;
use std::sync::Arc;

use calamine::{Data, Reader};
use encoding_rs::Encoding;

use super::text::DecodingReader;
use crate::domain::member::fold;
use crate::error::{Error, Result};

/// Where the bytes come from: a file, or memory (tests).
#[derive(Debug, Clone)]
pub enum Input {
    File(PathBuf),
    Bytes(Arc<[u8]>),
}

impl Input {
    pub fn open(&self) -> Result<Box<dyn Read + Send + '_>> {
        match self {
            Input::File(path) => Ok(Box::new(io::BufReader::new(
                std::fs::File::open(path).map_err(|e| Error::io(path, e))?,
            ))),
            Input::Bytes(bytes) => Ok(Box::new(Cursor::new(&bytes[..]))),
        }
    }

    /// The first `n` bytes (fewer when the file is shorter).
    pub fn head(&self, n: usize) -> Result<Vec<u8>> {
        let mut buf = Vec::with_capacity(n);
        self.open()?
            .take(n as u64)
            .read_to_end(&mut buf)
            .map_err(|e| self.io_error(e))?;
        Ok(buf)
    }

    pub fn io_error(&self, e: io::Error) -> Error {
        match self {
            Input::File(path) => Error::io(path, e),
            Input::Bytes(_) => Error::io(Path::new("-"), e),
        }
    }
}

/// How the rows are stored in the file.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Shape {
    Csv {
        encoding: &'static Encoding,
        delimiter: u8,
    },
    Sheet,
}

/// One record of the file with its line number (1-based, as an editor shows
/// it). The cells are kept as read, in one allocation; [`Row::get`] hands
/// them out cleaned.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Row {
    pub line: u64,
    record: csv::StringRecord,
}

impl Row {
    pub fn new(line: u64, cells: impl IntoIterator<Item = impl AsRef<str>>) -> Row {
        Row {
            line,
            record: cells.into_iter().collect(),
        }
    }

    /// The cell in `col`, cleaned, or "" when the column or the cell is missing.
    pub fn get(&self, col: Option<usize>) -> &str {
        col.and_then(|c| self.record.get(c)).map_or("", clean_cell)
    }

    pub fn len(&self) -> usize {
        self.record.len()
    }

    pub fn is_empty(&self) -> bool {
        self.record.iter().all(|c| clean_cell(c).is_empty())
    }

    /// Every cell, cleaned.
    pub fn cells(&self) -> impl Iterator<Item = &str> {
        self.record.iter().map(clean_cell)
    }
}

/// Trims, and removes what spreadsheets add to stop a cell being a formula
/// or losing its leading zero: `'+385…` → `+385…`, `="0123"` → `0123`.
pub fn clean_cell(raw: &str) -> &str {
    let s = raw.trim();
    if let Some(rest) = s.strip_prefix('\'')
        && rest.starts_with(|c: char| "+-=@".contains(c) || c.is_ascii_digit())
    {
        return rest;
    }
    if let Some(inner) = s.strip_prefix("=\"").and_then(|r| r.strip_suffix('"')) {
        return inner.trim();
    }
    s
}

/// The header row: finds columns by name, in any order, in any case, with
/// or without accents and punctuation; the first of two equal names counts.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Header {
    raw: Vec<String>,
    folded: Vec<String>,
}

/// `Customer/Phone` → `customerphone`, `Beløb` → `belob`, `Transaktions-ID` → `transaktionsid`.
pub fn fold_name(name: &str) -> String {
    fold(name).chars().filter(|c| c.is_alphanumeric()).collect()
}

impl Header {
    pub fn new(row: &Row) -> Header {
        Header {
            raw: row.cells().map(str::to_string).collect(),
            folded: row.cells().map(fold_name).collect(),
        }
    }

    pub fn len(&self) -> usize {
        self.raw.len()
    }

    pub fn is_empty(&self) -> bool {
        self.raw.is_empty()
    }

    /// Columns up to the last one with a name: a row with fewer fields was
    /// cut off; unnamed columns after it (a trailing delimiter) may be missing.
    pub fn named_len(&self) -> usize {
        self.raw
            .iter()
            .rposition(|n| !n.is_empty())
            .map_or(0, |i| i + 1)
    }

    /// The column named like one of `aliases`. An alias `Total (*)` matches
    /// `Total (SEK)` (a name with a unit in brackets).
    pub fn find(&self, aliases: &[&str]) -> Option<usize> {
        self.find_with_unit(aliases).map(|(i, _)| i)
    }

    /// Like [`Header::find`], also returning the unit in brackets (`SEK`).
    pub fn find_with_unit(&self, aliases: &[&str]) -> Option<(usize, Option<String>)> {
        (0..self.raw.len()).find_map(|i| {
            aliases
                .iter()
                .find_map(|alias| match alias.strip_suffix("(*)") {
                    Some(base) => {
                        let (name, unit) = self.raw[i].split_once('(')?;
                        let unit = unit.strip_suffix(')')?.trim();
                        (fold_name(name) == fold_name(base)).then(|| (i, Some(unit.to_string())))
                    }
                    None => (self.folded[i] == fold_name(alias)).then_some((i, None)),
                })
        })
    }

    /// The column's name as the file writes it (for messages).
    pub fn name(&self, col: usize) -> &str {
        self.raw.get(col).map_or("", String::as_str)
    }
}

/// Line-break bytes seen by the reader but not yet passed by the records.
/// The csv reader knows where a record starts (a byte offset, which may
/// point at the line breaks before it) but does not count line breaks
/// inside quoted fields, so lines are counted here.
#[derive(Debug, Default)]
struct LineBreaks {
    /// Offsets of `\r` and `\n` bytes, with whether each is a `\n`.
    pending: VecDeque<(u64, bool)>,
    passed: u64,
}

impl LineBreaks {
    /// The 1-based line of the record starting at `offset` (offsets only grow).
    fn line_at(&mut self, offset: u64) -> u64 {
        let mut next = offset;
        while let Some(&(at, newline)) = self.pending.front() {
            // Breaks before the record, and the run of breaks it starts with.
            if at < offset || at == next {
                next += u64::from(at == next);
                self.passed += u64::from(newline);
                self.pending.pop_front();
            } else {
                break;
            }
        }
        self.passed + 1
    }
}

struct CountLines<R> {
    inner: R,
    breaks: Rc<RefCell<LineBreaks>>,
    offset: u64,
}

impl<R: Read> Read for CountLines<R> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        let n = self.inner.read(buf)?;
        let mut breaks = self.breaks.borrow_mut();
        for (i, b) in buf[..n].iter().enumerate() {
            if *b == b'\n' || *b == b'\r' {
                breaks
                    .pending
                    .push_back((self.offset + i as u64, *b == b'\n'));
            }
        }
        self.offset += n as u64;
        Ok(n)
    }
}

/// Every record of the file from the top, preamble included.
pub fn rows(input: &Input, shape: Shape) -> Result<Box<dyn Iterator<Item = Result<Row>> + '_>> {
    match shape {
        Shape::Csv {
            encoding,
            delimiter,
        } => {
            let breaks = Rc::new(RefCell::new(LineBreaks::default()));
            let counted = CountLines {
                inner: DecodingReader::new(input.open()?, encoding),
                breaks: Rc::clone(&breaks),
                offset: 0,
            };
            let reader = csv::ReaderBuilder::new()
                .has_headers(false)
                .flexible(true)
                .delimiter(delimiter)
                .from_reader(counted);
            Ok(Box::new(reader.into_records().map(move |record| {
                let record = record.map_err(|e| input.io_error(io::Error::other(e)))?;
                let start = record.position().map_or(0, csv::Position::byte);
                let line = breaks.borrow_mut().line_at(start);
                Ok(Row { line, record })
            })))
        }
        Shape::Sheet => Ok(Box::new(sheet_rows(input)?.into_iter().map(Ok))),
    }
}

/// The first sheet of a workbook. Spreadsheets are read whole by calamine;
/// exports in this form are small (a CSV is what large exports come as).
fn sheet_rows(input: &Input) -> Result<Vec<Row>> {
    let bad = |e: calamine::Error| input.io_error(io::Error::other(e.to_string()));
    let range = match input {
        Input::File(path) => calamine::open_workbook_auto(path)
            .map_err(bad)?
            .worksheet_range_at(0),
        Input::Bytes(bytes) => calamine::open_workbook_auto_from_rs(Cursor::new(bytes.to_vec()))
            .map_err(bad)?
            .worksheet_range_at(0),
    };
    let range = match range {
        Some(r) => r.map_err(bad)?,
        None => return Ok(Vec::new()),
    };
    let first_row = range.start().map_or(0, |(r, _)| r as u64);
    let first_col = range.start().map_or(0, |(_, c)| c as usize);
    Ok(range
        .rows()
        .enumerate()
        .map(|(i, cells)| {
            let lead = std::iter::repeat_n(String::new(), first_col);
            Row::new(
                first_row + i as u64 + 1,
                lead.chain(cells.iter().map(cell_text)),
            )
        })
        .collect())
}

/// A spreadsheet cell as the text a CSV export would have held.
fn cell_text(cell: &Data) -> String {
    match cell {
        Data::String(s) | Data::DateTimeIso(s) | Data::DurationIso(s) => s.clone(),
        // Shortest form that reads back to the same number: 53.2, not 53.200000000000003.
        Data::Float(f) => format!("{f}"),
        Data::Int(i) => i.to_string(),
        Data::Bool(b) => b.to_string(),
        Data::DateTime(d) => {
            let (y, mo, da, h, mi, s, _) = d.to_ymd_hms_milli();
            let serial = d.as_f64();
            if serial < 1.0 {
                format!("{h:02}:{mi:02}:{s:02}")
            } else if serial.fract() == 0.0 {
                format!("{y:04}-{mo:02}-{da:02}")
            } else {
                format!("{y:04}-{mo:02}-{da:02} {h:02}:{mi:02}:{s:02}")
            }
        }
        Data::Error(_) | Data::Empty => String::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn spreadsheet_guards_are_removed() {
        assert_eq!(clean_cell(" '+385912345678 "), "+385912345678");
        assert_eq!(clean_cell("'=SUM(A1)"), "=SUM(A1)");
        assert_eq!(clean_cell("'0912345678"), "0912345678");
        assert_eq!(clean_cell("=\"00123\""), "00123");
        assert_eq!(clean_cell("O'Brien"), "O'Brien");
        assert_eq!(clean_cell("'Tis"), "'Tis");
    }

    #[test]
    fn columns_by_name_any_case_accents_and_units() {
        let row = Row::new(
            1,
            ["Dato", "Beløb", "Transaktions-ID", "Total (SEK)", "beløb"],
        );
        let h = Header::new(&row);
        assert_eq!(h.find(&["BELØB"]), Some(1));
        assert_eq!(h.find(&["Transaktions ID"]), Some(2));
        assert_eq!(h.find(&["Amount", "Belob"]), Some(1));
        assert_eq!(
            h.find_with_unit(&["Total (*)"]),
            Some((3, Some("SEK".into())))
        );
        assert_eq!(h.find(&["Tip (*)"]), None);
        assert_eq!(h.find(&["Missing"]), None);
    }

    #[test]
    fn csv_rows_keep_line_numbers_across_quoted_newlines() {
        let text = "a,b\r\n\"x\ny\",2\r\n\r\n3,4\r\n\"p\r\nq\",5\n6,7\n";
        let input = Input::Bytes(text.as_bytes().into());
        let shape = Shape::Csv {
            encoding: encoding_rs::UTF_8,
            delimiter: b',',
        };
        let rows: Vec<Row> = rows(&input, shape).unwrap().map(Result::unwrap).collect();
        assert_eq!(rows.len(), 5, "the blank line is no record");
        assert_eq!(rows[1].get(Some(0)), "x\ny");
        let lines: Vec<u64> = rows.iter().map(|r| r.line).collect();
        assert_eq!(lines, vec![1, 2, 5, 6, 8]);
        assert_eq!(rows[2].get(Some(5)), "");
    }
}
