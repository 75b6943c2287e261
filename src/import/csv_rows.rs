//! CSV records read with csv-core into buffers kept from one record to the
//! next: a file of a million rows costs no allocation per row. Lines are
//! counted on the bytes each record used, so a record knows the line it
//! starts on (as an editor shows it) even after quoted line breaks and
//! blank lines.
//!
//! Most lines of a large export have no quotes: such a line is split at
//! its delimiters directly (a few vectorised searches instead of a state
//! machine step per byte), with the same cells csv-core would give.

use std::io::{self, Read};

use csv_core::{ReadRecordResult, Reader, ReaderBuilder};

use super::table::Row;

const INPUT_SIZE: usize = 64 * 1024;

pub struct CsvRows<R> {
    source: R,
    core: Reader,
    input: Box<[u8]>,
    in_start: usize,
    in_end: usize,
    eof: bool,
    done: bool,
    fields: Vec<u8>,
    ends: Vec<usize>,
    /// `\n` bytes used by the records read so far.
    newlines: u64,
    delimiter: u8,
    /// csv-core has read the first record (it removes a byte-order mark
    /// there, so that record is always left to it).
    started: bool,
}

fn count_newlines(bytes: &[u8]) -> u64 {
    bytes.iter().filter(|&&b| b == b'\n').count() as u64
}

impl<R: Read> CsvRows<R> {
    /// Records of UTF-8 text from `source`, cells split at `delimiter`.
    pub fn new(source: R, delimiter: u8) -> CsvRows<R> {
        CsvRows {
            source,
            core: ReaderBuilder::new().delimiter(delimiter).build(),
            input: vec![0; INPUT_SIZE].into_boxed_slice(),
            in_start: 0,
            in_end: 0,
            eof: false,
            done: false,
            fields: vec![0; 4 * 1024],
            ends: vec![0; 64],
            newlines: 0,
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
        if self.started && self.read_plain_line(row)? {
            return Ok(true);
        }
        self.started = true;
        self.read_with_core(row)
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
                self.newlines += count_newlines(input);
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
            self.newlines += count_newlines(&input[..first]);
            row.set_split(self.newlines + 1, text, self.delimiter);
            self.newlines += 1;
            self.in_start += first + length + 1;
            return Ok(true);
        }
    }

    fn read_with_core(&mut self, row: &mut Row) -> io::Result<bool> {
        let (mut out_len, mut ends_len) = (0, 0);
        // The line of the record's first byte that is not a line break.
        let mut line = None;
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
                self.newlines += count_newlines(&used_bytes[..first]);
                line = Some(self.newlines + 1);
                used_bytes = &used_bytes[first..];
            }
            self.newlines += count_newlines(used_bytes);
            self.in_start += used;
            out_len += written;
            ends_len += ended;
            match result {
                ReadRecordResult::InputEmpty => {}
                ReadRecordResult::OutputFull => {
                    let grown = self.fields.len() * 2;
                    self.fields.resize(grown, 0);
                }
                ReadRecordResult::OutputEndsFull => {
                    let grown = self.ends.len() * 2;
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
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// Hands out at most `step` bytes per read, to cut records anywhere.
    struct Trickle<'a> {
        bytes: &'a [u8],
        step: usize,
    }

    impl Read for Trickle<'_> {
        fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
            let n = self.step.min(buf.len()).min(self.bytes.len());
            buf[..n].copy_from_slice(&self.bytes[..n]);
            self.bytes = &self.bytes[n..];
            Ok(n)
        }
    }

    fn read_all(text: &str, step: usize) -> Vec<(u64, Vec<String>)> {
        read_bytes(text.as_bytes(), step, b',', true)
    }

    /// Every record with its line; `plain` false reads with csv-core only.
    fn read_bytes(
        bytes: &[u8],
        step: usize,
        delimiter: u8,
        plain: bool,
    ) -> Vec<(u64, Vec<String>)> {
        let mut rows = CsvRows::new(Trickle { bytes, step }, delimiter);
        let mut row = Row::new(0, [""]);
        let mut out = Vec::new();
        loop {
            let read = if plain {
                rows.read_into(&mut row)
            } else {
                rows.read_with_core(&mut row)
            };
            if !read.unwrap() {
                return out;
            }
            out.push((row.line, row.cells().map(str::to_string).collect()));
        }
    }

    #[test]
    fn records_cut_across_reads_come_out_whole() {
        let long = "x".repeat(10_000);
        let text = format!("a,\"b\"\"c\",{long}\r\n\n\"multi\nline\",2\r\nlast,row");
        for step in [1, 2, 3, 7, 64, 100_000] {
            let got = read_all(&text, step);
            let want = vec![
                (1, vec!["a".to_string(), "b\"c".to_string(), long.clone()]),
                (3, vec!["multi\nline".to_string(), "2".to_string()]),
                (5, vec!["last".to_string(), "row".to_string()]),
            ];
            assert_eq!(got, want, "step {step}");
        }
    }

    #[test]
    fn plain_lines_and_quoted_ones_mix() {
        let text = "\u{feff}h1;h2\r\n\r\na;b;\r\n\"q;1\";2\n;\nx\ry;z\n\n\nlast;one";
        let want = read_bytes(text.as_bytes(), 100, b';', false);
        assert_eq!(
            want[0].1,
            vec!["h1", "h2"],
            "csv-core removes the byte-order mark"
        );
        assert_eq!(want[1], (3, vec!["a".into(), "b".into(), String::new()]));
        for step in [1, 4, 100] {
            assert_eq!(
                read_bytes(text.as_bytes(), step, b';', true),
                read_bytes(text.as_bytes(), step, b';', false),
                "step {step}"
            );
        }
    }

    proptest! {
        #[test]
        fn plain_lines_read_as_csv_core_reads_them(
            text in "[ab,;\"\r\n\u{e9}]{0,60}",
            step in 1usize..80,
        ) {
            for delimiter in [b',', b';'] {
                prop_assert_eq!(
                    read_bytes(text.as_bytes(), step, delimiter, true),
                    read_bytes(text.as_bytes(), step, delimiter, false)
                );
            }
        }
    }

    #[test]
    fn many_cells_and_an_empty_file() {
        let cells: Vec<String> = (0..500).map(|i| i.to_string()).collect();
        let got = read_all(&cells.join(","), 5);
        assert_eq!(got, vec![(1, cells)]);
        assert!(read_all("", 1).is_empty());
        assert!(read_all("\r\n\n", 1).is_empty());
    }
}
