//! `regulars import FILE...`: reads till exports into the database, one
//! transaction per file, with a progress bar on a terminal and one JSON
//! object per file (one per line) with `--json`, a file that failed
//! included (with its `error` and a `code` that does not change with the
//! language). Without files it imports the inbox folder's new files.
//! Ctrl-C stops the file being read and stores nothing of it.

use std::io::IsTerminal;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};

use clap::Args;
use indicatif::{ProgressBar, ProgressStyle};
use serde_json::json;

use super::{Ctx, JsonFlag, stdout};
use crate::error::{Error, Result};
use crate::i18n::{t_args, t_count};
use crate::import::formats::Format;
use crate::import::mapping::ColumnMap;
use crate::import::refusal::REASONS_SHOWN;
use crate::import::sink::{Control, Progress};
use crate::import::{Again, Report};
use crate::message::Message;
use crate::ops;
use crate::ops::import::Overrides;

#[derive(Debug, Args)]
pub struct ImportArgs {
    /// Till export files (CSV or xlsx); none: the inbox folder's new files.
    #[arg(value_name = "FILE")]
    files: Vec<PathBuf>,
    /// Read as this format instead of recognising it.
    #[arg(long, value_name = "FORMAT", value_parser = parse_format)]
    format: Option<Format>,
    /// Country for national phone numbers and date order (default: the shop's).
    #[arg(long, value_name = "CC")]
    country: Option<String>,
    /// Text encoding of a CSV instead of guessing it (e.g. windows-1252).
    #[arg(long, value_name = "ENCODING")]
    encoding: Option<String>,
    /// Read and report, store nothing.
    #[arg(long)]
    dry_run: bool,
    /// Store a file even when more than half of its rows were rejected.
    #[arg(long)]
    accept_rejects: bool,
    /// The file's currency (e.g. DKK) when it is not the shop's: its amounts
    /// are stored as they are.
    #[arg(long, value_name = "CODE")]
    currency: Option<String>,
    /// Read a file imported before again (with --country or --format): its
    /// receipts without a member are matched; nothing else changes.
    #[arg(long)]
    again: bool,
    /// Which column is what in a file no format reads:
    /// receipt=COL,time=COL,total=COL[,item=,qty=,amount=,kind=,phone=,email=,card=];
    /// kept for the next file with the same header.
    #[arg(long, value_name = "ROLE=COLUMN,...")]
    map: Option<String>,
    #[command(flatten)]
    json: JsonFlag,
}

fn parse_format(name: &str) -> std::result::Result<Format, String> {
    Format::from_name(name).ok_or_else(|| {
        let names: Vec<&str> = Format::ALL.iter().map(|f| f.name()).collect();
        t_args(
            "import-err-format-name",
            &[("value", name), ("names", &names.join(", "))],
        )
    })
}

/// The flags that change what the shop's settings would choose.
fn overrides(args: &ImportArgs) -> Overrides {
    Overrides {
        format: args.format,
        country: args.country.clone(),
        encoding: args.encoding.clone(),
        dry_run: args.dry_run,
    }
}

/// A bar on stderr when it is a terminal; nothing otherwise (scripts, pipes).
fn progress_bar(path: &Path) -> ProgressBar {
    if !std::io::stderr().is_terminal() {
        return ProgressBar::hidden();
    }
    let bar = ProgressBar::new(0);
    if let Ok(style) = ProgressStyle::with_template("{msg} [{bar:40}] {pos}/{len}") {
        bar.set_style(style.progress_chars("=> "));
    }
    bar.set_message(
        path.file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default(),
    );
    bar
}

/// Raised by Ctrl-C: the file being imported is rolled back and no
/// further file is started.
static CANCEL: AtomicBool = AtomicBool::new(false);

/// Lets Ctrl-C cancel cleanly. A second Ctrl-C quits at once; SQLite
/// still rolls the unfinished transaction back.
fn cancel_on_ctrl_c() {
    let installed = ctrlc::set_handler(|| {
        if CANCEL.swap(true, Ordering::SeqCst) {
            std::process::exit(130);
        }
        eprintln!("{}", t_args("import-stopping", &[]));
    });
    // Without a handler Ctrl-C ends the process; the database is still
    // left as it was, only without the clear message.
    drop(installed);
}

