//! The daily backup, started with the app: on a worker with its own
//! connection (the job pattern), so the first frame never waits for the
//! copy. Once it is done nothing is said; a backup that failed says why on
//! the message line, since the owner may be counting on it.

use crate::context::Ctx;
use crate::message::{Arg, Message};
use crate::ops::backup::daily_backup;
use crate::ui::app::App;
use crate::ui::job::{Job, News, OnLeave};

/// What the backup's worker says when it ends.
#[derive(Debug)]
pub enum BackupNews {
    Done,
    Failed(Message),
}

impl News for BackupNews {
    fn is_progress(&self) -> bool {
        false
    }

    fn failed(why: Message) -> Self {
        BackupNews::Failed(why)
    }
}

/// Starts today's backup behind the screen; None when there is nothing to
/// do in the background: daily backups are off, or the club has no file.
pub fn start(ctx: &Ctx) -> Option<Job<BackupNews>> {
    if ctx.db_path.is_none() || ctx.config.backup.keep == 0 {
        return None;
    }
    // Quitting waits for the copy: it is renamed into place only when
    // whole, so an interrupted one would only leave a hidden part behind.
    let job = Job::start(ctx, OnLeave::CancelAndWait, |ctx, _| {
        match daily_backup(ctx) {
            Ok(_) => BackupNews::Done,
            Err(e) => BackupNews::Failed(e.message()),
        }
    });
    Some(job)
}

impl App {
    /// Takes the day's backup in the background, if one is due.
    pub fn start_daily_backup(&mut self) {
        self.daily_backup = start(&self.ctx);
    }

    /// True until the day's backup has ended (tests wait for it).
    pub fn backing_up(&self) -> bool {
        self.daily_backup.is_some()
    }

    /// Takes the backup's last word, if it came.
    pub(super) fn poll_backup(&mut self) {
        let Some(job) = &self.daily_backup else {
            return;
        };
        for news in job.drain() {
            self.daily_backup = None;
            if let BackupNews::Failed(why) = news {
                let said = Message::with("ui-backup-failed", vec![("detail", Arg::message(why))]);
                self.message = Some((said, true));
            }
        }
    }
}
