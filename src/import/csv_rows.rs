//! CSV records read with csv-core into buffers kept from one record to the
//! next: a file of a million rows costs no allocation per row. Lines are
//! counted on the bytes each record used, so a record knows the line it
//! starts on (as an editor shows it) even after quoted line breaks and
//! blank lines; `\n`, `\r\n` and a lone `\r` (old Mac and Excel exports)
//! each end a line.
//!
//! A record also knows how it ended (a file cut off mid-row ends without a
//! line break, or inside an open quote) and where a byte the text encoding
//! could not read was in it.
//!
//! Most lines of a large export have no quotes: such a line is split at
//! its delimiters directly (a few vectorised searches instead of a state
//! machine step per byte), with the same cells csv-core would give.

use std::io;

use csv_core::{ReadRecordResult, Reader, ReaderBuilder};

use super::table::{RecordEnd, Row};
use super::text::Source;
use crate::i18n::t_args;

const INPUT_SIZE: usize = 64 * 1024;
/// A record bigger than this is a damaged file (a quote never closed
/// swallows the rest of it), not a till's row: reading stops rather than
/// holding the whole file in memory.
const MAX_RECORD_BYTES: usize = 32 * 1024 * 1024;
/// Cells of one record at most, for the same reason.
const MAX_RECORD_CELLS: usize = 1_000_000;

pub struct CsvRows<R> {
    source: R,
    /// Bytes of the source before the current input buffer.
    base: u64,
    core: Reader,
    input: Box<[u8]>,
    in_start: usize,
    in_end: usize,
    eof: bool,
    done: bool,
    fields: Vec<u8>,
    ends: Vec<usize>,
    /// Line breaks used by the records read so far.
    newlines: u64,
    /// The last byte counted was a `\r` (a `\n` right after it is the same break).
    after_cr: bool,
    delimiter: u8,
    /// csv-core has read the first record (it removes a byte-order mark
    /// there, so that record is always left to it).
    started: bool,
}

/// Line breaks in `bytes`: `\n`, `\r\n` and a lone `\r` each count once;
/// `after_cr` carries a `\r` at the end over to the next bytes.
fn count_breaks(bytes: &[u8], after_cr: &mut bool) -> u64 {
    let Some(&last) = bytes.last() else { return 0 };
    let mut n = memchr::memchr_iter(b'\n', bytes).count() as u64;
    if *after_cr && bytes[0] == b'\n' {
        n -= 1;
    }
    if memchr::memchr(b'\r', bytes).is_some() {
        // A `\r` counts unless a `\n` follows, which is counted already.
        let lone = bytes
            .windows(2)
            .filter(|w| w[0] == b'\r' && w[1] != b'\n')
            .count();
        n += lone as u64 + u64::from(last == b'\r');
    }
    *after_cr = last == b'\r';
    n
}

/// Reading stopped: a record too big for any till's export.
fn too_long(line: u64) -> io::Error {
    let cap = format!("{} MiB", MAX_RECORD_BYTES / (1024 * 1024));
    io::Error::new(
        io::ErrorKind::InvalidData,
        t_args(
            "import-err-record-too-long",
            &[
                ("line", &line.to_string()),
                ("cap", &cap),
                ("cells", &MAX_RECORD_CELLS.to_string()),
            ],
        ),
    )
}

impl<R: Source> CsvRows<R> {
    /// Records of UTF-8 text from `source`, cells split at `delimiter`.
    pub fn new(source: R, delimiter: u8) -> CsvRows<R> {
        CsvRows {
            source,
            base: 0,
            core: ReaderBuilder::new().delimiter(delimiter).build(),
            input: vec![0; INPUT_SIZE].into_boxed_slice(),
            in_start: 0,
            in_end: 0,
            eof: false,
            done: false,
            fields: vec![0; 4 * 1024],
            ends: vec![0; 64],
            newlines: 0,
            after_cr: false,
            delimiter,
            started: false,
        }
    }

    fn fill(&mut self) -> io::Result<()> {
        if self.in_start < self.in_end || self.eof {
            return Ok(());
        }
        let n = loop {
            match self.source.read(&mut self.input) {
                Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
                other => break other?,
            }
        };
        self.base += self.in_end as u64;
        self.in_start = 0;
        self.in_end = n;
        self.eof = n == 0;
        Ok(())
    }

