//! Importing till exports: the options an import runs with (built here
//! once for the counter and the command line), the import of one file,
//! what comes after it, and the inbox folder's files.
//!
//! An import is long work: the counter runs [`import_file`] on a worker
//! with its own connection from `db::open`, so it takes a connection and
//! not the context.

use crate::import::mapping::ColumnMap;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::Duration;

use chrono::NaiveDateTime;
use rusqlite::Connection;

use crate::context::Ctx;
use crate::db::{self, receipts};
use crate::domain::member::country_id;
use crate::domain::money::Currency;
use crate::error::{Error, Result, sqlite_busy};
use crate::import::first_rows::FirstRows;
use crate::import::formats::Format;
use crate::import::inbox::{self, Checksums, InboxFile};
use crate::import::sink::Control;
use crate::import::{Confirmed, Options, Report, import_file_confirmed};
use crate::message::Message;
use crate::ops::loyalty::{self, IfBusy};

/// What the person importing may choose instead of the shop's settings;
/// the default is the shop's settings throughout.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Overrides {
    /// Read as this format instead of recognising it.
    pub format: Option<Format>,
    /// Two-letter country for national phone numbers and the date order.
    pub country: Option<String>,
    /// The label of a text encoding (e.g. `windows-1252`) instead of guessing.
    pub encoding: Option<String>,
    /// Read and report, store nothing.
    pub dry_run: bool,
}

/// A connection of its own for an import on a worker thread, through the
/// one safe opening path.
pub fn worker_connection(db_path: &Path) -> Result<Connection> {
    db::open(db_path)
}

/// The options an import runs with: the shop's country, currency, largest
/// receipt and today, with the overrides given; an unknown country or
/// encoding is refused here, before any file is opened.
pub fn options(ctx: &Ctx, overrides: &Overrides) -> Result<Options> {
    let country = overrides
        .country
        .clone()
        .unwrap_or_else(|| ctx.config.shop.country.clone())
        .trim()
        .to_uppercase();
    if country_id(&country).is_none() {
        return Err(Error::user("import-err-country", &[("value", &country)]));
    }
    let encoding = match &overrides.encoding {
        Some(label) => Some(
            encoding_rs::Encoding::for_label(label.trim().as_bytes())
                .ok_or_else(|| Error::user("import-err-encoding", &[("value", label)]))?,
        ),
        None => None,
    };
    Ok(Options {
        format: overrides.format,
        encoding,
        country,
        currency: ctx.config.currency(),
        max_receipt: ctx.config.import.max_receipt,
        today: ctx.clock.today(),
        dry_run: overrides.dry_run,
    })
}

/// What the owner confirmed for an import: a file with most rows rejected
/// stored anyway, the file's currency (a code, checked here) taken as it
/// is, or a file imported before read again (see [`Confirmed`]).
pub fn confirmed(accept_rejects: bool, currency: Option<&str>, again: bool) -> Result<Confirmed> {
    let currency = match currency {
        Some(code) => Some(
            Currency::from_code(code)
                .ok_or_else(|| Error::user("import-err-currency-code", &[("value", code)]))?,
        ),
        None => None,
    };
    Ok(Confirmed {
        accept_rejects,
        currency,
        again,
    })
}

/// Imports one file in one transaction on `conn`: all of it or, when it
/// fails or is cancelled through `control`, nothing. What the owner
/// confirmed (`confirmed`) lets a file through that would be refused, or
/// reads a file imported before again.
pub fn import_file(
    conn: &mut Connection,
    file: &Path,
    opts: &Options,
    now: NaiveDateTime,
    control: Control<'_>,
    confirmed: Confirmed,
) -> Result<Report> {
    import_file_confirmed(conn, file, opts, now, control, confirmed)
}

/// [`import_file`], the file read with the column map the owner gave.
pub fn import_file_mapped(
    conn: &mut Connection,
    file: &Path,
    opts: &Options,
    now: NaiveDateTime,
    control: Control<'_>,
    confirmed: Confirmed,
    map: Option<ColumnMap>,
) -> Result<Report> {
    crate::import::import_file_mapped(conn, file, opts, now, control, confirmed, map)
}

