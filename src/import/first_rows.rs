//! The first rows of a file no format reads, for the import screen's
//! mapping step: the header's columns to pick from, and the first data
//! rows read as the import would read them with the owner's column map.
//!
//! The rows are read once, when the step opens; each change of the map
//! reads those few rows again from memory, through the same detection,
//! reader and assembler as the import itself (written out as a small CSV),
//! so the preview cannot say something the import would not do.

use std::path::Path;

use encoding_rs::Encoding;

use super::detect::{
    Maps, SAMPLE_BYTES, delimiters_by_likelihood, is_sheet, sample_bytes, sniff_encoding,
};
use super::mapping::{ColumnMap, header_key};
use super::near_miss::NearMiss;
use super::receipt::{Receipt, Rejected, VecLoader};
use super::table::{Header, Input, Row, Shape, rows};
use super::{Options, load, survey_with};
use crate::error::{Error, Result};

/// Data rows the preview shows.
pub const PREVIEW_ROWS: usize = 5;
/// A receipt needs its id, its time and its total: a header with fewer
/// named columns cannot be mapped.
const FEWEST_COLUMNS: usize = 3;
/// Rows looked at for the header (as detection does for a preamble).
const HEADER_SEARCH_ROWS: usize = 100;

/// Where a record starts: its line in the small CSV the preview reads,
/// and in the file.
type LineStart = (u64, u64);

/// The header and the first data rows of a file, as read from it.
#[derive(Debug, Clone)]
pub struct FirstRows {
    header: Row,
    /// Up to [`PREVIEW_ROWS`] rows under the header, blank ones left out.
    data: Vec<Row>,
    /// The known export the header nearly is, if any.
    pub near: Option<NearMiss>,
}

/// The first rows as the import would read them with a column map.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Preview {
    /// Receipts in file order, each with the file line it starts on.
    pub receipts: Vec<Receipt>,
    /// Rows that could not be read, naming the owner's column.
    pub rejected: Vec<Rejected>,
}

impl FirstRows {
    /// Reads the header and the first rows of `path`: the first row that
    /// names (nearly) as many columns in words as any of the first rows
    /// (a preamble names fewer, data rows hold numbers and dates). None
    /// when no such row names at least three columns.
    pub fn read(
        path: &Path,
        encoding: Option<&'static Encoding>,
        country: &str,
    ) -> Result<Option<FirstRows>> {
        let input = Input::File(path.to_path_buf());
        let head = input.head(SAMPLE_BYTES)?;
        if is_sheet(&head) {
            return Self::from_rows(rows(&input, Shape::Sheet)?);
        }
        let encoding = encoding.unwrap_or_else(|| sniff_encoding(&head, country));
        let sample = sample_bytes(&head, encoding);
        let delimiter = delimiters_by_likelihood(&sample, encoding)
            .first()
            .copied()
            .unwrap_or(b',');
        let shape = Shape::Csv {
            encoding,
            delimiter,
        };
        let bytes = Input::Bytes(sample.into());
        Self::from_rows(rows(&bytes, shape)?)
    }

    fn from_rows(records: impl Iterator<Item = Result<Row>>) -> Result<Option<FirstRows>> {
        // A column's name starts with a letter; an amount, a date or a
        // phone number does not.
        let named = |row: &Row| {
            row.cells()
                .filter(|c| c.chars().next().is_some_and(char::is_alphabetic))
                .count()
        };
        let top: Vec<Row> = records.take(HEADER_SEARCH_ROWS).collect::<Result<_>>()?;
        let most = top.iter().map(named).max().unwrap_or(0);
        // One name fewer than the most: a header may leave a column
        // unnamed where a data row has text in every cell.
        let enough = FEWEST_COLUMNS.max(most.saturating_sub(1));
        let Some(at) = top.iter().position(|r| named(r) >= enough) else {
            return Ok(None);
        };
        let mut rest = top.into_iter().skip(at);
        let Some(header) = rest.next() else {
            return Ok(None);
        };
        let data = rest.filter(|r| !r.is_empty()).take(PREVIEW_ROWS).collect();
        let near = NearMiss::of(&Header::new(&header));
        Ok(Some(FirstRows { header, data, near }))
    }

    /// The header's column names as written (an unnamed column is "").
    pub fn columns(&self) -> Vec<String> {
        self.header.cells().map(str::to_string).collect()
    }

    /// The key a mapping for this header is kept under.
    pub fn header_key(&self) -> String {
        header_key(&Header::new(&self.header))
    }

    /// The first cell of column `col` that is not empty, to show what the
    /// column holds.
    pub fn example(&self, col: usize) -> Option<&str> {
        self.data
            .iter()
            .map(|row| row.get(Some(col)))
            .find(|cell| !cell.is_empty())
    }

    /// The first rows read with `map`, as the import would read them:
    /// dates, money, refund words and contacts exactly as there.
    pub fn preview(&self, map: &ColumnMap, opts: &Options) -> Result<Preview> {
        let (bytes, lines) = self.as_csv()?;
        let input = Input::Bytes(bytes.into());
        let opts = Options {
            format: None,
            encoding: Some(encoding_rs::UTF_8),
            ..opts.clone()
        };
        let maps = Maps {
            given: Some(map.clone()),
            kept: Vec::new(),
        };
        let plan = survey_with(&input, &opts, &maps, &|| false)?;
        let mut loader = VecLoader::default();
        load(&input, &plan, &mut loader)?;
        // Lines of the small CSV back to the file's own.
        let line_in_file = |line: u64| {
            lines
                .iter()
                .rev()
                .find(|(written, _)| *written <= line)
                .map_or(line, |(_, file)| *file)
        };
        let mut receipts = loader.receipts;
        for receipt in &mut receipts {
            receipt.line = line_in_file(receipt.line);
        }
        let rejected = loader
            .rejected
            .into_iter()
            .map(|r| Rejected {
                line: line_in_file(r.line),
                reason: map.as_written(r.reason),
            })
            .collect();
        Ok(Preview { receipts, rejected })
    }

    /// The header and the rows as a UTF-8 CSV, with the line each record
    /// starts on there and in the file.
    fn as_csv(&self) -> Result<(Vec<u8>, Vec<LineStart>)> {
        let mut out = csv::WriterBuilder::new()
            .flexible(true)
            .from_writer(Vec::new());
        let mut lines = Vec::new();
        let mut line = 1u64;
        for row in std::iter::once(&self.header).chain(&self.data) {
            lines.push((line, row.line));
            let cells: Vec<&str> = row.cells().collect();
            out.write_record(&cells).map_err(preview_error)?;
            line += 1 + cells
                .iter()
                .map(|c| c.matches('\n').count() as u64)
                .sum::<u64>();
        }
        let bytes = out
            .into_inner()
            .map_err(|e| preview_error(e.into_error()))?;
        Ok((bytes, lines))
    }
}

/// Writing into memory fails only when memory does.
fn preview_error(e: impl std::fmt::Display) -> Error {
    Error::io(Path::new("-"), std::io::Error::other(e.to_string()))
}

#[cfg(test)]
#[path = "first_rows_tests.rs"]
mod tests;
