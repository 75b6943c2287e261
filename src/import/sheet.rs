//! Spreadsheets (xlsx, xls, ods) as rows of text: the first sheet, its cells
//! as the text a CSV export would hold.
//!
//! A workbook is a zip archive, and a file of 1 MB can unpack to 1 GB, which
//! would be read into memory whole, even for a dry run. So the sizes the
//! archive declares (which the unpacking holds them to) are added up before
//! anything is unpacked, and a workbook above [`MAX_UNPACKED`] is refused.
//! An xlsx sheet is read a cell at a time, and only the rows that hold
//! something are kept: one cell in the sheet's last row and column would
//! otherwise make a grid of 17 billion empty cells.

use std::collections::BTreeMap;
use std::io::{self, BufReader, Cursor, Read, Seek};

use calamine::{Data, DataRef, ExcelDateTime, Reader, Xlsx};

use super::detect::{printable, shown_path};
use super::table::{Input, Row};
use crate::error::{Error, Result};

/// The most a workbook may unpack to; till exports are a few megabytes.
const MAX_UNPACKED: u64 = 256 * 1024 * 1024;
/// The most cells the first sheet may span (rows with something in them ×
/// the widest of them).
const MAX_CELLS: u64 = 20_000_000;

const MIB: u64 = 1024 * 1024;

/// The first sheet of a workbook, one row per sheet row that holds something.
pub fn sheet_rows(input: &Input) -> Result<Vec<Row>> {
    match input {
        Input::File(path) => {
            let file = std::fs::File::open(path).map_err(|e| Error::io(path, e))?;
            workbook_rows(BufReader::new(file), input)
        }
        Input::Bytes(bytes) => workbook_rows(Cursor::new(&bytes[..]), input),
    }
}

fn workbook_rows<RS: Read + Seek>(mut reader: RS, input: &Input) -> Result<Vec<Row>> {
    let bad =
        |e: &dyn std::fmt::Display| input.io_error(io::Error::other(printable(&e.to_string())));
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
        let mut workbook = Xlsx::new(reader).map_err(|e| bad(&e))?;
        let Some(name) = workbook.sheet_names().first().cloned() else {
            return Ok(Vec::new());
        };
        let mut cells = workbook
            .worksheet_cells_reader(&name)
            .map_err(|e| bad(&e))?;
        let mut rows: BTreeMap<u32, Vec<(u32, String)>> = BTreeMap::new();
        while let Some(cell) = cells.next_cell().map_err(|e| bad(&e))? {
            let text = data_ref_text(cell.get_value());
            if !text.is_empty() {
                let (row, col) = cell.get_position();
                rows.entry(row).or_default().push((col, text));
            }
        }
        return grid(rows, input);
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
        None => return Ok(Vec::new()),
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
    grid(rows, input)
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
        .map(|(row, cells)| {
            let mut line = vec![String::new(); width as usize];
            for (col, text) in cells {
                line[col as usize] = text;
            }
            Row::new(u64::from(row) + 1, line)
        })
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
}
