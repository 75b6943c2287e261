//! Records as csv-core reads them and as the quick path for plain lines
//! reads them, cut across reads anywhere: the same cells, lines and ends.

use super::*;
use proptest::prelude::*;
use std::io::Read;

/// Hands out at most `step` bytes per read, to cut records anywhere.
struct Trickle<'a> {
    bytes: &'a [u8],
    step: usize,
}

impl Source for Trickle<'_> {}

impl Source for &[u8] {}

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
fn read_bytes(bytes: &[u8], step: usize, delimiter: u8, plain: bool) -> Vec<(u64, Vec<String>)> {
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
fn bare_carriage_returns_end_lines() {
    let text = "a,b\rc,d\r\re,f\r\ng\n\"x\ry\",1\rz,2";
    for step in [1, 2, 3, 100] {
        let lines: Vec<u64> = read_all(text, step).iter().map(|r| r.0).collect();
        assert_eq!(lines, vec![1, 2, 4, 5, 6, 8], "step {step}");
    }
}

/// How each record of `text` ended.
fn ends(text: &str) -> Vec<RecordEnd> {
    let mut rows = CsvRows::new(text.as_bytes(), b',');
    let mut row = Row::new(0, [""]);
    let mut out = Vec::new();
    while rows.read_into(&mut row).unwrap() {
        out.push(row.end);
    }
    out
}

#[test]
fn a_record_knows_whether_the_file_ended_in_it() {
    use RecordEnd::{FileEnd, Line, OpenQuote};
    assert_eq!(ends("a,b\nc,d\n"), vec![Line, Line]);
    assert_eq!(ends("a,b\r\nc,d"), vec![Line, FileEnd]);
    assert_eq!(ends("a,b\rc,d\r"), vec![Line, Line]);
    assert_eq!(ends("a,b\nc,\"d\ne"), vec![Line, OpenQuote]);
    assert_eq!(ends("a,b\nc,\"d\"\"e\""), vec![Line, FileEnd]);
}

#[test]
fn a_record_knows_where_its_bad_byte_was() {
    let bytes = b"h1,h2\nR\xff1,2\nok,3\nx,\"\xfe\n\"\n";
    let source = crate::import::text::DecodingReader::new(&bytes[..], encoding_rs::UTF_8);
    let mut rows = CsvRows::new(source, b',');
    let mut row = Row::new(0, [""]);
    let mut found = Vec::new();
    while rows.read_into(&mut row).unwrap() {
        found.push((row.line, row.bad_byte));
    }
    assert_eq!(
        found,
        vec![(1, None), (2, Some(7)), (3, None), (4, Some(20))]
    );
}

#[test]
fn a_record_of_a_million_cells_stops_the_reading() {
    let text = format!("a,b\n{}\n", ",".repeat(MAX_RECORD_CELLS + 1));
    let mut rows = CsvRows::new(text.as_bytes(), b',');
    let mut row = Row::new(0, [""]);
    assert!(rows.read_into(&mut row).unwrap());
    let err = rows.read_into(&mut row).unwrap_err().to_string();
    assert!(err.contains('2'), "{err}");
}

#[test]
fn many_cells_and_an_empty_file() {
    let cells: Vec<String> = (0..500).map(|i| i.to_string()).collect();
    let got = read_all(&cells.join(","), 5);
    assert_eq!(got, vec![(1, cells)]);
    assert!(read_all("", 1).is_empty());
    assert!(read_all("\r\n\n", 1).is_empty());
}
