//! Spreadsheets (xlsx, xls, ods) as rows of text: the first sheet, its cells
//! as the text a CSV export would hold.
//!
//! A workbook is a zip archive, and a file of 1 MB can unpack to 1 GB, which
//! would be read into memory whole, even for a dry run. So the sizes the
//! archive declares (which the unpacking holds them to) are added up before
//! anything is unpacked, and a workbook above [`MAX_UNPACKED`] is refused.
//!
//! An xlsx sheet (what Zettle and most back offices write) is read a cell at
//! a time on a thread of its own and handed over a row at a time through a
//! short queue, so a year of a busy shop's sales is imported in the same
//! small memory as a CSV, and only rows that hold something become rows.
//! Other workbooks (xls, ods) are read whole: calamine has no streaming
//! reader for them, so their sheet is capped at [`MAX_CELLS`].

use std::collections::BTreeMap;
use std::io::{self, BufReader, Cursor, Read, Seek};
use std::sync::mpsc::{Receiver, SyncSender, sync_channel};

use calamine::{Data, DataRef, ExcelDateTime, Reader, Xlsx};

use super::detect::{printable, shown_path};
use super::table::{Input, Row};
use crate::error::{Error, Result};

/// The most a workbook may unpack to; till exports are a few megabytes.
const MAX_UNPACKED: u64 = 256 * 1024 * 1024;
/// The most cells the first sheet of an xls or ods workbook may span (rows
/// with something in them × the widest of them).
const MAX_CELLS: u64 = 20_000_000;
/// Rows read ahead of the import: enough to keep both threads busy.
const ROWS_AHEAD: usize = 256;

const MIB: u64 = 1024 * 1024;

/// The rows of a sheet, one per sheet row that holds something.
pub enum SheetRows {
    /// An xlsx sheet as it is unpacked; the reading thread stops when this
    /// is dropped (a dry run's preview reads only the first rows).
    Streamed(Receiver<Result<Row>>),
    /// Another kind of workbook, read whole.
    Held(std::vec::IntoIter<Row>),
}

impl Iterator for SheetRows {
    type Item = Result<Row>;

    fn next(&mut self) -> Option<Result<Row>> {
        match self {
            SheetRows::Streamed(rows) => rows.recv().ok(),
            SheetRows::Held(rows) => rows.next().map(Ok),
        }
    }
}

/// The first sheet of a workbook, one row per sheet row that holds something.
pub fn sheet_rows(input: &Input) -> Result<SheetRows> {
    match input {
        Input::File(path) => {
            let file = std::fs::File::open(path).map_err(|e| Error::io(path, e))?;
            workbook_rows(BufReader::new(file), input)
        }
        Input::Bytes(bytes) => workbook_rows(Cursor::new(bytes.clone()), input),
    }
}

fn workbook_rows<RS>(mut reader: RS, input: &Input) -> Result<SheetRows>
where
    RS: Read + Seek + Send + 'static,
{
    let bad = |e: &dyn std::fmt::Display| bad_sheet(input, e);
    let xlsx = match zip::ZipArchive::new(&mut reader) {
        Ok(mut zip) => {
            check_unpacked_size(&mut zip, input)?;
            zip.index_for_name("xl/workbook.xml").is_some()
        }
        // Not a zip (an old .xls): calamine says what it is.
        Err(_) => false,
    };
    reader.rewind().map_err(|e| input.io_error(e))?;
    if xlsx {
        // The shared strings and the sheet list are read here, so a broken
        // workbook is refused before the first row is asked for.
        let workbook = Xlsx::new(reader).map_err(|e| bad(&e))?;
        let (sender, rows) = sync_channel(ROWS_AHEAD);
        let input = input.clone();
        std::thread::spawn(move || stream_first_sheet(workbook, &input, &sender));
        return Ok(SheetRows::Streamed(rows));
    }
    // Calamine tries each kind of workbook on a copy of the reader: the
    // file is held in memory (its unpacked size was checked above).
    let mut bytes = Vec::new();
    reader
        .read_to_end(&mut bytes)
        .map_err(|e| input.io_error(e))?;
    let mut workbook =
        calamine::open_workbook_auto_from_rs(Cursor::new(bytes)).map_err(|e| bad(&e))?;
    let range = match workbook.worksheet_range_at(0) {
        Some(range) => range.map_err(|e| bad(&e))?,
        None => return Ok(SheetRows::Held(Vec::new().into_iter())),
    };
    let (first_row, first_col) = range.start().unwrap_or((0, 0));
    let mut rows: BTreeMap<u32, Vec<(u32, String)>> = BTreeMap::new();
    for (i, cells) in range.rows().enumerate() {
        let texts: Vec<(u32, String)> = (first_col..)
            .zip(cells.iter().map(data_text))
            .filter(|(_, text)| !text.is_empty())
            .collect();
        if !texts.is_empty() {
            rows.insert(first_row + i as u32, texts);
        }
    }
    Ok(SheetRows::Held(grid(rows, input)?.into_iter()))
}

