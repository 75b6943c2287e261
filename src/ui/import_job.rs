//! An import running behind the screen, as a [`Job`]: a worker thread with
//! its own database connection imports one file and reports progress and
//! the result over a channel, so the window keeps drawing and Esc can cancel.
//! A cancelled import rolls back: nothing of the file is stored.
//! While another program holds the database's write lock the worker waits
//! for it (the screen says so, and Esc still cancels) instead of failing.

use std::path::PathBuf;
use std::sync::atomic::AtomicBool;
use std::time::Instant;

use chrono::NaiveDateTime;
use rusqlite::Connection;

use crate::context::Ctx;
use crate::error::Result;
use crate::import::mapping::ColumnMap;
use crate::import::sink::{Control, Progress};
use crate::import::{Confirmed, Options, Report};
use crate::ops::import::{import_file_mapped, wait_for_writers};
use crate::ui::job::{Job, News, OnLeave};

/// What the worker tells the screen.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum JobEvent {
    Progress {
        rows_done: u64,
        rows_total: u64,
        /// Rows read per second since the first report; None until known.
        rows_per_sec: Option<u64>,
    },
    /// Another program holds the database's write lock: true while the
    /// import waits for it, false once it goes on.
    Waiting(bool),
    /// The import ended: its report, or why nothing was stored.
    Finished(std::result::Result<Report, crate::message::Message>),
}

/// Rows per second, measured from the first progress report (reading the
/// file to count its rows comes before it and is not row work).
#[derive(Debug, Default)]
struct Rate {
    first: Option<(Instant, u64)>,
}

impl Rate {
    fn update(&mut self, rows_done: u64) -> Option<u64> {
        let now = Instant::now();
        let (start, start_rows) = *self.first.get_or_insert((now, rows_done));
        let seconds = now.duration_since(start).as_secs_f64();
        // A rate over less than a tenth of a second is mostly noise.
        (seconds >= 0.1)
            .then(|| (rows_done.saturating_sub(start_rows) as f64 / seconds).round() as u64)
    }
}

/// What one import reads: the file, with the owner's column map when they
/// said which column is what (else as recognised, or a map kept for its
/// header).
#[derive(Debug, Clone)]
pub struct Request {
    pub file: PathBuf,
    pub opts: Options,
    pub confirmed: Confirmed,
    pub map: Option<ColumnMap>,
}

/// Imports the request's file on `conn` right here, watching `cancel`,
/// through the operation the command line's `import` uses.
pub fn run_here(
    conn: &mut Connection,
    request: &Request,
    now: NaiveDateTime,
    cancel: &AtomicBool,
    on_progress: &mut dyn FnMut(JobEvent),
) -> Result<Report> {
    let mut rate = Rate::default();
    let mut progress = |p: Progress| {
        on_progress(JobEvent::Progress {
            rows_done: p.rows_done,
            rows_total: p.rows_total,
            rows_per_sec: rate.update(p.rows_done),
        })
    };
    let control = Control {
        progress: &mut progress,
        cancel,
    };
    import_file_mapped(
        conn,
        &request.file,
        &request.opts,
        now,
        control,
        request.confirmed,
        request.map.clone(),
    )
}

impl News for JobEvent {
    fn is_progress(&self) -> bool {
        matches!(self, JobEvent::Progress { .. })
    }

    fn failed(why: crate::message::Message) -> JobEvent {
        JobEvent::Finished(Err(why))
    }
}

/// An import as a [`Job`]: on a worker, or in place for a database
/// without a file.
pub type ImportJob = Job<JobEvent>;

