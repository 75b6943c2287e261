//! Importing the till's exports: every format becomes canonical receipts
//! (`formats/`), which the sink stores once each and matches to members.
//!
//! A file is read twice, a record at a time (see `passes`): first to count
//! its rows (for progress) and to learn from its own dates whether it writes
//! day or month first, while its checksum is taken beside; then to store it,
//! in one transaction, reading and writing on two threads (see `pipeline`).
//! Memory stays the same for a file of any length, spreadsheets too (`sheet`).

mod again;
mod assemble;
mod csv_rows;
pub mod currency;
pub mod detect;
pub mod first_rows;
pub mod formats;
pub mod inbox;
pub mod mapping;
pub mod near_miss;
pub mod parse;
mod passes;
mod pipeline;
pub mod receipt;
pub mod refusal;
mod remembered;
mod sheet;
pub mod sink;
pub mod table;
mod text;

use std::io::Read;
use std::path::Path;
use std::sync::atomic::{AtomicBool, Ordering};

use chrono::{NaiveDate, NaiveDateTime};
use encoding_rs::Encoding;
use rusqlite::Connection;
use sha2::{Digest, Sha256};

pub use self::again::Again;
pub use self::passes::{load, survey, survey_until, survey_with};

use self::detect::{Detected, Maps};
use self::formats::{Format, ReadCtx};
use self::mapping::ColumnMap;
use self::receipt::Rejected;
use self::refusal::Refusal;
use self::sink::{Control, Sink};
use self::table::Input;
use crate::db::receipts::{self as store, ImportCounts, ImportRecord};
use crate::db::{column_maps, with_bulk_settings};
use crate::domain::member::country_id;
use crate::domain::money::Currency;
use crate::error::{Error, Result};
use crate::i18n::{current_locale, t_args, t_count};

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
    /// The most one receipt may come to, in whole units of the currency
    /// (`[import] max_receipt`); rows above it are rejected.
    pub max_receipt: u64,
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
    /// Rows in another currency than the shop's.
    pub currencies: currency::CurrencyWatch,
}

/// The result of importing one file (`import --json` prints it).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Report {
    pub path: String,
    pub format: String,
    pub counts: ImportCounts,
    pub errors: Vec<Rejected>,
    pub notes: Vec<String>,
    /// A file with the same content was imported before: nothing was stored.
    pub already_imported: bool,
    /// Too many rows were rejected: nothing was stored, the file is not
    /// recorded as imported.
    pub refused: Option<Refusal>,
    /// The file was read again (see [`Confirmed::again`]): what that did.
    pub again: Option<Again>,
}

/// What the owner said yes to for one import, beyond the shop's settings.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Confirmed {
    /// Store a file even when more than half of its rows were rejected.
    pub accept_rejects: bool,
    /// The file's currency, when it is not the shop's: its amounts are
    /// stored as they are.
    pub currency: Option<Currency>,
    /// A file imported before is read again: its receipts without a member
    /// are matched with the customers as now read (another country, another
    /// format); nothing else changes.
    pub again: bool,
}

impl Report {
    /// The refusal as one line saying what to try, when the file was
    /// refused; the file by its name (the screen shows it under its name).
    pub fn refusal_message(&self) -> Option<String> {
        let path = Path::new(&self.path);
        let name = path
            .file_name()
            .map_or_else(|| self.path.clone(), |n| n.to_string_lossy().into_owned());
        self.refused.map(|r| r.message(&name, &self.counts))
    }
}

/// SQLite's page cache while a file is stored: big enough for the pages
/// an import keeps coming back to (the ends of the tables, the index of
/// till ids that takes each new receipt at random), small enough that a
/// whole import, its closing sorts included, stays under 50 MB.
const IMPORT_CACHE_KIB: i64 = 10 * 1024;

fn cancelled() -> Error {
    Error::user("import-err-cancelled", &[])
}