fn bad_sheet(input: &Input, e: &dyn std::fmt::Display) -> Error {
    input.io_error(io::Error::other(printable(&e.to_string())))
}

/// Reads the first sheet of `workbook` cell by cell (the file stores them
/// row after row) and sends each row that holds something as soon as the
/// next one begins. Stops when the receiving side is gone.
fn stream_first_sheet<RS: Read + Seek>(
    mut workbook: Xlsx<RS>,
    input: &Input,
    rows: &SyncSender<Result<Row>>,
) {
    let Some(name) = workbook.sheet_names().first().cloned() else {
        return;
    };
    let mut cells = match workbook.worksheet_cells_reader(&name) {
        Ok(cells) => cells,
        Err(e) => {
            let _ = rows.send(Err(bad_sheet(input, &e)));
            return;
        }
    };
    let mut current: Option<(u32, Vec<(u32, String)>)> = None;
    loop {
        let cell = match cells.next_cell() {
            Ok(Some(cell)) => cell,
            Ok(None) => break,
            Err(e) => {
                let _ = rows.send(Err(bad_sheet(input, &e)));
                return;
            }
        };
        let text = data_ref_text(cell.get_value());
        if text.is_empty() {
            continue;
        }
        let (row, col) = cell.get_position();
        match &mut current {
            Some((at, cells)) if *at == row => cells.push((col, text)),
            _ => {
                if let Some((at, done)) = current.replace((row, vec![(col, text)]))
                    && rows.send(Ok(sheet_row(at, done, 0))).is_err()
                {
                    return;
                }
            }
        }
    }
    if let Some((at, done)) = current {
        let _ = rows.send(Ok(sheet_row(at, done, 0)));
    }
}

/// One sheet row (0-based) of cells by column, each in its column, at
/// least `width` cells wide.
fn sheet_row(row: u32, cells: Vec<(u32, String)>, width: usize) -> Row {
    let width = cells
        .iter()
        .map(|(col, _)| *col as usize + 1)
        .max()
        .unwrap_or(0)
        .max(width);
    let mut line = vec![String::new(); width];
    for (col, text) in cells {
        line[col as usize] = text;
    }
    Row::new(u64::from(row) + 1, line)
}

/// Refuses a workbook that would unpack to more than [`MAX_UNPACKED`].
fn check_unpacked_size<R: Read + Seek>(zip: &mut zip::ZipArchive<R>, input: &Input) -> Result<()> {
    let mut total = 0u64;
    for i in 0..zip.len() {
        let entry = zip
            .by_index_raw(i)
            .map_err(|e| input.io_error(io::Error::other(printable(&e.to_string()))))?;
        total = total.saturating_add(entry.size());
    }
    if total <= MAX_UNPACKED {
        return Ok(());
    }
    Err(Error::user(
        "import-err-sheet-unpacks",
        &[
            ("path", &shown_path(input)),
            ("size", &format!("{} MiB", total.div_ceil(MIB))),
            ("cap", &format!("{} MiB", MAX_UNPACKED / MIB)),
        ],
    ))
}

/// Rows (by sheet row, 0-based) of cells (by column) as rows of the same
/// width, each column where the sheet has it.
fn grid(rows: BTreeMap<u32, Vec<(u32, String)>>, input: &Input) -> Result<Vec<Row>> {
    let width = rows
        .values()
        .flat_map(|cells| cells.iter().map(|(col, _)| u64::from(*col) + 1))
        .max()
        .unwrap_or(0);
    let count = rows.len() as u64;
    if count.saturating_mul(width) > MAX_CELLS {
        return Err(Error::user(
            "import-err-sheet-cells",
            &[
                ("path", &shown_path(input)),
                ("rows", &count.to_string()),
                ("columns", &width.to_string()),
                ("cap", &MAX_CELLS.to_string()),
            ],
        ));
    }
    Ok(rows
        .into_iter()
        .map(|(row, cells)| sheet_row(row, cells, width as usize))
        .collect())
}

