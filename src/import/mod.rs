//! Importing the till's exports: every format becomes canonical receipts
//! (`formats/`), which the sink stores once each and matches to members.
//!
//! A file is read twice, a record at a time: first to count its rows (for
//! progress) and to learn from its own dates whether it writes day or month
//! first; then to store it, in one transaction. Memory stays the same for a
//! file of any length (spreadsheets excepted, which calamine reads whole).

mod assemble;
pub mod detect;
pub mod formats;
pub mod inbox;
pub mod parse;
pub mod receipt;
pub mod sink;
pub mod table;
mod text;

use std::io::Read;
use std::path::Path;

use chrono::{NaiveDate, NaiveDateTime};
use encoding_rs::Encoding;
use rusqlite::Connection;
use sha2::{Digest, Sha256};

use self::assemble::Assembler;
use self::detect::{Detected, detect};
use self::formats::{Format, ReadCtx};
use self::parse::{DateRules, DateVotes, locale_order};
use self::receipt::{Loader, Rejected};
use self::sink::{Control, Sink};
use self::table::{Input, Row, rows};
use crate::db::receipts::{self as store, ImportCounts};
use crate::domain::member::country_id;
use crate::domain::money::Currency;
use crate::error::{Error, Result};
use crate::i18n::t_args;

/// What the shop and the command line tell an import.
#[derive(Debug, Clone)]
pub struct Options {
    /// Read as this format instead of recognising it.
    pub format: Option<Format>,
    /// Read in this encoding instead of guessing it.
    pub encoding: Option<&'static Encoding>,
    /// Two-letter country: national phone numbers, date order, code pages.
    pub country: String,
    /// The shop's currency, for files that do not name theirs.
    pub currency: Currency,
    pub today: NaiveDate,
    /// Read and count everything, store nothing.
    pub dry_run: bool,
}

/// What was learned about a file before storing anything.
#[derive(Debug, Clone)]
pub struct Plan {
    pub detected: Detected,
    pub rows: u64,
    pub ctx: ReadCtx,
    /// Things the owner should know (a guessed date order).
    pub notes: Vec<String>,
}

/// The result of importing one file (`import --json` prints it).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Report {
    pub path: String,
    pub format: String,
    pub counts: ImportCounts,
    pub errors: Vec<Rejected>,
    pub notes: Vec<String>,
    /// A file with the same content was imported before: nothing was read.
    pub already_imported: bool,
}

/// The data rows under the header, without blank ones.
fn data_rows<'a>(
    input: &'a Input,
    detected: &Detected,
) -> Result<impl Iterator<Item = Result<Row>> + 'a> {
    Ok(rows(input, detected.shape)?
        .skip(detected.header_index + 1)
        .filter(|r| !r.as_ref().is_ok_and(Row::is_empty)))
}

/// Recognises the file and reads it once to count rows and decide its date order.
pub fn survey(input: &Input, opts: &Options) -> Result<Plan> {
    let detected = detect(input, opts.format, opts.encoding, &opts.country)?;
    let date_columns = detected.format.reader(&detected.header).date_columns();
    let mut votes = DateVotes::default();
    let mut count = 0u64;
    for row in data_rows(input, &detected)? {
        let row = row?;
        count += 1;
        for &col in &date_columns {
            votes.observe(row.get(Some(col)));
        }
    }
    let decision = votes.decide(locale_order(&opts.country));
    let mut notes = Vec::new();
    if decision.guessed {
        let key = match decision.order {
            parse::DateOrder::DayFirst => "import-note-day-first",
            parse::DateOrder::MonthFirst => "import-note-month-first",
        };
        notes.push(t_args(key, &[("country", &opts.country)]));
    }
    let ctx = ReadCtx {
        header: detected.header.clone(),
        dates: DateRules {
            order: decision.order,
            today: opts.today,
            buddhist: votes.buddhist || opts.country.eq_ignore_ascii_case("TH"),
        },
        currency: opts.currency,
    };
    Ok(Plan {
        detected,
        rows: count,
        ctx,
        notes,
    })
}