/// Starts importing `file`. On a worker, the import waits first for any
/// other program writing, and starts again from the top whenever one kept
/// the write lock longer than SQLite waits. Leaving cancels it and waits
/// for the rollback, so the database is never left half written.
pub fn start(ctx: &Ctx, request: Request) -> ImportJob {
    let now = ctx.clock.now();
    Job::start(ctx, OnLeave::CancelAndWait, move |ctx, worker| {
        let cancel = worker.cancel_flag();
        let mut send = |event| worker.send(event);
        let result = loop {
            if let Err(e) = wait_for_writers(&ctx.conn, cancel, &mut |waiting| {
                send(JobEvent::Waiting(waiting))
            }) {
                break Err(e);
            }
            match run_here(&mut ctx.conn, &request, now, cancel, &mut send) {
                Err(e) if e.is_busy() => continue,
                done => break done,
            }
        };
        let result = match &ctx.db_path {
            Some(db) => result.map_err(|e| e.at_db(db)),
            None => result,
        };
        JobEvent::Finished(result.map_err(|e| e.message()))
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ops::import::worker_connection;

    fn wait_for_end(job: &ImportJob) -> Vec<JobEvent> {
        let mut seen = Vec::new();
        for _ in 0..500 {
            seen.extend(job.drain());
            if matches!(seen.last(), Some(JobEvent::Finished(_))) {
                return seen;
            }
            std::thread::sleep(std::time::Duration::from_millis(10));
        }
        panic!("the import did not end: {seen:?}");
    }

    fn opts() -> Options {
        Options {
            format: None,
            encoding: None,
            country: "HR".into(),
            currency: crate::domain::money::Currency::from_code("EUR").unwrap(),
            max_receipt: crate::config::DEFAULT_MAX_RECEIPT,
            today: chrono::NaiveDate::from_ymd_opt(2026, 11, 23).unwrap(),
            dry_run: false,
        }
    }

    fn request(file: PathBuf) -> Request {
        Request {
            file,
            opts: opts(),
            confirmed: Confirmed::default(),
            map: None,
        }
    }

    fn noon() -> NaiveDateTime {
        opts().today.and_hms_opt(12, 0, 0).unwrap()
    }

    #[test]
    fn a_worker_imports_on_its_own_connection() {
        let dir = tempfile::tempdir().unwrap();
        let db_path = dir.path().join("club.db");
        let file = dir.path().join("till.csv");
        let mut csv = String::from("receipt_id,time,total\n");
        for i in 0..600 {
            csv.push_str(&format!("R{i},2026-11-0{}T10:00:00,1.00\n", i % 9 + 1));
        }
        std::fs::write(&file, csv).unwrap();
        let ctx = Ctx::new(
            worker_connection(&db_path).unwrap(),
            crate::clock::Clock::fixed(opts().today),
            crate::config::Config::default(),
            Some(db_path.clone()),
        );
        let job = start(&ctx, request(file));
        let events = wait_for_end(&job);
        match events.last() {
            Some(JobEvent::Finished(Ok(report))) => assert_eq!(report.counts.receipts_new, 600),
            other => panic!("{other:?}"),
        }
        let stored: i64 = worker_connection(&db_path)
            .unwrap()
            .query_row("SELECT count(*) FROM receipts", [], |r| r.get(0))
            .unwrap();
        assert_eq!(stored, 600);
    }

    #[test]
    fn a_cancelled_import_stores_nothing() {
        let dir = tempfile::tempdir().unwrap();
        let db_path = dir.path().join("club.db");
        let file = dir.path().join("till.csv");
        std::fs::write(
            &file,
            "receipt_id,time,total\nR1,2026-11-02T10:00:00,1.00\n",
        )
        .unwrap();
        worker_connection(&db_path).unwrap();
        let mut conn = worker_connection(&db_path).unwrap();
        let cancel = AtomicBool::new(true);
        let err = run_here(&mut conn, &request(file), noon(), &cancel, &mut |_| {}).unwrap_err();
        assert!(err.to_string().contains("nothing was stored"), "{err}");
        let stored: i64 = conn
            .query_row("SELECT count(*) FROM receipts", [], |r| r.get(0))
            .unwrap();
        assert_eq!(stored, 0);
    }
}
