//! The app's side of importing: taking what an import worker reports between frames, and
//! running an import in place when the database has no file (tests).

use std::sync::Arc;
use std::sync::atomic::AtomicBool;

use crate::ops::import::{Overrides, options};
use crate::ui::app::App;
use crate::ui::import_job::{JobEvent, run_here};
use crate::ui::screens::import::ImportState;

impl App {
    /// An import is running: the window should redraw without keys.
    pub fn working(&self) -> bool {
        self.stack
            .top_as::<ImportState>()
            .is_some_and(ImportState::is_running)
    }

    /// Takes the running import's reports (between frames).
    pub fn poll_work(&mut self) {
        if let Some(s) = self.stack.find_mut::<ImportState>() {
            let effect = s.poll(&self.ctx);
            self.apply(effect);
        }
    }

    /// Hands one report of an import to the import screen.
    pub fn import_event(&mut self, event: JobEvent) {
        if let Some(s) = self.stack.find_mut::<ImportState>() {
            let effect = s.receive(event, &self.ctx);
            self.apply(effect);
        }
    }

    /// Runs an import asked for in place; true when one ran.
    pub(super) fn run_import_here(&mut self) -> bool {
        let Some(path) = self.import_pending.take() else {
            return false;
        };
        let opts = match options(&self.ctx, &Overrides::default()) {
            Ok(opts) => opts,
            Err(e) => {
                self.import_event(JobEvent::Finished(Err(e.to_string())));
                return true;
            }
        };
        let now = self.ctx.clock.now();
        let cancel = self
            .stack
            .top_as::<ImportState>()
            .and_then(ImportState::cancel_flag)
            .unwrap_or_else(|| Arc::new(AtomicBool::new(false)));
        let result = run_here(&mut self.ctx.conn, &path, &opts, now, &cancel, &mut |_| {});
        self.import_event(JobEvent::Finished(result.map_err(|e| e.to_string())));
        true
    }
}