/// The files in the inbox that were not imported yet, by name; says so
/// when there are none.
fn new_inbox_files(ctx: &Ctx) -> Result<Vec<PathBuf>> {
    let (dir, new) = ops::import::new_inbox_files(ctx)?;
    if new.is_empty() {
        eprintln!(
            "{}",
            t_args(
                "import-inbox-nothing",
                &[("dir", &dir.display().to_string())]
            )
        );
    }
    Ok(new)
}

pub fn run_import(ctx: &mut Ctx, args: ImportArgs) -> Result<()> {
    let opts = ops::import::options(ctx, &overrides(&args))?;
    let confirmed =
        ops::import::confirmed(args.accept_rejects, args.currency.as_deref(), args.again)?;
    let map = args.map.as_deref().map(ColumnMap::parse).transpose()?;
    let files = if args.files.is_empty() {
        new_inbox_files(ctx)?
    } else {
        args.files.clone()
    };
    cancel_on_ctrl_c();
    let mut failures = Vec::new();
    for path in &files {
        let bar = progress_bar(path);
        let cancel = &CANCEL;
        let mut on_progress = |p: Progress| {
            bar.set_length(p.rows_total);
            bar.set_position(p.rows_done);
        };
        let control = Control {
            progress: &mut on_progress,
            cancel,
        };
        let now = ctx.clock.now();
        let result = ops::import::import_file_mapped(
            &mut ctx.conn,
            path,
            &opts,
            now,
            control,
            confirmed,
            map.clone(),
        );
        bar.finish_and_clear();
        let failed = match result {
            Ok(report) => {
                if args.json.json {
                    stdout::print_line(report_json(&report, opts.dry_run))?;
                } else {
                    stdout::print(&report_text(&report, opts.dry_run))?;
                }
                report
                    .refused
                    .map(|r| r.error(&report.path, &report.counts))
            }
            Err(_) if CANCEL.load(Ordering::SeqCst) => {
                let file = path.display().to_string();
                return Err(Error::user("import-cancelled-file", &[("file", &file)]));
            }
            Err(e) if args.json.json => {
                stdout::print_line(failed_json(path, &e))?;
                Some(e)
            }
            Err(e) => Some(with_map_hint(e, path)),
        };
        match failed {
            Some(e) if files.len() == 1 => return Err(e),
            Some(e) => {
                eprintln!("regulars: {e}");
                failures.push(path.display().to_string());
            }
            None => {}
        }
    }
    if !opts.dry_run {
        ops::import::after_import(ctx)?;
    }
    if failures.is_empty() {
        Ok(())
    } else {
        Err(Error::user(
            "import-err-some-failed",
            &[("files", &failures.join(", "))],
        ))
    }
}

/// A file no format reads can still be imported by naming its columns:
/// the import screen opens its mapping step for it, and the command line
/// says how after its error.
fn with_map_hint(e: Error, path: &Path) -> Error {
    match e {
        Error::User(m) if ops::import::mapping_may_mend(&m) => {
            let path = path.display().to_string();
            let hint = Message::new("import-hint-map-cli", &[("path", &path)]);
            Error::User(Message::joined(m, hint))
        }
        e => e,
    }
}

/// The code scripts get for a failed file: decided by the message key,
/// so it stays the same in every language.
pub fn error_code(e: &Error) -> String {
    let code = match e {
        Error::Io { .. } => "cannot-read-file",
        Error::Db(_) => "database",
        _ => match e.key() {
            Some("import-err-unknown-format") => "not-a-till-export",
            Some("import-err-not-format") => "not-this-format",
            Some("import-err-near-miss") => "columns-missing",
            Some("import-refused-all") => "all-rows-rejected",
            Some("import-refused-most") => "most-rows-rejected",
            Some(key) => {
                let short = key.strip_prefix("import-err-");
                return short.or(key.strip_prefix("err-")).unwrap_or(key).into();
            }
            None => "error",
        },
    };
    code.into()
}