/// Reads every data row of the file into `loader`, receipt by receipt.
pub fn load(input: &Input, plan: &Plan, loader: &mut dyn Loader) -> Result<()> {
    let mut format = plan.detected.format.reader(&plan.detected.header);
    let width = plan.detected.header.named_len();
    let mut assembler = Assembler::default();
    let mut parts = Vec::new();
    let mut count = 0u64;
    for row in data_rows(input, &plan.detected)? {
        let row = row?;
        count += 1;
        let read = if row.len() < width {
            Err(formats::RowError::new(
                "import-row-short",
                &[
                    ("found", &row.len().to_string()),
                    ("expected", &width.to_string()),
                ],
            ))
        } else {
            format.read(&row, &plan.ctx, &mut parts)
        };
        match read {
            Ok(()) => {
                for part in parts.drain(..) {
                    assembler.add(part, row.line, loader)?;
                }
            }
            Err(e) => {
                parts.clear();
                loader.reject(Rejected {
                    line: row.line,
                    reason: e.reason,
                });
                if let Some(id) = e.till_id {
                    assembler.drop_receipt(id, loader)?;
                }
            }
        }
        loader.rows_read(count)?;
    }
    format.finish(&mut parts);
    for part in parts {
        assembler.add(part, 0, loader)?;
    }
    assembler.flush(loader)
}

fn sha256_of(input: &Input) -> Result<String> {
    let mut reader = input.open()?;
    let mut hasher = Sha256::new();
    let mut buf = vec![0u8; 64 * 1024];
    loop {
        let n = reader.read(&mut buf).map_err(|e| input.io_error(e))?;
        if n == 0 {
            break;
        }
        hasher.update(&buf[..n]);
    }
    Ok(hasher
        .finalize()
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect())
}

/// The sha256 of a file's bytes, as the import log keeps it.
pub fn file_sha256(path: &Path) -> Result<String> {
    sha256_of(&Input::File(path.to_path_buf()))
}

/// Imports one file into the database: all of it in one transaction, or
/// nothing (an error, a cancel, or `dry_run`).
pub fn import_file(
    conn: &mut Connection,
    path: &Path,
    opts: &Options,
    now: NaiveDateTime,
    control: Control<'_>,
) -> Result<Report> {
    let input = Input::File(path.to_path_buf());
    let file_name = path.file_name().map_or_else(
        || path.display().to_string(),
        |n| n.to_string_lossy().into_owned(),
    );
    let sha = sha256_of(&input)?;
    if let Some(earlier) = store::import_by_sha(conn, &sha)? {
        return Ok(Report {
            path: path.display().to_string(),
            format: earlier.format,
            counts: ImportCounts {
                rows: earlier.counts.rows,
                receipts_duplicate: earlier.counts.receipts_new + earlier.counts.receipts_duplicate,
                ..ImportCounts::default()
            },
            notes: vec![t_args(
                "import-note-already",
                &[("file", &earlier.file_name), ("at", &earlier.at)],
            )],
            already_imported: true,
            errors: Vec::new(),
        });
    }
    let country = country_id(&opts.country)
        .ok_or_else(|| Error::user("import-err-country", &[("value", &opts.country)]))?;
    let plan = survey(&input, opts)?;
    let format = plan.detected.format;
    let tx = conn.transaction()?;
    let import_id = store::begin_import(&tx, &file_name, &sha, format.name(), now)?;
    let mut sink = Sink::new(&tx, import_id, format.source(), country, plan.rows, control);
    load(&input, &plan, &mut sink)?;
    let (counts, errors) = (sink.counts, std::mem::take(&mut sink.errors));
    store::finish_import(&tx, import_id, &counts)?;
    if opts.dry_run {
        tx.rollback()?;
    } else {
        tx.commit()?;
    }
    Ok(Report {
        path: path.display().to_string(),
        format: format.name().to_string(),
        counts,
        errors,
        notes: plan.notes,
        already_imported: false,
    })
}

#[cfg(test)]
mod variants_tests;
