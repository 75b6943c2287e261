//! The chain's sync while the app runs: on a worker with its own
//! connection (the job pattern), so no key ever waits for the server. It
//! runs when the app starts, a moment after this shop's data changed (a
//! signup, an import, an edit) and every `[sync] every_minutes`; the title
//! bar says "synced 2 min ago" or "offline since 10:42".
//!
//! Time between syncs is measured with the monotonic `Instant`, never the
//! calendar; the hour in "offline since" comes from the injected clock.

use std::time::{Duration, Instant};

use chrono::NaiveDateTime;

use crate::context::Ctx;
use crate::message::{Arg, Message};
use crate::ops::sync::{self, SyncReport};
use crate::ui::app::App;
use crate::ui::job::{Job, News, OnLeave};
use crate::ui::screens::welcome::WelcomeState;

/// How long after a change the sync waits, so a burst of edits (a signup
/// and its children and pets) goes in one sync.
const AFTER_CHANGE: Duration = Duration::from_secs(3);

/// How often the app wakes without keys while in a chain: to start a due
/// sync and to keep "synced N min ago" true.
pub const TICK: Duration = Duration::from_secs(1);

/// What the sync's worker says when it ends.
#[derive(Debug)]
pub enum SyncNews {
    Done(Box<SyncReport>),
    Failed(Message),
}

impl News for SyncNews {
    fn is_progress(&self) -> bool {
        false
    }

    fn failed(why: Message) -> Self {
        SyncNews::Failed(why)
    }
}

/// What the title bar says about the chain.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SyncStatus {
    /// Started, nothing finished yet.
    Starting,
    /// The last sync ended well this many whole minutes ago.
    Synced { minutes: u64 },
    /// Syncs have failed since this moment (the clock's time).
    Offline { since: NaiveDateTime },
}

/// The chain sync's state, kept by the app.
pub struct ChainSync {
    every: Duration,
    job: Option<Job<SyncNews>>,
    status: SyncStatus,
    last_ok: Option<Instant>,
    next_at: Instant,
    /// The database's change marks when last looked at (this connection's
    /// own changes, and other connections' commits).
    seen: (u64, i64),
}

impl ChainSync {
    /// The chain's sync for a club in a chain; None for a single shop, or a
    /// club without a file (nothing could run beside the app).
    pub fn new(ctx: &Ctx) -> Option<ChainSync> {
        ctx.db_path.as_ref()?;
        let target = ctx.config.sync.target()?;
        Some(ChainSync {
            every: Duration::from_secs(u64::from(target.every_minutes) * 60),
            job: None,
            status: SyncStatus::Starting,
            last_ok: None,
            next_at: Instant::now(),
            seen: change_marks(ctx),
        })
    }

    pub fn status(&self) -> &SyncStatus {
        &self.status
    }

    pub fn running(&self) -> bool {
        self.job.is_some()
    }

    /// Starts a sync when one is due and none runs.
    fn start_if_due(&mut self, ctx: &Ctx, now: Instant) {
        if self.job.is_some() || now < self.next_at {
            return;
        }
        // Quitting does not wait: a sync cut anywhere is completed by the
        // next one, and a server that does not answer must not hold the
        // window open.
        self.job = Some(Job::start(ctx, OnLeave::LetFinish, move |ctx, worker| {
            // Read again in the worker: a config without the shop's name
            // fails here with the message that says so.
            let done = sync::target(ctx)
                .and_then(|target| sync::run(ctx, &target, &mut |_| {}, worker.cancel_flag()));
            match done {
                Ok(report) => SyncNews::Done(Box::new(report)),
                Err(e) => SyncNews::Failed(e.message()),
            }
        }));
        self.next_at = now + self.every;
    }

    /// A change to the database since the last look brings the next sync
    /// forward to a moment from now.
    fn notice_changes(&mut self, ctx: &Ctx, now: Instant) {
        let marks = change_marks(ctx);
        if marks != self.seen {
            self.seen = marks;
            self.next_at = self.next_at.min(now + AFTER_CHANGE);
        }
    }

