//! Spreadsheets (xlsx, xls, ods) as rows of text: calamine reads the first
//! sheet whole; cells come out as the text a CSV export would hold.

use std::io::{self, Cursor};

use calamine::{Data, Reader};

use super::table::{Input, Row};
use crate::error::Result;

/// The first sheet of a workbook. Spreadsheets are read whole by calamine;
/// exports in this form are small (a CSV is what large exports come as).
pub fn sheet_rows(input: &Input) -> Result<Vec<Row>> {
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
