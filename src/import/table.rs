//! A till export as rows of text cells, whatever the container: CSV in any
//! encoding and delimiter (streamed, a record at a time) or a spreadsheet
//! (xlsx/xls/ods through calamine). Cells come out trimmed, with the
//! spreadsheet guards (`'+385…`, `="0123"`) taken off.

use std::io::{self, Cursor, Read};
use std::path::{Path, PathBuf};
use std::sync::Arc;

use encoding_rs::Encoding;

use super::csv_rows::CsvRows;
use super::sheet::{SheetRows, sheet_rows};
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

/// How a record of a CSV ended: what tells a complete last row from one
/// whose file was cut off in the middle of it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RecordEnd {
    /// At a line break (and every spreadsheet row).
    Line,
    /// At the end of the file, without a line break.
    FileEnd,
    /// At the end of the file, inside a quoted cell that was never closed.
    OpenQuote,
}

/// One record of the file with its line number (1-based, as an editor shows
/// it). The cells are kept as read, in one string with where each ends, so
/// a row can be refilled for the next record without allocating;
/// [`Row::get`] hands them out cleaned.
#[derive(Debug, Clone)]
pub struct Row {
    pub line: u64,
    pub end: RecordEnd,
    /// Where in the file the first byte of this record is that the text
    /// encoding could not read (it reads as U+FFFD).
    pub bad_byte: Option<u64>,
    text: String,
    ends: Vec<usize>,
    /// Bytes between one cell's end and the next one's start: 0 when the
    /// cells are written one after another, 1 when the line is kept whole
    /// with its delimiters.
    gap: usize,
}

impl PartialEq for Row {
    fn eq(&self, other: &Row) -> bool {
        self.line == other.line && self.len() == other.len() && self.cells().eq(other.cells())
    }
}

impl Eq for Row {}

impl Row {
    pub fn new(line: u64, cells: impl IntoIterator<Item = impl AsRef<str>>) -> Row {
        let mut row = Row {
            line,
            end: RecordEnd::Line,
            bad_byte: None,
            text: String::new(),
            ends: Vec::new(),
            gap: 0,
        };
        for cell in cells {
            row.text.push_str(cell.as_ref());
            row.ends.push(row.text.len());
        }
        row
    }

    /// Refills the row with another record: its cells written one after
    /// another in `text`, each ending where `ends` says.
    pub fn set(&mut self, line: u64, text: &str, ends: &[usize]) {
        self.line = line;
        self.end = RecordEnd::Line;
        self.bad_byte = None;
        self.text.clear();
        self.text.push_str(text);
        self.ends.clear();
        self.ends.extend_from_slice(ends);
        self.gap = 0;
    }

    /// Refills the row with a line's cells, split at `delimiter` (ASCII).
    pub fn set_split(&mut self, line: u64, text: &str, delimiter: u8) {
        self.line = line;
        self.end = RecordEnd::Line;
        self.bad_byte = None;
        self.text.clear();
        self.text.push_str(text);
        self.ends.clear();
        self.gap = 1;
        // Eight bytes at a time: the high bit of each byte equal to the
        // delimiter is set (exactly, no carries between bytes), then one end
        // per set bit.
        const LOW7: u64 = 0x7f7f_7f7f_7f7f_7f7f;
        let pattern = u64::from_ne_bytes([delimiter; 8]);
        let mut words = text.as_bytes().chunks_exact(8);
        let mut at = 0;
        for word in &mut words {
            let mut bytes = [0u8; 8];
            bytes.copy_from_slice(word);
            let x = u64::from_le_bytes(bytes) ^ pattern;
            let mut found = !(((x & LOW7) + LOW7) | x | LOW7);
            while found != 0 {
                self.ends.push(at + found.trailing_zeros() as usize / 8);
                found &= found - 1;
            }
            at += 8;
        }
        for (i, &b) in words.remainder().iter().enumerate() {
            if b == delimiter {
                self.ends.push(at + i);
            }
        }
        self.ends.push(text.len());
    }

    fn raw(&self, col: usize) -> Option<&str> {
        let end = *self.ends.get(col)?;
        let start = if col == 0 {
            0
        } else {
            self.ends[col - 1] + self.gap
        };
        self.text.get(start..end)
    }