    fn refresh_minutes(&mut self, now: Instant) {
        if let (SyncStatus::Synced { minutes }, Some(ok)) = (&mut self.status, self.last_ok) {
            *minutes = now.duration_since(ok).as_secs() / 60;
        }
    }

    /// Sets what the title bar says (tests draw each state).
    pub fn set_status(&mut self, status: SyncStatus) {
        self.status = status;
    }
}

/// Whether anything was written: this connection's changes, and the
/// commits of other connections (an import's worker, the command line).
fn change_marks(ctx: &Ctx) -> (u64, i64) {
    let own = ctx.conn.total_changes();
    let others = ctx
        .conn
        .query_row("PRAGMA data_version", [], |r| r.get(0))
        .unwrap_or(0);
    (own, others)
}

impl App {
    /// Joins the chain's sync when the config names a chain.
    pub fn start_chain_sync(&mut self) {
        self.chain_sync = ChainSync::new(&self.ctx);
    }

    /// True while a sync runs (tests wait for it).
    pub fn syncing(&self) -> bool {
        self.chain_sync.as_ref().is_some_and(ChainSync::running)
    }

    /// What the title bar says about the chain, if the shop is in one.
    pub fn sync_status(&self) -> Option<&SyncStatus> {
        self.chain_sync.as_ref().map(ChainSync::status)
    }

    /// How long the window may wait for a key before it looks again.
    pub fn idle_wait(&self) -> Option<Duration> {
        self.chain_sync.as_ref().map(|_| TICK)
    }

    /// Takes the sync's last word, then starts the next when it is due.
    pub(super) fn poll_chain_sync(&mut self) {
        let Some(chain) = &mut self.chain_sync else {
            return;
        };
        let now = Instant::now();
        let news = chain.job.as_ref().map(Job::drain).unwrap_or_default();
        let mut pulled = false;
        for news in news {
            chain.job = None;
            // What the sync itself wrote is not a change to send back.
            chain.seen = change_marks(&self.ctx);
            match news {
                SyncNews::Done(report) => {
                    chain.last_ok = Some(now);
                    chain.status = SyncStatus::Synced { minutes: 0 };
                    pulled = report.pulled.total() > 0;
                }
                SyncNews::Failed(why) => {
                    if !matches!(chain.status, SyncStatus::Offline { .. }) {
                        chain.status = SyncStatus::Offline {
                            since: self.ctx.clock.now(),
                        };
                        // Said once, when the line goes down, not at every try.
                        let said =
                            Message::with("ui-sync-failed", vec![("detail", Arg::message(why))]);
                        self.message = Some((said, true));
                    }
                }
            }
        }
        chain.notice_changes(&self.ctx, now);
        chain.refresh_minutes(now);
        chain.start_if_due(&self.ctx, now);
        if pulled {
            // Members or receipts came from another branch: what is on
            // screen reloads as when coming back to it. A new branch's
            // welcome ("no members yet") is no longer true: the counter.
            let has_members = crate::ops::lookup::member_count(&self.ctx).is_ok_and(|n| n > 0);
            if self.top::<WelcomeState>().is_some() && has_members {
                self.stack.pop();
            }
            self.resume();
        }
    }

    /// Sets what the title bar says about the chain (tests).
    pub fn set_sync_status(&mut self, status: SyncStatus) {
        if let Some(chain) = &mut self.chain_sync {
            chain.set_status(status);
        }
    }
}

/// The title bar's words for `status`.
pub fn status_words(status: &SyncStatus) -> String {
    use crate::i18n::{t, t_args, t_count};
    match status {
        SyncStatus::Starting => t("ui-sync-starting"),
        SyncStatus::Synced { minutes: 0 } => t("ui-sync-just-now"),
        SyncStatus::Synced { minutes } => t_count("ui-sync-synced", "minutes", *minutes as i64),
        SyncStatus::Offline { since } => t_args(
            "ui-sync-offline",
            &[("time", &since.format("%H:%M").to_string())],
        ),
    }
}