/// The sha256 of the input's bytes; stops with an error when `cancel` is raised.
fn sha256_of(input: &Input, cancel: &AtomicBool) -> Result<String> {
    let mut reader = input.open()?;
    let mut hasher = Sha256::new();
    let mut buf = vec![0u8; 64 * 1024];
    loop {
        let n = reader.read(&mut buf).map_err(|e| input.io_error(e))?;
        if n == 0 {
            break;
        }
        if cancel.load(Ordering::Relaxed) {
            return Err(cancelled());
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
    sha256_of(&Input::File(path.to_path_buf()), &AtomicBool::new(false))
}

/// What the import log says about an earlier import of the same bytes.
fn already_imported(path: &Path, earlier: ImportRecord) -> Report {
    Report {
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
        refused: None,
        again: None,
    }
}

/// Whether the club holds any receipt yet.
fn club_has_receipts(conn: &Connection) -> Result<bool> {
    Ok(conn.query_row("SELECT EXISTS (SELECT 1 FROM receipts)", [], |r| r.get(0))?)
}

/// A file in another currency than the shop's, which the owner did not
/// accept: refused naming both, the file and the first row. A club without
/// receipts yet only hears about it: its currency is the one guessed on
/// first start until it has receipts to add the file's amounts to.
fn judge_currency(
    conn: &Connection,
    plan: &Plan,
    opts: &Options,
    file_name: &str,
    accepted: Option<Currency>,
) -> Result<Option<String>> {
    let Some(foreign) = plan.currencies.refused(accepted) else {
        return Ok(None);
    };
    let args = [
        ("file", file_name),
        ("line", &foreign.line.to_string()),
        ("currency", &foreign.currency),
        ("shop", opts.currency.code()),
    ];
    if club_has_receipts(conn)? {
        return Err(Error::user("import-err-currency", &args));
    }
    Ok(Some(t_args("import-note-currency", &args)))
}

/// Imports one file into the database: all of it in one transaction, or
/// nothing (an error, a cancel, `dry_run`, or too many rows rejected: see
/// [`Refusal`]).
///
/// The file's checksum is taken while a second thread counts the rows; a
/// file imported before is reported, not stored again. Storing runs as a
/// pipeline: one thread reads the rows into receipts, this one writes them
/// (see `pipeline`).
pub fn import_file(
    conn: &mut Connection,
    path: &Path,
    opts: &Options,
    now: NaiveDateTime,
    control: Control<'_>,
) -> Result<Report> {
    import_file_with(conn, path, opts, now, control, false)
}

/// [`import_file`]; with `accept_rejects` a file with more than half of its
/// rows rejected is stored too (the rows that could be read).
pub fn import_file_with(
    conn: &mut Connection,
    path: &Path,
    opts: &Options,
    now: NaiveDateTime,
    control: Control<'_>,
    accept_rejects: bool,
) -> Result<Report> {
    let confirmed = Confirmed {
        accept_rejects,
        ..Confirmed::default()
    };
    import_file_confirmed(conn, path, opts, now, control, confirmed)
}

/// [`import_file`] with what the owner confirmed: see [`Confirmed`].
pub fn import_file_confirmed(
    conn: &mut Connection,
    path: &Path,
    opts: &Options,
    now: NaiveDateTime,
    control: Control<'_>,
    confirmed: Confirmed,
) -> Result<Report> {
    import_file_mapped(conn, path, opts, now, control, confirmed, None)
}

/// [`import_file_confirmed`], the file read with `given` (which column is
/// what) when the owner said so, else with a map kept for its header when
/// no format knows it. A map read with is kept with the stored file.
pub fn import_file_mapped(
    conn: &mut Connection,
    path: &Path,
    opts: &Options,
    now: NaiveDateTime,
    control: Control<'_>,
    confirmed: Confirmed,
    given: Option<ColumnMap>,
) -> Result<Report> {
    let maps = Maps {
        given,
        // A kept map that no longer reads (kept by a later version) is
        // passed over rather than failing every import.
        kept: column_maps::kept(conn)?
            .into_iter()
            .filter_map(|(key, text)| Some((key, ColumnMap::parse(&text).ok()?)))
            .collect(),
    };
    let input = Input::File(path.to_path_buf());
    let file_name = path.file_name().map_or_else(
        || path.display().to_string(),
        |n| n.to_string_lossy().into_owned(),
    );
    let country = country_id(&opts.country)
        .ok_or_else(|| Error::user("import-err-country", &[("value", &opts.country)]))?;
    // The checksum is taken here while a second thread counts the rows (in
    // the caller's language: it words the file's notes and errors); a
    // file imported before stops the counting and is reported, not read.
    let (cancel, locale) = (control.cancel, current_locale());
    let stop_counting = AtomicBool::new(false);
    let (earlier, sha, plan) = std::thread::scope(|s| {
        let counting = s.spawn(|| {
            let stop = || cancel.load(Ordering::Relaxed) || stop_counting.load(Ordering::Relaxed);
            locale.scope(|| survey_with(&input, opts, &maps, &stop))
        });
        let sha = sha256_of(&input, cancel);
        let earlier = match &sha {
            Ok(sha) => store::import_by_sha(conn, sha),
            Err(_) => Ok(None),
        };
        if (!matches!(earlier, Ok(None)) && !confirmed.again) || sha.is_err() {
            stop_counting.store(true, Ordering::Relaxed);
        }
        let plan = counting
            .join()
            .unwrap_or_else(|panic| std::panic::resume_unwind(panic));
        (earlier, sha, plan)
    });
    let sha = sha?;
    if let Some(earlier) = earlier? {
        if !confirmed.again {
            return Ok(already_imported(path, earlier));
        }
        let plan = plan?;
        return again::read_again(
            conn,
            path,
            &input,
            plan,
            country,
            control,
            opts.dry_run,
            now,
        );
    }
    let plan = plan?;
    let currency_note = judge_currency(conn, &plan, opts, &file_name, confirmed.currency)?;
    let format = plan.detected.format;
    let (counts, errors, refused) = with_bulk_settings(conn, IMPORT_CACHE_KIB, |conn| {
        let tx = conn.transaction()?;
        let import_id = store::begin_import(&tx, &file_name, &sha, format.name(), now)?;
        let sink = Sink::new(
            &tx,
            import_id,
            format.source(),
            opts.currency,
            opts.max_receipt,
            plan.rows,
            control,
        )?;
        let (counts, mut errors) = pipeline::run(&input, &plan, country, sink)?;
        store::finish_import(&tx, import_id, &counts)?;
        let refused = Refusal::judge(&counts, confirmed.accept_rejects);
        if let Some((key, map)) = &plan.detected.mapped {
            // Rows are read under the plain CSV's names: say the file's own.
            for e in &mut errors {
                e.reason = map.as_written(e.reason.clone());
            }
            column_maps::keep(&tx, key, &map.text(), now)?;
        }
        if opts.dry_run || refused.is_some() {
            tx.rollback()?;
        } else {
            tx.commit()?;
        }
        Ok((counts, errors, refused))
    })?;
    let mut notes = plan.notes;
    notes.extend(currency_note);
    if counts.receipts_completed > 0 {
        let n = i64::try_from(counts.receipts_completed).unwrap_or(i64::MAX);
        notes.push(t_count("import-note-completed", "count", n));
    }
    Ok(Report {
        path: path.display().to_string(),
        format: format.name().to_string(),
        counts,
        errors,
        notes,
        already_imported: false,
        refused,
        again: None,
    })
}

#[cfg(test)]
mod variants_tests;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_checksum_stops_when_cancelled() {
        let input = Input::Bytes(vec![b'x'; 200_000].into());
        let sha = sha256_of(&input, &AtomicBool::new(false)).unwrap();
        assert_eq!(sha.len(), 64);
        let err = sha256_of(&input, &AtomicBool::new(true)).unwrap_err();
        assert_eq!(err.to_string(), cancelled().to_string());
    }
}