    /// The cell in `col`, cleaned, or "" when the column or the cell is missing.
    pub fn get(&self, col: Option<usize>) -> &str {
        col.and_then(|c| self.raw(c)).map_or("", clean_cell)
    }

    pub fn len(&self) -> usize {
        self.ends.len()
    }

    pub fn is_empty(&self) -> bool {
        self.cells().all(str::is_empty)
    }

    /// Every cell, cleaned.
    pub fn cells(&self) -> impl Iterator<Item = &str> {
        (0..self.ends.len()).map(|c| self.raw(c).map_or("", clean_cell))
    }

    /// Whether any cell holds a NUL character (no till writes one in text).
    pub fn has_nul(&self) -> bool {
        memchr::memchr(0, self.text.as_bytes()).is_some()
    }

    /// The longest cell as (column, bytes), when some cell is longer than
    /// `bytes`; cheap for rows shorter than that, as nearly all are.
    pub fn cell_longer_than(&self, bytes: usize) -> Option<(usize, usize)> {
        if self.text.len() <= bytes {
            return None;
        }
        (0..self.ends.len())
            .map(|c| (c, self.raw(c).map_or(0, str::len)))
            .filter(|&(_, len)| len > bytes)
            .max_by_key(|&(_, len)| len)
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
        // Folded once, not once per column: a damaged header can have 10,000.
        let wanted: Vec<(String, bool)> = aliases
            .iter()
            .map(|alias| match alias.strip_suffix("(*)") {
                Some(base) => (fold_name(base), true),
                None => (fold_name(alias), false),
            })
            .collect();
        (0..self.raw.len()).find_map(|i| {
            wanted.iter().find_map(|(folded, with_unit)| {
                if !with_unit {
                    return (self.folded[i] == *folded).then_some((i, None));
                }
                let (name, unit) = self.raw[i].split_once('(')?;
                let unit = unit.strip_suffix(')')?.trim();
                (fold_name(name) == *folded).then(|| (i, Some(unit.to_string())))
            })
        })
    }

    /// Every column's name as written.
    pub fn names(&self) -> impl Iterator<Item = &str> {
        self.raw.iter().map(String::as_str)
    }

    /// The column's name as the file writes it (for messages).
    pub fn name(&self, col: usize) -> &str {
        self.raw.get(col).map_or("", String::as_str)
    }
}

/// Reads the records of a file one after another into the same [`Row`].
pub enum RowReader<'a> {
    Csv(Box<CsvRows<DecodingReader<Box<dyn Read + 'a>>>>),
    Sheet(SheetRows),
}

impl RowReader<'_> {
    /// Reads the next record into `row`; false at the end of the file.
    pub fn read_into(&mut self, row: &mut Row, input: &Input) -> Result<bool> {
        match self {
            RowReader::Csv(records) => records.read_into(row).map_err(|e| input.io_error(e)),
            RowReader::Sheet(rows) => match rows.next() {
                Some(next) => {
                    *row = next?;
                    Ok(true)
                }
                None => Ok(false),
            },
        }
    }
}

/// Every record of the file from the top, preamble included, read from
/// `bytes` (the file's bytes as `input` would give them).
pub fn reader_from<'a>(
    input: &'a Input,
    shape: Shape,
    bytes: Box<dyn Read + 'a>,
) -> Result<RowReader<'a>> {
    Ok(match shape {
        Shape::Csv {
            encoding,
            delimiter,
        } => RowReader::Csv(Box::new(CsvRows::new(
            DecodingReader::new(bytes, encoding),
            delimiter,
        ))),
        Shape::Sheet => RowReader::Sheet(sheet_rows(input)?),
    })
}

/// Every record of the file from the top, preamble included.
pub fn reader(input: &Input, shape: Shape) -> Result<RowReader<'_>> {
    reader_from(input, shape, input.open()?)
}

/// Every record of the file from the top, as an iterator (a new row each).
pub fn rows(input: &Input, shape: Shape) -> Result<Box<dyn Iterator<Item = Result<Row>> + '_>> {
    let mut records = reader(input, shape)?;
    let mut row = Row::new(0, [""; 0]);
    Ok(Box::new(std::iter::from_fn(move || {
        match records.read_into(&mut row, input) {
            Ok(true) => Some(Ok(row.clone())),
            Ok(false) => None,
            Err(e) => Some(Err(e)),
        }
    })))
}

#[cfg(test)]
#[path = "table_tests.rs"]
mod tests;
