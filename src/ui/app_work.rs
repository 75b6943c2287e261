//! The app's side of long work ([`crate::ui::job`]): the screen in front
//! owns its work; between frames the app takes what the work said and
//! applies what the screen makes of it, and runs work waiting to run in
//! place after the frame that says it started. A screen with work running
//! opens nothing above itself, so the screen in front is the one to ask.

use crate::ui::app::App;

impl App {
    /// Long work is running: the window should redraw without keys.
    pub fn working(&self) -> bool {
        self.stack.top().working()
    }

    /// Takes what the running work said since the last frame.
    pub fn poll_work(&mut self) {
        let effect = self.stack.top_mut().poll(&self.ctx);
        self.apply(effect);
    }

    /// Runs work that was asked for by the last key and waits to run in
    /// place, after the screen has shown that it started, then takes what
    /// it said. True when something ran.
    pub fn run_pending(&mut self) -> bool {
        let ran = self.stack.top_mut().run_here(&mut self.ctx);
        if ran {
            self.poll_work();
        }
        ran
    }
}