/// Why an import stopped that saying which column is what can mend: the
/// file is no export the app knows, or nearly one. The import screen then
/// opens its mapping step; the command line says how to give `--map`.
pub fn mapping_may_mend(why: &Message) -> bool {
    matches!(
        why.key(),
        "import-err-unknown-format" | "import-err-near-miss"
    )
}

/// The header and first rows of a file no format reads, for the import
/// screen's mapping step (read with the country and encoding chosen);
/// None when no row names the three columns a receipt needs.
pub fn first_rows(ctx: &Ctx, file: &Path, overrides: &Overrides) -> Result<Option<FirstRows>> {
    let opts = options(ctx, overrides)?;
    FirstRows::read(file, opts.encoding, &opts.country)
}

/// The mapping kept for the header of `first`, if one is (what the
/// mapping step starts from when the owner maps a file again).
pub fn kept_map(ctx: &Ctx, first: &FirstRows) -> Result<Option<ColumnMap>> {
    let key = first.header_key();
    Ok(crate::db::column_maps::kept(&ctx.conn)?
        .into_iter()
        .find(|(k, _)| *k == key)
        .and_then(|(_, text)| ColumnMap::parse(&text).ok()))
}

/// How long one look at the write lock waits before the cancel flag is
/// looked at again.
const LOCK_TRY: Duration = Duration::from_millis(200);

/// Waits until no other program holds the database's write lock, so a
/// long import does not fail half-way for a short write elsewhere.
/// `on_waiting` hears `true` when there is something to wait for and
/// `false` once it is over; raising `cancel` ends the wait with the usual
/// cancel message.
pub fn wait_for_writers(
    conn: &Connection,
    cancel: &AtomicBool,
    on_waiting: &mut dyn FnMut(bool),
) -> Result<()> {
    conn.busy_timeout(LOCK_TRY)?;
    let mut waited = false;
    let free = loop {
        if cancel.load(Ordering::Relaxed) {
            break Err(Error::user("import-err-cancelled", &[]));
        }
        // Taking the write lock and letting it go at once is how SQLite
        // tells whether another connection holds it.
        match conn.execute_batch("BEGIN IMMEDIATE; ROLLBACK;") {
            Ok(()) => break Ok(()),
            Err(e) if sqlite_busy(&e) => {
                if !waited {
                    waited = true;
                    on_waiting(true);
                }
            }
            Err(e) => break Err(e.into()),
        }
    };
    conn.busy_timeout(db::BUSY_WAIT)?;
    if waited && free.is_ok() {
        on_waiting(false);
    }
    free
}

/// After the files of one run: the receipts that found a member earn
/// their points now, so what is shown next is up to date.
pub fn after_import(ctx: &Ctx) -> Result<()> {
    loyalty::settled(ctx, IfBusy::Wait).map(|_| ())
}

/// The inbox folder's files, the folder made on first use; each says
/// whether the same content was imported before. `sums` keeps the
/// checksums of files already read, so a rescan reads only what changed.
pub fn inbox_files(ctx: &Ctx, sums: &mut Checksums) -> Result<Vec<InboxFile>> {
    let dir = ctx
        .config
        .inbox()
        .ok_or_else(|| Error::user("err-no-data-dir", &[]))?;
    inbox::ensure(&dir)?;
    inbox::scan(&ctx.conn, &dir, sums)
}

/// The inbox folder's files not imported yet.
pub fn new_inbox_files(ctx: &Ctx) -> Result<(PathBuf, Vec<PathBuf>)> {
    let files = inbox_files(ctx, &mut Checksums::default())?;
    let new = files
        .into_iter()
        .filter(|f| f.imported.is_none())
        .map(|f| f.path)
        .collect();
    let dir = ctx.config.inbox().unwrap_or_default();
    Ok((dir, new))
}

/// How many till customers have no member yet, up to `limit` + 1 (so a
/// hint can say "more than"); read after an import.
pub fn unmatched_count(conn: &Connection, limit: usize) -> Result<usize> {
    Ok(receipts::unmatched_customers(conn, limit + 1)?.len())
}

#[cfg(test)]
#[path = "import_tests.rs"]
mod tests;
