//! The app's side of importing: opening the import and unmatched-customer
//! screens, taking what an import worker reports between frames, and
//! running an import in place when the database has no file (tests).

use std::sync::Arc;
use std::sync::atomic::AtomicBool;

use crate::ops::import::{Overrides, options};
use crate::ui::app::{App, Screen};
use crate::ui::import_job::{JobEvent, run_here};
use crate::ui::screens::Effect;
use crate::ui::screens::import::ImportState;
use crate::ui::screens::unmatched::UnmatchedState;

impl App {
    pub(super) fn apply_import(&mut self, effect: Effect) {
        match effect {
            Effect::OpenImport => {
                let (state, effect) = ImportState::open(&self.ctx);
                self.screen = Screen::Import(Box::new(state));
                self.apply(effect);
            }
            Effect::OpenUnmatched => match UnmatchedState::open(&self.ctx) {
                Ok(state) => self.screen = Screen::Unmatched(Box::new(state)),
                Err(e) => self.message = Some((e.to_string(), true)),
            },
            Effect::ImportHere(path) => self.import_pending = Some(path),
            _ => {}
        }
    }

    /// An import is running: the window should redraw without keys.
    pub fn working(&self) -> bool {
        matches!(&self.screen, Screen::Import(s) if s.is_running())
    }

    /// Takes the running import's reports (between frames).
    pub fn poll_work(&mut self) {
        if let Screen::Import(s) = &mut self.screen {
            let effect = s.poll(&self.ctx);
            self.apply(effect);
        }
    }

    /// Hands one report of an import to the import screen.
    pub fn import_event(&mut self, event: JobEvent) {
        if let Screen::Import(s) = &mut self.screen {
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
        let cancel = match &self.screen {
            Screen::Import(s) => s.cancel_flag(),
            _ => None,
        }
        .unwrap_or_else(|| Arc::new(AtomicBool::new(false)));
        let result = run_here(&mut self.ctx.conn, &path, &opts, now, &cancel, &mut |_| {});
        self.import_event(JobEvent::Finished(result.map_err(|e| e.to_string())));
        true
    }
}
