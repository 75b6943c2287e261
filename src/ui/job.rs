//! Long work behind a screen (an import, a tier recompute, a demo fill):
//! the one way it runs, so the window keeps drawing and keys keep working.
//!
//! The work is an operation given a context of its own: on a worker thread
//! with its own connection from the one safe opening path, or, for a
//! database without a file (tests), in place on the app's context after the
//! frame that says it started. Either way what it says comes over one
//! channel that the screen drains between frames, and a cancel flag is
//! there for the work to look at.

use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc::{Receiver, Sender, channel};
use std::thread::JoinHandle;

use crate::context::Ctx;
use crate::ops::import::worker_connection;

/// What a job tells its screen.
pub trait News: Send + 'static {
    /// A progress report: only the newest of several is worth showing.
    fn is_progress(&self) -> bool;
    /// The last word of work that never started (its connection failed).
    fn failed(why: crate::message::Message) -> Self;
}

/// What leaving the screen does to work still running.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum OnLeave {
    /// Cancel it and wait for the rollback: the work writes, and the
    /// database must never be left half written (an import, a fill).
    CancelAndWait,
    /// Let it finish on its own: the work is safe to complete and would
    /// only keep the window frozen while waited for (a recompute).
    LetFinish,
}

/// The work's side: report, and look at the cancel flag.
#[derive(Debug)]
pub struct Worker<E> {
    tx: Sender<E>,
    cancel: Arc<AtomicBool>,
}

// By hand: a derived Clone would ask the news to be Clone too.
impl<E> Clone for Worker<E> {
    fn clone(&self) -> Self {
        Worker {
            tx: self.tx.clone(),
            cancel: Arc::clone(&self.cancel),
        }
    }
}

impl<E> Worker<E> {
    pub fn send(&self, news: E) {
        // The screen may be gone (left, or the app quit); the work still
        // ends cleanly.
        let _ = self.tx.send(news);
    }

    pub fn cancel_flag(&self) -> &AtomicBool {
        &self.cancel
    }

    pub fn cancelled(&self) -> bool {
        self.cancel.load(Ordering::Relaxed)
    }

    /// Runs `work` (one long query on `conn`) so that cancelling the job
    /// interrupts the query itself: a watcher looks at the cancel flag
    /// while the query runs. Work that is replaced at every keystroke
    /// (the Segments screen's count) stops at once instead of piling up.
    pub fn interruptible<T>(&self, conn: &rusqlite::Connection, work: impl FnOnce() -> T) -> T {
        let handle = conn.get_interrupt_handle();
        let cancel = Arc::clone(&self.cancel);
        let done = Arc::new(AtomicBool::new(false));
        let watching = Arc::clone(&done);
        let watcher = std::thread::spawn(move || {
            while !watching.load(Ordering::Relaxed) {
                if cancel.load(Ordering::Relaxed) {
                    handle.interrupt();
                    return;
                }
                std::thread::sleep(std::time::Duration::from_millis(10));
            }
        });
        let result = work();
        done.store(true, Ordering::Relaxed);
        let _ = watcher.join();
        result
    }
}

type Work<E> = Box<dyn FnOnce(&mut Ctx, &Worker<E>) -> E + Send>;

/// One piece of long work and what it said so far.
pub struct Job<E: News> {
    events: Receiver<E>,
    worker: Worker<E>,
    thread: Option<JoinHandle<()>>,
    /// Work waiting to run in place (a database without a file).
    here: Option<Work<E>>,
    on_leave: OnLeave,
}

impl<E: News> std::fmt::Debug for Job<E> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Job")
            .field("cancelled", &self.cancelled())
            .field("on_worker", &self.thread.is_some())
            .field("waiting_to_run_here", &self.here.is_some())
            .field("on_leave", &self.on_leave)
            .finish()
    }
}

impl<E: News> Job<E> {
    /// Starts `work`: on a worker with a context of its own (the same
    /// clock and config) when the database is a file, else it waits for
    /// [`Job::run_here`]. `work` returns its last word.
    pub fn start(
        ctx: &Ctx,
        on_leave: OnLeave,
        work: impl FnOnce(&mut Ctx, &Worker<E>) -> E + Send + 'static,
    ) -> Job<E> {
        let (tx, events) = channel();
        let worker = Worker {
            tx,
            cancel: Arc::new(AtomicBool::new(false)),
        };
        let mut job = Job {
            events,
            worker: worker.clone(),
            thread: None,
            here: None,
            on_leave,
        };
        match ctx.db_path.clone() {
            Some(db_path) => {
                let seed = ctx.seed();
                job.thread = Some(std::thread::spawn(move || {
                    let last = match worker_connection(&db_path) {
                        Ok(conn) => {
                            let mut own = seed.with(conn);
                            // What the work words (an import's notes) is
                            // in the club's language, as on the app's side.
                            let locale = own.locale().clone();
                            locale.scope(|| work(&mut own, &worker))
                        }
                        Err(e) => E::failed(e.at_db(&db_path).message()),
                    };
                    worker.send(last);
                }));
            }
            None => job.here = Some(Box::new(work)),
        }
        job
    }

    /// Runs work waiting to run in place on the app's context; true when
    /// some ran. Its news is drained as a worker's would be.
    pub fn run_here(&mut self, ctx: &mut Ctx) -> bool {
        let Some(work) = self.here.take() else {
            return false;
        };
        let last = work(ctx, &self.worker);
        self.worker.send(last);
        true
    }

    /// Asks the work to stop; it says so in its last word.
    pub fn cancel(&self) {
        self.worker.cancel.store(true, Ordering::Relaxed);
    }

    pub fn cancelled(&self) -> bool {
        self.worker.cancelled()
    }

    /// What the work said since the last call; of several progress
    /// reports in a row only the newest is kept.
    pub fn drain(&self) -> Vec<E> {
        let mut out: Vec<E> = Vec::new();
        while let Ok(news) = self.events.try_recv() {
            if news.is_progress() && out.last().is_some_and(E::is_progress) {
                out.pop();
            }
            out.push(news);
        }
        out
    }
}

impl<E: News> Drop for Job<E> {
    /// Leaving (or quitting) while the work runs: see [`OnLeave`].
    fn drop(&mut self) {
        self.cancel();
        if self.on_leave == OnLeave::CancelAndWait
            && let Some(thread) = self.thread.take()
        {
            let _ = thread.join();
        }
    }
}

#[cfg(test)]
#[path = "job_tests.rs"]
mod tests;