    /// Reads the next record into `row`; false at the end of the file.
    pub fn read_into(&mut self, row: &mut Row) -> io::Result<bool> {
        if self.done {
            return Ok(false);
        }
        let read = if self.started && self.read_plain_line(row)? {
            true
        } else {
            self.started = true;
            self.read_with_core(row)?
        };
        if read {
            row.bad_byte = self
                .source
                .unreadable_before(self.base + self.in_start as u64);
        }
        Ok(read)
    }

    /// Reads the next record when it is a whole line in the buffer without
    /// quotes or lone carriage returns; false (nothing used but line
    /// breaks) when csv-core has to read it.
    fn read_plain_line(&mut self, row: &mut Row) -> io::Result<bool> {
        loop {
            self.fill()?;
            let input = &self.input[self.in_start..self.in_end];
            let Some(first) = input.iter().position(|&b| b != b'\n' && b != b'\r') else {
                // Only line breaks (blank lines): used up, as csv-core would.
                self.newlines += count_breaks(input, &mut self.after_cr);
                self.in_start = self.in_end;
                if self.eof {
                    return Ok(false);
                }
                continue;
            };
            let Some(length) = memchr::memchr(b'\n', &input[first..]) else {
                return Ok(false);
            };
            let line = &input[first..first + length];
            let cells = line.strip_suffix(b"\r").unwrap_or(line);
            if memchr::memchr2(b'"', b'\r', cells).is_some() {
                return Ok(false);
            }
            let text = std::str::from_utf8(cells)
                .map_err(|e| io::Error::new(io::ErrorKind::InvalidData, e))?;
            self.newlines += count_breaks(&input[..first], &mut self.after_cr);
            row.set_split(self.newlines + 1, text, self.delimiter);
            // The line's own break (`\n` or `\r\n`).
            self.newlines += 1;
            self.after_cr = false;
            self.in_start += first + length + 1;
            return Ok(true);
        }
    }

    fn read_with_core(&mut self, row: &mut Row) -> io::Result<bool> {
        let (mut out_len, mut ends_len) = (0, 0);
        // The line of the record's first byte that is not a line break.
        let mut line = None;
        // Quote characters in the record: an odd number at the end of the
        // file means a quoted cell was never closed.
        let mut quotes = 0usize;
        loop {
            self.fill()?;
            let input = &self.input[self.in_start..self.in_end];
            let (result, used, written, ended) = self.core.read_record(
                input,
                &mut self.fields[out_len..],
                &mut self.ends[ends_len..],
            );
            let mut used_bytes = &input[..used];
            if line.is_none()
                && let Some(first) = used_bytes.iter().position(|&b| b != b'\n' && b != b'\r')
            {
                self.newlines += count_breaks(&used_bytes[..first], &mut self.after_cr);
                line = Some(self.newlines + 1);
                used_bytes = &used_bytes[first..];
            }
            self.newlines += count_breaks(used_bytes, &mut self.after_cr);
            quotes += memchr::memchr_iter(b'"', used_bytes).count();
            let at_file_end = input.is_empty();
            self.in_start += used;
            out_len += written;
            ends_len += ended;
            match result {
                ReadRecordResult::InputEmpty => {}
                ReadRecordResult::OutputFull => {
                    let grown = self.fields.len() * 2;
                    if grown > MAX_RECORD_BYTES {
                        return Err(too_long(line.unwrap_or(self.newlines + 1)));
                    }
                    self.fields.resize(grown, 0);
                }
                ReadRecordResult::OutputEndsFull => {
                    let grown = self.ends.len() * 2;
                    if grown > MAX_RECORD_CELLS {
                        return Err(too_long(line.unwrap_or(self.newlines + 1)));
                    }
                    self.ends.resize(grown, 0);
                }
                ReadRecordResult::Record => {
                    let text = std::str::from_utf8(&self.fields[..out_len])
                        .map_err(|e| io::Error::new(io::ErrorKind::InvalidData, e))?;
                    row.set(
                        line.unwrap_or(self.newlines + 1),
                        text,
                        &self.ends[..ends_len],
                    );
                    // Only the file's end (an empty input) ends a record
                    // without a line break.
                    row.end = match (at_file_end, quotes % 2 == 1) {
                        (false, _) => RecordEnd::Line,
                        (true, false) => RecordEnd::FileEnd,
                        (true, true) => RecordEnd::OpenQuote,
                    };
                    return Ok(true);
                }
                ReadRecordResult::End => {
                    self.done = true;
                    return Ok(false);
                }
            }
        }
    }
}

#[cfg(test)]
#[path = "csv_rows_tests.rs"]
mod tests;
