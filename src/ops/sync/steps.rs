//! The rhythm of a sync: after every batch the caller hears how far it
//! got and may stop it; the local write lock is free between batches.

use std::sync::atomic::{AtomicBool, Ordering};

use super::report::SyncProgress;
use crate::error::{Error, Result};

/// Set to N, the process stops dead after N batches (as a power cut or
/// `kill -9` would): how the tests prove that a cut sync is finished by
/// the next one. Unset in use.
const CUT_AFTER: &str = "REGULARS_SYNC_CUT_AFTER";

pub struct Steps<'a> {
    progress: &'a mut dyn FnMut(SyncProgress),
    cancel: &'a AtomicBool,
    cut_after: Option<u64>,
    batches: u64,
}

impl<'a> Steps<'a> {
    pub fn new(progress: &'a mut dyn FnMut(SyncProgress), cancel: &'a AtomicBool) -> Self {
        Steps {
            progress,
            cancel,
            cut_after: std::env::var(CUT_AFTER).ok().and_then(|v| v.parse().ok()),
            batches: 0,
        }
    }

    /// A batch is committed on both sides: report it, and stop when asked.
    pub fn batch_done(&mut self, news: SyncProgress) -> Result<()> {
        self.batches += 1;
        if self.cut_after == Some(self.batches) {
            std::process::abort();
        }
        (self.progress)(news);
        if self.cancel.load(Ordering::Relaxed) {
            return Err(Error::user("err-sync-stopped", &[]));
        }
        Ok(())
    }
}