/// A cell read from an xlsx sheet as the text a CSV export would hold.
fn data_ref_text(cell: &DataRef<'_>) -> String {
    match cell {
        DataRef::String(s) | DataRef::DateTimeIso(s) | DataRef::DurationIso(s) => s.clone(),
        DataRef::SharedString(s) => (*s).to_string(),
        DataRef::Float(f) => float_text(*f),
        DataRef::Int(i) => i.to_string(),
        DataRef::Bool(b) => b.to_string(),
        DataRef::DateTime(d) => date_text(d),
        DataRef::Error(_) | DataRef::Empty => String::new(),
    }
}

/// A cell of another kind of workbook, the same way.
fn data_text(cell: &Data) -> String {
    match cell {
        Data::String(s) | Data::DateTimeIso(s) | Data::DurationIso(s) => s.clone(),
        Data::Float(f) => float_text(*f),
        Data::Int(i) => i.to_string(),
        Data::Bool(b) => b.to_string(),
        Data::DateTime(d) => date_text(d),
        Data::Error(_) | Data::Empty => String::new(),
    }
}

/// Shortest form that reads back to the same number: 53.2, not 53.200000000000003.
fn float_text(f: f64) -> String {
    format!("{f}")
}

/// A date cell as ISO text. Calamine holds days past 9999-12-31 to that
/// day; such a date is then refused as out of range, like every date
/// before 1900 or after 2200.
fn date_text(d: &ExcelDateTime) -> String {
    let (y, mo, da, h, mi, s, _) = d.to_ymd_hms_milli();
    let serial = d.as_f64();
    if (0.0..1.0).contains(&serial) {
        format!("{h:02}:{mi:02}:{s:02}")
    } else if serial.fract() == 0.0 {
        format!("{y:04}-{mo:02}-{da:02}")
    } else {
        format!("{y:04}-{mo:02}-{da:02} {h:02}:{mi:02}:{s:02}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sparse_rows_keep_their_columns_and_lines() {
        let mut rows = BTreeMap::new();
        rows.insert(0, vec![(0, "a".to_string())]);
        rows.insert(5, vec![(2, "c".to_string())]);
        let got = grid(rows, &Input::Bytes(Vec::new().into())).unwrap();
        assert_eq!(
            got,
            vec![Row::new(1, ["a", "", ""]), Row::new(6, ["", "", "c"])]
        );
    }

    #[test]
    fn a_grid_too_big_to_hold_is_refused() {
        let mut rows = BTreeMap::new();
        rows.insert(0, vec![(0, "a".to_string())]);
        rows.insert(1_048_575, vec![(16_383, "z".to_string())]);
        assert!(grid(rows.clone(), &Input::Bytes(Vec::new().into())).is_ok());
        for r in 1..1300 {
            rows.insert(r, vec![(0, "x".to_string())]);
        }
        let err = grid(rows, &Input::Bytes(Vec::new().into())).unwrap_err();
        assert!(err.to_string().contains("16384"), "{err}");
    }

    #[test]
    fn an_xlsx_sheet_streams_its_rows_in_order_with_their_lines() {
        let path = std::path::PathBuf::from(env!("CARGO_MANIFEST_DIR"))
            .join("tests/fixtures/tills/zettle.xlsx");
        let input = Input::File(path);
        let rows: Vec<Row> = match sheet_rows(&input).unwrap() {
            SheetRows::Streamed(rows) => rows.into_iter().map(|r| r.unwrap()).collect(),
            SheetRows::Held(_) => panic!("an xlsx sheet is streamed"),
        };
        let lines: Vec<u64> = rows.iter().map(|r| r.line).collect();
        // Empty sheet rows (3, 8, 10, 14, 16) are left out; the rest keep
        // the line a spreadsheet shows.
        assert_eq!(&lines[..6], &[1, 2, 4, 5, 6, 7]);
        assert!(lines.windows(2).all(|w| w[0] < w[1]), "{lines:?}");
        let header = rows.iter().find(|r| r.line == 17).unwrap();
        assert_eq!(header.cells().count(), 11);
        // Asking for a few rows only (a preview) ends the reading early.
        let first: Vec<Row> = sheet_rows(&input)
            .unwrap()
            .take(2)
            .map(|r| r.unwrap())
            .collect();
        assert_eq!(first.len(), 2);
    }
}
