use crate::message::Message;
use std::time::Duration;

use super::*;
use crate::clock::Clock;
use crate::config::Config;

#[derive(Debug, PartialEq, Eq)]
enum Said {
    Step(u32),
    End(std::result::Result<i64, crate::message::Message>),
}

impl News for Said {
    fn is_progress(&self) -> bool {
        matches!(self, Said::Step(_))
    }

    fn failed(why: crate::message::Message) -> Said {
        Said::End(Err(why))
    }
}

fn ctx_on(db_path: Option<std::path::PathBuf>) -> Ctx {
    let conn = match &db_path {
        Some(path) => worker_connection(path).unwrap(),
        None => crate::db::open_in_memory().unwrap(),
    };
    let day = chrono::NaiveDate::from_ymd_opt(2026, 11, 23).unwrap();
    Ctx::new(conn, Clock::fixed(day), Config::default(), db_path)
}

fn receipts(ctx: &Ctx) -> i64 {
    ctx.conn
        .query_row("SELECT count(*) FROM receipts", [], |r| r.get(0))
        .unwrap()
}

/// Counts the receipts on the context it is given, after three steps.
fn counting(ctx: &mut Ctx, worker: &Worker<Said>) -> Said {
    for step in 1..=3 {
        worker.send(Said::Step(step));
    }
    Said::End(Ok(receipts(ctx)))
}

fn wait_for_end(job: &Job<Said>) -> Vec<Said> {
    let mut seen = Vec::new();
    for _ in 0..1000 {
        seen.extend(job.drain());
        if matches!(seen.last(), Some(Said::End(_))) {
            return seen;
        }
        std::thread::sleep(Duration::from_millis(10));
    }
    panic!("the work did not end: {seen:?}");
}

#[test]
fn a_file_database_gets_a_worker_with_its_own_connection() {
    let dir = tempfile::tempdir().unwrap();
    let db_path = dir.path().join("club.db");
    let mut ctx = ctx_on(Some(db_path.clone()));
    let job = Job::start(&ctx, OnLeave::CancelAndWait, |ctx, worker| {
        // Not the app's thread: the app's connection is never lent out.
        assert_ne!(ctx.db_path, None);
        counting(ctx, worker)
    });
    assert!(job.here.is_none(), "nothing waits to run in place");
    let seen = wait_for_end(&job);
    assert_eq!(seen.last(), Some(&Said::End(Ok(0))));
    let mut job = job;
    assert!(!job.run_here(&mut ctx));
}

#[test]
fn a_worker_words_what_it_says_in_the_club_language() {
    let dir = tempfile::tempdir().unwrap();
    let mut ctx = ctx_on(Some(dir.path().join("club.db")));
    let mut config = ctx.config.clone();
    config.shop.locale = "hr".into();
    ctx.set_config(config);
    // An import's notes are worded on the worker: in Croatian, not English.
    let job = Job::start(&ctx, OnLeave::CancelAndWait, |_, _| {
        Said::End(Err(Message::new(&crate::i18n::t("ui-key-help"), &[])))
    });
    let seen = wait_for_end(&job);
    let Some(Said::End(Err(said))) = seen.last() else {
        panic!("{seen:?}");
    };
    let croatian = crate::i18n::Locale::new("hr").scope(|| crate::i18n::t("ui-key-help"));
    assert_eq!(said.key(), croatian);
}

#[test]
fn progress_in_a_row_is_kept_only_newest() {
    let mut ctx = ctx_on(None);
    let mut job = Job::start(&ctx, OnLeave::CancelAndWait, counting);
    assert!(job.run_here(&mut ctx));
    assert_eq!(job.drain(), vec![Said::Step(3), Said::End(Ok(0))]);
    // Run once only.
    assert!(!job.run_here(&mut ctx));
    assert_eq!(job.drain(), vec![]);
}

#[test]
fn a_database_without_a_file_runs_the_work_in_place_when_asked() {
    let mut ctx = ctx_on(None);
    ctx.conn
        .execute(
            "INSERT INTO receipts (source, till_id, local_date, total_minor, kind)
             VALUES ('generic', 'R1', '2026-11-02', 1250, 'sale')",
            [],
        )
        .unwrap();
    let mut job = Job::start(&ctx, OnLeave::CancelAndWait, counting);
    assert_eq!(job.drain(), vec![], "nothing runs before it is asked");
    job.run_here(&mut ctx);
    assert_eq!(job.drain().last(), Some(&Said::End(Ok(1))));
}

#[test]
fn the_work_sees_a_cancel() {
    let mut ctx = ctx_on(None);
    let mut job = Job::start(&ctx, OnLeave::CancelAndWait, |_, worker| {
        Said::End(if worker.cancelled() {
            Err(Message::verbatim("stopped"))
        } else {
            Ok(1)
        })
    });
    job.cancel();
    assert!(job.cancelled());
    job.run_here(&mut ctx);
    assert_eq!(
        job.drain(),
        vec![Said::End(Err(Message::verbatim("stopped")))]
    );
}

#[test]
fn a_database_that_cannot_open_is_the_work_s_last_word() {
    let dir = tempfile::tempdir().unwrap();
    let mut ctx = ctx_on(None);
    // A folder where the database file should be.
    ctx.db_path = Some(dir.path().to_path_buf());
    let job = Job::start(&ctx, OnLeave::CancelAndWait, counting);
    match wait_for_end(&job).as_slice() {
        [Said::End(Err(why))] => assert!(!why.to_string().is_empty()),
        other => panic!("{other:?}"),
    }
}

#[test]
fn leaving_work_to_finish_does_not_wait_for_it() {
    let dir = tempfile::tempdir().unwrap();
    let ctx = ctx_on(Some(dir.path().join("club.db")));
    let (tx, rx) = std::sync::mpsc::channel::<()>();
    let job = Job::start(&ctx, OnLeave::LetFinish, move |_, _| {
        // Holds on until the test lets it go, long after the job was dropped.
        let _ = rx.recv_timeout(Duration::from_secs(10));
        Said::End(Ok(0))
    });
    let started = std::time::Instant::now();
    drop(job);
    assert!(started.elapsed() < Duration::from_secs(5));
    let _ = tx.send(());
}
