//! The app's side of importing: handing one report of an import to the
//! import screen, as its worker would (tests show a frame mid-import).

use crate::ui::app::App;
use crate::ui::import_job::JobEvent;
use crate::ui::screens::import::ImportState;

impl App {
    /// Hands one report of an import to the import screen.
    pub fn import_event(&mut self, event: JobEvent) {
        if let Some(s) = self.stack.find_mut::<ImportState>() {
            let effect = s.receive(event, &self.ctx);
            self.apply(effect);
        }
    }
}