/// The JSON object of a file that could not be imported.
fn failed_json(path: &Path, e: &Error) -> serde_json::Value {
    json!({
        "path": path.display().to_string(),
        "error": e.to_string(),
        "code": error_code(e),
    })
}

pub fn report_json(r: &Report, dry_run: bool) -> serde_json::Value {
    let errors: Vec<_> = r
        .errors
        .iter()
        .map(|e| json!({"line": e.line, "reason": e.reason.to_string(), "code": e.reason.code()}))
        .collect();
    let mut value = json!({
        "path": r.path,
        "format": r.format,
        "rows": r.counts.rows,
        "receipts_new": r.counts.receipts_new,
        "receipts_duplicate": r.counts.receipts_duplicate,
        "receipts_completed": r.counts.receipts_completed,
        "customers_unmatched": r.counts.customers_unmatched,
        "refunds": r.counts.refunds,
        "rows_rejected": r.counts.rows_rejected,
        "errors": errors,
        "already_imported": r.already_imported,
        "dry_run": dry_run,
        "notes": r.notes,
        "again": r.again.is_some(),
    });
    if let Some(again) = r.again {
        value["receipts_matched"] = json!(again.receipts_matched);
        value["receipts_unmatched"] = json!(again.receipts_unmatched);
    }
    if let Some(refusal) = r.refused {
        let e = refusal.error(&r.path, &r.counts);
        value["error"] = json!(e.to_string());
        value["code"] = json!(error_code(&e));
    }
    value
}

fn report_text(r: &Report, dry_run: bool) -> String {
    let c = &r.counts;
    let mut out = match r.again {
        Some(again) => again_text(r, again),
        None => done_text(r),
    };
    out.push('\n');
    if c.customers_unmatched > 0 {
        let unmatched = t_count(
            "import-customers-unmatched",
            "count",
            c.customers_unmatched as i64,
        );
        out.push_str(&format!("  {unmatched}\n"));
    }
    for note in &r.notes {
        out.push_str(&format!("  {note}\n"));
    }
    // A refused file shows the first few reasons; the refusal itself
    // follows on stderr.
    let shown = if r.refused.is_some() {
        REASONS_SHOWN
    } else {
        r.errors.len()
    };
    for e in r.errors.iter().take(shown) {
        let line = t_args(
            "import-rejected-line",
            &[
                ("line", &e.line.to_string()),
                ("reason", &e.reason.to_string()),
            ],
        );
        out.push_str(&format!("  {line}\n"));
    }
    let unlisted = c
        .rows_rejected
        .saturating_sub(shown.min(r.errors.len()) as u64);
    if unlisted > 0 {
        let more = t_args("import-more-rejected", &[("count", &unlisted.to_string())]);
        out.push_str(&format!("  {more}\n"));
    }
    if dry_run {
        out.push_str(&format!("  {}\n", t_args("import-dry-run", &[])));
    }
    out
}

/// The first line of a text report: what was read and stored.
fn done_text(r: &Report) -> String {
    let c = &r.counts;
    t_args(
        "import-done",
        &[
            ("file", &r.path),
            ("format", &r.format),
            ("rows", &c.rows.to_string()),
            ("new", &c.receipts_new.to_string()),
            ("refunds", &c.refunds.to_string()),
            ("duplicates", &c.receipts_duplicate.to_string()),
            ("rejected", &c.rows_rejected.to_string()),
        ],
    )
}

/// What reading a file again did: how many receipts found their member.
fn again_text(r: &Report, again: Again) -> String {
    t_args(
        "import-again-done",
        &[
            ("file", &r.path),
            ("format", &r.format),
            ("matched", &again.receipts_matched.to_string()),
            ("unmatched", &again.receipts_unmatched.to_string()),
            ("rejected", &r.counts.rows_rejected.to_string()),
        ],
    )
}
